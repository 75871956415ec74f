from dynscan.coverage import Coverage
from dynscan.guided import GUIDED_CHECKS
from dynscan.reports.coverage_view import properties, summary_rows


def test_guided_checks_are_unique_bilingual_and_in_every_coverage() -> None:
    ids = [g.id for g in GUIDED_CHECKS]
    assert len(ids) == len(set(ids)) >= 8
    assert all(g.en and g.en.isascii() for g in GUIDED_CHECKS)
    assert all(not g.zh.isascii() and g.scene for g in GUIDED_CHECKS)
    cov = Coverage()
    assert [g.id for g in cov.guided_checks] == ids
    zh_rows = [v for k, v in summary_rows(cov, "zh") if k.startswith("人工检查")]
    assert len(zh_rows) == len(ids) and "账号注销" in " ".join(zh_rows)
    assert properties(cov)["coverage.guided_checks"].startswith("POLICY_CONTENT, ")
