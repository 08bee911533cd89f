"""Composite scores recomputed from indicator scores, the way GI-TOC computes and publishes them.

Criminal markets, criminal actors and resilience are the (weighted) means of their indicators; criminality is the
mean of the first two, taken before rounding. Each is published rounded half up to two decimals. That rule
reproduces every composite of the 2021 and 2023 workbooks (a test checks it), so equal weights give GI-TOC's
composites exactly, and custom weights or indicator subsets are computed on the same footing.
"""

from __future__ import annotations

from typing import Mapping

import numpy as np
import pandas as pd

from .catalogue import COMPOSITE_OF_COMPONENT, COMPOSITES
from .index import IndexData

COMPONENT_COMPOSITES = tuple(COMPOSITE_OF_COMPONENT.values())  # criminal markets, criminal actors, resilience


def published(values):
    """Half up to two decimals. Means of scores published to one or two decimals sit within float noise of a
    half-cent (6.975 is stored as 6.97499…), so the product is first rounded to six places."""
    return np.floor(np.round(np.asarray(values, dtype=float) * 100, 6) + 0.5) / 100


def parts(data: IndexData, edition: int) -> dict[str, list[str]]:
    """The indicators of each component composite in an edition."""
    return {c: [i.slug for i in data.catalogue.parts_of(c, edition)] for c in COMPONENT_COMPOSITES}


def recompute(wide: pd.DataFrame, members: Mapping[str, list[str]],
              weights: Mapping[str, float] | None = None) -> pd.DataFrame:
    """Composites of every row of `wide` (countries by indicator) over the given members of each component,
    each indicator weighted (default 1). A component whose weights sum to zero has no score: that is an error."""
    weights = weights or {}
    means = {}
    for composite, slugs in members.items():
        w = np.array([weights.get(s, 1.0) for s in slugs], dtype=float)
        if not slugs or w.sum() <= 0:
            raise ValueError(f"{composite}: no indicator carries any weight, so it has no score")
        means[composite] = wide[slugs].to_numpy(dtype=float) @ w / w.sum()
    result = {c: published(m) for c, m in means.items()}
    result["criminality"] = published((means["criminal-markets"] + means["criminal-actors"]) / 2)
    return pd.DataFrame(result, index=wide.index)[list(COMPOSITES)]
