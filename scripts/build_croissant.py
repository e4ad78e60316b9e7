"""Write croissant.json, the Croissant 1.0 metadata, from datapackage.json (--check only compares)."""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path
from typing import Any

from asean_tip_data._gate.schema import Field, Table, parse_table

ROOT = Path(__file__).resolve().parents[1]
OUTPUT = "croissant.json"

# The @context of the Croissant 1.0 specification, as its example datasets write it.
CONTEXT = {
    "@language": "en",
    "@vocab": "https://schema.org/",
    "citeAs": "cr:citeAs",
    "column": "cr:column",
    "conformsTo": "dct:conformsTo",
    "cr": "http://mlcommons.org/croissant/",
    "rai": "http://mlcommons.org/croissant/RAI/",
    "data": {"@id": "cr:data", "@type": "@json"},
    "dataType": {"@id": "cr:dataType", "@type": "@vocab"},
    "dct": "http://purl.org/dc/terms/",
    "equivalentProperty": "cr:equivalentProperty",
    "examples": {"@id": "cr:examples", "@type": "@json"},
    "extract": "cr:extract",
    "field": "cr:field",
    "fileProperty": "cr:fileProperty",
    "fileObject": "cr:fileObject",
    "fileSet": "cr:fileSet",
    "format": "cr:format",
    "includes": "cr:includes",
    "isLiveDataset": "cr:isLiveDataset",
    "jsonPath": "cr:jsonPath",
    "key": "cr:key",
    "md5": "cr:md5",
    "parentField": "cr:parentField",
    "path": "cr:path",
    "recordSet": "cr:recordSet",
    "references": "cr:references",
    "regex": "cr:regex",
    "repeated": "cr:repeated",
    "replace": "cr:replace",
    "samplingRate": "cr:samplingRate",
    "sc": "https://schema.org/",
    "separator": "cr:separator",
    "source": "cr:source",
    "subField": "cr:subField",
    "transform": "cr:transform",
}


def _person(contributor: dict[str, Any]) -> dict[str, Any]:
    if "familyName" not in contributor:  # an organisation, such as the dataset's makers
        return {"@type": "sc:Organization", "name": contributor["title"], "url": contributor.get("path")}
    person: dict[str, Any] = {"@type": "sc:Person", "name": contributor["title"]}
    if "givenName" in contributor:
        person["givenName"], person["familyName"] = contributor["givenName"], contributor["familyName"]
    if "organization" in contributor:
        person["affiliation"] = {"@type": "sc:Organization", "name": contributor["organization"]}
    return person


def _field(resource: str, file_id: str, field: Field, references: dict[str, str]) -> dict[str, Any]:
    out: dict[str, Any] = {
        "@type": "cr:Field",
        "@id": f"{resource}/{field.name}",
        "name": field.name,
        "description": field.description,
        "dataType": field.types.croissant,
        "source": {"fileObject": {"@id": file_id}, "extract": {"column": field.name}},
    }
    if field.name in references:
        out["references"] = {"field": {"@id": references[field.name]}}
    return out


def _record_set(table: Table, file_id: str) -> dict[str, Any]:
    name = table.name
    # Croissant references one field at a time; every foreign key here is a single column.
    references = {
        key.fields[0]: f"{key.resource}/{key.reference[0]}" for key in table.foreign_keys if len(key.fields) == 1
    }
    record_set: dict[str, Any] = {
        "@type": "cr:RecordSet",
        "@id": name,
        "name": name,
        "description": f"{table.title}. {table.description}",
        "key": [{"@id": f"{name}/{k}"} for k in table.primary_key],
        "field": [_field(name, file_id, f, references) for f in table.fields],
    }
    if len(record_set["key"]) == 1:
        record_set["key"] = record_set["key"][0]
    return record_set


def render(root: Path = ROOT, cite_as: str | None = None) -> dict[str, Any]:
    """Return the Croissant metadata of the Data Package under ``root``."""
    descriptor = json.loads((root / "datapackage.json").read_text(encoding="utf-8"))
    if cite_as is None:
        from asean_tip_data import cite

        cite_as = cite("bibtex")
    files, record_sets = [], []
    for resource in descriptor["resources"]:
        file_id = Path(resource["path"]).name
        files.append(
            {
                "@type": "cr:FileObject",
                "@id": file_id,
                "name": file_id,
                "description": f"The {resource['name']} resource as CSV (UTF-8, comma-separated, header row).",
                "contentUrl": resource["path"],
                "encodingFormat": resource["mediatype"],
                "sha256": hashlib.sha256((root / resource["path"]).read_bytes()).hexdigest(),
            }
        )
        record_sets.append(_record_set(parse_table(resource), file_id))
    (licence,) = descriptor["licenses"]
    from asean_tip_data._catalogue.facts import facts  # every date about the data is read from the data

    about = facts(root / "datapackage.json")
    return {
        "@context": CONTEXT,
        "@type": "sc:Dataset",
        "conformsTo": "http://mlcommons.org/croissant/1.0",
        "name": descriptor["name"],
        "alternateName": descriptor["title"],
        "description": descriptor["description"],
        "identifier": descriptor["id"],
        "url": descriptor["homepage"],
        "version": descriptor["version"],
        "datePublished": about.released,
        "dateModified": about.released,
        "temporalCoverage": f"{about.start.isoformat()}/{about.end.isoformat()}",
        "license": licence["path"],
        "inLanguage": "en",
        "keywords": descriptor["keywords"],
        "creator": [_person(c) for c in descriptor["contributors"] if "creator" in c["roles"]],
        "publisher": [
            {"@type": "sc:Organization", "name": c["title"]}
            for c in descriptor["contributors"]
            if "publisher" in c["roles"]
        ],
        "citeAs": cite_as,
        "isBasedOn": [source["path"] for source in descriptor["sources"]],
        "distribution": files,
        "recordSet": record_sets,
    }


def text(root: Path = ROOT) -> str:
    """Return croissant.json's text for the Data Package under ``root``."""
    return json.dumps(render(root), indent=2, ensure_ascii=False) + "\n"


def main() -> int:
    from _derived import write_or_check  # beside this script

    return write_or_check(ROOT / OUTPUT, text(), OUTPUT, "python scripts/build_croissant.py")


if __name__ == "__main__":
    sys.exit(main())
