"""Guided checks: the 164号文 / 26号文 scenes no rule can judge from a run, as what a tester looks at by hand.

The report's coverage section lists them (every format), so a report never passes for more than was
exercised; docs/scenes.md maps every scene to its rule(s) or to one of these. IDs are stable.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class GuidedCheck(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: str
    #: The scene of 信管函〔2020〕164号 (or 信管〔2023〕26号) it covers.
    scene: str
    en: str
    zh: str


#: id, scene, what a tester looks at (English, then Chinese)
_TABLE: tuple[tuple[str, str, str, str], ...] = (
    ("POLICY_CONTENT", "164号 一.(一)/(三): 隐私政策未逐一列明",
     "Read the full privacy policy: does it list, per feature, each data type, purpose, way and "
     "third party (SDK list with names, purposes, data)? Give it with --policy to compare it with "
     "what the app did.",
     "阅读完整隐私政策: 是否按业务功能逐一列明收集的个人信息类型、目的、方式及第三方(含SDK名称、"
     "目的、所收集信息)? 用 --policy 提供后可与实际行为比对。"),
    ("PERMISSION_PURPOSE", "164号 二.(一) 场景5: 申请权限未同步告知目的",
     "For each permission dialog, was its purpose told on the screen at the same time (an in-app "
     "explanation before the system dialog)? See the saved ui/*.xml screens.",
     "每次申请权限时, 是否同步告知用途(系统弹窗前的应用内说明)? 查看会话中保存的 ui/*.xml 屏幕。"),
    ("EXCESSIVE_PERMISSIONS", "164号 二.(一): 过度索取权限",
     "Compare the manifest's dangerous permissions with the app's features: is any permission "
     "unrelated to every feature?",
     "对照清单文件中的危险权限与 App 的业务功能: 是否有与所有功能都无关的权限?"),
    ("TARGETED_PUSH", "164号 一.(四): 强制用户使用定向推送功能",
     "Is personalised recommendation or targeted advertising marked as such, and can it be "
     "switched off in the app's settings?",
     "个性化推荐、定向推送是否显著标示, 并在设置中提供关闭选项?"),
    ("ACCOUNT_DELETION", "164号 (2019 整治 8): 为账号注销设置障碍",
     "Find account deletion in the app: is it offered, reachable in a few steps, with no "
     "unreasonable conditions?",
     "在 App 中查找账号注销: 是否提供, 步骤是否简便, 有无不合理条件?"),
    ("DECEPTIVE_PERSONAL_INFO", "164号 三.(二): 欺骗误导用户提供个人信息",
     "Do rewards, points or discounts lure the user into giving personal data a feature does not "
     "need (ID card, face, contacts)?",
     "是否以积分、奖励、优惠等方式诱导用户提供非必要个人信息(身份证、人脸、通讯录)?"),
    ("DECEPTIVE_DOWNLOAD_UI", "164号 三.(一) / 26号: 欺骗误导用户下载、弹窗广告",
     "Look at splash and pop-up ads: does a tap anywhere on them jump to another page or app, does "
     "each show a findable close button, is a download labelled as such?",
     "检查开屏和弹窗广告: 点击任意位置是否跳转到其他页面或应用, 是否有可找到的关闭按钮, "
     "下载是否明确标示?"),
    ("STORE_LISTING", "164号 四.(一)/(二): 应用分发平台信息明示",
     "On the app store page: are the developer, version, permissions and privacy policy shown, "
     "and do they match the app?",
     "在应用商店页面: 是否展示开发者、版本、权限及隐私政策, 并与 App 一致?"),
)

GUIDED_CHECKS: tuple[GuidedCheck, ...] = tuple(GuidedCheck(id=i, scene=s, en=en, zh=zh) for i, s, en, zh in _TABLE)
