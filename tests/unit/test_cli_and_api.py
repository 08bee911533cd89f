"""`ocindex export/check` and the app's /api/scores.csv and /healthz."""

from __future__ import annotations

import io
import json
from contextlib import redirect_stderr, redirect_stdout

import pandas as pd
import pytest

from cli import main
from ocindex.errors import WORKBOOK_NAME

COLUMNS = ("edition,iso3,country,continent,region,indicator,indicator_label,component,score,rank_global,n_global,"
           "rank_continent,n_continent,rank_region,n_region,change,rank_change")


def run_cli(*argv):
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        status = main(list(argv))
    return status, out.getvalue(), err.getvalue()


@pytest.fixture(scope="module")
def client(index, workbook):
    from app import create_app
    from ocindex.settings import Settings

    return create_app(Settings(data_dir=workbook.parent)).server.test_client()


def test_export_writes_the_tidy_table_of_one_edition_with_the_agreed_columns(workbook):
    status, out, _ = run_cli("export", "--edition", "2021", "--data-dir", str(workbook.parent))
    assert status == 0
    assert out.splitlines()[0] == COLUMNS
    table = pd.read_csv(io.StringIO(out))
    assert set(table["edition"]) == {2021} and table["iso3"].nunique() == 193
    peru = table[(table["iso3"] == "PER") & (table["indicator"] == "criminality")].iloc[0]
    assert (peru["score"], peru["rank_global"], peru["n_global"]) == (6.35, 26, 193)


def test_export_of_an_edition_that_is_not_loaded_says_which_are(workbook, workbook_editions):
    status, _, err = run_cli("export", "--edition", "1999", "--data-dir", str(workbook.parent))
    assert status == 1 and ", ".join(map(str, workbook_editions)) in err


def test_check_summarises_what_loaded(workbook):
    status, out, _ = run_cli("check", "--data-dir", str(workbook.parent))
    assert status == 0
    assert "2021: 193 countries" in out and "2023: 193 countries" in out


def test_check_exits_1_with_the_validation_error(tmp_path):
    (tmp_path / WORKBOOK_NAME).write_text("not a workbook")
    status, _, err = run_cli("check", "--data-dir", str(tmp_path))
    assert status == 1 and "cannot be opened" in err


def test_missing_workbook_message_says_what_where_and_from_where(tmp_path):
    status, _, err = run_cli("check", "--data-dir", str(tmp_path))
    assert status == 1
    assert WORKBOOK_NAME in err and "ocindex.net" in err and str(tmp_path) in err


def test_the_api_serves_the_same_csv_as_the_cli(client, workbook):
    _, cli_out, _ = run_cli("export", "--edition", "2023", "--data-dir", str(workbook.parent))
    response = client.get("/api/scores.csv?edition=2023")
    assert response.status_code == 200 and response.mimetype == "text/csv"
    assert response.get_data(as_text=True) == cli_out


def test_the_api_serves_all_editions_without_a_parameter(client, workbook_editions):
    table = pd.read_csv(io.StringIO(client.get("/api/scores.csv").get_data(as_text=True)))
    assert sorted(table["edition"].unique()) == workbook_editions


def test_the_api_refuses_an_unknown_edition_with_a_clear_message(client, workbook_editions):
    response = client.get("/api/scores.csv?edition=abc")
    listed = ", ".join(map(str, workbook_editions))
    assert response.status_code == 400 and f"available editions: {listed}" in response.get_data(as_text=True)


@pytest.mark.parametrize("edition", ["２０２１", "2_021", "+2021", "%202021", "2021&edition=abc"])
def test_the_api_reads_an_edition_as_the_pages_do(client, edition):
    """ASCII digits only, given once: int() alone took these as 2021 where the pages refuse them with a notice."""
    for route in ("/api/scores.csv", "/api/narratives.json"):
        assert client.get(f"{route}?edition={edition}").status_code == 400
        assert client.get(f"{route}?edition=2021").status_code == 200


def test_healthz_reports_what_is_loaded(client, workbook_editions):
    body = json.loads(client.get("/healthz").get_data(as_text=True))
    assert body["status"] == "ok" and body["editions"] == workbook_editions
    assert body["countries"] == {str(edition): 193 for edition in workbook_editions}
