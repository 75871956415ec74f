"""The compiled Frida agent (``agent.js``): built by ``python -m dynscan.instrument.build_agent``."""
