// What the wake-up hooks share (hooks/wakeups.ts, hooks/receivers.ts): defensive reads of framework
// objects (a field or method this Android version lacks is null, never a thrown hook) and the
// `component_start` event they send.

import Java from "frida-java-bridge";
import { jstr } from "../lib/java-util.js";
import { AgentEvent, CallContext } from "../lib/types.js";
import { baseEvent, options } from "./common.js";

/** AlarmManager puts it on every intent an alarm delivers. */
export const EXTRA_ALARM_COUNT = "android.intent.extra.ALARM_COUNT";

export function tryGet<T>(f: () => T): T | null {
  try { return f(); } catch (e) { return null; }
}

/** A field's value, whether the bridge exposes it as `name` or (beside a method of that name) `_name`. */
export function field(obj: any, name: string): any {
  const f = obj[name] !== undefined && obj[name].value !== undefined ? obj[name] : obj["_" + name];
  return f === undefined ? null : f.value;
}

export function asObject(obj: any): any {
  return Java.cast(obj, Java.use("java.lang.Object"));
}

export function className(obj: any): string | null {
  return tryGet(() => jstr(asObject(obj).getClass().getName()));
}

/** The class factory that sees `cls`: the default one, else the object's own class loader's (app classes
 *  such as androidx under an app class loader). */
export function factoryFor(obj: any, cls: string): any {
  if (tryGet(() => Java.use(cls)) !== null) return Java;
  return (Java as any).ClassFactory.get(asObject(obj).getClass().getClassLoader());
}

/** `obj` as an instance of `cls`, or null when it is none (a JNI call on the wrong class is never made). */
export function castTo(obj: any, cls: string): any {
  return tryGet(() => {
    const f = factoryFor(obj, cls);
    const c = f.use(cls);
    return c.class.isInstance(obj) === true ? f.cast(obj, c) : null;
  });
}

export function startEvent(ctx: CallContext, via: string, target: string, component: string | null): AgentEvent {
  const ev = baseEvent("component_start", ctx);
  ev.via = via;
  ev.target_package = target;
  if (component !== null) ev.component = component;
  if (ctx.spec.stage === "run") ev.stage = "run";
  return ev;
}

export function own(cls: string | null): string | null {
  return cls === null ? null : `${options.package}/${cls}`;
}

export function entryStack(cls: string | null, method: string): string[] | null {
  return cls === null ? null : [`${cls}.${method}(Unknown Source)`];
}

export function alarmCount(intent: any): number {
  return intent === null || intent === undefined ? 0 : tryGet(() => intent.getIntExtra(EXTRA_ALARM_COUNT, 0) as number) ?? 0;
}
