"""components/grid.py: the grid's column rules."""

import pytest

from components import grid


def test_a_grid_whose_columns_all_have_fixed_widths_is_refused():
    """It would leave an empty strip at its right on a wide screen (tests/integration/test_grid_columns.py)."""
    with pytest.raises(ValueError, match="fills its width"):
        grid.grid("a-grid", [grid.text("name", "Name"), {"headerName": "Group", "children": [grid.number("x", "X")]}])
    assert grid.grid("a-grid", [grid.text("name", "Name"), {"headerName": "Group", "children": [
        grid.fill(grid.number("x", "X"), 90)]}]).columnDefs[1]["children"][0]["flex"] == 1
