"""Cache of computed figures (flask-caching): in-process memory by default, Redis when OCINDEX_REDIS_URL is set,
so that every worker of a server shares one cache. Keys include the data's SHA-256, so a reload never serves
figures of the old data. The memory cache is bounded in bytes as well as in entries: every distinct URL can make
an entry, and a count alone does not bound memory (Redis is bounded by its own maxmemory)."""

from __future__ import annotations

from flask import Flask
from flask_caching import Cache
from flask_caching.backends import SimpleCache

from ocindex.settings import Settings

EXTENSION = "ocindex_cache"


class BytesBoundedCache(SimpleCache):
    """flask-caching's memory cache, which also drops the entries that expire first once its values, as stored,
    hold more than max_bytes (an entry larger than that on its own is not kept)."""

    def __init__(self, max_bytes: int, **kwargs):
        super().__init__(**kwargs)
        self.max_bytes = max_bytes

    @property
    def size(self) -> int:
        return sum(len(stored) for _, stored in self._cache.values())

    def _over_threshold(self) -> bool:
        return super()._over_threshold() or self.size > self.max_bytes

    def set(self, key, value, timeout=None) -> bool:
        with self._lock:
            super().set(key, value, timeout)
            self._prune()  # also after adding, so the bound holds at every moment
            return key in self._cache


def init(server: Flask, settings: Settings) -> Cache:
    config = {"CACHE_DEFAULT_TIMEOUT": 3600}
    if settings.redis_url:
        config.update(CACHE_TYPE="RedisCache", CACHE_REDIS_URL=settings.redis_url, CACHE_KEY_PREFIX="ocindex:")
    else:
        config.update(CACHE_TYPE=f"{__name__}.{BytesBoundedCache.__name__}", CACHE_THRESHOLD=2000,
                      CACHE_OPTIONS={"max_bytes": settings.cache_max_mb * 1024 * 1024})
    cache = Cache(server, config=config)
    server.extensions[EXTENSION] = cache
    return cache


def of(server: Flask) -> Cache:
    return server.extensions[EXTENSION]
