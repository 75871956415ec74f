"""``celery -A dynscan.batch.worker_app worker``: the app, configured from the environment that
``dynscan worker`` sets (broker, visibility timeout, this process's device)."""

from dynscan.batch.celery_app import app_from_env

app = app_from_env()
