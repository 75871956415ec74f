// Installed hooks, kept so they can be reported (health) and undone (unload).

import { HookSpec } from "./types.js";

/** `loader`: the class loader the class was found in, when not the framework's (an app's, a plug-in's). */
export interface Installed { id: string; api: string; overloads: string[]; loader?: string; undo: () => void; }
/** A catalog entry whose class no loader has shown yet (it is installed when one does). */
export interface Pending { id: string; api: string; reason: string; }
export interface Skipped { id: string; api: string; reason: string; }

export const installed: Installed[] = [];
export const skipped: Skipped[] = [];
export const fired = new Map<string, number>();

export function skip(spec: HookSpec, reason: string): void {
  skipped.push({ id: spec.id, api: `${spec.class}.${spec.method}`, reason });
}

export function nextSeq(id: string): number {
  const n = (fired.get(id) ?? 0) + 1;
  fired.set(id, n);
  return n;
}

export function undoAll(): number {
  let n = 0;
  while (installed.length > 0) {
    const job = installed.pop()!;
    try { job.undo(); n++; } catch (e) { /* the class may be gone */ }
  }
  return n;
}

export function health(): Record<string, unknown> {
  return {
    installed: installed.map(j => ({ id: j.id, api: j.api, overloads: j.overloads, ...(j.loader !== undefined ? { loader: j.loader } : {}) })),
    skipped: skipped.slice(),
    fired: Object.fromEntries(fired),
  };
}
