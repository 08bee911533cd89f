"""The criminality-versus-resilience quadrant chart: its figure, annotations and text alternative, for the home
view, the brief, the compare view and the deck alike."""

from __future__ import annotations

from html import escape
from typing import NamedTuple

import pandas as pd

from ocindex import likeforlike as lfl
from ocindex import quadrant as q
from ocindex.comparability import region_notes
from ocindex.index import IndexData
from ocindex.quadrant import QUADRANTS, Split, divider_note
from ocindex.ranks import rank_phrase

from .style import GRID, INK, MUTED, base_layout, continent_colour, on_narrow_screens

MAX_LABELS = 20  # most countries named on the chart
AXIS_RANGE = (1, 10)
PAD = 0.25  # room around the 1-10 scale so points on the edge stay whole
HALO = "0 0 2px #fff, 0 0 2px #fff, 0 0 2px #fff"  # CSS text-shadow: legible over the points, hiding none

# Where each quadrant's caption sits: its corner of the scale, and where the text runs from there (inwards).
_CAPTION_PLACES = {
    QUADRANTS[0]: (AXIS_RANGE[0], AXIS_RANGE[1], "bottom right"),
    QUADRANTS[1]: (AXIS_RANGE[0], AXIS_RANGE[0], "top right"),
    QUADRANTS[2]: (AXIS_RANGE[1], AXIS_RANGE[1], "bottom left"),
    QUADRANTS[3]: (AXIS_RANGE[1], AXIS_RANGE[0], "top left"),
}


# What a point's hover says. The per-point parts travel in customdata (the ISO3 code first, for clicks) and the
# name in text (read by the chart's table); the words around them are written once per trace, not per point: the
# quadrant too, from its two levels ("High criminality – low resilience").
HOVER = ("<b>%{text}</b> · %{customdata[1]}<br>Criminality %{x:.2f} · %{customdata[2]}<br>"
         "Resilience %{y:.2f} · %{customdata[3]}<br>%{customdata[4]} criminality – %{customdata[5]} resilience"
         "<extra></extra>")


def hover_data(row: dict, split: Split) -> list[str]:
    """A point's customdata for HOVER: ISO3, region, each composite's rank (and how near a divider it sits), and
    the levels of criminality and resilience that name its quadrant."""
    ranks = []
    for composite in ("criminality", "resilience"):
        rank = rank_phrase(row[f"{composite}_rank_global"], row[f"{composite}_n_global"])
        if near := divider_note(row[composite], getattr(split, composite)):
            rank += f" · {near}"
        ranks.append(rank)
    return [row["iso3"], escape(row["region"]), *ranks, *q.LEVELS[row["quadrant"]]]


def extreme_countries(points: pd.DataFrame, split: Split, n: int) -> list[str]:
    """ISO3 of the n highlighted countries furthest from the split point, furthest first."""
    shown = points[points["highlighted"]]
    distance = (shown["criminality"] - split.criminality) ** 2 + (shown["resilience"] - split.resilience) ** 2
    return shown.assign(distance=distance).sort_values(["distance", "country"], ascending=[False, True]).head(n)[
        "iso3"].tolist()


class QuadrantChart(NamedTuple):
    figure: dict
    note: str  # one line under the chart: what is highlighted, where the dividers are, what the positions are
    description: str  # the chart's text alternative (also in the figure's layout.meta.description)


def quadrant_chart(data: IndexData, edition: int, *, split: str = q.DEFAULT_SPLIT, continents: tuple[str, ...] = (),
                   regions: tuple[str, ...] = (), country: str | None = None, labels: int = 0,
                   movement: bool = False, like_for_like: bool = False, since: int | None = None) -> QuadrantChart:
    """The quadrant of an edition, filters fading countries, optionally like-for-like positions since an earlier
    edition (the previous one unless given) and each highlighted country's path across editions."""
    points, divided = lfl.placed(data, edition, split, continents, regions, like_for_like, since)
    filtered = bool(continents or regions)
    paths = None
    if movement:  # with like-for-like positions the arrows end where the chart places each country
        paths = q.paths(data, edition, points.loc[points["highlighted"], "iso3"].tolist(),
                        latest=points if like_for_like else None)
    # A filter names its countries (the furthest from the dividers first) unless the slider asks for a number.
    to_label = labels or (MAX_LABELS if filtered else 0)
    labelled = extreme_countries(points, divided, to_label) if to_label else []
    shown = int(points["highlighted"].sum())
    remarks = []
    if filtered and not labels and shown > len(labelled):
        remarks.append(f"names on the {len(labelled)} furthest from the dividers")
    if movement and data.previous_edition(edition) is None:
        remarks.append(f"{edition} is the first edition, so there is no movement to draw")
    if like_for_like:
        remarks.append(like_for_like_caption(data, edition, since or data.previous_edition(edition)))
    changed = dict.fromkeys(n for region in regions for n in region_notes(data, region=region))
    if changed:  # the filter's region is not the same group of countries in every edition
        remarks.append("regions differ between editions: " + " ".join(changed))
    figure = quadrant_figure(points, divided, edition, selected=country, labelled=labelled, paths=paths,
                             remarks=remarks)
    if like_for_like:
        annotations = figure["layout"]["annotations"]
        annotations.append(dict(
            xref="paper", yref="paper", x=0.5, y=1, xanchor="center", yanchor="top", showarrow=False,
            text="<b>Like-for-like positions: OC Index Explorer's computation, not GI-TOC's</b>",
            font=dict(size=12, color=INK), bgcolor="rgba(255,255,255,0.85)"))
        # On a phone the banner is wider than the plot and covers the top quadrants' captions; the note under the
        # chart says the same (like_for_like_caption).
        on_narrow_screens(figure, **{f"annotations[{len(annotations) - 1}].visible": False})
    note = " · ".join([f"{shown} of {len(points)} countries highlighted · dividers at criminality "
                       f"{divided.criminality:.2f}, resilience {divided.resilience:.2f} "
                       f"({q.SPLIT_METHODS[divided.method]})", *remarks])
    return QuadrantChart(figure, note, figure["layout"]["meta"]["description"])


def like_for_like_caption(data: IndexData, edition: int, since: int | None) -> str:
    """What like-for-like positions since an earlier edition are, and why they equal GI-TOC's where they do."""
    if since is None:
        return f"{edition} is the first edition, so like-for-like scores equal GI-TOC's"
    if lfl.basis(data, since, edition).identical:
        differ = [e for e in q.earlier_editions(data, edition) if not lfl.basis(data, e, edition).identical]
        hint = f"; read change since {differ[0]} to see the effect of indicators added since then" if differ else ""
        return f"{since} and {edition} assess the same indicators, so like-for-like positions equal GI-TOC's{hint}"
    return f"like-for-like scores (ours, not GI-TOC's): each composite on the indicators {edition} shares with {since}"


def standing(point) -> str:
    """A country's place on the quadrant in words, from its row of placed points: 'criminality 6.35 (26th of 193),
    resilience 4.52 (95th of 193); high criminality – low resilience'."""
    ranks = {c: rank_phrase(point[f"{c}_rank_global"], point[f"{c}_n_global"]) for c in ("criminality", "resilience")}
    return (f"criminality {point['criminality']:.2f} ({ranks['criminality']}), resilience {point['resilience']:.2f} "
            f"({ranks['resilience']}); {point['quadrant'].lower()}")


def describe(points: pd.DataFrame, split: Split, edition: int, *, selected: str | None = None,
             named: list[str] | None = None, remarks: list[str] | None = None) -> str:
    """The chart in words: what it shows, how many countries each quadrant holds, the scores of the selected and
    named countries."""
    shown = points[points["highlighted"]]
    counted = (f"{len(points)} countries" if len(shown) == len(points)
               else f"{len(points)} countries ({len(shown)} of {len(points)} highlighted)")
    tally = "; ".join(f"{count} {quadrant.lower()}" for quadrant, count in q.counts(shown["quadrant"]).items())
    text = (f"Quadrant chart of {counted}, {edition} edition: criminality (across) against resilience (up), "
            f"divided at criminality {split.criminality:.2f} and resilience {split.resilience:.2f} — "
            f"{q.SPLIT_METHODS[split.method]}. {'Highlighted' if len(shown) < len(points) else 'Countries'} "
            f"per quadrant: {tally}.")
    rows = points.set_index("iso3")
    if selected in rows.index:
        text += f" {rows.loc[selected, 'country']}: {standing(rows.loc[selected])}."
    others = [iso3 for iso3 in named or [] if iso3 != selected and iso3 in rows.index]
    if others:
        text += " Named: " + "; ".join(f"{rows.loc[i, 'country']} {rows.loc[i, 'criminality']:.2f} / "
                                       f"{rows.loc[i, 'resilience']:.2f}" for i in others) + " (criminality / resilience)."
    if remarks:
        text += " " + " ".join(f"{r[0].upper()}{r[1:]}." for r in remarks)
    return text


def quadrant_figure(
    points: pd.DataFrame,
    split: Split,
    edition: int,
    *,
    selected: str | None = None,
    labelled: list[str] | None = None,
    paths: pd.DataFrame | None = None,
    remarks: list[str] | None = None,
) -> dict:
    """points: positions() with 'quadrant' and a boolean 'highlighted' column (False = filtered out, faded);
    remarks: sentences the description ends with."""
    marker_size = 9
    continents = sorted(points["continent"].unique())
    traces = []
    if paths is not None and paths["iso3"].duplicated().any():  # someone has more than one position
        traces.append(_movement_trace(paths))
    rows = points.to_dict("records")  # plain dicts: far faster to walk than DataFrame rows
    for continent in continents:
        # Filtered-out countries fade rather than vanish; they sit in a second trace of the same legend group
        # so the legend keeps full colour and one click still toggles the whole continent.
        parts = {flag: [r for r in rows if r["continent"] == continent and r["highlighted"] == flag]
                 for flag in (False, True)}
        legend_on = bool(parts[True])  # a wholly faded continent keeps a (faded) legend entry
        for highlighted, part in parts.items():
            if not part:  # an empty trace costs Plotly as much to draw as a full one
                continue
            traces.append(dict(
                # The uid keeps a continent hidden from the legend hidden across views that drop an empty trace.
                type="scatter", mode="markers", name=continent, legendgroup=continent,
                uid=f"{continent}{'' if highlighted else ' faded'}", showlegend=highlighted == legend_on,
                x=[r["criminality"] for r in part], y=[r["resilience"] for r in part],
                customdata=[hover_data(r, split) for r in part],
                text=[escape(r["country"]) for r in part],
                hovertemplate=HOVER,
                marker=dict(color=continent_colour(continent, continents), size=marker_size,
                            opacity=0.9 if highlighted else 0.15, line=dict(width=0.6, color="white")),
            ))
    annotations = []
    label_iso3 = set(labelled or []) - {selected}
    to_label = [r for r in rows if r["iso3"] in label_iso3]
    for row in to_label:
        annotations.append(_label(row, emphasis=False, below=_below_neighbour(row, to_label)))
    chosen = next((r for r in rows if r["iso3"] == selected), None)
    if chosen is not None:
        traces.append(dict(
            type="scatter", mode="markers", name=chosen["country"], showlegend=False, hoverinfo="skip",
            x=[chosen["criminality"]], y=[chosen["resilience"]], customdata=[chosen["iso3"]],
            marker=dict(size=marker_size * 2, color="rgba(0,0,0,0)", line=dict(width=3, color=INK)),
        ))
        annotations.append(_label(chosen, emphasis=True))
    traces.append(_quadrant_captions(points[points["highlighted"]]))  # last: over the points

    layout = base_layout()
    axis = dict(range=[AXIS_RANGE[0] - PAD, AXIS_RANGE[1] + PAD], dtick=1, gridcolor=GRID, zeroline=False,
                fixedrange=False, showline=True, linecolor=MUTED, mirror=True)
    layout.update(
        xaxis=dict(axis, title=dict(text="Criminality (1 = lowest, 10 = highest)")),
        yaxis=dict(axis, title=dict(text="Resilience (1 = lowest, 10 = highest)")),
        shapes=[
            dict(type="line", x0=split.criminality, x1=split.criminality, y0=AXIS_RANGE[0] - PAD,
                 y1=AXIS_RANGE[1] + PAD, line=dict(color=INK, width=1.5, dash="dash"), layer="below"),
            dict(type="line", y0=split.resilience, y1=split.resilience, x0=AXIS_RANGE[0] - PAD,
                 x1=AXIS_RANGE[1] + PAD, line=dict(color=INK, width=1.5, dash="dash"), layer="below"),
        ],
        annotations=annotations,
        # Below the chart: clear of the quadrant captions at the top corners and of the tool bar.
        legend=dict(orientation="h", yref="container", yanchor="bottom", y=0, x=0, font=dict(size=12)),
        margin=dict(layout["margin"], b=110),  # the axis title, then up to two rows of legend
        clickmode="event",
        hovermode="closest",
        dragmode="zoom",
        autosize=True,
        uirevision=True,
        meta=dict(description=describe(points, split, edition, selected=selected, named=labelled, remarks=remarks),
                  rows="Country", group="Continent"),
    )
    return dict(data=traces, layout=layout)


def _below_neighbour(row: dict, labelled: list[dict]) -> bool:
    """Label below the point when the nearest other labelled point sits higher, so the two labels part ways."""
    others = [r for r in labelled if r is not row]
    if not others:
        return False
    nearest = min(others, key=lambda r: (r["criminality"] - row["criminality"]) ** 2
                  + (r["resilience"] - row["resilience"]) ** 2)
    return (nearest["resilience"], nearest["criminality"]) > (row["resilience"], row["criminality"])


def _quadrant_captions(shown: pd.DataFrame) -> dict:
    """Each quadrant's name and how many countries it holds, in its corner, as a trace of text. Plotly places a
    trace's text by its count of lines; annotations it draws twice on each redraw (once to see whether they widen
    the axes) and measures each new text in the page: some 5-10 ms of an edition switch."""
    tally = shown["quadrant"].value_counts()
    counts = {quadrant: int(tally.get(quadrant, 0)) for quadrant in _CAPTION_PLACES}
    return dict(
        type="scatter", mode="text", name="Quadrant captions", uid="captions", showlegend=False, hoverinfo="skip",
        x=[x for x, _, _ in _CAPTION_PLACES.values()], y=[y for _, y, _ in _CAPTION_PLACES.values()],
        textposition=[position for _, _, position in _CAPTION_PLACES.values()],
        # One line per part, so that two captions side by side fit a phone's width.
        text=[f"{quadrant.replace(' – ', '<br>')}<br><b>{count} {'country' if count == 1 else 'countries'}</b>"
              for quadrant, count in counts.items()],
        # A white halo round the letters, not a box: the most extreme countries sit in the corners, and a box
        # hid them on narrow screens (Myanmar and Afghanistan under 'High criminality, low resilience').
        textfont=dict(size=11, color=MUTED, shadow=HALO),
    )


def _label(row: dict, emphasis: bool, below: bool = False) -> dict:
    middle = sum(AXIS_RANGE) / 2
    name = escape(row["country"])
    return dict(
        x=row["criminality"], y=row["resilience"], text=f"<b>{name}</b>" if emphasis else name,
        showarrow=True, arrowhead=0, arrowwidth=1, arrowcolor=MUTED,
        ax=20 if row["criminality"] < middle else -20, ay=22 if below else -22,
        font=dict(size=13 if emphasis else 11, color=INK),
        bgcolor="rgba(255,255,255,0.85)",
    )


def _movement_trace(paths: pd.DataFrame) -> dict:
    """Every country's path as one trace: segments separated by gaps, a small arrowhead at each edition between
    (the path bends there) and a full one at the latest edition."""
    x, y, sizes = [], [], []
    by_country: dict[str, list[dict]] = {}
    for row in paths.to_dict("records"):  # paths() orders rows by country, then edition
        by_country.setdefault(row["iso3"], []).append(row)
    for path in by_country.values():
        if len(path) < 2:
            continue
        x += [p["criminality"] for p in path] + [None]
        y += [p["resilience"] for p in path] + [None]
        sizes += [0] + [5] * (len(path) - 2) + [8, 0]
    return dict(
        type="scatter", mode="lines+markers", name="Movement", showlegend=True, hoverinfo="skip",
        x=x, y=y, connectgaps=False,
        line=dict(color="rgba(90,90,90,0.55)", width=1.2),
        marker=dict(symbol="arrow", angleref="previous", size=sizes, color="rgba(60,60,60,0.8)"),
    )
