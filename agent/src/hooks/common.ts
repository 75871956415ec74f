// Fields every agent event carries, and the agent-wide options the handlers read.

import { threadName } from "../lib/java-util.js";
import { AgentEvent, AgentOptions, CallContext } from "../lib/types.js";

export const options: AgentOptions = {
  package: "", stackDepth: 16, previewChars: 256, flushMs: 50, batchMax: 2000, queueMax: 200000,
  consentTaps: [], learnedAck: false, learnedWaitMs: 2000, exitAckMs: 0, detectProbes: false,
  deoptimizeBootImage: false,
};

export function baseEvent(kind: string, ctx: CallContext | null): AgentEvent {
  return { kind, ts_ms: ctx !== null ? ctx.startMs : Date.now(), thread: threadName(ctx !== null ? ctx.tid : undefined) };
}

export function apiName(ctx: CallContext): string {
  return `${ctx.spec.class}.${ctx.spec.method}`;
}
