"""Report writers: JSON, HTML, SARIF, JUnit XML and XLSX from one :class:`~dynscan.findings.Report`.

Personal values are redacted in every format unless ``show_values`` is set (see
:mod:`dynscan.reports.redact` for the form).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from dynscan.errors import DynscanError, InputError
from dynscan.reports.i18n import check_lang
from dynscan.reports.inputs import ReportInput
from dynscan.util.atomic import write_atomic

FORMATS = ("json", "html", "sarif", "junit", "xlsx")
FILE_NAMES = {"json": "report.json", "html": "report.html", "sarif": "report.sarif",
              "junit": "report.junit.xml", "xlsx": "report.xlsx"}

__all__ = ["FILE_NAMES", "FORMATS", "ReportInput", "render", "write_reports"]


def _writer(fmt: str) -> Callable[[ReportInput], bytes]:
    if fmt == "json":
        from dynscan.reports.json_report import render_json
        return render_json
    if fmt == "html":
        from dynscan.reports.html_report import render_html
        return render_html
    if fmt == "sarif":
        from dynscan.reports.sarif import render_sarif
        return render_sarif
    if fmt == "junit":
        from dynscan.reports.junit import render_junit
        return render_junit
    if fmt == "xlsx":
        from dynscan.reports.xlsx import render_xlsx
        return render_xlsx
    raise InputError(f"Unknown report format {fmt!r}: use one of {', '.join(FORMATS)}")


def render(fmt: str, data: ReportInput) -> bytes:
    """The report in format ``fmt`` (one of :data:`FORMATS`) as bytes."""
    writer = _writer(fmt)
    check_lang(data.lang)
    return writer(data)


def write_reports(data: ReportInput, formats: Sequence[str], out_dir: Path) -> dict[str, Path]:
    """Write each format to ``out_dir/FILE_NAMES[fmt]``; returns format -> path written."""
    for fmt in formats:
        _writer(fmt)
    check_lang(data.lang)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise DynscanError(f"Cannot create report directory {out_dir}: {e.strerror or e}") from e
    written: dict[str, Path] = {}
    for fmt in dict.fromkeys(formats):
        path = out_dir / FILE_NAMES[fmt]
        content = render(fmt, data)
        try:  # complete or absent, even when Ctrl-C or SIGTERM comes in the middle
            write_atomic(path, content)
        except OSError as e:
            raise DynscanError(f"Cannot write report {path}: {e.strerror or e}") from e
        written[fmt] = path
    return written
