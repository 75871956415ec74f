"""Android's runtime ("dangerous") permissions: the ones a user grants in a dialog or ``pm grant`` grants.

Android 13's platform manifest (``protectionLevel="dangerous"``); the others a manifest declares are
granted at install (normal, signature) or never (not the app's to have).
"""

from __future__ import annotations

_P = "android.permission."

RUNTIME_PERMISSIONS: frozenset[str] = frozenset(_P + p for p in (
    "READ_PHONE_STATE", "READ_PHONE_NUMBERS", "CALL_PHONE", "ANSWER_PHONE_CALLS", "ADD_VOICEMAIL", "USE_SIP",
    "ACCEPT_HANDOVER", "READ_CALL_LOG", "WRITE_CALL_LOG", "PROCESS_OUTGOING_CALLS",
    "READ_CONTACTS", "WRITE_CONTACTS", "GET_ACCOUNTS",
    "ACCESS_FINE_LOCATION", "ACCESS_COARSE_LOCATION", "ACCESS_BACKGROUND_LOCATION", "ACCESS_MEDIA_LOCATION",
    "READ_SMS", "SEND_SMS", "RECEIVE_SMS", "RECEIVE_MMS", "RECEIVE_WAP_PUSH",
    "CAMERA", "RECORD_AUDIO", "READ_EXTERNAL_STORAGE", "WRITE_EXTERNAL_STORAGE",
    "READ_MEDIA_IMAGES", "READ_MEDIA_VIDEO", "READ_MEDIA_AUDIO", "READ_MEDIA_VISUAL_USER_SELECTED",
    "READ_CALENDAR", "WRITE_CALENDAR", "BODY_SENSORS", "BODY_SENSORS_BACKGROUND", "ACTIVITY_RECOGNITION",
    "BLUETOOTH_CONNECT", "BLUETOOTH_SCAN", "BLUETOOTH_ADVERTISE", "NEARBY_WIFI_DEVICES", "UWB_RANGING",
    "POST_NOTIFICATIONS",
))


def is_runtime(permission: str) -> bool:
    return permission in RUNTIME_PERMISSIONS
