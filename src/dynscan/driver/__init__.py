"""The scenario driver: puts an app through consent, permission and lifecycle situations."""
