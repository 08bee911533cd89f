"""Start-up and page time with many profile documents: `python benchmarks/narratives_load.py [--documents 200]`.

Writes synthetic profiles into a temporary data directory (the seed texts under many countries' names, a tenth
of them as PDFs, each with a sidecar), then measures: the app's start-up (workbook, every profile read, cleaned
and linked, the Dash app built), and the country page's and indicator page's narrative callbacks through Flask.
Linking happens once, at start-up: the callbacks only look passages up."""

from __future__ import annotations

import argparse
import itertools
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from fpdf import FPDF  # noqa: E402

from app import create_app  # noqa: E402
from benchmarks.common import measure  # noqa: E402
from components import ids  # noqa: E402
from ocindex.catalogue import Catalogue  # noqa: E402
from ocindex.datadir import find_data_dir  # noqa: E402
from ocindex.errors import WORKBOOK_NAME  # noqa: E402
from ocindex.index import load_index  # noqa: E402
from ocindex.settings import Settings  # noqa: E402
from tests import callbacks  # noqa: E402

SEEDS = Path(__file__).resolve().parent.parent.parent / "shared" / "seeds"


def write_pdf(path: Path, text: str) -> None:
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=10)
    pdf.multi_cell(0, 5, text.encode("latin-1", "replace").decode("latin-1"))
    pdf.output(str(path))


def make_profiles(directory: Path, data_dir: Path, documents: int) -> list[str]:
    """documents profiles spread over the countries and editions of the workbook; the countries used."""
    data = load_index(data_dir / WORKBOOK_NAME, Catalogue.load())
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("0*.txt"))]
    countries = sorted(data.wide(data.editions[-1]).index)
    slots = itertools.product(data.editions, countries)
    used = []
    for n, (edition, iso3) in zip(range(documents), slots):
        stem = f"{iso3}-{edition}-synthetic"
        if n % 10 == 0:
            write_pdf(directory / f"{stem}.pdf", texts[n % len(texts)])
        else:
            (directory / f"{stem}.txt").write_text(texts[n % len(texts)], encoding="utf-8")
        (directory / f"{stem}.meta.json").write_text(json.dumps({
            "title": f"Synthetic profile {n}", "publisher": "benchmark", "url": f"https://example.org/{stem}"}),
            encoding="utf-8")
        used.append((iso3, edition))
    return used


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--documents", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--data-dir", type=Path)
    args = parser.parse_args()
    workbook = find_data_dir(args.data_dir) / WORKBOOK_NAME
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = Path(tmp)
        (data_dir / WORKBOOK_NAME).symlink_to(workbook)
        (data_dir / "profiles").mkdir()
        used = make_profiles(data_dir / "profiles", data_dir, args.documents)

        started = time.perf_counter()
        app = create_app(Settings(data_dir=data_dir, cache_dir=data_dir / "cache"))
        startup = time.perf_counter() - started
        narratives = app.server.config["OCINDEX_STORE"].narratives
        links = sum(len(d.links) for d in narratives.documents)
        print(f"start-up with {len(narratives.documents)} documents ({links} links, {len(narratives.errors)} "
              f"refused): {startup:.2f} s (target < 10 s)")

        client = app.server.test_client()
        client.get("/")
        sample = used[:: max(1, len(used) // 12)]
        indicators = [None, "cocaine-trade", "mafia-style-groups", "law-enforcement"]
        bodies = [callbacks.body([(ids.COUNTRY.NARRATIVE, "children")],
                                 [(ids.COUNTRY.EDITION, "value", edition), (ids.COUNTRY.NARRATIVE_INDICATOR, "value", indicator)],
                                 [(ids.COUNTRY.ISO3, "data", iso3)], changed=f"{ids.COUNTRY.NARRATIVE_INDICATOR}.value")
                  for (iso3, edition), indicator in itertools.product(sample, indicators)]
        measure(client, "country page: narrative panel", bodies, args.repeat)
        editions = sorted({e for _, e in used})
        bodies = [callbacks.body([(ids.INDICATOR.SELECTED, "children"), (ids.INDICATOR.NARRATIVE, "children")],
                                 [(ids.INDICATOR.EDITION, "value", edition), (ids.INDICATOR.COUNTRY, "value", None)],
                                 [(ids.INDICATOR.SLUG, "data", slug)], changed=f"{ids.INDICATOR.COUNTRY}.value")
                  for edition, slug in itertools.product(editions, indicators[1:])]
        measure(client, "indicator page: passages of every country", bodies, args.repeat)


if __name__ == "__main__":
    main()
