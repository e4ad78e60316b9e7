"""Find and read the files of a copy of the Data Package, the bundled one included, and never one outside it."""

from __future__ import annotations

import errno
import json
import os
import re
import stat
from pathlib import Path
from typing import Any

from .._words.messages import Count, _, detail, os_reason
from .writable import too_deep

PathArg = str | os.PathLike[str] | None
DESCRIPTOR = "datapackage.json"
# The largest file of a copy that is read (the bundled tables are a few kilobytes): a copy cannot
# make a reader take more memory than this, or wait on a pipe or a device.
MAX_BYTES = 64 * 1024 * 1024


# An address that can stand in a page, a record or a link as it is: no space, quote or bracket.
_WEB = re.compile(r"https?://[^\s\"'<>\\^`{|}\x00-\x1f\x7f]+\Z")


def web_link(url: Any) -> str | None:
    """Return ``url`` if it is an http or https address a page or record may link to; None for anything else."""
    return url if isinstance(url, str) and _WEB.match(url) else None


class DataError(ValueError):
    """Report a broken copy of the data, naming the file, row, field and value."""


def datapackage_path() -> Path:
    """Return the file path of the bundled ``datapackage.json``."""
    here = Path(__file__).parents[1]  # the package, above this folder
    # A wheel carries the descriptor and resources/ beside the code. An editable install runs from
    # the source tree (src/asean_tip_data/), whose data is the tree's own top-level copy: no
    # symlink is needed, so a clone without symlinks works too.
    bundled = here / DESCRIPTOR
    return bundled if bundled.is_file() else here.parents[1] / DESCRIPTOR


def descriptor_path(datapackage: PathArg) -> Path:
    """Return the descriptor of the copy at ``datapackage`` (its folder or the descriptor), or the bundled one."""
    if datapackage is None:
        return datapackage_path()
    text = os.fspath(datapackage)
    if "\0" in text:
        raise DataError(_("{path}: a path cannot hold a NUL byte").format(path=repr(text)))
    path = Path(text)
    return path / DESCRIPTOR if path.is_dir() else path


def folder_of(descriptor: Path) -> Path:
    """Return the folder a copy's files must lie in: the folder named with its descriptor, symlinks resolved.

    The descriptor itself is not followed: a descriptor linked from elsewhere is refused like a linked resource.
    """
    try:
        return descriptor.parent.resolve(strict=True)
    except (OSError, RuntimeError) as exc:  # RuntimeError: a loop of symlinks
        raise DataError(
            _("{path}: cannot read the descriptor ({reason})").format(path=descriptor, reason=os_reason(exc))
        ) from None


class _What:
    """What a file of a copy holds, named in the reader's language only when a message says it."""

    def __init__(self, resource: str | None) -> None:
        self.resource = resource

    def __format__(self, spec: str) -> str:
        if self.resource is None:
            return _("the descriptor")
        return _("resource {name}").format(name=repr(self.resource))


def read_file(folder: Path, relative: str, resource: str | None) -> bytes:
    """Return the bytes of ``relative`` below ``folder`` (a resource's file, or with None the descriptor).

    A DataError says why not where the file lies outside the folder, is no regular file or is too large.
    """
    path = folder / relative
    what = _What(resource)
    try:
        real = path.resolve(strict=True)
    except (OSError, RuntimeError) as exc:
        raise DataError(
            _("{path}: cannot read {what} ({reason})").format(path=path, what=what, reason=os_reason(exc))
        ) from None
    if real != folder and folder not in real.parents:
        raise DataError(
            _("{path}: {what} lies outside the copy's folder {folder} (it is {real}); not read").format(
                path=path, what=what, folder=folder, real=real
            )
        )
    try:
        fd = _open_checked(folder, real)
    except OSError as exc:
        raise DataError(
            _("{path}: cannot read {what} ({reason})").format(path=path, what=what, reason=os_reason(exc))
        ) from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise DataError(_("{path}: {what} is not a regular file; not read").format(path=path, what=what))
        if info.st_size > MAX_BYTES:
            raise DataError(
                _("{path}: {what} is {size:,} bytes, over the limit of {limit:,}; not read").format(
                    path=path, what=what, size=Count(info.st_size), limit=Count(MAX_BYTES)
                )
            )
        chunks, size = [], 0
        while size <= MAX_BYTES and (chunk := os.read(fd, max(info.st_size - size, 1 << 16))):
            chunks.append(chunk)  # a file that grows while it is read is read up to the limit, no further
            size += len(chunk)
    finally:
        os.close(fd)
    if size > MAX_BYTES:
        raise DataError(
            _("{path}: {what} is over the limit of {limit:,} bytes; not read").format(
                path=path, what=what, limit=Count(MAX_BYTES)
            )
        )
    return b"".join(chunks)


# Opened without following a symbolic link, so that what was checked is what is read; non-blocking,
# so that a pipe swapped in returns at once, for fstat to refuse.
_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0) | getattr(os, "O_NOFOLLOW", 0)
_WALK = os.open in os.supports_dir_fd and hasattr(os, "O_NOFOLLOW") and hasattr(os, "O_DIRECTORY")


def _open_checked(folder: Path, real: Path) -> int:
    """Open ``real``, a path inside ``folder`` with every link resolved, as it was checked; an OSError if it changed."""
    if not _WALK:  # Windows: open, then make sure the file opened is the one that was checked
        checked = os.stat(real)
        fd = os.open(real, _FLAGS)
        opened = os.fstat(fd)
        if (opened.st_dev, opened.st_ino) != (checked.st_dev, checked.st_ino):
            os.close(fd)
            raise OSError(errno.ELOOP, _("it changed while it was read"))
        return fd
    # Step down from the folder one name at a time, following no link: a part of the path swapped
    # for a link after it was checked fails to open instead of leading outside.
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    parts = real.relative_to(folder).parts
    try:
        for part in parts[:-1]:
            inner = os.open(part, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW, dir_fd=fd)
            os.close(fd)
            fd = inner
        if not parts:
            return os.dup(fd)
        return os.open(parts[-1], _FLAGS, dir_fd=fd)
    finally:
        os.close(fd)


def read_descriptor(descriptor: Path) -> tuple[Path, bytes, Any]:
    """Return the folder of a copy, its descriptor's bytes and their JSON; a DataError says what is wrong."""
    folder = folder_of(descriptor)
    data = read_file(folder, descriptor.name, None)
    return folder, data, parse_json(decode(data, str(descriptor)), str(descriptor))


def decode(data: bytes, where: str) -> str:
    """Return the UTF-8 text of a descriptor; a DataError names the first byte that is not UTF-8."""
    try:
        text = data.removeprefix(b"\xef\xbb\xbf").decode("utf-8")  # a byte order mark is allowed
    except UnicodeDecodeError as exc:
        bad = data[exc.start : exc.end]
        raise DataError(
            _("{where}: not UTF-8 (byte {byte}: {bad})").format(where=where, byte=exc.start, bad=repr(bad))
        ) from None
    return text


def parse_json(text: str, where: str) -> Any:
    """Return the JSON value of ``text``; a DataError says where it is broken or too deeply nested."""
    # Measured before parsing, without recursion: the parser then never recurses deeper than the limit.
    if too_deep(text):
        raise DataError(_("{where}: not JSON this package reads (nested too deeply)").format(where=where))
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise DataError(
            _("{where}: not JSON ({detail}, line {line}, column {column})").format(
                where=where, detail=detail(exc.msg), line=exc.lineno, column=exc.colno
            )
        ) from None
    except ValueError as exc:  # a number of more digits than Python converts (4,300)
        raise DataError(
            _("{where}: not JSON this package reads ({detail})").format(where=where, detail=detail(exc))
        ) from None
