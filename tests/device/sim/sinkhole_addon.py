"""mitmproxy addon for the tests: answer every request itself and log it as one JSON line."""

from __future__ import annotations

import json
import os

from mitmproxy import http

LOG = os.environ["SINKHOLE_LOG"]


class Sinkhole:
    def request(self, flow: http.HTTPFlow) -> None:
        with open(LOG, "a", encoding="utf-8") as f:
            f.write(json.dumps({"method": flow.request.method, "scheme": flow.request.scheme,
                                "host": flow.request.pretty_host, "path": flow.request.path,
                                "body": flow.request.get_text(strict=False) or ""}) + "\n")
        flow.response = http.Response.make(200, b'{"status":"ok"}', {"Content-Type": "application/json"})


addons = [Sinkhole()]
