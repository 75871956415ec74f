"""Vocabularies of the timeline (CONTRACTS section 2): categories, data types, states."""

from typing import Literal

Category = Literal[
    "device_id", "phone_number", "location", "contacts", "sms", "call_log", "app_list",
    "clipboard", "camera", "microphone", "sensor", "accounts", "calendar", "media", "network_info",
    "browser_history", "system_info", "command_exec", "code_loading", "webview",
]
CATEGORIES: tuple[str, ...] = Category.__args__  # type: ignore[attr-defined]

#: Fine data types; the identity file's ``extra`` names are allowed too, so fields stay ``str``.
DATA_TYPES: tuple[str, ...] = (
    "imei", "meid", "imsi", "iccid", "serial", "android_id", "mac", "bssid", "ssid", "adid", "oaid",
    "phone_number", "email", "location", "cell_location", "contacts", "sms", "call_log", "app_list",
    "running_apps", "clipboard", "camera", "microphone", "accelerometer", "gyroscope", "accounts",
    "cell_id", "imeisv", "operator", "country", "wifi_info", "wifi_scan", "ip_address", "network_type",
    "device_name", "bt_devices", "app_usage", "bookmarks", "calendar", "media", "sms_send",
    "clipboard_write", "sensor_list", "build_info", "process_info", "command", "dex", "native_library",
    "voice_mail_number",
    "url", "js_bridge",
)

Source = Literal["agent", "proxy", "driver", "device", "import"]
AppStateName = Literal["foreground", "background", "stopped", "crashed"]
StateCause = Literal["app", "driver", "system"]
ConsentAction = Literal["policy_shown", "policy_accepted", "policy_declined", "policy_withdrawn"]
UserActionName = Literal["tap", "key", "text", "shake", "paste"]
Scheme = Literal["http", "https", "ws", "wss", "tcp"]
PiiLocation = Literal["url", "header", "cookie", "body"]
Party = Literal["first", "third", "unknown"]
Attribution = Literal["app", "system", "unknown"]
#: ``startForegroundService``; ``alarm`` / ``job`` / ``work``: an ``AlarmManager`` alarm, a ``JobScheduler``
#: job or a ``WorkManager`` request set to start a component later; ``query``: a ``ContentResolver`` call on
#: another app's content provider (which starts that app's process); ``receiver``: a broadcast started one of
#: the app's own manifest receivers (a wake-up, judged only while the app is in the background).
StartVia = Literal["startActivity", "startService", "bindService", "sendBroadcast", "startForegroundService",
                   "alarm", "job", "work", "query", "receiver", "registerReceiver"]
#: ``scheduled`` (the default: the app asked for a later start) or ``run`` (the alarm, job or work ran).
StartStage = Literal["scheduled", "run"]
DownloadVia = Literal["DownloadManager.enqueue", "PackageInstaller.createSession", "ACTION_VIEW",
                      "ACTION_INSTALL_PACKAGE"]
ConsentState = Literal["pending", "given", "refused"]
PhaseStatus = Literal["started", "reached", "skipped", "failed"]
#: ``ad``: a splash or pop-up ad the driver's ad probe found (docs/scenes.md).
DialogKind = Literal["policy", "permission", "rationale", "ad"]

#: Behaviours rather than personal data: listed in reports, never "sensitive" collection.
BEHAVIOUR_CATEGORIES: frozenset[str] = frozenset({"sensor", "system_info", "command_exec", "code_loading", "webview"})
#: "Sensitive" in the rules: every category but the behaviours (``sensor``, ``system_info``,
#: ``command_exec``, ``code_loading``, ``webview``).
SENSITIVE_CATEGORIES: frozenset[str] = frozenset(c for c in CATEGORIES if c not in BEHAVIOUR_CATEGORIES)
