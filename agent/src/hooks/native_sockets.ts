// native_connect: libc connect() / sendto() with an IPv4/IPv6 destination, for native code that
// bypasses Java networking (Flutter/Dart's HTTP client, an SDK's .so, Cronet, its own DNS). The same
// `net_connect` event as the Java hooks (sockets.ts), with `via: libc.connect` / `libc.sendto`.
//
// No double count: a Java Socket.connect or DatagramSocket.send ends in these very libc calls. A
// native call made while the same thread is inside a reported Java net_connect hook (the guard key
// "net_connect") is that Java call and is not reported again; only connections no Java hook saw are.
// Calls from inside the C resolver (getaddrinfo & co. talking to the name server) are the system's
// lookup, not a destination the app chose, and are skipped too. Datagrams: one event per destination
// per DATAGRAM_QUIET_MS, as in sockets.ts. The stack is the Java stack when the thread runs Java
// code (a JNI library called from an SDK's class), else the native frames `module!symbol`.

import Java from "frida-java-bridge";
import { emit } from "../lib/emit.js";
import { installed, skip } from "../lib/jobs.js";
import { javaStack } from "../lib/java-util.js";
import { CallContext, HookSpec } from "../lib/types.js";
import { baseEvent } from "./common.js";
import { insideGuard, registerInstaller } from "./install.js";

const AF_INET = 2;
const AF_INET6 = Process.platform === "darwin" ? 30 : 10;
const DATAGRAM_QUIET_MS = 10000;
const RESOLVER = ["getaddrinfo", "gethostbyname", "gethostbyname2", "gethostbyname_r", "gethostbyname2_r",
  "res_query", "res_search", "android_getaddrinfofornet"];
const lastDatagram = new Map<string, number>();
const inResolver = new Map<number, number>();
let resolverHooked = false;

/** "1.2.3.4" / "2001:db8::1" and the port of a sockaddr, or null for other families (AF_UNIX...). */
export function sockaddr(p: NativePointer): [string, number] | null {
  if (p.isNull()) return null;
  const family = p.readU16();
  const port = (p.add(2).readU8() << 8) | p.add(3).readU8();
  if (family === AF_INET) {
    const b = p.add(4).readByteArray(4);
    return b === null ? null : [Array.from(new Uint8Array(b)).join("."), port];
  }
  if (family === AF_INET6) {
    const b = p.add(8).readByteArray(16);
    if (b === null) return null;
    const u = new Uint8Array(b);
    if (u.slice(0, 10).every(x => x === 0) && u[10] === 0xff && u[11] === 0xff) {
      return [Array.from(u.slice(12)).join("."), port];  // ::ffff:a.b.c.d, as Java's dual-stack sockets use
    }
    const groups: string[] = [];
    for (let i = 0; i < 16; i += 2) groups.push(((u[i] << 8) | u[i + 1]).toString(16));
    return [groups.join(":").replace(/(^|:)0(:0)+(:|$)/, "::"), port];
  }
  return null;
}

function sockType(fd: number): "tcp" | "udp" | null {
  const t = Socket.type(fd);
  if (t === "tcp" || t === "tcp6") return "tcp";
  if (t === "udp" || t === "udp6") return "udp";
  return null;
}

function nativeStack(context: CpuContext, api: string): string[] {
  if (Java.available && Java.vm.tryGetEnv() !== null) {
    try {
      const frames = javaStack(api);
      if (frames.length > 1) return frames;
    } catch (e) { /* not a Java thread after all */ }
  }
  return Thread.backtrace(context, Backtracer.FUZZY).slice(0, 16).map(a => {
    const s = DebugSymbol.fromAddress(a);
    const mod = s.moduleName ?? "?";
    return s.name !== null ? `${mod}!${s.name}` : `${mod}!${a}`;
  });
}

function hookResolver(): void {
  if (resolverHooked) return;
  resolverHooked = true;
  for (const name of RESOLVER) {
    const f = Module.findGlobalExportByName(name);
    if (f === null) continue;
    Interceptor.attach(f, {
      onEnter() { inResolver.set(this.threadId, (inResolver.get(this.threadId) ?? 0) + 1); },
      onLeave() {
        const n = (inResolver.get(this.threadId) ?? 1) - 1;
        if (n <= 0) inResolver.delete(this.threadId); else inResolver.set(this.threadId, n);
      },
    });
  }
}

function record(spec: HookSpec, tid: number, context: CpuContext, fd: number, addr: NativePointer): void {
  // Bionic's send() is sendto(..., NULL, 0): the common case leaves at the first test
  if (addr.isNull() || insideGuard("net_connect", tid) || inResolver.has(tid)) return;
  const target = sockaddr(addr);
  if (target === null) return;
  const proto = sockType(fd) ?? (spec.method === "sendto" ? "udp" : "tcp");
  const [host, port] = target;
  const now = Date.now();
  if (proto === "udp") {
    const key = `${host}:${port}`;
    const last = lastDatagram.get(key);
    if (last !== undefined && now - last < DATAGRAM_QUIET_MS) return;
    lastDatagram.set(key, now);
  }
  const ctx = { spec, self: null, args: [], ret: undefined, error: null, startMs: now, seq: 0, tid } as CallContext;
  const ev = baseEvent("net_connect", ctx);
  ev.host = host;
  ev.port = port;
  ev.proto = proto;
  ev.via = `libc.${spec.method}`;
  ev.hook = spec.id;
  if (spec.capture.stack) ev.stack = nativeStack(context, ev.via as string);
  emit(ev);
}

/** connect(fd, addr, len) / sendto(fd, buf, n, flags, addr, len): Interceptor on the libc export. */
function installNative(spec: HookSpec): boolean {
  if (spec.method !== "connect" && spec.method !== "sendto") {
    skip(spec, `no native hook for ${spec.method}`);
    return false;
  }
  const f = Module.findGlobalExportByName(spec.method);
  if (f === null) { skip(spec, `no export ${spec.method}`); return false; }
  hookResolver();
  const addrArg = spec.method === "connect" ? 1 : 4;
  const listener = Interceptor.attach(f, {
    onEnter(args) {
      try {
        record(spec, this.threadId, this.context, args[0].toInt32(), args[addrArg]);
      } catch (e) { /* a hook never changes the app's behaviour */ }
    },
  });
  installed.push({ id: spec.id, api: `${spec.class}.${spec.method}`, overloads: ["(native)"],
    undo: () => listener.detach() });
  return true;
}

registerInstaller("native_connect", installNative);
