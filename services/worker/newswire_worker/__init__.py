"""Newswire's workers: the Celery app with its thin tasks, and the scheduler."""
