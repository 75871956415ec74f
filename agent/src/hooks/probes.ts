// An app looking for instrumentation (anti-Frida checks: MSA's libmsaoaidsec.so, packers, banking and game
// SDKs) is recorded as `instrumentation_probe` events, so a report can say its results may be partial.
// Watched at the libc level, where Java checks (FileInputStream, File.exists, Socket.connect) and native
// ones meet: opening or stat-ing a path naming Frida (frida-server, re.frida.server, frida-agent,
// frida-gadget, linjector), reading /proc/<self|pid>/maps or smaps (where the agent's library shows),
// listing or reading /proc/<self|pid>/task (thread names: gum-js-loop, gmain), and connecting to Frida's
// ports 27042/27043. Frida's names are matched as Frida spells them ("frida-", "re.frida", "libfrida"), not as
// a bare "frida", which an app's own paths may contain. A small C filter (CModule) runs per call, so the JS
// side is entered only for a match.
// Not seen: checks made with raw syscalls (svc) that bypass libc, and scans of memory for Frida's strings.
// No Java is called from here (these run inside libc calls, possibly from the VM itself): the event names
// the library that made the call instead of a Java stack.

import { emit } from "../lib/emit.js";
import { cachedThreadName } from "../lib/java-util.js";

const PROBES = ["", "frida_file", "proc_maps", "thread_names", "frida_port"];
const MAX_EVENTS = 64;

/** libc functions that take a path, by the index of the path argument. */
const PATH_FUNCTIONS: Array<[number, string[]]> = [
  [0, ["open", "open64", "__open_2", "__open64_2", "access", "stat", "stat64", "lstat", "lstat64", "opendir",
       "readlink", "fopen", "fopen64"]],
  [1, ["openat", "openat64", "__openat_2", "__openat64_2", "faccessat", "fstatat", "fstatat64", "newfstatat",
       "statx", "readlinkat", "__xstat", "__xstat64", "__lxstat", "__lxstat64"]],
  [2, ["__fxstatat", "__fxstatat64"]],
];

const SOURCE = `
#include <gum/guminterceptor.h>

extern void notify (int what, const char * text, int port, void * ret, void * fn);

static int starts (const char * s, const char * p) {
  while (*p != 0) { if (*s++ != *p++) return 0; }
  return 1;
}

static int contains (const char * s, const char * n) {
  for (; *s != 0; s++) { if (starts (s, n)) return 1; }
  return 0;
}

/* What follows "/proc/self/" or "/proc/<digits>/", or NULL. */
static const char * proc_rest (const char * p) {
  if (!starts (p, "/proc/")) return 0;
  p += 6;
  if (starts (p, "self/")) return p + 5;
  if (*p < '0' || *p > '9') return 0;
  while (*p >= '0' && *p <= '9') p++;
  return *p == '/' ? p + 1 : 0;
}

static int classify (const char * p) {
  const char * rest;
  if (p == 0) return 0;
  /* Frida's own names only: a bare "frida" would match an app's "fridays" or "fridacheck" */
  if (contains (p, "frida-") || contains (p, "re.frida") || contains (p, "libfrida") || contains (p, "linjector")
      || contains (p, "gum-js-loop")) return 1;
  rest = proc_rest (p);
  if (rest == 0) return 0;
  if (starts (rest, "maps") || starts (rest, "smaps")) return 2;
  if (starts (rest, "task")) return 3;
  return 0;
}

static void on_path (GumInvocationContext * ic, guint index) {
  const char * p = gum_invocation_context_get_nth_argument (ic, index);
  int what = classify (p);
  if (what != 0)
    notify (what, p, 0, gum_invocation_context_get_return_address (ic),
        gum_invocation_context_get_listener_function_data (ic));
}

void on_path0 (GumInvocationContext * ic) { on_path (ic, 0); }
void on_path1 (GumInvocationContext * ic) { on_path (ic, 1); }
void on_path2 (GumInvocationContext * ic) { on_path (ic, 2); }

void on_connect (GumInvocationContext * ic) {
  const unsigned char * sa = gum_invocation_context_get_nth_argument (ic, 1);
  unsigned short family;
  int port;
  if (sa == 0) return;
  family = *(const unsigned short *) sa;
  if (family != 2 && family != 10) return;  /* AF_INET, AF_INET6 */
  port = (sa[2] << 8) | sa[3];
  if (port == 27042 || port == 27043)
    notify (4, 0, port, gum_invocation_context_get_return_address (ic),
        gum_invocation_context_get_listener_function_data (ic));
}
`;

const seen = new Set<string>();
let cm: CModule | null = null;
const keep: unknown[] = [];

/** "/proc/1234/task/5678/comm" -> "/proc/1234/task": one event per place looked at, not per thread. */
function normalise(probe: string, path: string): string {
  if (probe !== "thread_names") return path;
  const i = path.indexOf("/task");
  return i >= 0 ? path.substring(0, i + 5) : path;
}

function onProbe(what: number, text: NativePointer, port: number, ret: NativePointer, fn: NativePointer): void {
  try {
    // Frida's own threads and code (the agent reads /proc/self/maps to find modules) are not the app
    if (Cloak.hasCurrentThread() || Cloak.hasRangeContaining(ret)) return;
    const probe = PROBES[what] ?? "unknown";
    const via = names[fn.toInt32()] ?? "?";
    const target = what === 4 ? `:${port}` : normalise(probe, text.readUtf8String() ?? "");
    const key = `${probe}|${target}`;
    if (seen.has(key) || seen.size >= MAX_EVENTS) return;
    seen.add(key);
    const tid = Process.getCurrentThreadId();
    const mod = Process.findModuleByAddress(ret);
    emit({ kind: "instrumentation_probe", ts_ms: Date.now(), thread: cachedThreadName(tid), probe, target, via,
           module: mod !== null ? mod.name : null }, true);
  } catch (e) {
    // never disturb the app's own call
  }
}

const names: string[] = [];

/** Watch libc for the checks above; returns how many functions are watched. */
export function watchProbes(): number {
  if (cm !== null) return 0;
  const notify = new NativeCallback(onProbe, "void", ["int", "pointer", "int", "pointer", "pointer"]);
  keep.push(notify);
  cm = new CModule(SOURCE, { notify });
  const done = new Set<string>();
  const attach = (name: string, callback: NativePointer): void => {
    const at = Module.findGlobalExportByName(name);
    if (at === null || done.has(at.toString())) return;
    done.add(at.toString());
    names.push(name);
    try {
      Interceptor.attach(at, { onEnter: callback } as any, ptr(names.length - 1));
    } catch (e) {
      names[names.length - 1] = `${name} (not watched)`;
    }
  };
  for (const [index, fns] of PATH_FUNCTIONS) {
    const callback = cm[`on_path${index}`];
    for (const f of fns) attach(f, callback);
  }
  attach("connect", cm.on_connect);
  return done.size;
}
