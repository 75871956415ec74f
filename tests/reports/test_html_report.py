"""The HTML report: self-contained, escaped, redacted, bilingual, grouped by actor."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

from reports_factories import ANDROID_ID, IMEI, XSS, make_input, make_report

from dynscan.catalog import report_catalog
from dynscan.findings import Report
from dynscan.reports import render
from dynscan.reports.html_report import json_for_script

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
