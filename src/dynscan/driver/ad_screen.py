"""Is the app showing a splash or pop-up ad, where is its close control, and where is a neutral spot to tap?

An ad, as 信管〔2023〕26号 describes the ones it regulates (开屏和弹窗信息): a window of the app with an ad's
words on it (跳过, 广告, 关闭, ×, 立即下载 / 查看 / 打开, "Skip", "Ad", a countdown "5s" / "3 秒"), or a
window covering most of the screen with a countdown. Privacy and permission dialogs are never ads (the
caller reads them first). The close control is a control whose label or id says skip or close; a neutral
spot is a point inside the ad's window as far as possible from every labelled or small control, where a
tap means nothing but "I touched the picture".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dynscan.driver.ui import Node, Screen
from dynscan.driver.words import is_close_icon, norm

_AD_WORDS = re.compile(r"广告|跳过|立即(下载|查看|打开|体验|领取)|^ad$|^ads$|^advert|^skip|sponsored", re.I)
_COUNTDOWN = re.compile(r"^(跳过\s*)?\d{1,2}\s*(s|秒|sec)?(\s*跳过)?$|^skip\s*\d{1,2}", re.I)
_CLOSE_WORDS = re.compile(r"^(跳过|关闭|×|✕|x|skip|close|关闭广告|跳过广告)", re.I)
#: A window this share of the screen or more is "most of the screen".
COVERING = 0.6
#: A control this share of the ad's window or more is the picture itself, not a control to avoid.
PICTURE = 0.25
_GRID = 9


@dataclass(frozen=True)
class AdReading:
    window: Node
    #: Why it was taken for an ad (the words or the countdown seen).
    why: str
    close: Node | None
    neutral: tuple[int, int] | None


def _label(n: Node) -> str:
    return norm(" ".join(p for p in (n.text, n.content_desc) if p))


def read_ad(screen: Screen, package: str) -> AdReading | None:
    """The app's ad on ``screen``, or None when nothing looks like one."""
    widest = max((w.area for w in screen.windows()), default=0)
    for window in sorted(screen.windows(), key=lambda w: -w.area):
        nodes = [n for n in screen.subtree(window) if n.package == package]
        if not nodes:
            continue
        labels = [(n, _label(n)) for n in nodes]
        marks = [lab for _, lab in labels if lab and (_AD_WORDS.search(lab) or _COUNTDOWN.match(lab))]
        if not marks:
            continue
        countdown = any(_COUNTDOWN.match(m) for m in marks)
        worded = any(_AD_WORDS.search(m) for m in marks)
        if not (worded or (countdown and widest and window.area >= COVERING * widest)):
            continue
        close = next((n for n, lab in labels if n.enabled and (n.clickable or _COUNTDOWN.match(lab) is not None)
                      and (_CLOSE_WORDS.match(lab) or _COUNTDOWN.match(lab)
                           or is_close_icon(n.resource_id, n.content_desc))), None)
        return AdReading(window, ", ".join(dict.fromkeys(marks))[:120], close, _neutral(window, nodes))
    return None


def _neutral(window: Node, nodes: list[Node]) -> tuple[int, int] | None:
    """The grid point of the window farthest from every control a person would read as one."""
    x1, y1, x2, y2 = window.bounds
    if x2 - x1 < 10 or y2 - y1 < 10:
        return None
    avoid = [n.bounds for n in nodes if (n.text or n.content_desc or n.clickable or n.checkable)
             and n.area < PICTURE * window.area]
    best, best_d = None, -1.0
    for i in range(1, _GRID):
        for j in range(1, _GRID):
            x = x1 + (x2 - x1) * i // _GRID
            y = y1 + (y2 - y1) * j // _GRID
            d = min((_distance(x, y, b) for b in avoid), default=float(x2 - x1 + y2 - y1))
            if d > best_d:
                best, best_d = (x, y), d
    return best if best_d > 0 else None


def _distance(x: int, y: int, b: tuple[int, int, int, int]) -> float:
    dx = max(b[0] - x, 0, x - b[2])
    dy = max(b[1] - y, 0, y - b[3])
    return float((dx * dx + dy * dy) ** 0.5)
