// Minimal test agent for the virtual device: hook a few privacy APIs and report each call.
import Java from "frida-java-bridge";

const HOOKS: Array<[string, string]> = [
  ["android.telephony.TelephonyManager", "getDeviceId"],
  ["android.telephony.TelephonyManager", "getImei"],
  ["android.provider.Settings$Secure", "getString"],
  ["android.net.wifi.WifiInfo", "getMacAddress"],
  ["android.app.ApplicationPackageManager", "getInstalledPackages"],
  ["android.content.ClipboardManager", "getPrimaryClip"],
  ["android.app.Activity", "requestPermissions"],
];

function frames(): string[] {
  const out: string[] = [];
  const st = Java.use("java.lang.Thread").currentThread().getStackTrace();
  for (let i = 0; i < st.length && out.length < 10; i++) {
    const f = st[i].toString();
    if (!f.includes("java.lang.Thread.getStackTrace")) out.push(f);
  }
  return out;
}

function show(value: any): string {
  if (typeof value !== "object") return String(value);
  const obj: any = Java.cast(value, Java.use("java.lang.Object"));
  return String(obj.toString());
}

Java.perform(() => {
  for (const [cls, method] of HOOKS) {
    const C = Java.use(cls);
    for (const overload of C[method].overloads) {
      overload.implementation = function (this: any, ...args: any[]) {
        const stack = frames();
        const thread = Java.use("java.lang.Thread").currentThread().getName();
        try {
          const ret = overload.apply(this, args);
          send({ type: "call", api: `${cls}.${method}`, value: ret === null || ret === undefined ? null : show(ret), thread, stack });
          return ret;
        } catch (e) {
          send({ type: "call", api: `${cls}.${method}`, error: String(e), thread, stack });
          throw e;
        }
      };
    }
  }
  send({ type: "ready" });
});
