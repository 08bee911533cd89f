"""Where editions are not like for like, in words a view can show: indicators an edition did not assess, and
regions that GI-TOC renamed, merged, split or whose membership changed between editions.

The regions are read from the data, never listed here: 2023 grouped the Caribbean and Central America as one
region ('Caribbean & Central') that 2021 and 2025 keep apart, and 2025 moved Kiribati from Melanesia to
Micronesia. A regional rank or mean of one edition then does not compare with another's.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .catalogue import Indicator
from .index import IndexData


@dataclass(frozen=True)
class RegionChange:
    before: int
    after: int
    kind: str  # "renamed", "merged", "split", "moved"
    regions_before: tuple[str, ...]
    regions_after: tuple[str, ...]
    countries: tuple[str, ...]  # ISO3 codes of the countries concerned
    names: tuple[str, ...]  # their names, same order

    @property
    def text(self) -> str:
        old, new = _listed(self.regions_before), _listed(self.regions_after)
        if self.kind == "renamed":
            return f"Region {old} of {self.before} is named {new} in {self.after}."
        if self.kind == "merged":
            return (f"{self.after} groups {old} of {self.before} as one region, {new} "
                    f"({len(self.countries)} countries).")
        if self.kind == "split":
            return f"{self.after} splits {old} of {self.before} into {new}."
        return f"{_listed(self.names, quote=False)} moved from {old} in {self.before} to {new} in {self.after}."

    def concerns(self, iso3: str | None = None, region: str | None = None) -> bool:
        return (iso3 is None or iso3 in self.countries) and (
            region is None or region in self.regions_before or region in self.regions_after)


def _listed(names: tuple[str, ...], quote: bool = True) -> str:
    shown = [f"'{n}'" if quote else n for n in names]
    return shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + " and " + shown[-1]


def region_changes(data: IndexData, before: int, after: int) -> tuple[RegionChange, ...]:
    """How the regions of `after` differ from those of `before` (countries in both editions)."""
    return _region_changes(data, before, after)


@lru_cache(maxsize=16)
def _region_changes(data: IndexData, before: int, after: int) -> tuple[RegionChange, ...]:
    old = data.wide(before)[["country", "region"]]
    both = old.join(data.wide(after)[["region"]].rename(columns={"region": "region_after"}), how="inner")
    old_names, new_names = set(both["region"]), set(both["region_after"])
    targets = both.groupby("region")["region_after"].agg(lambda r: tuple(sorted(set(r))))
    sources = both.groupby("region_after")["region"].agg(lambda r: tuple(sorted(set(r))))
    changes, explained = [], set()
    # A region name only one edition uses: renamed, merged from others or split from one.
    for region_after, regions_before in sources.items():
        gone = all(r not in new_names and targets[r] == (region_after,) for r in regions_before)
        if region_after not in old_names and gone:
            kind = "renamed" if len(regions_before) == 1 else "merged"
            changes.append(_change(both, before, after, kind, regions_before, (region_after,)))
            explained.update(regions_before)
    for region, regions_after in targets.items():
        if region not in new_names and region not in explained and all(
                r not in old_names and sources[r] == (region,) for r in regions_after):
            changes.append(_change(both, before, after, "split", (region,), regions_after))
            explained.add(region)
    # Every other difference is a country that changed region.
    rest = both[(both["region"] != both["region_after"]) & ~both["region"].isin(explained)]
    for (source, target), moved in rest.groupby(["region", "region_after"]):
        changes.append(RegionChange(before, after, "moved", (source,), (target,), tuple(moved.index),
                                    tuple(moved["country"])))
    return tuple(sorted(changes, key=lambda c: (c.regions_before, c.regions_after)))


def _change(both, before, after, kind, regions_before, regions_after) -> RegionChange:
    members = both[both["region"].isin(regions_before)]
    return RegionChange(before, after, kind, regions_before, regions_after, tuple(members.index),
                        tuple(members["country"]))


def region_notes(data: IndexData, iso3: str | None = None, region: str | None = None,
                 editions: tuple[int, ...] | None = None) -> list[str]:
    """Region changes between consecutive editions (of `editions`, default all), only those concerning the
    country or region when given."""
    editions = editions or data.editions
    return [change.text for before, after in zip(editions, editions[1:])
            for change in region_changes(data, before, after) if change.concerns(iso3, region)]


def absent_indicators(data: IndexData, edition: int) -> list[Indicator]:
    """Indicators of the index (any edition) that this edition did not assess."""
    present = {i.slug for i in data.indicators(edition)}
    return [i for i in data.catalogue if i.slug not in present and any(
        i.slug in {j.slug for j in data.indicators(e)} for e in data.editions)]


def absent_note(data: IndexData, edition: int) -> str | None:
    absent = absent_indicators(data, edition)
    if not absent:
        return None
    return (f"Not assessed in {edition}: {', '.join(i.label for i in absent)}. They are left out here, "
            f"not counted as zero.")
