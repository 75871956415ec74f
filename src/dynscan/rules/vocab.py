"""Maps the rules share: permission → guarded categories, data type → category."""

from __future__ import annotations

#: Runtime permission → the data categories it guards (ACCESS_AFTER_PERMISSION_DENIAL).
PERMISSION_CATEGORIES: dict[str, tuple[str, ...]] = {
    "android.permission.READ_PHONE_STATE": ("device_id", "phone_number"),
    "android.permission.READ_PHONE_NUMBERS": ("phone_number",),
    "android.permission.ACCESS_FINE_LOCATION": ("location",),
    "android.permission.ACCESS_COARSE_LOCATION": ("location",),
    "android.permission.ACCESS_BACKGROUND_LOCATION": ("location",),
    "android.permission.READ_CONTACTS": ("contacts",),
    "android.permission.READ_SMS": ("sms",),
    "android.permission.READ_CALL_LOG": ("call_log",),
    "android.permission.CAMERA": ("camera",),
    "android.permission.RECORD_AUDIO": ("microphone",),
    "android.permission.GET_ACCOUNTS": ("accounts",),
    "android.permission.READ_CALENDAR": ("calendar",),
    "android.permission.READ_EXTERNAL_STORAGE": ("media",),
    "android.permission.READ_MEDIA_IMAGES": ("media",),
    "android.permission.READ_MEDIA_VIDEO": ("media",),
    "android.permission.READ_MEDIA_AUDIO": ("media",),
    "android.permission.READ_MEDIA_VISUAL_USER_SELECTED": ("media",),
}

#: Data types of a guarded category that no runtime permission guards: ``Settings.Secure.ANDROID_ID``
#: and the advertising IDs need none, the Wi-Fi MAC only ``ACCESS_WIFI_STATE`` (a normal permission,
#: granted at install). A ``READ_PHONE_STATE`` denial says nothing about them.
UNGUARDED_DATA_TYPES: frozenset[str] = frozenset({"android_id", "mac", "adid", "oaid"})

#: Category → the permissions that guard it (any one granted is enough to read it).
CATEGORY_GUARDS: dict[str, tuple[str, ...]] = {}
for _perm, _cats in PERMISSION_CATEGORIES.items():
    for _cat in _cats:
        CATEGORY_GUARDS.setdefault(_cat, ())
        CATEGORY_GUARDS[_cat] += (_perm,)

#: Fine data type (``data_type``, ``pii.type``) → coarse category; unknown names have none.
DATA_TYPE_CATEGORY: dict[str, str] = {
    **dict.fromkeys(("imei", "meid", "imsi", "iccid", "serial", "android_id", "mac", "adid", "oaid"),
                    "device_id"),
    "bssid": "network_info", "ssid": "network_info",
    "phone_number": "phone_number", "email": "accounts", "accounts": "accounts",
    "location": "location", "cell_location": "location",
    "contacts": "contacts", "sms": "sms", "call_log": "call_log",
    "app_list": "app_list", "running_apps": "app_list", "clipboard": "clipboard",
    "camera": "camera", "microphone": "microphone",
    "accelerometer": "sensor", "gyroscope": "sensor",
    "cell_id": "location", "imeisv": "device_id", "device_name": "device_id", "voice_mail_number": "phone_number",
    "operator": "network_info", "country": "network_info", "wifi_info": "network_info",
    "wifi_scan": "network_info", "ip_address": "network_info", "network_type": "network_info",
    "bt_devices": "network_info", "app_usage": "app_list", "bookmarks": "browser_history",
    "calendar": "calendar", "media": "media", "sms_send": "sms", "clipboard_write": "clipboard",
    "sensor_list": "sensor", "build_info": "system_info", "process_info": "system_info",
    "command": "command_exec", "dex": "code_loading", "native_library": "code_loading",
    "url": "webview", "js_bridge": "webview",
}


def permission_category(permission: str) -> str | None:
    """The first category a permission guards (for grouping permission findings)."""
    cats = PERMISSION_CATEGORIES.get(permission)
    return cats[0] if cats else None
