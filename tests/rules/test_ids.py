import importlib

from dynscan.rules.ids import RULE_IDS


def test_ids_unique_and_one_module_each():
    assert len(set(RULE_IDS)) == len(RULE_IDS) == 17  # the 16 of v1 and UNKNOWN_PARTY_TRANSMISSION
    for rid in RULE_IDS:
        assert importlib.import_module(f"dynscan.rules.{rid.lower()}").__doc__
