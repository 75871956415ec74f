// ART only (a phone or an emulator; a no-op on HotSpot): boot-image deoptimization and stacks from
// Java.backtrace with a per-call-site cache.
//
// Deoptimization: framework code in the boot image is compiled ahead of time, and ART inlines small
// framework methods (getters such as TelephonyManager's, Settings.Secure's) into their callers there,
// so a hook on the inlined method never runs for those calls. frida-java-bridge 7's
// Java.deoptimizeBootImage() calls art::Runtime::DeoptimizeBootImage (the bridge refuses below
// Android 8.0, API 26; the symbol is absent on some builds): boot-image code then runs through the
// interpreter / JIT, which calls methods through their ArtMethod and so reaches the hooks. It slows the
// framework down, so it runs once, at init, and AgentOptions.deoptimizeBootImage turns it off.
//
// Stacks: Java.backtrace() walks ART's stack natively (no Throwable, no StackTraceElement objects)
// and gives an `id` that is the same for the same frames (method and dex pc each), so frames are
// rendered once per call site and looked up by id after that, as the HotSpot JVMTI path does.

import Java from "frida-java-bridge";

const ACC_NATIVE = 0x0100;
const MAX_SITES = 2048;

export interface ArtFrame {
  className: string;
  methodName: string;
  methodFlags: number;
  fileName: string | null;
  lineNumber: number;
}

export interface ArtBacktrace { id: string; frames: ArtFrame[]; }
export type BacktraceFn = (options: { limit: number }) => ArtBacktrace;

/** Whether this is ART (false on HotSpot, where the JVMTI path serves). */
export function isArt(): boolean {
  return Java.available && (Java as any).api?.flavor === "art";
}

/** Deoptimize the boot image once on ART: "done", "not ART", or why it could not be done. */
export function deoptimizeBootImage(): string {
  if (!isArt()) return "not ART";
  try {
    Java.deoptimizeBootImage();
    return "done";
  } catch (e) {
    return `unavailable: ${e instanceof Error ? e.message : String(e)}`;
  }
}

/** One frame as StackTraceElement.toString() renders it on Android. */
export function renderFrame(f: ArtFrame): string {
  const head = `${f.className}.${f.methodName}(`;
  if ((f.methodFlags & ACC_NATIVE) !== 0 || f.lineNumber === -2) return `${head}Native Method)`;
  if (f.fileName === null || f.fileName === "") return `${head}Unknown Source)`;
  return f.lineNumber >= 0 ? `${head}${f.fileName}:${f.lineNumber})` : `${head}${f.fileName})`;
}

const sites = new Map<string, string[]>();
let hits = 0;

/**
 * The calling thread's Java stack, innermost first, starting at the hooked API's caller (the hooked
 * method's own frame is dropped), at most ``depth`` frames. Cached by the backtrace's id.
 */
export function artStack(depth: number, apiHead: string, backtrace: BacktraceFn = Java.backtrace as any): string[] {
  const bt = backtrace({ limit: depth + 1 });
  const cached = sites.get(bt.id);
  if (cached !== undefined) {
    hits++;
    return cached;
  }
  const out: string[] = [];
  for (const f of bt.frames) {
    const s = renderFrame(f);
    if (out.length === 0 && s.startsWith(apiHead)) continue;
    if (out.length >= depth) break;
    out.push(s);
  }
  if (sites.size < MAX_SITES) sites.set(bt.id, out);
  return out;
}

export function artStackStats(): { sites: number; hits: number } {
  return { sites: sites.size, hits };
}
