// net_connect: every socket the app opens, proxied or not (Socket.connect, SocketChannel.connect,
// DatagramSocket.send), with the destination and the opening stack. Connections that bypass the
// system proxy (raw sockets, Proxy.NO_PROXY, an SDK's own DNS) are otherwise invisible; the host
// side names those the proxy never saw (UNINSPECTED_TRAFFIC). Datagrams are hot: one event per
// destination per DATAGRAM_QUIET_MS, decided here. A connection the virtual device refused is the
// device's record (net_connect, source: device, blocked: true), not reported again here.

import Java from "frida-java-bridge";
import { emit } from "../lib/emit.js";
import { javaStack, jstr } from "../lib/java-util.js";
import { baseEvent } from "./common.js";
import { registerHandler } from "./install.js";

const DATAGRAM_QUIET_MS = 10000;
/** The virtual device's containment (Containment.java) refuses with this and records the attempt itself. */
const DEVICE_REFUSAL = "java.lang.SecurityException: dynscan virtual device: connection to ";
const lastDatagram = new Map<string, number>();
let InetSocketAddress: any = null;

/** host (name when the app gave one, else the literal address) and port of a SocketAddress. */
function endpoint(addr: any): [string, number] | null {
  if (addr === null || addr === undefined) return null;
  try {
    if (InetSocketAddress === null) InetSocketAddress = Java.use("java.net.InetSocketAddress");
    const isa = Java.cast(addr, InetSocketAddress);
    return [String(isa.getHostString()), isa.getPort() as number];
  } catch (e) {
    return null;
  }
}

/** "name/1.2.3.4" or "/1.2.3.4" (InetAddress.toString never does a reverse lookup). */
function inetHost(a: any): string | null {
  const s = jstr(a);
  if (s === null) return null;
  const slash = s.indexOf("/");
  if (slash < 0) return s;
  return slash > 0 ? s.substring(0, slash) : s.substring(1);
}

function datagramTarget(self: any, packet: any): [string, number] | null {
  let addr = packet.getAddress();
  let port: number = packet.getPort();
  if (addr === null) {  // a connected socket: the packet may carry no address
    addr = self.getInetAddress();
    port = self.getPort();
  }
  const host = inetHost(addr);
  return host === null ? null : [host, port];
}

registerHandler("net_connect", {
  phase: "after",
  guard: () => "net_connect",  // SSLSocket.connect -> Socket.connect, a channel's socket adaptor
  handle(ctx) {
    if (ctx.error !== null && ctx.error.startsWith(DEVICE_REFUSAL)) return;  // one record: the device's
    const udp = ctx.spec.method === "send";
    const target = udp ? datagramTarget(ctx.self, ctx.args[0]) : endpoint(ctx.args[0]);
    if (target === null) return;
    const [host, port] = target;
    if (udp) {
      const key = `${host}:${port}`;
      const last = lastDatagram.get(key);
      if (last !== undefined && ctx.startMs - last < DATAGRAM_QUIET_MS) return;
      lastDatagram.set(key, ctx.startMs);
    }
    const ev = baseEvent("net_connect", ctx);
    ev.host = host;
    ev.port = port;
    ev.proto = udp ? "udp" : "tcp";
    ev.via = `${ctx.spec.class}.${ctx.spec.method}`;
    ev.hook = ctx.spec.id;
    if (ctx.error !== null) ev.error = ctx.error;
    if (ctx.spec.capture.stack) ev.stack = javaStack(ev.via as string);
    emit(ev);
  },
});
