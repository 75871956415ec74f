from dynscan.events.vocab import CATEGORIES, DATA_TYPES
from dynscan.policy.terms import terms_for


def test_every_data_type_and_category_has_wording_in_both_languages():
    for name in DATA_TYPES:
        terms = terms_for(name, None)
        assert terms, name
        assert any(not t.isascii() for t in terms) and any(t.isascii() for t in terms), name
    for cat in CATEGORIES:
        assert terms_for(None, cat), cat


def test_a_data_type_is_covered_by_its_category_wording():
    assert "设备信息" in terms_for("imei", "device_id") and "imei" in terms_for("imei", None)
    assert "应用列表" in terms_for("running_apps", None) and "软件安装列表" in terms_for("app_list", None)
    assert terms_for("mystery", None) == ()
