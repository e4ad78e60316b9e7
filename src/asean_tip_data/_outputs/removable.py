"""Whether what a folder holds can be removed, asked before ``--force`` replaces it: no replacement stops halfway.

A folder is replaced by swapping the new one in and removing the old. What this process cannot remove
(an entry of a folder it may not write, a file marked immutable or append-only, a mount point, a
read-only file on Windows) is found first, by looking only: the command then fails with nothing
replaced, and no staging folder keeps the old content.
"""

from __future__ import annotations

import errno
import os
import shutil
import stat
import struct
import sys
from pathlib import Path
from typing import Any

from .._words.messages import _, os_reason

# Linux's FS_IOC_GETFLAGS (_IOR('f', 1, long)) and its immutable and append-only flags.
_GET_FLAGS = (2 << 30) | (struct.calcsize("l") << 16) | (ord("f") << 8) | 1
_LINUX_LOCKED = 0x10 | 0x20
_BSD_LOCKED = stat.UF_IMMUTABLE | stat.UF_APPEND | stat.SF_IMMUTABLE | stat.SF_APPEND


def _locked(path: str, info: os.stat_result) -> bool:
    """Return whether the file or folder at ``path`` is marked immutable, append-only or (Windows) read-only."""
    if getattr(info, "st_flags", 0) & _BSD_LOCKED:  # macOS, the BSDs
        return True
    if getattr(info, "st_file_attributes", 0) & getattr(stat, "FILE_ATTRIBUTE_READONLY", 0):  # Windows
        return True
    if not sys.platform.startswith("linux") or not (stat.S_ISREG(info.st_mode) or stat.S_ISDIR(info.st_mode)):
        return False
    import array
    import fcntl

    flags = array.array("i", [0])
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError:
        return False  # not readable: whether its folder may be written says if it can be removed
    try:
        fcntl.ioctl(fd, _GET_FLAGS, flags, True)
    except OSError:
        return False  # a file system without such flags
    finally:
        os.close(fd)
    return bool(flags[0] & _LINUX_LOCKED)


def _refused(path: str, why: str, code: int) -> OSError:
    return OSError(code, _("cannot be removed ({why}), so nothing was replaced").format(why=why), path)


def check_removable(folder: Path) -> None:
    """Raise an OSError naming the first thing under ``folder`` this process could not remove; change nothing."""
    top = os.lstat(folder)
    me = os.geteuid() if hasattr(os, "geteuid") else None
    pending = [(str(folder), top)]
    while pending:
        here, info = pending.pop()
        try:
            with os.scandir(here) as found:
                entries = [(entry.path, entry.stat(follow_symlinks=False)) for entry in found]
        except OSError as exc:
            raise _refused(here, os_reason(exc), exc.errno or errno.EACCES) from None
        writable = os.access(here, os.W_OK | os.X_OK)
        # In a sticky folder (/tmp) only an entry's or the folder's owner removes an entry.
        sticky = info.st_mode & stat.S_ISVTX and me not in (None, 0, info.st_uid)
        for path, inner in entries:
            if not writable or (sticky and inner.st_uid != me):
                raise _refused(path, _("permission denied"), errno.EACCES)
            if _locked(path, inner):
                raise _refused(path, _("marked immutable, append-only or read-only"), errno.EPERM)
            if stat.S_ISDIR(inner.st_mode):
                if inner.st_dev != top.st_dev:
                    raise _refused(path, _("a mount point"), errno.EBUSY)
                pending.append((path, inner))


def remove(folder: Path) -> None:
    """Remove ``folder`` and all it holds; an OSError names in full the first thing that could not be removed."""

    first: list[tuple[Any, str, str]] = []

    def fail(function: Any, path: str, error: Any) -> None:
        exc = error if isinstance(error, BaseException) else error[1]  # onexc gives it, onerror its exc_info
        # Python 3.13 calls again for each folder above it, renaming what was raised: the first is said.
        first.append((getattr(exc, "errno", None), os_reason(exc), path))
        raise OSError(*first[0]) from None

    if sys.version_info >= (3, 12):
        shutil.rmtree(folder, onexc=fail)
    else:
        shutil.rmtree(folder, onerror=fail)
