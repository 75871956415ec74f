"""Check each sample's report against examples/apps/expectations.json ({app_dir: [rule ids]}).

Every listed rule must be among the report's findings; an app that lists none must pass (no finding at
or above ``high``). The virtual-device tests (tests/capture/test_scan.py) read the same file.

    python emulator/check_reports.py examples/apps/expectations.json build/sessions
"""

from __future__ import annotations

import json
import sys
from pathlib import Path


def check(expectations: dict[str, list[str]], sessions: Path) -> list[str]:
    problems: list[str] = []
    for app, expected in sorted(expectations.items()):
        report_path = sessions / app / "report.json"
        if not report_path.is_file():
            problems.append(f"{app}: no report at {report_path}")
            continue
        report = json.loads(report_path.read_text(encoding="utf-8"))
        found = {f["rule"] for f in report.get("findings", [])}
        missing = sorted(set(expected) - found)
        if missing:
            has = ", ".join(sorted(found)) or "none"
            problems.append(f"{app}: expected {', '.join(missing)}; the report has {has}")
        if not expected and report.get("verdict") != "pass":
            problems.append(f"{app}: expected to pass; verdict {report.get('verdict')} ({', '.join(sorted(found))})")
    return problems


def main(argv: list[str]) -> int:
    if len(argv) != 3:
        print("usage: check_reports.py EXPECTATIONS.json SESSIONS_DIR", file=sys.stderr)
        return 2
    problems = check(json.loads(Path(argv[1]).read_text(encoding="utf-8")), Path(argv[2]))
    for p in problems:
        print(f"check_reports: {p}", file=sys.stderr)
    print(f"check_reports: {'FAILED' if problems else 'ok'}: {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
