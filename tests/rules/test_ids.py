import importlib

from dynscan.rules.ids import RULE_IDS


def test_ids_unique_and_one_module_each():
    assert len(set(RULE_IDS)) == len(RULE_IDS) >= 16  # v1's 16, then the ones added since
    for rid in RULE_IDS:
        assert importlib.import_module(f"dynscan.rules.{rid.lower()}").__doc__
