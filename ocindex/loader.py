"""Reading and validating the GI-TOC workbook: every `<year>_dataset` sheet, all or nothing."""

from __future__ import annotations

import math
import re
import zipfile
from dataclasses import dataclass
from numbers import Real
from pathlib import Path

import openpyxl
import pandas as pd
from openpyxl.utils import get_column_letter

from .catalogue import COMPOSITE_OF_COMPONENT, Catalogue, Indicator, column_slug, uncatalogued
from .countries import normalise_name, to_iso3
from .errors import Problem, WorkbookInvalid

DATASET_SHEET = re.compile(r"^(\d{4})_dataset$")
# A zip of a few hundred KB can unpack to gigabytes, which every worker would read: refused before.
MAX_UNPACKED_BYTES = 100 * 2**20
# The years an edition may bear: the index began in 2021; a typo such as '0000_dataset' is not an edition.
FIRST_EDITION, LAST_EDITION = 2021, 2100
ID_COLUMNS = ("Continent", "Region", "Country")
SCORE_RANGE = (1.0, 10.0)
# The official file's composites agree with the mean of their parts to within half a hundredth (rounding).
COMPOSITE_TOLERANCE = 0.005 + 1e-9


@dataclass(frozen=True)
class SheetScores:
    """One edition as read: a row per country, identity columns plus one column per indicator slug."""

    edition: int
    sheet: str
    table: pd.DataFrame  # columns: row, iso3, country, continent, region, <slugs...>
    new_indicators: tuple[Indicator, ...] = ()  # columns the catalogue does not describe yet


def read_workbook(path: Path, catalogue: Catalogue) -> list[SheetScores]:
    """Read every dataset sheet; raise WorkbookInvalid listing every problem found, or return all editions."""
    unpacked = _unpacked_size(path)
    if unpacked > MAX_UNPACKED_BYTES:
        raise WorkbookInvalid(path, [Problem(sheet="-", message=(
            f"unpacks to {unpacked / 2**20:.1f} MB, more than the {MAX_UNPACKED_BYTES / 2**20:.1f} MB a workbook of the "
            "index may hold (that of 2021-2025 unpacks to 1 MB): it is not read"))])
    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many unrelated types for a damaged file
        raise WorkbookInvalid(path, [Problem(sheet="-", message=f"cannot be opened as an Excel workbook: {exc}")])
    try:
        problems: list[Problem] = []
        editions: list[SheetScores] = []
        sheet_of: dict[int, str] = {}  # edition: the sheet read for it
        for worksheet in workbook.worksheets:
            match = DATASET_SHEET.match(worksheet.title.strip())
            if not match:
                continue
            edition = int(match.group(1))
            if not FIRST_EDITION <= edition <= LAST_EDITION:
                problems.append(Problem(sheet=worksheet.title, message=f"edition {edition} is not a year from "
                                        f"{FIRST_EDITION} to {LAST_EDITION}"))
                continue
            if edition in sheet_of:  # titles are read trimmed: '2025_dataset' and '2025_dataset ' are one edition
                problems.append(Problem(sheet=worksheet.title, message=f"a second sheet for the {edition} edition "
                                        f"(the first: '{sheet_of[edition]}')"))
                continue
            sheet_of[edition] = worksheet.title
            try:
                rows = list(worksheet.iter_rows(values_only=True))
            except Exception as exc:  # damaged sheet XML inside a sound zip: openpyxl and lxml raise many types
                raise WorkbookInvalid(path, [Problem(sheet=worksheet.title, message="the sheet cannot be read "
                                                     f"({type(exc).__name__}: {' '.join(str(exc).split())})")]) from None
            sheet = _read_sheet(worksheet.title, edition, rows, catalogue, problems)
            if sheet is not None:
                editions.append(sheet)
    finally:
        workbook.close()
    if not editions and not problems:
        problems.append(Problem(sheet="-", message="no sheet named '<year>_dataset' (such as '2023_dataset')"))
    if problems:
        raise WorkbookInvalid(path, problems)
    return sorted(editions, key=lambda s: s.edition)


def _unpacked_size(path: Path) -> int:
    """What the workbook's parts unpack to, as its zip directory declares (reading stops there); 0 for a file that
    is no zip archive, which openpyxl then refuses with its reason."""
    try:
        with zipfile.ZipFile(path) as archive:
            return sum(part.file_size for part in archive.infolist())
    except (zipfile.BadZipFile, OSError):
        return 0


def _read_sheet(
    sheet: str, edition: int, rows: list[tuple], catalogue: Catalogue, problems: list[Problem]
) -> SheetScores | None:
    if not rows:
        problems.append(Problem(sheet=sheet, message="the sheet is empty"))
        return None
    header = [str(h).strip() if h is not None else "" for h in rows[0]]
    found_before = len(problems)

    id_positions = {}
    for name in ID_COLUMNS:
        if name in header:
            id_positions[name] = header.index(name)
        else:
            problems.append(Problem(sheet=sheet, row=1, message=f"required column '{name}' is missing"))

    score_positions, new_indicators = _score_columns(sheet, edition, header, catalogue, problems)
    catalogue = catalogue.with_new(new_indicators)
    for indicator in catalogue.in_edition(edition):
        if indicator.slug not in score_positions:
            problems.append(Problem(sheet=sheet, row=1, column=indicator.label,
                                    message=f"required column for '{indicator.label}' ({edition} edition) is missing"))
    if len(problems) > found_before:
        return None

    records = []
    seen_iso3: dict[str, int] = {}
    for offset, values in enumerate(rows[1:]):
        row_number = offset + 2
        if all(v is None or (isinstance(v, str) and not v.strip()) for v in values):
            continue  # a blank row is layout, not data
        values = list(values) + [None] * (len(header) - len(values))
        record = {"row": row_number}
        for name, position in id_positions.items():
            text = values[position]
            text = " ".join(str(text).split()) if text is not None else ""
            if not text:
                problems.append(Problem(sheet=sheet, row=row_number, column=name,
                                        cell=f"{get_column_letter(position + 1)}{row_number}", message="is empty"))
            record[name.lower()] = text
        country_cell = f"{get_column_letter(id_positions['Country'] + 1)}{row_number}"
        iso3 = to_iso3(record["country"]) if record["country"] else None
        if record["country"] and iso3 is None:
            problems.append(Problem(sheet=sheet, row=row_number, column="Country", cell=country_cell,
                                    value=record["country"], message="unrecognised country (no ISO 3166 match)"))
        elif iso3 in seen_iso3:
            problems.append(Problem(sheet=sheet, row=row_number, column="Country", cell=country_cell,
                                    value=record["country"],
                                    message=f"duplicated country: {iso3} is already on row {seen_iso3[iso3]}"))
        elif iso3:
            seen_iso3[iso3] = row_number
        record["iso3"] = iso3
        record["country"] = normalise_name(record["country"])
        for slug, position in score_positions.items():
            record[slug] = _score(values[position], sheet, row_number, header[position], position, problems)
        records.append(record)

    if len(problems) > found_before:
        return None
    table = pd.DataFrame.from_records(records)
    _check_composites(sheet, edition, table, header, score_positions, catalogue, problems)
    if len(problems) > found_before:
        return None
    return SheetScores(edition=edition, sheet=sheet, table=table, new_indicators=tuple(new_indicators))


def _score_columns(sheet: str, edition: int, header: list[str], catalogue: Catalogue,
                   problems: list[Problem]) -> tuple[dict[str, int], list[Indicator]]:
    """Where each indicator's column is, and the indicators the catalogue does not know yet.

    An unknown column belongs to the component whose composite stands nearest on its left (the sheets list
    each composite, then its parts), so an edition that adds a market loads with the market in place. A column
    with no component composite on its left fits nowhere and is refused."""
    score_positions: dict[str, int] = {}
    new: list[Indicator] = []
    component = None  # the component whose columns we are in, from the last composite seen
    components = {composite: name for name, composite in COMPOSITE_OF_COMPONENT.items()}
    for position, name in enumerate(header):
        if not name or name in ID_COLUMNS:
            continue
        slug = column_slug(name)
        cell = f"{get_column_letter(position + 1)}1"
        if slug in score_positions:
            problems.append(Problem(sheet=sheet, row=1, column=name, cell=cell,
                                    message=f"a second column for indicator '{slug}'"))
            continue
        if slug in catalogue:
            if catalogue[slug].is_composite:
                component = components.get(slug)
            score_positions[slug] = position
        elif component is None or not slug:
            problems.append(Problem(
                sheet=sheet, row=1, column=name, cell=cell,
                message="unrecognised indicator column that fits no component: a new indicator must stand among "
                        "the columns of its component (after 'Criminal markets', 'Criminal actors' or 'Resilience')"))
        else:
            indicator = uncatalogued(name, component, edition)
            new.append(indicator)
            score_positions[indicator.slug] = position
    return score_positions, new


def _score(value, sheet: str, row: int, column: str, position: int, problems: list[Problem]) -> float:
    cell = f"{get_column_letter(position + 1)}{row}"
    if isinstance(value, bool) or not isinstance(value, Real) or math.isnan(value):
        message = "score is missing" if value is None else "score is not a number"
        problems.append(Problem(sheet=sheet, row=row, column=column, cell=cell, value=value, message=message))
        return math.nan
    low, high = SCORE_RANGE
    if not low <= value <= high:
        problems.append(Problem(sheet=sheet, row=row, column=column, cell=cell, value=value,
                                message=f"score is outside {low:g}-{high:g}"))
    return float(value)


def _check_composites(sheet, edition, table, header, score_positions, catalogue, problems) -> None:
    """Each composite must equal the mean of its parts, to the published rounding."""
    expected = {
        composite: table[[i.slug for i in catalogue.parts_of(composite, edition)]].mean(axis=1)
        for composite in COMPOSITE_OF_COMPONENT.values()
    }
    expected["criminality"] = (table["criminal-markets"] + table["criminal-actors"]) / 2
    for composite, means in expected.items():
        position = score_positions[composite]
        off = (table[composite] - means).abs() > COMPOSITE_TOLERANCE
        for index in table.index[off]:
            row = int(table.at[index, "row"])
            problems.append(Problem(
                sheet=sheet, row=row, column=header[position], cell=f"{get_column_letter(position + 1)}{row}",
                value=float(table.at[index, composite]),  # as the sheet shows it, not numpy's np.float64(9.99)
                message=f"composite disagrees with the mean of its parts ({means[index]:.3f}) "
                        f"for {table.at[index, 'country']}",
            ))
