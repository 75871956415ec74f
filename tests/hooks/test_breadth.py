"""The catalog's breadth (issue 13): every method the issue names, each with its meaning and guard."""

from __future__ import annotations

import pytest

from dynscan.errors import InputError
from dynscan.hooks import load_catalog
from dynscan.hooks.loader import parse_file

#: (class, method) pairs the issue lists as missing from the catalog.
NAMED = [
    ("android.telephony.TelephonyManager", m) for m in (
        "getSimOperator", "getNetworkOperator", "getNetworkOperatorName", "getSimCountryIso",
        "getNetworkCountryIso", "getServiceState", "requestCellInfoUpdate", "getDeviceSoftwareVersion")
] + [
    ("android.telephony.gsm.GsmCellLocation", "getCid"), ("android.telephony.gsm.GsmCellLocation", "getLac"),
    ("android.telephony.cdma.CdmaCellLocation", "getBaseStationId"),
    ("android.telephony.cdma.CdmaCellLocation", "getNetworkId"),
    ("android.telephony.SmsManager", "sendTextMessage"),
    ("android.app.admin.DevicePolicyManager", "getWifiMacAddress"),
    ("android.telephony.UiccCardInfo", "getIccId"),
    ("com.bun.miitmdid.core.MdidSdkHelper", "InitSdk"),
    ("com.android.id.impl.IdProviderImpl", "getOAID"),
    ("com.samsung.android.deviceidservice.IDeviceIdService$Stub$Proxy", "getOAID"),
    ("com.huawei.hms.ads.identifier.AdvertisingIdClient", "getAdvertisingIdInfo"),
    ("android.content.ClipboardManager", "setPrimaryClip"),
    ("android.app.ApplicationPackageManager", "getApplicationInfo"),
    ("android.app.ApplicationPackageManager", "getPackageInfoAsUser"),
    ("android.app.ApplicationPackageManager", "getInstallerPackageName"),
    ("android.location.Location", "getAltitude"), ("android.location.LocationManager", "getBestProvider"),
    ("android.location.Geocoder", "getFromLocation"), ("android.location.Geocoder", "getFromLocationName"),
    ("android.net.wifi.WifiManager", "getConnectionInfo"), ("android.net.wifi.WifiManager", "getScanResults"),
    ("android.net.wifi.WifiManager", "getConfiguredNetworks"), ("android.net.wifi.WifiInfo", "getIpAddress"),
    ("java.net.NetworkInterface", "getInetAddresses"), ("java.net.NetworkInterface", "getHardwareAddress"),
    ("java.net.InetAddress", "getLocalHost"),
    ("android.bluetooth.BluetoothAdapter", "getName"), ("android.bluetooth.BluetoothAdapter", "getAddress"),
    ("android.hardware.SensorManager", "getSensorList"),
    ("androidx.camera.core.ImageCapture", "takePicture"), ("android.media.MediaRecorder", "start"),
    ("android.os.SystemProperties", "get"), ("android.os.Build", "getSerial"),
    ("java.io.FileInputStream", "$init"), ("java.lang.Runtime", "exec"), ("java.lang.ProcessImpl", "start"),
    ("dalvik.system.DexClassLoader", "$init"), ("dalvik.system.DexFile", "loadDex"),
    ("android.webkit.WebView", "loadUrl"), ("android.webkit.WebView", "addJavascriptInterface"),
    ("android.webkit.WebView", "evaluateJavascript"),
]


def test_at_least_120_privacy_methods_on_40_classes() -> None:
    calls = [h for h in load_catalog().hooks if h.kind == "api_call"]
    assert len(calls) >= 120
    assert len({h.cls for h in calls}) >= 40


@pytest.mark.parametrize(("cls", "method"), NAMED)
def test_every_method_the_issue_names_is_hooked(cls: str, method: str) -> None:
    assert any(h.cls == cls and h.method == method for h in load_catalog().hooks), f"{cls}.{method}"


def test_bookmarks_queries_are_classified() -> None:
    query = load_catalog().by_id("resolver.query")
    assert query.classify is not None and query.classify.map["browser"].category == "browser_history"


def test_every_privacy_hook_says_what_it_reads_and_what_guards_it() -> None:
    for h in load_catalog().hooks:
        if h.kind != "api_call":
            continue
        assert h.permission, f"{h.id}: no permission (write `none` when nothing guards it)"
        if h.classify is None:
            assert h.category and h.data_type, h.id
        else:
            assert all(t.data_type for t in h.classify.map.values()), h.id


def test_no_two_hooks_replace_the_same_method() -> None:
    seen: dict[tuple[str, str], str] = {}
    for h in load_catalog().hooks:
        key = (h.cls, h.method)
        assert key not in seen or h.overloads is not None, f"{h.id} and {seen.get(key)} hook {key}"
        seen[key] = h.id


def test_hot_methods_filter_in_the_agent() -> None:
    cat = load_catalog()
    for hook_id in ("tcf.read_string", "tcf.read_int", "tcf.write_string"):
        f = cat.by_id(hook_id).filter
        assert f is not None and f.prefix == ["IABTCF_"]
    file_open = cat.by_id("file.open").classify
    assert file_open is not None and file_open.by == "prefix"
    own = cat.by_id("pm.application_info").filter
    assert own is not None and own.not_own_package


@pytest.mark.parametrize(("text", "message"), [
    ("hooks: [{id: a, class: x.Y, method: m, category: sms, filter: {arg: 0}}]", "filter needs"),
    ("hooks: [{id: a, kind: tap, class: x.Y, method: m, learn: value}]", "only an api_call learns"),
    ("hooks: [{id: a, kind: tls_data, class: x.Y, method: m}]", "needs `direction`"),
    ("hooks: [{id: a, class: x.Y, method: m, category: sms, learn: everything}]", "learn"),
])
def test_new_fields_are_validated(text: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        parse_file("user.yaml", text)
