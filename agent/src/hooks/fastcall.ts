// HotSpot fast path for hooks whose handler reads only plain values (String/int/boolean arguments
// and return). frida-java-bridge still installs and undoes the replacement (its JvmMethodMangler),
// but the native method it installs is our own NativeCallback: no wrapper for `this`, no JS round
// trip of the arguments and the return value (the app gets the original's very own objects back),
// and the original is called once through JNI on the id the bridge keeps for the replaced method.
// An exception from the original is rethrown as the same Throwable, as the bridge does.

import Java from "frida-java-bridge";

const STATIC_METHOD = 2;
const INSTANCE_METHOD = 3;
const PLAIN = new Set(["java.lang.String", "int", "boolean"]);
const PLAIN_RET = new Set(["java.lang.String", "int", "boolean", "void"]);
const JNI_EXCEPTION_CHECK = 228;

/** Calls the original with the raw JNI arguments of this call; throws the bridge's Error on a Java exception. */
export type RawCall = (raw: IArguments) => any;
/** The JS value of a raw return (what the bridge would have given the hook). */
export type ToJs = (r: any, raw: IArguments) => any;
/** The hook body: `args` are JS values, `call(raw)` runs the original and returns its raw result. */
export type Body = (args: any[], raw: IArguments, call: RawCall, toJs: ToJs) => any;

let exceptionCheck: NativeFunction<number, [NativePointerValue]> | null = null;
let envProto: any = null;

export function fastEligible(ov: any): boolean {
  const api = (Java as any).api;
  if (api === undefined || api === null || api.flavor !== "jvm") return false;
  if (ov.type !== STATIC_METHOD && ov.type !== INSTANCE_METHOD) return false;
  if (!PLAIN_RET.has(ov.returnType.className)) return false;
  return ov.argumentTypes.every((t: any) => PLAIN.has(t.className));
}

function init(): void {
  if (exceptionCheck !== null) return;
  const env: any = Java.vm.getEnv();
  envProto = Object.getPrototypeOf(env);
  const fn = env.handle.readPointer().add(JNI_EXCEPTION_CHECK * Process.pointerSize).readPointer();
  exceptionCheck = new NativeFunction(fn, "uint8", ["pointer"], { exceptions: "propagate", scheduling: "exclusive" });
}

function converter(className: string): (v: any, env: any) => any {
  if (className === "java.lang.String") return (v, env) => (v.isNull() ? null : env.stringFromJni(v));
  if (className === "boolean") return v => !!v;
  return v => v;
}

/**
 * Point the already-set replacement of `ov` (set with `ov.implementation = ...` in this tick) at
 * a NativeCallback running `body`. Returns that callback (keep it alive while installed).
 */
export function installFast(ov: any, body: Body): NativeCallback<any, any> {
  init();
  const mangler = ov._r._m;
  const isInstance = ov.type === INSTANCE_METHOD;
  const retType = ov.returnType;
  const argTypes: any[] = ov.argumentTypes;
  const rawArgTypes: string[] = argTypes.map(t => t.type as string);
  const env0: any = Java.vm.getEnv();
  const invoke: any = isInstance ? env0.vaMethod(retType.type, rawArgTypes) : env0.staticVaMethod(retType.type, rawArgTypes);
  const convArgs = argTypes.map(t => converter(t.className));
  const convRet = retType.className === "void" ? (() => undefined) : converter(retType.className);
  const toJs: ToJs = (r, raw) => {
    const env = Object.create(envProto);
    env.handle = raw[0]; env.vm = vm;
    return convRet(r, env);
  };
  const check = exceptionCheck!;
  const vm: any = Java.vm;
  const n = argTypes.length;
  let methodId: NativePointer | null = null;

  const call: RawCall = raw => {
    // The bridge has run its mangler by the time the replacement is reached, so this is the
    // original method (made non-virtual), never the replacement itself.
    if (methodId === null) methodId = mangler.resolveTarget(null, isInstance, null, null) as NativePointer;
    const envH = raw[0] as NativePointer;
    let r: any;
    if (n === 0) r = invoke(envH, raw[1], methodId);
    else if (n === 1) r = invoke(envH, raw[1], methodId, raw[2]);
    else r = invoke(envH, raw[1], methodId, ...Array.prototype.slice.call(raw, 2));
    if (check(envH) !== 0) {
      const env = Object.create(envProto);
      env.handle = envH; env.vm = vm;
      env.throwIfExceptionPending();
    }
    return r;
  };

  const cb = new NativeCallback(function (this: any) {
    // eslint-disable-next-line prefer-rest-params
    const raw = arguments;
    const env = Object.create(envProto);
    env.handle = raw[0]; env.vm = vm;
    const tid = Process.getCurrentThreadId();
    vm.link(tid, env);
    try {
      const args: any[] = [];
      for (let i = 0; i < n; i++) args.push(convArgs[i](raw[2 + i], env));
      return body(args, raw, call, toJs);
    } catch (e: any) {
      if (e.$h !== undefined) env.throw(e.$h);
      else Script.nextTick(() => { throw e; });
      return retType.type === "pointer" ? NULL : 0;
    } finally {
      vm.unlink(tid);
    }
  } as any, retType.type, ["pointer", "pointer"].concat(rawArgTypes) as any);
  mangler.impl = cb;
  return cb;
}
