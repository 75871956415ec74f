// api_call: data access, with the catalog's argument filter and URI classification.

import { awaitStored } from "../lib/ack.js";
import { emit, flush, sentSeq } from "../lib/emit.js";
import { javaStack, jstr, preview } from "../lib/java-util.js";
import { CallContext, ClassifyTarget, HookSpec } from "../lib/types.js";
import { apiName, baseEvent, options } from "./common.js";
import { registerHandler } from "./install.js";
import { learnValues } from "./learn.js";

const AUTHORITY = /^content:\/\/([^/?#]+)/;

function classify(spec: HookSpec, args: any[]): ClassifyTarget | null {
  if (spec.classify === null) return { category: spec.category!, data_type: spec.data_type };
  const raw = jstr(args[spec.classify.arg]);
  if (raw === null) return null;
  let key = raw;
  if (spec.classify.by === "prefix") {
    let best: string | null = null;
    for (const k of Object.keys(spec.classify.map)) {
      if (raw.startsWith(k) && (best === null || k.length > best.length)) best = k;
    }
    if (best === null) return null;
    key = best;
  } else if (spec.classify.by === "uri_authority") {
    const m = AUTHORITY.exec(raw);
    if (m === null) return null;
    key = m[1];
  }
  return spec.classify.map[key] ?? null;
}

/** The catalog's argument filter (hot methods: a string test, no event, for calls it rules out). */
export function passesFilter(spec: HookSpec, args: any[]): boolean {
  const f = spec.filter;
  if (f === null) return true;
  const v = jstr(args[f.arg]);
  if (v === null) return false;
  if (f.equals !== null && !f.equals.includes(v)) return false;
  if (f.prefix !== null && !f.prefix.some(p => v.startsWith(p))) return false;
  if (f.not_own_package && v === options.package) return false;
  return true;
}

/** Build the api_call event of one call, or null when the filter or classification rules it out. */
export function apiEvent(ctx: CallContext, dataType?: string | null): Record<string, unknown> | null {
  const spec = ctx.spec;
  if (!passesFilter(spec, ctx.args)) return null;
  const target = classify(spec, ctx.args);
  if (target === null) return null;
  const api = apiName(ctx);
  const ev = baseEvent("api_call", ctx);
  ev.api = api;
  ev.category = target.category;
  ev.seq = ctx.seq;
  ev.hook = spec.id;
  const dt = dataType !== undefined && dataType !== null ? dataType : target.data_type;
  if (dt !== null) ev.data_type = dt;
  if (spec.capture.value && ctx.error === null) ev.value = preview(ctx.ret, spec.capture.preview);
  if (spec.capture.args) ev.args = ctx.args.slice(0, 8).map(a => preview(a));
  if (spec.learn !== null && ctx.error === null) {
    try {
      const learned = learnValues(spec.learn, ctx.ret);
      if (learned.length > 0) ev.learned = learned;
    } catch (e) {
      // not the shape this extractor knows (another framework, an obfuscated SDK): the call is still reported
    }
  }
  if (spec.capture.stack) ev.stack = javaStack(api);
  if (ctx.error !== null) ev.error = ctx.error;
  return ev;
}

registerHandler("api_call", {
  phase: "after",
  plain: true,
  // A privacy API the framework calls inside another (getNetworkOperator -> getSimOperator,
  // getText -> getPrimaryClip) is the app's one call: reported once, as the outer API.
  guard: () => "api_call",
  handle(ctx) {
    const ev = apiEvent(ctx);
    if (ev === null) return;
    emit(ev as any);
    // values the app just read are canaries the proxy must know before the upload that may follow:
    // the call returns once the host has stored them (it acknowledges the batch: lib/ack.ts),
    // or after options.learnedWaitMs
    if (ev.learned !== undefined) {
      flush();
      if (options.learnedAck) awaitStored(sentSeq(), options.learnedWaitMs);
    }
  },
});
