"""The Celery application of ``dynscan worker`` and ``dynscan batch --broker``.

Reliability settings, as the issue asks: late acks (a job is acknowledged only after its scan ended),
``reject_on_worker_lost`` (a pool process that dies puts its job back), prefetch 1 (a worker holds one
job at a time), and a Redis visibility timeout derived from the scenario (a job held by a worker that
vanished is handed out again after it). Nothing but the small job description travels through Redis.
"""

from __future__ import annotations

import os
import socket

from celery import Celery
from kombu.entity import Queue

SHARED_QUEUE = "dynscan"
TASK_NAME = "dynscan.scan_job"


def device_queue(device: str, host: str | None = None) -> str:
    """The queue that reaches one device on one host (to send a job to that device only)."""
    return f"dynscan.{host or socket.gethostname()}.{device}"


def make_app(broker: str, visibility_timeout: int) -> Celery:
    app = Celery("dynscan", broker=broker, set_as_current=False)
    app.conf.update(
        task_acks_late=True,
        task_reject_on_worker_lost=True,
        task_acks_on_failure_or_timeout=True,
        worker_prefetch_multiplier=1,
        worker_concurrency=1,
        task_default_queue=SHARED_QUEUE,
        task_queues=[Queue(SHARED_QUEUE)],  # type: ignore[no-untyped-call]
        task_serializer="json",
        accept_content=["json"],
        result_backend=None,
        task_ignore_result=True,
        broker_connection_retry_on_startup=True,
        broker_transport_options={
            "visibility_timeout": visibility_timeout,
            # sweep for unacknowledged jobs of vanished workers ~10 times per timeout, not every 100 s
            "unacked_restore_interval": max(1, visibility_timeout // 10),
            "unacked_restore_throttle": 1,
        },
        worker_hijack_root_logger=False,
        worker_send_task_events=False,
    )
    from dynscan.batch.task import register

    register(app)
    return app


def app_from_env() -> Celery:
    """The app a ``celery worker`` process started by ``dynscan worker`` loads (``-A dynscan.batch.worker_app``)."""
    return make_app(os.environ["DYNSCAN_BROKER"], int(os.environ.get("DYNSCAN_VISIBILITY_TIMEOUT", "3600")))
