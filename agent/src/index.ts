// dynscan agent: hooks from the host's catalog, events to the host in batches.

import "./lib/daemon.js";  // first: before the Java bridge attaches this thread
import "./hooks/api.js";
import "./hooks/permissions.js";
import "./hooks/components.js";
import "./hooks/downloads.js";
import "./hooks/lifecycle.js";
import "./hooks/ui.js";
import "./hooks/sensors.js";
import "./hooks/network.js";
import "./hooks/consent.js";
import "./hooks/sockets.js";
import "./hooks/tls.js";
import "./hooks/engine.js";
import "./hooks/native_sockets.js";
import "./hooks/wakeups.js";
import { control } from "./rpc/control.js";
import { sensors } from "./rpc/sensors.js";

rpc.exports = { ...control, ...sensors };
