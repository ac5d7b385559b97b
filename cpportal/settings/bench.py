"""Production settings for the load benchmarks and fault drills on this machine.

Everything of production (DEBUG off, manifest static files, persistent connections with
health checks, Redis cache, secure cookies) except the HTTPS redirect and HSTS: wrk
and the drills talk plain HTTP on loopback.
"""

import os

os.environ.setdefault("SECRET_KEY", "bench-only-not-a-secret-" + "x" * 40)
os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1,localhost")

from .production import *  # noqa: E402, F403

SECURE_SSL_REDIRECT = False
SECURE_HSTS_SECONDS = 0
SECURE_HSTS_PRELOAD = False
SECURE_HSTS_INCLUDE_SUBDOMAINS = False
# Quiet: wrk's tens of thousands of requests would drown the log.
LOGGING["root"]["level"] = "WARNING"  # noqa: F405

INSTALLED_APPS = [*INSTALLED_APPS, "bench"]  # noqa: F405
ROOT_URLCONF = "bench.urls"
