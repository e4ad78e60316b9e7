"""Write src/asean_tip_data/checked.json: every bundled table as read and checked (--check only compares)."""

from __future__ import annotations

import datetime
import functools
import json
from pathlib import Path
from typing import Any

import asean_tip_data as atd
from asean_tip_data._checked import CHECKED, digest
from asean_tip_data._package import open_package
from asean_tip_data._schema import table

ROOT = Path(__file__).resolve().parents[1]
OUTPUT = Path("src") / "asean_tip_data" / CHECKED


def text(root: Path = ROOT) -> str:
    """Return checked.json for the Data Package at ``root``, read and checked as any copy is."""
    package = open_package(root)  # raises a DataError, and writes nothing, if any check fails
    files = {"datapackage.json": digest((root / "datapackage.json").read_bytes())}
    tables = {}
    for name in atd.resource_names():
        records = package.records(name)
        fields = list(table(name).field_names)
        path = table(name).path
        files[path] = digest((root / path).read_bytes())
        tables[name] = {
            "fields": fields,
            "dates": [f.name for f in table(name).fields if f.type == "date"],
            "rows": [[_json(getattr(r, f)) for f in fields] for r in records],
        }
    document = {
        "about": (
            "Every bundled table as asean-tip-data read and checked it when it was built, by "
            "scripts/build_checked.py. Loading uses it while each file listed has the SHA-256 given; "
            "otherwise the files are read and checked again. Not a source: the CSV files are."
        ),
        "version": atd.__version__,
        "files": files,
        "tables": tables,
    }
    return _dumps(document)


def _dumps(document: dict[str, Any]) -> str:
    """Return ``document`` as JSON with one row of a table per line, so a data change is a readable diff."""
    dump = functools.partial(json.dumps, ensure_ascii=False)
    lines = ["{"]
    for key in ("about", "version", "files"):
        lines.append(f" {dump(key)}: {dump(document[key])},")
    lines.append(' "tables": {')
    for number, (name, spec) in enumerate(document["tables"].items(), start=1):
        lines.append(f"  {dump(name)}: {{")
        lines.append(f'   "fields": {dump(spec["fields"])},')
        lines.append(f'   "dates": {dump(spec["dates"])},')
        lines.append('   "rows": [')
        lines += [f"    {dump(row)}," for row in spec["rows"]]
        if spec["rows"]:
            lines[-1] = lines[-1].removesuffix(",")
        lines.append("   ]")
        lines.append("  }" + ("," if number < len(document["tables"]) else ""))
    lines += [" }", "}"]
    return "\n".join(lines) + "\n"


def _json(value: object) -> object:
    return value.isoformat() if isinstance(value, datetime.date) else value


def main() -> int:
    from _derived import write_or_check  # beside this script

    return write_or_check(ROOT / OUTPUT, text(), str(OUTPUT), "python scripts/build_checked.py")


if __name__ == "__main__":
    raise SystemExit(main())
