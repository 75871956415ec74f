"""The virtual device's files: installed apps, per-app data, device properties, the package list."""

from __future__ import annotations

import shutil
from pathlib import Path

from dynscan.device.base import AppInfo

#: Packages every virtual device has: (package, label, launcher activity, system).
SYSTEM_PACKAGES: tuple[tuple[str, str, str, bool], ...] = (
    ("com.android.launcher3", "Launcher", "com.android.launcher3.Launcher", True),
    ("com.android.settings", "Settings", "com.android.settings.Settings", True),
    ("com.android.chrome", "Chrome", "com.google.android.apps.chrome.Main", True),
    ("com.android.dialer", "Phone", "com.android.dialer.main.impl.MainActivity", True),
    ("com.android.vending", "Google Play Store", "com.android.vending.AssetBrowserActivity", True),
    ("com.android.permissioncontroller", "Permission controller", "", True),
    ("com.tencent.mm", "WeChat", "com.tencent.mm.ui.LauncherUI", False),
    ("com.eg.android.AlipayGphone", "Alipay", "com.eg.android.AlipayGphone.AlipayLogin", False),
    ("com.taobao.taobao", "Taobao", "com.taobao.tao.welcome.Welcome", False),
)


class DeviceFiles:
    """Paths under the device's root directory."""

    def __init__(self, root: Path) -> None:
        self.root = root
        for d in (self.apps, self.data, self.logs):
            d.mkdir(parents=True, exist_ok=True)

    @property
    def apps(self) -> Path:
        return self.root / "apps"

    @property
    def data(self) -> Path:
        return self.root / "data"

    @property
    def logs(self) -> Path:
        return self.root / "logs"

    def app_dir(self, package: str) -> Path:
        return self.apps / package

    def data_dir(self, package: str) -> Path:
        return self.data / package

    def write_properties(self, props: dict[str, str]) -> None:
        lines = [f"{_esc(k)}={_esc(v)}" for k, v in sorted(props.items())]
        (self.root / "device.properties").write_text("\n".join(lines) + "\n", encoding="utf-8")

    def write_packages(self, installed: dict[str, AppInfo], labels: dict[str, str]) -> None:
        rows = [f"{p}\t{label}\t{act}\t{int(system)}\t" for p, label, act, system in SYSTEM_PACKAGES]
        for pkg, info in sorted(installed.items()):
            rows.append(f"{pkg}\t{labels.get(pkg, pkg)}\t{info.launcher_activity}\t0\t{info.version or ''}")
        tmp = self.root / "packages.tsv.tmp"
        tmp.write_text("\n".join(rows) + "\n", encoding="utf-8")
        tmp.replace(self.root / "packages.tsv")

    def grant_all(self, package: str, permissions: tuple[str, ...]) -> None:
        """Mark every declared permission granted (the runtime ignores entries for normal ones)."""
        d = self.data_dir(package)
        d.mkdir(parents=True, exist_ok=True)
        lines = [f"{_esc(p)}=granted" for p in permissions]
        (d / "runtime-permissions.properties").write_text("\n".join(lines) + "\n", encoding="utf-8")

    def grant(self, package: str, permission: str) -> bool:
        """Mark one permission granted in the app's runtime-permission file; False if it already was."""
        f = self.data_dir(package) / "runtime-permissions.properties"
        lines = f.read_text(encoding="utf-8").splitlines() if f.exists() else []
        key = _esc(permission)
        if f"{key}=granted" in lines:
            return False
        lines = [ln for ln in lines if not ln.startswith(f"{key}=")] + [f"{key}=granted"]
        f.parent.mkdir(parents=True, exist_ok=True)
        tmp = f.with_name(f.name + ".tmp")
        tmp.write_text("\n".join(lines) + "\n", encoding="utf-8")
        tmp.replace(f)
        return True

    def clear_data(self, package: str) -> None:
        shutil.rmtree(self.data_dir(package), ignore_errors=True)


def _esc(s: str) -> str:
    out = []
    for ch in s:
        if ch in "\\=:#!":
            out.append("\\" + ch)
        elif ch == "\n":
            out.append("\\n")
        elif ord(ch) > 126 or ord(ch) < 32:
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    return "".join(out)
