"""The dynscan proxy script: ``mitmdump -s .../proxy_addons/dynscan_proxy.py --set dynscan_session=DIR``.

Loads one addon (``flow_events.FlowEvents``) serving the session option, the PII detector's and the
destination classifier's options and every hook. Add ``-s .../sinkhole.py`` for offline runs.
"""

from dynscan.proxy_addons import default_addons

addons = default_addons()
