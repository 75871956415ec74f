from dynscan.events.model import InstrumentationProbe
from factories import Timeline

R = "INSTRUMENTATION_PROBE"


def _probe(t: Timeline, probe: str, target: str, module: str | None = "libmsaoaidsec.so") -> Timeline:
    t.add(InstrumentationProbe, probe=probe, target=target, via="openat", module=module, source="agent")
    return t


def test_fires_once_per_probe_kind_naming_what_was_looked_for(run):
    t = _probe(_probe(Timeline(), "frida_file", "/data/local/tmp/frida-server"), "frida_port", ":27042")
    found = run(_probe(t, "frida_port", ":27043", module=None), R)
    assert sorted((f.data_type, f.count, f.severity.value) for f in found) == [
        ("frida_file", 1, "info"), ("frida_port", 2, "info")]
    port = next(f for f in found if f.data_type == "frida_port")
    assert ":27042 from libmsaoaidsec.so" in port.message and "Frida" in port.message and "插桩" in port.message_zh


def test_quiet_for_maps_and_thread_name_reads_alone(run):
    t = _probe(_probe(Timeline(), "proc_maps", "/proc/self/maps"), "thread_names", "/proc/self/task")
    assert run(t, R) == []
