"""The HTML report: self-contained, escaped, redacted, bilingual, grouped by actor."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from reports_factories import ANDROID_ID, IMEI, XSS, make_input, make_report

from dynscan.catalog import report_catalog
from dynscan.coverage import Coverage, PhaseCoverage
from dynscan.findings import Report
from dynscan.reports import render
from dynscan.reports.html_report import json_for_script

ARTEFACTS = Path(__file__).resolve().parents[2] / "test-artefacts"
ALLOWED_TAGS = {"html", "head", "meta", "title", "style", "body", "main", "header", "h1", "h2", "h3", "h4", "div",
                "span", "b", "i", "code", "section", "table", "thead", "tbody", "tr", "th", "td", "br", "svg",
                "line", "text", "rect", "label", "input", "button", "article", "dl", "dt", "dd", "a", "details",
                "summary", "ol", "li", "p", "footer", "script"}


class Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.text: list[str] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))
        self._in_script = tag == "script"

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        (self.scripts if self._in_script else self.text).append(data)


def parse(html: bytes) -> Collector:
    c = Collector()
    c.feed(html.decode("utf-8"))
    c.close()
    return c


def test_app_data_stays_text() -> None:
    page = parse(render("html", make_input()))
    assert {tag for tag, _ in page.tags} <= ALLOWED_TAGS
    assert sum(1 for tag, _ in page.tags if tag == "script") == 2  # the JSON blob and the page script
    for tag, attrs in page.tags:
        for name, value in attrs:
            assert not name.startswith("on")
            assert "alert" not in (value or "") or tag == "title", (tag, name, value)
    text = "".join(page.text)
    assert XSS in text  # shown as text: in a stack frame, the actor, the message, the URL, the stats
    assert f"com.umeng.commonsdk.Util.imei(Util.java:{XSS})" in text
    assert f"lib:{XSS}" in text
    assert all("alert" not in s for s in page.scripts)


def test_references_only_link_to_web() -> None:
    page = parse(render("html", make_input()))
    hrefs = [v for tag, attrs in page.tags if tag == "a" for k, v in attrs if k == "href"]
    assert hrefs and all(h and h.startswith(("https://", "http://")) for h in hrefs)
    assert "javascript:alert(1)" in "".join(page.text)


def test_self_contained() -> None:
    html = render("html", make_input()).decode()
    assert not re.search(r"<(link|img|iframe|object|embed)\b", html)
    assert not re.search(r"<script[^>]+src=", html)
    assert "url(" not in html


def test_script_blob_escapes_app_data() -> None:
    hostile = "com.evil</script><script>alert(1)</script>\u2028&"
    report = make_report()
    report.package = hostile
    html = render("html", make_input(report=report)).decode()
    page = parse(html.encode())
    blob = page.scripts[0]
    assert "</" not in blob and "<" not in blob and "\u2028" not in blob and "&" not in blob
    assert json.loads(blob)["package"] == hostile
    assert sum(1 for tag, _ in page.tags if tag == "script") == 2
    assert json_for_script({"a": "<>&\u2029"}) == '{"a":"\\u003c\\u003e\\u0026\\u2029"}'


def test_redacted_by_default_and_shown_on_request() -> None:
    html = render("html", make_input()).decode()
    assert IMEI not in html and ANDROID_ID not in html and "SECRET" not in html
    assert "‹imei:15…34›" in html
    shown = render("html", make_input(show_values=True)).decode()
    assert IMEI in shown


def test_verdict_counts_and_grouping() -> None:
    html = render("html", make_input()).decode()
    page = parse(html.encode())
    text = "".join(page.text)
    assert "FAIL" in text
    heads = re.findall(r'<section class="actor-group"><div class="actor-head"><h3>(.*?)</h3>', html)
    assert heads[0] == "The app itself" and heads[-1] == "&lt;script&gt;alert(1)&lt;/script&gt;"
    assert len(heads) == 3
    articles = [dict(a) for tag, a in page.tags if tag == "article"]
    assert sorted(a["data-sev"] or "" for a in articles) == ["critical", "high", "high", "medium"]
    assert "(event not in the session)" in text  # the missing evidence id of the cleartext finding


def test_chinese() -> None:
    html = render("html", make_input(lang="zh")).decode()
    assert '<html lang="zh">' in html
    assert "不通过" in html and "证据" in html
    assert report_catalog().rule("CLIPBOARD_READ").title("zh") in html


def test_pass_without_findings() -> None:
    html = render("html", make_input(report=Report(package="p", verdict="pass"))).decode()
    assert "PASS" in html and "No findings" in html


def _chromium_dom(page: Path, profile: Path, *args: str) -> str:
    """``page`` as a real headless browser built it (Debian's chromium, as tests/batch/test_index_html.py)."""
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    assert browser, "chromium is missing: run scripts/bootstrap (it installs Debian's chromium)"
    proc = subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                           f"--user-data-dir={profile}", *args, page.as_uri()],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    return proc.stdout


def _rows(dom: str, section_id: str) -> list[list[str]]:
    """The cell texts of every table row inside ``<section id=section_id>``, as the browser laid them out."""
    section = dom.split(f'<section id="{section_id}">', 1)[1].split("</section>", 1)[0]
    return [[re.sub(r"<[^>]+>", "", cell) for cell in re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", row, re.S)]
            for row in re.findall(r"<tr[^>]*>(.*?)</tr>", section, re.S)]


@pytest.mark.integration
def test_the_per_hour_table_and_the_coverage_render_in_chromium(tmp_path: Path) -> None:
    report = make_report().model_copy(update={"verdict": "incomplete", "coverage": Coverage(
        driven=True, complete=False, incomplete=[f"phase grant failed: {XSS}", "phase ad_probe never started"],
        phases=[PhaseCoverage(name="first_launch", status="reached"),
                PhaseCoverage(name="grant", status="failed", reason=XSS, crashed=True),
                PhaseCoverage(name="ad_probe", status="not_started")], foreground_s=12.5)})
    report.stats["collection_per_hour"] = {"window_s": 120.0, "extrapolated": True, "rows_total": 2, "rows": [
        {"actor": "sdk:umeng-analytics", "data_type": "android_id", "count": 4, "per_hour": 120.0,
         "limit_per_hour": 30, "over_limit": True},
        {"actor": f"lib:{XSS}", "data_type": XSS, "count": 1, "per_hour": None, "limit_per_hour": 300,
         "over_limit": False}]}
    page = tmp_path / "report.html"
    page.write_bytes(render("html", make_input(report=report)))
    ARTEFACTS.mkdir(exist_ok=True)
    shot = ARTEFACTS / "report-coverage-per-hour.png"
    shot.unlink(missing_ok=True)
    _chromium_dom(page, tmp_path / "profile", "--window-size=1280,4000", f"--screenshot={shot}")
    assert shot.is_file() and shot.stat().st_size > 10_000
    dom = _chromium_dom(page, tmp_path / "profile", "--dump-dom")
    assert dom.count("<script") == 2  # the page's data and its own script; the app's text stayed text
    escaped = "&lt;script&gt;alert(1)&lt;/script&gt;"
    coverage = _rows(dom, "coverage")
    assert coverage[:4] == [["Phase", "Status", "Reason"], ["first_launch", "reached", ""],
                            ["grant", "failed", f"{escaped}; Crashed"], ["ad_probe", "never started", ""]]
    assert ["Coverage", f"Incomplete: phase grant failed: {escaped}; phase ad_probe never started"] in coverage
    verdict = dom.split('<section class="verdict incomplete">', 1)[1].split("</section>", 1)[0]
    assert "INCOMPLETE" in verdict and "phase ad_probe never started" in verdict
    per_hour = _rows(dom, "collection-per-hour")
    assert per_hour[0] == ["Actor", "Data type", "Reads", "Per hour", "Limit per hour", "Above the limit"]
    assert per_hour[1][1:] == ["android_id", "4", "120.0", "30", "yes"]
    assert per_hour[2] == [escaped, escaped, "1", "–", "300", ""] and len(per_hour) == 3
    assert '<tr class="over">' in dom.split('<section id="collection-per-hour">', 1)[1]
