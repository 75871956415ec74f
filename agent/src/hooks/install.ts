// Install one catalog entry on every matching overload; the original is always called and its
// result (or exception) passed through unchanged. Kind handlers only observe.

import Java from "frida-java-bridge";
import { errorText } from "../lib/java-util.js";
import { installed, nextSeq, skip } from "../lib/jobs.js";
import { fastEligible, installFast, RawCall, ToJs } from "./fastcall.js";
import { CallContext, HookKind, HookSpec } from "../lib/types.js";

export interface Handler {
  /** "before": observed before the original runs (it may not return: exit, crash). */
  phase: "before" | "after";
  /** Calls nested inside a call with the same guard key on the same thread are not reported. */
  guard?: (spec: HookSpec) => string;
  handle: (ctx: CallContext) => void;
  /**
   * handle() reads only spec, args, ret and error, never self: String/int/boolean overloads may
   * then take the HotSpot fast path (self is null there; values are the same).
   */
  plain?: boolean;
  /** For "after" handlers: runs just before the original, may keep state in ctx.pre (SSLEngine buffers). */
  prepare?: (ctx: CallContext) => void;
}

const handlers = new Map<HookKind, Handler>();
/** Fast-path callbacks: never freed, a thread may still be inside one after an undo. */
const keepAlive: NativeCallback<any, any>[] = [];
/** Per guard key: nesting depth per OS thread (absent = 0). */
const guards = new Map<string, Map<number, number>>();

function guardFor(key: string): Map<number, number> {
  let g = guards.get(key);
  if (g === undefined) {
    g = new Map();
    guards.set(key, g);
  }
  return g;
}

/** True while this OS thread is inside a reported call whose guard key is ``key`` (native hooks ask). */
export function insideGuard(key: string, tid: number): boolean {
  return (guards.get(key)?.get(tid) ?? 0) > 0;
}

/** Kinds installed by their own module instead of as Java methods (native_connect: Interceptor on libc). */
const installers = new Map<HookKind, (spec: HookSpec) => boolean>();

export function registerInstaller(kind: HookKind, install: (spec: HookSpec) => boolean): void {
  installers.set(kind, install);
}

export function registerHandler(kind: HookKind, h: Handler): void {
  handlers.set(kind, h);
}

function sig(m: any): string[] {
  return m.argumentTypes.map((t: any) => t.className as string);
}

function methodOf(wrapper: any, name: string): any {
  let m = wrapper[name];
  if (m !== undefined && m.overloads === undefined) m = wrapper["_" + name];
  return m;
}

function selectOverloads(spec: HookSpec, m: any): any[] {
  const all: any[] = m.overloads;
  if (spec.overloads === null) return all;
  const wanted = spec.overloads.map(o => o.join(","));
  const picked = all.filter(o => wanted.includes(sig(o).join(",")));
  for (const w of wanted) {
    if (!picked.some(o => sig(o).join(",") === w)) skip(spec, `no overload (${w})`);
  }
  return picked;
}

function report(h: Handler, ctx: CallContext): void {
  try {
    h.handle(ctx);
  } catch (e) {
    // A hook must never change the app's behaviour: swallow and count.
    nextSeq(`${ctx.spec.id}#error`);
  }
}

interface Hook { spec: HookSpec; h: Handler; active: Map<number, number> }

// The per-call path, shared by the bridge's replacement and the HotSpot fast path: `call` runs
// the original and returns its raw result, `toJs` gives the value the handler sees.
function around(k: Hook, self: any, args: any[], call: RawCall, raw: any, toJs: ToJs | null): any {
  const { spec, h, active } = k;
  const tid = Process.getCurrentThreadId();
  const depth = active.get(tid) ?? 0;
  if (depth !== 0) {
    // nested inside a reported call with the same guard: not reported
    active.set(tid, depth + 1);
    try { return call(raw); } finally { active.set(tid, depth); }
  }
  const ctx: CallContext = { spec, self, args, ret: undefined, error: null, startMs: Date.now(), seq: 0, tid };
  if (h.phase === "before") {
    ctx.seq = nextSeq(spec.id);
    report(h, ctx);
  } else if (h.prepare !== undefined) {
    try { h.prepare(ctx); } catch (e) { nextSeq(`${spec.id}#error`); }
  }
  active.set(tid, 1);
  let ret: any;
  try {
    ret = call(raw);
  } catch (e) {
    active.delete(tid);
    if (h.phase === "after") {
      ctx.error = errorText(e);
      ctx.seq = nextSeq(spec.id);
      report(h, ctx);
    }
    throw e;
  }
  active.delete(tid);
  if (h.phase === "after") {
    ctx.ret = toJs === null ? ret : toJs(ret, raw);
    ctx.seq = nextSeq(spec.id);
    report(h, ctx);
  }
  return ret;
}

function wrap(k: Hook, ov: any): (...args: any[]) => any {
  return function (this: any, ...args: any[]): any {
    return around(k, this, args, () => ov.apply(this, args), null, null);
  };
}

/** The class of an entry as `factory` sees it (its loader's view), or null when that loader lacks it. */
export function resolveClass(spec: HookSpec, factory: any = Java): any | null {
  try {
    return factory.use(spec.class);
  } catch (e) {
    return null;
  }
}

/**
 * Install one entry on a resolved class; absent methods or overloads are skipped and reported.
 * `where` names the class loader when it is not the framework's (health shows it).
 */
export function attachSpec(spec: HookSpec, wrapper: any, where: string | null = null): boolean {
  const h = handlers.get(spec.kind);
  if (h === undefined) { skip(spec, `unknown kind ${spec.kind}`); return false; }
  const m = methodOf(wrapper, spec.method);
  if (m === undefined || m.overloads === undefined) {
    skip(spec, `no method ${spec.method} in ${spec.class}`);
    return false;
  }
  const ovs = selectOverloads(spec, m);
  if (ovs.length === 0) return false;
  const sigs: string[] = [];
  const k: Hook = { spec, h, active: guardFor(spec.guard ?? (h.guard !== undefined ? h.guard(spec) : spec.id)) };
  for (const ov of ovs) {
    try {
      ov.implementation = wrap(k, ov);
      if (h.plain === true && fastEligible(ov)) {
        keepAlive.push(installFast(ov, (args, raw, call, toJs) => around(k, null, args, call, raw, toJs)));
      }
      sigs.push(`(${sig(ov).join(",")})`);
    } catch (e) {
      skip(spec, `cannot hook ${spec.method}(${sig(ov).join(",")}): ${errorText(e)}`);
    }
  }
  if (sigs.length === 0) return false;
  installed.push({
    id: spec.id, api: `${spec.class}.${spec.method}`, overloads: sigs, ...(where !== null ? { loader: where } : {}),
    undo: () => { for (const ov of ovs) ov.implementation = null; },
  });
  return true;
}

/**
 * Install one entry through `factory`: "absent" when its class is not there (the caller decides
 * whether that is final: see loaders.ts), else whether any overload was hooked.
 */
export function installSpec(spec: HookSpec, factory: any = Java): "installed" | "absent" | "failed" {
  const own = installers.get(spec.kind);
  if (own !== undefined) return own(spec) ? "installed" : "failed";
  if (!handlers.has(spec.kind)) { skip(spec, `unknown kind ${spec.kind}`); return "failed"; }
  const wrapper = resolveClass(spec, factory);
  if (wrapper === null) return "absent";
  return attachSpec(spec, wrapper) ? "installed" : "failed";
}
