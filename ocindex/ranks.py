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


def rank_change_phrase(places: float | None, previous: int | None) -> str:
    """GI-TOC's way of reporting a move in the ranking: '▲1 since 2023', '▼3 since 2023', 'unchanged since
    2023'; '' where there is no previous edition or the indicator is new (no rank to compare with)."""
    if previous is None or pd.isna(places):  # no rank in the previous edition
        return ""
    places = int(places)
    if places == 0:
        return f"unchanged since {previous}"
    return f"{'▲' if places > 0 else '▼'}{abs(places)} since {previous}"
