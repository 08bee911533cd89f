"""All configuration, read once from environment variables (documented in README.md)."""

from __future__ import annotations

import ipaddress
import os
from dataclasses import dataclass, field
from pathlib import Path

from .errors import OCIndexError

AUTH_MODES = ("off", "basic", "header")


class SettingsError(OCIndexError, ValueError):
    """A setting that cannot be used; the message names the variable."""


def _flag(value: str | None) -> bool:
    return (value or "").strip().lower() in {"1", "true", "yes", "on"}


def _networks(value: str) -> tuple:
    try:
        return tuple(ipaddress.ip_network(part.strip(), strict=False) for part in value.split(",") if part.strip())
    except ValueError as exc:
        raise SettingsError(f"OCINDEX_TRUSTED_PROXIES: {exc}") from None


def _count(env, name: str, default: int) -> int:
    """A positive whole number from the environment, or the default."""
    raw = env.get(name, "").strip()
    if not raw:
        return default
    if not raw.isdigit() or int(raw) < 1:
        raise SettingsError(f"{name}={raw!r}: expected a whole number above 0")
    return int(raw)


# Limits for a shared server (README lists them): variable -> Settings field.
LIMITS = {"OCINDEX_MAX_BODY_KB": "max_body_kb", "OCINDEX_MAX_PATH": "max_path", "OCINDEX_MAX_QUERY": "max_query",
          "OCINDEX_MAX_NESTING": "max_nesting", "OCINDEX_CACHE_MAX_MB": "cache_max_mb",
          "OCINDEX_DECK_JOBS": "deck_jobs", "OCINDEX_DECK_POLL_TIMEOUT": "deck_poll_timeout"}


@dataclass(frozen=True)
class Settings:
    data_dir: Path | None = None
    host: str = "127.0.0.1"
    port: int = 8050
    url_prefix: str = "/"
    log_level: str = "INFO"
    log_format: str = "text"  # or "json", one object per line
    debug: bool = False
    auth: str = "off"
    htpasswd: Path | None = None
    auth_header: str = "X-Forwarded-User"
    trusted_proxies: tuple = field(default=())
    proxy_secret: str | None = field(default=None, repr=False)  # sent by the proxy with the user header
    redis_url: str | None = None  # figure cache shared by all workers when set; per-process memory otherwise
    cache_dir: Path = Path.home() / ".cache" / "ocindex"  # the last data that validated, for a safe restart
    max_body_kb: int = 1024  # request body (callbacks); larger is a 413
    max_path: int = 1024  # characters of a URL path; longer is a 414
    max_query: int = 4096  # characters of a query string; longer is a 414
    max_nesting: int = 100  # levels of a callback body's JSON; deeper is a 400
    cache_max_mb: int = 256  # figure and page cache of each process (without Redis)
    deck_jobs: int = 2  # deck exports running at once on this server (and one per user)
    deck_poll_timeout: int = 30  # seconds without a poll from its page before a deck job is ended

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None, **overrides) -> "Settings":
        env = os.environ if environ is None else environ
        prefix = env.get("OCINDEX_URL_PREFIX", "/").strip() or "/"
        prefix = "/" + prefix.strip("/") + "/" if prefix.strip("/") else "/"
        auth = env.get("OCINDEX_AUTH", "off").strip().lower() or "off"
        if auth not in AUTH_MODES:
            raise SettingsError(f"OCINDEX_AUTH={auth!r}: expected one of {', '.join(AUTH_MODES)}")
        try:
            port = int(env.get("OCINDEX_PORT", cls.port))
        except ValueError:
            raise SettingsError(f"OCINDEX_PORT={env['OCINDEX_PORT']!r} is not a port number") from None
        values = dict(
            data_dir=Path(env["OCINDEX_DATA_DIR"]) if env.get("OCINDEX_DATA_DIR") else None,
            host=env.get("OCINDEX_HOST", cls.host),
            port=port,
            url_prefix=prefix,
            log_level=env.get("OCINDEX_LOG_LEVEL", cls.log_level).upper(),
            log_format=env.get("OCINDEX_LOG_FORMAT", cls.log_format).lower(),
            debug=_flag(env.get("OCINDEX_DEBUG")),
            auth=auth,
            htpasswd=Path(env["OCINDEX_HTPASSWD"]) if env.get("OCINDEX_HTPASSWD") else None,
            auth_header=env.get("OCINDEX_AUTH_HEADER", cls.auth_header),
            trusted_proxies=_networks(env.get("OCINDEX_TRUSTED_PROXIES", "")),
            proxy_secret=env.get("OCINDEX_PROXY_SECRET") or None,
            redis_url=env.get("OCINDEX_REDIS_URL") or None,
            cache_dir=Path(env["OCINDEX_CACHE_DIR"]) if env.get("OCINDEX_CACHE_DIR") else cls.cache_dir,
            **{name: _count(env, variable, getattr(cls, name)) for variable, name in LIMITS.items()},
        )
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)
