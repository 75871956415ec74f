"""The rule engine: one rule per module, registered with ``@rule``; run them with ``engine.evaluate``."""
