"""The session store: one SQLite database per session directory."""

from dynscan.store.session import SessionStore, open_store

__all__ = ["SessionStore", "open_store"]
