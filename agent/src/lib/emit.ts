// The only caller of send(): events are queued and sent in batches ({type: "events"}).

import { AgentEvent, AgentOptions } from "./types.js";

let queue: AgentEvent[] = [];
let dropped = 0;
let emitted = 0;
let seq = 0; // numbers the batches sent: the host acknowledges stored ones by it (lib/ack.ts)
let timer: ReturnType<typeof setTimeout> | null = null;
let opts = { flushMs: 50, batchMax: 2000, queueMax: 200000 };

export function configureEmit(o: AgentOptions): void {
  opts = { flushMs: o.flushMs, batchMax: o.batchMax, queueMax: o.queueMax };
}

/** Queue one event; beyond the bound it is dropped and counted, unless ``always`` (rare state events). */
export function emit(ev: AgentEvent, always = false): void {
  if (queue.length >= opts.queueMax && !always) {
    dropped++;
    return;
  }
  queue.push(ev);
  emitted++;
  if (queue.length >= opts.batchMax) {
    flush();
  } else if (timer === null) {
    timer = setTimeout(flush, opts.flushMs);
  }
}

/**
 * Send everything queued now (also used before the process exits). With ``sync`` the batch goes even
 * when empty and asks the host to acknowledge it once stored (lib/ack.ts): messages arrive in order, so
 * its acknowledgement also covers every batch sent before it.
 */
export function flush(sync = false): number {
  if (timer !== null) {
    clearTimeout(timer);
    timer = null;
  }
  const n = queue.length;
  if (n > 0 || dropped > 0 || sync) {
    const batch = queue;
    queue = [];
    seq++;
    send(sync ? { type: "events", seq, events: batch, dropped, sync } : { type: "events", seq, events: batch, dropped });
  }
  return n;
}

/** The number of the last batch sent (0 before the first). */
export function sentSeq(): number {
  return seq;
}

export function sendStatus(payload: Record<string, unknown>): void {
  send({ type: "status", ...payload });
}

export function emitStats(): { emitted: number; dropped: number; queued: number } {
  return { emitted, dropped, queued: queue.length };
}
