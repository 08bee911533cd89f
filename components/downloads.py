"""'Download CSV' for every view: the data on screen, with the edition and the source in every row."""

from __future__ import annotations

import pandas as pd
from dash import dcc

from ocindex.export import to_csv

SOURCE = "Global Organized Crime Index, GI-TOC (ocindex.net); exported by OC Index Explorer"


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
