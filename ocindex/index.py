"""The loaded index: one tidy table of every score with official ranks and change, plus views on it."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from .catalogue import Catalogue, Indicator
from .loader import SheetScores, read_workbook
from .ranks import official_rank

TIDY_COLUMNS = [
    "edition", "iso3", "country", "continent", "region", "indicator", "indicator_label", "component",
    "score", "rank_global", "n_global", "rank_continent", "n_continent", "rank_region", "n_region", "change",
    "rank_change",
]


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


@dataclass(frozen=True, eq=False)
class IndexData:
    """Every edition of the index, validated. Immutable: a reload builds a new one."""

    tidy: pd.DataFrame
    catalogue: Catalogue
    source: Path
    sha256: str
    editions: tuple[int, ...] = field(init=False)

    def __post_init__(self):
        object.__setattr__(self, "editions", tuple(sorted(int(e) for e in self.tidy["edition"].unique())))

    @property
    def latest(self) -> int:
        return self.editions[-1]

    def previous_edition(self, edition: int) -> int | None:
        earlier = [e for e in self.editions if e < edition]
        return earlier[-1] if earlier else None

    def indicators(self, edition: int) -> list[Indicator]:
        """Catalogue entries with scores in this edition, in catalogue order."""
        return list(_indicators(self, edition))

    def assesses(self, edition: int, slug: str) -> bool:
        """Whether the edition scores this indicator or composite."""
        return any(i.slug == slug for i in _indicators(self, edition))

    def edition_table(self, edition: int) -> pd.DataFrame:
        """The tidy rows of one edition."""
        return _edition_rows(self, edition)

    def wide(self, edition: int) -> pd.DataFrame:
        """One row per country (index iso3): country, continent, region and a score column per indicator slug."""
        return _wide(self, edition)

    def countries(self) -> pd.DataFrame:
        """iso3, country of every country in any edition, by name (read-only)."""
        return _countries(self)


@lru_cache(maxsize=16)
def _indicators(data: IndexData, edition: int) -> tuple[Indicator, ...]:
    present = set(data.tidy.loc[data.tidy["edition"] == edition, "indicator"].unique())
    return tuple(i for i in data.catalogue if i.slug in present)


@lru_cache(maxsize=4)
def _countries(data: IndexData) -> pd.DataFrame:
    return data.tidy[["iso3", "country"]].drop_duplicates("iso3").sort_values("country").reset_index(drop=True)


@lru_cache(maxsize=64)
def _edition_rows(data: IndexData, edition: int) -> pd.DataFrame:
    rows = data.tidy[data.tidy["edition"] == edition]
    return rows.reset_index(drop=True)


@lru_cache(maxsize=16)
def _wide(data: IndexData, edition: int) -> pd.DataFrame:
    rows = _edition_rows(data, edition)
    scores = rows.pivot(index="iso3", columns="indicator", values="score")
    order = [i.slug for i in data.indicators(edition)]
    identity = rows.drop_duplicates("iso3").set_index("iso3")[["country", "continent", "region"]]
    return identity.join(scores[order]).sort_values("country")


def build_index(sheets: list[SheetScores], catalogue: Catalogue, source: Path, sha256: str) -> IndexData:
    # Indicators a sheet brought that the catalogue does not describe yet; the earliest edition's comes first.
    catalogue = catalogue.with_new([i for sheet in sheets for i in sheet.new_indicators])
    long_frames = []
    for sheet in sheets:
        slugs = [i.slug for i in catalogue if i.slug in sheet.table.columns]
        long = sheet.table.melt(
            id_vars=["iso3", "country", "continent", "region"], value_vars=slugs,
            var_name="indicator", value_name="score",
        )
        long.insert(0, "edition", sheet.edition)
        long_frames.append(long)
    tidy = pd.concat(long_frames, ignore_index=True)

    # One name per country across editions: the newest edition's spelling.
    newest_name = tidy.sort_values("edition").groupby("iso3")["country"].last()
    tidy["country"] = tidy["iso3"].map(newest_name)
    tidy["indicator_label"] = tidy["indicator"].map(lambda s: catalogue[s].label)
    tidy["component"] = tidy["indicator"].map(lambda s: catalogue[s].component)

    for level, keys in (("global", []), ("continent", ["continent"]), ("region", ["region"])):
        by = [tidy[k] for k in ("edition", "indicator", *keys)]
        tidy[f"rank_{level}"] = official_rank(tidy["score"], by)
        tidy[f"n_{level}"] = tidy.groupby(by)["score"].transform("count")

    tidy["change"] = _change_since_previous(tidy, "score").round(2)
    # Places gained in the global ranking (GI-TOC's "▲1"): the previous rank minus this one, ties included.
    tidy["rank_change"] = -_change_since_previous(tidy, "rank_global")
    tidy["rank_change"] = tidy["rank_change"].astype("Int64")
    order = {slug: n for n, slug in enumerate(i.slug for i in catalogue)}
    tidy = tidy.sort_values(
        ["edition", "country", "indicator"], key=lambda c: c.map(order) if c.name == "indicator" else c
    )
    tidy = tidy[TIDY_COLUMNS].reset_index(drop=True)
    return IndexData(tidy=tidy, catalogue=catalogue, source=source, sha256=sha256)


def _change_since_previous(tidy: pd.DataFrame, column: str) -> pd.Series:
    """The column minus the country's value in the previous edition that has the indicator; NaN where there is
    none. (Scores are published to two decimals, so their difference is too once binary noise is rounded off.)"""
    change = pd.Series(np.nan, index=tidy.index)
    ordered = tidy.sort_values("edition")
    previous = ordered.groupby(["iso3", "indicator"])[column].shift(1)
    change.loc[ordered.index] = ordered[column] - previous
    return change


def load_index(path: Path, catalogue: Catalogue | None = None) -> IndexData:
    """Read, validate and index a workbook; raises WorkbookInvalid with every problem, having loaded nothing."""
    catalogue = catalogue or Catalogue.load()
    path = Path(path)
    sheets = read_workbook(path, catalogue)
    return build_index(sheets, catalogue, path, file_sha256(path))
