// component_start: startActivity / startService / bindService / sendBroadcast to other packages.

import { emit } from "../lib/emit.js";
import { javaStack, jstr } from "../lib/java-util.js";
import { baseEvent, options } from "./common.js";
import { registerHandler } from "./install.js";

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
    const intent = intentOf(ctx.args);
    if (intent === null) return;
    const comp = intent.getComponent();
    let pkg: string | null = null;
    let component: string | null = null;
    if (comp !== null) {
      pkg = jstr(comp.getPackageName());
      component = `${pkg}/${jstr(comp.getClassName())}`;
    } else {
      pkg = tryStr(() => intent.getPackage());
    }
    if (pkg !== null && pkg === options.package) return;
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
