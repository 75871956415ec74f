"""The words on controls and in dialogs, in Chinese and English, and what a control's label means.

Hand-written: no library classifies the controls of consent and permission dialogs. The lists come from
real dialogs (Android 6-15 system dialogs, Chinese apps' custom privacy dialogs, Western sign-in pages).
A label is matched from its start (``不同意`` is tested before ``同意``, ``disagree`` before ``agree``);
a long label is a sentence, not a button, and has no role.
"""

from __future__ import annotations

import re
from typing import Literal, NamedTuple

Role = Literal["accept", "decline", "allow", "deny", "close", "skip", "avoid"]

#: Words a privacy-policy dialog uses.
POLICY_WORDS = re.compile(
    r"隐私|个人信息|用户协议|服务协议|使用协议|许可协议|保护指引|privacy|personal (data|information)|data protection"
    r"|terms of (service|use)|terms (and|&) conditions|user agreement|\bterms\b|\beula\b", re.I)
#: Words of an in-app explanation of a permission (a rationale).
PERMISSION_TALK = re.compile(
    r"权限|permission|access to your|访问您的|获取您的|需要(获取|访问|使用)"
    r"|需要.{0,6}(位置|定位|相机|通讯录|存储|麦克风|电话)"
    r"|needs? (access to )?your .{0,24}(location|camera|contacts|microphone|photos|storage|calendar|phone)", re.I)
#: 《用户协议》, 《隐私政策》: the titles a Chinese policy dialog links to.
LINK_TITLE = re.compile(r"《([^《》\n]{1,40})》")
MAX_LABEL = 30


class Meaning(NamedTuple):
    role: Role
    why: str
    #: An acknowledgement ("OK") or a soft refusal ("Not now"): it counts only where the dialog is known.
    weak: bool = False


def _words(*w: str) -> tuple[str, ...]:
    """A word list, longest first: the longest match names the wording."""
    return tuple(sorted(w, key=len, reverse=True))


# Refusing consent; tested before accept words.
_REFUSE = _words(
    "不同意", "暂不同意", "仍不同意", "仍然不同意", "不同意并退出", "拒绝", "拒绝并退出", "不接受", "退出应用", "退出",
    "进入基本功能模式", "基本功能模式", "仅使用基本功能", "仅浏览", "暂不使用", "放弃使用",
    "disagree", "i disagree", "decline", "reject", "refuse", "don't agree", "do not agree", "i do not agree",
    "i don't agree", "don't accept", "do not accept", "not agree", "exit", "quit", "no thanks", "no, thanks",
    "use without an account", "continue without", "browse only", "use basic mode",
)
# Leave the dialog without choosing (a refusal only where nothing else refuses).
_SKIP = _words(
    "跳过", "暂不", "以后再说", "下次再说", "稍后", "取消", "暂不登录", "游客", "随便看看",
    "skip", "not now", "later", "maybe later", "cancel", "no", "remind me later",
)
# Starting a sign-in: never tapped (a third-party one least of all).
_PROVIDERS = r"(facebook|google|apple|twitter|x|microsoft|line|kakao|naver|wechat|weixin|qq|weibo|github|amazon)"
_THIRD_PARTY = re.compile(
    rf"^(continue|sign in|sign up|log ?in|connect|register|link) with {_PROVIDERS}\b"
    r"|(微信|qq|微博|支付宝|淘宝|抖音|钉钉|apple|google|facebook|华为|荣耀|小米|oppo|vivo).{0,4}(登录|注册|授权)", re.I)
_SIGN_IN = re.compile(
    r"^(continue|sign in|sign up|log ?in|register) with\b|^continue as\b"
    r"|^(sign in|sign up|log ?in|register|create (an )?account|登录|注册|立即登录|立即注册|手机号登录|密码登录"
    r"|验证码登录|一键登录|本机号码一键登录|其他方式登录|其他登录方式)", re.I)
# Consent words only: never a bare "continue".
_ACCEPT = _words(
    "同意", "同意并继续", "同意并使用", "同意并进入", "我同意", "接受", "接受并继续", "我接受", "确认同意",
    "已阅读并同意",
    "agree", "i agree", "agree and continue", "agree & continue", "accept", "i accept", "accept all",
    "accept and continue", "accept & continue", "yes, i agree",
)
_ACK = _words("ok", "okay", "got it", "understood", "i understand", "好的", "确定", "确认", "知道了", "我知道了")
# Permission answers (system dialogs, rationales, vendor dialogs).
_ALLOW = _words(
    "allow", "while using the app", "only while using the app", "allow only while using the app",
    "allow all the time", "only this time", "allow all", "allow limited access", "always allow", "turn on",
    "go to settings", "open settings", "enable", "grant",
    "允许", "始终允许", "仅在使用中允许", "使用时允许", "仅使用期间允许", "本次运行允许", "仅本次允许", "总是允许",
    "去开启", "去设置", "立即开启", "开启", "前往设置", "授权",
)
_DENY = _words(
    "deny", "don't allow", "do not allow", "deny anyway", "deny & don't ask again", "deny and don't ask again",
    "不允许", "禁止", "拒绝", "仍然拒绝", "拒绝且不再询问",
)
# Weak permission answers: meaningful only inside a rationale.
_ALLOW_WEAK = _words("continue", "next", "ok", "okay", "got it", "确定", "好的", "继续", "下一步", "知道了", "我知道了")
_CLOSE_TOKENS = frozenset({"close", "dismiss", "guanbi", "shut", "cancel", "x"})
_ID_TOKEN = re.compile(r"[A-Z]?[a-z0-9]+|[A-Z]+(?![a-z])")
_CLOSE_DESC = re.compile(r"^(close|dismiss|关闭|关闭按钮|关闭弹窗|取消|cancel|x|×)$", re.I)


def norm(label: str) -> str:
    """Lower case, one space, no decoration around (arrows, full stops), curly quotes made straight."""
    s = " ".join(label.replace("\u2019", "'").replace("\u00a0", " ").split()).lower()
    return s.strip(" .。!！>›»→:：·•-")


def _starts(label: str, words: tuple[str, ...]) -> str | None:
    for w in words:  # longest first (see _words)
        if label == w:
            return w
        if label.startswith(w):
            nxt = label[len(w)]
            if not (w[-1].isascii() and w[-1].isalpha() and nxt.isascii() and nxt.isalpha()):
                return w
    return None


def control_meaning(label: str) -> Meaning | None:
    """What tapping a control with this label does, wherever it is; None for an ordinary control."""
    s = norm(label)
    if not s or len(s) > MAX_LABEL:
        return None
    if w := _starts(s, _REFUSE):
        return Meaning("decline", f"refusal wording '{w}'", weak=w in _SOFT_REFUSE)
    if _THIRD_PARTY.search(s):
        return Meaning("avoid", "starts a third-party sign-in: never tapped")
    if _SIGN_IN.match(s) and s.startswith(("continue ", "sign in with", "log in with", "login with")):
        return Meaning("avoid", "starts a sign-in: never tapped")
    if w := _starts(s, _DENY):
        return Meaning("deny", f"denies: '{w}'")
    if w := _starts(s, _SKIP):
        return Meaning("skip", f"leaves without choosing: '{w}'", weak=True)
    if _SIGN_IN.search(s):
        return Meaning("avoid", "starts a sign-in: never tapped")
    if w := _starts(s, _ACCEPT):
        return Meaning("accept", f"consent wording '{w}'")
    if w := _starts(s, _ACK):
        return Meaning("accept", f"acknowledgement '{w}'", weak=True)
    if w := _starts(s, _ALLOW):
        return Meaning("allow", f"allows: '{w}'")
    if w := _starts(s, _ALLOW_WEAK):
        return Meaning("allow", f"goes on: '{w}'", weak=True)
    return None


#: Refusals that also mean "not now" (a sign-in page has them as well as a privacy dialog).
_SOFT_REFUSE = frozenset({"use without an account", "continue without", "browse only", "no thanks", "no, thanks",
                          "exit", "quit", "退出"})
#: Refusals that only a privacy dialog's second "are you sure" step says.
SECOND_STEP = frozenset({"仍不同意", "仍然不同意", "不同意并退出", "退出应用", "进入基本功能模式", "基本功能模式",
                         "仅使用基本功能", "仅浏览", "放弃使用", "拒绝并退出"})


def is_close_icon(resource_id: str, content_desc: str) -> bool:
    """A control with no text that closes: its ID or its content description says so."""
    short = resource_id.rsplit("/", 1)[-1]
    tokens = {t.lower() for t in _ID_TOKEN.findall(short)}  # iv_close, btnClose, closeButton
    return bool(tokens & _CLOSE_TOKENS) or bool(_CLOSE_DESC.match(norm(content_desc)))


def second_step(label: str) -> bool:
    s = norm(label)
    return s.startswith(_SECOND_STEP_PREFIXES)


_SECOND_STEP_PREFIXES = tuple(SECOND_STEP)
