"""The per-hour collection table: escaped, labelled, honest about extrapolation, absent when empty."""

from __future__ import annotations

from html.parser import HTMLParser

from reports_factories import IMEI, XSS, make_input, make_report

from dynscan.reports import render
from dynscan.reports.frequency_view import frequency_section

VIEW = {"window_s": 120.0, "extrapolated": True, "rows_total": 2, "rows": [
    {"actor": "sdk:umeng-analytics", "data_type": "android_id", "count": 4, "per_hour": 120.0,
     "limit_per_hour": 30, "over_limit": True},
    {"actor": f"lib:{XSS}", "data_type": XSS, "count": 1, "per_hour": 30.0, "limit_per_hour": 300,
     "over_limit": False}]}


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _parse(html: str) -> _Text:
    p = _Text()
    p.feed(html)
    return p


def test_rows_escaped_and_the_extrapolation_said() -> None:
    html = frequency_section({"collection_per_hour": VIEW}, lambda a: a.upper(), "en")
    p = _parse(html)
    text = "".join(p.text)
    assert "script" not in p.tags and XSS in text  # shown as text, never as markup
    assert "Extrapolated: the run was watched 2.0 min" in text and "SDK:UMENG-ANALYTICS" in text
    assert html.count('class="over"') == 1 and "120.0" in text
    zh = "".join(_parse(frequency_section({"collection_per_hour": VIEW}, str, "zh")).text)
    assert "推算值" in zh and "每小时收集频次" in zh


def test_nothing_for_no_rows_or_a_malformed_section() -> None:
    for stats in ({}, {"collection_per_hour": {"rows": []}}, {"collection_per_hour": "x"},
                  {"collection_per_hour": {"rows": "x"}}):
        assert frequency_section(stats, str, "en") == ""
    observed = {**VIEW, "extrapolated": False, "window_s": 7200.0}
    assert "Observed over 120.0 min" in frequency_section({"collection_per_hour": observed}, str, "en")


def test_the_html_report_shows_the_table_with_actor_names() -> None:
    report = make_report()
    report.stats["collection_per_hour"] = VIEW
    html = render("html", make_input(report=report, lang="en")).decode()
    assert 'id="collection-per-hour"' in html and "Umeng" in html.split('id="collection-per-hour"')[1]


def test_the_html_table_says_how_many_rows_it_leaves_out_and_redacts_known_values() -> None:
    report = make_report()
    report.stats["collection_per_hour"] = {**VIEW, "rows_total": 7, "rows": [
        *VIEW["rows"], {"actor": f"lib:com.evil.{IMEI}", "data_type": "imei", "count": 1, "per_hour": None,
                        "limit_per_hour": 60, "over_limit": False}]}
    html = render("html", make_input(report=report)).decode()
    section = html.split('id="collection-per-hour"', 1)[1].split("</section>", 1)[0]
    assert "3 of 7 rows shown" in section and IMEI not in section and "com.evil.‹imei:15…34›" in section
    shown = render("html", make_input(report=report, show_values=True)).decode()
    assert f"com.evil.{IMEI}" in shown.split('id="collection-per-hour"', 1)[1]
