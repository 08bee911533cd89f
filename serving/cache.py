"""Cache of computed figures (flask-caching): in-process memory by default, Redis when OCINDEX_REDIS_URL is set,
so that every worker of a server shares one cache. Keys include the data's SHA-256, so a reload never serves
figures of the old data."""

from __future__ import annotations

from flask import Flask
from flask_caching import Cache

from ocindex.settings import Settings

EXTENSION = "ocindex_cache"


def init(server: Flask, settings: Settings) -> Cache:
    config = {"CACHE_DEFAULT_TIMEOUT": 3600}
    if settings.redis_url:
        config.update(CACHE_TYPE="RedisCache", CACHE_REDIS_URL=settings.redis_url, CACHE_KEY_PREFIX="ocindex:")
    else:
        config.update(CACHE_TYPE="SimpleCache", CACHE_THRESHOLD=2000)
    cache = Cache(server, config=config)
    server.extensions[EXTENSION] = cache
    return cache


def of(server: Flask) -> Cache:
    return server.extensions[EXTENSION]
