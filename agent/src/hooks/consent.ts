// tcf_signal: IAB TCF v2.2 consent signals in SharedPreferences. The CMP writes IABTCF_* keys, vendors
// read them; both methods are hot, so the catalog's prefix filter rules out every other key here,
// before any event is built.

import { emit } from "../lib/emit.js";
import { jstr } from "../lib/java-util.js";
import { baseEvent } from "./common.js";
import { passesFilter } from "./api.js";
import { registerHandler } from "./install.js";

registerHandler("tcf_signal", {
  phase: "after",
  plain: true,
  handle(ctx) {
    if (!passesFilter(ctx.spec, ctx.args) || ctx.error !== null) return;
    const write = ctx.spec.method.startsWith("put");
    const ev = baseEvent("tcf_signal", ctx);
    ev.key = jstr(ctx.args[0]);
    const v = write ? ctx.args[1] : ctx.ret;
    ev.value = typeof v === "number" ? v : jstr(v);
    ev.op = write ? "write" : "read";
    ev.hook = ctx.spec.id;
    emit(ev);
  },
});
