"""Two to five countries side by side: every indicator, ranks and change."""

from __future__ import annotations

import pandas as pd

from .index import IndexData

MIN_COUNTRIES, MAX_COUNTRIES = 2, 5


def comparison(data: IndexData, edition: int, iso3s: list[str], pillar: str | None = None) -> pd.DataFrame:
    """Tidy rows of the edition for the given countries, in catalogue order, countries in the order given; with
    `pillar` (a component's composite, such as 'criminal-markets') only that composite and its indicators."""
    rows = data.edition_table(edition)
    rows = rows[rows["iso3"].isin(iso3s)]
    if pillar is not None:
        component = data.catalogue[pillar].component
        rows = rows[rows["indicator"].map(lambda slug: data.catalogue[slug].component == component)]
    order = {slug: n for n, slug in enumerate(i.slug for i in data.catalogue)}
    position = {iso3: n for n, iso3 in enumerate(iso3s)}
    return rows.sort_values(["indicator", "iso3"], key=lambda c: c.map(order if c.name == "indicator" else position)
                            ).reset_index(drop=True)
