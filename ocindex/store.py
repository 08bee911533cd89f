"""Holds the data the app serves. New data replaces it only once it validates in full; the last data that
validated is also kept on disk, so a restart with a broken workbook still serves it (and says so).

The copy on disk is the tidy table as JSON with its SHA-256 beside it: data, never code (a pickle would run
whatever whoever can write to the cache directory put there), and checked before it is used."""

from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
import threading
from pathlib import Path

import pandas as pd

from .catalogue import Catalogue, uncatalogued
from .datadir import find_data_dir
from .errors import WORKBOOK_NAME, OCIndexError
from .index import TIDY_COLUMNS, IndexData, load_index
from .narratives.library import Narratives

log = logging.getLogger(__name__)
SNAPSHOT_NAME = "last-valid-index.json"
SNAPSHOT_FORMAT = "ocindex-tidy/1"
SNAPSHOT_DTYPES = {"edition": "int64", "score": "float64", "change": "float64", "rank_change": "Int64",
                   **{f"{kind}_{level}": "int64" for kind in ("rank", "n") for level in ("global", "continent", "region")}}


class DataUnavailable(OCIndexError):
    """Neither the workbook nor a kept copy of the last valid data can be served."""


def one_line(exc: BaseException) -> str:
    """An error as one line for the log and /healthz; unexpected errors are named by their type."""
    text = " ".join(str(exc).split())
    return text if isinstance(exc, OCIndexError) else f"{type(exc).__name__}: {text}"


class DataStore:
    def __init__(self, data_dir: Path, catalogue: Catalogue | None = None, snapshot_dir: Path | None = None):
        self.data_dir = Path(data_dir)
        self.catalogue = catalogue or Catalogue.load()
        self.snapshot = Path(snapshot_dir) / SNAPSHOT_NAME if snapshot_dir else None
        self._lock = threading.Lock()
        self.last_error: str | None = None
        try:
            self._index = load_index(self.workbook_path, self.catalogue)
        except Exception as exc:  # noqa: BLE001 - a damaged file can raise anything; every kind is reported
            self._index = self._last_valid(exc)
        else:
            self._keep_snapshot()
        self._narratives = Narratives.load(self.data_dir, self._index)

    @classmethod
    def from_settings(cls, settings) -> "DataStore":
        return cls(find_data_dir(settings.data_dir), snapshot_dir=settings.cache_dir)

    @property
    def workbook_path(self) -> Path:
        return self.data_dir / WORKBOOK_NAME

    @property
    def index(self) -> IndexData:
        return self._index

    @property
    def narratives(self) -> Narratives:
        return self._narratives

    def reload(self) -> bool:
        """Load the workbook and profiles again; on any error keep serving the previous data and record why."""
        with self._lock:
            try:
                fresh = load_index(self.workbook_path, self.catalogue)
                narratives = Narratives.load(self.data_dir, fresh)  # a bad document is reported, not fatal
            except Exception as exc:  # noqa: BLE001 - a damaged file can raise anything; every kind is reported
                self.last_error = one_line(exc)
                log.error("reload refused, previous data keeps serving: %s", self.last_error)
                return False
            self._index, self._narratives = fresh, narratives
            self.last_error = None
            self._keep_snapshot()
            log.info("reloaded %s (sha256 %s)", self.workbook_path, fresh.sha256[:12])
            return True

    def _keep_snapshot(self) -> None:
        if self.snapshot is None:
            return
        tidy = self._index.tidy[TIDY_COLUMNS]
        document = {"format": SNAPSHOT_FORMAT, "source": str(self._index.source), "sha256": self._index.sha256,
                    "columns": TIDY_COLUMNS, "rows": tidy.astype(object).where(tidy.notna(), None).values.tolist()}
        content = json.dumps(document, allow_nan=False).encode()
        try:
            self.snapshot.parent.mkdir(parents=True, exist_ok=True)
            # Data first, then its checksum; each replaced atomically, from a file of this process alone.
            for path, data in ((self.snapshot, content), (checksum_path(self.snapshot),
                                                          hashlib.sha256(content).hexdigest().encode())):
                handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
                with os.fdopen(handle, "wb") as out:
                    out.write(data)
                os.replace(temporary, path)
        except OSError as exc:
            log.warning("could not keep a copy of the valid data in %s: %s", self.snapshot, exc)

    def _last_valid(self, error: Exception) -> IndexData:
        """At start-up with a broken workbook: the last data that validated, if this server kept a sound copy."""
        self.last_error = one_line(error)
        if self.snapshot is None or not self.snapshot.is_file():
            raise DataUnavailable(f"{self.last_error} (and no copy of earlier valid data is kept)") from None
        try:
            index = read_snapshot(self.snapshot, self.catalogue)
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise DataUnavailable(f"{self.last_error} (and the kept copy of earlier valid data cannot be used: "
                                  f"{one_line(exc)})") from None
        log.error("the workbook is refused; serving the last valid data (sha256 %s): %s", index.sha256[:12],
                  self.last_error)
        return index


def checksum_path(snapshot: Path) -> Path:
    return snapshot.with_name(snapshot.name + ".sha256")


def read_snapshot(path: Path, catalogue: Catalogue) -> IndexData:
    """The data kept by _keep_snapshot, once its checksum and its shape are right; ValueError otherwise."""
    content = path.read_bytes()
    if hashlib.sha256(content).hexdigest() != checksum_path(path).read_text().strip():
        raise ValueError(f"{path} does not match its SHA-256 checksum")
    document = json.loads(content)
    if document.get("format") != SNAPSHOT_FORMAT or document.get("columns") != TIDY_COLUMNS:
        raise ValueError(f"{path} is not a copy of the index this version writes")
    tidy = pd.DataFrame(document["rows"], columns=TIDY_COLUMNS).astype(SNAPSHOT_DTYPES)
    # Indicators the workbook brought that the catalogue does not describe yet, as the loader made them.
    new = tidy[~tidy["indicator"].isin({i.slug for i in catalogue})].sort_values("edition").drop_duplicates("indicator")
    catalogue = catalogue.with_new([uncatalogued(r.indicator_label, r.component, r.edition) for r in new.itertuples()])
    unknown = set(tidy["indicator"]) - {i.slug for i in catalogue}
    if unknown:
        raise ValueError(f"{path} holds indicators missing from the catalogue: {', '.join(sorted(unknown))}")
    return IndexData(tidy=tidy, catalogue=catalogue, source=Path(document["source"]), sha256=str(document["sha256"]))
