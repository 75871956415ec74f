// wakeup: starts the system makes on the app's behalf, as `component_start` events (the catalog's
// wakeups.yaml says where each hook sits; the rules read `via`, `target_package`, `stage`):
//   via work   (WorkManagerImpl.enqueue*)           one event per WorkRequest, `component`: its worker class
//   via work   + stage run (Worker.startWork)         the worker ran, `component`: the worker's class
//   via job    + stage run (JobService$1.onStartJob)  the job's service ran
//   via alarm  + stage run (ActivityThread.handleServiceArgs)  a service start an alarm delivered (EXTRA_ALARM_COUNT)
//   via alarm  + stage run (Activity.performCreate)   an activity an alarm's PendingIntent opened (EXTRA_ALARM_COUNT)
//   via registerReceiver (ContextImpl.registerReceiverInternal)  a receiver registered at run time: one event per
//                                                     action of its filter, `component` its class, the registering stack
//   via registerReceiver + stage run (LoadedApk$ReceiverDispatcher.performReceive)  a broadcast delivered to one;
//                                                     an alarm's broadcast is first a `via alarm` + `stage run`
//                                                     (these three: hooks/receivers.ts)
//   via query  (ActivityThread.acquireProvider)       a provider of another package acquired (query, call,
//                                                     insert ...): `target_package` its owner, `uri` the authority
//   via receiver (ActivityThread.handleReceiver)      a manifest receiver started by a broadcast; when the
//                                                     broadcast is an alarm's (EXTRA_ALARM_COUNT), first
//                                                     a `via alarm` + `stage run` for the alarm that went off
// For a run or a receiver the stack is the woken component's entry point (`Cls.onReceive`, `Cls.doWork`,
// `Cls.onStartJob`, `Cls.onCreate`), the code that runs next: the system's own frames name no actor.
// install_check: PackageManager.canRequestPackageInstalls, a `permission_check` of REQUEST_INSTALL_PACKAGES.

import { emit } from "../lib/emit.js";
import { javaStack, jstr } from "../lib/java-util.js";
import { CallContext } from "../lib/types.js";
import { baseEvent, options } from "./common.js";
import { registerHandler } from "./install.js";
import { alarmActivity, registeredRun, registration } from "./receivers.js";
import { castTo, className, EXTRA_ALARM_COUNT, entryStack, field, own, startEvent, tryGet } from "./start-event.js";

const REQUEST_INSTALL_PACKAGES = "android.permission.REQUEST_INSTALL_PACKAGES";
/** The worker classes of WorkManager's enqueue arguments: a WorkRequest, or a List of them. */
function workerClasses(args: any[]): string[] {
  const out: string[] = [];
  const add = (obj: any): void => {
    const req = obj === null ? null : castTo(obj, "androidx.work.WorkRequest");
    const name = req === null ? null : tryGet(() => jstr(field(req.getWorkSpec(), "workerClassName")));
    if (name !== null) out.push(name);
  };
  for (const a of args) {
    if (a === null || typeof a !== "object" || !("$className" in a)) continue;
    const list = castTo(a, "java.util.List");
    if (list !== null) {
      const size = list.size() as number;
      for (let i = 0; i < size; i++) add(list.get(i));
    } else {
      add(a);
    }
  }
  return out;
}

function handle(ctx: CallContext): void {
  const via = ctx.spec.via ?? "";
  const stack = ctx.spec.capture.stack;
  if (via === "work" && ctx.spec.stage !== "run") {
    for (const worker of workerClasses(ctx.args)) {
      const ev = startEvent(ctx, via, options.package, own(worker));
      if (stack) ev.stack = javaStack(`${ctx.spec.class}.${ctx.spec.method}`);
      emit(ev);
    }
  } else if (via === "alarm" && ctx.spec.method === "performCreate") {
    alarmActivity(ctx);
  } else if (via === "registerReceiver") {
    if (ctx.spec.stage === "run") registeredRun(ctx); else registration(ctx);
  } else if (via === "alarm") {
    // ActivityThread.handleServiceArgs(ServiceArgsData): reported only for a start an alarm delivered
    const intent = tryGet(() => field(ctx.args[0], "args"));
    const alarms = intent === null ? null : tryGet(() => intent.getIntExtra(EXTRA_ALARM_COUNT, 0) as number);
    if (alarms === null || alarms <= 0) return;
    const comp = tryGet(() => intent.getComponent());
    const pkg = comp === null ? null : tryGet(() => jstr(comp.getPackageName()));
    const cls = comp === null ? null : tryGet(() => jstr(comp.getClassName()));
    const ev = startEvent(ctx, via, pkg ?? options.package, cls === null ? null : `${pkg ?? options.package}/${cls}`);
    if (stack) ev.stack = entryStack(cls, "onStartCommand");
    emit(ev);
  } else if (via === "work" || via === "job") {
    // Worker.startWork: self is the worker; JobService$1.onStartJob: self is the engine of the service
    const cls = via === "work" ? className(ctx.self) : tryGet(() => className(field(ctx.self, "this$0")));
    const ev = startEvent(ctx, via, options.package, own(cls));
    if (via === "job") {
      const id = tryGet(() => ctx.args[0].getJobId() as number);
      if (id !== null) ev.job_id = id;
    }
    if (stack) ev.stack = entryStack(cls, via === "work" ? "doWork" : "onStartJob");
    emit(ev);
  } else if (via === "query") {
    const auth = jstr(ctx.args[1]);
    if (auth === null) return;
    const info = tryGet(() => ctx.args[0].getPackageManager().resolveContentProvider(auth, 0));
    const owner = info === null ? null : tryGet(() => jstr(field(info, "packageName")));
    if (owner === null || owner === options.package) return;  // no such provider: nothing started
    const ev = startEvent(ctx, via, owner, null);
    ev.uri = auth;
    if (stack) ev.stack = javaStack(`${ctx.spec.class}.${ctx.spec.method}`);
    emit(ev);
  } else if (via === "receiver") {
    const data = ctx.args[0];
    const info = tryGet(() => field(data, "info"));
    const intent = tryGet(() => field(data, "intent"));
    const cls = info === null ? null : tryGet(() => jstr(field(info, "name")));
    const pkg = info === null ? null : tryGet(() => jstr(field(info, "packageName")));
    const component = cls === null ? null : `${pkg ?? options.package}/${cls}`;
    const alarms = intent === null ? null : tryGet(() => intent.getIntExtra(EXTRA_ALARM_COUNT, 0) as number);
    if (alarms !== null && alarms > 0) {  // an alarm went off: its run, then the receiver it woke
      const run = startEvent(ctx, "alarm", pkg ?? options.package, component);
      run.stage = "run";
      if (stack) run.stack = entryStack(cls, "onReceive");
      emit(run);
    }
    const ev = startEvent(ctx, via, pkg ?? options.package, component);
    const action = intent === null ? null : tryGet(() => jstr(intent.getAction()));
    if (action !== null) ev.action = action;
    if (stack) ev.stack = entryStack(cls, "onReceive");
    emit(ev);
  }
}

registerHandler("wakeup", {
  phase: "before",  // as they start: a receiver or a job may end the process
  guard: spec => `wakeup:${spec.via}:${spec.stage ?? ""}`,
  handle,
});

registerHandler("install_check", {
  phase: "after",
  guard: () => "install_check",
  handle(ctx) {
    if (ctx.error !== null) return;
    const ev = baseEvent("permission_check", ctx);
    ev.permission = REQUEST_INSTALL_PACKAGES;
    ev.granted = ctx.ret === true;
    ev.api = `${ctx.spec.class}.${ctx.spec.method}`;
    emit(ev);
  },
});
