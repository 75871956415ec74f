"""Download or install with no user action / 未经用户同意自动下载或安装应用

English: The app (or an SDK in it) downloaded or installed a package with no user action (a tap, key,
text or paste that does not answer a policy or permission dialog) within ``user_action_window_s`` seconds
before: a ``download`` event through ``DownloadManager.enqueue``, a ``PackageInstaller`` session,
``ACTION_INSTALL_PACKAGE``, or ``ACTION_VIEW`` on an ``.apk`` (its URI or the package-archive MIME type).
The subject names the way and the file name.

中文: 用户未点击下载控件, App 或其 SDK 即通过 DownloadManager 下载、通过 PackageInstaller 或安装
Intent 安装应用(含打开 .apk 文件)。

References:
- 工信部信管函〔2020〕164号 四.(一) 欺骗误导用户下载APP: 未经用户同意或主动点击, 自动或强制下载APP
- 工信部信管〔2023〕26号 二.(三) 不得未经用户同意自动下载或安装应用
- GB/T 41391-2022 7 a) 不应在用户未主动操作时下载安装应用

Evidence tier: practice (the "just before" window is ours, default 3 s)
"""

from __future__ import annotations

import re

from dynscan.events.model import Download
from dynscan.findings import Severity
from dynscan.rules.context import TimelineContext
from dynscan.rules.registry import Hit, rule

APK_MIME = "application/vnd.android.package-archive"
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]")


@rule("AUTO_DOWNLOAD_OR_INSTALL", severity=Severity.high, kinds={"download"},
      message="{actor} downloaded or installed a package with no user action just before ({count} time(s): {subjects})",
      message_zh="{actor} 在用户未操作时下载或安装应用(共 {count} 次: {subjects})",
      order=22)
def auto_download_or_install(event: Download, ctx: TimelineContext) -> Hit | None:
    name = _file_name(event.uri)
    if event.via == "ACTION_VIEW" and not ((event.mime or "").lower() == APK_MIME or name.lower().endswith(".apk")):
        return None
    if ctx.acted_on_feature_within(event.ts, ctx.config.user_action_window_s):
        return None
    return Hit(event, subject=f"{event.via} {name}".strip())


def _file_name(uri: str | None) -> str:
    """The URI's last path segment, app-controlled: only file-name characters, at most 60."""
    if not uri:
        return ""
    last = uri.split("?", 1)[0].split("#", 1)[0].rstrip("/").rsplit("/", 1)[-1]
    return _UNSAFE.sub("_", last)[:60]
