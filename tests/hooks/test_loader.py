"""The hook catalog: the built-in files load, cover the contract, and bad files fail at load."""

from __future__ import annotations

from pathlib import Path

import pytest

from dynscan.errors import InputError
from dynscan.events.vocab import CATEGORIES, DATA_TYPES
from dynscan.hooks import load_catalog
from dynscan.hooks.loader import build_catalog, parse_file


def test_builtin_catalog_covers_every_category() -> None:
    cat = load_catalog()
    cats = {h.category for h in cat.hooks if h.category}
    for h in cat.hooks:
        if h.classify is not None:
            cats |= {t.category for t in h.classify.map.values()}
    assert cats == set(CATEGORIES)
    kinds = {h.kind for h in cat.hooks}
    assert {"permission_request", "permission_result", "component_start", "activity_resumed",
            "activity_paused", "activity_stopped", "tap", "crash", "app_exit", "sensor_register"} <= kinds
    vias = {h.via for h in cat.hooks if h.kind == "component_start"}
    assert vias == {"startActivity", "startService", "bindService", "sendBroadcast", "startForegroundService",
                    "alarm", "job"}


def test_builtin_data_types_are_contract_names() -> None:
    for h in load_catalog().hooks:
        assert h.data_type is None or h.data_type in DATA_TYPES, h.id


def test_builtin_entries_of_note() -> None:
    cat = load_catalog()
    android_id = cat.by_id("settings.secure.android_id")
    assert android_id.filter is not None and android_id.filter.equals == ["android_id"]
    assert cat.by_id("pm.installed_packages").cls == "android.app.ApplicationPackageManager"
    query = cat.by_id("resolver.query")
    assert query.classify is not None and query.classify.map["com.android.contacts"].category == "contacts"
    # an SDK class the app brings: on the virtual device too, hooked once the app's loader shows it
    assert "ads.gms.adid" in {h.id for h in cat.for_platform("sim")}
    assert "oaid.msa.init_sdk" not in {h.id for h in cat.for_platform("sim")}
    assert cat.sources["telephony.imei"] == "catalog/device_id.yaml"
    run = cat.by_id("wakeup.job.run")  # the wake-up hooks (issue 14), on the sim too
    assert (run.kind, run.via, run.stage, run.cls) == ("wakeup", "job", "run", "android.app.job.JobService$1")
    assert {"wakeup.receiver", "wakeup.provider.acquire", "wakeup.work.enqueue", "install.can_request_package_installs",
            "download.package_installer.create_session"} <= {h.id for h in cat.for_platform("sim")}


def test_agent_spec_is_plain_json() -> None:
    spec = load_catalog().by_id("telephony.imei").agent_spec()
    assert spec["class"] == "android.telephony.TelephonyManager" and spec["method"] == "getImei"
    assert "platforms" not in spec and spec["capture"]["stack"] is True


def test_user_file_adds_hooks(tmp_path: Path) -> None:
    f = tmp_path / "mine.yaml"
    f.write_text("hooks:\n  - {id: my.sdk.id, class: com.sdk.Ids, method: get, category: device_id,"
                 " data_type: oaid}\n", encoding="utf-8")
    cat = load_catalog([f])
    assert cat.hooks[-1].id == "my.sdk.id" and cat.sources["my.sdk.id"] == str(f)


@pytest.mark.parametrize(("text", "message"), [
    ("hooks: [{id: a, class: x.Y, method: m, category: device_id", "f.yaml line 1: malformed YAML"),
    ("- just a list", "f.yaml: a catalog file is a mapping"),
    ("hooks: [{id: a, class: x.Y, method: m}]", "an api_call needs a category"),
    ("hooks: [{id: a, class: x.Y, method: m, category: bogus}]", "hooks.0.category"),
    ("hooks: [{id: a, class: x.Y, method: m, category: sms, colour: red}]", "hooks.0.colour"),
    ("hooks: [{id: a, class: 'not a class', method: m, category: sms}]", "hooks.0.class"),
    ("hooks: [{id: a, kind: component_start, class: x.Y, method: m}]", "needs `via`"),
    ("hooks: [{id: a, kind: tls_engine, class: x.Y, method: wrap}]", "a tls_engine hook needs `direction`"),
    ("hooks: [{id: a, kind: native_connect, class: libc, method: recv}]", "`class: libc` with `connect`"),
    ("hooks: [{id: a, kind: native_connect, class: x.Y, method: connect}]", "`class: libc` with `connect`"),
    ("hooks: [{id: a, kind: wakeup, class: x.Y, method: m, via: ACTION_VIEW}]", "a wakeup needs `via`"),
])
def test_bad_files_fail_at_load_naming_the_file(text: str, message: str) -> None:
    with pytest.raises(InputError, match=r"f\.yaml") as e:
        parse_file("f.yaml", text)
    assert message in str(e.value)
    assert "\n" not in str(e.value)


def test_duplicate_ids_rejected() -> None:
    a = "hooks: [{id: dup, class: x.Y, method: m, category: sms}]"
    with pytest.raises(InputError, match=r"b.yaml: duplicate hook id 'dup' \(first in a.yaml\)"):
        build_catalog([("a.yaml", a), ("b.yaml", a)])


def test_unreadable_user_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot read the catalog file"):
        load_catalog([tmp_path / "missing.yaml"])


def test_empty_file_is_empty() -> None:
    assert parse_file("e.yaml", "") == []
