"""Pieces every page shares: click checks, notices, breadcrumbs, help text, composite summaries."""

from __future__ import annotations

import json

import dash_bootstrap_components as dbc
import pandas as pd
import plotly.utils
from dash import Dash, dcc, html
from dash.exceptions import PreventUpdate

from ocindex.catalogue import COMPOSITES, Indicator
from ocindex.countries import unaccented
from ocindex.index import IndexData
from ocindex.narratives.library import Narratives
from ocindex.ranks import ordinal, rank_change_phrase, rank_phrase

from .urlstate import href


def plain(tree):
    """A component tree as the plain JSON data Dash would send for it.

    Dash walks a component tree in Python on every response; a cached layout or table kept in this form is
    sent by the C JSON encoder instead, several times faster for large trees."""
    return json.loads(json.dumps(tree, cls=plotly.utils.PlotlyJSONEncoder))


def scroll_box(name: str, children=None, *, className: str = "", **kwargs) -> html.Div:
    """A box whose wide content (a table) scrolls sideways inside it on a narrow screen instead of widening the page:
    a tab stop, so that the keyboard can scroll it, and a named region, so that a screen reader says what it holds."""
    return html.Div(children, role="region", tabIndex="0", className=f"table-responsive {className}".strip(),
                    **{"aria-label": name}, **kwargs)


def radios(component_id: str, **kwargs) -> dbc.RadioItems:
    """Option buttons named after their id: the browser makes one group of every radio without a name on the
    page, and the arrow keys then move into another control's options."""
    return dbc.RadioItems(id=component_id, name=component_id, **kwargs)


def hidden_label(text: str, control_id: str) -> dbc.Label:
    """A control's name for screen readers where the page shows none beside it (what it shows says what it is)."""
    return dbc.Label(text, html_for=control_id, className="visually-hidden")


def intersperse(items: list, separator) -> list:
    """The items with the separator between each two: links in a line of text."""
    return [part for n, item in enumerate(items) for part in ([separator] if n else []) + [item]]


def country_options(data: IndexData, narratives: Narratives | None = None) -> list[dict]:
    """Every country of the index, by name, for a dropdown whose values are ISO3 codes; with narratives, the
    countries that have profile text say for which editions. A name with accents is found without them too (the
    dropdown also searches an option's `search`)."""
    countries = data.countries()

    def label(iso3: str, name: str) -> str:
        editions = narratives.editions_of(iso3) if narratives is not None else []
        return f"{name} · text {', '.join(map(str, editions))}" if editions else name

    def option(iso3: str, name: str) -> dict:
        plain = unaccented(name)
        return {"label": label(iso3, name), "value": iso3, **({"search": plain} if plain != name else {})}

    return [option(iso3, name) for iso3, name in zip(countries["iso3"], countries["country"])]


def notice(component_id: str, notices: list[str]) -> dbc.Alert:
    return dbc.Alert([html.Div(n) for n in notices], id=component_id, color="warning", dismissable=True,
                     is_open=bool(notices), className="mb-2 py-2")


def breadcrumbs(app: Dash, trail: list[tuple[str, str | None]]) -> dbc.Breadcrumb:
    """trail: (label, path or None for the current page)."""
    return dbc.Breadcrumb(items=[
        {"label": label, "href": app.get_relative_path(path), "external_link": False} if path else
        {"label": label, "active": True}
        for label, path in trail
    ], className="mb-1 small")


def help_text(indicator: Indicator, text: str | None = None, className: str = "") -> html.Span:
    """An indicator's name with its catalogue definition as hover/focus help."""
    return html.Span(text or indicator.label, title=indicator.definition, className=f"oc-help {className}".strip())


def indicator_link(app: Dash, indicator: Indicator, edition: int, country: str | None = None) -> dcc.Link:
    return dcc.Link(indicator.label, href=href(app, "indicator", slug=indicator.slug, edition=edition, country=country),
                    title=indicator.definition)


def country_href(app: Dash, iso3: str, edition: int) -> str:
    return href(app, "country", iso3=iso3, edition=edition)


def change_text(change: float, previous: int | None, is_new: bool = False) -> str:
    if previous is None:
        return "—"
    if is_new or change != change:  # NaN: the indicator did not exist in the previous edition
        return "new"
    return f"{change:+.2f}" if change else "0.00"


def global_rank(row, previous: int | None) -> str:
    """'31st of 193, ▲1 since 2023' (GI-TOC's competition rank and the places gained since the previous edition)."""
    moved = rank_change_phrase(row["rank_change"], previous)
    return rank_phrase(row["rank_global"], row["n_global"]) + (f", {moved}" if moved else "")


def path_table(data: IndexData, path) -> dbc.Table:
    """Score, change since the edition before and global rank with places gained, per indicator and edition."""
    editions = sorted(path["edition"].unique())
    head = html.Thead(html.Tr([html.Th("")] + [html.Th(str(e), className="text-end") for e in editions]))
    body = []
    for slug, rows in path.groupby("indicator", sort=False):
        cells = rows.set_index("edition")
        row = [html.Td(help_text(data.catalogue[slug]), className="fw-semibold" if slug in COMPOSITES else "")]
        for edition in editions:
            if edition not in cells.index:
                row.append(html.Td("not assessed", className="text-end text-body-secondary"))
                continue
            cell = cells.loc[edition]
            previous = data.previous_edition(edition)
            change = "" if pd.isna(cell["change"]) else f" ({change_text(cell['change'], previous)})"
            moved = rank_change_phrase(cell["rank_change"], previous).split(" since")[0].replace("unchanged", "=")
            row.append(html.Td([html.Span(f"{cell['score']:.2f}", className="fw-semibold"), change, html.Br(),
                                html.Span(f"{ordinal(cell['rank_global'])}" + (f" {moved}" if moved else ""),
                                          className="text-body-secondary")],
                               className="text-end", title=f"Global rank {ordinal(cell['rank_global'])} of "
                                                           f"{cell['n_global']}; change since the edition before"))
        body.append(html.Tr(row))
    return dbc.Table([head, html.Tbody(body)], size="sm", className="mb-0 small oc-path-table")


def composite_summary(data: IndexData, edition: int, iso3: str) -> list:
    """The four composites of a country with score, change and official ranks at three levels."""
    rows = data.edition_table(edition)
    rows = rows[(rows["iso3"] == iso3) & rows["indicator"].isin(COMPOSITES)].set_index("indicator")
    previous = data.previous_edition(edition)
    entries = []
    for slug in COMPOSITES:
        row = rows.loc[slug]
        ranks = " · ".join([
            global_rank(row, previous),
            rank_phrase(row["rank_continent"], row["n_continent"], row["continent"]),
            rank_phrase(row["rank_region"], row["n_region"], row["region"]),
        ])
        entries.append(html.Div([
            html.Div([
                help_text(data.catalogue[slug], className="fw-semibold"),
                html.Span(f"{row['score']:.2f}", className="ms-auto fs-5 fw-semibold"),
                html.Span(change_text(row["change"], previous), className="oc-change small ms-2",
                          title=f"Change since {previous}" if previous else "No earlier edition"),
            ], className="d-flex align-items-baseline"),
            html.Div(ranks, className="small text-body-secondary"),
        ], className="oc-composite" + (" ps-3" if slug in ("criminal-markets", "criminal-actors") else "")))
    if previous:
        entries.append(html.Div(f"Right-hand figures: change since {previous}.", className="small text-body-secondary"))
    return entries


def not_found(app: Dash, path: str, reason: str = "") -> dbc.Container:
    return dbc.Container(
        dbc.Alert([
            html.H1("No such view", className="h5"),
            html.P(["Nothing lives at ", html.Code(path), ". ", reason]),
            dcc.Link("Back to the quadrant", href=app.get_relative_path("/"), className="alert-link"),
        ], color="warning", className="mt-4"),
    )


# ------------------------------------------------------------------------------------- callback input checks
# Callback inputs come from the browser and can be anything; a value that does not fit means "no update".


def clicked_country(click) -> str:
    """The ISO3 code a Plotly click event carries (as location or customdata), or no update."""
    try:
        point = click["points"][0]
        value = point.get("location") or point.get("customdata")
    except (TypeError, KeyError, IndexError, AttributeError):
        raise PreventUpdate from None
    if not isinstance(value, str):
        raise PreventUpdate
    return value
