"""Where background callbacks (the deck export) run: worker processes tracked in a disk cache on one server, or
Celery workers sharing Redis when OCINDEX_REDIS_URL is set (several servers).

On one server, jobs are bounded: a few at once and one per user (slots held as file locks, which the kernel
releases however a job ends), taken before a job's process is started, so a job refused costs no process; a job whose
page stopped asking for its progress ends itself; and a cancelled job is asked to stop (so its Chromium closes and is
waited for), then killed with everything it started, and reaped."""

from __future__ import annotations

import fcntl
import functools
import hashlib
import logging
import os
import secrets
import signal
import sys
import threading
import time
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Callable

import psutil
from dash import CeleryManager, DiskcacheManager
from flask import g, has_request_context, request

from ocindex.settings import Settings

log = logging.getLogger(__name__)
# A finished deck nobody collected (the tab was closed) is dropped after this long.
RESULT_LIFETIME_S = 3600
CANCEL_GRACE_S = 10  # for a cancelled job to close its Chromium before it is killed
REAP_EVERY_S = 2
# The handle Dash is given for a job refused before it started: there is no process to ask about or to stop.
REFUSED = "refused"
# In a job's own process (set by JobManager's job wrapper): who started it, and whether it runs in slots taken for it.
_job_user: str | None = None
_slots_inherited = False


class JobRefused(Exception):
    """A job that cannot start now; the message says why, for the user."""


def job_user() -> str | None:
    """Who started the job running in this process (None outside a JobManager job, e.g. under Celery)."""
    return _job_user


def bounded(refusal: Callable[[str], object]):
    """Marks a background callback's function as a job that runs only in slots (take_slots): JobManager takes them
    before it starts the job's process, which holds them for its whole life. A job refused starts no process: its
    callback answers `refusal(why)` at once. (A flood of requests would otherwise be a flood of forked workers.)"""
    def mark(fn):
        fn.ocindex_refusal = refusal
        return fn

    return mark


def take_slots(settings: Settings, user: str | None) -> list:
    """The user's own slot and one of the server's settings.deck_jobs slots, as open locked files: held until every
    copy of them is closed (a process forked meanwhile holds its own copies until it ends, however it ends).
    JobRefused, holding nothing, if either is taken."""
    folder = settings.cache_dir / "job-slots"
    folder.mkdir(parents=True, exist_ok=True)
    held = []
    try:
        if user is not None:
            held.append(_try_lock(folder / f"user-{hashlib.sha256(user.encode()).hexdigest()[:16]}.lock"))
            if held[-1] is None:
                raise JobRefused("You already have a deck being built: wait for it, or cancel it, first.")
        held.append(next(filter(None, (_try_lock(folder / f"slot-{n}.lock") for n in range(settings.deck_jobs))),
                         None))
        if held[-1] is None:
            raise JobRefused(f"The server is building {settings.deck_jobs} decks already: try again in a minute.")
    except JobRefused:
        _release(held)
        raise
    return held


def _release(held: list) -> None:
    for handle in filter(None, held):
        handle.close()


@contextmanager
def slot(settings: Settings, user: str | None):
    """Hold, for the `with` block, the user's own slot and one of the server's (take_slots)."""
    held = take_slots(settings, user)
    try:
        yield
    finally:
        _release(held)


@contextmanager
def job_slot(settings: Settings):
    """In a bounded job's process, for its work: the slots JobManager took for it, or, where the job was started
    otherwise (a Celery worker), one of this machine's, taken now (JobRefused if none is free)."""
    if _slots_inherited:
        yield
    else:
        with slot(settings, job_user()):
            yield


def _try_lock(path: Path):
    handle = open(path, "a")  # noqa: SIM115 - the open file is the lock, held until the caller closes it
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        handle.close()
        return None
    return handle


def _polled_key(key: str) -> str:
    return f"{key}-polled"


# Dash starts a job by forking the worker, whose other threads may be inside SQLite (the jobs' cache) at that
# instant: the job would inherit SQLite's lock held and hang at its first use of the cache, holding its user's and a
# server's slot (found so under gunicorn's threads). So every call to the cache, and every fork, takes one lock, and
# no connection stays open outside it: diskcache keeps one per thread, which SQLite closes when the thread ends,
# whenever that is (a job hung so once in CI). diskcache opens a forked process's own connection.
_CACHE_LOCK = threading.RLock()
os.register_at_fork(before=_CACHE_LOCK.acquire, after_in_parent=_CACHE_LOCK.release,
                    after_in_child=_CACHE_LOCK._at_fork_reinit)


class ForkSafeCache:
    """A diskcache.Cache whose every call (and transaction) holds _CACHE_LOCK, and closes the calling thread's
    connection when the thread's outermost call ends (about 0.5 ms to open one again)."""

    def __init__(self, cache):
        self._cache = cache
        self._depth = threading.local()  # the calling thread's calls in progress (a transaction holds others)
        with _CACHE_LOCK:
            cache.close()  # the connection the cache opened to set itself up

    @contextmanager
    def _held(self):
        with _CACHE_LOCK:
            depth = getattr(self._depth, "calls", 0)
            self._depth.calls = depth + 1
            try:
                yield
            finally:
                self._depth.calls = depth
                if depth == 0:
                    self._cache.close()

    def __getattr__(self, name):
        attribute = getattr(self._cache, name)
        if not callable(attribute):
            return attribute

        @functools.wraps(attribute)
        def locked(*args, **kwargs):
            with self._held():
                return attribute(*args, **kwargs)

        return locked

    @contextmanager
    def transact(self, retry: bool = False):
        with self._held(), self._cache.transact(retry):
            yield


class OwnKeys:
    """Dash keys a job by its function and arguments. Two pages asking for the same deck at once (two users, or one
    user's two tabs) shared one result, which the first page to poll took (stopping the job): the other was left
    with nothing, or with the refusal meant for it. Results are never reused here (no cache_by), so each job gets a
    key of its own."""

    def build_cache_key(self, fn, args, cache_args_to_ignore, triggered):
        return secrets.token_hex(32)


class CeleryJobManager(OwnKeys, CeleryManager):
    """Dash's Celery manager, each job with a key of its own."""


class JobManager(OwnKeys, DiskcacheManager):
    """Dash's disk-cache manager, with the job's user recorded, polls watched and cancelled jobs reaped."""

    def __init__(self, cache, settings: Settings):
        self.settings = settings
        self.poll_timeout = settings.deck_poll_timeout  # first: Dash wraps the job functions known so far at init
        super().__init__(cache, expire=RESULT_LIFETIME_S)  # which must be a diskcache.Cache
        self.handle = ForkSafeCache(cache)
        for details in self.functions:  # wrapped again, with the handle they keep
            self.register(*details)
        _start_reaper()

    def call_job_fn(self, key, job_fn, args, context):
        # Runs in the request that starts the job: the signed-in user (or the caller's address) owns it.
        user = (g.get("user") or request.remote_addr) if has_request_context() else None
        refusal = getattr(job_fn, "refusal", None)
        # From taking the slots to letting go of them here, no other thread forks: its job would inherit them and
        # hold them for its own life (every fork takes this lock).
        with _CACHE_LOCK:
            try:
                held = take_slots(self.settings, user) if refusal is not None else []
            except JobRefused as exc:
                self.handle.set(key, refusal(str(exc)), expire=RESULT_LIFETIME_S)  # the answer to the page's first poll
                return REFUSED
            context = {**context, "ocindex_user": user, "ocindex_slots": bool(held)}
            self.handle.set(_polled_key(key), time.time(), expire=RESULT_LIFETIME_S)
            try:
                return super().call_job_fn(key, job_fn, args, context)
            finally:
                _release(held)  # the job's process holds its own copies

    def get_result(self, key, job):
        # Every poll of a page that waits for its job asks for the result: proof that someone still waits.
        self.handle.set(_polled_key(key), time.time(), expire=RESULT_LIFETIME_S)
        return super().get_result(key, job)

    def make_job_fn(self, fn, progress, key=None):
        run = super().make_job_fn(fn, progress, key)
        handle, timeout = self.handle, self.poll_timeout

        def job_fn(result_key, progress_key, user_callback_args, context):
            global _job_user, _slots_inherited
            _job_user, _slots_inherited = context.get("ocindex_user"), context.get("ocindex_slots", False)
            # A cancel sends SIGTERM: leave through SystemExit, so that `with` blocks close Chromium and wait for it.
            signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))
            threading.Thread(target=_end_when_nobody_polls, args=(handle, result_key, timeout), daemon=True).start()
            run(result_key, progress_key, user_callback_args, context)

        job_fn.refusal = getattr(fn, "ocindex_refusal", None)
        return job_fn

    def job_running(self, job):
        return job != REFUSED and super().job_running(job)

    def terminate_job(self, job):
        if job is None:
            return
        try:
            process = psutil.Process(int(job))
            tree = [process, *process.children(recursive=True)]
        except (psutil.NoSuchProcess, ValueError):
            return
        with suppress(psutil.NoSuchProcess):
            process.terminate()
        _, alive = psutil.wait_procs([process], timeout=CANCEL_GRACE_S)
        for leftover in alive + tree[1:]:  # psutil checks each is still the process it was, not a reused pid
            with suppress(psutil.NoSuchProcess):
                leftover.kill()
        psutil.wait_procs(tree, timeout=5)  # reaps those that are children of this process


def _end_when_nobody_polls(handle, key: str, timeout: int) -> None:
    """In a job's process: end the job (as a cancel does) once its page has not polled for `timeout` seconds."""
    while True:
        time.sleep(max(1.0, timeout / 4))
        last = handle.get(_polled_key(key))
        if last is None or time.time() - last > timeout:
            log.warning("ending a background job nobody has asked about for %s s", timeout)
            os.kill(os.getpid(), signal.SIGTERM)
            return


@functools.cache  # one reaper per process, however many apps it creates
def _start_reaper() -> None:
    threading.Thread(target=_reap_ended_jobs, name="ocindex-job-reaper", daemon=True).start()


def _reap_ended_jobs() -> None:
    """Reap the jobs this process started once they end (cancelled from another worker, or finished)."""
    import multiprocess  # Dash starts jobs with it

    while True:
        multiprocess.active_children()
        time.sleep(REAP_EVERY_S)


def manager(settings: Settings) -> JobManager | CeleryJobManager:
    if settings.redis_url:
        from celery import Celery  # only installed with the 'celery' extra

        return CeleryJobManager(Celery("ocindex", broker=settings.redis_url, backend=settings.redis_url),
                                expire=RESULT_LIFETIME_S)
    import diskcache

    return JobManager(diskcache.Cache(str(settings.cache_dir / "jobs")), settings)
