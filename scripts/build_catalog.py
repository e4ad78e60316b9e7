"""Keep the Indonesian message catalog with Babel: gather what the package and argparse say, compile it.

    python scripts/build_catalog.py [ARGPARSE.py ...]  # add new messages to the .po, compile the .mo
    python scripts/build_catalog.py --check  # only say whether the .po is current and complete

Every message the package passes to ``_()`` (src/asean_tip_data/_words/messages.py) and argparse's own words
(those of the running Python; the catalog keeps other versions' too) must be translated. The .po is
the source, kept in git with a full header (project and version, language, plural forms, charset);
the .mo is never kept: the build compiles it from the .po (hatch_build.py calls ``compiled``), and
this script compiles it beside the .po for an editable install.
"""

from __future__ import annotations

import argparse
import datetime
import io
import json
import re
import sys
from pathlib import Path
from typing import Any

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_file
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "asean_tip_data"
DOMAIN = "asean_tip_data"
CONTACT = "https://github.com/asean-tip-data/asean-tip-data/issues"


class _Catalog(Catalog):
    """Babel's catalog without its Generated-By header: the files must not change with Babel's version."""

    @property
    def mime_headers(self) -> list[tuple[str, str]]:
        headers = [(name, value) for name, value in Catalog.mime_headers.fget(self) if name != "Generated-By"]  # type: ignore[attr-defined]
        return [*headers[:-1], (headers[-1][0], headers[-1][1] + "\n")]  # the header ends in a new line

    @mime_headers.setter
    def mime_headers(self, headers: Any) -> None:
        Catalog.mime_headers.fset(self, headers)  # type: ignore[attr-defined]


def _new(version: str, day: datetime.datetime) -> _Catalog:
    """Return an empty Indonesian catalog with its header: project and version, team, contact, dates, plural forms."""
    new = _Catalog(
        locale="id",
        domain=DOMAIN,
        project="asean-tip-data",
        version=version,
        msgid_bugs_address=CONTACT,
        last_translator=f"asean-tip-data maintainers <{CONTACT}>",
        language_team=f"Indonesian <{CONTACT}>",
        copyright_holder="asean-tip-data maintainers",
        fuzzy=False,
    )
    new.creation_date = new.revision_date = day
    new.header_comment = (
        "# Indonesian messages of asean-tip-data's command line, and argparse's own words.\n"
        "# Copyright (C) asean-tip-data maintainers; MIT licence, as the package's code.\n"
        "# Kept with scripts/build_catalog.py (see RELEASING.md)."
    )
    return new


def release(package: Path = PACKAGE) -> tuple[str, datetime.datetime]:
    """Return the version of the package at ``package`` and its release day (its descriptor's ``created``)."""
    version = re.search(r'__version__ = "([^"]+)"', (package / "_version.py").read_text(encoding="utf-8"))
    descriptor = package / "datapackage.json"  # a wheel's; the source tree keeps it at the top
    descriptor = descriptor if descriptor.is_file() else package.parents[1] / "datapackage.json"
    created = json.loads(descriptor.read_text(encoding="utf-8"))["created"]
    assert version is not None
    day = datetime.datetime.fromisoformat(created.replace("Z", "+00:00"))
    return version[1], day


def files(package: Path = PACKAGE) -> tuple[Path, Path]:
    """Return the .po and .mo files of the package at ``package`` (the source tree, or an installed copy)."""
    folder = package / "_words" / "locale" / "id" / "LC_MESSAGES"
    return folder / "asean_tip_data.po", folder / "asean_tip_data.mo"


def wanted(package: Path = PACKAGE, argparse_files: tuple[str, ...] = ()) -> dict[str | tuple[str, str], str]:
    """Return every message to translate, with where it comes from."""
    found: dict[str | tuple[str, str], str] = {}
    for path in sorted(package.rglob("*.py")):
        # _() marks the package's messages; a record's broken rule (models.Broken) is translated where it is reported.
        for _, message, _, _ in extract_from_file("python", str(path), keywords={"_": None, "Broken": None}):
            found.setdefault(message, f"asean_tip_data/{path.relative_to(package).as_posix()}")
    for source in sorted({argparse.__file__, *argparse_files}):  # other Pythons' argparse.py too, if given
        for _, message, _, _ in extract_from_file("python", source, keywords={"_": None, "ngettext": (1, 2)}):
            found.setdefault(message, "argparse")
    return found


def catalog(package: Path = PACKAGE, argparse_files: tuple[str, ...] = ()) -> Catalog:
    """Return the catalog as it should be: the .po's translations, with every wanted message in it."""
    po = files(package)[0]
    current = None
    if po.exists():
        with po.open(encoding="utf-8") as file:
            current = read_po(file, locale="id", domain=DOMAIN)
    # The release's day, not today: the catalog must not change from one build to the next.
    new = _new(*release(package))
    messages = wanted(package, argparse_files)
    kept = {m.id: m for m in current if m.id} if current is not None else {}
    for message_id, origin in sorted(messages.items(), key=lambda item: str(item[0])):
        old = kept.get(message_id)
        new.add(
            message_id,
            old.string if old is not None else ("", "") if isinstance(message_id, tuple) else "",
            auto_comments=[origin],
        )
    for message_id, old in kept.items():  # argparse's words of other Python versions stay
        if message_id not in messages and "argparse" in old.auto_comments:
            new.add(message_id, old.string, auto_comments=["argparse"])
    return new


def texts(built: Catalog) -> tuple[bytes, bytes]:
    """Return the .po and the .mo of a catalog."""
    po, mo = io.BytesIO(), io.BytesIO()
    write_po(po, built, sort_output=True, width=100)
    write_mo(mo, built)
    return po.getvalue(), mo.getvalue()


def compiled(po: bytes) -> bytes:
    """Return the .mo of the bytes of a .po, as it is: its header and every translation."""
    read = read_po(io.BytesIO(po), locale="id", domain=DOMAIN, charset="utf-8")
    built = _Catalog(locale="id", domain=DOMAIN, fuzzy=False)
    built.mime_headers = read.mime_headers
    for message in read:
        if message.id:
            built.add(message.id, message.string, flags=message.flags)
    return texts(built)[1]


def untranslated(built: Catalog) -> list[str]:
    return [str(m.id) for m in built if m.id and not (all(m.string) if isinstance(m.string, tuple) else m.string)]


def main() -> int:
    built = catalog(argparse_files=tuple(a for a in sys.argv[1:] if a != "--check"))
    po = texts(built)[0]
    PO, MO = files()
    missing = untranslated(built)
    if "--check" in sys.argv[1:]:
        if not PO.exists() or PO.read_bytes() != po or missing:
            print("the Indonesian catalog is out of date: run python scripts/build_catalog.py", *missing[:5], sep="\n")
            return 1
        return 0
    PO.parent.mkdir(parents=True, exist_ok=True)
    PO.write_bytes(po)
    MO.write_bytes(compiled(po))  # for an editable install; a build compiles its own
    print(f"{len(built)} messages, {len(missing)} untranslated")
    return 0


if __name__ == "__main__":
    sys.exit(main())
