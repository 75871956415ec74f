// Taps: View.performClick with the view's text, so a tester's taps become timeline evidence; in
// interactive runs a tap on one of the host's consent texts also records consent.

import Java from "frida-java-bridge";
import { emit } from "../lib/emit.js";
import { jstr } from "../lib/java-util.js";
import { baseEvent, options } from "./common.js";
import { registerHandler } from "./install.js";

let textView: any = undefined;

function viewText(view: any): string | null {
  if (textView === undefined) {
    try { textView = Java.use("android.widget.TextView"); } catch (e) { textView = null; }
  }
  try {
    if (textView !== null && textView.class.isInstance(view)) {
      return jstr(Java.cast(view, textView).getText());
    }
  } catch (e) { /* fall back to the description */ }
  try { return jstr(view.getContentDescription()); } catch (e) { return null; }
}

registerHandler("tap", {
  phase: "before",
  guard: () => "tap",
  handle(ctx) {
    const text = viewText(ctx.self);
    const ev = baseEvent("user_action", ctx);
    ev.action = "tap";
    if (text !== null) ev.target = text;
    ev.detail = { view: String(ctx.self.getClass().getName()) };
    emit(ev);
    const norm = (text ?? "").trim().toLowerCase();
    if (norm !== "" && options.consentTaps.some(t => t.toLowerCase() === norm)) {
      const c = baseEvent("consent", ctx);
      c.action = "policy_accepted";
      c.via = "tap";
      c.target = text;
      emit(c);
    }
  },
});
