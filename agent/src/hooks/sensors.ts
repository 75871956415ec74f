// Sensor listeners: registrations are api_calls (category sensor) and are remembered, so the host
// can deliver synthetic readings to them (the shake probe).

import Java from "frida-java-bridge";
import { emit } from "../lib/emit.js";
import { CallContext } from "../lib/types.js";
import { apiEvent } from "./api.js";
import { registerHandler } from "./install.js";

const TYPES: Record<number, string> = { 1: "accelerometer", 4: "gyroscope" };
interface Registration { listener: any; sensor: any; type: string; }
const registrations: Registration[] = [];

export interface Sample { sensor: string; values: number[]; at_s: number; }

function sensorType(sensor: any): string | null {
  try { return TYPES[sensor.getType() as number] ?? null; } catch (e) { return null; }
}

registerHandler("sensor_register", {
  phase: "after",
  handle(ctx: CallContext) {
    const type = ctx.args.length > 1 ? sensorType(ctx.args[1]) : null;
    if (type !== null && ctx.error === null) {
      registrations.push({ listener: Java.retain(ctx.args[0]), sensor: Java.retain(ctx.args[1]), type });
    }
    const ev = apiEvent(ctx, type);
    if (ev !== null) emit(ev as any);
  },
});

function makeEvent(reg: Registration, values: number[]): any {
  const cls = Java.use("android.hardware.SensorEvent");
  let ev: any;
  try { ev = cls.$new(values.length); } catch (e) { ev = cls.$new(); }
  ev.values.value = Java.array("float", values);
  try { ev.sensor.value = reg.sensor; } catch (e) { /* field absent */ }
  try { ev.timestamp.value = Java.use("java.lang.System").nanoTime(); } catch (e) { /* field absent */ }
  return ev;
}

function deliver(sample: Sample): number {
  let n = 0;
  Java.perform(() => {
    for (const reg of registrations) {
      if (reg.type !== sample.sensor) continue;
      reg.listener.onSensorChanged(makeEvent(reg, sample.values));
      n++;
    }
  });
  return n;
}

/** Deliver each sample at its offset; returns how many listeners each sensor type has. */
export function injectSensor(samples: Sample[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of registrations) counts[r.type] = (counts[r.type] ?? 0) + 1;
  const run = (s: Sample) => {
    if ((Java as any).api.flavor === "art") Java.scheduleOnMainThread(() => deliver(s));
    else deliver(s);
  };
  for (const s of samples) {
    if (s.at_s <= 0) run(s); else setTimeout(() => run(s), s.at_s * 1000);
  }
  return counts;
}
