"""Server-side time and payload of every drill-down callback: `python benchmarks/drilldowns.py`."""

from __future__ import annotations

import argparse
import itertools
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app import create_app  # noqa: E402
from benchmarks.common import callback_body, measure  # noqa: E402
from components import ids  # noqa: E402
from ocindex.settings import Settings  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    app = create_app(Settings.from_env())
    editions = list(app.server.config["OCINDEX_STORE"].index.editions)
    client = app.server.test_client()
    client.get("/")
    countries = ["PER", "MMR", "FIN", None]
    indicators = ["criminality", "cocaine-trade", "non-renewable-resource-crimes", "anti-money-laundering",
                  "financial-crimes"]

    measure(client, "indicator: map + spread", [
        callback_body([(ids.I_MAP, "figure"), (ids.I_SPREAD, "figure"), (ids.I_SPREAD_NOTE, "children")],
                      [(ids.I_EDITION, "value", edition), (ids.I_COUNTRY, "value", country),
                       (ids.I_LEVEL, "value", level), (ids.PRESENT, "data", False)], f"{ids.I_COUNTRY}.value", [(ids.I_SLUG, "data", slug)])
        for slug, edition, country, level in itertools.product(indicators, editions[-1:], countries, ["continent", "region"])
    ], args.repeat)
    measure(client, "indicator: ranking + summary (on edition change)", [
        callback_body([(ids.I_SUMMARY, "children"), (ids.I_RANKING, "rowData"), (ids.I_RANKING, "columnDefs")],
                      [(ids.I_EDITION, "value", edition)], f"{ids.I_EDITION}.value", [(ids.I_SLUG, "data", slug)])
        for slug, edition in itertools.product(indicators[:-1], editions)
    ], args.repeat)
    measure(client, "indicator: selected country + narrative", [
        callback_body([(ids.I_SELECTED, "children"), (ids.I_NARRATIVE, "children")],
                      [(ids.I_EDITION, "value", editions[-1]), (ids.I_COUNTRY, "value", country)], f"{ids.I_COUNTRY}.value",
                      [(ids.I_SLUG, "data", slug)])
        for slug, country in itertools.product(indicators, countries)
    ], args.repeat)

    measure(client, "country: summary + dot plot + table", [
        callback_body([(ids.C_SUMMARY, "children"), (ids.C_DOTS, "figure"), (ids.C_ABSENT, "children"),
                       (ids.C_TABLE, "rowData"), (ids.C_TABLE, "columnDefs")],
                      [(ids.C_EDITION, "value", edition), (ids.PRESENT, "data", False)], f"{ids.C_EDITION}.value", [(ids.C_ISO3, "data", iso3)])
        for iso3, edition in itertools.product(["PER", "MMR", "FIN", "TUV"], editions)
    ], args.repeat)

    measure(client, "country: narrative excerpts", [
        callback_body([(ids.C_NARRATIVE, "children")],
                      [(ids.C_EDITION, "value", edition), (ids.C_NARRATIVE_INDICATOR, "value", indicator)],
                      f"{ids.C_EDITION}.value", [(ids.C_ISO3, "data", "PER")])
        for edition, indicator in itertools.product(editions, [None, "cocaine-trade"])
    ], args.repeat)

    measure(client, "country: peers table", [
        callback_body([(ids.C_PEER_TABLE, "children")],
                      [(ids.C_EDITION, "value", edition), (ids.C_PEERS, "value", peers)], f"{ids.C_PEERS}.value",
                      [(ids.C_ISO3, "data", "PER")])
        for edition, peers in itertools.product(editions, [["BRA", "COL", "ECU", "BOL"], []])
    ], args.repeat)

    pillars = ["criminal-markets", "resilience", "drugs", "people"]
    measure(client, "pillar: heat table", [
        callback_body([(ids.P_TABLE, "rowData"), (ids.P_TABLE, "columnDefs"), (ids.P_ABSENT, "children")],
                      [(ids.P_EDITION, "value", edition), (ids.P_CONTINENT, "value", continents),
                       (ids.P_REGION, "value", [])], f"{ids.P_EDITION}.value", [(ids.P_SLUG, "data", slug)])
        for slug, edition, continents in itertools.product(pillars, editions, [[], ["Americas"]])
    ], args.repeat)

    measure(client, "pillar: selected country contributions", [
        callback_body([(ids.P_SELECTED, "children")],
                      [(ids.P_EDITION, "value", edition), (ids.P_COUNTRY, "value", country), (ids.PRESENT, "data", False)],
                      f"{ids.P_COUNTRY}.value", [(ids.P_SLUG, "data", slug)])
        for slug, edition, country in itertools.product(pillars, editions, countries)
    ], args.repeat)


if __name__ == "__main__":
    main()
