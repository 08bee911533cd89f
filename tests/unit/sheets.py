"""The workbook read straight from the file with openpyxl, independently of the code under test."""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

import openpyxl

COMPOSITE_COLUMN = {"criminality": re.compile(r"^Criminality( avg[.,])?$"),
                    "resilience": re.compile(r"^Resilience( avg[.,])?$")}


def read_sheets(workbook: Path) -> dict[int, list[dict]]:
    """{edition: one dict per country row} of every '<year>_dataset' sheet."""
    book = openpyxl.load_workbook(workbook, read_only=True, data_only=True)
    sheets = {}
    for name in book.sheetnames:
        found = re.fullmatch(r"(\d{4})_dataset", name)
        if found:
            rows = list(book[name].iter_rows(values_only=True))
            header = [str(h).strip() if h else "" for h in rows[0]]
            sheets[int(found[1])] = [dict(zip(header, r)) for r in rows[1:] if r[2]]
    return sheets


def composite(row: dict, name: str) -> float:
    return float(next(value for column, value in row.items() if COMPOSITE_COLUMN[name].match(column)))


def country(rows: list[dict], name: str) -> dict:
    return next(r for r in rows if r["Country"].strip() == name)


def group_means(rows: list[dict], level: str, name: str) -> dict[str, float]:
    scores = defaultdict(list)
    for row in rows:
        scores[row[level.capitalize()].strip()].append(composite(row, name))
    return {group: sum(values) / len(values) for group, values in scores.items()}


def competition_rank(value: float, values: list[float]) -> int:
    """GI-TOC's rule: one plus the number of strictly higher (two-decimal) scores."""
    return 1 + sum(1 for v in values if round(v, 2) > round(value, 2))
