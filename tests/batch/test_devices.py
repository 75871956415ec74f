from __future__ import annotations

import pytest

from dynscan.batch.devices import Slot, parse_devices
from dynscan.errors import InputError


def test_sim_count_makes_independent_named_slots_and_serials_are_kept() -> None:
    assert parse_devices("sim:3,emulator-5554") == [Slot("sim-1", "sim"), Slot("sim-2", "sim"),
                                                    Slot("sim-3", "sim"), Slot("emulator-5554", "emulator-5554")]
    assert parse_devices("sim") == [Slot("sim-1", "sim")]


@pytest.mark.parametrize("spec", ["", "sim:0", "sim:x", "sim:999", "a b", "R58,R58", "$(reboot)"])
def test_bad_specs_are_one_line_input_errors(spec: str) -> None:
    with pytest.raises(InputError, match="--devices"):
        parse_devices(spec)
