"""`ocindex export | check | serve`: the data on the command line, and the dashboard."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .datadir import find_data_dir
from .errors import WORKBOOK_NAME, OCIndexError
from .export import UnknownEdition, parse_edition, scores_csv
from .index import load_index
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
