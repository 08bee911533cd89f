"""Ranks the way GI-TOC publishes them: higher score first, ties share the best place (1, 2, 2, 4)."""

from __future__ import annotations

import pandas as pd


def official_rank(scores: pd.Series, by: list[pd.Series] | None = None) -> pd.Series:
    """Competition ranking on the published two-decimal score, highest first, within each group of `by`."""
    # Round first so binary noise (6.3500000000001) never splits a published tie.
    rounded = scores.round(2)
    ranked = rounded.groupby(by).rank(method="min", ascending=False) if by else rounded.rank(
        method="min", ascending=False)
    return ranked.astype("int64")


def ordinal(n: int) -> str:
    """26 -> '26th', 1 -> '1st', 12 -> '12th', 23 -> '23rd'."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def rank_phrase(rank: int, size: int, group: str = "") -> str:
    """'26th of 193' or '5th of 12 in South America'."""
    place = f" in {group}" if group else ""
    return f"{ordinal(int(rank))} of {int(size)}{place}"
