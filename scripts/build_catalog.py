"""Keep the Indonesian message catalog with Babel: gather what the package and argparse say, compile it.

    python scripts/build_catalog.py [ARGPARSE.py ...]  # add new messages to the .po, compile the .mo
    python scripts/build_catalog.py --check  # only say whether both are current and complete

Every message the package passes to ``_()`` (src/asean_tip_data/_messages.py) and argparse's own words
(those of the running Python; the catalog keeps other versions' too) must be translated.
"""

from __future__ import annotations

import argparse
import datetime
import io
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_file
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "asean_tip_data"


def files(package: Path = PACKAGE) -> tuple[Path, Path]:
    """Return the .po and .mo files of the package at ``package`` (the source tree, or an installed copy)."""
    folder = package / "locale" / "id" / "LC_MESSAGES"
    return folder / "asean_tip_data.po", folder / "asean_tip_data.mo"


def wanted(package: Path = PACKAGE, argparse_files: tuple[str, ...] = ()) -> dict[str | tuple[str, str], str]:
    """Return every message to translate, with where it comes from."""
    found: dict[str | tuple[str, str], str] = {}
    for path in sorted(package.glob("*.py")):
        # _() marks the package's messages; a record's broken rule (models.Broken) is translated where it is reported.
        for _, message, _, _ in extract_from_file("python", str(path), keywords={"_": None, "Broken": None}):
            found.setdefault(message, f"asean_tip_data/{path.name}")
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
            current = read_po(file, locale="id", domain="asean_tip_data")
    # Fixed dates: the compiled catalog's header must not change from one build to the next.
    day = datetime.datetime(2026, 12, 1, tzinfo=datetime.timezone.utc)
    new = Catalog(locale="id", domain="asean_tip_data", project="asean-tip-data", fuzzy=False)
    new.creation_date = new.revision_date = day
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
    po, mo = io.BytesIO(), io.BytesIO()
    write_po(po, built, omit_header=True, sort_output=True, width=100)
    write_mo(mo, built)
    return po.getvalue(), mo.getvalue()


def untranslated(built: Catalog) -> list[str]:
    return [str(m.id) for m in built if m.id and not (all(m.string) if isinstance(m.string, tuple) else m.string)]


def main() -> int:
    built = catalog(argparse_files=tuple(a for a in sys.argv[1:] if a != "--check"))
    po, mo = texts(built)
    PO, MO = files()
    missing = untranslated(built)
    if "--check" in sys.argv[1:]:
        stale = not PO.exists() or PO.read_bytes() != po or not MO.exists() or MO.read_bytes() != mo
        if stale or missing:
            print("the Indonesian catalog is out of date: run python scripts/build_catalog.py", *missing[:5], sep="\n")
            return 1
        return 0
    PO.parent.mkdir(parents=True, exist_ok=True)
    PO.write_bytes(po)
    MO.write_bytes(mo)
    print(f"{len(built)} messages, {len(missing)} untranslated")
    return 0


if __name__ == "__main__":
    sys.exit(main())
