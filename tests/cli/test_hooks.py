"""`dynscan hooks`: the catalog as text or JSON, user files added, bad files rejected (exit 2)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from dynscan.cli.main import app
from dynscan.errors import InputError

runner = CliRunner()


def test_text_lists_every_hook() -> None:
    result = runner.invoke(app, ["hooks"])
    assert result.exit_code == 0, result.output
    lines = result.output.strip().splitlines()
    assert lines[-1].endswith(" hooks")
    n = int(lines[-1].split()[0])
    assert len(lines) == n + 1
    imei = next(line for line in lines if line.startswith("telephony.imei "))
    assert "android.telephony.TelephonyManager.getImei" in imei and "READ_PHONE_STATE" in imei
    query = next(line for line in lines if line.startswith("resolver.query "))
    assert "calendar/call_log/contacts/media/sms" in query
    native = next(line for line in lines if line.startswith("socket.native_connect "))
    assert "native_connect" in native and native.endswith("libc.connect")
    engine = next(line for line in lines if line.startswith("tls.jdk.engine.wrap "))
    assert "tls_engine" in engine and engine.endswith("sun.security.ssl.SSLEngineImpl.wrap")


def test_json_with_user_catalog(tmp_path: Path) -> None:
    f = tmp_path / "extra.yaml"
    f.write_text("hooks: [{id: sdk.oaid, class: com.sdk.Oaid, method: get, category: device_id,"
                 " data_type: oaid}]\n", encoding="utf-8")
    result = runner.invoke(app, ["hooks", "--format", "json", "--catalog", str(f)])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert rows[-1]["id"] == "sdk.oaid" and rows[-1]["source"] == str(f)
    assert rows[-1]["api"] == "com.sdk.Oaid.get" and rows[-1]["class"] == "com.sdk.Oaid"
    assert len({r["id"] for r in rows}) == len(rows)


def test_bad_catalog_is_an_input_error(tmp_path: Path) -> None:
    f = tmp_path / "bad.yaml"
    f.write_text("hooks: [{id: telephony.imei, class: a.B, method: m, category: sms}]\n", encoding="utf-8")
    result = runner.invoke(app, ["hooks", "--catalog", str(f)])
    assert isinstance(result.exception, InputError)
    assert "duplicate hook id 'telephony.imei'" in str(result.exception)


def test_bad_catalog_exits_2_with_one_line(tmp_path: Path) -> None:
    f = tmp_path / "broken.yaml"
    f.write_text("hooks: [unclosed\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "dynscan", "hooks", "--catalog", str(f)],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1 and "broken.yaml" in proc.stderr and "malformed YAML" in proc.stderr
