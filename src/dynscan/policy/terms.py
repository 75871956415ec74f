"""What a policy says when it discloses a data type: zh/en wording per dynscan data type and category.

A policy discloses a data type when it names it or a wider term that plainly covers it ("设备信息" covers
IMEI; "location information" covers the cell location). The lists follow the wording of the national
standards' examples (GB/T 35273-2020 附录A 个人信息示例, GB/T 41391-2022 附录 常见个人信息) and of
published policies; add a term where a real policy words it otherwise.
"""

from __future__ import annotations

_DEVICE = ("设备信息", "设备标识", "设备识别码", "设备识别信息", "唯一设备识别", "device information",
           "device identifier", "device id")
_NETWORK = ("网络信息", "网络状态", "网络类型", "wlan", "wi-fi", "wifi", "network information")

#: Category -> terms (used when the data type has none of its own).
CATEGORY_TERMS: dict[str, tuple[str, ...]] = {
    "device_id": (*_DEVICE, "imei", "android id", "androidid", "oaid", "硬件序列号", "mac地址", "mac address"),
    "phone_number": ("手机号", "电话号码", "phone number", "mobile number"),
    "location": ("位置", "定位", "地理位置", "gps", "location"),
    "contacts": ("通讯录", "联系人", "contacts", "address book"),
    "sms": ("短信", "sms", "text message"),
    "call_log": ("通话记录", "call log", "call history"),
    "app_list": ("应用列表", "软件安装列表", "安装列表", "已安装应用", "已安装的应用", "应用安装信息", "app list",
                 "installed apps", "installed applications", "list of installed"),
    "clipboard": ("剪切板", "剪贴板", "粘贴板", "clipboard"),
    "camera": ("相机", "摄像头", "拍照", "camera"),
    "microphone": ("麦克风", "录音", "语音", "microphone"),
    "accounts": ("账户信息", "账号信息", "帐号信息", "accounts"),
    "calendar": ("日历", "calendar"),
    "media": ("相册", "照片", "图片", "媒体文件", "存储", "photos", "media files"),
    "network_info": _NETWORK,
    "sensor": ("传感器", "sensor"),
    "browser_history": ("浏览记录", "书签", "浏览历史", "browsing history", "bookmarks"),
    "system_info": (*_DEVICE, "设备型号", "系统版本", "操作系统", "device model", "os version", "operating system"),
}
#: Categories that are no personal data (a command run, code loaded, a WebView bridge): never judged.
NOT_PERSONAL = frozenset({"command_exec", "code_loading", "webview"})
#: Data types that write or send rather than collect.
NOT_COLLECTION = frozenset({"sms_send", "clipboard_write"})

#: Data type -> its own terms (the category's are tried too).
DATA_TYPE_TERMS: dict[str, tuple[str, ...]] = {
    "imei": ("imei", "国际移动设备识别码"), "meid": ("meid",), "imsi": ("imsi",), "iccid": ("iccid", "sim卡"),
    "serial": ("序列号", "serial"), "android_id": ("android id", "androidid", "android_id"),
    "mac": ("mac地址", "mac address"), "bssid": ("bssid", *_NETWORK), "ssid": ("ssid", *_NETWORK),
    "adid": ("广告标识", "advertising id", "adid", "gaid"), "oaid": ("oaid", "匿名设备标识", "广告标识"),
    "email": ("邮箱", "电子邮件", "email"), "cell_location": ("基站", "cell tower", "cell location"),
    "running_apps": ("运行中的应用", "正在运行", "进程信息", "running apps", "running processes"),
    "accelerometer": ("加速度", "accelerometer"), "gyroscope": ("陀螺仪", "gyroscope"),
    "imeisv": ("imei",), "cell_id": ("基站", "cell tower", "cell id"), "operator": ("运营商", "carrier", "operator"),
    "country": ("国家", "地区", "country"), "wifi_info": ("wlan", "wi-fi", "wifi"),
    "wifi_scan": ("wlan", "wi-fi", "wifi", "附近"), "ip_address": ("ip地址", "ip address", "ip"),
    "network_type": ("网络类型", "network type"), "device_name": ("设备名称", "device name"),
    "bt_devices": ("蓝牙", "bluetooth"), "app_usage": ("应用使用", "使用情况", "app usage", "usage statistics"),
    "bookmarks": ("书签", "bookmarks"), "sensor_list": ("传感器", "sensor"),
    "build_info": ("设备型号", "系统版本", "device model"), "process_info": ("进程", "running processes"),
    "voice_mail_number": ("语音信箱", "voicemail"),
}

DATA_TYPE_CATEGORY: dict[str, str] = {
    "imei": "device_id", "meid": "device_id", "imsi": "device_id", "iccid": "device_id", "serial": "device_id",
    "android_id": "device_id", "mac": "device_id", "adid": "device_id", "oaid": "device_id",
    "bssid": "network_info", "ssid": "network_info", "cell_location": "location", "running_apps": "app_list",
    "accelerometer": "sensor", "gyroscope": "sensor", "email": "accounts",
    "imeisv": "device_id", "cell_id": "location", "operator": "network_info", "country": "network_info",
    "wifi_info": "network_info", "wifi_scan": "network_info", "ip_address": "network_info",
    "network_type": "network_info", "device_name": "system_info", "bt_devices": "network_info",
    "app_usage": "app_list", "bookmarks": "browser_history", "sensor_list": "sensor", "build_info": "system_info",
    "process_info": "app_list", "voice_mail_number": "phone_number",
    "command": "command_exec", "dex": "code_loading", "native_library": "code_loading", "url": "webview",
    "js_bridge": "webview",
}


def terms_for(data_type: str | None, category: str | None) -> tuple[str, ...]:
    """Every wording that discloses ``data_type`` (else ``category``); empty when there is none, or when it is
    no collection of personal data (a command run, code loaded, an SMS sent, the clipboard written)."""
    if data_type in NOT_COLLECTION or {category, DATA_TYPE_CATEGORY.get(data_type or "")} & NOT_PERSONAL:
        return ()
    own = DATA_TYPE_TERMS.get(data_type or "", ())
    cat = category or DATA_TYPE_CATEGORY.get(data_type or "") or (data_type if data_type in CATEGORY_TERMS else None)
    return tuple(dict.fromkeys(own + CATEGORY_TERMS.get(cat or "", ())))
