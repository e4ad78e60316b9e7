"""The ``asean-tip-data`` command: list, show, summarise, export, validate and cite the data."""

from __future__ import annotations

import errno
import os
import shutil
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, NoReturn

from ._command.arguments import fault, language, locale_language, parser, say
from ._gate.files import DataError, datapackage_path, descriptor_path
from ._gate.schema import bundled_tables, text_in
from ._words.messages import _, os_reason, shown, speak

if TYPE_CHECKING:
    from ._gate.package import Package


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code (0 ok, 1 invalid data, 2 usage or output error, 130 interrupted).

    A reader that stops early (``| head``) ends any command quietly with 0: it has what it asked for.
    """
    try:
        return _main(argv)
    except BrokenPipeError:
        _discard_output()
        return 0
    except KeyboardInterrupt:  # Ctrl-C: what was being written is removed on the way out (_output)
        _discard_output()
        say(fault(_("interrupted")))
        return 130


def run() -> NoReturn:
    """The console script and ``python -m``: run the command line, then end the process at once.

    pyarrow's native thread pools can abort the interpreter's own shutdown after everything was
    written ("terminate called without an active exception", exit -6; apache/arrow#34314), which
    turns a clean exit code into a crash. Every file is closed by then: both streams are flushed, and
    the process ends with the code the command chose.
    """
    code = main()
    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None:
                stream.flush()
        except (OSError, ValueError):  # a reader gone or a stream closed: nothing more can reach it
            pass
    os._exit(code)


def _main(argv: Sequence[str] | None) -> int:
    if sys.stdout is None:  # started with its standard output closed: nothing could be written
        say(fault(_("standard output is closed; nothing was written")))
        return 2
    for stream in (sys.stdout, sys.stderr):
        if stream is not None and hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")  # a terminal that is not UTF-8 gets "?", never a crash
    given = list(sys.argv[1:] if argv is None else argv)
    asked = language(given)
    speak(asked)  # --lang wins over the locale, for every word, argparse's too
    try:
        args = parser(asked or locale_language()).parse_args(given)
    except SystemExit as done:  # --help and --version print, then exit 0
        if done.code not in (0, None):
            return 2  # a usage error, said in one line where standard error can take it
        return _flushed(0)
    except BrokenPipeError:
        raise
    except OSError as exc:  # ... or could not print
        _discard_output()
        say(fault(_plain(exc)))
        return 2
    args.lang = asked or args.lang
    try:
        code = _run(args)
    except DataError as exc:
        say(fault(str(exc), "data"))
        return 1
    except BrokenPipeError:
        raise
    except OSError as exc:
        _discard_output()
        say(fault(_plain(exc)))
        return 2
    except (ImportError, ValueError) as exc:  # a missing optional extra, or a path that cannot be used
        say(fault(str(exc)))
        return 2
    return _flushed(code)


def _flushed(code: int) -> int:
    """Return ``code`` once standard output has taken everything; 2, said in one line, if it could not."""
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        _discard_output()
        return code
    except OSError as exc:
        _discard_output()
        say(fault(_plain(exc)))
        return 2
    return code


def _discard_output() -> None:
    """Drop what standard output still holds: it cannot be written, and Python's last flush must not fail again."""
    try:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except (AttributeError, OSError, ValueError):  # no file descriptor (a stream of the caller's): nothing to drop
        pass


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
        _list(args.lang, _copy(args.datapackage))
    elif args.command == "show":
        from ._command.show import show

        columns = shutil.get_terminal_size().columns if sys.stdout.isatty() else None  # cut only to fit a screen
        show(args.resource, args.format, args.lang, _copy(args.datapackage), sys.stdout, columns)
    elif args.command == "summary":
        from ._command.summary import summary

        print(summary(args.lang, _copy(args.datapackage)))
    elif args.command == "export":
        from ._outputs.export import export

        written = export(args.format, args.output, _copy(args.datapackage), overwrite=args.force, lang=args.lang)
        print(shown(str(written)))
        if args.format == "sqlite":
            from ._catalogue.datasette import metadata_path

            print(shown(str(metadata_path(written))))  # datasette's metadata, written beside it
    elif args.command == "page":
        from ._page.build import build_page  # only here: its libraries come with the page extra

        print(shown(str(build_page(args.output, _copy(args.datapackage), overwrite=args.force))))
    elif args.command == "validate":
        return _validate(args.datapackage)
    elif args.command == "cite":
        from ._catalogue.cite import cite

        sys.stdout.write(cite(args.format, lang=args.lang))
    elif args.command == "dcat":
        from ._catalogue.dcat import dcat_ap  # only here: rdflib comes with the dcat extra

        sys.stdout.write(dcat_ap(args.format, _copy(args.datapackage)))
    elif args.command == "path":
        print(datapackage_path())
    return 0


def _copy(datapackage: str | None) -> Package:
    """Return the copy given on the command line, admitted once for the whole command (None: the bundled one).

    A path where there is no copy is a usage error, not invalid data.
    """
    from ._gate.package import open_package

    if datapackage is not None and not descriptor_path(datapackage).is_file():
        raise FileNotFoundError(
            errno.ENOENT, _("no such file; give a copy's datapackage.json or the folder that holds it"), datapackage
        )
    return open_package(datapackage)


def _list(lang: str, package: Package) -> None:
    from ._command.summary import word
    from ._words.terminal import table

    header = word("list_header", lang).split("|")
    lines = [[n, str(len(package.records(n))), text_in(t.titles, lang)] for n, t in bundled_tables().items()]
    print(table([header, *lines])[0])


def _validate(datapackage: str | None) -> int:
    from ._gate.loading import resource_names, validate

    target = shown(str(descriptor_path(datapackage)))
    try:
        package = _copy(datapackage)
    except DataError as exc:
        problems = [str(exc)]
    else:
        problems = list(validate(package))
    # frictionless reads only a copy our own checks passed, staged from the bytes they read. What was
    # checked is said in whole sentences to translate, never pieces joined: word order differs.
    if not problems:
        try:
            import frictionless
        except ImportError:
            checked = _("models and keys; install frictionless for the full Table Schema check")
        else:
            from ._gate.frictionless import problems as frictionless_problems

            checked = _("models and keys, and the Table Schema with frictionless")
            problems = frictionless_problems(frictionless, package)
    if problems:
        invalid = _("INVALID")
        say(f"{target}: {invalid}\n" + "".join(f"  {shown(problem)}\n" for problem in problems))
        return 1
    count = len(resource_names())
    print(_("{path}: valid ({count} resources; checked {what})").format(path=target, count=count, what=checked))
    return 0
