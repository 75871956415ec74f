from dynscan.events.vocab import CATEGORIES, DATA_TYPES
from dynscan.rules.vocab import CATEGORY_GUARDS, DATA_TYPE_CATEGORY, PERMISSION_CATEGORIES, permission_category


def test_maps_use_contract_vocabulary():
    assert all(c in CATEGORIES for cats in PERMISSION_CATEGORIES.values() for c in cats)
    assert set(DATA_TYPES) <= set(DATA_TYPE_CATEGORY)
    assert set(DATA_TYPE_CATEGORY.values()) <= set(CATEGORIES)


def test_guards():
    assert set(CATEGORY_GUARDS["phone_number"]) == {"android.permission.READ_PHONE_STATE",
                                                   "android.permission.READ_PHONE_NUMBERS"}
    assert permission_category("android.permission.READ_PHONE_STATE") == "device_id"
    assert permission_category("android.permission.INTERNET") is None
