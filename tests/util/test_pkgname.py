"""Package names are checked as Java package names before any path is built from one."""

from __future__ import annotations

import pytest

from dynscan.errors import InputError
from dynscan.util.pkgname import MAX_LENGTH, check_package_name, is_package_name


@pytest.mark.parametrize("name", ["com.example.leaky", "a.b", "com.Example_1.x9", "cn.com.x" + "y" * 200])
def test_valid_names_pass(name: str) -> None:
    assert is_package_name(name) and check_package_name(name, "m") == name


@pytest.mark.parametrize("name", [
    "", "leaky", "../../../../x.d", "/etc/passwd.d", "com/example.x", "com..example", ".com.example",
    "com.example.", "com.exa\x00mple", "com.example\nforged: line", "com.1example", "com._x",
    "com.example.new", "com.ex-ample", "com.exämple", "com.example\x1b[31m", "a." + "b" * MAX_LENGTH,
])
def test_hostile_or_malformed_names_are_refused(name: str) -> None:
    assert not is_package_name(name)
    with pytest.raises(InputError, match="not a valid Java package name"):
        check_package_name(name, "AndroidManifest.xml")


def test_the_message_stays_one_short_line() -> None:
    with pytest.raises(InputError) as e:
        check_package_name("x." + "y" * 5000, "m")
    assert len(str(e.value)) < 400
