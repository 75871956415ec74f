"""The worker process behind the addon: same flow-file bytes, drained at shutdown, gone with mitmdump,
drops counted when it cannot keep up."""

from __future__ import annotations

import asyncio
import http.client
import json
import os
import signal
import subprocess
import time
from pathlib import Path

import pytest
from mitmproxy import io, tcp
from mitmproxy.io import tnetstring
from mitmproxy.test import tflow

from dynscan.proxy_addons import snapshot, tnet
from dynscan.proxy_addons.handoff import BATCH_WAIT_S, WorkerError, WorkerLink, frame
from dynscan.store import open_store

from .harness import IDENTITY, IMEI, Mitmdump, Upstream

pytestmark = pytest.mark.timeout(120)


def _flows() -> list[object]:
    return [tflow.tflow(resp=True), tflow.tflow(err=True), tflow.tflow(), tflow.ttcpflow(),
            tflow.twebsocketflow(), tflow.tflow(resp=True, ws=True)]


def test_tnet_dumps_is_byte_identical_to_mitmproxy() -> None:
    odd = {"a": [1, -2, 3.5, 1e300, True, False, None, b"\x00\xff", "é☃", (1, "x")], "b": {"c": {}}, "": []}
    for value in [odd, *(f.get_state() for f in _flows())]:  # type: ignore[attr-defined]
        assert tnet.dumps(value) == tnetstring.dumps(value)
    with pytest.raises(ValueError):
        tnet.dumps({"x": object()})


def test_snapshot_through_the_pipe_is_get_state() -> None:
    import pickle

    for f in _flows():
        if isinstance(f, tcp.TCPFlow):
            continue
        snap = pickle.loads(frame(snapshot.capture(f))[8:])  # type: ignore[arg-type]
        assert snapshot.to_state(snap) == f.get_state()  # type: ignore[attr-defined]
        assert snapshot.to_state(snap) == f.get_state()  # type: ignore[attr-defined]  # cached connection state


def test_flow_state_dump_reuses_the_connection_encoding_byte_identically() -> None:
    first = tflow.tflow(resp=True)
    second = tflow.tflow(resp=True)
    second.client_conn, second.server_conn = first.client_conn, first.server_conn  # keep-alive
    second.request.content = b'{"imei":"' + IMEI.encode() + b'"}'
    for f in (first, second, first):
        state = snapshot.to_state(snapshot.capture(f))
        assert snapshot.dump_state(state) == tnetstring.dumps(f.get_state())
    assert state["client_conn"] is snapshot.to_state(snapshot.capture(second))["client_conn"]  # reused
    first.client_conn.sni = "changed.example"  # mitmproxy replaces fields: a new state, a new encoding
    assert snapshot.dump_state(snapshot.to_state(snapshot.capture(first))) == tnetstring.dumps(first.get_state())


def _children(pid: int) -> list[int]:
    out = subprocess.run(["ps", "-o", "pid=", "--ppid", str(pid)], capture_output=True, text=True).stdout
    return [int(x) for x in out.split()]


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    try:  # a zombie (not yet reaped by init) counts as gone
        return Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0] != "Z"
    except OSError:
        return False


def _identity(work: Path) -> Path:
    p = work / "identity.json"
    p.write_text(json.dumps(IDENTITY))
    return p


@pytest.mark.integration
def test_sigterm_right_after_a_burst_loses_no_event(work: Path, upstream: Upstream) -> None:
    m = Mitmdump(work, work / "session", _identity(work))
    try:
        (worker,) = _children(m.proc.pid)
        c = http.client.HTTPConnection("127.0.0.1", m.port, timeout=30)
        n = 300
        for i in range(n):
            c.request("POST", f"http://127.0.0.1:{upstream.http_port}/burst/{i}", body=json.dumps({"imei": IMEI}))
            c.getresponse().read()
        c.close()
    finally:
        m.stop()  # SIGTERM straight away: mitmdump's done hook drains the hand-off and waits
    assert not _alive(worker)
    events = [e for e in m.events() if "/burst/" in e["url"]]
    assert len(events) == n and all(e["pii"] == [{"type": "imei", "encoding": "plain", "location": "body"}]
                                    for e in events)
    with (m.session / "flows.mitm").open("rb") as f:
        flows = list(io.FlowReader(f).stream())
    assert sum("/burst/" in fl.request.url for fl in flows) == n  # type: ignore[attr-defined]
    assert all(fl.metadata["dynscan.pii"] for fl in flows)


@pytest.mark.integration
def test_worker_exits_when_mitmdump_is_killed(work: Path, upstream: Upstream) -> None:
    m = Mitmdump(work, work / "session", _identity(work))
    try:
        (worker,) = _children(m.proc.pid)
        assert m.http("GET", f"http://127.0.0.1:{upstream.http_port}/before-kill") == 200
        m.wait_event("/before-kill")
        m.proc.kill()
        m.proc.wait(10)
        deadline = time.monotonic() + 10
        while _alive(worker) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not _alive(worker)
    finally:
        m.stop()


def _every_item_scanned_or_counted(link: WorkerLink, work: Path, submitted: int) -> None:
    """After ``close``: each submitted item is a flow event or a counted drop, and the drop events add up."""
    link.close()
    assert link.proc.returncode == 0
    with open_store(work / "session") as store:
        events = list(store.iter_raw())
    flows = [e for e in events if e["kind"] == "flow"]
    drops = [e for e in events if e["kind"] == "proxy_dropped"]
    assert len(flows) + link.dropped == submitted
    assert drops and drops[-1]["total"] == link.dropped and sum(d["count"] for d in drops) == link.dropped


def test_a_full_queue_drops_and_counts_never_blocks(work: Path) -> None:
    link = WorkerLink({"session": str(work / "session"), "identity_path": "", "tolerance": 0.01}, max_pending=4)
    record = {"method": "TCP", "url": "tcp://h:1", "host": "h", "scheme": "tcp"}
    os.kill(link.proc.pid, signal.SIGSTOP)  # a worker that cannot keep up at all
    try:
        t0 = time.monotonic()
        for i in range(400):
            link.submit(("msg", record, b"%d" % i + b"x" * 100_000, float(i)))
        assert time.monotonic() - t0 < 30  # a blocked submit would wait for ever; 400 copies of 100 KB take < 1 s
        assert link.dropped > 0
    finally:
        os.kill(link.proc.pid, signal.SIGCONT)
    _every_item_scanned_or_counted(link, work, 400)


def test_in_the_event_loop_a_stalled_worker_fills_the_buffer_then_drops_never_blocks(work: Path) -> None:
    link = WorkerLink({"session": str(work / "session"), "identity_path": "", "tolerance": 0.01},
                      max_buffered=1 << 20)
    record = {"method": "TCP", "url": "tcp://h:1", "host": "h", "scheme": "tcp"}

    async def feed() -> int:
        for i in range(200):
            link.submit(("msg", record, b"%d" % i + b"x" * 100_000, float(i)))
            if i % 20 == 19:
                await asyncio.sleep(2 * BATCH_WAIT_S)  # the timer fires: pickled, written as far as the pipe takes
        assert link.out  # the rest waits in the buffer for the loop to see the pipe writable
        return link.dropped

    os.kill(link.proc.pid, signal.SIGSTOP)
    try:
        t0 = time.monotonic()
        dropped = asyncio.run(feed())
        assert time.monotonic() - t0 < 30  # a blocking write would wait for ever
        assert dropped > 0
    finally:
        os.kill(link.proc.pid, signal.SIGCONT)
    _every_item_scanned_or_counted(link, work, 200)


def test_an_unpicklable_item_is_skipped_and_the_rest_of_its_batch_handed_over(work: Path) -> None:
    link = WorkerLink({"session": str(work / "session"), "identity_path": "", "tolerance": 0.01})
    record = {"method": "TCP", "url": "tcp://h:1", "host": "h", "scheme": "tcp"}

    async def feed() -> None:
        link.submit(("msg", record, b"first", 1.0))
        link.submit(("msg", record, lambda: b"", 2.0))  # one batch, one frame: the pickle fails
        link.submit(("msg", record, b"third", 3.0))
        await asyncio.sleep(2 * BATCH_WAIT_S)

    asyncio.run(feed())
    link.close()
    assert link.proc.returncode == 0
    with open_store(work / "session") as store:
        flows = [e for e in store.iter_raw() if e["kind"] == "flow"]
    assert len(flows) == 2 and link.dropped == 0


def test_worker_start_error_is_one_line(work: Path) -> None:
    bad = work / "identity.json"
    bad.write_text("{not json")
    with pytest.raises(WorkerError) as e:
        WorkerLink({"session": str(work / "session"), "identity_path": str(bad), "identity_given": True})
    assert str(bad) in str(e.value) and "\n" not in str(e.value)
