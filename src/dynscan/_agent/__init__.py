"""The compiled Frida agent (``agent.js``): built by the package build (setup.py, ``agent/build_agent.py``)."""
