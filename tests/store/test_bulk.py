"""Bulk import: the database appears whole at the end, or not at all."""

from __future__ import annotations

from pathlib import Path

import pytest

from dynscan.errors import InputError
from dynscan.store import open_store
from dynscan.store.bulk import BulkImport


def test_commit_renames_a_complete_wal_database(tmp_path: Path) -> None:
    bulk = BulkImport(tmp_path, source="t.jsonl")
    bulk.add([(1, "a", 2.0, "x", b'{"id":"a","kind":"x","ts":2.0}'),
              (2, "b", 1.0, "x", b'{"id":"b","kind":"x","ts":1.0}')])
    assert not (tmp_path / "session.db").exists()
    bulk.commit({"imported_from": "t.jsonl"})
    assert sorted(p.name for p in tmp_path.iterdir()) == ["session.db"]
    with open_store(tmp_path, create=False) as store:
        assert [e["id"] for e in store.iter_raw()] == ["b", "a"]
        assert store.get_meta("imported_from") == "t.jsonl"
        assert store._db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        store.append({"kind": "x", "ts": 0.5, "id": "c"})
        with pytest.raises(InputError, match="UNIQUE"):
            store.append({"kind": "x", "ts": 0.5, "id": "c"})


def test_abort_leaves_nothing(tmp_path: Path) -> None:
    bulk = BulkImport(tmp_path)
    bulk.add([(1, "a", 2.0, "x", b"{}")])
    bulk.abort()
    assert list(tmp_path.iterdir()) == []


def test_duplicate_ids_fail_the_commit(tmp_path: Path) -> None:
    bulk = BulkImport(tmp_path, source="t.jsonl")
    bulk.add([(3, "a", 1.0, "x", b"{}"), (9, "a", 2.0, "x", b"{}")])
    with pytest.raises(InputError, match=r"^t.jsonl:9: duplicate event id 'a' \(first used on line 3\)$"):
        bulk.commit({})
    assert list(tmp_path.iterdir()) == []


def test_a_file_in_the_way_is_an_input_error(tmp_path: Path) -> None:
    (tmp_path / "f").write_text("x")
    with pytest.raises(InputError, match=r"f/session.db: cannot create the session database \(File exists\)"):
        BulkImport(tmp_path / "f")


def test_the_import_uses_16k_pages(tmp_path: Path) -> None:
    bulk = BulkImport(tmp_path)
    bulk.add([(1, "a", 2.0, "x", b"{}")])
    bulk.commit({})
    with open_store(tmp_path, create=False) as store:
        assert store._db.execute("PRAGMA page_size").fetchone()[0] == 16384
