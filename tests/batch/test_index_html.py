"""index.html in a real headless browser (Debian's chromium): it renders, and its table sorts.

The screenshot is kept in test-artefacts/ (git-ignored) for a person to look at.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from batchkit import finding, finished

from dynscan.batch.report import build_report
from dynscan.batch.store import BatchStore

ROOT = Path(__file__).resolve().parents[2]
ARTEFACTS = ROOT / "test-artefacts"


def _chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    assert found, "chromium is missing: run scripts/bootstrap (it installs Debian's chromium)"
    return found


def _browse(url: str, *args: str) -> str:
    proc = subprocess.run([_chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                           *args, url], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    return proc.stdout


def _batch(tmp_path: Path) -> Path:
    store = BatchStore(str(tmp_path))
    for name, criticals in (("b.apk", 1), ("a.apk", 3), ("c.apk", 0), ("d.apk", 2)):
        findings = [finding("PRE_CONSENT_COLLECTION", "sdk:umeng-analytics", "critical") for _ in range(criticals)]
        finished(store, name, name[0] * 64, {"package": f"com.{name[0]}", "verdict": "fail" if criticals else "pass",
                                             "findings": findings, "stats": {}}, {"app_version": "1.0"})
    finished(store, "x.apk", "e" * 64, {"package": "<img src=x onerror=alert(1)>", "verdict": "pass",
                                        "findings": [], "stats": {}}, {})
    build_report(store)
    return tmp_path / "index.html"


def _column(dom: str, table: str, col: int) -> list[str]:
    body = dom.split(f'id="{table}"', 1)[1].split("</tbody>", 1)[0].split("<tbody>", 1)[1]
    return [re.findall(r'<td data-sort="([^"]*)"', row)[col] for row in body.split("</tr>") if "<td" in row]


@pytest.mark.integration
def test_index_renders_in_chromium_and_the_table_sorts(tmp_path: Path) -> None:
    index = _batch(tmp_path)
    ARTEFACTS.mkdir(exist_ok=True)
    shot = ARTEFACTS / "batch-index.png"
    shot.unlink(missing_ok=True)
    _browse(index.as_uri(), "--window-size=1280,720", f"--screenshot={shot}")
    assert shot.is_file() and shot.stat().st_size > 10_000
    dom = _browse(index.as_uri(), "--dump-dom")
    assert "<img src=x" not in dom and "&lt;img src=x onerror=alert(1)&gt;" in dom  # shown, not run
    assert _column(dom, "apps", 4) == ["0", "3", "1", "0", "2"]  # as built: by package name ("<img" first)
    up = _browse(index.as_uri() + "#sort=apps:4", "--dump-dom")  # the page's own script sorts
    assert _column(up, "apps", 4) == ["0", "0", "1", "2", "3"]
    assert 'aria-sort="ascending"' in up
    down = _browse(index.as_uri() + "#sort=apps:4:desc", "--dump-dom")
    assert _column(down, "apps", 4) == ["3", "2", "1", "0", "0"]
    by_name = _browse(index.as_uri() + "#sort=apps:1:desc", "--dump-dom")
    assert _column(by_name, "apps", 1) == ["x.apk", "d.apk", "c.apk", "b.apk", "a.apk"]
