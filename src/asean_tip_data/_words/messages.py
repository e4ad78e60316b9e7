"""What the package and its command line say, in the reader's language: gettext, with its catalogs in locale/."""

from __future__ import annotations

import errno
import os
import re
from pathlib import Path

DOMAIN = "asean_tip_data"
LOCALE = Path(__file__).parent / "locale"  # locale/id/LC_MESSAGES/asean_tip_data.mo, built by scripts/build_catalog.py


def _(message: str) -> str:
    """Return ``message`` in the language gettext finds in the environment (LANGUAGE, LC_ALL, LANG)."""
    import gettext  # here: only a message about to be shown needs it, never a load that goes well

    gettext.bindtextdomain(DOMAIN, str(LOCALE))
    return gettext.dgettext(DOMAIN, message)


# Control characters, and the marks that reorder text, are what can make a terminal show other text
# than was written (a new line, a new title, text written backwards): a copy's values never carry them.
_UNSAFE = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def shown(text: str) -> str:
    """Return ``text`` as a terminal may show it: each control character written as an escape (\\x1b, \\n)."""
    return _UNSAFE.sub(lambda found: found[0].encode("unicode_escape").decode("ascii"), text)


def speak(lang: str | None) -> None:
    """Make this process's messages, argparse's own words among them, speak ``lang`` (None: as the locale says)."""
    # argparse asks gettext's default domain: ours holds its words too. A command line's process is
    # its own, so setting the environment gettext reads is the plain way to choose the language.
    import gettext

    gettext.bindtextdomain(DOMAIN, str(LOCALE))
    gettext.textdomain(DOMAIN)
    if lang is not None:
        os.environ["LANGUAGE"] = lang


def language() -> str:
    """Return the language messages are said in: the one of the catalog gettext finds, else English."""
    import gettext

    found = gettext.translation(DOMAIN, str(LOCALE), fallback=True)
    return str(found.info().get("language", "en")) if isinstance(found, gettext.GNUTranslations) else "en"


class Count(int):
    """A number a message states: ``{value:,}`` groups its thousands as the message's language does (1,000; 1.000)."""

    def __format__(self, spec: str) -> str:
        if spec == ",":
            from .texts import number  # here: only a message about to be shown needs the locale

            return number(int(self), language())
        return super().__format__(spec)


def _known() -> tuple[tuple[str, str], ...]:
    """Return the library details a user meets most, each as a pattern of Python's English and our words for it."""
    return (
        # datetime.date.fromisoformat (Python 3.14 adds ", not 13" and names the day and month).
        (r"month must be in 1\.\.12", _("the month must be 1 to 12")),
        (r"day (?:is out of range for month|\d+ must be in range)", _("that month has no such day")),
        (r"year (?P<year>-?\d+) is out of range", _("the year {year} is out of range")),
        # json.loads
        (r"Expecting value", _("a value was expected")),
        (r"Illegal trailing comma", _("a comma stands before the end of a list or object")),
        (r"Expecting '(?P<mark>[,:])' delimiter", _("'{mark}' was expected")),
        (r"Expecting property name enclosed in double quotes", _("a name in double quotes was expected")),
        (r"Unterminated string", _("a text is not closed")),
        (r"Invalid control character", _("a control character inside a text")),
        (r"Invalid \\(?:u[0-9A-Fa-f]{4} )?escape", _("an escape sequence that is not valid")),
        (r"Extra data", _("more follows the end of the JSON value")),
        (r"Exceeds the limit \((?P<limit>\d+)(?: digits)?\) for integer", _("a number of more than {limit:,} digits")),
        # csv.reader, strict
        (r"'(?P<mark>.)' expected after '\"'", _("'{mark}' was expected after a closing quote")),
        (r"unexpected end of data", _("a quoted cell is not closed")),
        (r"line contains NUL", _("a NUL byte")),
        # pyarrow
        (r"Parquet magic bytes not found", _("no Parquet footer: not a Parquet file, or one cut short")),
    )


def detail(reason: BaseException | str) -> str:
    """Return a library's reason (an exception, or its message) in the reader's language.

    English is the library's own; in another language a reason we know is said in our words.

    One we have no words for is kept, never dropped, and marked as the library's own, in quotation
    marks: what went wrong is in it, whatever the reader's language.
    """
    text = str(reason) or type(reason).__name__
    if language() == "en":
        return text
    for pattern, said in _known():
        found = re.match(pattern, text)
        if found is not None:
            return said.format(**{k: Count(v) if v.isdigit() else v for k, v in found.groupdict().items()})
    return _("the library's own words, in English: “{detail}”").format(detail=text)


def os_reason(exc: BaseException) -> str:
    """Return why a file could not be used, in plain words: no errno, no C library's English."""
    reasons = {
        errno.ENOENT: _("no such file or folder"),
        errno.EACCES: _("permission denied"),
        errno.EPERM: _("permission denied"),
        errno.EISDIR: _("it is a folder"),
        errno.ENOTDIR: _("a part of the path is not a folder"),
        errno.ELOOP: _("a loop of symbolic links"),
        errno.ENOSPC: _("no space left on device"),
        errno.EROFS: _("the file system is read-only"),
    }
    code = getattr(exc, "errno", None)
    if code in reasons:
        return reasons[code]
    if isinstance(exc, RuntimeError):  # pathlib's word for a loop of symbolic links
        return reasons[errno.ELOOP]
    said = getattr(exc, "strerror", None) or (str(exc) if exc.args else "")
    if not said or said.startswith("[Errno None]"):  # a library's OSError with neither errno nor message
        return _("failed, with no reason given ({kind}, no error number)").format(kind=type(exc).__name__)
    return detail(str(said))
