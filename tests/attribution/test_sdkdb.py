import json
import time

import pytest

from dynscan.attribution import SdkDb, attribute
from dynscan.errors import InputError

PKG = "com.example.app"
NATIVE = "android.telephony.TelephonyManager.getImei(Native Method)"


def test_default_db_is_cached_and_complete():
    db = SdkDb.load()
    assert db is SdkDb.load()
    assert len(db) > 600
    assert db.sdk("umeng-analytics") is not None and db.sdk("nope") is None


@pytest.mark.parametrize(("frames", "actor"), [
    ([NATIVE, "com.umeng.commonsdk.utils.UMUtils.getImei(UMUtils.java:3)", f"{PKG}.App.onCreate(App.java:1)"],
     "sdk:umeng-analytics"),
    ([NATIVE, "com.umeng.message.PushAgent.register(PushAgent.java:9)"], "sdk:umeng-push"),  # longest prefix
    (["com.google.android.gms.ads.identifier.AdvertisingIdClient.getAdvertisingIdInfo(Unknown Source)"],
     "sdk:google-adid"),
    (["com.facebook.FacebookSdk.sdkInitialize(FacebookSdk.java:1)"], "sdk:facebook-core"),  # class-level prefix
    (["com.android.agoo.AgooService.run(Native Method)"], "sdk:alibaba-accs"),  # longer than com.android.
    ([NATIVE, "okhttp3.RealCall.execute(RealCall.java:1)", f"{PKG}.Main$1.run(Main.java:7)"], "app"),
    ([NATIVE, "kotlinx.coroutines.X.y(X.kt:1)", f"{PKG}.net.Api$Companion.get(Api.kt:4)"], "app"),
    ([NATIVE, "com.foo.bar.baz.Qux$Inner.m(Native Method)"], "lib:com.foo.bar"),
    (["at com.acme.Util.x(Util.java:1)"], "lib:com.acme"),
    (["java.base/java.lang.Thread.run(Thread.java:833)", f"app//{PKG}.Main.main(Main.java:7)"], "app"),
    (["com.example.application.Other.m(Other.java:1)"], "lib:com.example.application"),  # not a . boundary
    ([NATIVE, "java.lang.Thread.run(Thread.java:1)"], "unknown"),
    ([], "unknown"),
    (None, "unknown"),
])
def test_attribute(frames, actor):
    assert attribute(frames, PKG) == actor


def test_without_package_app_code_is_a_library():
    assert attribute([f"{PKG}.Main.run(Main.java:1)"], None) == "lib:com.example.app"


@pytest.mark.parametrize(("host", "sdk"), [
    ("gromore.pangolin-sdk-toutiao.com", "pangle-gromore"),
    ("api-access.pangolin-sdk-toutiao.com", "pangle"),
    ("umeng.com", "umeng-analytics"),
    ("ALOG.Umeng.com.", "umeng-analytics"),
    ("notumeng.com", None),
    ("example.org", None),
    ("[::1]", None),
])
def test_sdk_for_host(host, sdk):
    assert SdkDb.load().sdk_for_host(host) == sdk


def test_user_files_are_merged_and_win(tmp_path):
    f = tmp_path / "mine.json"
    f.write_text(json.dumps({"sdks": [
        {"id": "umeng-analytics", "name": "Renamed", "code_prefixes": ["com.umeng.analytics."], "domains": []},
        {"id": "acme", "name": "Acme", "code_prefixes": ["com.acme.", "com.umeng.commonsdk."],
         "domains": ["acme.io"]},
    ], "libraries": [{"name": "mylib", "code_prefixes": ["com.mylib."]}]}))
    db = SdkDb.load([f])
    assert db.sdk("umeng-analytics").name == "Renamed"
    assert db.attribute(["com.umeng.commonsdk.A.b(A.java:1)"], PKG) == "sdk:acme"
    assert db.attribute(["com.umeng.analytics.A.b(A.java:1)"], PKG) == "sdk:umeng-analytics"
    assert db.attribute(["com.mylib.X.y(X.java:1)", "com.acme.Z.z(Z.java:1)"], PKG) == "sdk:acme"
    assert db.sdk_for_host("t.acme.io") == "acme"
    assert db.sdk_for_host("umeng.com") is None  # the user entry replaced the built-in domains
    assert SdkDb.load().sdk("umeng-analytics").name != "Renamed"  # the default stays intact


@pytest.mark.parametrize(("content", "match"), [
    (None, "cannot read"),
    ("{not json", "not valid JSON"),
    ('{"sdks": [{"name": "x"}]}', "sdks.0.id"),
])
def test_bad_user_files_name_the_file(tmp_path, content, match):
    f = tmp_path / "bad.json"
    if content is not None:
        f.write_text(content)
    with pytest.raises(InputError, match=match) as e:
        SdkDb.load([f])
    assert "bad.json" in str(e.value)


def test_attribution_is_fast():
    db = SdkDb.load()
    stacks = [[NATIVE, f"com.vendor{i % 500}.sdk.Core.run(Core.java:{i % 7})", f"{PKG}.A.b(A.java:1)"]
              for i in range(5000)]
    t0 = time.perf_counter()
    for _ in range(40):
        for s in stacks:
            db.attribute(s, PKG)
    per_call = (time.perf_counter() - t0) / 200_000
    assert per_call < 5e-6, per_call
