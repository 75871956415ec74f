// The catalog entry as the host sends it (dynscan.hooks.model.HookSpec.agent_spec()).

export type HookKind =
  | "api_call" | "permission_request" | "permission_result" | "permission_check"
  | "component_start" | "activity_resumed" | "activity_paused" | "activity_stopped"
  | "tap" | "app_exit" | "crash" | "sensor_register" | "net_request"
  | "net_connect" | "tls_data" | "tcf_signal" | "download" | "wakeup" | "install_check"
  | "tls_engine" | "native_connect";

export type Learn =
  | "value" | "package_names" | "cursor" | "account_names" | "clip_text" | "scan_results" | "wifi_configs";

export interface Capture {
  value: boolean;
  args: boolean;
  stack: boolean;
  preview: "auto" | "mac" | "count" | "none";
}

export interface ClassifyTarget { category: string; data_type: string | null; }

export interface HookSpec {
  id: string;
  kind: HookKind;
  class: string;
  method: string;
  overloads: string[][] | null;
  category: string | null;
  data_type: string | null;
  capture: Capture;
  filter: { arg: number; equals: string[] | null; prefix: string[] | null; not_own_package: boolean } | null;
  classify: { arg: number; by: "uri_authority" | "string" | "prefix"; map: Record<string, ClassifyTarget> } | null;
  permission: string | null;
  via: string | null;
  permissions_arg: number | null;
  learn: Learn | null;
  guard: string | null;
  direction: "write" | "read" | null;
  stage: "scheduled" | "run" | null;
}

export interface AgentOptions {
  package: string;
  stackDepth: number;
  previewChars: number;
  flushMs: number;
  batchMax: number;
  queueMax: number;
  consentTaps: string[];
  /** the host posts "learned-stored" after writing a batch with learned values */
  learnedAck: boolean;
  /** the longest a hooked call waits for that acknowledgement */
  learnedWaitMs: number;
  /** on exit paths, wait at most this long for the host to acknowledge the last batch (0: no wait) */
  exitAckMs: number;
  /** watch libc for the app looking for Frida (hooks/probes.ts) */
  detectProbes: boolean;
  /** ART: Java.deoptimizeBootImage() once at init, so hooks on methods inlined in the boot image fire */
  deoptimizeBootImage: boolean;
}

export type AgentEvent = Record<string, unknown> & { kind: string; ts_ms: number };

/** What a hook sees of one call. */
export interface CallContext {
  spec: HookSpec;
  self: any;
  args: any[];
  ret: any;
  error: string | null;
  startMs: number;
  seq: number;
  /** the calling OS thread (Process.getCurrentThreadId) */
  tid: number;
  /** state a handler's prepare() kept for its handle() */
  pre?: unknown;
}
