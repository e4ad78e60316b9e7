"""The ``asean-tip-data`` command: list, show, summarise, export, validate and cite the data."""

from __future__ import annotations

import errno
import os
import shutil
import sys
from collections.abc import Sequence
from typing import Any

from ._arguments import PROG, fault, language, locale_language, parser
from ._files import DataError, datapackage_path, descriptor_path
from ._messages import _, os_reason, speak
from ._schema import bundled_tables, text_in


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code (0 ok, 1 invalid data, 2 usage or output error)."""
    if sys.stdout is None:  # started with its standard output closed: nothing could be written
        sys.stderr.write(fault(_("standard output is closed; nothing was written")))
        return 2
    for stream in (sys.stdout, sys.stderr):
        if stream is not None and hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")  # a terminal that is not UTF-8 gets "?", never a crash
    given = list(sys.argv[1:] if argv is None else argv)
    asked = language(given)
    speak(asked)  # --lang wins over the locale, for every word, argparse's too
    args = parser(asked or locale_language()).parse_args(given)
    args.lang = asked or args.lang
    try:
        code = _run(args)
        sys.stdout.flush()
    except DataError as exc:
        sys.stderr.write(fault(str(exc), "data"))
        return 1
    except BrokenPipeError:
        # The reader (say, `head`) stopped early, so some output was lost: no traceback, exit 2.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 2
    except OSError as exc:
        sys.stderr.write(fault(_plain(exc)))
        return 2
    except (ImportError, ValueError) as exc:  # a missing optional extra, or a path that cannot be used
        sys.stderr.write(fault(str(exc)))
        return 2
    return code


def _plain(exc: OSError) -> str:
    """Return an OSError in plain words: the path, then what is wrong, with no errno."""
    full = exc.errno == errno.ENOSPC or "No space left" in str(exc)
    # Our own reasons start lower-case and are translated already; the system's start upper-case.
    ours = isinstance(exc.strerror, str) and exc.strerror[:1].islower()
    what = _("no space left on device") if full else str(exc.strerror) if ours else os_reason(exc)
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
    elif args.command == "dcat":
        from ._dcat import dcat_ap  # only here: rdflib comes with the dcat extra

        sys.stdout.write(dcat_ap(args.format, _copy(args.datapackage)))
    elif args.command == "path":
        print(datapackage_path())
    return 0


def _copy(datapackage: str | None) -> str | None:
    """Return a copy's path given on the command line; a missing one is a usage error, not invalid data."""
    if datapackage is None:
        return None
    if not descriptor_path(datapackage).is_file():
        raise FileNotFoundError(
            errno.ENOENT, _("no such file; give a copy's datapackage.json or the folder that holds it"), datapackage
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
            whole = f"{PROG} show {name} --format csv"
            print(
                "\n"
                + _("Some cells are cut (…) to fit the terminal; see them whole with: {command}").format(command=whole)
            )
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
    checked = _("models and keys")
    # frictionless only reads a copy our own checks passed: a URL path is refused before it is fetched.
    if not problems:
        try:
            import frictionless
        except ImportError:
            checked += _("; install frictionless for the full Table Schema check")
        else:
            checked += _(" and frictionless")
            problems = _frictionless_problems(frictionless, str(target))
    if problems:
        invalid = _("INVALID")
        print(f"{target}: {invalid}", file=sys.stderr)
        for problem in problems:
            print(f"  {problem}", file=sys.stderr)
        return 1
    count = len(resource_names())
    print(_("{path}: valid ({count} resources; checked {what})").format(path=target, count=count, what=checked))
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
