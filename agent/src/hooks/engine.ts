// tls_engine: TLS plaintext through javax.net.ssl.SSLEngine (wrap: the app's plaintext going out,
// unwrap: plaintext coming in), for clients that drive an engine over their own channel instead of
// using an SSLSocket: OkHttp/Netty-style NIO stacks, gRPC, Conscrypt's engine on Android. Same
// events as the socket hooks (tls.ts): `tls_write` / `tls_read` with the engine as the connection.
//
// The plaintext is in ByteBuffers, not an array argument: prepare() notes each buffer's position
// before the call, handle() copies what the engine consumed (wrap) or produced (unwrap) after it.
// The handler shares the socket hooks' guard keys, so an engine driven by a hooked SSLSocket's stream
// (Conscrypt's ConscryptEngineSocket) is reported once, by the stream.

import Java from "frida-java-bridge";
import { emit } from "../lib/emit.js";
import { identity, jstr } from "../lib/java-util.js";
import { MAX_BYTES, tlsEvent } from "../lib/tls-event.js";
import { baseEvent } from "./common.js";
import { registerHandler } from "./install.js";

let positionOf: any = null;

/** Buffer.position(): ByteBuffer's own position(int) override hides the getter from the bridge. */
function position(buf: any): number {
  if (positionOf === null) positionOf = Java.use("java.nio.Buffer").position.overload();
  return positionOf.call(buf) as number;
}

interface Region { buf: any; start: number }

/** The buffers the plaintext is in: wrap(srcs[], off, len, dst) / unwrap(src, dsts[], off, len). */
function plainBuffers(args: any[], write: boolean): any[] {
  const [arr, off, len] = write ? [args[0], args[1], args[2]] : [args[1], args[2], args[3]];
  const out: any[] = [];
  if (arr === null || arr === undefined) return out;
  for (let i = off as number; i < (off as number) + (len as number) && i < arr.length; i++) {
    if (arr[i] !== null) out.push(arr[i]);
  }
  return out;
}

/** Up to `room` bytes of `buf` between `start` and its position now (absolute gets: the buffer is untouched). */
function bytesOf(r: Region, room: number): number[] {
  const end = Math.min(position(r.buf), r.start + room);
  const out: number[] = [];
  const get = r.buf.get.overload("int");
  for (let i = r.start; i < end; i++) out.push((get.call(r.buf, i) as number) & 0xff);
  return out;
}

registerHandler("tls_engine", {
  phase: "after",
  guard: spec => `tls_data:${spec.direction}`,  // the socket hooks' keys (tls.ts)
  prepare(ctx) {
    const regions: Region[] = plainBuffers(ctx.args, ctx.spec.direction === "write")
      .map(buf => ({ buf, start: position(buf) }));
    ctx.pre = regions;
  },
  handle(ctx) {
    if (ctx.error !== null || ctx.ret === null || ctx.ret === undefined) return;
    const write = ctx.spec.direction === "write";
    const n: number = write ? ctx.ret.bytesConsumed() : ctx.ret.bytesProduced();
    if (n <= 0) return;  // handshake records, close_notify: no application data
    const bytes: number[] = [];
    for (const r of (ctx.pre as Region[] | undefined) ?? []) {
      if (bytes.length >= MAX_BYTES) break;
      for (const b of bytesOf(r, MAX_BYTES - bytes.length)) bytes.push(b);
    }
    if (bytes.length === 0) return;
    const engine = ctx.self;
    // port -1 when the app created the engine without a peer
    const peer = { conn: identity(engine), host: jstr(engine.getPeerHost()) ?? "", port: engine.getPeerPort() as number };
    emit(tlsEvent(baseEvent(write ? "tls_write" : "tls_read", ctx), ctx, peer, bytes, n));
  },
});
