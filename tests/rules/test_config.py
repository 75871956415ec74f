import tomllib
from pathlib import Path

import pytest

from dynscan.errors import InputError
from dynscan.findings import Severity
from dynscan.rules.config import (
    DEFAULT_FREQUENCY_MAX,
    DEFAULT_FREQUENCY_MAX_PER_HOUR,
    Config,
    FrequencyConfig,
    ShakeConfig,
)

EXAMPLE = Path(__file__).resolve().parents[2] / "docs" / "dynscan.toml.example"


def test_defaults():
    c = Config.load(None)
    assert c.rerequest_window_s == 48 * 3600
    assert (c.shake.acceleration, c.shake.rotation, c.shake.duration) == (15.0, 35.0, 3.0)
    assert c.frequency.limit("imei") == DEFAULT_FREQUENCY_MAX["imei"]
    assert c.frequency.limit("something_else") == c.frequency.default_max
    assert c.severity_for("CLIPBOARD_READ", Severity.medium) is Severity.medium


def test_load_overrides_and_resolves_signature_paths(tmp_path):
    f = tmp_path / "dynscan.toml"
    f.write_text("""
rerequest_window_s = 3600
disabled_rules = ["CLIPBOARD_READ"]
sdk_signatures = ["sigs/mine.json"]
[severity_overrides]
THIRD_PARTY_TRANSMISSION = "high"
[frequency]
window_s = 30
[frequency.max]
imei = 1
[shake]
rotation = 40
""")
    c = Config.load(f)
    assert c.rerequest_window_s == 3600 and c.disabled_rules == ["CLIPBOARD_READ"]
    assert c.severity_for("THIRD_PARTY_TRANSMISSION", Severity.medium) is Severity.high
    assert c.frequency.window_s == 30 and c.frequency.limit("imei") == 1
    assert c.frequency.limit("oaid") == DEFAULT_FREQUENCY_MAX["oaid"]  # other defaults kept
    assert c.shake.rotation == 40 and c.shake.acceleration == 15
    assert c.sdk_signatures == [tmp_path / "sigs" / "mine.json"]


def test_documented_example_loads_and_matches_defaults():
    # The example documents every key with its default value.
    assert Config.load(EXAMPLE) == Config()
    data = tomllib.loads(EXAMPLE.read_text(encoding="utf-8"))
    assert set(data) == set(Config.model_fields)
    assert set(data["shake"]) == set(ShakeConfig.model_fields)
    assert set(data["frequency"]) == set(FrequencyConfig.model_fields)
    assert data["frequency"]["max"] == DEFAULT_FREQUENCY_MAX
    assert data["frequency"]["max_per_hour"] == DEFAULT_FREQUENCY_MAX_PER_HOUR


@pytest.mark.parametrize(("text", "match"), [
    ("rerequest_window_s = ", "not valid TOML"),
    ("no_such_key = 1", "'no_such_key'"),
    ("[shake]\nacceleration = 'fast'", "'shake.acceleration'"),
    ("exit_window_s = -1", "'exit_window_s'"),
    ("disabled_rules = ['NOT_A_RULE']", "NOT_A_RULE"),
    ("[severity_overrides]\nCLIPBOARD_READ = 'urgent'", "severity_overrides.CLIPBOARD_READ"),
    ("[frequency.max]\nimei = 0", "frequency.max"),
    ("[frequency.max]\nimie = 3", "unknown data type\\(s\\) imie"),  # a typo must not leave the default in force
    ("[frequency.max]\nimei = '3'", "'frequency.max.imei': Input should be a valid integer"),
    ("exit_window_s = '3'", "'exit_window_s': Input should be a valid number"),
])
def test_bad_config_is_one_input_error_naming_file_and_key(tmp_path, text, match):
    f = tmp_path / "dynscan.toml"
    f.write_text(text)
    with pytest.raises(InputError, match=match) as e:
        Config.load(f)
    assert str(f) in str(e.value) and "\n" not in str(e.value).strip()


def test_toml_integers_and_severity_names_still_load(tmp_path):
    f = tmp_path / "dynscan.toml"
    f.write_text("exit_window_s = 4\n[severity_overrides]\nCLIPBOARD_READ = 'critical'\n[frequency.max]\nimei = 5\n")
    c = Config.load(f)
    assert c.exit_window_s == 4.0 and c.severity_overrides["CLIPBOARD_READ"] == "critical"
    assert c.frequency.limit("imei") == 5


def test_missing_file(tmp_path):
    with pytest.raises(InputError, match="cannot read config file"):
        Config.load(tmp_path / "nope.toml")
