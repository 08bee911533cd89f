"""Broken workbooks are refused whole, with a message naming sheet, row, column and value."""

from __future__ import annotations

import openpyxl
import pytest

from ocindex import loader
from ocindex.errors import WorkbookInvalid
from ocindex.index import load_index


def header_position(sheet, name):
    return [c.value for c in sheet[1]].index(name) + 1


def peru_row(sheet):
    for row in range(2, sheet.max_row + 1):
        if sheet.cell(row=row, column=3).value == "Peru":
            return row
    raise AssertionError("Peru not found")


@pytest.fixture
def broken(tmp_path, workbook):
    """Save a copy of the real workbook after `edit(book)` and return the error loading it raises."""

    def make(edit):
        book = openpyxl.load_workbook(workbook)
        edit(book)
        path = tmp_path / "global_oc_index.xlsx"
        book.save(path)
        with pytest.raises(WorkbookInvalid) as caught:
            load_index(path)
        return str(caught.value)

    return make


def test_a_missing_required_column_is_named(broken):
    def edit(book):
        sheet = book["2021_dataset"]
        sheet.delete_cols(header_position(sheet, "Cocaine trade"))

    message = broken(edit)
    assert "sheet '2021_dataset'" in message and "Cocaine trade" in message and "missing" in message


def test_a_non_numeric_score_is_located_by_cell_row_column_and_value(broken):
    def edit(book):
        sheet = book["2023_dataset"]
        sheet.cell(row=peru_row(sheet), column=header_position(sheet, "Cocaine trade"), value="n/a")

    message = broken(edit)
    assert "sheet '2023_dataset'" in message
    assert "column 'Cocaine trade'" in message
    assert "'n/a'" in message and "not a number" in message
    assert "row " in message and "cell M" in message


def test_a_score_outside_one_to_ten_is_refused(broken):
    def edit(book):
        sheet = book["2021_dataset"]
        sheet.cell(row=peru_row(sheet), column=header_position(sheet, "Prevention"), value=11)

    message = broken(edit)
    assert "column 'Prevention'" in message and "outside 1-10" in message and "11" in message


def test_an_empty_score_is_refused_not_imputed(broken):
    def edit(book):
        sheet = book["2021_dataset"]
        # cell(..., value=None) would leave the value alone: openpyxl only assigns values that are not None.
        sheet.cell(row=peru_row(sheet), column=header_position(sheet, "Heroin trade")).value = None

    assert "score is missing" in broken(edit)


def test_a_duplicated_country_names_both_rows(broken):
    def edit(book):
        sheet = book["2021_dataset"]
        sheet.cell(row=2, column=3, value="Peru")

    message = broken(edit)
    assert "duplicated country" in message and "PER" in message and "row 2" in message


def test_an_unrecognised_country_is_named(broken):
    def edit(book):
        book["2023_dataset"].cell(row=5, column=3, value="Atlantis")

    message = broken(edit)
    assert "'Atlantis'" in message and "unrecognised country" in message and "row 5" in message


def test_a_composite_that_disagrees_with_its_parts_is_refused(broken):
    def edit(book):
        sheet = book["2021_dataset"]
        sheet.cell(row=peru_row(sheet), column=header_position(sheet, "Criminal markets"), value=7.2)

    message = broken(edit)
    assert "column 'Criminal markets'" in message and "disagrees with the mean of its parts" in message
    assert "Peru" in message and "(value: 7.2)" in message  # as the sheet shows it


def test_an_unknown_indicator_column_is_refused(broken):
    def edit(book):
        sheet = book["2023_dataset"]
        sheet.cell(row=1, column=sheet.max_column + 1, value="Space piracy")

    assert "'Space piracy'" in broken(edit)


def test_a_workbook_with_no_dataset_sheet_is_refused(broken):
    def edit(book):
        for sheet in book.worksheets:
            if sheet.title.endswith("_dataset"):
                sheet.title = sheet.title.replace("dataset", "data")

    assert "no sheet named '<year>_dataset'" in broken(edit)


def test_two_sheets_of_one_edition_are_refused_naming_both(broken):
    """Sheet titles are read trimmed: a copy named '2023_dataset ' would make every 2023 country appear twice."""
    def edit(book):
        book.copy_worksheet(book["2023_dataset"]).title = "2023_dataset "

    message = broken(edit)
    assert "'2023_dataset '" in message and "a second sheet for the 2023 edition (the first: '2023_dataset')" in message


def test_a_sheet_whose_year_cannot_be_an_edition_is_refused(broken):
    def edit(book):
        book.copy_worksheet(book["2023_dataset"]).title = "0000_dataset"

    message = broken(edit)
    assert "'0000_dataset'" in message and "edition 0 is not a year from 2021" in message


def test_a_workbook_that_unpacks_to_more_than_a_workbook_may_hold_is_refused_unread(workbook, monkeypatch):
    """A zip of a few hundred KB can unpack to gigabytes (1.8 MB to 1.5 GB: 10 s, 1.65 GB of memory per worker).
    Here the limit is lowered under the real workbook's 1 MB, rather than a bomb built."""
    monkeypatch.setattr(loader, "MAX_UNPACKED_BYTES", 2**20 // 2)
    monkeypatch.setattr(loader.openpyxl, "load_workbook", lambda *a, **k: pytest.fail("the workbook was read"))
    with pytest.raises(WorkbookInvalid) as caught:
        load_index(workbook)
    assert "MB, more than the 0.5 MB a workbook of the index may hold" in str(caught.value)


def test_a_file_that_is_not_a_workbook_is_refused(tmp_path):
    path = tmp_path / "global_oc_index.xlsx"
    path.write_bytes(b"\x00\x01 definitely not a zip archive")
    with pytest.raises(WorkbookInvalid) as caught:
        load_index(path)
    assert str(path) in str(caught.value) and "cannot be opened" in str(caught.value)
