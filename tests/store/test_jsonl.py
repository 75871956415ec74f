"""JSON Lines import/export: streaming, line-numbered errors, nothing half-imported."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import orjson
import pytest

from dynscan.errors import InputError
from dynscan.events.model import ApiCall, OtherEvent
from dynscan.store import open_store
from dynscan.store.importer import import_jsonl
from dynscan.store.jsonl import export_jsonl, read_events


def write(path: Path, events: list[dict[str, Any]], tail: bytes = b"") -> Path:
    path.write_bytes(b"".join(orjson.dumps(e) + b"\n" for e in events) + tail)
    return path


def call(ts: float, **extra: Any) -> dict[str, Any]:
    return {"kind": "api_call", "ts": ts, "api": "android.telephony.TelephonyManager.getImei",
            "category": "device_id", "data_type": "imei", **extra}


START = {"kind": "session_start", "ts": 1.0, "package": "com.example.app"}


def leftovers(d: Path) -> list[str]:
    return sorted(p.name for p in d.iterdir()) if d.exists() else []


def test_import_assigns_line_ids_and_reads_back_models(tmp_path: Path) -> None:
    src = write(tmp_path / "t.jsonl", [START, call(2.0), call(3, id="given", pid=7)], tail=b"\n  \n")
    stats = import_jsonl(src, tmp_path / "s", warn=None)
    assert stats.events == 3 and stats.kinds == {"session_start": 1, "api_call": 2}
    assert (stats.first_ts, stats.last_ts, stats.out_of_order) == (1.0, 3.0, 0)
    with open_store(tmp_path / "s", create=False) as store:
        events = list(store.iter_events())
        assert [e.id for e in events] == ["#1", "#2", "given"]
        assert isinstance(events[2], ApiCall) and events[2].ts == 3.0 and events[2].pid == 7
        assert store.get_many(["given", "#1", "missing"]).keys() == {"given", "#1"}
    assert leftovers(tmp_path / "s") == ["session.db"]


def test_unknown_kinds_are_kept_counted_and_warned_once(tmp_path: Path) -> None:
    src = write(tmp_path / "t.jsonl", [START, {"kind": "gps_fix", "ts": 2, "x": 1},
                                       {"kind": "gps_fix", "ts": 3}, {"kind": "battery", "ts": 4}])
    warnings: list[str] = []
    stats = import_jsonl(src, tmp_path / "s", warn=warnings.append)
    assert stats.unknown_kinds == {"gps_fix": 2, "battery": 1}
    assert len(warnings) == 1 and "3 events of unknown kinds" in warnings[0] and "gps_fix (2)" in warnings[0]
    with open_store(tmp_path / "s", create=False) as store:
        others = [e for e in store.iter_events() if isinstance(e, OtherEvent)]
    assert [o.kind for o in others] == ["gps_fix", "gps_fix", "battery"]
    assert others[0].model_extra == {"x": 1}


def test_out_of_order_timestamps_are_counted_and_sorted(tmp_path: Path) -> None:
    src = write(tmp_path / "t.jsonl", [START, call(5.0, id="a"), call(3.0, id="b"), call(4.0, id="c"),
                                       call(6.0, id="d")])
    warnings: list[str] = []
    stats = import_jsonl(src, tmp_path / "s", warn=warnings.append)
    assert stats.out_of_order == 2
    assert warnings == [f"{src}: 2 events are out of time order; the timeline is sorted by ts"]
    with open_store(tmp_path / "s", create=False) as store:
        assert [e.id for e in store.iter_events()] == ["#1", "b", "c", "a", "d"]
        assert store.count_out_of_order() == 2


@pytest.mark.parametrize(
    ("line", "message"),
    [
        (b'{"kind": "api_call", "ts": 3, ', "t.jsonl:3: not valid JSON"),
        (b"[1, 2]", "t.jsonl:3: expected a JSON object, got list"),
        (orjson.dumps(call(3.0, category="foo")), "t.jsonl:3: api_call.category: Input should be"),
        (orjson.dumps(call("soon")), "t.jsonl:3: api_call.ts: Input should be a valid number"),
        (orjson.dumps({"kind": "flow", "ts": 3}), "t.jsonl:3: flow.method: Field required"),
        (orjson.dumps({"ts": 3}), "t.jsonl:3: kind: Field required"),
        (orjson.dumps({"kind": "x"}), "t.jsonl:3: ts: Field required"),
        (orjson.dumps({"kind": "flow", "ts": 3, "method": "GET", "url": "u", "host": "h", "scheme": "https",
                       "pii": [{"type": "imei", "encoding": "md5", "location": "nowhere"}]}),
         "t.jsonl:3: flow.pii.0.location: Input should be"),
    ],
)
def test_bad_line_names_file_line_and_field_and_imports_nothing(tmp_path: Path, line: bytes,
                                                                 message: str) -> None:
    src = tmp_path / "t.jsonl"
    src.write_bytes(orjson.dumps(START) + b"\n" + orjson.dumps(call(2.0)) + b"\n" + line + b"\n"
                    + orjson.dumps(call(4.0)) + b"\n")
    with pytest.raises(InputError, match=None) as err:
        import_jsonl(src, tmp_path / "s", warn=None)
    assert message in str(err.value)
    assert "\n" not in str(err.value)
    assert leftovers(tmp_path / "s") == []


def test_failed_import_keeps_the_previous_database(tmp_path: Path) -> None:
    good = write(tmp_path / "good.jsonl", [START, call(2.0, id="keep")])
    import_jsonl(good, tmp_path / "s", warn=None)
    bad = write(tmp_path / "bad.jsonl", [START, call(2.0, id="new")], tail=b"{oops\n")
    with pytest.raises(InputError, match=r"bad.jsonl:3: not valid JSON"):
        import_jsonl(bad, tmp_path / "s", warn=None)
    with open_store(tmp_path / "s", create=False) as store:
        assert [e.id for e in store.iter_events()] == ["#1", "keep"]
    assert [n for n in leftovers(tmp_path / "s") if not n.startswith("session.db")] == []


def test_duplicate_ids_name_both_lines(tmp_path: Path) -> None:
    src = write(tmp_path / "t.jsonl", [START, call(2.0, id="x"), call(3.0, id="y"), call(4.0, id="x")])
    with pytest.raises(InputError, match=r"t.jsonl:4: duplicate event id 'x' \(first used on line 2\)"):
        import_jsonl(src, tmp_path / "s", warn=None)
    assert leftovers(tmp_path / "s") == []


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"", "empty timeline"), (b"\n\n   \n", "empty timeline"),
     (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not a text file"),
     (b"\xff\xfe{\x00", "not a text file"),
     (b'{"kind": "x", "ts": 1, "s": "\xff"}\n', "t.jsonl:1: not valid JSON")],
)
def test_empty_or_binary_files_are_input_errors(tmp_path: Path, content: bytes, message: str) -> None:
    src = tmp_path / "t.jsonl"
    src.write_bytes(content)
    with pytest.raises(InputError, match=message):
        import_jsonl(src, tmp_path / "s", warn=None)
    assert leftovers(tmp_path / "s") == []


def test_missing_file_and_directory_are_input_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"nope.jsonl: cannot read the timeline \(No such file"):
        import_jsonl(tmp_path / "nope.jsonl", tmp_path / "s")
    with pytest.raises(InputError, match="cannot read the timeline"):
        import_jsonl(tmp_path, tmp_path / "s")


def test_wrong_types_are_errors_naming_the_line(tmp_path: Path) -> None:
    src = write(tmp_path / "t.jsonl", [START, call(2.0, id="a"), call(3.0, id="b", pid="77")])
    with pytest.raises(InputError, match=r"t.jsonl:3: api_call.pid: Input should be a valid integer \(got '77'\)"):
        import_jsonl(src, tmp_path / "s", warn=None)
    assert not (tmp_path / "s" / "session.db").exists()


def test_export_round_trips_in_time_order(tmp_path: Path) -> None:
    events = [START, call(3.0, id="b", extra_field={"k": [1, 2]}), call(2.0, id="a"),
              {"kind": "weird", "ts": 9, "id": "w"}]
    import_jsonl(write(tmp_path / "t.jsonl", events), tmp_path / "s", warn=None)
    with open_store(tmp_path / "s", create=False) as store:
        assert export_jsonl(store, tmp_path / "s" / "events.jsonl") == 4
    exported = [orjson.loads(x) for x in (tmp_path / "s" / "events.jsonl").read_bytes().splitlines()]
    assert [e["id"] for e in exported] == ["#1", "a", "b", "w"]
    assert exported[2]["extra_field"] == {"k": [1, 2]}
    import_jsonl(tmp_path / "s" / "events.jsonl", tmp_path / "again", warn=None)
    with open_store(tmp_path / "again", create=False) as store:
        assert list(store.iter_raw()) == exported


def test_read_events_streams_in_file_order(tmp_path: Path) -> None:
    src = write(tmp_path / "t.jsonl", [START, call(0.5), {"kind": "x", "ts": 2}])
    assert [e.kind for e in read_events(src)] == ["session_start", "api_call", "x"]


_MEASURE = """
import resource, sys
from pathlib import Path
from dynscan.store.importer import import_jsonl
stats = import_jsonl(Path(sys.argv[1]), Path(sys.argv[2]), warn=None)
print(stats.events, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def _import_rss(src: Path, dest: Path) -> tuple[int, int]:
    out = subprocess.run([sys.executable, "-c", _MEASURE, str(src), str(dest)], check=True,
                         capture_output=True, text=True, timeout=120).stdout.split()
    return int(out[0]), int(out[1]) * 1024


@pytest.mark.timeout(180)
def test_large_file_is_streamed_with_bounded_memory(tmp_path: Path) -> None:
    line = orjson.dumps(call(0.0, id="ID", value="861234567890123", stack=[
        "com.umeng.commonsdk.statistics.idtracking.ImeiTracker.getImei(ImeiTracker.java:40)"] * 4))
    template = line.replace(b'"ts":0.0', b'"ts":%d.5').replace(b'"ID"', b'"e%d"')
    big = tmp_path / "big.jsonl"
    with open(big, "wb") as f:
        for chunk in range(0, 120_000, 10_000):
            f.write(b"".join(template % (i, i) + b"\n" for i in range(chunk, chunk + 10_000)))
    small = write(tmp_path / "small.jsonl", [START, call(1.0)])
    size = big.stat().st_size
    assert size > 50e6
    n_big, rss_big = _import_rss(big, tmp_path / "b")
    _, rss_small = _import_rss(small, tmp_path / "s")
    assert n_big == 120_000
    # Reading the file whole would cost at least its size again; streaming costs a few batches.
    assert rss_big - rss_small < size / 3, (rss_big, rss_small, size)
    assert os.path.getsize(tmp_path / "b" / "session.db") > size / 2


def test_progress_only_when_asked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                  capsys: pytest.CaptureFixture[str]) -> None:
    import dynscan.store.importer as importer

    monkeypatch.setattr(importer, "_PROGRESS_EVERY_S", 0.0)
    monkeypatch.setattr(importer, "_BATCH", 10)
    src = write(tmp_path / "t.jsonl", [START] + [call(float(i)) for i in range(2, 40)])
    import_jsonl(src, tmp_path / "quiet", warn=None)
    assert capsys.readouterr().err == ""
    import_jsonl(src, tmp_path / "loud", warn=None, progress=True)
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 3 and all(line.startswith(f"dynscan: importing {src}: ") for line in lines)
    assert "%)" in lines[-1]


def test_a_byte_order_mark_is_tolerated(tmp_path: Path) -> None:
    src = tmp_path / "t.jsonl"
    src.write_bytes(b"\xef\xbb\xbf" + orjson.dumps(START) + b"\r\n" + orjson.dumps(call(2.0)) + b"\r\n")
    assert import_jsonl(src, tmp_path / "s", warn=None).events == 2
    assert [e.kind for e in read_events(src)] == ["session_start", "api_call"]


def test_importer_yields_what_the_store_reads_back(tmp_path: Path) -> None:
    from dynscan.store.importer import Importer

    lines = [START, call(2.0), call(3.0, id="x", pid=7), {"kind": "mystery", "ts": 4.0, "n": 1}]
    src = write(tmp_path / "t.jsonl", lines)
    importer = Importer(src, tmp_path / "s")
    fed = list(importer.events(as_stored_only=True))
    assert importer.as_stored and importer.stats.events == 4
    with open_store(tmp_path / "s", create=False) as store:
        stored = list(store.iter_events())
    assert fed == stored and [e.id for e in fed] == ["#1", "#2", "x", "#4"] and stored[2].pid == 7


def test_importer_stops_feeding_at_disorder_but_imports_everything(tmp_path: Path) -> None:
    from dynscan.store.importer import Importer

    src = write(tmp_path / "t.jsonl", [START, call(5.0), call(3.0), call(6.0)])
    importer = Importer(src, tmp_path / "s")
    assert [e.ts for e in importer.events(as_stored_only=True)] == [1.0, 5.0]
    assert not importer.as_stored and importer.stats.out_of_order == 1 and importer.stats.events == 4
    with open_store(tmp_path / "s", create=False) as store:
        assert store.count() == 4


def test_abandoned_import_removes_its_file(tmp_path: Path) -> None:
    from dynscan.store.importer import Importer

    importer = Importer(write(tmp_path / "t.jsonl", [START, call(2.0), call(3.0)]), tmp_path / "s")
    next(importer.events())
    assert leftovers(tmp_path / "s")  # the private import file exists while importing
    importer.close()
    assert leftovers(tmp_path / "s") == []


def test_an_over_long_line_is_refused_naming_the_setting(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from dynscan.store.importer import import_jsonl

    monkeypatch.setenv("DYNSCAN_MAX_LINE_BYTES", "1000")
    timeline = tmp_path / "t.jsonl"
    timeline.write_bytes(b'{"kind": "app_launch", "ts": 1.0}\n{"kind": "x", "ts": 2.0, "pad": "'
                         + b"a" * 5000 + b'"}\n')
    with pytest.raises(InputError, match=r"t.jsonl:2: a line longer than 1,000 bytes, over the timeline line length "
                                         r"limit of 1,000 \(setting DYNSCAN_MAX_LINE_BYTES\)"):
        import_jsonl(timeline, tmp_path / "s")
    assert not (tmp_path / "s" / "session.db").exists()


def test_nesting_the_store_cannot_read_back_is_refused_at_import(tmp_path: Path) -> None:
    """Nested 200-1023 deep used to import, then make every later analyze of the session fail."""
    from dynscan.store.importer import import_jsonl

    deep: object = 1
    for _ in range(220):
        deep = {"a": deep}
    timeline = tmp_path / "t.jsonl"
    timeline.write_bytes(orjson.dumps({"kind": "app_launch", "ts": 1.0, "detail": deep}) + b"\n")
    with pytest.raises(InputError, match=r"t.jsonl:1: JSON nested 221 deep, .*DYNSCAN_MAX_JSON_DEPTH"):
        import_jsonl(timeline, tmp_path / "s")
    assert not (tmp_path / "s" / "session.db").exists()
