"""Write an export or the site in place of what was there, never losing it: staged beside it, swapped in whole."""

from __future__ import annotations

import errno
import os
import shutil
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Literal

from ._messages import _

ExportFormat = Literal["csv", "json", "sqlite", "parquet"]
EXPORT_FORMATS: tuple[ExportFormat, ...] = ("csv", "json", "sqlite", "parquet")
FOLDER_FORMATS = frozenset({"csv", "parquet"})  # a Data Package folder; the others write one file
STAGING = ".asean-tip-data-staging-"  # NAME.asean-tip-data-staging-PID: a run's work beside its target


def target_path(output: str | os.PathLike[str]) -> Path:
    """Return ``output`` resolved (symlinks followed); a ValueError if writing there could lose what holds it."""
    text = os.fspath(output)
    if "\0" in text:
        raise ValueError(_("{path}: a path cannot hold a NUL byte").format(path=repr(text)))
    path = Path(text).resolve()
    here = Path.cwd().resolve()
    if path == here or path in here.parents:
        raise ValueError(
            _("{path}: the current folder or one that holds it; give a new folder or file inside it").format(path=path)
        )
    return path


def check_target(path: Path, folder: bool, overwrite: bool) -> None:
    """Raise an OSError naming ``path`` if writing there would replace something unasked."""
    if not folder and not path.parent.is_dir():
        raise FileNotFoundError(errno.ENOENT, _("no such folder; create it first"), str(path.parent))
    if folder and path.exists() and not path.is_dir():
        raise FileExistsError(errno.EEXIST, _("exists and is not a folder"), str(path))
    if not folder and path.is_dir():
        raise IsADirectoryError(errno.EISDIR, _("is a folder; give a file name"), str(path))
    if overwrite or not path.exists() or (folder and not any(path.iterdir())):
        return
    what = (
        _("a folder that is not empty; --force replaces it") if folder else _("a file that exists; --force replaces it")
    )
    raise FileExistsError(errno.EEXIST, what, str(path))


def write_safely(output: str | os.PathLike[str], folder: bool, overwrite: bool, write: Callable[[Path], None]) -> Path:
    """Call ``write`` on a new path beside the target, then swap it in whole; return the target written."""
    path = target_path(output)
    check_target(path, folder, overwrite)
    path.parent.mkdir(parents=True, exist_ok=True)
    _remove_stale(path)
    staging = path.parent / f".{path.name}{STAGING}{os.getpid()}"
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir()
    try:
        new = staging / path.name
        write(new)
        _swap_in(new, path, staging)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return path


def _remove_stale(path: Path) -> None:
    """Remove the staging folders that runs on ``path`` left when they were killed."""
    for stale in path.parent.glob(f".{path.name}{STAGING}*"):
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


def _swap_in(new: Path, path: Path, staging: Path) -> None:
    """Move ``new`` to ``path``; what ``path`` held goes into ``staging``, which is removed after."""
    if not path.is_dir():
        os.replace(new, path)  # atomic for a file, and for a folder where none was
        return
    if _exchange(new, path):  # readers find the old folder or the new one, never neither
        return
    old = staging / ".old"
    path.rename(old)
    try:
        new.rename(path)
    except OSError:
        old.rename(path)
        raise


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths atomically where the system offers it (Linux renameat2, macOS renamex_np)."""
    import ctypes  # only here: plain imports stay cheap

    try:
        libc = ctypes.CDLL(None, use_errno=True)
    except OSError:
        return False
    if sys.platform.startswith("linux") and hasattr(libc, "renameat2"):
        at_fdcwd, rename_exchange = -100, 2
        result = libc.renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange)
    elif sys.platform == "darwin" and hasattr(libc, "renamex_np"):
        rename_swap = 2
        result = libc.renamex_np(os.fsencode(a), os.fsencode(b), rename_swap)
    else:
        return False
    if result == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP, errno.EXDEV):
        return False  # the file system cannot: fall back to two renames
    raise OSError(code, os.strerror(code), str(b))
