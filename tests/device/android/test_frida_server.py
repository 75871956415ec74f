"""frida-server deployed and checked: cache or --frida-server, ABI and version checks, start as root, reuse
only a matching one, and every change undone."""

from __future__ import annotations

from pathlib import Path

import pytest

from dynscan.device.android import AdbClient, DeviceSetup, Journal
from dynscan.device.android import frida_server as fs
from dynscan.errors import DynscanError, SetupError

from .adb_server import FakePhone
from .frida_fake import fake_frida_server, put_in_cache

pytestmark = pytest.mark.integration  # the scripted adb server

V = fs.host_version()


def _setup(client: AdbClient, **kw: object) -> DeviceSetup:
    return DeviceSetup("PHONE1", client, **kw)  # type: ignore[arg-type]


def _clean(phone: FakePhone) -> None:
    assert not phone.exes and not any(p.startswith(fs.REMOTE_DIR) for p in phone.files)
    assert Journal("PHONE1").steps() == []


@pytest.mark.parametrize("xz", [False, True], ids=["unpacked", "xz"])
def test_cached_server_is_pushed_started_as_root_and_removed(client: AdbClient, phone: FakePhone,
                                                              _isolated_cache: Path, xz: bool) -> None:
    put_in_cache(_isolated_cache, V, xz=xz)
    with _setup(client) as s:
        assert list(phone.exes.values()) == [fs.REMOTE] and s.root_mode == "su"
        assert phone.files[fs.REMOTE] == fake_frida_server(V)
    assert f"chmod 755 {fs.REMOTE}" in phone.commands
    assert f"su -c '{fs.REMOTE} -D >/dev/null 2>&1 </dev/null'" in phone.commands
    _clean(phone)


def test_explicit_path_wins(client: AdbClient, phone: FakePhone, tmp_path: Path) -> None:
    mine = tmp_path / "my-frida-server"
    mine.write_bytes(fake_frida_server(V))
    with _setup(client, frida_server=mine):
        assert phone.files[fs.REMOTE] == mine.read_bytes()
    with pytest.raises(DynscanError, match=r"--frida-server .*nope: no such file"), \
            _setup(client, frida_server=tmp_path / "nope"):
        pass
    _clean(phone)


def test_none_offline_names_the_exact_file_and_url(client: AdbClient, phone: FakePhone) -> None:
    with pytest.raises(SetupError) as e, _setup(client):
        pass
    name = f"frida-server-{V}-android-arm64"
    assert f"download {name}.xz from https://github.com/frida/frida/releases/download/{V}/{name}.xz" in str(e.value)
    assert f"frida-server/{V}/arm64-v8a/" in str(e.value) and "\n" not in str(e.value)
    _clean(phone)


def test_binary_for_another_abi_is_refused(client: AdbClient, phone: FakePhone, _isolated_cache: Path) -> None:
    cached = put_in_cache(_isolated_cache, V, "arm64-v8a")
    cached.write_bytes(fake_frida_server(V, "x86_64"))
    phone.props["ro.product.cpu.abi"] = "arm64-v8a"
    with pytest.raises(SetupError, match="not built for the device's ABI arm64-v8a"), _setup(client):
        pass
    _clean(phone)


def test_binary_of_another_version_is_refused_and_removed(client: AdbClient, phone: FakePhone,
                                                         _isolated_cache: Path) -> None:
    put_in_cache(_isolated_cache, V).write_bytes(fake_frida_server("16.0.0"))
    with pytest.raises(SetupError, match=f"is frida-server 16.0.0, but this host's frida is {V}"), _setup(client):
        pass
    _clean(phone)


def test_running_server_of_the_same_version_is_reused(client: AdbClient, phone: FakePhone) -> None:
    phone.files["/data/local/tmp/frida-server"] = fake_frida_server(V)
    phone.pids["frida-server"], phone.exes[77] = 77, "/data/local/tmp/frida-server"
    with _setup(client) as s:
        assert f"frida-server {V} already running: reused" in s.notes
    assert not any(c.startswith("<push") for c in phone.commands) and phone.exes == {77: "/data/local/tmp/frida-server"}


def test_running_server_of_another_version_is_replaced_then_restarted(client: AdbClient, phone: FakePhone,
                                                                      _isolated_cache: Path) -> None:
    put_in_cache(_isolated_cache, V)
    old = "/data/local/tmp/v16/frida-server"
    phone.files[old] = fake_frida_server("16.5.9")
    phone.pids["frida-server"], phone.exes[77] = 77, old
    with _setup(client) as s:
        assert list(phone.exes.values()) == [fs.REMOTE]
        assert any("16.5.9" in n for n in s.notes)
    assert list(phone.exes.values()) == [old]  # the lab's own server is back
    assert Journal("PHONE1").steps() == []


def test_server_that_dies_at_start_is_one_line_and_undone(
        client: AdbClient, phone: FakePhone, _isolated_cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fs, "START_WAIT_S", 0.3)
    put_in_cache(_isolated_cache, V, crashes=True)
    with pytest.raises(SetupError, match=f"{fs.REMOTE} did not start") as e, _setup(client, proxy_port=8080):
        pass
    assert "\n" not in str(e.value)
    assert "global/http_proxy" not in phone.settings
    _clean(phone)


def test_unrooted_device_cannot_run_frida_server(client: AdbClient, phone: FakePhone) -> None:
    phone.rooted = False
    with pytest.raises(SetupError, match="not rooted: frida-server must run as root"), _setup(client):
        pass
    _clean(phone)


def test_a_tampered_journal_cannot_remove_other_paths(client: AdbClient, phone: FakePhone) -> None:
    from dynscan.device.android import restore_from_journal

    phone.files["/data/local/tmp/dynscan-other/keep"] = b"x"
    phone.files["/sdcard/DCIM/photo.jpg"] = b"y"
    journal = Journal("PHONE1")
    for path in ("/data/local/tmp/dynscan/../../../sdcard", "/data/local/tmp/dynscan-other", "/sdcard"):
        journal.record({"op": "remove", "path": path})
    assert restore_from_journal("PHONE1", client) == ["remove", "remove", "remove"]
    assert "/sdcard/DCIM/photo.jpg" in phone.files and "/data/local/tmp/dynscan-other/keep" in phone.files
    assert not any(c.startswith("su -c 'rm") for c in phone.commands)


@pytest.mark.parametrize(("path", "ok"), [("/data/local/tmp/frida-server", True), ("/data/local/tmp/a/../b", False),
                                          ("/x/$(reboot)", False), ("relative/frida", False), ("", False)])
def test_only_plain_paths_are_restarted_from_a_journal(path: str, ok: bool) -> None:
    assert fs.plain_path(path) is ok
