"""'Download CSV' for every view: the data on screen, with the edition and the source in every row."""

from __future__ import annotations

import dash_bootstrap_components as dbc
import pandas as pd
from dash import dcc, html

from ocindex.export import to_csv

SOURCE = "Global Organized Crime Index, GI-TOC (ocindex.net); exported by OC Index Explorer"


def button(button_id: str, download_id: str) -> html.Span:
    return html.Span([
        dbc.Button("Download CSV", id=button_id, color="dark", outline=True, size="sm", className="text-nowrap"),
        dcc.Download(id=download_id),
    ], className="oc-no-print")


def card_header(title: str, button_id: str, download_id: str) -> dbc.CardHeader:
    """A card's title with its table's 'Download CSV' at the right."""
    return dbc.CardHeader([html.Span(title, className="fw-semibold me-auto"), button(button_id, download_id)],
                          className="py-1 d-flex")


def csv_file(frame: pd.DataFrame, edition: int | None, name: str) -> dict:
    """A dcc.Download payload: the frame with edition and source columns, named view_edition.csv. With edition
    None the frame spans editions and carries its own edition column."""
    table = frame.copy()
    if edition is not None:
        table.insert(0, "edition", edition)
    table["source"] = SOURCE
    return dcc.send_string(to_csv(table),
                           f"oc-index_{name}" + (f"_{edition}" if edition is not None else "") + ".csv",
                           type="text/csv")
