"""CSV formula injection: text from a workbook or a profile that starts like a spreadsheet formula comes out of every
CSV the app writes with a leading single quote (OWASP's rule), while numbers, negative ones included, stay numbers."""

from __future__ import annotations

import csv
import io
import re
from urllib.parse import urlencode

import openpyxl
import pytest

from app import create_app
from ocindex.settings import Settings
from tests.unit.test_downloads import page_csv

HOSTILE_REGION = '=HYPERLINK("http://evil.example/","South America")'
HOSTILE_LINE = '=HYPERLINK("http://evil.example/","details") Illegal gold mining fuels extortion in the south.'


@pytest.fixture(scope="module")
def hostile_app(tmp_path_factory, workbook):
    """The app over a copy of the workbook whose 2021 region of Peru is a formula, and a profile with a formula line."""
    data = tmp_path_factory.mktemp("hostile")
    book = openpyxl.load_workbook(workbook)
    sheet = book["2021_dataset"]
    header = [c.value for c in sheet[1]]
    for row in sheet.iter_rows(min_row=2):
        if row[header.index("Country")].value == "Peru":
            cell = row[header.index("Region")]
            cell.value, cell.data_type = HOSTILE_REGION, "s"  # text that looks like a formula, not a formula
    book.save(data / workbook.name)
    (data / "profiles").mkdir()
    (data / "profiles" / "PER-2021.txt").write_text(f"{HOSTILE_LINE}\n\n+Gold mining camps pay @extortion.\n",
                                                      encoding="utf-8")
    return create_app(Settings(data_dir=data, cache_dir=tmp_path_factory.mktemp("cache")))


@pytest.fixture(scope="module")
def client(hostile_app):
    client = hostile_app.server.test_client()
    client.get("/")
    return client


def cells(text: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(text)))


def starts_like_a_formula(value) -> bool:
    return isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r")


def test_the_scores_api_neutralises_a_formula_in_a_workbook_text_cell(client):
    rows = cells(client.get("/api/scores.csv?edition=2021").get_data(as_text=True))
    peru = [r for r in rows if r["iso3"] == "PER"]
    assert peru and {r["region"] for r in peru} == {"'" + HOSTILE_REGION}
    text_columns = ("country", "continent", "region", "indicator", "indicator_label", "component")
    assert not any(starts_like_a_formula(r[c]) for r in rows for c in text_columns)
    # Negative changes are numbers, not text: they keep their minus sign and no quote.
    changes = [r["change"] for r in cells(client.get("/api/scores.csv").get_data(as_text=True)) if r["change"]]
    assert any(c.startswith("-") for c in changes) and all(re.fullmatch(r"-?\d+\.\d\d", c) for c in changes)


@pytest.mark.parametrize("term", ["gold mining", "=hyperlink", "+gold mining", "@extortion"])
def test_the_search_download_neutralises_a_formula_in_a_profile_line_and_in_the_term(hostile_app, term):
    rows = page_csv(hostile_app, "search", "/search?" + urlencode({"q": term}))[1].to_dict("records")
    assert rows
    assert not any(starts_like_a_formula(value) for row in rows for value in row.values())
    if term == "gold mining":
        assert {r["passage"] for r in rows} >= {"'" + HOSTILE_LINE}


def test_a_view_download_neutralises_a_formula_in_a_workbook_text_cell(hostile_app):
    rows = page_csv(hostile_app, "indicator", "/indicator/cocaine-trade?edition=2021")[1].to_dict("records")
    assert [r["region"] for r in rows if r["iso3"] == "PER"] == ["'" + HOSTILE_REGION]
    assert not any(starts_like_a_formula(r[c]) for r in rows for c in ("country", "continent", "region"))
