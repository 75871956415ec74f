"""A scripted app on a scripted screen, for the driver's pure-Python tests (no JVM).

The app shows a privacy dialog (``同意`` / ``不同意``) until answered, asks for the phone permission
after the policy, remembers a refusal, and can crash or refuse to show its screen on demand.
"""

from __future__ import annotations

from dataclasses import dataclass, field

PKG = "com.x"
PERM = "android.permission.READ_PHONE_STATE"
LOC = "android.permission.ACCESS_FINE_LOCATION"


def _node(text: str, rid: str, pkg: str, bounds: str, clickable: bool = False) -> str:
    return (f'<node text="{text}" resource-id="{rid}" class="android.widget.Button" package="{pkg}" '
            f'clickable="{str(clickable).lower()}" bounds="{bounds}"/>')


@dataclass
class FakePhone:
    has_policy: bool = True
    asks: bool = True
    crash_when_granted: bool = False
    dump_fails: bool = False
    exits_on_decline: bool = True
    running: bool = False
    front: bool = False
    consent: str | None = None
    granted: set[str] = field(default_factory=set)
    denied: int = 0
    asking: bool = False
    crashed: bool = False
    log: list[str] = field(default_factory=list)
    dumps: int = 0
    #: A cold start shows the app's window only at the n-th screen read after it (a slow, loaded machine).
    slow_start: int = 0
    starting: int = 0

    # -- AppHandle
    package = PKG

    def launch(self) -> None:
        self.log.append("launch")
        if self.running:
            self.front = True
            return
        if self.crash_when_granted and PERM in self.granted:
            self.crashed, self.running = True, False
            return
        self.running, self.starting = True, self.slow_start
        self.front = not self.starting
        self.asking = False
        if self.consent == "accepted" or not self.has_policy:
            self._maybe_ask()

    def _maybe_ask(self) -> None:
        self.asking = self.asks and PERM not in self.granted and self.denied < 2

    def is_running(self) -> bool:
        return self.running

    def stop(self) -> None:
        self.log.append("stop")
        self.running = self.front = False

    def clear(self) -> None:
        self.log.append("clear")
        self.stop()
        self.consent, self.granted, self.denied = None, set(), 0

    # -- Device
    def dump_ui(self) -> str:
        self.dumps += 1
        if self.running and self.starting:
            self.starting -= 1
            self.front = not self.starting
        if self.dump_fails:
            raise OSError("uiautomator: could not get idle state")
        nodes = []
        if not self.front:
            nodes.append(_node("Launcher", "", "com.android.launcher3", "[0,0][1080,2340]"))
        else:
            nodes.append(_node("Home", "", PKG, "[0,0][1080,2340]"))
            if self.has_policy and self.consent is None:
                nodes += [_node("隐私政策：我们会收集设备信息", "android:id/message", PKG, "[0,0][1080,300]"),
                          _node("同意", "android:id/button1", PKG, "[600,400][900,500]", True),
                          _node("不同意", "android:id/button2", PKG, "[100,400][400,500]", True)]
            elif self.asking:
                pc = "com.android.permissioncontroller"
                nodes += [_node("Allow", "com.android.permissioncontroller:id/permission_allow_button", pc,
                                "[0,1000][1080,1100]", True),
                          _node("Don't allow", "com.android.permissioncontroller:id/permission_deny_button", pc,
                                "[0,1200][1080,1300]", True)]
        return '<?xml version="1.0"?><hierarchy rotation="0">' + "".join(nodes) + "</hierarchy>"

    def tap(self, x: int, y: int) -> None:
        self.log.append(f"tap {x},{y}")
        if self.has_policy and self.consent is None and 400 <= y <= 500:
            if x > 500:
                self.consent = "accepted"
                self._maybe_ask()
            else:
                self.consent = "declined"
                if self.exits_on_decline:
                    self.running = self.front = False
        elif self.asking and 1000 <= y <= 1100:
            self.granted.add(PERM)
            self.asking = False
            if self.crash_when_granted:
                self.crashed, self.running, self.front = True, False, False
        elif self.asking and 1200 <= y <= 1300:
            self.denied += 1
            self.asking = False

    def key(self, key: str) -> None:
        self.log.append(f"key {key}")
        if key == "HOME":
            self.front = False

    def inject_sensor(self, samples: object) -> None:
        self.log.append("shake")

    def grant(self, package: str, permission: str) -> bool:
        if permission in self.granted:
            return False
        self.granted.add(permission)
        return True
