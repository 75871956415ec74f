// The only caller of send(): events are queued and sent in batches ({type: "events"}).

import { AgentEvent, AgentOptions } from "./types.js";

let queue: AgentEvent[] = [];
let dropped = 0;
let emitted = 0;
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

/** Send everything queued now (also used before the process exits). */
export function flush(): number {
  if (timer !== null) {
    clearTimeout(timer);
    timer = null;
  }
  const n = queue.length;
  if (n > 0 || dropped > 0) {
    const batch = queue;
    queue = [];
    send({ type: "events", events: batch, dropped });
  }
  return n;
}

let syncSeq = 0;

/**
 * Flush and wait, at most ``timeoutMs``, until the host says it has stored the batch (it posts
 * ``stored:<n>`` for a batch carrying ``sync: n``). For exit paths no later hook sees (SIGKILL from
 * ``Process.killProcess``): without the wait, a batch still inside the process when it dies is lost.
 * The calling thread sleeps in ``Thread.sleep``, which releases the JS lock, so the message loop
 * can run the ``recv`` callback meanwhile. Returns whether the host acknowledged.
 */
export function flushSync(timeoutMs: number): boolean {
  if (timeoutMs <= 0) {
    flush();
    return false;
  }
  if (timer !== null) {
    clearTimeout(timer);
    timer = null;
  }
  const n = ++syncSeq;
  let acked = false;
  recv(`stored:${n}`, () => { acked = true; });
  const batch = queue;
  queue = [];
  send({ type: "events", events: batch, dropped, sync: n });
  const deadline = Date.now() + timeoutMs;
  while (!acked && Date.now() < deadline) Thread.sleep(0.002);
  return acked;
}

export function sendStatus(payload: Record<string, unknown>): void {
  send({ type: "status", ...payload });
}

export function emitStats(): { emitted: number; dropped: number; queued: number } {
  return { emitted, dropped, queued: queue.length };
}
