"""Background jobs on one server: slots (a few at once, one per user), jobs nobody polls end themselves."""

from __future__ import annotations

import contextlib
import functools
import multiprocessing
import os
import signal
import threading
import time

import diskcache
import flask
import psutil
import pytest

from ocindex.settings import Settings
from serving import jobs


@pytest.fixture
def settings(tmp_path):
    return Settings(cache_dir=tmp_path, deck_jobs=2, deck_poll_timeout=2)


def test_one_job_per_user_and_a_few_per_server(settings):
    with jobs.slot(settings, "alice"):
        with pytest.raises(jobs.JobRefused, match="already have a deck"):
            with jobs.slot(settings, "alice"):
                pass
        with jobs.slot(settings, "bob"):
            with pytest.raises(jobs.JobRefused, match="building 2 decks already"):
                with jobs.slot(settings, "carol"):
                    pass
        with jobs.slot(settings, "carol"):  # bob's job ended: its slot is free again
            pass
    with jobs.slot(settings, "alice"), jobs.slot(settings, None):
        pass


def hold_slot(settings, ready):
    with jobs.slot(settings, "alice"):
        ready.set()
        signal.pause()


def test_a_killed_job_gives_its_slots_back(settings):
    ready = multiprocessing.Event()
    holder = multiprocessing.Process(target=hold_slot, args=(settings, ready))
    holder.start()
    assert ready.wait(30)
    with pytest.raises(jobs.JobRefused):
        with jobs.slot(settings, "alice"):
            pass
    os.kill(holder.pid, signal.SIGKILL)
    holder.join(30)
    with jobs.slot(settings, "alice"):
        pass


def test_a_bounded_job_holds_its_slot_for_its_life_and_one_refused_starts_no_process(settings, tmp_path):
    manager = jobs.JobManager(diskcache.Cache(str(tmp_path / "jobs")), settings)
    job_fn = manager.make_job_fn(bounded_work, progress=False)
    here = psutil.Process()
    running = [psutil.Process(manager.call_job_fn(f"deck-{n}", job_fn, [], {})) for n in range(settings.deck_jobs)]
    try:
        # This process let go of the slots it took for them: the jobs hold them.
        with pytest.raises(jobs.JobRefused, match="building 2 decks already"):
            with jobs.slot(settings, None):
                pass
        children = set(here.children())
        assert manager.call_job_fn("one-too-many", job_fn, [], {}) == jobs.REFUSED
        assert set(here.children()) == children  # refused without starting a process
        assert not manager.job_running(jobs.REFUSED)
        assert manager.get_result("one-too-many", jobs.REFUSED) == ("refused", "The server is building 2 decks "
                                                                      "already: try again in a minute.")
    finally:
        for job in running:
            manager.terminate_job(job.pid)
    with jobs.slot(settings, None):  # their processes ended: the slots are free
        pass


def test_two_pages_asking_for_the_same_job_at_once_each_get_its_result(settings, tmp_path):
    manager = jobs.JobManager(diskcache.Cache(str(tmp_path / "jobs")), settings)
    job_fn = manager.make_job_fn(use_cache_and_finish, progress=False)
    # As Dash keys and starts a job for each request: the same function, the same arguments.
    keys = [manager.build_cache_key(use_cache_and_finish, ["PER", "quadrant"], [], None) for _ in range(2)]
    # Several servers (Celery) key them alike.
    celery = jobs.manager(Settings(cache_dir=tmp_path, redis_url="redis://127.0.0.1:1/0"))
    assert len({celery.build_cache_key(use_cache_and_finish, ["PER", "quadrant"], [], None) for _ in range(2)}) == 2
    started = [psutil.Process(manager.call_job_fn(key, job_fn, [], {})) for key in keys]
    psutil.wait_procs(started, timeout=30)
    assert [manager.get_result(key, job.pid) for key, job in zip(keys, started)] == ["done", "done"]


def test_a_job_started_beside_another_holds_only_its_own_slots(settings, tmp_path):
    """Two users' jobs started at once by two threads of one worker: the job forked by one thread while the other
    held the slots it had just taken inherited them, and kept the other user refused after their job had ended."""
    manager = jobs.JobManager(diskcache.Cache(str(tmp_path / "jobs")), settings)
    quick, lasting = slots_only(lambda: None), slots_only(work_forever)
    server = flask.Flask(__name__)

    def start(user, job_fn, started):
        with server.test_request_context():
            flask.g.user = user
            started[user] = manager.call_job_fn(f"{user}-deck", job_fn, [], {})

    for _ in range(20):
        started = {}
        threads = [threading.Thread(target=start, args=("alice", quick, started)),
                   threading.Thread(target=start, args=("bob", lasting, started))]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        with contextlib.suppress(psutil.NoSuchProcess):  # alice's job has ended (and may have been reaped already)
            psutil.Process(started["alice"]).wait(30)
        try:
            with jobs.slot(settings, "alice"):
                pass
        finally:
            manager.terminate_job(started["bob"])


def use_cache_and_finish():
    return "done"  # Dash's wrapper writes it to the cache: the job's first use of it


def work_forever():
    while True:
        time.sleep(0.1)


# The same work as a job that runs only in slots (a deck's): refused, it answers ("refused", why).
bounded_work = jobs.bounded(lambda why: ("refused", why))(functools.partial(work_forever))


def slots_only(work):
    """A job as JobManager starts one that runs only in slots, doing `work` and nothing else (no result written):
    what its slots do, alone."""
    def job_fn(result_key, progress_key, args, context):
        work()

    job_fn.refusal = lambda why: ("refused", why)
    return job_fn


def test_a_job_whose_page_stopped_polling_ends_itself_and_a_polled_one_runs_on(settings, tmp_path):
    manager = jobs.JobManager(diskcache.Cache(str(tmp_path / "jobs")), settings)
    job_fn = manager.make_job_fn(work_forever, progress=False)
    forgotten = psutil.Process(manager.call_job_fn("forgotten", job_fn, [], {}))
    watched = psutil.Process(manager.call_job_fn("watched", job_fn, [], {}))
    deadline = time.monotonic() + 30
    while forgotten.is_running() and forgotten.status() != psutil.STATUS_ZOMBIE and time.monotonic() < deadline:
        manager.get_result("watched", watched.pid)  # the page of this job keeps asking
        time.sleep(0.5)
    assert time.monotonic() < deadline, "the job nobody polled kept running"
    forgotten.wait(5)
    assert watched.is_running() and watched.status() != psutil.STATUS_ZOMBIE
    manager.terminate_job(watched.pid)
    assert not psutil.pid_exists(watched.pid)


def test_a_job_forked_while_another_thread_uses_the_cache_can_use_it(settings, tmp_path):
    """Dash forks the worker to start a job; another thread inside a call to the jobs' cache (SQLite) at that instant
    left the job hung at its first use of the cache. Jobs forked while a thread hammers the cache all finish."""
    manager = jobs.JobManager(diskcache.Cache(str(tmp_path / "jobs")), settings)
    stop = threading.Event()

    def hammer():
        while not stop.is_set():
            manager.handle.set("busy", os.urandom(64))
            manager.handle.get("busy")

    worker = threading.Thread(target=hammer, daemon=True)
    worker.start()
    job_fn = manager.make_job_fn(use_cache_and_finish, progress=False)
    try:
        started = [psutil.Process(manager.call_job_fn(f"job-{n}", job_fn, [], {})) for n in range(40)]
        finished, hung = psutil.wait_procs(started, timeout=60)
    finally:
        stop.set()
        worker.join(5)
    for process in hung:
        process.kill()
    assert not hung, f"{len(hung)} of {len(started)} jobs hung"
    assert all(manager.handle.get(f"job-{n}") is not None for n in range(40))  # each wrote its result


def test_no_thread_keeps_the_jobs_database_open_between_its_calls(settings, tmp_path):
    """A thread's connection to the jobs' cache was closed whenever SQLite closed it (at the thread's end, outside
    every lock), and a job forked at that instant inherited SQLite's lock held: none stays open after a call."""
    folder = tmp_path / "jobs"
    manager = jobs.JobManager(diskcache.Cache(str(folder)), settings)

    def database_files() -> list[str]:
        return [f.path for f in psutil.Process().open_files() if f.path.startswith(str(folder))]

    seen = []

    def use():
        manager.handle.set("key", 1)
        with manager.handle.transact():
            manager.handle.get("key")
            seen.append(bool(database_files()))  # open during the transaction
        seen.append(database_files())  # the thread still runs: nothing of it left open

    thread = threading.Thread(target=use)
    thread.start()
    thread.join(10)
    assert seen == [True, []] and database_files() == []
    assert manager.handle.get("key") == 1
