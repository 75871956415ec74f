"""Capture: the processes that record a run (the proxy, the instrumented app) and their clean-up."""
