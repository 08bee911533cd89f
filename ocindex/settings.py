"""All configuration, read once from environment variables (documented in README.md)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


def _flag(value: str | None) -> bool:
    return (value or "").strip().lower() in {"1", "true", "yes", "on"}


@dataclass(frozen=True)
class Settings:
    data_dir: Path | None = None
    host: str = "127.0.0.1"
    port: int = 8050
    url_prefix: str = "/"
    log_level: str = "INFO"
    debug: bool = False

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None, **overrides) -> "Settings":
        env = os.environ if environ is None else environ
        prefix = env.get("OCINDEX_URL_PREFIX", "/").strip() or "/"
        prefix = "/" + prefix.strip("/") + "/" if prefix.strip("/") else "/"
        values = dict(
            data_dir=Path(env["OCINDEX_DATA_DIR"]) if env.get("OCINDEX_DATA_DIR") else None,
            host=env.get("OCINDEX_HOST", cls.host),
            port=int(env.get("OCINDEX_PORT", cls.port)),
            url_prefix=prefix,
            log_level=env.get("OCINDEX_LOG_LEVEL", cls.log_level).upper(),
            debug=_flag(env.get("OCINDEX_DEBUG")),
        )
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)
