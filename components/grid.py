"""Every table of the app as an AG Grid fed with row data: the browser draws only the rows in view (a ranking of
193 countries was thousands of Dash components), and sorting, filtering and keyboard navigation come with it.

Cell renderers (in-app links) and value formatters (two decimals, change) live in assets/dashAgGrid*.js. The
grid's styles come with its JavaScript (AG Grid's theming API): nothing is fetched from elsewhere. On paper a grid is
a plain table of all its rows and columns (assets/grid_print.js).

Columns have fixed widths, wide enough for their header (on one line, or on the lines the grid's header row is given),
except the grid's filling columns (`fill`, AG Grid's flex), which share the room left. AG Grid sizes flexed columns
only once it has measured the grid in the page, and each width it sets lays the headers and rows out again (headers
sized to wrapped text are measured again too): with every column flexed and headers wrapped, that was some 25-45 ms
of the indicator page's load."""

from __future__ import annotations

import dash_ag_grid as dag
import pandas as pd
from dash import Dash, Input, Output
from dash.exceptions import PreventUpdate

from . import clientside

# The app's one grid theme (assets/dashAgGridFunctions.js): Bootstrap's type and colours, compact rows. One theme
# object for every grid, so AG Grid writes its styles into the page once, not once per grid.
THEME = {"function": "ocTheme(themeQuartz)"}
DEFAULT_COLUMN = {"sortable": True, "filter": True, "resizable": True, "suppressHeaderMenuButton": True,
                  "minWidth": 70}
# Headers of unknown length (indicator and country names): wrapped, the header row measured and made as tall as the
# tallest. The grid's header_lines does without the measuring, where the headers are known.
WRAPPED_HEADER = {"wrapHeaderText": True, "autoHeaderHeight": True}
HEADER_LINE_PX, HEADER_PADDING_PX = 15, 8  # a wrapped line of header text in THEME's type, and the room around it


def text(field: str, header: str, **extra) -> dict:
    return {"field": field, "headerName": header, "filter": "agTextColumnFilter", "width": 150, **extra}


def fill(column: dict, min_width: int) -> dict:
    """`column` as the grid's filling column: at least `min_width` px, and whatever room the other columns leave."""
    return {**column, "flex": 1, "minWidth": min_width}


def _right_aligned(field: str, header: str, extra: dict) -> dict:
    """A right-aligned numeric column. A cellClass of its own would replace the rightAligned type's (the cells
    then stood left, under a header on the right): the type's class is kept beside it."""
    classes = " ".join(filter(None, ("ag-right-aligned-cell", extra.pop("cellClass", None))))
    return {"field": field, "headerName": header, "type": "rightAligned", "filter": "agNumberColumnFilter",
            "cellClass": classes}


def number(field: str, header: str, digits: int = 2, **extra) -> dict:
    """A right-aligned number shown with `digits` decimals; sorted and filtered as a number."""
    return {**_right_aligned(field, header, extra), "valueFormatter": {"function": f"ocFixed(params.value, {digits})"},
            "width": 90, **extra}


def integer(field: str, header: str, **extra) -> dict:
    return {**_right_aligned(field, header, extra), "width": 90, **extra}


def change(field: str, header: str, **extra) -> dict:
    """Change since the previous edition: +0.25, 0.00, or 'new' (no score in the earlier edition)."""
    return {**_right_aligned(field, header, extra), "valueFormatter": {"function": "ocChange(params.value)"},
            "width": 100, **extra}


def link(field: str, header: str, href: str = "href", **extra) -> dict:
    """A text column whose cells link to another view (the row's `href` field), without reloading the app."""
    return {**text(field, header), "cellRenderer": "OcLink", "cellRendererParams": {"href": href}, **extra}


def records(frame: pd.DataFrame) -> list[dict]:
    """Rows as the grid takes them: a missing value is null (an empty cell or 'new'), never NaN or zero."""
    return frame.astype(object).where(frame.notna(), None).to_dict("records")


def _leaves(columns: list[dict]):
    for column in columns:
        yield from _leaves(column["children"]) if "children" in column else (column,)


def grid(grid_id, columns: list[dict], rows: list[dict] | None = None, *, height: str | None = None,
         row_id: str | None = "iso3", header_lines: int = 1, options: dict | None = None, **kwargs) -> dag.AgGrid:
    """A grid of `columns` (built with the helpers above). With `height` it scrolls and draws only the rows in
    view; without, it is as tall as its rows (short tables). `row_id` names the field that identifies a row, so
    that a selection (`selectedRows={'ids': [...]}`) survives new row data. Without `rows` it says "Loading…" (its
    rows come later: deferred.later). `header_lines`: the lines a header may wrap onto, the header row that tall."""
    if columns and not any(column.get("flex") for column in _leaves(columns)):
        raise ValueError(f"grid {grid_id!r} needs a column that fills its width (grid.fill)")
    grid_options = {"theme": THEME, "animateRows": False, "suppressCellFocus": False,
                    "enableCellTextSelection": True, "ensureDomOrder": True,
                    # Tab leaves the grid, whose cells the arrow keys move between: one stop, not one per cell.
                    "tabToNextCell": {"function": "false"}, "tabToNextHeader": {"function": "false"},
                    # Only the rows in view are drawn (AG Grid draws 10 more below by default): a grid in view on
                    # first load drew some 25 rows instead of 15, about 40% of its cells' drawing.
                    "rowBuffer": 0,
                    # No grid pages its rows: AG Grid would still build the page-size picker of its (hidden) pager.
                    "paginationPageSizeSelector": False,
                    **(options or {})}
    if height is None:
        grid_options["domLayout"] = "autoHeight"
    default_column = DEFAULT_COLUMN
    if header_lines > 1:
        grid_options["headerHeight"] = header_lines * HEADER_LINE_PX + HEADER_PADDING_PX
        default_column = {**DEFAULT_COLUMN, "wrapHeaderText": True}
    return dag.AgGrid(
        id=grid_id, columnDefs=columns, rowData=rows, defaultColDef=default_column,
        dashGridOptions=grid_options, getRowId=f"params.data.{row_id}" if row_id else None,
        style={"height": height} if height else {}, className="oc-grid", **kwargs)


def clicked_row(cell, known: set[str]) -> str:
    """The id (an ISO3 code) of the row a click landed on, from the grid's cellClicked; else no update."""
    row_id = cell.get("rowId") if isinstance(cell, dict) else None
    if not isinstance(row_id, str) or row_id not in known:
        raise PreventUpdate
    return row_id


def mark_selected(app: Dash, grid_id: str, country_id: str) -> None:
    """Select the row of the country chosen in `country_id` (a dropdown), in the browser: no rows are re-sent."""
    app.clientside_callback(clientside.function("selectRow"),
                            Output(grid_id, "selectedRows"), Input(country_id, "value"), Input(grid_id, "rowData"))
