"""The ``asean-tip-data`` command: list, show, summarise, export, validate and cite the data."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NoReturn

from ._cite import CITE_FORMATS, cite
from ._export import EXPORT_FORMATS, csv_text, export, json_records, rows
from ._files import DataError, datapackage_path
from ._i18n import LANGUAGES
from ._loading import load, resource_names, validate
from ._schema import bundled_tables, text_in
from ._summary import summary, table, word
from ._version import DATA_VINTAGE, __version__

PROG = "asean-tip-data"


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        # One line on stderr, exit 2: what scripts calling us can read.
        self.exit(2, f"{self.prog}: error: {message}\n")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog=PROG, description="POLRI and ASEANAPOL against human trafficking, as data.")
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__} (data {DATA_VINTAGE})")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND", parser_class=_Parser)
    lister = commands.add_parser("list", help="every resource with its title and row count")
    show = commands.add_parser("show", help="print the records of one resource")
    # The descriptor's names, not resource_names(): --help needs no pydantic.
    show.add_argument("resource", metavar="RESOURCE", choices=list(bundled_tables()), help="one of: %(choices)s")
    show.add_argument("--format", choices=("table", "csv", "json", "jsonl"), default="table")
    summarise = commands.add_parser("summary", help="the headline figures")
    for command in (lister, show, summarise):
        # Headings, titles and code labels; the data values stay as they are.
        command.add_argument("--lang", choices=LANGUAGES, default="en", help="en (English) or id (Bahasa Indonesia)")
    exporter = commands.add_parser("export", help="write every resource as CSV or Parquet files, JSON or SQLite")
    exporter.add_argument("--format", choices=EXPORT_FORMATS, required=True)
    exporter.add_argument(
        "--output", required=True, metavar="PATH", help="a folder for csv and parquet, a file otherwise"
    )
    exporter.add_argument("--force", action="store_true", help="replace what is at PATH")
    pager = commands.add_parser("page", help="build the dataset's web page, in English and Indonesian")
    pager.add_argument("--output", required=True, metavar="DIR", help="an empty or new folder")
    pager.add_argument("--datapackage", metavar="DATAPACKAGE", help="a copy to build from, not the bundled data")
    pager.add_argument("--force", action="store_true", help="replace what is in DIR")
    validator = commands.add_parser("validate", help="check the bundled or a given datapackage.json")
    validator.add_argument("datapackage", nargs="?", metavar="DATAPACKAGE")
    citer = commands.add_parser("cite", help="how to cite the dataset and the article")
    citer.add_argument("--format", choices=CITE_FORMATS, default="text")
    commands.add_parser("path", help="the path of the bundled datapackage.json")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code (0 ok, 1 invalid data, 2 usage error)."""
    args = _parser().parse_args(argv)
    try:
        if args.command == "list":
            _list(args.lang)
        elif args.command == "show":
            _show(args.resource, args.format, args.lang)
        elif args.command == "summary":
            print(summary(args.lang))
        elif args.command == "export":
            print(export(args.format, args.output, overwrite=args.force))
        elif args.command == "page":
            from ._page import build_page  # only here: its libraries come with the page extra

            print(build_page(args.output, args.datapackage, overwrite=args.force))
        elif args.command == "validate":
            return _validate(args.datapackage)
        elif args.command == "cite":
            sys.stdout.write(cite(args.format))
        elif args.command == "path":
            print(datapackage_path())
    except DataError as exc:
        print(f"{PROG}: invalid data: {exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        # The reader (say, `head`) stopped early: not an error. Silence the final flush.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except (OSError, ImportError) as exc:
        # A missing folder, an unwritable file or a missing optional extra: usage, not data.
        print(f"{PROG}: error: {exc}", file=sys.stderr)
        return 2
    return 0


def _list(lang: str) -> None:
    header = word("list_header", lang).split("|")
    lines = [[n, str(len(load(n))), text_in(t.titles, lang)] for n, t in bundled_tables().items()]
    print(table([header, *lines]))


def _show(name: str, format: str, lang: str) -> None:
    if format == "table":
        # A heading for people; the table itself holds the data as it is, field names and codes.
        print(f"{name}: {text_in(bundled_tables()[name].titles, lang)}\n")
        print(table(rows(name)))
    elif format == "csv":
        sys.stdout.write(csv_text(name))
    elif format == "json":
        print(json.dumps(json_records(load(name)), indent=2, ensure_ascii=False))
    else:
        for record in json_records(load(name)):
            print(json.dumps(record, ensure_ascii=False))


def _validate(datapackage: str | None) -> int:
    target = Path(datapackage) if datapackage else datapackage_path()
    if target.is_dir():
        target = target / "datapackage.json"
    problems = list(validate(datapackage))
    checked = "models and keys"
    # frictionless only reads a copy our own checks passed: a URL path is refused before it is fetched.
    if not problems:
        try:
            import frictionless
        except ImportError:
            checked += "; install frictionless for the full Table Schema check"
        else:
            checked += " and frictionless"
            problems = _frictionless_problems(frictionless, target)
    if problems:
        print(f"{target}: INVALID", file=sys.stderr)
        for problem in problems:
            print(f"  {problem}", file=sys.stderr)
        return 1
    print(f"{target}: valid ({len(resource_names())} resources; checked {checked})")
    return 0


def _frictionless_problems(frictionless: Any, target: Path) -> list[str]:
    try:
        report = frictionless.validate(str(target))
    except frictionless.FrictionlessException as exc:
        return [f"frictionless: {exc}"]
    problems = [f"frictionless: {e.message}" for e in report.errors]
    for task in report.tasks:
        problems += [f"frictionless: {task.name}: {e.message}" for e in task.errors]
    return problems
