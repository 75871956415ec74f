"""mitmproxy script: record a dynscan session (flow events into DIR/session.db, flows into DIR/flows.mitm).

    mitmdump -s proxy_addons/dynscan_session.py --set dynscan_session=DIR [--set dynscan_identity=identity.json]

Then ``dynscan analyze DIR``. See proxy_addons/README.md and docs/traffic.md.
"""

from dynscan.proxy_addons import default_addons

addons = default_addons()
