"""A workbook with one more edition than the shared one, adding a criminal market the catalogue does not know.

The new sheet copies the latest edition's, inserts the market's column among the markets and recomputes the
composites GI-TOC's way (means of the parts, half up to two decimals), so it validates like a real release."""

from __future__ import annotations

import math
import re
from pathlib import Path

import openpyxl

NEW_MARKET = "Trafficking in cultural property"
NEW_SLUG = "trafficking-in-cultural-property"


def half_up(value: float) -> float:
    return math.floor(round(value * 100, 6) + 0.5) / 100


def latest_sheet(book) -> str:
    return max((s for s in book.sheetnames if re.fullmatch(r"\d{4}_dataset", s)), key=lambda s: int(s[:4]))


def write_fourth_edition(source: Path, target: Path, *, column_after: str = "Financial crimes") -> int:
    """Save `source` plus a sheet for a new edition (two years after the latest) at `target`; returns the
    edition. The new market's column goes right after `column_after`."""
    book = openpyxl.load_workbook(source)
    latest = latest_sheet(book)
    edition = int(latest[:4]) + 2
    sheet = book.copy_worksheet(book[latest])
    sheet.title = f"{edition}_dataset"
    header = [c.value for c in sheet[1]]
    where = header.index(column_after) + 2  # 1-based, right after it
    sheet.insert_cols(where)
    sheet.cell(row=1, column=where, value=NEW_MARKET)
    header = [c.value for c in sheet[1]]
    position = {name: n + 1 for n, name in enumerate(header)}
    markets_at, actors_at = position["Criminal markets avg."], position["Criminal actors avg."]
    cocaine, heroin = position["Cocaine trade"], position["Heroin trade"]
    for row in range(2, sheet.max_row + 1):
        if sheet.cell(row=row, column=3).value is None:
            continue
        # Some plausible score on the 1-10 scale, to one decimal as GI-TOC publishes indicators.
        value = round((sheet.cell(row=row, column=cocaine).value + sheet.cell(row=row, column=heroin).value) / 2, 1)
        sheet.cell(row=row, column=where, value=value)
        markets = [sheet.cell(row=row, column=c).value for c in range(markets_at + 1, actors_at)]
        actors_end = position["Resilience avg."]
        actors = [sheet.cell(row=row, column=c).value for c in range(actors_at + 1, actors_end)]
        market_mean, actor_mean = sum(markets) / len(markets), sum(actors) / len(actors)
        sheet.cell(row=row, column=markets_at, value=half_up(market_mean))
        sheet.cell(row=row, column=position["Criminality avg."], value=half_up((market_mean + actor_mean) / 2))
    book.save(target)
    return edition
