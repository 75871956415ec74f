"""A finished HTTP flow, captured cheaply in mitmdump and turned into ``Flow.get_state()`` in the worker.

``HTTPFlow.get_state()`` spends most of its ~0.14 ms on the two connection objects (mitmproxy's
generic dataclass serializer). The capture copies them instead (a shallow ``copy.copy``: their
fields are replaced, not mutated, by mitmproxy; ~8 µs) and takes the cheap parts' states (request,
response); the worker calls the connections' ``get_state`` (reused per connection while its fields
are unchanged) and assembles the exact same dict.
Flows with a backup (edited in mitmproxy) or a websocket take the plain ``get_state()`` path.
"""

from __future__ import annotations

import copy
from typing import Any

from mitmproxy import http, version

from dynscan.proxy_addons import tnet


def capture(flow: http.HTTPFlow) -> dict[str, Any]:
    if flow._backup is not None or flow.websocket is not None:
        return {"state": flow.get_state()}
    return {
        "id": flow.id,
        "error": flow.error.get_state() if flow.error else None,
        "client": copy.copy(flow.client_conn),
        "server": copy.copy(flow.server_conn),
        "intercepted": flow.intercepted,
        "is_replay": flow.is_replay,
        "marked": flow.marked,
        "metadata": copy.deepcopy(flow.metadata),
        "comment": flow.comment,
        "timestamp_created": flow.timestamp_created,
        "request": flow.request.get_state(),  # type: ignore[no-untyped-call]
        "response": flow.response.get_state() if flow.response else None,  # type: ignore[no-untyped-call]
    }


_CONN_STATES: dict[str, tuple[dict[str, Any], dict[str, Any]]] = {}
_CONN_ENCODED: dict[int, tuple[Any, bytes]] = {}  # tnet.Known of the cached connection states
_CONN_CACHE_MAX = 1024


def _conn_state(conn: Any) -> dict[str, Any]:
    """``conn.get_state()``, reused while a keep-alive connection's fields are unchanged (the states
    are only read afterwards)."""
    fields = vars(conn)
    hit = _CONN_STATES.get(conn.id)
    if hit is not None and hit[0] == fields:
        return hit[1]
    state: dict[str, Any] = conn.get_state()
    if len(_CONN_STATES) >= _CONN_CACHE_MAX:
        _CONN_STATES.clear()
        _CONN_ENCODED.clear()
    _CONN_STATES[conn.id] = (dict(fields), state)
    return state


def to_state(snap: dict[str, Any]) -> dict[str, Any]:
    """What ``flow.get_state()`` returned at capture time."""
    if "state" in snap:
        state: dict[str, Any] = snap["state"]
        return state
    return {
        "version": version.FLOW_FORMAT_VERSION,
        "type": "http",
        "id": snap["id"],
        "error": snap["error"],
        "client_conn": _conn_state(snap["client"]),
        "server_conn": _conn_state(snap["server"]),
        "intercepted": snap["intercepted"],
        "is_replay": snap["is_replay"],
        "marked": snap["marked"],
        "metadata": snap["metadata"],
        "comment": snap["comment"],
        "timestamp_created": snap["timestamp_created"],
        "backup": None,
        "request": snap["request"],
        "response": snap["response"],
        "websocket": None,
    }


def dump_state(state: dict[str, Any]) -> bytes:
    """``tnetstring.dumps(state)`` for ``flows.mitm``; a keep-alive connection's state is encoded
    once (about half of a plain HTTP flow's encoding)."""
    for key in ("client_conn", "server_conn"):
        conn = state.get(key)
        if conn is not None and id(conn) not in _CONN_ENCODED:
            if len(_CONN_ENCODED) >= 2 * _CONN_CACHE_MAX:
                _CONN_ENCODED.clear()
            _CONN_ENCODED[id(conn)] = (conn, tnet.dumps(conn))
    return tnet.dumps(state, _CONN_ENCODED)


def scan_request(state: dict[str, Any]) -> tuple[http.Request, bool]:
    """The request the scan and the event read, and whether the flow is a websocket, from a flow's
    state without consuming it. Built with ``set_state`` (mitmproxy's own restore path) rather than
    ``Request.from_state``, whose dataclass type checks cost more than the rest of the worker's
    bookkeeping for a flow: the state is a real request's ``get_state()``, its types already right."""
    data = http.RequestData.__new__(http.RequestData)
    data.set_state(dict(state["request"]))  # type: ignore[no-untyped-call]
    req = http.Request.__new__(http.Request)
    req.data = data
    return req, state.get("websocket") is not None
