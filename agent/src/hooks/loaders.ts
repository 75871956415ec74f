// Hooks on classes the app brings: its own code, its SDKs, OkHttp, vendor OAID clients, dex loaded at
// run time. On Android these live in the app's PathClassLoader or a DexClassLoader, not in the boot
// class path, and a spawned app is held before its loader exists: at init Java.use() sees only the
// framework. An entry whose class is absent then waits here and is tried again
//   1. in Java.perform, which on ART runs once the app's LoadedApk (so its loader) exists and makes
//      that loader the default factory's (frida-java-bridge's handleBindApplication hook);
//   2. in every class loader that exists at init (an agent attached to a running app);
//   3. in every new dalvik.system.BaseDexClassLoader (PathClassLoader, DexClassLoader,
//      InMemoryDexClassLoader), right after its constructor returns, through Java.ClassFactory.get(loader);
//   4. in a loader that already exists, again, right after BaseDexClassLoader.addDexPath returns: dex
//      added to it (Android's shared libraries, hot-fix and plug-in frameworks calling the hidden API by
//      reflection) brings classes it did not have when it was first searched.
//   5. in every known loader whose dex files changed (its toString lists them, on ART as here), again,
//      right after Application.attach returns: packer shells (加固) and MultiDex splice dex into the
//      app's loader in attachBaseContext by writing its pathList.dexElements, which no call reports;
//      the app's onCreate and its components run after.
// Hooking loadClass instead would miss ART's implicit resolution, which finds classes in a
// BaseDexClassLoader natively, without calling it, and would cost a JS call per class load on HotSpot.
// Dex spliced into a loader's fields later than attach is seen only when another loader is made or
// addDexPath is called. Each search runs after the hooked call returns: on HotSpot the bridge makes
// hooks live when the JS callback that installed them ends, so the app's next call already meets them.
// A class is hooked once per defining loader: a DexClassLoader whose parent is the app's loader finds
// the app's OkHttp through delegation, and that class is hooked already. An entry stays watched after
// it lands (a plug-in may bring its own copy); one that no loader ever shows is reported as pending:
// in health(), and as a `hooks_pending` event at init and whenever an entry lands, so the process's last
// one says what was never watched, however the process ends (the report's coverage lists those).

import Java from "frida-java-bridge";
import { emit } from "../lib/emit.js";
import { errorText } from "../lib/java-util.js";
import { Pending, skipped } from "../lib/jobs.js";
import { HookSpec } from "../lib/types.js";
import { baseEvent } from "./common.js";
import { attachSpec, installSpec, resolveClass } from "./install.js";

interface Late {
  spec: HookSpec;
  /** Defining loaders of the classes hooked for this entry (retained wrappers). */
  loaders: any[];
}

const LOADER_BASE = "dalvik.system.BaseDexClassLoader";
const late: Late[] = [];
interface Seen {
  loader: any;  // retained wrapper
  /** Its toString() when last searched: a BaseDexClassLoader's lists its dex files (ART's DexPathList too). */
  files: string;
}
/** Loaders already searched: searched again only when they grew. */
const seen: Seen[] = [];
let watching = false;
/** The BaseDexClassLoader constructors hooked to watch new loaders (undone by unload). */
const watchers: any[] = [];
/** Why new loaders are not watched, if they are not (no BaseDexClassLoader, a failed hook). */
let watchError: string | null = null;

/** Install `spec` now if its class is visible, else queue it for a loader that brings it. */
export function installOrQueue(spec: HookSpec): void {
  if (installSpec(spec) === "absent") late.push({ spec, loaders: [] });
}

export function pendingHooks(): Pending[] {
  const why = watchError === null ? "" : ` (${watchError})`;
  return late.filter(l => l.loaders.length === 0)
    .map(l => ({ id: l.spec.id, api: `${l.spec.class}.${l.spec.method}`, reason: `class not loaded yet: ${l.spec.class}${why}` }));
}

/** Longest `reason` a `hooks_pending` event carries: it quotes the platform's (or the app's) error text. */
const REASON_MAX = 200;

/** Entries (or overloads) skipped or failed so far, once per id and reason, reasons bounded. */
function failedHooks(): { id: string; api: string; reason: string }[] {
  const out: { id: string; api: string; reason: string }[] = [];
  const keys = new Set<string>();
  for (const s of skipped) {
    const reason = s.reason.length > REASON_MAX ? `${s.reason.slice(0, REASON_MAX - 1)}…` : s.reason;
    const key = `${s.id}\u0000${reason}`;
    if (keys.has(key)) continue;
    keys.add(key);
    out.push({ id: s.id, api: s.api, reason });
  }
  return out;
}

/**
 * Say which entries are still pending (a `hooks_pending` event; an empty list: every entry landed), and
 * which were skipped or failed to install (`failed`: a method or overload this platform lacks, a hook that threw).
 */
export function reportPending(): void {
  const ev = baseEvent("hooks_pending", null);
  delete ev.thread;  // the agent's own state, not something a thread of the app did
  ev.hooks = late.filter(l => l.loaders.length === 0).map(l => ({ id: l.spec.id, api: `${l.spec.class}.${l.spec.method}` }));
  ev.failed = failedHooks();
  emit(ev, true);
}

function fullText(loader: any): string {
  try { return String(loader.toString()); } catch (e) { return "<class loader>"; }
}

function describe(loader: any): string {
  return fullText(loader).slice(0, 500);
}

function known(loader: any): Seen | undefined {
  return seen.find(x => x.loader.$isSameObject(loader));
}

let forName: any = null;

/**
 * HotSpot: a class a loader has just loaded is not linked yet, and the bridge's class model reads its
 * methods with JVMTI, which needs a prepared class (it reads garbage otherwise and the process dies).
 * getDeclaredMethods links the class first (without initialising it); an error after that (a signature
 * naming an absent class) does not matter. False when the loader does not have the class. ART links
 * classes as it defines them.
 */
function linked(spec: HookSpec, loader: any): boolean {
  if ((Java as any).api.flavor !== "jvm" || loader === null) return true;
  if (forName === null) forName = Java.use("java.lang.Class").forName.overload("java.lang.String", "boolean", "java.lang.ClassLoader");
  let cls: any;
  try {
    cls = forName.call(Java.use("java.lang.Class"), spec.class, false, loader);
  } catch (e) {
    return false;
  }
  try { cls.getDeclaredMethods(); } catch (e) { /* linked before the signatures are resolved */ }
  return true;
}

/** Try every queued entry in `loader` (null: the default factory's); returns how many classes were hooked. */
function tryIn(factory: any, loader: any): number {
  let n = 0;
  let landed = false;  // an entry left the pending list
  const skips = skipped.length;  // a method or overload this loader's class lacks is reported too
  for (const l of late) {
    if (!linked(l.spec, loader)) continue;
    const wrapper = resolveClass(l.spec, factory);
    if (wrapper === null) continue;
    let defining: any = null;
    try { defining = wrapper.class.getClassLoader(); } catch (e) { /* boot class: null */ }
    if (l.loaders.some(x => (x === null ? defining === null : defining !== null && x.$isSameObject(defining)))) continue;
    if (attachSpec(l.spec, wrapper, defining === null ? null : describe(defining))) {
      landed = landed || l.loaders.length === 0;
      l.loaders.push(defining === null ? null : Java.retain(defining));
      n++;
    }
  }
  if (landed || skipped.length > skips) reportPending();
  return n;
}

/** A loader appeared (or was found): search it once for the queued classes. */
function onLoader(loader: any): void {
  if (known(loader) !== undefined) return;
  seen.push({ loader: Java.retain(loader), files: fullText(loader) });
  tryIn(Java.ClassFactory.get(loader), loader);
}

/** A known loader grew (addDexPath): search it again; entries already hooked in it are not hooked twice. */
function onGrown(loader: any): void {
  const k = known(loader);
  if (k === undefined) seen.push({ loader: Java.retain(loader), files: fullText(loader) });
  else k.files = fullText(loader);
  tryIn(Java.ClassFactory.get(loader), loader);
}

/**
 * The app attached (packers and MultiDex have spliced their dex in): search again every known loader
 * whose list of dex files changed since it was searched (one toString each; nothing else when none did).
 */
function onAttached(): void {
  if (late.every(l => l.loaders.length > 0)) return;  // nothing pending
  for (const k of seen) {
    const now = fullText(k.loader);
    if (now === k.files) continue;
    k.files = now;
    tryIn(Java.ClassFactory.get(k.loader), k.loader);
  }
}

function hookApplicationAttach(): void {
  let app: any;
  try { app = Java.use("android.app.Application"); } catch (e) { return; }  // not Android
  for (const ov of app.attach !== undefined && app.attach.overloads !== undefined ? app.attach.overloads : []) {
    watchers.push(ov);
    ov.implementation = function (this: any, ...args: any[]): any {
      const ret = ov.apply(this, args);
      try {
        onAttached();
      } catch (e) {
        watchError = `the app's loaders could not be searched after attach: ${errorText(e)}`;
      }
      return ret;
    };
  }
}

/** Run `found` on `self` as a ClassLoader once the hooked call returned (errors go to watchError). */
function afterReturn(ov: any, found: (loader: any) => void): void {
  const ClassLoader = Java.use("java.lang.ClassLoader");
  watchers.push(ov);
  ov.implementation = function (this: any, ...args: any[]): any {
    const ret = ov.apply(this, args);
    try {
      // a cast holds a global reference: `this` itself is the hook frame's local reference, which
      // a factory must not keep (frida-java-bridge issue #227: ClassFactory.get(this) crashes later)
      found(Java.cast(this, ClassLoader));
    } catch (e) {
      watchError = `a class loader could not be searched: ${errorText(e)}`;
    }
    return ret;
  };
}

function hookLoaderConstructors(): void {
  let base: any;
  try {
    base = Java.use(LOADER_BASE);
  } catch (e) {
    watchError = `no ${LOADER_BASE} to watch`;
    return;
  }
  for (const ov of base.$init.overloads) afterReturn(ov, onLoader);
  // absent before Android 7 (API 24): loaders then only grow through their fields
  const add = base.addDexPath;
  for (const ov of add !== undefined && add.overloads !== undefined ? add.overloads : []) afterReturn(ov, onGrown);
}

function existingLoaders(): void {
  let base: any = null;
  try { base = Java.use(LOADER_BASE).class; } catch (e) { return; }  // a plain JVM: the default factory sees all
  for (const loader of Java.enumerateClassLoadersSync()) {
    if (base.isInstance(loader)) onLoader(loader);
  }
}

/** Stop watching new loaders (the queued entries stay pending). */
export function unwatchLoaders(): void {
  while (watchers.length > 0) {
    try { watchers.pop().implementation = null; } catch (e) { /* the class may be gone */ }
  }
}

/** After init: watch for the loaders that may bring the queued classes (call outside performNow). */
export function watchLoaders(): void {
  if (late.length === 0 || watching) return;
  watching = true;
  Java.performNow(() => {
    try {
      hookLoaderConstructors();
    } catch (e) {
      watchError = `new class loaders are not watched: ${errorText(e)}`;
    }
    try {
      hookApplicationAttach();
    } catch (e) {
      watchError = `the app's attach is not watched: ${errorText(e)}`;
    }
    try {
      existingLoaders();
    } catch (e) {
      // enumerating loaders needs JVMTI heap walks or ART internals this runtime may lack
    }
  });
  // On ART in a spawned app this runs once the app's loader is the default factory's; elsewhere now.
  Java.perform(() => { tryIn(Java, null); });
}
