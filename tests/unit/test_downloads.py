"""CSV downloads hold the data the view shows, with the edition and the source in every row."""

from __future__ import annotations

import io
import json

import pandas as pd
import pytest

from components import ids
from components.downloads import SOURCE


@pytest.fixture(scope="module")
def client(app_instance):
    client = app_instance.server.test_client()
    client.get("/")
    return client


def download(client, output_id, inputs, state):
    body = {"output": f"{output_id}.data", "outputs": {"id": output_id, "property": "data"},
            "inputs": [{"id": i, "property": p, "value": v} for i, p, v in inputs],
            "state": [{"id": i, "property": p, "value": v} for i, p, v in state], "changedPropIds": []}
    response = client.post("/_dash-update-component", data=json.dumps(body), content_type="application/json")
    assert response.status_code == 200
    payload = response.get_json()["response"][output_id]["data"]
    return payload["filename"], pd.read_csv(io.StringIO(payload["content"]))


def test_the_indicator_ranking_downloads_as_shown(client, index):
    name, table = download(client, ids.I_CSV_FILE, [(ids.I_CSV, "n_clicks", 1)],
                           [(ids.I_EDITION, "value", 2021), (ids.I_SLUG, "data", "cocaine-trade")])
    assert name == "oc-index_cocaine-trade_2021.csv"
    shown = index.edition_table(2021)
    shown = shown[shown["indicator"] == "cocaine-trade"].sort_values(["rank_global", "country"])
    assert table["iso3"].tolist() == shown["iso3"].tolist()
    assert table["score"].tolist() == shown["score"].tolist()
    assert set(table["edition"]) == {2021} and set(table["source"]) == {SOURCE}


def test_the_quadrant_downloads_every_country_with_its_quadrant(client):
    controls = [(ids.Q_EDITION, "value", 2023), (ids.Q_SPLIT, "value", "median"), (ids.Q_CONTINENT, "value", []),
                (ids.Q_REGION, "value", []), (ids.Q_COUNTRY, "value", None), (ids.Q_LABELS, "value", 0),
                (ids.Q_MOVEMENT, "value", False), (ids.Q_SCORES, "value", "official")]
    name, table = download(client, ids.Q_CSV_FILE, [(ids.Q_CSV, "n_clicks", 1)], controls)
    assert name == "oc-index_quadrant_2023.csv" and len(table) == 193
    peru = table.set_index("iso3").loc["PER"]
    assert (peru["criminality"], peru["resilience"], peru["criminality_rank_global"]) == (6.40, 4.38, 32)
    assert peru["split"].startswith("Global median")


def test_the_country_profile_downloads_its_indicators(client, index):
    name, table = download(client, ids.C_CSV_FILE, [(ids.C_CSV, "n_clicks", 1)],
                           [(ids.C_EDITION, "value", 2021), (ids.C_ISO3, "data", "PER")])
    assert name == "oc-index_PER_2021.csv"
    assert len(table) == len(index.indicators(2021))
    assert table.set_index("indicator").loc["criminality", "rank_global"] == 26
