// wakeup: starts the system makes on the app's behalf, as `component_start` events (the catalog's
// self_start.yaml says where each hook sits; the rules read `via`, `target_package`, `stage`):
//   via work   (WorkManagerImpl.enqueue*)           one event per WorkRequest, `component`: its worker class
//   via work   + stage run (Worker.startWork)         the worker ran, `component`: the worker's class
//   via job    + stage run (JobService$1.onStartJob)  the job's service ran
//   via alarm  + stage run (ActivityThread.handleServiceArgs)  a service start an alarm delivered (EXTRA_ALARM_COUNT)
//   via query  (ActivityThread.acquireProvider)       a provider of another package acquired (query, call,
//                                                     insert ...): `target_package` its owner, `uri` the authority
//   via receiver (ActivityThread.handleReceiver)      a manifest receiver started by a broadcast; when the
//                                                     broadcast is an alarm's (EXTRA_ALARM_COUNT), first
//                                                     a `via alarm` + `stage run` for the alarm that went off
// For a run or a receiver the stack is the woken component's entry point (`Cls.onReceive`, `Cls.doWork`,
// `Cls.onStartJob`), the code that runs next: the system's own frames name no actor.
// install_check: PackageManager.canRequestPackageInstalls, a `permission_check` of REQUEST_INSTALL_PACKAGES.

import Java from "frida-java-bridge";
import { emit } from "../lib/emit.js";
import { javaStack, jstr } from "../lib/java-util.js";
import { AgentEvent, CallContext } from "../lib/types.js";
import { baseEvent, options } from "./common.js";
import { registerHandler } from "./install.js";

const REQUEST_INSTALL_PACKAGES = "android.permission.REQUEST_INSTALL_PACKAGES";
/** AlarmManager puts it on every intent an alarm delivers. */
const EXTRA_ALARM_COUNT = "android.intent.extra.ALARM_COUNT";

function tryGet<T>(f: () => T): T | null {
  try { return f(); } catch (e) { return null; }
}

/** A field's value, whether the bridge exposes it as `name` or (beside a method of that name) `_name`. */
function field(obj: any, name: string): any {
  const f = obj[name] !== undefined && obj[name].value !== undefined ? obj[name] : obj["_" + name];
  return f === undefined ? null : f.value;
}

function asObject(obj: any): any {
  return Java.cast(obj, Java.use("java.lang.Object"));
}

function className(obj: any): string | null {
  return tryGet(() => jstr(asObject(obj).getClass().getName()));
}

/** The class factory that sees `cls`: the default one, else the object's own class loader's (app classes
 *  such as androidx under an app class loader). */
function factoryFor(obj: any, cls: string): any {
  if (tryGet(() => Java.use(cls)) !== null) return Java;
  return (Java as any).ClassFactory.get(asObject(obj).getClass().getClassLoader());
}

/** `obj` as an instance of `cls`, or null when it is none (a JNI call on the wrong class is never made). */
function castTo(obj: any, cls: string): any {
  return tryGet(() => {
    const f = factoryFor(obj, cls);
    const c = f.use(cls);
    return c.class.isInstance(obj) === true ? f.cast(obj, c) : null;
  });
}

function startEvent(ctx: CallContext, via: string, target: string, component: string | null): AgentEvent {
  const ev = baseEvent("component_start", ctx);
  ev.via = via;
  ev.target_package = target;
  if (component !== null) ev.component = component;
  if (ctx.spec.stage === "run") ev.stage = "run";
  return ev;
}

function own(cls: string | null): string | null {
  return cls === null ? null : `${options.package}/${cls}`;
}

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

function entryStack(cls: string | null, method: string): string[] | null {
  return cls === null ? null : [`${cls}.${method}(Unknown Source)`];
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
