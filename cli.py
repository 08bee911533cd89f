"""`ocindex export | check | link | serve`: the data on the command line, and the dashboard.

The entry point sits beside app.py, not in the domain package: it serves the app, and ocindex/ knows nothing of it."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ocindex.errors import OCIndexError
from ocindex.export import UnknownEdition, parse_edition, scores_csv
from ocindex.narratives.documents import load_document
from ocindex.narratives.linking import Linker
from ocindex.report import check, load_configured
from ocindex.settings import Settings


def cmd_export(args) -> int:
    data = load_configured(args.data_dir)
    edition = None if args.edition is None else parse_edition(args.edition, data)
    sys.stdout.write(scores_csv(data, edition))
    return 0


def cmd_check(args) -> int:
    lines, problems = check(load_configured(args.data_dir))
    print("\n".join(lines))
    for problem in problems:
        print(f"  problem: {problem}")
    return 1 if problems else 0


def cmd_link(args) -> int:
    data = load_configured(args.data_dir)
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
    from app import run  # Dash is imported only to serve: export and check start without it

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
