"""The ``asean-tip-data`` command: list, show, summarise, export, validate and cite the data."""

from __future__ import annotations

import argparse
import errno
import os
import shutil
import sys
from collections.abc import Sequence
from typing import Any, NoReturn

from ._cite import CITE_FORMATS
from ._files import DataError, datapackage_path, descriptor_path
from ._i18n import LANGUAGES
from ._output import EXPORT_FORMATS
from ._schema import bundled_tables, text_in
from ._version import DATA_VINTAGE, __version__

PROG = "asean-tip-data"
# Only the descriptor is read to build the parser: --help, --version and path import no pydantic.
# Each command imports what it needs when it runs.
COMMANDS = {
    "list": ("every resource with its title and row count", "asean-tip-data list --lang id"),
    "show": ("print the records of one resource", "asean-tip-data show meetings --format csv"),
    "summary": ("the headline figures of every table", "asean-tip-data summary --lang id"),
    "export": (
        "write every resource as CSV or Parquet files, JSON or SQLite",
        "asean-tip-data export --format sqlite --output tip.db",
    ),
    "page": ("build the dataset's web site, in English and Indonesian", "asean-tip-data page --output site"),
    "validate": ("check the bundled or a given copy of the data", "asean-tip-data validate downloads/datapackage.json"),
    "cite": ("how to cite the dataset and the article", "asean-tip-data cite --format bibtex"),
    "path": ("print the path of the bundled datapackage.json", "asean-tip-data path"),
}


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        # One line on stderr, exit 2: what scripts calling us can read.
        self.exit(2, f"{self.prog}: error: {message}\n")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog=PROG, description="POLRI and ASEANAPOL against human trafficking, as data.")
    version = f"{PROG} {__version__} (data {DATA_VINTAGE})"
    parser.add_argument("-V", "--version", action="version", version=version, help="print the version and exit")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND", parser_class=_Parser)
    made = {}
    for name, (summary, example) in COMMANDS.items():
        made[name] = commands.add_parser(
            name, help=summary, description=f"{summary[0].upper()}{summary[1:]}.", epilog=f"example: {example}"
        )
    show = made["show"]
    show.add_argument("resource", metavar="RESOURCE", choices=list(bundled_tables()), help="one of: %(choices)s")
    show.add_argument(
        "--format",
        choices=("table", "csv", "json", "jsonl"),
        default="table",
        help="table (aligned columns, the default), csv, json, or jsonl (one JSON object a line)",
    )
    for name in ("list", "show", "summary", "cite"):
        # Headings, titles and code labels; the data values stay as they are.
        made[name].add_argument("--lang", choices=LANGUAGES, default="en", help="en (English) or id (Bahasa Indonesia)")
    for name in ("list", "show", "summary", "page"):
        made[name].add_argument("--datapackage", metavar="PATH", help="a copy to read (its folder or datapackage.json)")
    exporter = made["export"]
    exporter.add_argument("--format", choices=EXPORT_FORMATS, required=True, help="one of: %(choices)s")
    exporter.add_argument(
        "--output", required=True, metavar="PATH", help="a folder for csv and parquet, a file otherwise"
    )
    exporter.add_argument("--datapackage", metavar="PATH", help="a copy to export (its folder or datapackage.json)")
    made["page"].add_argument("--output", required=True, metavar="DIR", help="an empty or new folder")
    for name in ("export", "page"):
        made[name].add_argument("--force", action="store_true", help="replace what is at the output path")
    made["validate"].add_argument(
        "datapackage",
        nargs="?",
        metavar="DATAPACKAGE",
        help="a copy's datapackage.json or its folder (default: the bundled data)",
    )
    made["cite"].add_argument(
        "--format", choices=CITE_FORMATS, default="text", help="text, bibtex or cff (CITATION.cff)"
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code (0 ok, 1 invalid data, 2 usage or output error)."""
    if sys.stdout is None:  # started with its standard output closed: nothing could be written
        print(f"{PROG}: error: standard output is closed; nothing was written", file=sys.stderr)
        return 2
    for stream in (sys.stdout, sys.stderr):
        if stream is not None and hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")  # a terminal that is not UTF-8 gets "?", never a crash
    args = _parser().parse_args(argv)
    try:
        code = _run(args)
        sys.stdout.flush()
    except DataError as exc:
        print(f"{PROG}: invalid data: {exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        # The reader (say, `head`) stopped early, so some output was lost: no traceback, exit 2.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 2
    except OSError as exc:
        print(f"{PROG}: error: {_plain(exc)}", file=sys.stderr)
        return 2
    except (ImportError, ValueError) as exc:  # a missing optional extra, or a path that cannot be used
        print(f"{PROG}: error: {exc}", file=sys.stderr)
        return 2
    return code


def _plain(exc: OSError) -> str:
    """Return an OSError in plain words: the path, then what is wrong, with no errno."""
    what = "no space left on device" if exc.errno == errno.ENOSPC else (exc.strerror or str(exc)).lower()
    where = exc.filename if exc.filename is not None else ""
    return f"{where}: {what}" if where else what


def _run(args: Any) -> int:
    if args.command == "list":
        _list(args.lang, args.datapackage)
    elif args.command == "show":
        _show(args.resource, args.format, args.lang, args.datapackage)
    elif args.command == "summary":
        from ._summary import summary

        print(summary(args.lang, _copy(args.datapackage)))
    elif args.command == "export":
        from ._export import export

        print(export(args.format, args.output, _copy(args.datapackage), overwrite=args.force))
    elif args.command == "page":
        from ._page import build_page  # only here: its libraries come with the page extra

        print(build_page(args.output, _copy(args.datapackage), overwrite=args.force))
    elif args.command == "validate":
        return _validate(args.datapackage)
    elif args.command == "cite":
        from ._cite import cite

        sys.stdout.write(cite(args.format, lang=args.lang))
    elif args.command == "path":
        print(datapackage_path())
    return 0


def _copy(datapackage: str | None) -> str | None:
    """Return a copy's path given on the command line; a missing one is a usage error, not invalid data."""
    if datapackage is None:
        return None
    if not descriptor_path(datapackage).is_file():
        raise FileNotFoundError(
            errno.ENOENT, "no such file; give a copy's datapackage.json or the folder that holds it", datapackage
        )
    return datapackage


def _list(lang: str, datapackage: str | None) -> None:
    from ._loading import load
    from ._summary import word
    from ._terminal import table

    copy = _copy(datapackage)
    header = word("list_header", lang).split("|")
    lines = [[n, str(len(load(n, copy))), text_in(t.titles, lang)] for n, t in bundled_tables().items()]
    print(table([header, *lines])[0])


def _show(name: str, format: str, lang: str, datapackage: str | None) -> None:
    import json

    from ._export import csv_text, json_records, rows
    from ._loading import load
    from ._terminal import cell_limit, table

    copy = _copy(datapackage)
    if format == "table":
        cells = rows(name, copy)
        # On a terminal, cut to its width and say so; piped or redirected, every cell whole.
        limit = cell_limit(cells, shutil.get_terminal_size().columns) if sys.stdout.isatty() else None
        text, cut = table(cells, limit)
        # A heading for people; the table itself holds the data as it is, field names and codes.
        print(f"{name}: {text_in(bundled_tables()[name].titles, lang)}\n")
        print(text)
        if cut:
            print(f"\nSome cells are cut (…) to fit the terminal; see them whole with: {PROG} show {name} --format csv")
    elif format == "csv":
        sys.stdout.write(csv_text(name, copy))
    elif format == "json":
        print(json.dumps(json_records(load(name, copy)), indent=2, ensure_ascii=False))
    else:
        for record in json_records(load(name, copy)):
            print(json.dumps(record, ensure_ascii=False))


def _validate(datapackage: str | None) -> int:
    from ._loading import resource_names, validate

    target = descriptor_path(_copy(datapackage))
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
            problems = _frictionless_problems(frictionless, str(target))
    if problems:
        print(f"{target}: INVALID", file=sys.stderr)
        for problem in problems:
            print(f"  {problem}", file=sys.stderr)
        return 1
    print(f"{target}: valid ({len(resource_names())} resources; checked {checked})")
    return 0


def _frictionless_problems(frictionless: Any, target: str) -> list[str]:
    try:
        report = frictionless.validate(target)
    except frictionless.FrictionlessException as exc:
        return [f"frictionless: {exc}"]
    problems = [f"frictionless: {e.message}" for e in report.errors]
    for task in report.tasks:
        problems += [f"frictionless: {task.name}: {e.message}" for e in task.errors]
    return problems
