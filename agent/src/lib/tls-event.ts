// The `tls_write` / `tls_read` event, one helper for both places that see TLS plaintext: the socket
// streams (hooks/tls.ts) and SSLEngine (hooks/engine.ts). `conn` is the socket's or engine's identity;
// at most MAX_BYTES per event (`truncated`: the whole length); the first write of a connection carries
// the stack that wrote it.

import { javaStack } from "./java-util.js";
import { AgentEvent, CallContext } from "./types.js";

export const MAX_BYTES = 65536;
const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
/** Connections whose first write was reported (with its stack). */
const seen = new Set<number>();

export function base64(bytes: number[]): string {
  let out = "";
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i], b = bytes[i + 1], c = bytes[i + 2];
    const n = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    out += B64[(n >> 18) & 63] + B64[(n >> 12) & 63] + (b === undefined ? "=" : B64[(n >> 6) & 63])
      + (c === undefined ? "=" : B64[n & 63]);
  }
  return out;
}

export interface Peer { conn: number; host: string; port: number }

/**
 * Fill `ev` (the hook's base event, kind `tls_write` or `tls_read` by `ctx.spec.direction`) with one
 * write or read: `bytes` (at most MAX_BYTES of it) out of `total`.
 */
export function tlsEvent(ev: AgentEvent, ctx: CallContext, peer: Peer, bytes: number[], total: number): AgentEvent {
  ev.conn = peer.conn;
  ev.host = peer.host;
  ev.port = peer.port;
  ev.data_b64 = base64(bytes);
  if (total > MAX_BYTES) ev.truncated = total;
  ev.hook = ctx.spec.id;
  if (ctx.spec.direction === "write" && !seen.has(peer.conn)) {
    seen.add(peer.conn);
    if (ctx.spec.capture.stack) ev.stack = javaStack(`${ctx.spec.class}.${ctx.spec.method}`);
  }
  return ev;
}
