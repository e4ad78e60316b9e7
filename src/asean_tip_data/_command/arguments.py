"""The command line's words: its subcommands, arguments and options, each with its help, in the language chosen."""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections.abc import Sequence
from typing import Any, NoReturn

from .._catalogue.cite import CITE_FORMATS
from .._gate.schema import bundled_tables
from .._outputs.replace import EXPORT_FORMATS
from .._version import DATA_VINTAGE, __version__
from .._words.i18n import LANGUAGES
from .._words.messages import _, shown

PROG = "asean-tip-data"
# Only the descriptor is read to build the parser: --help, --version and path import no pydantic.
# Each command imports what it needs when it runs. The words are gettext's (_messages): they depend
# on the language the command line chose, so they are looked up when the parser is built.
EXAMPLES = {
    "list": "asean-tip-data list --lang id",
    "show": "asean-tip-data show meetings --format csv",
    "summary": "asean-tip-data summary --lang id",
    "export": "asean-tip-data export --format sqlite --output tip.db",
    "page": "asean-tip-data page --output site",
    "validate": "asean-tip-data validate downloads/datapackage.json",
    "cite": "asean-tip-data cite --format bibtex",
    "dcat": "asean-tip-data dcat --format json-ld",
    "path": "asean-tip-data path",
}


def commands() -> dict[str, str]:
    """Return each subcommand's one-line description, in the language chosen."""
    return {
        "list": _("every resource with its title and row count"),
        "show": _("print the records of one resource"),
        "summary": _("the headline figures of every table"),
        "export": _("write every resource as CSV or Parquet files, JSON or SQLite"),
        "page": _("build the dataset's web site, in English and Indonesian"),
        "validate": _("check the bundled or a given copy of the data"),
        "cite": _("how to cite the dataset and the article"),
        "dcat": _("print the dataset's DCAT-AP 3 record, for catalogues that harvest DCAT"),
        "path": _("print the path of the bundled datapackage.json"),
    }


def fault(message: str, kind: str = "error") -> str:
    """Return the one line a fault is reported in: an error (usage, exit 2) or invalid data (exit 1)."""
    said = _("invalid data") if kind == "data" else _("error")
    return f"{PROG}: {said}: {shown(message)}\n"  # one line, whatever a copy's path or value holds


def say(text: str) -> None:
    """Write ``text`` to standard error if it can be written: the exit code says what happened either way."""
    try:
        sys.stderr.write(text)
        sys.stderr.flush()
    except (AttributeError, OSError, ValueError):  # closed (None), full or gone
        pass


class _Print(argparse.Action):
    """Print the help (or, given ``text``, the version) and exit: a write that fails is an error, never silent."""

    def __init__(self, option_strings: Sequence[str], dest: str, text: str = "", **kwargs: Any) -> None:
        super().__init__(option_strings, argparse.SUPPRESS, nargs=0, default=argparse.SUPPRESS, **kwargs)
        self.text = text

    def __call__(self, parser: argparse.ArgumentParser, *args: object) -> NoReturn:
        # Not argparse's own --help and --version: they drop a write that fails (a full disk) and exit 0.
        sys.stdout.write(self.text + "\n" if self.text else parser.format_help())
        sys.stdout.flush()
        parser.exit()


class _Parser(argparse.ArgumentParser):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs["add_help"] = False  # our own --help, below
        super().__init__(*args, **kwargs)
        self.add_argument("-h", "--help", action=_Print, help=_("show this help message and exit"))

    def error(self, message: str) -> NoReturn:
        # One line on stderr, exit 2: what scripts calling us can read.
        # Python 3.10's argparse leaves "argument X: ..." untranslated; later ones translate it.
        named = re.fullmatch(r"argument (\S+): (.*)", message, re.DOTALL)
        if named is not None:
            template = _("argument %(argument_name)s: %(message)s")
            message = template % {"argument_name": named[1], "message": named[2]}
        say(fault(message))  # not argparse's own printing, which Python 3.10 lets fail on a closed stderr
        self.exit(2)


def language(argv: Sequence[str]) -> str | None:
    """Return the language asked for with --lang, or None."""
    for i, arg in enumerate(argv):
        value = argv[i + 1] if arg == "--lang" and i + 1 < len(argv) else arg[7:] if arg.startswith("--lang=") else None
        if value is not None:
            return value if value in LANGUAGES else None
    return None


def locale_language() -> str:
    """Return id where the environment's locale is Indonesian (LANG=id_ID.UTF-8, say), else en."""
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable)
        if value:
            return "id" if value.split(":")[0].startswith("id") else "en"
    return "en"


def parser(lang: str = "en") -> argparse.ArgumentParser:
    made_parser = _Parser(prog=PROG, description=_("POLRI and ASEANAPOL against human trafficking, as data."))
    # The article's date, named as the article's: the data reach later (asean_tip_data._catalogue.facts).
    version = f"{PROG} {__version__} (" + _("article published {date}").format(date=DATA_VINTAGE) + ")"
    made_parser.add_argument("-V", "--version", action=_Print, text=version, help=_("print the version and exit"))
    subparsers = made_parser.add_subparsers(dest="command", required=True, metavar=_("COMMAND"), parser_class=_Parser)
    made = {}
    for name, summary in commands().items():
        made[name] = subparsers.add_parser(
            name,
            help=summary,
            description=f"{summary[0].upper()}{summary[1:]}.",
            epilog=_("example: {command}").format(command=EXAMPLES[name]),
        )
    show = made["show"]
    show.add_argument("resource", metavar=_("RESOURCE"), choices=list(bundled_tables()), help=_("one of: %(choices)s"))
    show.add_argument(
        "--format",
        choices=("table", "csv", "json", "jsonl"),
        default="table",
        help=_("table (aligned columns, the default), csv, json, or jsonl (one JSON object a line)"),
    )
    lang_help = _("en (English) or id (Bahasa Indonesia)")
    made_parser.add_argument("--lang", dest="top_lang", choices=LANGUAGES, help=lang_help)
    for name in made:
        # Every word the command says; list, show and summary also give headings, titles and code
        # labels in it. The data values stay as they are.
        made[name].add_argument(
            "--lang", choices=LANGUAGES, default=lang, help=_("en (English) or id (Bahasa Indonesia)")
        )
    made["dcat"].add_argument("--format", choices=("turtle", "json-ld"), default="turtle", help=_("turtle or json-ld"))
    for name in ("list", "show", "summary", "page", "dcat"):
        made[name].add_argument(
            "--datapackage", metavar=_("PATH"), help=_("a copy to read (its folder or datapackage.json)")
        )
    exporter = made["export"]
    exporter.add_argument("--format", choices=EXPORT_FORMATS, required=True, help=_("output format: %(choices)s"))
    exporter.add_argument(
        "--output", required=True, metavar=_("PATH"), help=_("a folder for csv and parquet, a file otherwise")
    )
    exporter.add_argument(
        "--datapackage", metavar=_("PATH"), help=_("a copy to export (its folder or datapackage.json)")
    )
    made["page"].add_argument("--output", required=True, metavar=_("DIR"), help=_("an empty or new folder"))
    for name in ("export", "page"):
        made[name].add_argument("--force", action="store_true", help=_("replace what is at the output path"))
    made["validate"].add_argument(
        "datapackage",
        nargs="?",
        metavar=_("DATAPACKAGE"),
        help=_("a copy's datapackage.json or its folder (default: the bundled data)"),
    )
    made["cite"].add_argument(
        "--format",
        choices=CITE_FORMATS,
        default="text",
        help=_("text, bibtex, cff (CITATION.cff) or zenodo (.zenodo.json)"),
    )
    return made_parser
