"""One country: every indicator against its region, continent and the world; its path across editions."""

from __future__ import annotations

from html import escape

import pandas as pd

from ocindex.catalogue import COMPOSITES

from .style import (
    CONTINENT_MARK,
    COUNTRY_MARK,
    GRID,
    REGION_MARK,
    WORLD_MARK,
    base_layout,
    label_room,
    rows_on_narrow_screens,
)


def profile_dots(profile: pd.DataFrame, country: str) -> dict:
    """A dot plot: one row per indicator (catalogue order, top to bottom), score on a fixed 1-10 axis."""
    labels = profile["indicator_label"].tolist()
    continent, region = profile["continent"].iloc[0], profile["region"].iloc[0]
    series = [
        ("World mean", "mean_global", WORLD_MARK, 9),
        (f"{continent} mean", "mean_continent", CONTINENT_MARK, 9),
        (f"{region} mean", "mean_region", REGION_MARK, 10),
        (country, "score", COUNTRY_MARK, 13),
    ]
    traces = []
    for name, column, mark, size in series:
        traces.append(dict(
            type="scatter", mode="markers", name=escape(name), x=profile[column].round(2).tolist(), y=labels,
            customdata=profile["indicator"].tolist(),
            hovertemplate=f"{escape(name)}: %{{x:.2f}}<extra>%{{y}}</extra>",
            marker=dict(color=mark["color"], symbol=mark["symbol"], size=size,
                        line=dict(width=1, color="white")),
        ))
    layout = base_layout()
    layout.update(
        xaxis=dict(range=[0.5, 10.5], dtick=1, gridcolor=GRID, side="top"),
        # Every indicator keeps its label, however little room the chart is given.
        yaxis=dict(autorange="reversed", automargin=True, gridcolor=GRID, tickmode="linear", tick0=0, dtick=1),
        legend=dict(orientation="h", yref="container", yanchor="top", y=1, x=0),
        margin=dict(l=label_room(labels), r=10, t=70, b=10), height=26 * len(labels) + 100, hovermode="y unified",
        clickmode="event", meta=dict(description=_describe_profile(profile, country), category="Indicator"),
    )
    return rows_on_narrow_screens(dict(data=traces, layout=layout), labels)


def _describe_profile(profile: pd.DataFrame, country: str) -> str:
    first = profile.iloc[0]
    text = (f"Dot plot of {country}'s {len(profile)} scores, {first['edition']}, each beside the {first['region']}, "
            f"{first['continent']} and world means (1 to 10).")
    composites = profile[profile["indicator"].isin(COMPOSITES)]
    if not composites.empty:
        text += " " + "; ".join(f"{r['indicator_label']} {r['score']:.2f} ({first['region']} mean "
                                f"{r['mean_region']:.2f}, world mean {r['mean_global']:.2f})"
                                for r in composites.to_dict("records")) + "."
    indicators = profile[~profile["indicator"].isin(COMPOSITES)].sort_values("score", kind="stable")
    if not indicators.empty:
        high, low = indicators.iloc[-1], indicators.iloc[0]
        text += (f" Highest indicator: {high['indicator_label']} {high['score']:.2f}; lowest: "
                 f"{low['indicator_label']} {low['score']:.2f}.")
    return text


PATH_MARKS = {"criminality": COUNTRY_MARK, "resilience": REGION_MARK}
OTHER_MARKS = (CONTINENT_MARK, WORLD_MARK, dict(color="#CC79A7", symbol="star"), dict(color="#E69F00", symbol="x"))


def path_figure(path: pd.DataFrame, indicators: tuple[str, ...] = ("criminality", "resilience")) -> dict:
    """The given indicators across editions (those in `path`, a drilldown.country_path()), each point labelled
    with its score. Every edition of the path has its place on the axis, so an indicator an edition did not
    assess starts later rather than at zero."""
    editions = [str(e) for e in sorted(path["edition"].unique())]
    traces, others = [], iter(OTHER_MARKS * 2)
    for slug in dict.fromkeys(indicators):
        rows = path[path["indicator"] == slug]
        if rows.empty:
            continue
        mark = PATH_MARKS.get(slug) or next(others)
        traces.append(dict(
            type="scatter", mode="lines+markers+text", name=escape(rows["indicator_label"].iloc[0]),
            x=[str(e) for e in rows["edition"]], y=rows["score"].tolist(),
            text=[f"{s:.2f}" for s in rows["score"]], textposition="top center",
            marker=dict(color=mark["color"], symbol=mark["symbol"], size=10), line=dict(color=mark["color"]),
            hovertemplate="%{x}: %{y:.2f}<extra>%{fullData.name}</extra>",
        ))
    layout = base_layout()
    layout.update(yaxis=dict(range=[1, 10.5], dtick=1, gridcolor=GRID, title=dict(text="Score")),
                  xaxis=dict(type="category", categoryorder="array", categoryarray=editions,
                             title=dict(text="Edition")),
                  height=260 + 20 * max(0, len(traces) - 2),
                  margin=dict(l=50, r=10, t=40 + 20 * max(0, len(traces) - 2), b=40),
                  legend=dict(orientation="h", yref="container", yanchor="top", y=1, x=0),
                  meta=dict(description=_describe_path(path, indicators)))
    return dict(data=traces, layout=layout)


def _describe_path(path: pd.DataFrame, indicators: tuple[str, ...]) -> str:
    lines = []
    for slug in dict.fromkeys(indicators):
        rows = path[path["indicator"] == slug]
        if not rows.empty:
            lines.append(f"{rows['indicator_label'].iloc[0]}: " + ", ".join(
                f"{e} {s:.2f}" for e, s in zip(rows["edition"], rows["score"])))
    return f"Line chart of scores (1 to 10) in every edition. {'; '.join(lines)}."
