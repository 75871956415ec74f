from dynscan.events.vocab import CATEGORIES, DATA_TYPES
from dynscan.policy.terms import DATA_TYPE_CATEGORY, NOT_COLLECTION, NOT_PERSONAL, terms_for


def test_every_data_type_and_category_has_wording_in_both_languages():
    for name in DATA_TYPES:
        terms = terms_for(name, None)
        if name in NOT_COLLECTION or DATA_TYPE_CATEGORY.get(name) in NOT_PERSONAL:
            assert terms == (), name
            continue
        assert terms, name
        assert any(not t.isascii() for t in terms) and any(t.isascii() for t in terms), name
    for cat in CATEGORIES:
        assert bool(terms_for(None, cat)) is (cat not in NOT_PERSONAL), cat


def test_a_data_type_is_covered_by_its_category_wording():
    assert "设备信息" in terms_for("imei", "device_id") and "imei" in terms_for("imei", None)
    assert "应用列表" in terms_for("running_apps", None) and "软件安装列表" in terms_for("app_list", None)
    assert terms_for("mystery", None) == ()
