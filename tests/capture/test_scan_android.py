"""``dynscan run --device SERIAL`` end to end against the scripted adb server: the real CLI, real mitmdump.

No phone is reachable from this machine: ``ScriptedAdbServer`` and ``FakePhone`` (tests/device/android, the
only mock) answer as a rooted Android 13 phone with a frida-server binary. Frida on the host finds nothing
behind the forwarded port, so the run fails with a one-line reason (exit 2), or is interrupted by SIGTERM
(exit 130); either way the phone's proxy, system CAs and frida-server must be put back as they were.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from dynscan.device.android.cacert import SYSTEM_CACERTS, cert_file_name
from dynscan.device.android.frida_server import REMOTE, host_version

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests" / "device"))  # where pytest puts it for the tests/device/android package
from android.adb_server import FakePhone, Reply, ScriptedAdbServer  # noqa: E402
from android.axml_factory import make_apk  # noqa: E402
from android.frida_fake import put_in_cache  # noqa: E402

pytestmark = pytest.mark.integration

SERIAL = "PHONE1"
PACKAGE = "com.example.demo"
PREVIOUS_PROXY = "10.0.0.1:3128"  # set before the run: it must come back, not just be cleared
SHIPPED_CA = f"{SYSTEM_CACERTS}/00000000.0"  # a CA the phone ships with, hidden by the tmpfs while the run is on
START_FRIDA = f"su -c '{REMOTE} -D >/dev/null 2>&1 </dev/null'"
KILL_FRIDA = "su -c 'kill 5000'"  # the first process FakePhone starts has pid 5000
FRIDA_FORWARD = "forward:tcp:27042;tcp:27042"
LOGCAT = "11-28 00:10:00.000  4321  4321 I ActivityManager: Start proc 4321:com.example.demo\n"


def _phone() -> FakePhone:
    phone = FakePhone(serial=SERIAL)
    phone.settings["global/http_proxy"] = PREVIOUS_PROXY
    phone.files[SHIPPED_CA] = b"shipped CA"
    phone.script["pm install -r -t -d /data/local/tmp/dynscan-install-0.apk"] = ("Success\n", "", 0)
    phone.script["pm clear com.example.demo"] = ("Success\n", "", 0)  # each phase starts from cleared data
    phone.script["logcat -d -v threadtime"] = (LOGCAT, "", 0)
    return phone


@pytest.fixture
def phone() -> FakePhone:
    return _phone()


@pytest.fixture
def server(phone: FakePhone) -> Iterator[ScriptedAdbServer]:
    with ScriptedAdbServer(phone) as s:
        yield s


def _run_args(tmp_path: Path) -> list[str]:
    apk = make_apk(tmp_path / "demo.apk", PACKAGE)
    return [sys.executable, "-m", "dynscan", "run", "--apk", str(apk), "--device", SERIAL,
            "--out", str(tmp_path / "session")]


def _env(server: ScriptedAdbServer, tmp_path: Path) -> dict[str, str]:
    put_in_cache(tmp_path / "cache", host_version())  # the frida-server the run pushes
    env = {**os.environ, "ANDROID_ADB_SERVER_PORT": str(server.port), "XDG_CACHE_HOME": str(tmp_path / "cache"),
           "DYNSCAN_CACHE_DIR": str(tmp_path / "dynscan-cache")}  # this run's own mitmproxy CA
    env.pop("DYNSCAN_DEBUG", None)
    return env


def _proxies_of(session: Path) -> list[str]:
    """mitmdump processes of this session (its command line names the session directory)."""
    out = subprocess.run(["ps", "-eo", "pid,args"], capture_output=True, text=True, check=True).stdout
    return [line for line in out.splitlines()
            if f"dynscan_session={session}" in line and ("mitmdump" in line or "dynscan_proxy.py" in line)]


def _proxy_port(stderr: str) -> int:
    line = next(li for li in stderr.splitlines() if li.startswith("dynscan: proxy on 127.0.0.1:"))
    return int(line.split(":")[2].split()[0])


def _assert_phone_restored(phone: FakePhone, server: ScriptedAdbServer, tmp_path: Path, port: int) -> None:
    # the proxy was switched to the session's mitmdump, then the previous one was put back
    assert f"settings put global http_proxy 127.0.0.1:{port}" in phone.commands
    assert phone.settings["global/http_proxy"] == PREVIOUS_PROXY
    assert server.forwards.index(f"reverse:killforward:tcp:{port}") > server.forwards.index(
        f"reverse:forward:tcp:{port};tcp:{port}")
    # the CA the run pushed is nowhere on the phone; the system store holds what it shipped with, unmounted
    ca = (tmp_path / "dynscan-cache" / "mitmproxy" / "mitmproxy-ca-cert.pem").read_bytes()
    assert f"<push /data/local/tmp/dynscan-{cert_file_name(ca)}>" in phone.commands
    assert ca not in phone.files.values()
    assert phone.mounts == {}
    assert {p for p in phone.files if p.startswith(SYSTEM_CACERTS + "/")} == {SHIPPED_CA}
    # the frida-server the run started is stopped again, and the host's port forward to it removed
    assert phone.commands.index(KILL_FRIDA) > phone.commands.index(START_FRIDA)
    assert not phone.exes and REMOTE not in phone.files
    if FRIDA_FORWARD in server.forwards:
        assert server.forwards.index("killforward:tcp:27042") > server.forwards.index(FRIDA_FORWARD)
    # nothing left to restore later
    restore = tmp_path / "cache" / "dynscan" / "restore"
    assert not restore.exists() or list(restore.iterdir()) == []


def _assert_session_kept(session: Path) -> None:
    with sqlite3.connect(session / "session.db") as c:
        kinds = [k for (k,) in c.execute("SELECT kind FROM events ORDER BY ts, seq")]
    assert kinds[0] == "session_start", kinds
    exported = [json.loads(line) for line in (session / "events.jsonl").read_text().splitlines()]
    assert [e["kind"] for e in exported] == kinds  # exported on the way out
    start = exported[0]
    assert start["package"] == PACKAGE and start["device"]["serial"] == SERIAL
    identity = json.loads((session / "identity.json").read_text())
    assert identity["android_id"] == "9774d56d682e549c"  # read from the phone
    assert (session / "logs" / "logcat.txt").read_text() == LOGCAT  # the device's log, kept


@pytest.mark.timeout(180)
def test_run_on_a_phone_without_frida_fails_in_one_line_and_restores_the_phone(
        tmp_path: Path, phone: FakePhone, server: ScriptedAdbServer) -> None:
    session = tmp_path / "session"
    proc = subprocess.run(_run_args(tmp_path), capture_output=True, text=True, timeout=150,
                          env=_env(server, tmp_path))
    assert proc.returncode == 2, proc.stderr
    assert "Traceback" not in proc.stderr
    last = proc.stderr.strip().splitlines()[-1]
    assert last.startswith("dynscan: error: ") and "frida-server" in last, proc.stderr
    assert f"installed {PACKAGE}" in proc.stderr
    assert FRIDA_FORWARD in server.forwards  # Frida was tried, through adb forward
    _assert_phone_restored(phone, server, tmp_path, _proxy_port(proc.stderr))
    assert _proxies_of(session) == []
    _assert_session_kept(session)


def _block_first(phone: FakePhone, command: str, reached: threading.Event, release: threading.Event) -> None:
    """Make the first ``command`` hang until ``release`` (after the scripted reply's effect, if any)."""
    reply = phone.script.get(command)
    calls: list[str] = []

    def blocked(cmd: str) -> Reply:
        calls.append(cmd)
        if reply is None:  # what the phone itself does
            del phone.script[command]
            result = phone._run(cmd, root=False)
            phone.script[command] = blocked
        else:
            result = reply(cmd) if callable(reply) else reply
        if len(calls) == 1:
            reached.set()
            release.wait(timeout=150)
        return result

    phone.script[command] = blocked


@pytest.mark.timeout(180)
@pytest.mark.parametrize("hang_on", [
    pytest.param(START_FRIDA, id="while-setting-up-the-phone"),  # inside DeviceSetup.__enter__
    pytest.param(f"pidof {PACKAGE}", id="while-launching-the-app"),  # DeviceSetup open, scenario step 1
])
def test_sigterm_mid_run_exits_130_and_restores_the_phone(
        tmp_path: Path, phone: FakePhone, server: ScriptedAdbServer, hang_on: str) -> None:
    session = tmp_path / "session"
    reached, release = threading.Event(), threading.Event()
    _block_first(phone, hang_on, reached, release)
    proc = subprocess.Popen(_run_args(tmp_path), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=_env(server, tmp_path))
    try:
        assert reached.wait(timeout=120), f"the run never sent {hang_on!r}"
        proc.send_signal(signal.SIGTERM)  # the run is blocked in that adb request
        _out, err = proc.communicate(timeout=60)
    finally:
        release.set()
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == 130, err
    assert "Traceback" not in err
    assert err.strip().splitlines()[-1] == f"dynscan: interrupted; what was recorded so far is in {session}"
    _assert_phone_restored(phone, server, tmp_path, _proxy_port(err))
    assert _proxies_of(session) == []
    _assert_session_kept(session)


@pytest.mark.timeout(180)
def test_run_installs_a_folder_of_split_apks_as_one_package(
        tmp_path: Path, phone: FakePhone, server: ScriptedAdbServer) -> None:
    splits = tmp_path / "market-download"
    splits.mkdir()
    make_apk(splits / "base.apk", PACKAGE)
    make_apk(splits / "split_config.arm64_v8a.apk", PACKAGE, split="config.arm64_v8a")
    make_apk(splits / "split_config.zh.apk", PACKAGE, split="config.zh")
    phone.props["ro.product.cpu.abilist"] = "arm64-v8a,armeabi-v7a"
    args = [a if not a.endswith("demo.apk") else str(splits) for a in _run_args(tmp_path)]
    proc = subprocess.run(args, capture_output=True, text=True, timeout=150, env=_env(server, tmp_path))
    assert proc.returncode == 2, proc.stderr  # no frida-server behind the forward: one line, as above
    assert f"installed {PACKAGE} ({PACKAGE}.MainActivity)" in proc.stderr
    assert [len(i) for i in phone.installs] == [3]
    _assert_phone_restored(phone, server, tmp_path, _proxy_port(proc.stderr))


@pytest.mark.timeout(180)
def test_wireguard_capture_pushes_the_client_conf_and_restores_the_phone(
        tmp_path: Path, phone: FakePhone, server: ScriptedAdbServer) -> None:
    """--capture wireguard: a real mitmdump in WireGuard mode, the phone scripted; the tunnel is "turned on"
    at the second poll. The run then fails on Frida as above; the conf is gone and the old proxy back."""
    from dynscan.capture.wireguard import parse_client_conf
    from dynscan.device.android.wireguard import REMOTE_CONF

    session = tmp_path / "session"
    pushed: list[bytes] = []
    polls = iter([("", "", 0)])

    def ip_addr(_cmd: str) -> Reply:
        pushed.append(phone.files[REMOTE_CONF])
        assert "global/http_proxy" not in phone.settings  # no proxy while the tunnel carries the traffic
        return next(polls, ("9: tun0    inet 10.0.0.1/32 scope global tun0\n", "", 0))

    phone.script["ip -o -4 addr show"] = ip_addr
    proc = subprocess.run([*_run_args(tmp_path), "--capture", "wireguard", "--wireguard-host", "127.0.0.1"],
                          capture_output=True, text=True, timeout=150, env=_env(server, tmp_path))
    assert proc.returncode == 2 and "frida-server" in proc.stderr.strip().splitlines()[-1], proc.stderr
    assert "WireGuard tunnel is up" in proc.stderr and "Traceback" not in proc.stderr
    local = session / "wireguard" / "client.conf"
    assert oct(local.stat().st_mode & 0o777) == "0o600"
    conf = parse_client_conf(pushed[-1].decode())
    assert pushed[-1] == local.read_bytes()
    keys = json.loads((session / "wireguard" / "keys.json").read_text())
    assert conf["Interface"]["PrivateKey"] == keys["client_key"]
    assert conf["Peer"]["Endpoint"].startswith("127.0.0.1:")
    assert REMOTE_CONF not in phone.files and phone.settings["global/http_proxy"] == PREVIOUS_PROXY
    assert not any(c.startswith("settings put global http_proxy 127.0.0.1") for c in phone.commands)
    assert _proxies_of(session) == []
