"""device/sim."""
