from __future__ import annotations

from dynscan.traffic.chains import drop_soft_duplicates
from dynscan.traffic.matcher import Hit


def test_the_chain_with_fewest_soft_steps_is_kept() -> None:
    hits = {Hit("email", "json", "body"), Hit("email", "plain", "body"), Hit("imei", "url+url", "url"),
            Hit("imei", "url", "url"), Hit("imei", "base64", "url"), Hit("location", "plain", "body", 4),
            Hit("location", "plain", "body", 6)}
    assert sorted(drop_soft_duplicates(hits)) == [
        Hit("email", "plain", "body"), Hit("imei", "base64", "url"), Hit("imei", "url", "url"),
        Hit("location", "plain", "body", 6)]
