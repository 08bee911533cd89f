"""gunicorn settings for a shared server: `gunicorn app:server` (this file is read from the working directory).

Every value can be overridden from the environment (OCINDEX_*) or gunicorn's own command-line flags."""

import multiprocessing
import os
import subprocess
import sys

bind = f"{os.environ.get('OCINDEX_HOST', '127.0.0.1')}:{os.environ.get('OCINDEX_PORT', '8050')}"
# Callbacks are CPU-bound (pandas, Plotly): one process per core, a few threads each for I/O waits.
workers = int(os.environ.get("OCINDEX_WORKERS", multiprocessing.cpu_count()))
threads = int(os.environ.get("OCINDEX_THREADS", 4))
worker_class = "gthread"
timeout = int(os.environ.get("OCINDEX_TIMEOUT", 60))
graceful_timeout = 30
keepalive = 5
max_requests = 2000  # recycle workers now and then so memory cannot creep
max_requests_jitter = 200
accesslog = "-"
errorlog = "-"
loglevel = os.environ.get("OCINDEX_LOG_LEVEL", "info").lower()
access_log_format = '%(h)s "%(r)s" %(s)s %(b)s %(M)sms "%(a)s"'
# Each worker loads the data itself, so `kill -HUP <master>` re-reads the workbook in fresh workers; a workbook
# that fails validation then leaves them serving the last valid data (see ocindex/store.py).
preload_app = False
forwarded_allow_ips = os.environ.get("OCINDEX_TRUSTED_PROXIES", "127.0.0.1")


def on_starting(server):
    # Settings, access control and data checked once, before any worker starts: several workers refusing at once
    # made gunicorn print its own traceback. In a process of its own, so that the master imports none of the app
    # and the workers that `kill -HUP` starts load its code afresh.
    checked = subprocess.run([sys.executable, "-c", "import app; app.check_before_workers()"], check=False)
    if checked.returncode:
        sys.exit(checked.returncode)
