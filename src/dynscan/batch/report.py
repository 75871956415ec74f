"""Build (or rebuild) a batch's report in its store: index.html, summary.csv, summary.xlsx."""

from __future__ import annotations

from dataclasses import dataclass

from dynscan.batch.collect import collect
from dynscan.batch.index_html import render_index
from dynscan.batch.league import league
from dynscan.batch.store import BatchStore
from dynscan.batch.summary import to_csv, to_xlsx
from dynscan.errors import InputError


@dataclass
class Built:
    apps: int
    done: int
    failed: int
    sdks: int


def build_report(store: BatchStore) -> Built:
    results = collect(store)
    if not results:
        raise InputError(f"{store.url}: no batch jobs here (no jobs/*.json)")
    table = league(results)
    store.fs.pipe_file(store.path("index.html"), render_index(results, table, store.retired_devices()).encode())
    store.fs.pipe_file(store.path("summary.csv"), to_csv(results))
    store.fs.pipe_file(store.path("summary.xlsx"), to_xlsx(results, table))
    return Built(len(results), sum(r.record.status == "done" for r in results),
                 sum(r.record.status == "failed" for r in results), len(table))
