"""A pillar: what pulls a country's composite up or down, and the heat colours of its score table."""

from __future__ import annotations

import pandas as pd
import plotly.colors

from .style import GRID, INK, REGION_MARK, WORLD_MARK, base_layout, label_room, scale_for, wrap_label

BINS = 9


def contributions_figure(contributions: pd.DataFrame, country: str, region: str, label_width: int = 22) -> dict:
    """Per indicator, the country's score minus its region's mean and minus the world mean."""
    labels = [wrap_label(label, label_width) for label in contributions["label"]]
    traces = [
        dict(type="bar", orientation="h", name=f"vs {region} mean", y=labels, x=contributions["vs_region"].round(2).tolist(),
             marker=dict(color=REGION_MARK["color"]), hovertemplate="%{y}: %{x:+.2f}<extra>vs region</extra>"),
        dict(type="bar", orientation="h", name="vs world mean", y=labels, x=contributions["vs_world"].round(2).tolist(),
             marker=dict(color=WORLD_MARK["color"]), hovertemplate="%{y}: %{x:+.2f}<extra>vs world</extra>"),
    ]
    layout = base_layout()
    layout.update(
        barmode="group", yaxis=dict(autorange="reversed", automargin=True),
        xaxis=dict(zeroline=True, zerolinecolor=INK, zerolinewidth=1.5, gridcolor=GRID,
                   title=dict(text="Points above (+) / below (−) the mean")),
        legend=dict(orientation="h", y=0, yanchor="bottom", yref="container", x=0),
        height=40 * len(labels) + 160, margin=dict(l=label_room(labels), r=10, t=10, b=90),
        meta=dict(description=_describe(contributions, country, region), category="Indicator"),
    )
    return dict(data=traces, layout=layout)


def _describe(contributions: pd.DataFrame, country: str, region: str) -> str:
    text = (f"Bar chart of {country}'s {len(contributions)} indicators: points above (+) or below (−) the {region} "
            f"mean and the world mean.")
    if len(contributions):
        ordered = contributions.sort_values("vs_region", kind="stable")
        high, low = ordered.iloc[-1], ordered.iloc[0]
        text += (f" Furthest above the {region} mean: {high['label']} {high['score']:.2f} ({high['vs_region']:+.2f});"
                 f" furthest below: {low['label']} {low['score']:.2f} ({low['vs_region']:+.2f}).")
    return text


def heat_styles(pillar: str) -> dict:
    """An AG Grid cellStyle colouring a score cell by its value, 1-10 in nine bands (one rule for every column)."""
    colours = plotly.colors.sample_colorscale(scale_for(pillar), [i / (BINS - 1) for i in range(BINS)])
    width = 9 / BINS
    conditions = []
    for band, colour in enumerate(colours):
        low, high = 1 + band * width, 1 + (band + 1) * width
        condition = f"params.value >= {low:.4f}" + ("" if band == BINS - 1 else f" && params.value < {high:.4f}")
        conditions.append({"condition": condition, "style": {"backgroundColor": colour, "color": readable_ink(colour)}})
    return {"styleConditions": conditions}


def readable_ink(background: str) -> str:
    """Black or white text, whichever contrasts more with the background (WCAG relative luminance).

    Pure black, not the page's ink: mid-scale blues reach 4.5:1 only against black."""
    red, green, blue = (channel / 255 for channel in plotly.colors.unlabel_rgb(background))

    def linear(c):
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    luminance = 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)
    return "#000000" if (luminance + 0.05) / 0.05 >= 1.05 / (luminance + 0.05) else "#ffffff"
