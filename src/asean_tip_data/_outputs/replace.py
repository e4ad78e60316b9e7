"""Write an export or the site in place of what was there, never losing it: staged beside it, swapped in whole."""

from __future__ import annotations

import errno
import hashlib
import os
import shutil
import stat
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, Literal, NamedTuple

from .._words.messages import _, os_reason
from .removable import check_removable, remove

ExportFormat = Literal["csv", "json", "sqlite", "parquet"]
EXPORT_FORMATS: tuple[ExportFormat, ...] = ("csv", "json", "sqlite", "parquet")
FOLDER_FORMATS = frozenset({"csv", "parquet"})  # a Data Package folder; the others write one file
STAGING = ".asean-tip-data-staging-"  # + a digest of the target's name + "-PID": a run's work beside its target


class Seen(NamedTuple):
    """What was at the target when it was checked: the file or folder (device, inode), and whether it was empty."""

    identity: tuple[int, int]
    empty: bool


def _places_of_the_package() -> list[Path]:
    """Return the package's own folder and the bundled data: never written, nor anything that holds them."""
    from .._gate.files import datapackage_path  # only here: writing needs it, a plain import does not

    bundled = datapackage_path().resolve()
    return [Path(__file__).resolve().parents[1], bundled, bundled.parent / "resources"]


def target_path(output: str | os.PathLike[str]) -> Path:
    """Return ``output`` with its folder resolved; a ValueError if writing there could lose what holds it.

    The last name is not followed: a symbolic link there is refused by check_target, never written through.
    """
    text = os.fspath(output)
    if "\0" in text:
        raise ValueError(_("{path}: a path cannot hold a NUL byte").format(path=repr(text)))
    given = Path(text)
    try:
        path = given.resolve() if given.name in ("", ".", "..") else given.parent.resolve() / given.name
    except (OSError, RuntimeError) as exc:  # RuntimeError: a loop of symbolic links, as pathlib says it
        raise OSError(errno.ELOOP, os_reason(exc), text) from None
    try:
        here: Path | None = Path.cwd().resolve()
    except OSError:
        here = None  # the current folder was removed: there is nothing in it to lose
    if here is not None and (path == here or path in here.parents):
        raise ValueError(
            _("{path}: the current folder or one that holds it; give a new folder or file inside it").format(path=path)
        )
    for place in _places_of_the_package():
        if path == place or place in path.parents or path in place.parents:
            raise ValueError(
                _("{path}: the package's own files, or a folder that holds them; give a path elsewhere").format(
                    path=path
                )
            )
    return path


def check_target(path: Path, folder: bool, overwrite: bool) -> Seen | None:
    """Return what is at ``path`` (None: nothing); an OSError naming it if writing there replaces something unasked."""
    if not folder and not path.parent.is_dir():
        raise FileNotFoundError(errno.ENOENT, _("no such folder; create it first"), str(path.parent))
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return None
    if stat.S_ISLNK(info.st_mode):
        raise FileExistsError(errno.EEXIST, _("a symbolic link; give the path it leads to, or a new one"), str(path))
    if not stat.S_ISREG(info.st_mode) and not stat.S_ISDIR(info.st_mode):
        raise FileExistsError(errno.EEXIST, _("neither a file nor a folder; never replaced"), str(path))
    if folder and not stat.S_ISDIR(info.st_mode):
        raise FileExistsError(errno.EEXIST, _("exists and is not a folder"), str(path))
    if not folder and stat.S_ISDIR(info.st_mode):
        raise IsADirectoryError(errno.EISDIR, _("is a folder; give a file name"), str(path))
    empty = stat.S_ISDIR(info.st_mode) and not any(path.iterdir())
    if not overwrite and not empty:
        what = (
            _("a folder that is not empty; --force replaces it")
            if folder
            else _("a file that exists; --force replaces it")
        )
        raise FileExistsError(errno.EEXIST, what, str(path))
    return Seen((info.st_dev, info.st_ino), empty and not overwrite)


def _still(path: Path, seen: Seen | None) -> bool:
    """Return whether ``path`` holds what was seen there when it was checked."""
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return seen is None
    if seen is None or (info.st_dev, info.st_ino) != seen.identity:
        return False
    return not seen.empty or not any(path.iterdir())


def staging_name(path: Path, pid: int) -> str:
    """Return the name of a run's staging folder beside ``path``: short, whatever the length of the target's name."""
    digest = hashlib.sha256(os.fsencode(path.name)).hexdigest()[:16]
    return f"{STAGING}{digest}-{pid}"


def write_safely(output: str | os.PathLike[str], folder: bool, overwrite: bool, write: Callable[[Path], None]) -> Path:
    """Call ``write`` on a new path beside the target, then swap it in whole; return the target written."""
    path = target_path(output)
    seen = check_target(path, folder, overwrite)
    if folder and seen is not None:
        check_removable(path)  # before anything is written: a folder is replaced whole, or not at all
    path.parent.mkdir(parents=True, exist_ok=True)
    _remove_stale(path)
    staging = path.parent / staging_name(path, os.getpid())
    shutil.rmtree(staging, ignore_errors=True)
    try:
        staging.mkdir()
        new = staging / ("new" if folder else "new.tmp")
        write(new)
        old = _swap_in(new, path, staging, seen)
        if old is not None:
            _remove_old(old, path)
    except OSError as exc:
        if exc.filename is None or str(staging) in str(exc.filename):
            # Our own staging folder is no name the user gave: name the target instead, keeping the
            # reason, also where a library's OSError has no errno (pyarrow's: only a message).
            raise OSError(exc.errno, exc.strerror or os_reason(exc), str(path)) from None
        raise
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return path


def _remove_stale(path: Path) -> None:
    """Remove the staging folders that runs on ``path`` left when they were killed."""
    for stale in path.parent.glob(staging_name(path, 0).removesuffix("0") + "*"):
        pid = stale.name.rpartition("-")[2]
        if pid.isdigit() and not _running(int(pid)):
            shutil.rmtree(stale, ignore_errors=True)


def _running(pid: int) -> bool:
    if pid == os.getpid():
        return False  # our own, from an earlier call that was stopped halfway
    if sys.platform == "win32":  # there os.kill(pid, 0) would end the process: ask for a handle instead
        import ctypes

        handle = ctypes.windll.kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if handle:
            ctypes.windll.kernel32.CloseHandle(handle)
        return bool(handle)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # it exists, as another user's process
    return True


def _changed(path: Path) -> OSError:
    return FileExistsError(errno.EEXIST, _("changed while the export was written; nothing was replaced"), str(path))


def _swap_in(new: Path, path: Path, staging: Path, seen: Seen | None) -> Path | None:
    """Move ``new`` to ``path`` if ``path`` still holds what was seen; return where the folder it held went."""
    if seen is None:
        if not _still(path, None) or not _rename(new, path, NOREPLACE):
            raise _changed(path)  # something appeared there meanwhile: it is not ours to replace
        return None
    if not _still(path, seen):
        raise _changed(path)
    if not path.is_dir() or path.is_symlink():
        os.replace(new, path)  # a regular file, checked a moment ago
        return None
    if _rename(new, path, EXCHANGE):  # readers find the old folder or the new one, never neither
        if not _still(new, seen):  # it changed in the moment between: put it back
            _rename(new, path, EXCHANGE)
            raise _changed(path)
        return new
    old = staging / ".old"
    path.rename(old)
    try:
        new.rename(path)
    except OSError:
        old.rename(path)
        raise
    return old


def _remove_old(old: Path, path: Path) -> None:
    """Remove the folder ``path`` held, now at ``old``; if it cannot be, put it back at ``path`` and say what stays."""
    try:
        remove(old)
    except OSError as exc:  # found despite check_removable (it changed meanwhile): the old folder goes back
        new = old.parent / ".new"
        if not _rename(old, path, EXCHANGE):
            path.rename(new)
            old.rename(path)
        stays = path / Path(exc.filename).relative_to(old)
        reason = _("cannot be removed ({why}); the old folder is back in its place, less what was removed")
        raise OSError(exc.errno, reason.format(why=exc.strerror), str(stays)) from None


NOREPLACE, EXCHANGE = "noreplace", "exchange"


def _rename(a: Path, b: Path, how: str) -> bool:
    """Move ``a`` to ``b`` atomically: onto nothing (NOREPLACE), or swapping the two (EXCHANGE); False if it cannot."""
    import ctypes  # only here: plain imports stay cheap

    try:
        libc: Any = ctypes.CDLL(None, use_errno=True)
    except OSError:
        libc = None
    result = None
    if sys.platform.startswith("linux") and hasattr(libc, "renameat2"):
        at_fdcwd, flag = -100, {NOREPLACE: 1, EXCHANGE: 2}[how]
        result = libc.renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), flag)
    elif sys.platform == "darwin" and hasattr(libc, "renamex_np"):
        result = libc.renamex_np(os.fsencode(a), os.fsencode(b), {NOREPLACE: 4, EXCHANGE: 2}[how])
    if result == 0:
        return True
    code = ctypes.get_errno() if result is not None else errno.ENOSYS
    if code == errno.EEXIST:
        return False  # NOREPLACE: something is there
    if code in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP, errno.EXDEV):
        if how == EXCHANGE:
            return False  # the file system cannot: the caller falls back to two renames
        if os.path.lexists(b):
            return False
        os.rename(a, b)  # no atomic way here: checked a moment ago
        return True
    raise OSError(code, os.strerror(code), str(b))
