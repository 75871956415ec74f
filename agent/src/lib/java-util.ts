// Small helpers over frida-java-bridge: thread names, stacks, bounded value previews.

import Java from "frida-java-bridge";
import { artStack, isArt } from "./art.js";
import { initJvmtiStack, jvmtiStack, jvmtiStackAvailable } from "./jvmti-stack.js";
import { AgentOptions, Capture } from "./types.js";

let ThreadCls: any = null;
let SystemCls: any = null;
const threadNames = new Map<number, string>();
let depth = 16;
let onArt = false;
let previewChars = 256;

// Raw JNI for the per-call stack: no wrappers, no weak refs, local refs freed at once.
interface StackJni {
  thread: NativePointer; arrays: NativePointer;
  currentThread: NativePointer; getStackTrace: NativePointer; toString: NativePointer;
  callStatic0: any; call0: any; callStatic1: any;
}
let jni: StackJni | null = null;

function initStackJni(): void {
  const env = Java.vm.getEnv();
  const global = (name: string) => {
    const local = env.findClass(name);
    const g = env.newGlobalRef(local);
    env.deleteLocalRef(local);
    return g;
  };
  const thread = global("java/lang/Thread");
  const arrays = global("java/util/Arrays");
  jni = {
    thread, arrays,
    currentThread: env.getStaticMethodId(thread, "currentThread", "()Ljava/lang/Thread;"),
    getStackTrace: env.getMethodId(thread, "getStackTrace", "()[Ljava/lang/StackTraceElement;"),
    toString: env.getStaticMethodId(arrays, "toString", "([Ljava/lang/Object;)Ljava/lang/String;"),
    callStatic0: (env as any).staticVaMethod("pointer", []),
    call0: (env as any).vaMethod("pointer", []),
    callStatic1: (env as any).staticVaMethod("pointer", ["pointer"]),
  };
}

function stackText(): string {
  const j = jni!;
  const env: any = Java.vm.getEnv();
  const t = j.callStatic0(env.handle, j.thread, j.currentThread);
  const frames = j.call0(env.handle, t, j.getStackTrace);
  env.deleteLocalRef(t);
  const s = j.callStatic1(env.handle, j.arrays, j.toString, frames);
  env.deleteLocalRef(frames);
  try {
    return env.stringFromJni(s);
  } finally {
    env.deleteLocalRef(s);
  }
}

export function initJavaUtil(o: AgentOptions): void {
  ThreadCls = Java.use("java.lang.Thread");
  initStackJni();  // also the fallback when a JVMTI walk fails
  initJvmtiStack();
  onArt = isArt();
  SystemCls = Java.use("java.lang.System");
  depth = o.stackDepth;
  previewChars = o.previewChars;
}

/** The calling Java thread's name, cached per OS thread. */
export function threadName(tid: number = Process.getCurrentThreadId()): string {
  let name = threadNames.get(tid);
  if (name === undefined) {
    try {
      name = String(ThreadCls.currentThread().getName());
    } catch (e) {
      name = `tid-${tid}`;
    }
    threadNames.set(tid, name);
  }
  return name;
}

/** The thread's name if a hook already looked it up, without calling Java (for native-level hooks). */
export function cachedThreadName(tid: number): string {
  return threadNames.get(tid) ?? `tid-${tid}`;
}

function stripModule(frame: string): string {
  // HotSpot prefixes "loader/module@ver/" before the class; ART does not.
  const paren = frame.indexOf("(");
  const slash = frame.lastIndexOf("/", paren < 0 ? frame.length : paren);
  return slash >= 0 ? frame.substring(slash + 1) : frame;
}

/**
 * The Java stack of the current call, innermost first, starting at the hooked API's caller: the
 * stack-walk frames and the hooked method's own (native) frame are removed.
 */
export function javaStack(api: string): string[] {
  if (jvmtiStackAvailable()) {
    try {
      return jvmtiStack(depth, api + "(");
    } catch (e) {
      // a JVMTI error (e.g. during VM shutdown): take the JNI path below
    }
  } else if (onArt) {
    try {
      return artStack(depth, api + "(");
    } catch (e) {
      // the bridge's backtrace is not available on this ART build: take the JNI path below
    }
  }
  const text = stackText();
  const raw = text.substring(1, text.length - 1).split(", ");
  let i = 0;
  while (i < raw.length && (raw[i].includes("getStackTrace(") || raw[i].includes("VMStack."))) i++;
  const out: string[] = [];
  for (; i < raw.length && out.length < depth; i++) {
    const f = stripModule(raw[i]);
    if (out.length === 0 && f.startsWith(api + "(")) continue;
    out.push(f);
  }
  return out;
}

export function identity(obj: any): number {
  return SystemCls.identityHashCode(obj);
}

export function jstr(x: any): string | null {
  if (x === null || x === undefined) return null;
  if (typeof x === "string") return x;
  if (typeof x === "object" && "$className" in x) return String(x.toString());
  return String(x);
}

function bound(s: string): string {
  return s.length > previewChars ? s.substring(0, previewChars) + "…" : s;
}

function isJavaObject(x: any): boolean {
  return x !== null && typeof x === "object" && "$className" in x;
}

function sizeOf(x: any): number | null {
  if (x === null || x === undefined) return null;
  if (typeof x.length === "number") return x.length;
  if (isJavaObject(x)) {
    try { return x.size(); } catch (e) { /* not a collection */ }
  }
  return null;
}

function macOf(x: any): string | null {
  if (x === null || x === undefined || typeof x.length !== "number") return null;
  const parts: string[] = [];
  for (let i = 0; i < x.length; i++) parts.push(((x[i] as number) & 0xff).toString(16).padStart(2, "0"));
  return parts.join(":");
}

/** A JSON-safe, bounded preview of a Java value. */
export function preview(x: any, mode: Capture["preview"] = "auto"): unknown {
  if (mode === "none" || x === undefined || x === null) return null;
  if (mode === "count") return sizeOf(x);
  if (mode === "mac") return macOf(x);
  if (typeof x === "string") return bound(x);
  if (typeof x === "number" || typeof x === "boolean") return x;
  if (isJavaObject(x)) {
    try { return bound(String(x.toString())); } catch (e) { return `<${x.$className}>`; }
  }
  if (typeof x.length === "number") {
    const out: unknown[] = [];
    for (let i = 0; i < x.length && i < 16; i++) out.push(preview(x[i]));
    return out;
  }
  return bound(String(x));
}

export function errorText(e: any): string {
  if (e instanceof Error) return bound(e.message);
  return bound(String(e));
}
