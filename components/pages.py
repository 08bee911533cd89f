"""Every page of the app, in the order of the navigation bar (pages with no `nav` anywhere). Adding a page means
its module and one entry here: the router, the navigation bar, the <title>, the URL sync and the CSV downloads
follow from the registry (`components/registry.py`)."""

from __future__ import annotations

from . import (
    brief,
    briefing,
    change,
    compare,
    country,
    deck,
    indicator,
    pillar,
    quadrant,
    regions,
    search,
    similar,
    weights,
)
from .registry import Page

PAGES: list[Page] = [
    quadrant.PAGE, compare.PAGE, deck.PAGE,
    regions.PAGE, change.PAGE, similar.PAGE, weights.PAGE, search.PAGE,  # the Insights menu
    pillar.PAGE, indicator.PAGE,
    country.PAGE, brief.PAGE, briefing.PAGE,
]
