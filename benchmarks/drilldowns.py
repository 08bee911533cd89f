"""Server-side time and payload of every drill-down callback: `python benchmarks/drilldowns.py`."""

from __future__ import annotations

import argparse
import itertools
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app import create_app  # noqa: E402
from benchmarks.common import measure  # noqa: E402
from components import ids  # noqa: E402
from ocindex.settings import Settings  # noqa: E402
from tests import callbacks  # noqa: E402


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

    outputs = callbacks.outputs_of(client, ids.INDICATOR.MAP, "figure")
    measure(client, "indicator: map + spread", [
        callbacks.body(outputs,
                       [(ids.INDICATOR.EDITION, "value", edition), (ids.INDICATOR.COUNTRY, "value", country),
                       (ids.INDICATOR.LEVEL, "value", level), (ids.SHELL.PRESENT, "data", False)], [(ids.INDICATOR.SLUG, "data", slug)], changed=f"{ids.INDICATOR.COUNTRY}.value")
        for slug, edition, country, level in itertools.product(indicators, editions[-1:], countries, ["continent", "region"])
    ], args.repeat)
    outputs = callbacks.outputs_of(client, ids.INDICATOR.SUMMARY, "children")
    measure(client, "indicator: ranking + summary (on edition change)", [
        callbacks.body(outputs,
                       [(ids.INDICATOR.EDITION, "value", edition)], [(ids.INDICATOR.SLUG, "data", slug)], changed=f"{ids.INDICATOR.EDITION}.value")
        for slug, edition in itertools.product(indicators[:-1], editions)
    ], args.repeat)
    outputs = callbacks.outputs_of(client, ids.INDICATOR.SELECTED, "children")
    measure(client, "indicator: selected country + narrative", [
        callbacks.body(outputs,
                       [(ids.INDICATOR.EDITION, "value", editions[-1]), (ids.INDICATOR.COUNTRY, "value", country)], [(ids.INDICATOR.SLUG, "data", slug)],
                       changed=f"{ids.INDICATOR.COUNTRY}.value")
        for slug, country in itertools.product(indicators, countries)
    ], args.repeat)

    outputs = callbacks.outputs_of(client, ids.COUNTRY.SUMMARY, "children")
    measure(client, "country: summary + dot plot + table", [
        callbacks.body(outputs,
                       [(ids.COUNTRY.EDITION, "value", edition), (ids.SHELL.PRESENT, "data", False)], [(ids.COUNTRY.ISO3, "data", iso3)], changed=f"{ids.COUNTRY.EDITION}.value")
        for iso3, edition in itertools.product(["PER", "MMR", "FIN", "TUV"], editions)
    ], args.repeat)

    outputs = callbacks.outputs_of(client, ids.COUNTRY.NARRATIVE, "children")
    measure(client, "country: narrative excerpts", [
        callbacks.body(outputs,
                       [(ids.COUNTRY.EDITION, "value", edition), (ids.COUNTRY.NARRATIVE_INDICATOR, "value", indicator)],
                       [(ids.COUNTRY.ISO3, "data", "PER")], changed=f"{ids.COUNTRY.EDITION}.value")
        for edition, indicator in itertools.product(editions, [None, "cocaine-trade"])
    ], args.repeat)

    outputs = callbacks.outputs_of(client, ids.COUNTRY.PEER_TABLE, "children")
    measure(client, "country: peers table", [
        callbacks.body(outputs,
                       [(ids.COUNTRY.EDITION, "value", edition), (ids.COUNTRY.PEERS, "value", peers)], [(ids.COUNTRY.ISO3, "data", "PER")],
                       changed=f"{ids.COUNTRY.PEERS}.value")
        for edition, peers in itertools.product(editions, [["BRA", "COL", "ECU", "BOL"], []])
    ], args.repeat)

    pillars = ["criminal-markets", "resilience", "drugs", "people"]
    outputs = callbacks.outputs_of(client, ids.PILLAR.TABLE, "rowData")
    measure(client, "pillar: heat table", [
        callbacks.body(outputs,
                       [(ids.PILLAR.EDITION, "value", edition), (ids.PILLAR.CONTINENT, "value", continents),
                       (ids.PILLAR.REGION, "value", [])], [(ids.PILLAR.SLUG, "data", slug)], changed=f"{ids.PILLAR.EDITION}.value")
        for slug, edition, continents in itertools.product(pillars, editions, [[], ["Americas"]])
    ], args.repeat)

    outputs = callbacks.outputs_of(client, ids.PILLAR.SELECTED, "children")
    measure(client, "pillar: selected country contributions", [
        callbacks.body(outputs,
                       [(ids.PILLAR.EDITION, "value", edition), (ids.PILLAR.COUNTRY, "value", country), (ids.SHELL.PRESENT, "data", False)],
                       [(ids.PILLAR.SLUG, "data", slug)], changed=f"{ids.PILLAR.COUNTRY}.value")
        for slug, edition, country in itertools.product(pillars, editions, countries)
    ], args.repeat)


if __name__ == "__main__":
    main()
