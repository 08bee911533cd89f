"""Errors the domain layer raises, each saying what is wrong and where."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

OFFICIAL_DOWNLOADS = "https://ocindex.net/downloads"
WORKBOOK_NAME = "global_oc_index.xlsx"


class OCIndexError(Exception):
    """Base class: every message is meant to be shown to a user as it is."""


class WorkbookNotFound(OCIndexError):
    def __init__(self, searched: list[Path]):
        self.searched = searched
        places = "\n".join(f"  - {p}" for p in searched) or "  (no candidate directory)"
        super().__init__(
            f"The GI-TOC workbook '{WORKBOOK_NAME}' was not found. Looked in:\n{places}\n"
            f"Download the Global Organized Crime Index dataset (Excel) from the downloads page of ocindex.net "
            f"({OFFICIAL_DOWNLOADS}), save it as '{WORKBOOK_NAME}' in one of those directories, or point "
            f"--data-dir / OCINDEX_DATA_DIR at the directory that holds it."
        )


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a workbook, located as a spreadsheet user would find it."""

    sheet: str
    message: str
    row: int | None = None
    column: str | None = None
    cell: str | None = None
    value: object = None

    def __str__(self) -> str:
        where = [f"sheet '{self.sheet}'"]
        if self.cell:
            where.append(f"cell {self.cell}")
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.column:
            where.append(f"column '{self.column}'")
        shown = "" if self.value is None else f" (value: {self.value!r})"
        return f"{', '.join(where)}: {self.message}{shown}"


class WorkbookInvalid(OCIndexError):
    MAX_LISTED = 20

    def __init__(self, path: Path, problems: list[Problem]):
        self.path = path
        self.problems = problems
        listed = "\n".join(f"  - {p}" for p in problems[: self.MAX_LISTED])
        more = len(problems) - self.MAX_LISTED
        tail = f"\n  ... and {more} more" if more > 0 else ""
        super().__init__(
            f"The workbook {path} was refused; nothing from it was loaded. "
            f"{len(problems)} problem(s):\n{listed}{tail}"
        )
