// Runtime permissions: requests (Activity and the ActivityCompat variants), results (the app's
// onRequestPermissionsResult, hooked in the activity's own class as soon as it is seen) and checks.

import Java from "frida-java-bridge";
import { emit } from "../lib/emit.js";
import { javaStack } from "../lib/java-util.js";
import { HookSpec } from "../lib/types.js";
import { baseEvent, options } from "./common.js";
import { installSpec, registerHandler } from "./install.js";

const resultSpecs: HookSpec[] = [];
const seenClasses = new Set<string>();

export function rememberResultSpec(spec: HookSpec): void {
  if (spec.kind === "permission_result") resultSpecs.push(spec);
}

function strings(x: any): string[] {
  const out: string[] = [];
  if (x === null || x === undefined) return out;
  for (let i = 0; i < x.length; i++) out.push(String(x[i]));
  return out;
}

/** The default factory when it sees the class (it resolves array types); else the class's loader's. */
function factoryFor(name: string, loader: any): any {
  try {
    Java.use(name);
    return Java;
  } catch (e) {
    return loader === null ? Java : Java.ClassFactory.get(loader);
  }
}

/** Hook result callbacks that the activity's class (or its app superclasses) overrides. */
export function hookOverrides(activity: any): void {
  if (resultSpecs.length === 0 || activity === null || activity === undefined) return;
  let cls = activity.getClass();
  const loader = cls.getClassLoader();
  while (cls !== null) {
    const name = String(cls.getName());
    if (name.startsWith("android.") || name.startsWith("java.") || seenClasses.has(name)) break;
    seenClasses.add(name);
    const declared = cls.getDeclaredMethods().map((m: any) => String(m.getName()));
    for (const spec of resultSpecs) {
      if (declared.includes(spec.method)) installSpec({ ...spec, class: name }, factoryFor(name, loader));
    }
    cls = cls.getSuperclass();
  }
}

registerHandler("permission_request", {
  phase: "before",
  guard: () => "permission_request",
  handle(ctx) {
    const idx = ctx.spec.permissions_arg ?? 0;
    const ev = baseEvent("permission_request", ctx);
    ev.permissions = strings(ctx.args[idx]);
    ev.api = `${ctx.spec.class}.${ctx.spec.method}`;
    ev.seq = ctx.seq;
    if (ctx.spec.capture.stack) ev.stack = javaStack(ev.api as string);
    emit(ev);
    try { hookOverrides(idx > 0 ? ctx.args[0] : ctx.self); } catch (e) { /* best effort */ }
  },
});

registerHandler("permission_result", {
  phase: "before",
  guard: () => "permission_result",
  handle(ctx) {
    const perms = strings(ctx.args[1]);
    const grants = ctx.args[2];
    for (let i = 0; i < perms.length; i++) {
      const ev = baseEvent("permission_result", ctx);
      ev.permission = perms[i];
      ev.granted = grants !== null && grants !== undefined && grants[i] === 0;
      ev.request_code = ctx.args[0];
      emit(ev);
    }
  },
});

/**
 * Whether a check is of the app's own permission: checkPermission(perm, pid, uid) with this process's
 * pid (the framework also checks binder callers' pids), PackageManager.checkPermission(perm, pkg) with
 * the app's own package. checkSelfPermission(perm) always is.
 */
export function ownCheck(args: any[]): boolean {
  if (args.length >= 3 && typeof args[1] === "number") return args[1] === Process.id;
  if (args.length === 2 && typeof args[0] === "string" && typeof args[1] === "string" && options.package !== "") {
    return args[1] === options.package;
  }
  return true;
}

registerHandler("permission_check", {
  phase: "after",
  plain: true,
  guard: () => "permission_check",
  handle(ctx) {
    if (ctx.error !== null || !ownCheck(ctx.args)) return;
    const perm = ctx.args.map(a => (typeof a === "string" ? a : null)).find(a => a !== null) ?? null;
    if (perm === null) return;
    const ev = baseEvent("permission_check", ctx);
    ev.permission = perm;
    ev.granted = ctx.ret === 0;
    emit(ev);
  },
});

