"""The ad probe's reading: an ad, its close control, and a neutral spot away from every control."""

from __future__ import annotations

from pathlib import Path

from dynscan.driver.ad_screen import read_ad
from dynscan.driver.reading import read_screen
from dynscan.driver.ui import parse_screen

SCREENS = Path(__file__).parent / "screens"


def _screen(name: str):  # type: ignore[no-untyped-def]
    return parse_screen((SCREENS / f"{name}.xml").read_text(encoding="utf-8"))


def test_a_splash_ad_its_skip_countdown_and_a_neutral_spot() -> None:
    s = _screen("splash_ad")
    assert read_screen(s).kind == "none"
    ad = read_ad(s, "com.example.news")
    assert ad is not None and ad.close is not None and ad.close.text == "跳过 3"
    assert "广告" in ad.why
    x, y = ad.neutral or (0, 0)
    for n in s.nodes:  # away from every labelled control
        if n.text:
            x1, y1, x2, y2 = n.bounds
            assert not (x1 <= x <= x2 and y1 <= y <= y2), n.text


def test_a_pop_up_with_no_close_control() -> None:
    ad = read_ad(_screen("popup_ad_no_close"), "com.example.news")
    assert ad is not None and ad.close is None and ad.neutral is not None
    assert read_ad(_screen("popup_ad_no_close"), "com.other.app") is None  # only the app's own windows


def test_screens_without_an_ad() -> None:
    for name in ("chinese_links", "custom_layouts", "permission_notice", "login_terms_line"):
        s = _screen(name)
        pkg = next(n.package for n in s.nodes if n.package)
        assert read_ad(s, pkg) is None, name
