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
        )
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)
