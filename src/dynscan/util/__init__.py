"""Small helpers with no place in one layer; they import nothing from dynscan (see docs/architecture.md)."""
