from __future__ import annotations

from dynscan.traffic.reparse import Pair, form_pairs, path_params, percent_decode, split_target, url_parts


def test_form_pairs_say_which_values_were_encoded() -> None:
    assert form_pairs(b"a=1&b=x%40y&c=a+b") == [Pair("a", b"1", ""), Pair("b", b"x@y", "url"),
                                               Pair("c", b"a b", "url")]
    assert form_pairs(b"aGVsbG8gd29ybGQ=") is None  # padded base64 is not a form
    assert form_pairs(b"hello world") is None


def test_form_pairs_stop_at_the_limit_and_keep_the_rest_apart() -> None:
    pairs = form_pairs(b"a=1&b=2&c=3&d=4", 2)
    assert pairs is not None and pairs[0] == Pair("", b"c=3&d=4", "cut") and len(pairs) == 3


def test_path_params_and_url_parts() -> None:
    assert path_params(b"/activityi;src=1;~oref=https%3A%2F%2Fa") == [Pair("src", b"1", ""),
                                                                     Pair("~oref", b"https://a", "url")]
    assert url_parts(b"https://h.example/p;a=1?q=2#f=3") == (b"q=2", b"/p;a=1", b"f=3")
    assert url_parts(b"not a url") is None
    assert split_target(b"/p?q=1") == (b"q=1", b"/p", b"")
    assert percent_decode(b"a%2540") == b"a%40" and percent_decode(b"a+b", plus=True) == b"a b"
