// The host acknowledges each stored batch that held `learned` values ({type: "learned-stored", seq}).
// A hooked call that read such a value waits for its batch's acknowledgement so the proxy knows the value
// before the upload that may follow. The wait is bounded: an acknowledgement that never comes (a batch the
// host could not store, an overflowing queue, a host that is gone) costs the app a pause, never a freeze.
// frida's recv().wait() has no timeout, so one standing listener records the highest acknowledged batch
// and the waiting thread polls it with Thread.sleep, which lets the JS thread run the listener meanwhile.
// After one wait runs out, later calls do not wait until an acknowledgement arrives again: a host that
// stopped answering costs one pause in all, not one per call (20 paused reads on a main thread are an ANR).

let acked = 0;
let listening = false;
let stalled = false;

function listen(): void {
  recv("learned-stored", (message: any) => {
    const seq = Number(message?.seq);
    if (Number.isFinite(seq) && seq > acked) acked = seq;
    stalled = false;
    listen();
  });
}

/** Start the standing listener (once, at init: rpc/control.ts). */
export function startAcks(): void {
  if (listening) return;
  listening = true;
  listen();
}

/**
 * Wait until batch `seq` is acknowledged, at most `maxMs`; whether it was. `once`: a single wait at the
 * process's end (hooks/lifecycle.ts), made even after an earlier wait ran out, and not marking the host
 * stalled.
 */
export function awaitStored(seq: number, maxMs = 2000, once = false): boolean {
  if (stalled && !once) return acked >= seq;
  const deadline = Date.now() + maxMs;
  while (acked < seq) {
    if (Date.now() >= deadline) {
      if (!once) stalled = true;
      return false;
    }
    Thread.sleep(0.001);
  }
  return true;
}
