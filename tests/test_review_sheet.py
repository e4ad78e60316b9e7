"""The bilingual review sheet (scripts/review_sheet.py): every text a reader meets, English beside Indonesian."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from babel.messages.pofile import read_po

import asean_tip_data as atd
from asean_tip_data._words.texts import words

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "review_sheet.py"


def _leaves(tree: dict[str, Any]) -> int:
    """Return how many texts a part of words.json holds: each an object of its languages."""
    return 1 if set(tree) == {"en", "id"} else sum(_leaves(v) for v in tree.values())


def test_the_sheet_holds_every_text_beside_its_translation(tmp_path: Path) -> None:
    out = tmp_path / "sheet.csv"
    ran = subprocess.run([sys.executable, str(SCRIPT), str(out)], capture_output=True, text=True, check=False)
    assert ran.returncode == 0, ran.stderr
    with out.open(encoding="utf-8", newline="") as file:
        rows = list(csv.DictReader(file))
    assert ran.stdout.startswith(f"{out}: {len(rows)} texts")
    assert list(rows[0]) == ["where", "key", "english", "indonesian"]
    assert all(row["where"] and row["key"] and (row["english"] or row["indonesian"]) for row in rows)
    by_where: dict[str, list[dict[str, str]]] = {}
    for row in rows:
        by_where.setdefault(row["where"].split(":")[0].split(" (")[0], []).append(row)
    # words.json: every entry but the charts' locale, once.
    texts = {k: v for k, v in words().items() if k != "locale"}
    assert len(by_where["words.json"]) == _leaves(texts)
    assert {"english": "Downloads", "indonesian": "Unduh"}.items() <= next(
        r for r in by_where["words.json"] if r["key"] == "page/downloads"
    ).items()
    # The descriptor: the package's, every resource's and every field's title and description.
    descriptor = json.loads(atd.datapackage_path().read_text(encoding="utf-8"))
    keys = {r["key"] for r in by_where["datapackage.json"]}
    for resource in descriptor["resources"]:
        for field in resource["schema"]["fields"]:
            for text in ("title", "description"):
                assert f"{resource['name']}.{field['name']}.{text}" in keys
    described = {r["key"]: r for r in by_where["datapackage.json"]}
    assert described["description"]["indonesian"] == descriptor["description_translated"]["id"]
    # The catalog: every message, and its translation.
    po = Path(atd.__file__).parent / "_words" / "locale" / "id" / "LC_MESSAGES" / "asean_tip_data.po"
    with po.open(encoding="utf-8") as file:
        messages = [m for m in read_po(file) if m.id]
    assert len(by_where["command line"]) == len(messages)
    assert {"english": "usage: ", "indonesian": "penggunaan: "}.items() <= next(
        r for r in by_where["command line"] if r["english"] == "usage: "
    ).items()
    # Every Indonesian cell of the data, beside its English twin; and the citation in every format.
    glossary = [r for r in rows if r["where"] == "resources/glossary.csv"]
    assert len(glossary) == 2 * len(atd.load_glossary())  # its expansion and its definition
    assert {r["key"] for r in glossary} >= {"KBRI: expansion_indonesian", "Kemlu: definition_indonesian"}
    assert len([r for r in rows if r["where"] == "asean-tip-data cite"]) == 4
