// net_request: the code that opens an HTTP(S) connection, with its stack. The proxy sees the flow
// but not who sent it; the engine pairs the two by host and time, so a flow to a host no signature
// knows is still blamed on the SDK (or the app) whose code opened the connection.

import { emit } from "../lib/emit.js";
import { javaStack, jstr } from "../lib/java-util.js";
import { baseEvent } from "./common.js";
import { registerHandler } from "./install.js";

const URL_HOST = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/?#]*@)?(\[[^\]]+\]|[^/:?#]+)/i;

function urlOf(self: any, args: any[]): string | null {
  try {
    if (self !== null && self !== undefined && self.$className === "java.net.URL") return jstr(self.toExternalForm());
    const req = args.length > 0 ? args[0] : null;  // okhttp3.OkHttpClient.newCall(Request)
    if (req !== null && typeof req === "object" && "url" in req) return jstr(req.url().toString());
  } catch (e) {
    // not a URL this hook can read: nothing to report
  }
  return null;
}

registerHandler("net_request", {
  phase: "before",
  guard: () => "net_request",
  handle(ctx) {
    const url = urlOf(ctx.self, ctx.args);
    if (url === null || !/^(https?|wss?):/i.test(url)) return;
    const m = URL_HOST.exec(url);
    const ev = baseEvent("net_request", ctx);
    ev.api = `${ctx.spec.class}.${ctx.spec.method}`;
    ev.url = url;
    ev.host = m !== null ? m[1].toLowerCase() : "";
    if (ctx.spec.capture.stack) ev.stack = javaStack(ev.api as string);
    emit(ev);
  },
});
