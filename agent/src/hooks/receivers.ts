// Start paths through broadcasts and alarms that are not a manifest component's own start (wakeups.ts
// dispatches to these): a receiver registered at run time (ContextImpl.registerReceiverInternal: one
// `component_start` via `registerReceiver` per action of its filter, with the registering stack), each
// broadcast delivered to one (LoadedApk$ReceiverDispatcher.performReceive: `stage: run`; an alarm's
// broadcast is first a `via alarm` + `stage run`), and an activity an alarm's PendingIntent opened
// (Activity.performCreate with EXTRA_ALARM_COUNT on its intent: `via alarm` + `stage run`).

import { emit } from "../lib/emit.js";
import { javaStack, jstr } from "../lib/java-util.js";
import { CallContext } from "../lib/types.js";
import { options } from "./common.js";
import { alarmCount, className, entryStack, field, own, startEvent, tryGet } from "./start-event.js";

/** Actions of one registration reported, at most (a filter may list many). */
const MAX_ACTIONS = 16;

/** Activity.performCreate: reported only for an activity whose intent an alarm delivered. */
export function alarmActivity(ctx: CallContext): void {
  if (alarmCount(tryGet(() => ctx.self.getIntent())) <= 0) return;
  const cls = className(ctx.self);
  const ev = startEvent(ctx, "alarm", options.package, own(cls));
  if (ctx.spec.capture.stack) ev.stack = entryStack(cls, "onCreate");
  emit(ev);
}

/** ContextImpl.registerReceiverInternal(receiver, userId, filter, ...): a null receiver only reads a sticky broadcast. */
export function registration(ctx: CallContext): void {
  const receiver = ctx.args[0];
  const filter = ctx.args[2];
  if (receiver === null || receiver === undefined || filter === null || filter === undefined) return;
  const component = own(className(receiver));
  const n = Math.min(tryGet(() => filter.countActions() as number) ?? 0, MAX_ACTIONS);
  const actions: (string | null)[] = [];
  for (let i = 0; i < n; i++) actions.push(tryGet(() => jstr(filter.getAction(i))));
  const stack = ctx.spec.capture.stack ? javaStack(`${ctx.spec.class}.${ctx.spec.method}`) : null;
  for (const action of actions.length > 0 ? actions : [null]) {
    const ev = startEvent(ctx, "registerReceiver", options.package, component);
    if (action !== null) ev.action = action;
    if (stack !== null) ev.stack = stack;
    emit(ev);
  }
}

/** LoadedApk$ReceiverDispatcher.performReceive(intent, ...): self holds the registered receiver. */
export function registeredRun(ctx: CallContext): void {
  const cls = tryGet(() => className(field(ctx.self, "mReceiver")));
  const intent = ctx.args[0];
  const component = own(cls);
  const stack = ctx.spec.capture.stack ? entryStack(cls, "onReceive") : null;
  if (alarmCount(intent) > 0) {  // an alarm's broadcast: its run, then the receiver it reached
    const run = startEvent(ctx, "alarm", options.package, component);
    if (stack !== null) run.stack = stack;
    emit(run);
  }
  const ev = startEvent(ctx, "registerReceiver", options.package, component);
  const action = tryGet(() => jstr(intent.getAction()));
  if (action !== null) ev.action = action;
  if (stack !== null) ev.stack = stack;
  emit(ev);
}
