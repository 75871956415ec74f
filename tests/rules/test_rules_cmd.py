"""``dynscan rules`` through the real root app (lives here: tests/cli is not this area's path)."""

import json

from typer.testing import CliRunner

from dynscan.cli.main import app
from dynscan.rules.registry import rule_ids

runner = CliRunner()


def test_text_lists_every_rule():
    res = runner.invoke(app, ["rules"])
    assert res.exit_code == 0, res.output
    lines = res.output.strip().splitlines()
    assert [ln.split()[0] for ln in lines] == list(rule_ids())
    assert "Collection before consent" in lines[0] and "critical" in lines[0]


def test_chinese_verbose():
    res = runner.invoke(app, ["rules", "--lang", "zh", "--verbose"])
    assert res.exit_code == 0
    assert "征得同意前收集个人信息" in res.output and "认定方法" in res.output


def test_json():
    res = runner.invoke(app, ["rules", "--format", "json"])
    assert res.exit_code == 0
    data = json.loads(res.output)
    assert [r["id"] for r in data] == list(rule_ids())
    assert {"severity", "title_en", "title_zh", "references", "tier", "kinds"} <= set(data[0])


def test_bad_option_is_usage_error():
    res = runner.invoke(app, ["rules", "--format", "yaml"])
    assert res.exit_code == 2


def test_the_wakeup_and_per_hour_texts_in_both_languages():
    en = runner.invoke(app, ["rules", "--verbose"]).output
    zh = runner.invoke(app, ["rules", "--lang", "zh", "--verbose"]).output
    assert "manifest receivers woken" in en and "max_per_hour" in en and "extrapolat" in en
    assert "静态广播接收器" in zh and "一小时内" in zh and "推算" in zh
