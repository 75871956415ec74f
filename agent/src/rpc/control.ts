// Control RPCs: init with the catalog, clock for the offset, flush, health (installed, skipped,
// pending: waiting for a class loader), unload.

import Java from "frida-java-bridge";
import { startAcks } from "../lib/ack.js";
import { artStackStats, deoptimizeBootImage } from "../lib/art.js";
import { jsThreadDaemon } from "../lib/daemon.js";
import { configureEmit, emitStats, flush } from "../lib/emit.js";
import { initJavaUtil } from "../lib/java-util.js";
import { health, installed, skipped, undoAll } from "../lib/jobs.js";
import { AgentOptions, HookSpec } from "../lib/types.js";
import { options } from "../hooks/common.js";
import { installOrQueue, pendingHooks, reportPending, unwatchLoaders, watchLoaders } from "../hooks/loaders.js";
import { watchProbes } from "../hooks/probes.js";
import { rememberResultSpec } from "../hooks/permissions.js";

let initialised = false;
/** ART boot-image deoptimization: "done", "off", "not ART", or why it could not be done */
let bootImage = "not run";

function init(specs: HookSpec[], opts: Partial<AgentOptions>): Record<string, unknown> {
  if (initialised) throw new Error("agent already initialised");
  if (!Java.available) throw new Error("no Java runtime in this process");
  Object.assign(options, opts);
  configureEmit(options);
  // the host's acknowledgements of stored batches (learned values, exit paths): one standing listener,
  // registered here on the JS thread rather than by the first hooked call that waits
  startAcks();
  Java.performNow(() => {
    bootImage = options.deoptimizeBootImage ? deoptimizeBootImage() : "off";
    initJavaUtil(options);
    for (const spec of specs) {
      rememberResultSpec(spec);
      installOrQueue(spec);
    }
  });
  // classes the framework lacks: the app's loader (made after this returns, on a spawned app) or
  // a loader made at run time may bring them
  watchLoaders();
  reportPending();
  flush();  // sent now: it does not wait in the queue, taking the room of the app's first events
  initialised = true;
  let probesWatched = 0;
  if (options.detectProbes) {
    try { probesWatched = watchProbes(); } catch (e) { probesWatched = -1; }  // no CModule here: not watched
  }
  return { installed: installed.length, skipped: skipped.length, pending: pendingHooks().length,
           runtime: (Java as any).api.flavor ?? "unknown", daemon: jsThreadDaemon, probes_watched: probesWatched,
           boot_image: bootImage };
}

export const control = {
  init: (specs: HookSpec[], opts: Partial<AgentOptions>) => init(specs, opts),
  clock: () => Date.now(),
  flush: () => flush(),
  health: () => ({ ...health(), pending: pendingHooks(), ...emitStats(), java: Java.available, boot_image: bootImage,
                   art_stacks: artStackStats() }),
  unload: () => { unwatchLoaders(); const n = undoAll(); flush(); return n; },
  // Frida calls dispose when the script is unloaded, including from its exit monitor when the
  // process calls exit()/_exit()/abort(): events still queued for the flush timer go out then.
  dispose: () => { flush(); },
};
