"""Shared visual language: a colour-blind-safe palette and type sizes for screen and projector."""

from __future__ import annotations

import copy
import html

import plotly.colors

# Okabe-Ito: distinguishable under the common colour-vision deficiencies.
CONTINENT_COLOURS = {
    "Africa": "#E69F00",
    "Americas": "#56B4E9",
    "Asia": "#009E73",
    "Europe": "#0072B2",
    "Oceania": "#CC79A7",
}
# For a continent a new edition adds: Okabe-Ito's others and Tol's wine (a grey would pass for pink under deuteranomaly).
FALLBACK_COLOURS = ("#D55E00", "#F0E442", "#000000", "#882255")
INK = "#212529"
MUTED = "#6c757d"
GRID = "#dee2e6"
TYPE_SIZE = 13  # px, the charts' body text on screen
FONT_FAMILY = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"


def continent_colour(continent: str, known: list[str]) -> str:
    if continent in CONTINENT_COLOURS:
        return CONTINENT_COLOURS[continent]
    unknown = [c for c in known if c not in CONTINENT_COLOURS]
    return FALLBACK_COLOURS[unknown.index(continent) % len(FALLBACK_COLOURS)]


# Plotly's tool bar stands as a column in the chart's right margin, kept this wide, so it never covers a legend.
TOOLBAR_ROOM = 40  # px


def base_layout() -> dict:
    return dict(
        template="plotly_white",
        font=dict(family=FONT_FAMILY, size=TYPE_SIZE, color=INK),
        margin=dict(l=60, r=20, t=40, b=60),
        hoverlabel=dict(font=dict(family=FONT_FAMILY, size=TYPE_SIZE)),
    )


def clear_of_toolbar(figure: dict) -> dict:
    """A copy of the figure whose right margin holds the tool bar's column (legends stay within the plot's width)."""
    layout = dict(figure.get("layout", {}))
    margin = dict(layout.get("margin", {}))
    margin["r"] = max(margin.get("r", 0), TOOLBAR_ROOM)
    return {**figure, "layout": {**layout, "margin": margin, "modebar": {"orientation": "v"}}}


# On a projector: type and marks about half as large again, black ink, a grid that survives a washed-out screen.
PROJECTOR_SCALE = 1.5
PROJECTOR_INK = "#000000"
PROJECTOR_GRID = "#9e9e9e"


def for_projector(figure: dict) -> dict:
    """A copy of a figure made legible from the back of a room: any figure of this package, unchanged otherwise."""
    figure = copy.deepcopy(figure)
    layout = figure.setdefault("layout", {})
    _screen_size_on_phones(figure)
    font = layout.setdefault("font", {})
    font.update(size=_grown(font.get("size", TYPE_SIZE)), color=PROJECTOR_INK)
    for key in ("legend", "hoverlabel"):
        part = layout.setdefault(key, {}).setdefault("font", {})
        part["size"] = _grown(part.get("size", TYPE_SIZE))
    for annotation in layout.get("annotations", []):
        annotation["font"] = {**annotation.get("font", {}), "color": PROJECTOR_INK,
                              "size": _grown(annotation.get("font", {}).get("size", TYPE_SIZE))}
    for key, axis in layout.items():
        if key.startswith(("xaxis", "yaxis")):
            axis.update(gridcolor=PROJECTOR_GRID, linecolor=PROJECTOR_INK)
    if "height" in layout:  # fixed-height charts need the room their larger rows take
        layout["height"] = _grown(layout["height"])
    if "margin" in layout:
        layout["margin"] = {side: _grown(value) if side in ("l", "r", "t", "b") else value
                            for side, value in layout["margin"].items()}
    for trace in figure.get("data", []):
        marker = trace.get("marker", {})
        if "size" in marker:
            size = marker["size"]
            marker["size"] = [_grown(s) for s in size] if isinstance(size, list) else _grown(size)
        if "width" in trace.get("line", {}):
            trace["line"]["width"] = trace["line"]["width"] * PROJECTOR_SCALE
        if "textfont" in trace:  # coloured text (the quadrant's captions) turns to ink, as annotations do
            textfont = trace["textfont"]
            textfont.update(size=_grown(textfont.get("size", TYPE_SIZE)),
                            **({"color": PROJECTOR_INK} if "color" in textfont else {}))
    return figure


def _grown(value: float) -> int:
    return round(value * PROJECTOR_SCALE)


def _screen_size_on_phones(figure: dict) -> None:
    """A phone is read at arm's length, and the projector's larger type does not fit its width (titles, axis
    titles and quadrant captions ran off the chart or over each other): there the chart keeps its screen type
    and margins, and a title starts at the left edge in smaller type (Plotly misplaces a title of two lines, above
    the chart). Changes the figure already carries for narrow screens come first."""
    layout = figure["layout"]
    narrow = {"font.size": layout.get("font", {}).get("size", TYPE_SIZE),
              "legend.font.size": layout.get("legend", {}).get("font", {}).get("size", TYPE_SIZE)}
    for n, annotation in enumerate(layout.get("annotations", [])):
        narrow[f"annotations[{n}].font.size"] = annotation.get("font", {}).get("size", TYPE_SIZE)
    for n, trace in enumerate(figure.get("data", [])):  # a trace's part: restyled (assets/a11y.js)
        if "textfont" in trace:
            narrow[f"data[{n}].textfont.size"] = trace["textfont"].get("size", TYPE_SIZE)
    narrow |= {f"margin.{side}": value for side, value in layout.get("margin", {}).items() if side in "lrtb"}
    if "height" in layout:
        narrow["height"] = layout["height"]
    if layout.get("title"):
        narrow |= {"title.xref": "container", "title.x": 0.02, "title.font.size": 15}
    meta = layout.setdefault("meta", {})
    meta["narrow"] = {**narrow, **meta.get("narrow", {})}

# Sequential scales that stay readable under colour-vision deficiencies (lightness carries the order),
# light for low scores and dark for high ones. Plotly's named "YlOrRd" runs the other way, hence the lists.
CRIMINALITY_SCALE = plotly.colors.sequential.YlOrRd
RESILIENCE_SCALE = plotly.colors.sequential.YlGnBu

# Markers of a country against its reference groups: colour and shape both differ.
COUNTRY_MARK = dict(color="#D55E00", symbol="circle")
REGION_MARK = dict(color="#0072B2", symbol="triangle-up")
CONTINENT_MARK = dict(color="#009E73", symbol="square")
WORLD_MARK = dict(color="#6c757d", symbol="diamond")


def scale_for(pillar: str) -> str:
    return RESILIENCE_SCALE if pillar == "resilience" else CRIMINALITY_SCALE


def on_narrow_screens(figure: dict, **changes) -> dict:
    """The figure, carrying the layout changes (Plotly.relayout's dotted keys) that keep it readable on a phone:
    assets/a11y.js applies them where the screen is narrower than Bootstrap's sm breakpoint (576 px)."""
    layout = figure.setdefault("layout", {})
    meta = layout.get("meta", {})
    layout["meta"] = {**meta, "narrow": {**meta.get("narrow", {}), **changes}}  # added to any it carries already
    return figure


def rows_on_narrow_screens(figure: dict, labels: list[str], **changes) -> dict:
    """A dot or bar chart of one row per label: on a phone its labels wrap onto short lines in smaller type, so that
    they leave the scores most of the width; the rows grow to hold up to three lines, and the legend starts at the
    left edge. `changes`: the chart's own further changes."""
    wrapped = [wrap_label(label, 20) for label in labels]
    return on_narrow_screens(figure, **{
        "yaxis.tickmode": "array", "yaxis.tickvals": labels, "yaxis.ticktext": wrapped, "yaxis.tickfont.size": 11,
        "margin.l": label_room(wrapped, 11), "height": 40 * len(labels) + 110, "legend.xref": "container", **changes})


# Character widths in em of DejaVu Sans (on Linux, the widest of the font stack's fallbacks), by kind of character,
# about the widest of each kind (a rarer, wider character such as '%' or '—' costs at most the second drawing);
# and how far Plotly sets a label from the axis line.
NARROW_CHARACTERS, WIDE_CHARACTERS = frozenset("fijlrtIJ.,;:'()- "), frozenset("mwMW&")
LABEL_GAP = 12  # px


def _em(character: str) -> float:
    if character in NARROW_CHARACTERS:
        return 0.42
    if character in WIDE_CHARACTERS:
        return 1.0
    return 0.8 if character.isupper() else 0.64


def label_room(labels: list[str], size: int = TYPE_SIZE) -> int:
    """The left margin, in px, that holds the widest of these axis labels (lines split at <br>) at this type size.

    Asked for up front, it spares the chart a second drawing: with `automargin`, Plotly draws the chart, measures
    its labels and, if the margin is too narrow for them, draws it all again (a third of a category chart's
    drawing time). A font wider than the estimate still gets its room that way, so a label is never cut."""
    widest = max((sum(map(_em, html.unescape(line))) for label in labels for line in str(label).split("<br>")),
                 default=0)
    return round(widest * size) + LABEL_GAP


def wrap_label(text: str, width: int = 22) -> str:
    """Break a long axis label onto lines of about `width` characters, at spaces."""
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return "<br>".join(lines + [line])
