"""Countries side by side: every indicator as a dot plot, one colour and shape per country."""

from __future__ import annotations

from html import escape

import pandas as pd

from .style import GRID, base_layout, label_room, rows_on_narrow_screens

# Okabe-Ito colours with distinct shapes: still told apart in grey or with colour-vision deficiencies.
SERIES = [("#0072B2", "circle"), ("#D55E00", "diamond"), ("#009E73", "square"), ("#CC79A7", "triangle-up"),
          ("#E69F00", "x")]


def compare_dots(rows: pd.DataFrame, countries: list[str]) -> dict:
    """rows: compare.comparison(); countries: ISO3 codes in display order."""
    labels = list(dict.fromkeys(rows["indicator_label"]))
    traces = []
    for n, iso3 in enumerate(countries):
        mine = rows[rows["iso3"] == iso3]
        colour, symbol = SERIES[n % len(SERIES)]
        name = escape(mine["country"].iloc[0])
        traces.append(dict(
            # Grouped by country within each indicator's row (layout.scattermode), so equal scores stay apart.
            type="scatter", mode="markers", name=name, x=mine["score"].tolist(), y=mine["indicator_label"].tolist(),
            orientation="h", offsetgroup=iso3,
            customdata=[f"{r} of {s}" for r, s in zip(mine["rank_global"], mine["n_global"])],
            hovertemplate=f"{name}: %{{x:.2f}} (rank %{{customdata}})<extra>%{{y}}</extra>",
            marker=dict(color=colour, symbol=symbol, size=11, line=dict(width=1, color="white")),
        ))
    layout = base_layout()
    layout.update(xaxis=dict(range=[0.5, 10.5], dtick=1, gridcolor=GRID, side="top"),
                  yaxis=dict(autorange="reversed", automargin=True, gridcolor=GRID, categoryorder="array",
                             categoryarray=labels),
                  # From the figure's left edge, so long names wrap before they reach the tool bar's column.
                  legend=dict(orientation="h", xref="container", yref="container", y=1, yanchor="top", x=0),
                  margin=dict(l=label_room(labels), r=10, t=70, b=10), height=26 * len(labels) + 100, hovermode="y unified",
                  scattermode="group", scattergap=0.25,
                  meta=dict(description=_describe(rows, countries, labels), category="Indicator"))
    return rows_on_narrow_screens(dict(data=traces, layout=layout), labels)


DESCRIBED_ROWS = 4  # indicators whose scores the description gives (the table has them all)


def _describe(rows: pd.DataFrame, countries: list[str], labels: list[str]) -> str:
    names = rows.drop_duplicates("iso3").set_index("iso3")["country"]
    scores = rows.set_index(["indicator_label", "iso3"])["score"]
    listed = "; ".join(f"{label}: " + ", ".join(f"{names[c]} {scores[label, c]:.2f}" for c in countries
                                                 if (label, c) in scores.index)
                       for label in labels[:DESCRIBED_ROWS])
    return (f"Dot plot of {len(labels)} indicators, {rows['edition'].iloc[0]}, for {', '.join(names[c] for c in countries)}:"
            f" each country's score from 1 to 10. {listed}.")
