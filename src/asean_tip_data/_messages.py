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
    return str(said)
