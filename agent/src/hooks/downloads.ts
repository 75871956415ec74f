// download: DownloadManager.enqueue and PackageInstaller.createSession (catalog kind `download`), and
// activity starts that install a package (called from components.ts: one hook per method).

import { emit } from "../lib/emit.js";
import { javaStack, jstr } from "../lib/java-util.js";
import { CallContext } from "../lib/types.js";
import { baseEvent } from "./common.js";
import { registerHandler } from "./install.js";

const APK_MIME = "application/vnd.android.package-archive";
const ACTIONS: Record<string, string> = {
  "android.intent.action.VIEW": "ACTION_VIEW",
  "android.intent.action.INSTALL_PACKAGE": "ACTION_INSTALL_PACKAGE",
};

function tryStr(f: () => any): string | null {
  try { return jstr(f()); } catch (e) { return null; }
}

function send(ctx: CallContext, via: string, uri: string | null, mime: string | null): void {
  const ev = baseEvent("download", ctx);
  ev.via = via;
  if (uri !== null) ev.uri = uri;
  if (mime !== null) ev.mime = mime;
  if (ctx.spec.capture.stack) ev.stack = javaStack(`${ctx.spec.class}.${ctx.spec.method}`);
  emit(ev);
}

/** An ACTION_INSTALL_PACKAGE, or an ACTION_VIEW of an .apk (by its URI or MIME type). */
export function emitInstallIntent(ctx: CallContext, intent: any): void {
  const via = ACTIONS[tryStr(() => intent.getAction()) ?? ""];
  if (via === undefined) return;
  const uri = tryStr(() => intent.getData());
  const mime = tryStr(() => intent.getType());
  const apk = (mime ?? "").toLowerCase() === APK_MIME || /\.apk$/i.test((uri ?? "").split(/[?#]/)[0]);
  if (via === "ACTION_VIEW" && !apk) return;
  send(ctx, via, uri, mime);
}

registerHandler("download", {
  phase: "before",
  guard: spec => `download:${spec.via}`,
  handle(ctx) {
    let uri: string | null = null;
    if (ctx.spec.via === "DownloadManager.enqueue" && ctx.args.length > 0 && ctx.args[0] !== null) {
      const req = ctx.args[0];
      uri = tryStr(() => req.mUri.value);
    }
    send(ctx, ctx.spec.via ?? "DownloadManager.enqueue", uri, null);
  },
});
