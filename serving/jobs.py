"""Where background callbacks (the deck export) run: worker processes tracked in a disk cache on one server, or
Celery workers sharing Redis when OCINDEX_REDIS_URL is set (several servers)."""

from __future__ import annotations

from dash import CeleryManager, DiskcacheManager

from ocindex.settings import Settings

# A finished deck nobody collected (the tab was closed) is dropped after this long.
RESULT_LIFETIME_S = 3600


def manager(settings: Settings) -> DiskcacheManager | CeleryManager:
    if settings.redis_url:
        from celery import Celery  # only installed with the 'celery' extra

        return CeleryManager(Celery("ocindex", broker=settings.redis_url, backend=settings.redis_url),
                             expire=RESULT_LIFETIME_S)
    import diskcache

    return DiskcacheManager(diskcache.Cache(str(settings.cache_dir / "jobs")), expire=RESULT_LIFETIME_S)
