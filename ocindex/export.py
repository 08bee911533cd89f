"""The tidy table as CSV, shared by `ocindex export` and GET /api/scores.csv."""

from __future__ import annotations

import pandas as pd
from pandas.api.types import is_numeric_dtype

from .index import TIDY_COLUMNS, IndexData
from .parse import whole_number

# A text cell starting with one of these runs as a formula in a spreadsheet (OWASP, "CSV Injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class UnknownEdition(ValueError):
    def __init__(self, edition: object, available: tuple[int, ...], problem: str = "is not loaded"):
        listed = ", ".join(str(e) for e in available)
        self.edition = edition  # not repeated in the message: it comes from a request, and errors never echo input
        super().__init__(f"the edition asked for {problem}; available editions: {listed}")


def parse_edition(value: object, data: IndexData) -> int:
    """An edition given as text or number, checked against the loaded editions."""
    edition = whole_number(str(value))  # as the pages read it: '２０２１' or '+2021' is no edition
    if edition not in data.editions:
        raise UnknownEdition(value, data.editions)
    return edition


def neutralised(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy whose text cells cannot run as spreadsheet formulas: OWASP's rule, a single quote before any text
    that starts like a formula. Numeric columns are left alone, so -0.22 stays a number."""
    table = frame.copy()
    for column in table.columns:
        if not is_numeric_dtype(table[column]):
            table[column] = table[column].map(
                lambda v: "'" + v if isinstance(v, str) and v.startswith(FORMULA_STARTS) else v)
    return table


def to_csv(frame: pd.DataFrame) -> str:
    """Every CSV the app and the CLI write: scores to two decimals, formula-like text neutralised."""
    return neutralised(frame).to_csv(index=False, float_format="%.2f", lineterminator="\n")


def scores_csv(data: IndexData, edition: int | None = None) -> str:
    table = data.tidy if edition is None else data.edition_table(edition)
    return to_csv(table[TIDY_COLUMNS])
