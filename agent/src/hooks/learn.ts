// Values an app read, for the host to search traffic for (api_call `learned`): package names of an
// app list, a cursor's string cells, account names, clipboard text, Wi-Fi names. Bounded: at most
// MAX_VALUES strings of at most MAX_CHARS each; the host applies its minimum lengths and allow-list.
// A failure here leaves the app untouched (the caller's handler swallows and counts errors).

import Java from "frida-java-bridge";
import { jstr } from "../lib/java-util.js";
import { Learn } from "../lib/types.js";

const MAX_VALUES = 500;
const MAX_CHARS = 512;
const MAX_ROWS = 200;
const CURSOR_FIELD_TYPE_STRING = 3;

function add(out: string[], v: any): void {
  const s = jstr(v);
  if (s === null || out.length >= MAX_VALUES) return;
  const t = s.trim();
  if (t.length > 0 && t.length <= MAX_CHARS && !out.includes(t)) out.push(t);
}

const wrappers = new Map<string, any>();

/** The element as its runtime class (a List's elements arrive typed as Object). */
function concrete(x: any): any {
  if (x === null || x === undefined) return x;
  const name: string = x.getClass().getName();
  let w = wrappers.get(name);
  if (w === undefined) {
    w = Java.use(name);
    wrappers.set(name, w);
  }
  return Java.cast(x, w);
}

/** The elements of a java.util.List / Set or a Java array, as wrappers of their own classes. */
function items(x: any): any[] {
  if (x === null || x === undefined) return [];
  if (typeof x.length === "number") return Array.from(x as ArrayLike<any>).slice(0, MAX_VALUES).map(concrete);
  const out: any[] = [];
  const it = x.iterator();
  while (it.hasNext() && out.length < MAX_VALUES) out.push(concrete(it.next()));
  return out;
}

function field(obj: any, name: string): any {
  const f = obj[name];
  return f !== undefined && f !== null && "value" in f ? f.value : undefined;
}

function packageOf(x: any): any {
  for (const name of ["packageName", "processName"]) {
    const v = field(x, name);
    if (v !== undefined && v !== null) return v;
  }
  const info = field(x, "activityInfo") ?? field(x, "serviceInfo");
  if (info !== undefined && info !== null) return field(info, "packageName");
  const svc = field(x, "service");  // RunningServiceInfo.service: ComponentName
  if (svc !== undefined && svc !== null) return svc.getPackageName();
  try { return x.getPackageName(); } catch (e) { return null; }  // UsageStats
}

function cursorCells(c: any, out: string[]): void {
  const saved = c.getPosition();
  const cols = c.getColumnCount();
  try {
    c.moveToPosition(-1);
    for (let row = 0; row < MAX_ROWS && c.moveToNext(); row++) {
      for (let i = 0; i < cols; i++) {
        if (c.getType(i) === CURSOR_FIELD_TYPE_STRING) add(out, c.getString(i));
      }
    }
  } finally {
    c.moveToPosition(saved);
  }
}

export function learnValues(how: Learn, ret: any): string[] {
  const out: string[] = [];
  if (ret === null || ret === undefined) return out;
  switch (how) {
    case "value": add(out, ret); break;
    case "package_names": for (const x of items(ret)) add(out, packageOf(x)); break;
    case "cursor": cursorCells(ret, out); break;
    case "account_names": for (const a of items(ret)) add(out, field(a, "name")); break;
    case "clip_text":
      for (let i = 0; i < ret.getItemCount(); i++) add(out, ret.getItemAt(i).getText());
      break;
    case "scan_results":
      for (const r of items(ret)) { add(out, field(r, "SSID")); add(out, field(r, "BSSID")); }
      break;
    case "wifi_configs": for (const w of items(ret)) add(out, field(w, "SSID")); break;
  }
  return out;
}
