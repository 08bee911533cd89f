"""Holds the data the app serves; a reload swaps it in only if the new data validates in full."""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from .catalogue import Catalogue
from .datadir import find_data_dir
from .errors import WORKBOOK_NAME, OCIndexError
from .index import IndexData, load_index
from .narratives.library import Narratives

log = logging.getLogger(__name__)


class DataStore:
    def __init__(self, data_dir: Path, catalogue: Catalogue | None = None):
        self.data_dir = Path(data_dir)
        self.catalogue = catalogue or Catalogue.load()
        self._lock = threading.Lock()
        self.last_error: str | None = None
        self._index = load_index(self.workbook_path, self.catalogue)
        self._narratives = Narratives.load(self.data_dir, self._index)

    @classmethod
    def from_settings(cls, settings) -> "DataStore":
        return cls(find_data_dir(settings.data_dir))

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
        """Load the workbook again; on any error keep serving the previous data and record why."""
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
            log.info("reloaded %s (sha256 %s)", self.workbook_path, fresh.sha256[:12])
            return True
