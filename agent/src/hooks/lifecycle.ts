// Foreground/background from activity callbacks (foreground = any activity resumed; background once
// none is resumed and one has stopped), app exit and crashes (flushed and acknowledged by the host
// before the process goes on to end: Process.killProcess is a SIGKILL no later hook sees), and
// Process.killProcess of another process (process_kill: not this app's exit).

import { awaitStored } from "../lib/ack.js";
import { emit, flush, sentSeq } from "../lib/emit.js";
import { errorText, identity, javaStack } from "../lib/java-util.js";
import { CallContext } from "../lib/types.js";
import { apiName, baseEvent, options } from "./common.js";
import { registerHandler } from "./install.js";
import { hookOverrides } from "./permissions.js";

const SIGKILL = 9;
const resumed = new Set<number>();
let foreground = false;
let emptySinceMs: number | null = null;

function state(ctx: CallContext, name: string, tsMs: number): void {
  const ev = baseEvent("app_state", ctx);
  ev.state = name;
  ev.ts_ms = tsMs;
  ev.activity = ctx.self?.$className ?? null;
  emit(ev, true);
}

registerHandler("activity_resumed", {
  phase: "before",
  guard: () => "activity_resumed",
  handle(ctx) {
    resumed.add(identity(ctx.self));
    emptySinceMs = null;
    if (!foreground) {
      foreground = true;
      state(ctx, "foreground", ctx.startMs);
    }
    try { hookOverrides(ctx.self); } catch (e) { /* best effort */ }
  },
});

registerHandler("activity_paused", {
  phase: "before",
  guard: () => "activity_paused",
  handle(ctx) {
    resumed.delete(identity(ctx.self));
    if (resumed.size === 0) emptySinceMs = ctx.startMs;
  },
});

registerHandler("activity_stopped", {
  phase: "before",
  guard: () => "activity_stopped",
  handle(ctx) {
    if (resumed.size === 0 && foreground) {
      foreground = false;
      state(ctx, "background", emptySinceMs ?? ctx.startMs);
    }
  },
});

/** OS threads that reported a crash: their exit path (Android's KillApplicationHandler: killProcess
 * then System.exit(10)) is that crash ending the process, not a second event. */
const crashedThreads = new Set<number>();

/** The process is ending (maybe by SIGKILL, which no later hook sees): send everything, wait for the host. */
function flushBeforeEnd(): void {
  if (options.exitAckMs <= 0) {
    flush();
    return;
  }
  flush(true);
  awaitStored(sentSeq(), options.exitAckMs, true);
}

registerHandler("app_exit", {
  phase: "before",
  guard: () => "app_exit",
  handle(ctx) {
    const api = apiName(ctx);
    const method = ctx.spec.method;
    // Process.sendSignal(pid, sig) ends a process only with SIGKILL (SIGQUIT asks for a thread dump)
    if (method === "sendSignal" && Number(ctx.args[1]) !== SIGKILL) return;
    // Process.killProcess / sendSignal(pid): the app's own exit only when pid is this process's
    const target = method === "killProcess" || method === "sendSignal" ? Number(ctx.args[0]) : Process.id;
    if (target !== Process.id) {
      const ev = baseEvent("process_kill", ctx);
      ev.target_pid = target;
      ev.api = api;
      if (ctx.spec.capture.stack) ev.stack = javaStack(api);
      emit(ev, true);
      return;
    }
    if (!crashedThreads.has(ctx.tid)) {
      const ev = baseEvent("app_state", ctx);
      ev.state = "stopped";
      ev.cause = "app";
      ev.api = api;
      emit(ev, true);
    }
    flushBeforeEnd();
  },
});

registerHandler("crash", {
  phase: "before",
  guard: () => "crash",
  handle(ctx) {
    const ev = baseEvent("app_state", ctx);
    ev.state = "crashed";
    ev.cause = "app";
    try { ev.error = errorText(new Error(String(ctx.args[0].toString()))); } catch (e) { ev.error = null; }
    crashedThreads.add(ctx.tid);
    emit(ev, true);
    flushBeforeEnd();
  },
});
