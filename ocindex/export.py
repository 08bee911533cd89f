"""The tidy table as CSV, shared by `ocindex export` and GET /api/scores.csv."""

from __future__ import annotations

from .index import TIDY_COLUMNS, IndexData


class UnknownEdition(ValueError):
    def __init__(self, edition: object, available: tuple[int, ...]):
        listed = ", ".join(str(e) for e in available)
        super().__init__(f"edition {edition!r} is not loaded; available editions: {listed}")


def parse_edition(value: object, data: IndexData) -> int:
    """An edition given as text or number, checked against the loaded editions."""
    try:
        edition = int(str(value).strip())
    except (TypeError, ValueError):
        raise UnknownEdition(value, data.editions) from None
    if edition not in data.editions:
        raise UnknownEdition(value, data.editions)
    return edition


def scores_csv(data: IndexData, edition: int | None = None) -> str:
    table = data.tidy if edition is None else data.edition_table(edition)
    return table[TIDY_COLUMNS].to_csv(index=False, float_format="%.2f", lineterminator="\n")
