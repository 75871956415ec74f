// component_start: startActivity / startService / bindService / sendBroadcast to other packages;
// startForegroundService, AlarmManager alarms and JobScheduler jobs whatever the target (a self-start).
// An activity start that installs a package (ACTION_INSTALL_PACKAGE, ACTION_VIEW on an .apk) is also a
// `download` event (downloads.ts).

import { emit } from "../lib/emit.js";
import { javaStack, jstr } from "../lib/java-util.js";
import { baseEvent, options } from "./common.js";
import { registerHandler } from "./install.js";
import { emitInstallIntent } from "./downloads.js";

/** Starts reported even toward the app's own package: the app arranges to run without the user. */
const SELF_START = new Set(["startForegroundService", "alarm", "job"]);

function argOf(args: any[], className: string): any {
  for (const a of args) {
    if (a !== null && typeof a === "object" && "$className" in a && a.$className === className) return a;
  }
  return null;
}

/** An alarm's PendingIntent (its creator) or a job's service: the target of a deferred self-start. */
function deferredTarget(via: string, args: any[]): [string | null, string | null] {
  if (via === "alarm") {
    const pi = argOf(args, "android.app.PendingIntent");
    return [pi === null ? null : tryStr(() => pi.getCreatorPackage()), null];
  }
  const job = argOf(args, "android.app.job.JobInfo");
  const svc = job === null ? null : job.getService();
  if (svc === null) return [null, null];
  const pkg = jstr(svc.getPackageName());
  return [pkg, `${pkg}/${jstr(svc.getClassName())}`];
}

function intentOf(args: any[]): any {
  for (const a of args) {
    if (a !== null && typeof a === "object" && "$className" in a && a.$className === "android.content.Intent") {
      return a;
    }
  }
  return null;
}

function tryStr(f: () => any): string | null {
  try { return jstr(f()); } catch (e) { return null; }
}

registerHandler("component_start", {
  phase: "before",
  guard: spec => `component_start:${spec.via}`,
  handle(ctx) {
    const via = ctx.spec.via ?? "";
    if (via === "alarm" || via === "job") {
      const [target, comp] = deferredTarget(via, ctx.args);
      const ev = baseEvent("component_start", ctx);
      ev.via = via;
      ev.target_package = target ?? options.package;
      if (comp !== null) ev.component = comp;
      if (ctx.spec.capture.stack) ev.stack = javaStack(`${ctx.spec.class}.${ctx.spec.method}`);
      emit(ev);
      return;
    }
    const intent = intentOf(ctx.args);
    if (intent === null) return;
    if (via === "startActivity") emitInstallIntent(ctx, intent);
    const comp = intent.getComponent();
    let pkg: string | null = null;
    let component: string | null = null;
    if (comp !== null) {
      pkg = jstr(comp.getPackageName());
      component = `${pkg}/${jstr(comp.getClassName())}`;
    } else {
      pkg = tryStr(() => intent.getPackage());
    }
    if (pkg !== null && pkg === options.package && !SELF_START.has(via)) return;
    const ev = baseEvent("component_start", ctx);
    ev.via = ctx.spec.via;
    ev.target_package = pkg ?? "(implicit)";
    if (pkg === null) ev.implicit = true;
    if (component !== null) ev.component = component;
    const uri = tryStr(() => intent.getData());
    if (uri !== null) ev.uri = uri;
    const action = tryStr(() => intent.getAction());
    if (action !== null) ev.action = action;
    if (ctx.spec.capture.stack) ev.stack = javaStack(`${ctx.spec.class}.${ctx.spec.method}`);
    emit(ev);
  },
});
