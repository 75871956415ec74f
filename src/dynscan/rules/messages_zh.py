"""The findings' messages in Chinese (``--lang zh``), same placeholders as each rule's English one:
``{actor}``, ``{count}``, ``{what}`` (data type or category) and ``{subjects}``."""

from __future__ import annotations

MESSAGES_ZH: dict[str, str] = {
    "PRE_CONSENT_COLLECTION": "{actor} 在用户同意隐私政策前收集了 {what},共 {count} 次",
    "PRE_CONSENT_PERMISSION_REQUEST": "{actor} 在用户同意隐私政策前申请了 {subjects}(共 {count} 次申请)",
    "PRE_CONSENT_TRANSMISSION": "{actor} 在用户同意隐私政策前发送了 {what},共 {count} 次(发往 {subjects})",
    "COLLECTION_AFTER_DECLINE": "{actor} 在用户拒绝隐私政策后仍收集或发送 {what},共 {count} 次",
    "BACKGROUND_COLLECTION": "{actor} 在 App 处于后台时收集了 {what},共 {count} 次",
    "EXCESSIVE_FREQUENCY": "{actor} 读取 {what} 超出配置的频率,超出 {count} 次",
    "REPEATED_PERMISSION_REQUEST": "{actor} 在用户拒绝后的重复申请窗口内再次申请 {subjects},共 {count} 次",
    "ACCESS_AFTER_PERMISSION_DENIAL": "{actor} 在对应权限被拒绝后仍读取 {what},共 {count} 次",
    "CLEARTEXT_TRANSMISSION": "{actor} 以明文发送了 {what},共 {count} 次(发往 {subjects})",
    "THIRD_PARTY_TRANSMISSION": "{actor} 向第三方主机 {subjects} 发送了 {what},共 {count} 次",
    "APP_LIST_COLLECTION": "{actor} 读取了 {what},共 {count} 次",
    "CLIPBOARD_READ": "{actor} 在没有粘贴或点击的情况下读取剪贴板,共 {count} 次",
    "SELF_OR_ASSOCIATED_START": "{actor} 在没有用户操作的情况下启动 {subjects} 的组件,共 {count} 次",
    "SHAKE_TO_JUMP": "{actor} 在轻微摇动后跳转到 {subjects}(共 {count} 次)",
    "EXIT_AFTER_DECLINE": "用户拒绝隐私政策后数秒内 App 退出,共 {count} 次",
    "EXIT_AFTER_PERMISSION_DENIAL": "用户拒绝授予 {subjects} 后数秒内 App 退出,共 {count} 次",
    "UNINSPECTED_TRAFFIC": "{actor} 与 {subjects} 之间的流量未经代理检查(共 {count} 个连接)",
}
