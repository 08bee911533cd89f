"""A workbook whose first edition does not assess one country of the index, as a new state or a merger would make:
the country's row taken out of that edition's sheet."""

from __future__ import annotations

import re
from pathlib import Path

import openpyxl


def write_without_country(source: Path, target: Path, country: str = "Peru") -> int:
    """Save `source` less the country's row (by name) in its first edition's sheet at `target`; returns that
    edition."""
    book = openpyxl.load_workbook(source)
    first = min((s for s in book.sheetnames if re.fullmatch(r"\d{4}_dataset", s)), key=lambda s: int(s[:4]))
    sheet = book[first]
    column = [c.value for c in sheet[1]].index("Country") + 1
    sheet.delete_rows(next(r for r in range(2, sheet.max_row + 1) if sheet.cell(row=r, column=column).value == country))
    book.save(target)
    return int(first[:4])
