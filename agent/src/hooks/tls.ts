// tls_data: the plaintext an app writes to (and reads from) a TLS socket, taken above the TLS layer,
// so connections the proxy cannot decrypt (certificate pinning) are still checked for personal data.
// One event per write/read: `conn` (the socket's identity), `host`, `port`, `direction`, `data_b64`
// (at most MAX_BYTES per event) and, on the first write of a connection, the stack that wrote it
// (the event is built by lib/tls-event.ts, shared with the SSLEngine hooks).
// The host turns a connection's writes into `flow` events with `capture: tls_hook`.

import { emit } from "../lib/emit.js";
import { identity, jstr } from "../lib/java-util.js";
import { MAX_BYTES, tlsEvent } from "../lib/tls-event.js";
import { baseEvent } from "./common.js";
import { registerHandler } from "./install.js";

function slice(arr: any, off: number, len: number): number[] {
  const n = Math.max(0, Math.min(len, MAX_BYTES));
  const out: number[] = new Array(n);
  for (let i = 0; i < n; i++) out[i] = (arr[off + i] as number) & 0xff;
  return out;
}

/** The TLS socket a stream belongs to (its outer instance) and where it goes. */
function socketOf(stream: any): { sock: any; host: string | null; port: number } | null {
  const outer = stream["this$0"];
  const sock = outer !== undefined && outer !== null ? outer.value : null;
  if (sock === null) return null;
  let host: string | null = null;
  for (const name of ["peerHost", "hostname", "peerHostname"]) {  // JDK SSLSocketImpl, Conscrypt
    const f = sock[name];
    if (f !== undefined && f !== null && "value" in f && f.value !== null) { host = jstr(f.value); break; }
  }
  if (host === null) {
    const s = jstr(sock.getInetAddress());
    host = s === null ? null : s.split("/")[0] || s.split("/")[1] || null;
  }
  return { sock, host, port: sock.getPort() as number };
}

registerHandler("tls_data", {
  phase: "after",
  guard: spec => `tls_data:${spec.direction}`,
  handle(ctx) {
    if (ctx.error !== null) return;
    const write = ctx.spec.direction === "write";
    const [arr, off, len] = ctx.args.length >= 3 ? ctx.args : [ctx.args[0], 0, ctx.args[0]?.length ?? 0];
    const n = write ? (len as number) : (ctx.ret as number);
    if (arr === null || arr === undefined || typeof n !== "number" || n <= 0) return;
    const where = socketOf(ctx.self);
    if (where === null) return;
    const peer = { conn: identity(where.sock), host: where.host ?? "", port: where.port };
    emit(tlsEvent(baseEvent(write ? "tls_write" : "tls_read", ctx), ctx, peer, slice(arr, off as number, n), n));
  },
});

