"""The dynscan proxy script: ``mitmdump -s .../proxy_addons/dynscan_proxy.py --set dynscan_session=DIR``.

Loads the shared option, the PII detector and the flow-events writer (in that order: the writer reads
what the detector left in ``flow.metadata``). Add ``-s .../sinkhole.py`` for offline runs.
"""

from dynscan.proxy_addons import default_addons

addons = default_addons()
