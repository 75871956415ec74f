// HotSpot: the current thread's Java stack through JVMTI GetStackTrace, without creating Java objects.
// Each frame is a (jmethodID, jlocation) pair; a method's class, name, source file and line table are
// resolved once per jmethodID and cached (HotSpot never reuses a jmethodID). Frames are rendered as
// StackTraceElement.toString() does, minus the loader/module prefix, and frames Thread.getStackTrace
// hides (hidden classes: lambda proxies, LambdaForms) are skipped likewise.

import Java from "frida-java-bridge";
import { stackCacheSource } from "./stack-cache-c.js";

const JVMTI_VERSION_1_0 = 0x30010000;
const CAN_GET_SOURCE_FILE_NAME = 1 << 11;  // bit order of jvmtiCapabilities in jvmti.h
const CAN_GET_LINE_NUMBERS = 1 << 12;
const FRAME_BYTES = 16;  // jvmtiFrameInfo { jmethodID method; jlocation location; }
const FETCH = 64;        // frames per GetStackTrace call
const POOL = 2048;       // distinct stacks cached
const SLOTS = 4096;      // hash slots (power of two, 2 x POOL)

interface CachedStack { skip: string; stack: string[]; }

interface MethodInfo {
  /** "pkg.Class.method(" */
  head: string;
  /** "File.java", or null when absent */
  file: string | null;
  native: boolean;
  hidden: boolean;
  /** line table: start locations and line numbers, table order */
  starts: number[];
  lines: number[];
  /** rendered frame per location */
  byLoc: Map<number, string>;
}

type Fn = (...args: any[]) => any;
interface Jvmti {
  env: NativePointer;
  getStackTrace: Fn; getMethodName: Fn; getDeclaringClass: Fn; getClassSignature: Fn;
  getSourceFileName: Fn; getLineNumberTable: Fn; isMethodNative: Fn; deallocate: Fn;
  frames: NativePointer; count: NativePointer; p1: NativePointer; p2: NativePointer; p3: NativePointer;
  /** views over ``frames`` and ``count`` (no copy per call) */
  words: Int32Array; n: Int32Array;
  /** the C cache (kept alive with the module) */
  cm: CModule; mem: Record<string, NativePointer>; capture: Fn; remember: Fn; gst: NativePointer;
  stacks: CachedStack[];
}

let ti: Jvmti | null = null;
const methods = new Map<number, MethodInfo>();

function fn(vtable: NativePointer, index: number, ret: NativeFunctionReturnType,
            args: NativeFunctionArgumentType[]): Fn {
  const impl = vtable.add((index - 1) * Process.pointerSize).readPointer();
  // Exclusive: the JS lock is kept across the call, so no other thread's hook can reuse the shared
  // buffers meanwhile (none of these calls runs Java code or waits for another JS thread).
  return new NativeFunction(impl, ret, args, { exceptions: "propagate", scheduling: "exclusive" }) as unknown as Fn;
}

/** Get a JVMTI environment with line numbers and source file names; false on ART or without JVMTI. */
export function initJvmtiStack(): boolean {
  if (Process.findModuleByName("libjvm.so") === null) return false;
  try {
    const handle: NativePointer | null = (Java.vm as any).tryGetEnvHandle(JVMTI_VERSION_1_0);
    if (handle === null || handle.isNull()) return false;
    const vt = handle.readPointer();
    const caps = Memory.alloc(16);
    caps.writeU64(CAN_GET_SOURCE_FILE_NAME | CAN_GET_LINE_NUMBERS);
    const add = fn(vt, 142, "int32", ["pointer", "pointer"]);
    if (add(handle, caps) !== 0) return false;
    const p = "pointer";
    const frames = Memory.alloc(FETCH * FRAME_BYTES);
    const count = Memory.alloc(4);
    const mem = {
      slots: Memory.alloc(SLOTS * 16), pool: Memory.alloc(POOL * FETCH * FRAME_BYTES), used_cell: Memory.alloc(8),
    };
    const cm = new CModule(stackCacheSource(FETCH, POOL, SLOTS), mem);
    new NativeFunction(cm.reset, "void", [])();
    const opts: NativeFunctionOptions = { exceptions: "propagate", scheduling: "exclusive" };
    ti = {
      cm, mem, gst: vt.add(103 * Process.pointerSize).readPointer(), stacks: [],
      capture: new NativeFunction(cm.capture, "int32", [p, p, "int32", p, p], opts) as unknown as Fn,
      remember: new NativeFunction(cm.remember, "int32", [p, "int32"], opts) as unknown as Fn,
      env: handle,
      getStackTrace: fn(vt, 104, "int32", [p, p, "int32", "int32", p, p]),
      getMethodName: fn(vt, 64, "int32", [p, p, p, p, p]),
      getDeclaringClass: fn(vt, 65, "int32", [p, p, p]),
      getClassSignature: fn(vt, 48, "int32", [p, p, p, p]),
      getSourceFileName: fn(vt, 50, "int32", [p, p, p]),
      getLineNumberTable: fn(vt, 70, "int32", [p, p, p, p]),
      isMethodNative: fn(vt, 76, "int32", [p, p, p]),
      deallocate: fn(vt, 47, "int32", [p, p]),
      frames, count, words: new Int32Array(ArrayBuffer.wrap(frames, FETCH * FRAME_BYTES)),
      n: new Int32Array(ArrayBuffer.wrap(count, 4)), p1: Memory.alloc(8), p2: Memory.alloc(8), p3: Memory.alloc(8),
    };
    return true;
  } catch (e) {
    ti = null;
    return false;
  }
}

export function jvmtiStackAvailable(): boolean {
  return ti !== null;
}

function takeString(t: Jvmti, slot: NativePointer): string | null {
  const s = slot.readPointer();
  if (s.isNull()) return null;
  const text = s.readUtf8String();
  t.deallocate(t.env, s);
  return text;
}

function resolve(t: Jvmti, mid: NativePointer): MethodInfo {
  t.p1.writePointer(NULL); t.p2.writePointer(NULL); t.p3.writePointer(NULL);
  let name = "?";
  if (t.getMethodName(t.env, mid, t.p1, t.p2, t.p3) === 0) {
    name = takeString(t, t.p1) ?? "?";
    takeString(t, t.p2); takeString(t, t.p3);
  }
  let cls = "?";
  let file: string | null = null;
  let hidden = false;
  t.p1.writePointer(NULL);
  if (t.getDeclaringClass(t.env, mid, t.p1) === 0 && !t.p1.readPointer().isNull()) {
    const klass = t.p1.readPointer();
    t.p2.writePointer(NULL); t.p3.writePointer(NULL);
    if (t.getClassSignature(t.env, klass, t.p2, t.p3) === 0) {
      const sig = takeString(t, t.p2) ?? "L?;";
      takeString(t, t.p3);
      const internal = sig.startsWith("L") && sig.endsWith(";") ? sig.substring(1, sig.length - 1) : sig;
      cls = internal.split("/").join(".");
      // JVMTI spells a hidden class (lambda proxy, LambdaForm) "pkg/Name.suffix"; the JDK's
      // pre-generated LambdaForm holders carry @Hidden methods.
      hidden = internal.includes(".") || (cls.startsWith("java.lang.invoke.") && cls.endsWith("$Holder"));
    }
    t.p2.writePointer(NULL);
    if (t.getSourceFileName(t.env, klass, t.p2) === 0) file = takeString(t, t.p2);
    // klass is a local reference in the hook's JNI frame, which frida-java-bridge pops on return.
  }
  t.p1.writeS32(0);
  const native = t.isMethodNative(t.env, mid, t.p1) === 0 && t.p1.readU8() !== 0;
  const starts: number[] = [];
  const lines: number[] = [];
  t.count.writeS32(0); t.p1.writePointer(NULL);
  if (!native && t.getLineNumberTable(t.env, mid, t.count, t.p1) === 0) {
    const table = t.p1.readPointer();
    const n = t.count.readS32();
    for (let i = 0; i < n; i++) {
      const e = table.add(i * 16);  // jvmtiLineNumberEntry { jlocation start_location; jint line_number; }
      starts.push(e.readS64().toNumber());
      lines.push(e.add(8).readS32());
    }
    if (!table.isNull()) t.deallocate(t.env, table);
  }
  return { head: `${cls}.${name}(`, file, native, hidden, starts, lines, byLoc: new Map() };
}

/** HotSpot's Method::line_number_from_bci: an exact start wins, else the closest start below. */
function lineOf(m: MethodInfo, loc: number): number {
  let best = -1;
  let bestStart = 0;
  for (let i = 0; i < m.starts.length; i++) {
    const s = m.starts[i];
    if (s === loc) return m.lines[i];
    if (s < loc && s >= bestStart) { bestStart = s; best = m.lines[i]; }
  }
  return best;
}

function render(m: MethodInfo, loc: number): string {
  let f = m.byLoc.get(loc);
  if (f === undefined) {
    let where: string;
    if (m.native) where = "Native Method";
    else if (m.file === null) where = "Unknown Source";
    else {
      const line = loc >= 0 ? lineOf(m, loc) : -1;
      where = line >= 0 ? `${m.file}:${line}` : m.file;
    }
    f = `${m.head}${where})`;
    m.byLoc.set(loc, f);
  }
  return f;
}

/**
 * Up to ``max`` rendered frames of the calling thread, innermost first, hidden frames skipped;
 * leading frames starting with ``skipFirst`` (the hooked method itself) are dropped. The array
 * may be shared with other calls from the same place: do not modify it.
 */
export function jvmtiStack(max: number, skipFirst: string): string[] {
  const t = ti!;
  const want = Math.min(FETCH, max + 1);
  const id = t.capture(t.env, t.gst, want, t.frames, t.count) as number;
  if (id >= 0) {
    const hit = t.stacks[id];
    if (hit.skip === skipFirst) return hit.stack;
  } else if (id <= -1000) {
    throw new Error(`JVMTI GetStackTrace: ${-1000 - id}`);
  }
  const out: string[] = [];
  const n = t.n[0];
  if (renderFrames(t, n, out, max, skipFirst) || n < want) {
    // The result depends only on these n frames: remember it.
    if (id < 0) {
      const nid = t.remember(t.frames, n) as number;
      if (nid >= 0) t.stacks[nid] = { skip: skipFirst, stack: out };
    }
    return out;
  }
  // Hidden frames used up the first walk: continue below it (not cached).
  let start = n;
  for (;;) {
    const rc = t.getStackTrace(t.env, NULL, start, FETCH, t.frames, t.count);
    if (rc !== 0) throw new Error(`JVMTI GetStackTrace: ${rc}`);
    const k = t.n[0];
    if (renderFrames(t, k, out, max, skipFirst) || k < FETCH) return out;
    start += k;
  }
}

/** Render the ``n`` frames in the buffer onto ``out``; true once ``out`` holds ``max`` frames. */
function renderFrames(t: Jvmti, n: number, out: string[], max: number, skipFirst: string): boolean {
  const words = t.words;
  for (let i = 0; i < n; i++) {
    const lo = words[i * 4] >>> 0;
    const hi = words[i * 4 + 1] >>> 0;
    const key = hi * 4294967296 + lo;
    let m = methods.get(key);
    if (m === undefined) {
      m = resolve(t, t.frames.add(i * FRAME_BYTES).readPointer());
      methods.set(key, m);
    }
    if (m.hidden) continue;
    const loc = words[i * 4 + 3] < 0 ? -1 : words[i * 4 + 2];
    const f = render(m, loc);
    if (out.length === 0 && f.startsWith(skipFirst)) continue;
    out.push(f);
    if (out.length >= max) return true;
  }
  return false;
}
