"""The dynscan command line."""
