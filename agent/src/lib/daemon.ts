// On HotSpot, a thread attached with AttachCurrentThread is a non-daemon thread: DestroyJavaVM waits
// for it, so an app whose main() returns would never exit while the agent is loaded. This module is
// imported first and attaches the script's JS thread as a daemon before the Java bridge touches it.
// It deliberately does not import frida-java-bridge.

const JNI_VERSION_1_6 = 0x00010006;

function attachJsThreadAsDaemon(): boolean {
  const jvm = Process.findModuleByName("libjvm.so");
  if (jvm === null) return false;  // not HotSpot (ART attaches its own way)
  const getVms = jvm.findExportByName("JNI_GetCreatedJavaVMs");
  if (getVms === null) return false;
  const vmBuf = Memory.alloc(Process.pointerSize);
  const countBuf = Memory.alloc(4);
  const fn = new NativeFunction(getVms, "int32", ["pointer", "int32", "pointer"]);
  if (fn(vmBuf, 1, countBuf) !== 0 || countBuf.readS32() < 1) return false;
  const vm = vmBuf.readPointer();
  const vtable = vm.readPointer();
  const slot = (i: number) => vtable.add(i * Process.pointerSize).readPointer();
  const envBuf = Memory.alloc(Process.pointerSize);
  const getEnv = new NativeFunction(slot(6), "int32", ["pointer", "pointer", "int32"]);
  if (getEnv(vm, envBuf, JNI_VERSION_1_6) === 0) return false;  // already attached
  const attachAsDaemon = new NativeFunction(slot(7), "int32", ["pointer", "pointer", "pointer"]);
  return attachAsDaemon(vm, envBuf, NULL) === 0;
}

export const jsThreadDaemon = attachJsThreadAsDaemon();
