"""Holds the data the app serves. New data replaces it only once it validates in full; the last data that
validated is also kept on disk, so a restart with a broken workbook still serves it (and says so)."""

from __future__ import annotations

import logging
import pickle
import threading
from pathlib import Path

from .catalogue import Catalogue
from .datadir import find_data_dir
from .errors import WORKBOOK_NAME, OCIndexError
from .index import IndexData, load_index
from .narratives.library import Narratives

log = logging.getLogger(__name__)
SNAPSHOT_NAME = "last-valid-index.pickle"


class DataStore:
    def __init__(self, data_dir: Path, catalogue: Catalogue | None = None, snapshot_dir: Path | None = None):
        self.data_dir = Path(data_dir)
        self.catalogue = catalogue or Catalogue.load()
        self.snapshot = Path(snapshot_dir) / SNAPSHOT_NAME if snapshot_dir else None
        self._lock = threading.Lock()
        self.last_error: str | None = None
        try:
            self._index = load_index(self.workbook_path, self.catalogue)
        except OCIndexError as exc:
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
            except (OCIndexError, OSError) as exc:
                self.last_error = str(exc)
                log.error("reload refused, previous data keeps serving: %s", exc)
                return False
            self._index, self._narratives = fresh, narratives
            self.last_error = None
            self._keep_snapshot()
            log.info("reloaded %s (sha256 %s)", self.workbook_path, fresh.sha256[:12])
            return True

    def _keep_snapshot(self) -> None:
        if self.snapshot is None:
            return
        try:
            self.snapshot.parent.mkdir(parents=True, exist_ok=True)
            temporary = self.snapshot.with_suffix(".tmp")
            temporary.write_bytes(pickle.dumps(self._index))
            temporary.replace(self.snapshot)  # atomic: a reader never sees half a file
        except OSError as exc:
            log.warning("could not keep a copy of the valid data in %s: %s", self.snapshot, exc)

    def _last_valid(self, error: OCIndexError) -> IndexData:
        """At start-up with a broken workbook: the last data that validated, if this server kept one."""
        if self.snapshot is None or not self.snapshot.is_file():
            raise error
        # Our own file, written by _keep_snapshot from validated data (not a user upload).
        index = pickle.loads(self.snapshot.read_bytes())
        self.last_error = str(error)
        log.error("the workbook is refused; serving the last valid data (sha256 %s): %s", index.sha256[:12], error)
        return index
