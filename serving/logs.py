"""Logging set-up: plain text for a terminal, or one JSON object per line for a log collector."""

from __future__ import annotations

import logging
import sys

from pythonjsonlogger.json import JsonFormatter


def configure(level: str = "INFO", fmt: str = "text") -> None:
    handler = logging.StreamHandler(sys.stderr)
    if fmt == "json":
        handler.setFormatter(JsonFormatter("%(asctime)s %(levelname)s %(name)s %(message)s",
                                           rename_fields={"asctime": "time", "levelname": "level"}))
    else:
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    # The chart renderer (deck export) logs every browser tab it opens at INFO: too chatty for a server log.
    for chatty in ("kaleido", "choreographer", "logistro"):
        logging.getLogger(chatty).setLevel(max(root.level, logging.WARNING))
