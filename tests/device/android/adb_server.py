"""A scripted adb server: the real adb host protocol on 127.0.0.1, answering from canned device state.

The only mock in the project: no phone is reachable from this machine. ``FakePhone`` holds what a device
would answer (getprop, settings, files, packages, scripted shell replies) and records every command.
"""

from __future__ import annotations

import contextlib
import fnmatch
import posixpath
import re
import shlex
import socket
import struct
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

SU_RE = re.compile(r"^su -c (.+)$", re.S)  # Magisk, KernelSU, SuperSU
SU0_RE = re.compile(r"^su 0 sh -c (.+)$", re.S)  # AOSP su (userdebug builds, Google's emulator images)
NO_PERMISSIONS = ("no permissions (user in plugdev group; are your udev rules wrong?); "
                  "see [http://developer.android.com/tools/device.html]")
MARKER = "; echo X4EXIT:$?"  # adbutils' exit-status marker for shell v1
Reply = tuple[str, str, int]


@dataclass
class FakePhone:
    serial: str = "PHONE1"
    state: str = "device"
    features: str = "shell_v2,cmd,stat_v2"
    rooted: bool = True
    #: which ``su`` the phone has: "magisk" (``su -c CMD``) or "aosp" (``su 0 sh -c CMD``)
    su_style: str = "magisk"
    #: adbd already runs as root (``adb root`` images); ``ro.debuggable=1`` lets ``adb root`` restart it as root
    adbd_root: bool = False
    #: after ``root:``, whether ``wait-for-any-device`` comes back ("ok") or never does ("hang")
    adbd_restarts: str = "ok"
    #: a non-empty text makes every sync SEND fail with it
    push_fails: str = ""
    #: every install ``pm`` committed: the device paths of its APKs (one for ``pm install``)
    installs: list[list[str]] = field(default_factory=list)
    sessions: dict[int, list[str]] = field(default_factory=dict)
    props: dict[str, str] = field(default_factory=lambda: {
        "ro.product.model": "Pixel 6", "ro.product.manufacturer": "Google", "ro.build.version.sdk": "33",
        "ro.build.version.release": "13", "ro.serialno": "1A2B3C4D", "ro.kernel.qemu": "0",
        "ro.product.cpu.abi": "arm64-v8a",
    })
    settings: dict[str, str] = field(default_factory=lambda: {"secure/android_id": "9774d56d682e549c"})
    files: dict[str, bytes] = field(default_factory=dict)
    packages: list[str] = field(default_factory=lambda: ["android", "com.android.settings"])
    running: set[str] = field(default_factory=set)
    script: dict[str, Reply | Callable[[str], Reply]] = field(default_factory=dict)
    commands: list[str] = field(default_factory=list)
    chunks: list[int] = field(default_factory=list)
    #: tmpfs mounts: directory -> the files the mount hides (back in ``files`` after ``umount``)
    mounts: dict[str, dict[str, bytes]] = field(default_factory=dict)
    #: process name -> pid for ``pidof`` (names only in ``running`` answer 4242); pid -> parent pid for ``ps``
    pids: dict[str, int] = field(default_factory=dict)
    ppids: dict[int, int] = field(default_factory=dict)
    #: per mount namespace (a pid): the bind mounts made in it with ``nsenter``, target -> source
    binds: dict[int, dict[str, str]] = field(default_factory=dict)
    #: pid -> executable, for ``readlink /proc/PID/exe`` (processes started with ``PATH -D``)
    exes: dict[int, str] = field(default_factory=dict)

    def run(self, command: str) -> Reply:
        self.commands.append(command)
        return self._run(command, root=False)

    def _run(self, command: str, root: bool) -> Reply:
        if command in self.script:
            r = self.script[command]
            return r(command) if callable(r) else r
        for style, pattern in (("magisk", SU_RE), ("aosp", SU0_RE)):
            m = pattern.match(command)
            if m is None:
                continue
            if not self.rooted:
                return "", "/system/bin/sh: su: inaccessible or not found", 127
            if style != self.su_style:
                return "", "su: invalid uid/gid '-c'\n" if style == "magisk" else "su: unknown option\n", 1
            return self._run(shlex.split(m.group(1))[0], root=True)
        return self.builtin(command, root or self.adbd_root)

    def adb_root(self) -> str:
        """What adbd answers to ``root:`` (AOSP adb ``restart_root_service``)."""
        if self.adbd_root:
            return "adbd is already running as root\n"
        if self.props.get("ro.debuggable") != "1":
            return "adbd cannot run as root in production builds\n"
        self.adbd_root = True
        return "restarting adbd as root\n"

    def builtin(self, command: str, root: bool) -> Reply:
        argv = shlex.split(command)
        if not argv:
            return "", "", 0
        name = argv[0]
        if name == "echo":
            return " ".join(argv[1:]) + "\n", "", 0
        if name == "id":
            return ("uid=0(root) gid=0(root)\n" if root else "uid=2000(shell) gid=2000(shell)\n"), "", 0
        if name == "getprop":
            if len(argv) > 1:
                return self.props.get(argv[1], "") + "\n", "", 0
            return "".join(f"[{k}]: [{v}]\n" for k, v in self.props.items()), "", 0
        if name == "settings" and len(argv) >= 4:
            key = f"{argv[2]}/{argv[3]}"
            if argv[1] == "get":
                return self.settings.get(key, "null") + "\n", "", 0
            if argv[1] == "put" and len(argv) >= 5:
                self.settings[key] = argv[4]
                return "", "", 0
            if argv[1] == "delete":
                self.settings.pop(key, None)
                return "Deleted 1 rows\n", "", 0
        if name == "cat" and len(argv) == 2:
            if argv[1] in self.files:
                return self.files[argv[1]].decode(), "", 0
            return "", f"cat: {argv[1]}: No such file or directory\n", 1
        if name == "pm" and argv[1:2] == ["install"] and argv[-1] in self.files:
            self.installs.append([argv[-1]])
            return "Success\n", "", 0
        if name == "pm" and argv[1:2] == ["install-create"]:
            sid = 1000 + len(self.sessions)
            self.sessions[sid] = []
            return f"Success: created install session [{sid}]\n", "", 0
        if name == "pm" and argv[1:2] == ["install-write"] and argv[-1] in self.files:
            self.sessions[int(argv[4])].append(argv[-1])
            return f"Success: streamed {len(self.files[argv[-1]])} bytes\n", "", 0
        if name == "pm" and argv[1:2] == ["install-commit"]:
            self.installs.append(self.sessions.pop(int(argv[2])))
            return "Success\n", "", 0
        if name == "pm" and argv[1:3] == ["list", "packages"]:
            return "".join(f"package:{p}\n" for p in self.packages), "", 0
        if name == "pidof" and len(argv) == 2:
            if argv[1] in self.pids:
                return f"{self.pids[argv[1]]}\n", "", 0
            return ("4242\n", "", 0) if argv[1] in self.running else ("", "", 1)
        if name == "ps" and argv[1:] == ["-A", "-o", "PID,PPID"]:
            return "  PID  PPID\n" + "".join(f"{p:5d} {pp:5d}\n" for p, pp in sorted(self.ppids.items())), "", 0
        if name == "readlink" and len(argv) == 2 and (m := re.fullmatch(r"/proc/(\d+)/exe", argv[1])):
            if not root:
                return "", f"readlink: {argv[1]}: Permission denied\n", 1
            exe = self.exes.get(int(m.group(1)))
            return (exe + "\n", "", 0) if exe else ("", f"readlink: {argv[1]}: No such file or directory\n", 1)
        if name == "kill" and argv[1:]:
            for pid in (int(a) for a in argv[1:] if a.isdigit()):
                exe = self.exes.pop(pid, None)
                for n in [n for n, p in self.pids.items() if p == pid]:
                    del self.pids[n]
                if exe and posixpath.basename(exe) not in self.pids:
                    self.running.discard(posixpath.basename(exe))
            return "", "", 0
        if name in self.files and self.files[name][:4] == b"\x7fELF":
            return self._exec(name, argv[1:], root)
        if name == "nsenter":
            return self._nsenter(argv[1:], root)
        if name == "ls":
            paths = [a for a in argv[1:] if not a.startswith("-")]
            found = [p for p in paths if p in self.files]
            missing = "".join(f"ls: {p}: No such file or directory\n" for p in paths if p not in self.files)
            return "".join(f"{p}\n" for p in found), missing, 1 if missing else 0
        if name == "sh" and argv[1:2] == ["-c"] and len(argv) >= 3:
            return self._sh(argv[2], root)
        if name == "rm":
            return self._rm(argv[1:])
        if name == "cp" and len(argv) >= 3:
            return self._cp(argv[1:-1], argv[-1])
        if name == "mount" and argv[1:4] == ["-t", "tmpfs", "tmpfs"] and len(argv) == 5:
            if not root:
                return "", "mount: permission denied (are you root?)\n", 1
            self.mounts[argv[4]] = {p: self.files.pop(p) for p in self._under(argv[4])}
            return "", "", 0
        if name == "umount" and len(argv) == 2:
            if not root:
                return "", "umount: permission denied (are you root?)\n", 1
            if argv[1] not in self.mounts:
                return "", f"umount: {argv[1]}: Invalid argument\n", 1
            for p in self._under(argv[1]):
                del self.files[p]
            self.files.update(self.mounts.pop(argv[1]))
            return "", "", 0
        return "", "", 0

    def _exec(self, path: str, args: list[str], root: bool) -> Reply:
        """A pushed fake frida-server (``tests/device/android/frida_fake.py``): ``--version`` and ``-D``."""
        body = self.files[path]
        version = body.split(b"frida-server-version:", 1)[-1].split(b"\0", 1)[0].decode() if b"version:" in body else ""
        if args == ["--version"]:
            return version + "\n", "", 0
        if args[:1] == ["-D"]:
            if not root:
                return "", "Unable to start: Permission denied\n", 1
            if b"crashes" in body:
                return "", "", 0
            pid = 5000 + len(self.exes)
            self.exes[pid] = path
            self.pids[posixpath.basename(path)] = pid
            return "", "", 0
        return "", f"{path}: unknown option\n", 1

    # A small model of what the CA install script uses: ``sh -c`` with ``;``, ``||`` and ``set -e``,
    # ``rm [-rf]``, ``cp`` (a glob that matches nothing copies nothing), ``mount -t tmpfs`` and ``umount``.

    def _under(self, directory: str) -> list[str]:
        prefix = directory.rstrip("/") + "/"
        return [p for p in self.files if p.startswith(prefix)]

    def _sh(self, script: str, root: bool) -> Reply:
        out, err, code, errexit = "", "", 0, False
        for part in (p.strip() for p in script.split(";")):
            if part == "set -e":
                errexit = True
                continue
            for alt in part.split("||"):
                o, e, code = self._run(alt.strip(), root)
                out, err = out + o, err + e
                if code == 0:
                    break
            if code and errexit:
                return out, err, code
        return out, err, code

    def _nsenter(self, args: list[str], root: bool) -> Reply:
        """``nsenter --mount=/proc/PID/ns/mnt -- /system/bin/mount --bind SRC DST`` or ``... umount DST``."""
        if not root:
            return "", "nsenter: Operation not permitted\n", 1
        m = re.fullmatch(r"--mount=/proc/(\d+)/ns/mnt", args[0]) if args else None
        if m is None or args[1:2] != ["--"]:
            return "", "nsenter: bad usage\n", 1
        pid, cmd = int(m.group(1)), args[2:]
        if pid not in self.ppids and pid not in self.pids.values():
            return "", f"nsenter: /proc/{pid}/ns/mnt: No such file or directory\n", 1
        binds = self.binds.setdefault(pid, {})
        if cmd[:2] == ["/system/bin/mount", "--bind"] and len(cmd) == 4:
            binds[cmd[3]] = cmd[2]
            return "", "", 0
        if cmd[:1] == ["/system/bin/umount"] and len(cmd) == 2:
            if binds.pop(cmd[1], None) is None:
                return "", f"umount: {cmd[1]}: Invalid argument\n", 1
            return "", "", 0
        return "", f"nsenter: unsupported command {cmd}\n", 1

    def _rm(self, args: list[str]) -> Reply:
        flags = "".join(a[1:] for a in args if a.startswith("-"))
        err = ""
        for path in (a for a in args if not a.startswith("-")):
            gone = [path] if path in self.files else []
            if "r" in flags:
                gone += self._under(path)
            for p in gone:
                del self.files[p]
            if not gone and "f" not in flags:
                err += f"rm: {path}: No such file or directory\n"
        return "", err, 1 if err else 0

    def _cp(self, sources: list[str], dest: str) -> Reply:
        found: list[str] = []
        for src in sources:
            if any(c in src for c in "*?["):
                found += sorted(p for p in self.files if posixpath.dirname(p) == posixpath.dirname(src)
                                and fnmatch.fnmatchcase(posixpath.basename(p), posixpath.basename(src)))
            elif src in self.files:
                found.append(src)
            else:
                return "", f"cp: {src}: No such file or directory\n", 1
        into_dir = dest.endswith("/") or len(found) > 1 or any(c in "".join(sources) for c in "*?[")
        for src in found:
            target = posixpath.join(dest, posixpath.basename(src)) if into_dir else dest
            self.files[target] = self.files[src]
        return "", "", 0


def _state_text(p: FakePhone) -> str:
    return NO_PERMISSIONS if p.state == "no permissions" else p.state


def _model(p: FakePhone) -> str:
    return p.props.get("ro.product.model", "?").replace(" ", "_")


class ScriptedAdbServer:
    """Serve ``phones`` on 127.0.0.1 (a free port); records every request in ``requests``."""

    def __init__(self, *phones: FakePhone) -> None:
        self.phones = {p.serial: p for p in phones}
        self.requests: list[str] = []
        self.forwards: list[str] = []
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.port: int = self.sock.getsockname()[1]
        self._stop = False
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def __enter__(self) -> ScriptedAdbServer:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def close(self) -> None:
        self._stop = True
        with contextlib.suppress(OSError):
            socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
        self._thread.join(timeout=5)
        self.sock.close()

    def _serve(self) -> None:
        while True:
            conn, _ = self.sock.accept()
            if self._stop:
                conn.close()
                return
            threading.Thread(target=self._handle, args=(conn,), daemon=True).start()

    # ------------------------------------------------------------------ protocol

    def _handle(self, conn: socket.socket) -> None:
        with conn, contextlib.suppress(EOFError, OSError):
            self._dispatch(Stream(conn))

    def _dispatch(self, s: Stream) -> None:
        req = s.request()
        self.requests.append(req)
        if req == "host:version":
            return s.okay_block("0029")
        if req == "host:devices-l":
            lines = [f"{p.serial:<22} {_state_text(p)} product:x model:{_model(p)} device:x transport_id:{i + 1}\n"
                     for i, p in enumerate(self.phones.values())]
            return s.okay_block("".join(lines))
        m = re.match(r"^host-serial:([^:]+):(.*)$", req)
        if m:
            phone = self._phone(s, m.group(1))
            if phone is None:
                return None
            if m.group(2) == "features":
                return s.okay_block(phone.features)
            if m.group(2).startswith(("forward:", "killforward:")):
                self.forwards.append(m.group(2))
                return s.send(b"OKAYOKAY")
            if m.group(2) == "wait-for-any-device":
                s.send(b"OKAY")
                if phone.adbd_restarts == "hang":  # adbd never comes back: the client's timeout ends it
                    s.conn.recv(1)
                    return None
                return s.send(b"OKAY")
            return s.fail("unknown host service")
        if req.startswith(("host:transport:", "host:tport:serial:")):
            phone = self._phone(s, req.rsplit(":", 1)[1])
            if phone is None:
                return None
            # tport answers OKAY then the transport id as 8 bytes (AOSP adb: host:tport:...)
            s.send(b"OKAY" + (struct.pack("<Q", 1) if req.startswith("host:tport:") else b""))
            return self._device_service(s, phone)
        return s.fail("unknown host service")

    def _phone(self, s: Stream, serial: str) -> FakePhone | None:
        phone = self.phones.get(serial)
        if phone is None:
            s.fail(f"device '{serial}' not found")
        elif phone.state == "offline":
            s.fail("device offline")
        elif phone.state == "no permissions":
            s.fail("insufficient permissions for device: user in plugdev group; are your udev rules wrong?\n"
                   "See [http://developer.android.com/tools/device.html] for more information")
        elif phone.state == "unauthorized":
            s.fail("device unauthorized.\nThis adb server's $ADB_VENDOR_KEYS is not set\n"
                   "Try 'adb kill-server' if that seems wrong.\n"
                   "Otherwise check for a confirmation dialog on your device.")
        else:
            return phone
        return None

    def _device_service(self, s: Stream, phone: FakePhone) -> None:
        svc = s.request()
        self.requests.append(svc)
        v2 = re.match(r"^shell,v2(?:,raw)?:", svc)
        if v2:
            out, err, code = phone.run(svc[v2.end():])
            s.send(b"OKAY")
            for kind, data in ((1, out.encode()), (2, err.encode())):
                if data:
                    s.send(bytes([kind]) + struct.pack("<I", len(data)) + data)
            return s.send(bytes([3]) + struct.pack("<I", 1) + bytes([code & 0xFF]))
        if svc.startswith("shell:"):
            cmd = svc[len("shell:"):]
            marker = cmd.endswith(MARKER)
            out, err, code = phone.run(cmd[: -len(MARKER)] if marker else cmd)
            s.send(b"OKAY" + (out + err).encode())
            if marker:
                s.send(f"X4EXIT:{code}\n".encode())
            return None
        if svc == "unroot:":
            phone.adbd_root = False
            s.send(b"OKAYrestarting adbd as non root\n")
            return None
        if svc == "root:":
            s.send(b"OKAY" + phone.adb_root().encode())
            return None
        if svc.startswith(("reverse:forward:", "reverse:killforward:")):
            self.forwards.append(svc)
            return s.send(b"OKAYOKAY")
        if svc == "sync:":
            s.send(b"OKAY")
            return self._sync(s, phone)
        return s.fail(f"unknown service {svc}")

    def _sync(self, s: Stream, phone: FakePhone) -> None:
        while True:
            try:
                ident, n = s.msg()
            except EOFError:  # adbutils closes the connection instead of sending QUIT
                return
            if ident == b"QUIT":
                return
            if ident == b"STAT":
                path = s.exact(n).decode()
                mode = 0o100644 if path in phone.files else (0o040755 if phone._under(path) else 0)
                size = len(phone.files.get(path, b""))
                s.send(b"STAT" + struct.pack("<III", mode, size, 1_700_000_000 if mode else 0))
            elif ident == b"SEND":
                path, _, _mode = s.exact(n).decode().rpartition(",")
                data = bytearray()
                while True:
                    ident, n = s.msg()
                    if ident == b"DONE":
                        break
                    assert ident == b"DATA", ident
                    phone.chunks.append(n)
                    data += s.exact(n)
                phone.commands.append(f"<push {path}>")
                if phone.push_fails:
                    msg = phone.push_fails.encode()
                    s.send(b"FAIL" + struct.pack("<I", len(msg)) + msg)
                    continue
                phone.files[path] = bytes(data)
                s.send(b"OKAY" + struct.pack("<I", 0))
            elif ident == b"RECV":
                path = s.exact(n).decode()
                phone.commands.append(f"<pull {path}>")
                if path not in phone.files:
                    msg = b"No such file or directory"
                    s.send(b"FAIL" + struct.pack("<I", len(msg)) + msg)
                    continue
                body = phone.files[path]
                for i in range(0, len(body), 65536):
                    s.send(b"DATA" + struct.pack("<I", len(body[i:i + 65536])) + body[i:i + 65536])
                s.send(b"DONE" + struct.pack("<I", 0))
            else:
                return


class Stream:
    def __init__(self, conn: socket.socket) -> None:
        self.conn = conn

    def exact(self, n: int) -> bytes:
        buf = b""
        while len(buf) < n:
            chunk = self.conn.recv(n - len(buf))
            if not chunk:
                raise EOFError
            buf += chunk
        return buf

    def request(self) -> str:
        return self.exact(int(self.exact(4), 16)).decode()

    def msg(self) -> tuple[bytes, int]:
        raw = self.exact(8)
        return raw[:4], struct.unpack("<I", raw[4:])[0]

    def send(self, data: bytes) -> None:
        self.conn.sendall(data)

    def okay_block(self, text: str) -> None:
        data = text.encode()
        self.send(b"OKAY" + f"{len(data):04x}".encode() + data)

    def fail(self, text: str) -> None:
        data = text.encode()
        self.send(b"FAIL" + f"{len(data):04x}".encode() + data)
