"""Write every text a reader meets, English beside Indonesian, with where it appears: one file for a native reviewer.

    python scripts/review_sheet.py [OUTPUT.csv]  # default: review-sheet.csv in the current folder

One row a text: ``where`` (the file or command that shows it), ``key`` (which text there), ``english``
and ``indonesian``. It reads the installed package, as a reader meets it: the descriptor's titles,
descriptions, keywords and licence titles; every ``*_indonesian`` column beside its English twin;
words.json (the labels of codes, the summary's, the page's and the records' words); the gettext
catalog (the command line's messages and help, argparse's words among them); and ``cite`` in every
format. The pages and the summary are made of these texts, so a reviewer who reads the sheet has
read every word they show.
"""

from __future__ import annotations

import csv
import io
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from babel.messages.pofile import read_po

import asean_tip_data as atd
from asean_tip_data._gate.schema import bundled_descriptor
from asean_tip_data._words.texts import words

HEADER = ("where", "key", "english", "indonesian")
Row = tuple[str, str, str, str]
# Where each section of words.json is shown.
WORDS_SHOWN = {
    "labels": "words.json: code labels (site, summary, show --format table)",
    "summary": "words.json: asean-tip-data summary and list",
    "page": "words.json: the site's pages and charts",
    "records": "words.json: the site's downloads and JSON-LD",
    "locators": "words.json: where in the article a row is printed (the site's tables)",
}


def _descriptor() -> Iterator[Row]:
    package = bundled_descriptor()
    where = "datapackage.json"

    def texts(item: Any, key: str) -> Iterator[Row]:
        for text in ("title", "description"):
            english, indonesian = item.get(text, ""), item.get(f"{text}_translated", {}).get("id", "")
            if english or indonesian:
                yield where, f"{key}{text}", english, indonesian

    yield from texts(package, "")
    keywords = package.get("keywords_translated", {})
    yield where, "keywords", "; ".join(keywords.get("en", ())), "; ".join(keywords.get("id", ()))
    for i, item in enumerate(package.get("licenses", ())):
        yield from texts(item, f"licenses[{i}].")
    for i, item in enumerate(package.get("contributors", ())):
        yield from texts(item, f"contributors[{i}].")
    for resource in package["resources"]:
        yield from texts(resource, f"{resource['name']}.")
        for i, item in enumerate(resource.get("licenses", ())):
            yield from texts(item, f"{resource['name']}.licenses[{i}].")
        for field in resource["schema"]["fields"]:
            yield from texts(field, f"{resource['name']}.{field['name']}.")


def _data() -> Iterator[Row]:
    for resource in bundled_descriptor()["resources"]:
        name, schema = resource["name"], resource["schema"]
        names = [f["name"] for f in schema["fields"]]
        pairs = [(n.removesuffix("_indonesian"), n) for n in names if n.endswith("_indonesian")]
        for record in atd.load(name):
            key = "/".join(str(getattr(record, k)) for k in schema["primaryKey"])
            for english, indonesian in pairs:
                if getattr(record, english, None) or getattr(record, indonesian):
                    en, id_ = getattr(record, english, None) or "", getattr(record, indonesian) or ""
                    yield f"resources/{name}.csv", f"{key}: {indonesian}", str(en), str(id_)


def _words() -> Iterator[Row]:
    def entries(tree: dict[str, Any], path: str) -> Iterator[tuple[str, dict[str, str]]]:
        if all(isinstance(v, str) for v in tree.values()):
            yield path, tree
            return
        for key, value in tree.items():
            yield from entries(value, f"{path}/{key}")

    for section, tree in words().items():
        if section != "locale":  # the charts' number and date formats, not words
            for path, texts in entries(tree, section):
                yield WORDS_SHOWN.get(section, "words.json"), path, texts["en"], texts["id"]


def _catalog() -> Iterator[Row]:
    po = Path(atd.__file__).parent / "_words" / "locale" / "id" / "LC_MESSAGES" / "asean_tip_data.po"
    with po.open(encoding="utf-8") as file:
        catalog = read_po(file)
    for message in catalog:
        if not message.id:
            continue  # the header
        origin = ", ".join(message.auto_comments) or "?"
        if isinstance(message.id, tuple):
            strings = message.string if isinstance(message.string, tuple) else (message.string,)
            yield f"command line ({origin})", "plural", " | ".join(message.id), " | ".join(strings)
        else:
            yield f"command line ({origin})", "message", message.id, str(message.string)


def _citations() -> Iterator[Row]:
    for format in ("text", "bibtex", "cff", "zenodo"):
        yield "asean-tip-data cite", f"--format {format}", atd.cite(format), atd.cite(format, lang="id")  # type: ignore[arg-type]


def rows() -> list[Row]:
    """Return every text a reader meets, English beside Indonesian, with where it appears."""
    return [*_descriptor(), *_data(), *_words(), *_catalog(), *_citations()]


def sheet(found: list[Row]) -> str:
    """Return the review sheet of ``found`` as CSV, with its header."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(HEADER)
    writer.writerows(found)
    return out.getvalue()


def main() -> int:
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "review-sheet.csv")
    found = rows()
    target.write_text(sheet(found), encoding="utf-8")
    print(f"{target}: {len(found)} texts, English beside Indonesian")
    return 0


if __name__ == "__main__":
    sys.exit(main())
