// Foreground/background from activity callbacks (foreground = any activity resumed; background once
// none is resumed and one has stopped), app exit and crashes (flushed at once: the process is ending).

import { emit, flush } from "../lib/emit.js";
import { errorText, identity } from "../lib/java-util.js";
import { CallContext } from "../lib/types.js";
import { baseEvent } from "./common.js";
import { registerHandler } from "./install.js";
import { hookOverrides } from "./permissions.js";

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

registerHandler("app_exit", {
  phase: "before",
  guard: () => "app_exit",
  handle(ctx) {
    const ev = baseEvent("app_state", ctx);
    ev.state = "stopped";
    ev.cause = "app";
    ev.api = `${ctx.spec.class}.${ctx.spec.method}`;
    emit(ev, true);
    flush();
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
    emit(ev, true);
    flush();
  },
});
