"""Where the workbook and profiles live: --data-dir / OCINDEX_DATA_DIR, then data/ in the repo, then ../shared/data."""

from __future__ import annotations

from pathlib import Path

from .errors import WORKBOOK_NAME, WorkbookNotFound

REPO_ROOT = Path(__file__).resolve().parent.parent


def candidate_dirs(explicit: Path | None) -> list[Path]:
    if explicit is not None:
        # A directory the user named is the only place looked: falling back silently would hide a typo.
        return [Path(explicit).expanduser().resolve()]
    return [REPO_ROOT / "data", (REPO_ROOT.parent / "shared" / "data").resolve()]


def find_data_dir(explicit: Path | None = None) -> Path:
    """The first candidate directory that holds the workbook."""
    candidates = candidate_dirs(explicit)
    for directory in candidates:
        if (directory / WORKBOOK_NAME).is_file():
            return directory
    raise WorkbookNotFound([d / WORKBOOK_NAME for d in candidates])
