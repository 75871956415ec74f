"""mitmproxy script: find the device's personal data in the traffic of your own mitmproxy.

    mitmdump -s proxy_addons/dynscan_pii.py --set dynscan_identity=identity.json [--set dynscan_tolerance=0.01]

Each request that carries a known value is logged (``dynscan: POST https://host/path: imei (md5, body)``),
marked, and keeps the hits in ``flow.metadata["dynscan.pii"]``. See proxy_addons/README.md.
"""

from dynscan.proxy_addons.lab import pii_addons

addons = pii_addons()
