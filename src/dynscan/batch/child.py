"""The child process that runs one scan: ``python -m dynscan.batch.child REQUEST.json``.

It calls the same :func:`dynscan.scan.scan` as ``dynscan run`` and writes a result file; the
parent reads that file, or, if there is none, knows the device (this process) died. If the parent
dies first, the kernel sends this process SIGTERM (``PR_SET_PDEATHSIG``), which the scan turns into a
clean stop: no JVM or proxy outlives its batch.
"""

from __future__ import annotations

import ctypes
import json
import os
import signal
import sys
from pathlib import Path
from typing import Any

from dynscan.batch.jobs import JobSpec
from dynscan.errors import DynscanError, InputError, Interrupted

PR_SET_PDEATHSIG = 1


def _die_with_parent(parent: int) -> None:
    try:
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0)
    except (OSError, AttributeError):  # not Linux: the parent's reaper still cleans up
        return
    if os.getppid() != parent:  # the parent died before prctl took effect
        sys.exit(143)


def _progress(msg: str) -> None:
    print(f"dynscan: {msg}", file=sys.stderr, flush=True)


def run(request: dict[str, Any]) -> dict[str, Any]:
    from dynscan.scan import ScanOptions, scan

    spec = JobSpec.model_validate(request["spec"])
    opts = ScanOptions(apk=Path(request["apk"]), out=Path(request["out"]), device=request["serial"],
                       scenario=spec.scenario, formats=spec.formats,
                       config=Path(spec.config) if spec.config else None, catalogs=[Path(c) for c in spec.catalogs],
                       lang=spec.lang,
                       show_values=spec.show_values, sinkhole=spec.sinkhole)
    try:
        report = scan(opts, progress=_progress)
    except Interrupted as e:
        return {"outcome": "interrupted", "reason": str(e)}
    except InputError as e:
        return {"outcome": "input", "reason": str(e)}
    except DynscanError as e:
        return {"outcome": "device", "reason": str(e)}
    except Exception as e:  # a bug or a broken device: the job may do better elsewhere
        return {"outcome": "device", "reason": f"internal error: {type(e).__name__}: {e}"}
    return {"outcome": "done", "package": report.package, "verdict": report.verdict,
            "findings": len(report.findings)}


def main() -> None:
    request = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
    _die_with_parent(int(request["parent"]))
    result = run(request)
    tmp = Path(request["result"] + ".tmp")
    tmp.write_text(json.dumps(result), encoding="utf-8")
    tmp.replace(request["result"])
    print(f"dynscan: job result: {result['outcome']}", file=sys.stderr, flush=True)


if __name__ == "__main__":
    main()
