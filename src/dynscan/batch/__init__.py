"""Scanning many apps: jobs, a device pool on one host, Celery workers across hosts, and the batch report.

Everything here runs the one scan function (:func:`dynscan.batch.execute.run_job`) that a single
``dynscan run`` runs, in a child process per job, so a dying device never takes the batch down.
"""
