"""The command line's parser (asean_tip_data._command.arguments): every help whole, every usage error, every default.

Each expected text is written here by hand: the English words are the keys of words-pinned.toml's [messages],
the Indonesian its values (the `pinned` fixture), argparse's own layout is typed out command by command, and the
resources a command names are read from datapackage.json with json.
"""

from __future__ import annotations

import importlib.metadata
import io
import json
import os
import subprocess
from collections.abc import Callable
from typing import Any

import pytest

Cli = Callable[..., subprocess.CompletedProcess[str]]
Words = Callable[[str], str]

LOCALE_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")
INDONESIAN = "id_ID.UTF-8"

# Each command's one-line summary (English: the catalog's msgid), in the order the commands are listed.
SUMMARIES = {
    "list": "every resource with its title and row count",
    "show": "print the records of one resource",
    "summary": "the headline figures of every table",
    "export": "write every resource as CSV or Parquet files, JSON or SQLite",
    "page": "build the dataset's web site, in English and Indonesian",
    "validate": "check the bundled or a given copy of the data",
    "cite": "how to cite the dataset and the article",
    "dcat": "print the dataset's DCAT-AP 3 record, for catalogues that harvest DCAT",
    "path": "print the path of the bundled datapackage.json",
}
# The example under each command's help, as a user types it.
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


def _env(**set_: str) -> dict[str, str]:
    """The environment without a locale (English), with COLUMNS fixed so that argparse wraps no line, and ``set_``."""
    env = {k: v for k, v in os.environ.items() if k not in LOCALE_VARIABLES}
    return {**env, "COLUMNS": "1000", **set_}


def _words(pinned: dict[str, Any], lang: str) -> Words:
    """Return the translator of an English message into ``lang``, as words-pinned.toml has it."""
    messages: dict[str, str] = pinned["messages"]
    return (lambda text: text) if lang == "en" else (lambda text: messages[text])


def _lines(text: str) -> list[str]:
    """Return the lines of a help, each with its runs of spaces made one (argparse's columns are its own)."""
    return [" ".join(line.split()) for line in text.splitlines()]


@pytest.fixture(scope="module")
def resources(descriptor: dict[str, Any]) -> list[str]:
    """The names of the package's resources, in the descriptor's order (the choices of `show`)."""
    return [r["name"] for r in descriptor["resources"]]


def _expected_help(command: str | None, t: Words, resources: list[str]) -> list[str]:
    """Return the help of ``command`` (None: the program's own) as its lines, typed out by hand."""
    usage = t("usage: ") + "asean-tip-data"
    path, lang_option = t("PATH"), "--lang {en,id} " + t("en (English) or id (Bahasa Indonesia)")
    help_option = "-h, --help " + t("show this help message and exit")
    options, positionals = t("options") + ":", t("positional arguments") + ":"
    read = f"--datapackage {path} " + t("a copy to read (its folder or datapackage.json)")
    if command is None:
        return [
            f"{usage} [-h] [-V] [--lang {{en,id}}] {t('COMMAND')} ...",
            "",
            t("POLRI and ASEANAPOL against human trafficking, as data."),
            "",
            positionals,
            t("COMMAND"),
            *(f"{name} {t(summary)}" for name, summary in SUMMARIES.items()),
            "",
            options,
            help_option,
            "-V, --version " + t("print the version and exit"),
            lang_option,
        ]
    summary = t(SUMMARIES[command])
    head = [f"{summary[0].upper()}{summary[1:]}.", ""]
    foot = ["", t("example: {command}").format(command=EXAMPLES[command])]
    force = "--force " + t("replace what is at the output path")
    reading = [options, help_option, lang_option, read]
    body: dict[str, list[str]] = {
        "list": [f"{usage} list [-h] [--lang {{en,id}}] [--datapackage {path}]", "", *head, *reading],
        "summary": [f"{usage} summary [-h] [--lang {{en,id}}] [--datapackage {path}]", "", *head, *reading],
        "show": [
            f"{usage} show [-h] [--format {{table,csv,json,jsonl}}] [--lang {{en,id}}] [--datapackage {path}] "
            + t("RESOURCE"),
            "",
            *head,
            positionals,
            f"{t('RESOURCE')} " + t("one of: %(choices)s") % {"choices": ", ".join(resources)},
            "",
            options,
            help_option,
            "--format {table,csv,json,jsonl}",
            t("table (aligned columns, the default), csv, json, or jsonl (one JSON object a line)"),
            lang_option,
            read,
        ],
        "export": [
            f"{usage} export [-h] [--lang {{en,id}}] --format {{csv,json,sqlite,parquet}} --output {path} "
            f"[--datapackage {path}] [--force]",
            "",
            *head,
            options,
            help_option,
            lang_option,
            "--format {csv,json,sqlite,parquet}",
            t("output format: %(choices)s") % {"choices": "csv, json, sqlite, parquet"},
            f"--output {path} " + t("a folder for csv and parquet, a file otherwise"),
            f"--datapackage {path} " + t("a copy to export (its folder or datapackage.json)"),
            force,
        ],
        "page": [
            f"{usage} page [-h] [--lang {{en,id}}] [--datapackage {path}] --output {t('DIR')} [--force]",
            "",
            *head,
            options,
            help_option,
            lang_option,
            read,
            f"--output {t('DIR')} " + t("an empty or new folder"),
            force,
        ],
        "validate": [
            f"{usage} validate [-h] [--lang {{en,id}}] [{t('DATAPACKAGE')}]",
            "",
            *head,
            positionals,
            f"{t('DATAPACKAGE')} " + t("a copy's datapackage.json or its folder (default: the bundled data)"),
            "",
            options,
            help_option,
            lang_option,
        ],
        "cite": [
            f"{usage} cite [-h] [--lang {{en,id}}] [--format {{text,bibtex,cff,zenodo}}]",
            "",
            *head,
            options,
            help_option,
            lang_option,
            "--format {text,bibtex,cff,zenodo}",
            t("text, bibtex, cff (CITATION.cff) or zenodo (.zenodo.json)"),
        ],
        "dcat": [
            f"{usage} dcat [-h] [--lang {{en,id}}] [--format {{turtle,json-ld}}] [--datapackage {path}]",
            "",
            *head,
            options,
            help_option,
            lang_option,
            "--format {turtle,json-ld}",
            t("turtle or json-ld"),
            read,
        ],
        "path": [f"{usage} path [-h] [--lang {{en,id}}]", "", *head, options, help_option, lang_option],
    }
    return body[command] + foot


# How a reader asks for a language: nothing (English), the option (before --help, or as --lang=), or the locale.
ASKED = {
    "nothing": ("en", [], {}),
    "--lang en over LANG=id": ("en", ["--lang", "en"], {"LANG": INDONESIAN}),
    "--lang id": ("id", ["--lang", "id"], {}),
    "--lang=id": ("id", ["--lang=id"], {}),
    "LANG=id": ("id", [], {"LANG": INDONESIAN}),
}


@pytest.mark.parametrize("asked", list(ASKED))
@pytest.mark.parametrize("command", [None, *SUMMARIES])
def test_every_help_is_whole_in_the_language_asked(
    command: str | None, asked: str, cli: Cli, pinned: dict[str, Any], resources: list[str]
) -> None:
    lang, option, env = ASKED[asked]
    result = cli(*([command] if command else []), *option, "--help", env=_env(**env))
    assert (result.returncode, result.stderr) == (0, "")
    assert _lines(result.stdout) == _expected_help(command, _words(pinned, lang), resources)
    assert result.stdout.endswith("\n") and not result.stdout.endswith("\n\n")


@pytest.mark.parametrize("command", ["list", "show", "export", "validate"])
def test_help_asked_with_dash_h_is_the_same_help(command: str, cli: Cli, pinned: dict[str, Any]) -> None:
    for lang, env in (("en", _env()), ("id", _env(LANG=INDONESIAN))):
        result = cli(command, "-h", env=env)
        assert result.returncode == 0 and result.stdout == cli(command, "--help", env=env).stdout
        assert result.stdout.startswith(_words(pinned, lang)("usage: ") + f"asean-tip-data {command} [-h]")
    assert cli("-h", env=_env()).stdout == cli("--help", env=_env()).stdout


# The language a command speaks, chosen by --lang (first given, anywhere) before the locale: LANGUAGE, then LC_ALL,
# LC_MESSAGES, LANG, the first one set deciding, as gettext reads them.
CHOSEN = [
    ("en", [], {}),
    ("id", [], {"LANG": INDONESIAN}),
    ("id", [], {"LANG": "id"}),
    ("id", [], {"LC_ALL": INDONESIAN}),
    ("id", [], {"LC_MESSAGES": INDONESIAN}),
    ("id", [], {"LANGUAGE": "id"}),
    ("id", [], {"LANGUAGE": "id:en"}),
    ("id", [], {"LANGUAGE": "", "LANG": INDONESIAN}),  # one set empty is not set
    ("en", [], {"LANGUAGE": "en", "LANG": INDONESIAN}),
    ("en", [], {"LC_ALL": "en_US.UTF-8", "LANG": INDONESIAN}),
    ("en", [], {"LC_MESSAGES": "en_US.UTF-8", "LANG": INDONESIAN}),
    ("en", [], {"LANG": "C"}),
    ("en", [], {"LANG": "fr_FR.UTF-8"}),
    ("en", ["--lang", "en"], {"LANG": INDONESIAN}),
    ("en", ["--lang=en"], {"LANGUAGE": "id"}),
    ("id", ["--lang", "id"], {}),
    ("id", ["--lang=id"], {"LC_ALL": "en_US.UTF-8"}),
    ("id", ["--lang", "id", "--lang", "en"], {}),  # the first --lang
    ("en", ["--lang=en", "--lang", "id"], {}),
]


@pytest.mark.parametrize(("lang", "option", "env"), CHOSEN, ids=lambda x: repr(x))
def test_the_language_is_the_option_s_else_the_locale_s_for_words_and_data_alike(
    lang: str, option: list[str], env: dict[str, str], cli: Cli, pinned: dict[str, Any]
) -> None:
    # The list's header (the data's words, args.lang) and the help (gettext's words) speak the same language.
    header = pinned["summary"]["list_header"][("en", "id").index(lang)].split("|")
    listed = cli("list", *option, env=_env(**env))
    assert listed.returncode == 0, listed.stderr
    assert listed.stdout.splitlines()[0].split() == header
    helped = cli("list", *option, "--help", env=_env(**env))
    t = _words(pinned, lang)
    assert _lines(helped.stdout)[:3] == [
        t("usage: ") + "asean-tip-data list [-h] [--lang {en,id}] [--datapackage " + t("PATH") + "]",
        "",
        t(SUMMARIES["list"])[0].upper() + t(SUMMARIES["list"])[1:] + ".",
    ]


@pytest.mark.parametrize(("lang", "env"), [("en", {"LANG": INDONESIAN}), ("id", {})])
def test_the_program_s_own_lang_before_the_command_chooses_the_language(
    lang: str, env: dict[str, str], cli: Cli, pinned: dict[str, Any]
) -> None:
    header = pinned["summary"]["list_header"][("en", "id").index(lang)].split("|")
    listed = cli("--lang", lang, "list", env=_env(**env))
    assert listed.returncode == 0 and listed.stdout.splitlines()[0].split() == header
    assert (
        cli("--lang", lang, "list", "--help", env=_env(**env)).stdout
        == cli("list", "--lang", lang, "--help", env=_env(**env)).stdout
    )


@pytest.mark.parametrize("lang", ["en", "id"])
def test_the_version_names_the_article_s_date_in_the_language(lang: str, cli: Cli, pinned: dict[str, Any]) -> None:
    t = _words(pinned, lang)
    expected = f"asean-tip-data {importlib.metadata.version('asean-tip-data')} ("
    expected += t("article published {date}").format(date="2024-12-01") + ")\n"
    for flag in ("-V", "--version"):
        result = cli(flag, "--lang", lang, env=_env())
        assert (result.returncode, result.stdout, result.stderr) == (0, expected, "")
    assert cli("--version", env=_env(LANG=INDONESIAN) if lang == "id" else _env()).stdout == expected


# Usage errors: each the one line "asean-tip-data: error: ...", exit 2, nothing on standard output. Each is typed
# out below from argparse's English messages; a list of choices is written as Python's argparse writes it, which
# quotes each choice up to Python 3.12 and not after, so both are accepted.

EXPORT_FORMATS = ["csv", "json", "sqlite", "parquet"]


def _choice(t: Words, argument: str, value: str, choices: list[str]) -> list[str]:
    said = t("invalid choice: %(value)r (choose from %(choices)s)")
    return [
        _argument(t, argument, said % {"value": value, "choices": ", ".join(listed)})
        for listed in (map(repr, choices), choices)
    ]


def _argument(t: Words, argument: str, message: str) -> str:
    return t("argument %(argument_name)s: %(message)s") % {"argument_name": argument, "message": message}


def _usage_errors(t: Words, resources: list[str]) -> dict[str, tuple[list[str], list[str]]]:
    """Return each usage error by its name: the arguments, and the messages accepted (any one of them)."""
    required = t("the following arguments are required: %s")
    commands = list(SUMMARIES)
    return {
        "unknown command": (["frobnicate"], _choice(t, t("COMMAND"), "frobnicate", commands)),
        "no command": ([], [required % t("COMMAND")]),
        "unknown option": (["list", "--bogus"], [t("unrecognized arguments: %s") % "--bogus"]),
        "unknown option before the command": (["--bogus", "path"], [t("unrecognized arguments: %s") % "--bogus"]),
        "extra argument": (["validate", "a", "b"], [t("unrecognized arguments: %s") % "b"]),
        "argument to a command without one": (["path", "x"], [t("unrecognized arguments: %s") % "x"]),
        "unknown resource": (["show", "meeting"], _choice(t, t("RESOURCE"), "meeting", resources)),
        "no resource": (["show"], [required % t("RESOURCE")]),
        "bad show format": (
            ["show", "meetings", "--format", "xml"],
            _choice(t, "--format", "xml", ["table", "csv", "json", "jsonl"]),
        ),
        "show format without a value": (
            ["show", "meetings", "--format"],
            [_argument(t, "--format", t("expected one argument"))],
        ),
        "bad export format": (
            ["export", "--format", "xml", "--output", "x"],
            _choice(t, "--format", "xml", EXPORT_FORMATS),
        ),
        "export without format": (["export", "--output", "x"], [required % "--format"]),
        "export without output": (["export", "--format", "csv"], [required % "--output"]),
        "export without either": (["export"], [required % "--format, --output"]),
        "page without output": (["page", "--force"], [required % "--output"]),
        "page output without a value": (["page", "--output"], [_argument(t, "--output", t("expected one argument"))]),
        "bad cite format": (
            ["cite", "--format", "ris"],
            _choice(t, "--format", "ris", ["text", "bibtex", "cff", "zenodo"]),
        ),
        "bad dcat format": (["dcat", "--format", "rdf"], _choice(t, "--format", "rdf", ["turtle", "json-ld"])),
        "bad language": (["list", "--lang", "xx"], _choice(t, "--lang", "xx", ["en", "id"])),
        "bad language, the program's": (["--lang", "xx", "list"], _choice(t, "--lang", "xx", ["en", "id"])),
        "language without a value": (["list", "--lang"], [_argument(t, "--lang", t("expected one argument"))]),
        "force with a value": (
            ["export", "--force=yes"],
            [_argument(t, "--force", t("ignored explicit argument %r") % "yes")],
        ),
    }


USAGE_ERRORS = list(_usage_errors(lambda text: text, []))


@pytest.mark.parametrize("lang", ["en", "id"])
@pytest.mark.parametrize("name", USAGE_ERRORS)
def test_a_usage_error_is_one_line_in_the_reader_s_language_exit_2(
    name: str, lang: str, cli: Cli, pinned: dict[str, Any], resources: list[str]
) -> None:
    t = _words(pinned, lang)
    args, messages = _usage_errors(t, resources)[name]
    result = cli(*args, env=_env(LANG=INDONESIAN) if lang == "id" else _env())
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr in [f"asean-tip-data: {t('error')}: {message}\n" for message in messages]


@pytest.mark.parametrize("option", [["--lang", "id"], ["--lang=id"]])
@pytest.mark.parametrize("name", ["unknown command", "unknown resource", "bad show format", "export without output"])
def test_a_usage_error_follows_the_lang_option_over_the_locale(
    name: str, option: list[str], cli: Cli, pinned: dict[str, Any], resources: list[str]
) -> None:
    t = _words(pinned, "id")
    args, messages = _usage_errors(t, resources)[name]
    result = cli(*args, *option, env=_env(LC_ALL="en_US.UTF-8"))
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr in [f"asean-tip-data: {t('error')}: {message}\n" for message in messages]


# What each option means when it is not given: the run without it is the run with its default given.


def test_show_s_format_is_the_aligned_table_unless_asked(cli: Cli, descriptor: dict[str, Any]) -> None:
    plain = cli("show", "tip_tiers", env=_env())
    assert plain.returncode == 0 and plain.stdout == cli("show", "tip_tiers", "--format", "table", env=_env()).stdout
    (entry,) = [r for r in descriptor["resources"] if r["name"] == "tip_tiers"]
    lines = plain.stdout.splitlines()
    assert lines[0] == f"tip_tiers: {entry['title']}"  # a title, then the column titles: not CSV, not JSON
    assert set(lines[4]) == {"-", " "}
    assert plain.stdout != cli("show", "tip_tiers", "--format", "csv", env=_env()).stdout


def test_cite_s_format_is_plain_text_unless_asked(cli: Cli, doi: str) -> None:
    plain = cli("cite", env=_env())
    assert plain.returncode == 0 and plain.stdout == cli("cite", "--format", "text", env=_env()).stdout
    assert doi in plain.stdout and "@" not in plain.stdout  # no BibTeX entry
    assert plain.stdout != cli("cite", "--format", "bibtex", env=_env()).stdout


def test_dcat_s_format_is_turtle_unless_asked(cli: Cli) -> None:
    import rdflib
    from rdflib.compare import isomorphic

    # The same graph as --format turtle gives, compared as graphs: each run names the blank nodes anew. And
    # Turtle, not JSON-LD.
    plain = cli("dcat", env=_env())
    turtle = cli("dcat", "--format", "turtle", env=_env())
    assert plain.returncode == 0 and plain.stdout.startswith("@prefix ")
    graph = rdflib.Graph().parse(data=plain.stdout, format="turtle")
    assert len(graph) > 0 and isomorphic(graph, rdflib.Graph().parse(data=turtle.stdout, format="turtle"))
    with pytest.raises(json.JSONDecodeError):
        json.loads(plain.stdout)
    json.loads(cli("dcat", "--format", "json-ld", env=_env()).stdout)


def test_validate_without_a_copy_checks_the_bundled_data(cli: Cli) -> None:
    path = cli("path", env=_env()).stdout.strip()
    result = cli("validate", env=_env())
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"{path}: valid (16 resources; checked ")
    assert cli("validate", path, env=_env()).stdout == result.stdout


def test_the_parsed_arguments_are_every_option_s_value_or_default() -> None:
    # The parser's namespace for each command, without its options and with every one given: names and defaults.
    from asean_tip_data._command.arguments import parser

    none = {"top_lang": None, "lang": "en"}
    expected: list[tuple[str, list[str], dict[str, Any]]] = [
        ("en", ["list"], {"command": "list", "datapackage": None, **none}),
        ("id", ["list"], {"command": "list", "datapackage": None, "top_lang": None, "lang": "id"}),
        ("en", ["--lang", "id", "list"], {"command": "list", "datapackage": None, "top_lang": "id", "lang": "en"}),
        (
            "en",
            ["list", "--lang", "id", "--datapackage", "c"],
            {"command": "list", "datapackage": "c", "top_lang": None, "lang": "id"},
        ),
        (
            "en",
            ["show", "mous"],
            {"command": "show", "resource": "mous", "format": "table", "datapackage": None, **none},
        ),
        (
            "en",
            ["show", "mous", "--format", "jsonl", "--datapackage", "c"],
            {"command": "show", "resource": "mous", "format": "jsonl", "datapackage": "c", **none},
        ),
        ("en", ["summary"], {"command": "summary", "datapackage": None, **none}),
        (
            "en",
            ["export", "--format", "json", "--output", "o"],
            {"command": "export", "format": "json", "output": "o", "datapackage": None, "force": False, **none},
        ),
        (
            "en",
            ["export", "--format", "parquet", "--output", "o", "--datapackage", "c", "--force"],
            {"command": "export", "format": "parquet", "output": "o", "datapackage": "c", "force": True, **none},
        ),
        (
            "en",
            ["page", "--output", "o"],
            {"command": "page", "output": "o", "datapackage": None, "force": False, **none},
        ),
        (
            "en",
            ["page", "--output", "o", "--force", "--datapackage", "c"],
            {"command": "page", "output": "o", "datapackage": "c", "force": True, **none},
        ),
        ("en", ["validate"], {"command": "validate", "datapackage": None, **none}),
        ("en", ["validate", "c"], {"command": "validate", "datapackage": "c", **none}),
        ("en", ["cite"], {"command": "cite", "format": "text", **none}),
        ("en", ["cite", "--format", "zenodo"], {"command": "cite", "format": "zenodo", **none}),
        ("en", ["dcat"], {"command": "dcat", "format": "turtle", "datapackage": None, **none}),
        (
            "en",
            ["dcat", "--format", "json-ld", "--datapackage", "c"],
            {"command": "dcat", "format": "json-ld", "datapackage": "c", **none},
        ),
        ("en", ["path"], {"command": "path", **none}),
        ("id", ["path", "--lang", "en"], {"command": "path", "top_lang": None, "lang": "en"}),
    ]
    for lang, argv, namespace in expected:
        assert vars(parser(lang).parse_args(argv)) == namespace, argv
    assert vars(parser().parse_args(["path"]))["lang"] == "en"  # the parser's own default language


# fault, say, and what the parser's own --help, --version and errors do with the streams they write to.


@pytest.mark.parametrize(
    ("lang", "error", "invalid"), [("en", "error", "invalid data"), ("id", "galat", "data tidak sah")]
)
def test_fault_is_one_line_naming_the_program_and_the_kind_of_fault(
    lang: str, error: str, invalid: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from asean_tip_data._command.arguments import fault

    for variable in LOCALE_VARIABLES:
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANGUAGE", lang)
    assert fault("x.csv: broken") == f"asean-tip-data: {error}: x.csv: broken\n"
    assert fault("x.csv: broken", "error") == f"asean-tip-data: {error}: x.csv: broken\n"
    assert fault("x.csv: broken", "data") == f"asean-tip-data: {invalid}: x.csv: broken\n"
    assert fault("x", "other") == f"asean-tip-data: {error}: x\n"
    # A path's new line or escape code reaches the terminal escaped: the fault stays one line.
    assert fault("a\nb\x1b]0;t\x07", "data") == f"asean-tip-data: {invalid}: a\\nb\\x1b]0;t\\x07\n"


class _Failing(io.StringIO):
    """A stream whose write or flush fails as a full disk or a closed stream does."""

    def __init__(self, fails: str, error: Exception) -> None:
        super().__init__()
        self.fails, self.error = fails, error

    def write(self, text: str) -> int:
        if self.fails == "write":
            raise self.error
        return super().write(text)

    def flush(self) -> None:
        if self.fails == "flush":
            raise self.error


class _Flushed(io.StringIO):
    """A stream that shows what was flushed: text written and never flushed is not there."""

    def __init__(self) -> None:
        super().__init__()
        self.pending, self.flushed = "", ""

    def write(self, text: str) -> int:
        self.pending += text
        return len(text)

    def flush(self) -> None:
        self.flushed, self.pending = self.flushed + self.pending, ""


def test_say_writes_the_text_to_standard_error_and_flushes_it(monkeypatch: pytest.MonkeyPatch) -> None:
    from asean_tip_data._command.arguments import say

    stream = _Flushed()
    monkeypatch.setattr("sys.stderr", stream)
    say("asean-tip-data: error: x\n")
    assert (stream.flushed, stream.pending) == ("asean-tip-data: error: x\n", "")


@pytest.mark.parametrize(
    "stream",
    [
        None,
        _Failing("write", OSError(28, "No space left on device")),
        _Failing("flush", OSError(28, "No space left on device")),
        _Failing("write", ValueError("I/O operation on closed file.")),
    ],
    ids=["closed", "full on write", "full on flush", "closed file"],
)
def test_say_is_silent_where_standard_error_cannot_take_it(stream: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from asean_tip_data._command.arguments import say

    monkeypatch.setattr("sys.stderr", stream)
    say("asean-tip-data: error: x\n")  # nothing raised: the exit code says what happened


@pytest.mark.parametrize("argv", [["--help"], ["--version"], ["show", "--help"], ["path", "-h"]])
def test_help_and_version_are_flushed_and_exit_0(argv: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    from asean_tip_data._command.arguments import parser

    for variable in LOCALE_VARIABLES:
        monkeypatch.delenv(variable, raising=False)
    stream = _Flushed()
    monkeypatch.setattr("sys.stdout", stream)
    with pytest.raises(SystemExit) as done:
        parser().parse_args(argv)
    assert done.value.code in (0, None) and stream.pending == ""
    first = "asean-tip-data " if argv == ["--version"] else f"usage: asean-tip-data {' '.join(argv[:-1])}".rstrip()
    assert stream.flushed.startswith(first) and stream.flushed.endswith("\n")


@pytest.mark.parametrize("fails", ["write", "flush"])
@pytest.mark.parametrize("argv", [["--help"], ["--version"], ["cite", "--help"]])
def test_help_or_version_that_cannot_be_written_is_an_error_not_an_exit(
    argv: list[str], fails: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from asean_tip_data._command.arguments import parser

    monkeypatch.setattr("sys.stdout", _Failing(fails, OSError(28, "No space left on device")))
    with pytest.raises(OSError, match="No space left"):
        parser().parse_args(argv)


def test_a_parse_error_is_said_on_standard_error_in_one_line_and_exits_2(monkeypatch: pytest.MonkeyPatch) -> None:
    from asean_tip_data._command.arguments import parser

    for variable in LOCALE_VARIABLES:
        monkeypatch.delenv(variable, raising=False)
    out, err = _Flushed(), _Flushed()
    monkeypatch.setattr("sys.stdout", out)
    monkeypatch.setattr("sys.stderr", err)
    with pytest.raises(SystemExit) as done:
        parser().parse_args(["cite", "--format"])
    assert done.value.code == 2
    assert (out.flushed, out.pending, err.pending) == ("", "", "")
    assert err.flushed == "asean-tip-data: error: argument --format: expected one argument\n"
    # An error argparse gives with a new line in it stays one line.
    with pytest.raises(SystemExit):
        parser().error("argument X: one\ntwo")
    assert err.flushed.endswith("asean-tip-data: error: argument X: one\\ntwo\n")
    monkeypatch.setattr("sys.stderr", None)
    with pytest.raises(SystemExit) as closed:
        parser().parse_args(["frobnicate"])
    assert closed.value.code == 2  # where standard error is closed too


@pytest.mark.parametrize(("lang", "said"), [("en", "argument"), ("id", "argumen")])
def test_an_untranslated_argument_error_is_said_in_the_reader_s_words(
    lang: str, said: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], pinned: dict[str, Any]
) -> None:
    # Python 3.10's argparse hands over "argument X: ..." in English whatever the language: the parser says it in
    # the reader's words, the argument's name and argparse's message kept whole (over more than one line too).
    from asean_tip_data._command.arguments import parser

    for variable in LOCALE_VARIABLES:
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANGUAGE", lang)
    error = _words(pinned, lang)("error")
    with pytest.raises(SystemExit):
        parser().error("argument --format: invalid choice: 'xml'")
    assert capsys.readouterr().err == f"asean-tip-data: {error}: {said} --format: invalid choice: 'xml'\n"
    with pytest.raises(SystemExit):
        parser().error("argument RESOURCE: one\ntwo")
    assert capsys.readouterr().err == f"asean-tip-data: {error}: {said} RESOURCE: one\\ntwo\n"
    with pytest.raises(SystemExit):
        parser().error("an argument --x: kept as it is")  # not argparse's "argument X: ...": as given
    assert capsys.readouterr().err == f"asean-tip-data: {error}: an argument --x: kept as it is\n"


@pytest.mark.parametrize("lang", ["en", "id"])
def test_commands_are_the_nine_in_order_each_with_its_summary(
    lang: str, monkeypatch: pytest.MonkeyPatch, pinned: dict[str, Any]
) -> None:
    from asean_tip_data._command.arguments import EXAMPLES as GIVEN
    from asean_tip_data._command.arguments import commands

    for variable in LOCALE_VARIABLES:
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANGUAGE", lang)
    t = _words(pinned, lang)
    assert list(commands().items()) == [(name, t(summary)) for name, summary in SUMMARIES.items()]
    assert GIVEN == EXAMPLES
