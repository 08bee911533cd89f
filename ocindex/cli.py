"""`ocindex export | check | serve`: the data on the command line, and the dashboard."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .catalogue import uncatalogued_warning
from .comparability import region_notes
from .datadir import find_data_dir
from .errors import WORKBOOK_NAME, OCIndexError
from .export import UnknownEdition, parse_edition, scores_csv
from .index import load_index
from .narratives.documents import load_document
from .narratives.library import PROFILES_DIR, SETUP_HINT, Narratives
from .narratives.linking import Linker
from .settings import Settings


def _load(args):
    settings = Settings.from_env(data_dir=args.data_dir)
    return load_index(find_data_dir(settings.data_dir) / WORKBOOK_NAME)


def cmd_export(args) -> int:
    data = _load(args)
    edition = None if args.edition is None else parse_edition(args.edition, data)
    sys.stdout.write(scores_csv(data, edition))
    return 0


def cmd_check(args) -> int:
    data = _load(args)
    print(f"Workbook: {data.source}")
    print(f"SHA-256:  {data.sha256}")
    for edition in data.editions:
        table = data.edition_table(edition)
        indicators = data.indicators(edition)
        composites = sum(i.is_composite for i in indicators)
        print(
            f"  {edition}: {table['iso3'].nunique()} countries, {len(indicators) - composites} indicators "
            f"+ {composites} composites, {table['continent'].nunique()} continents, "
            f"{table['region'].nunique()} regions"
        )
    print("OK: every score is 1-10, every country matched to ISO3, every composite agrees with its parts.")
    for indicator in data.catalogue.uncatalogued:
        print(f"warning: {uncatalogued_warning(indicator)}")
    for note in region_notes(data):
        print(f"  regions: {note}")
    directory = data.source.parent / PROFILES_DIR
    narratives = Narratives.load(data.source.parent, data)
    print(f"Profiles in {directory}: {len(narratives.documents)} loaded, "
          f"{sum(len(d.links) for d in narratives.documents)} linked sentences")
    for document in narratives.documents:
        print(f"  {document.name}: {document.iso3} {document.edition}, {len(document.links)} links, "
              f"\"{document.title}\"")
    print(f"  {SETUP_HINT}")
    problems = narratives.errors + [f"score disagrees: {m}" for m in narratives.score_mismatches]
    for problem in problems:
        print(f"  problem: {problem}")
    return 1 if problems else 0


def cmd_link(args) -> int:
    data = _load(args)
    path = Path(args.file)
    iso3 = args.country.upper()
    if iso3 not in set(data.tidy["iso3"]) or args.edition not in data.editions:
        print(f"error: {iso3} {args.edition} is not a country and edition of the loaded index", file=sys.stderr)
        return 1
    document = load_document(path, iso3, args.edition, path.stem, Linker(data.catalogue), data)
    json.dump([link.as_dict() for link in document.links], sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    for mismatch in document.score_mismatches:
        print(f"warning: {mismatch}", file=sys.stderr)
    return 0


def cmd_serve(args) -> int:
    from app import run  # the web layer is imported only when serving, so the domain stays free of Dash

    run(Settings.from_env(data_dir=args.data_dir, host=args.host, port=args.port))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="ocindex", description="Global Organized Crime Index explorer")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--data-dir", type=Path, help="directory holding global_oc_index.xlsx "
                        "(default: $OCINDEX_DATA_DIR, data/ in the repo, then ../shared/data)")
    commands = parser.add_subparsers(dest="command", required=True)
    export = commands.add_parser("export", parents=[common], help="write the tidy table as CSV to stdout")
    export.add_argument("--edition", help="one edition (default: all)")
    export.set_defaults(handler=cmd_export)
    check = commands.add_parser("check", parents=[common], help="validate the data and summarise what loaded")
    check.set_defaults(handler=cmd_check)
    link = commands.add_parser("link", parents=[common], help="print a document's sentences linked to indicators")
    link.add_argument("file", help="a .txt or .pdf document about one country")
    link.add_argument("--country", required=True, help="ISO3 code, such as PER")
    link.add_argument("--edition", required=True, type=int, help="edition the document speaks of")
    link.set_defaults(handler=cmd_link)
    serve = commands.add_parser("serve", parents=[common], help="run the dashboard")
    serve.add_argument("--host")
    serve.add_argument("--port", type=int)
    serve.set_defaults(handler=cmd_serve)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.handler(args)
    except (OCIndexError, UnknownEdition) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
