"""mitmproxy script: answer every request in the proxy, so nothing leaves the machine.

    mitmdump -s proxy_addons/dynscan_pii.py -s proxy_addons/dynscan_sinkhole.py --set dynscan_sinkhole=true ...
"""

from dynscan.proxy_addons.sinkhole import addons as _sinkhole_addons

addons = list(_sinkhole_addons)
