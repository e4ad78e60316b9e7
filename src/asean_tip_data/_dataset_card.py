"""The Hugging Face dataset card of the Parquet export: its README.md, one config per resource."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from ._cite import cite
from ._schema import parse_table


def _quoted(text: str) -> str:
    # A JSON string is a YAML scalar too: no YAML library needed, and nothing in the text can break it.
    return json.dumps(text, ensure_ascii=False)


def card(descriptor: Mapping[str, Any], counts: Mapping[str, int]) -> str:
    """Return the dataset card of the Parquet export of ``descriptor``, whose resources hold ``counts`` rows."""
    tables = [parse_table(r) for r in descriptor["resources"]]
    licences = [str(lic.get("name", "")).lower() for lic in descriptor.get("licenses", [])]
    lines = ["---", f"license: {licences[0] if licences else 'other'}", "language:"]
    lines += [f"- {code}" for code in descriptor.get("languages", ["en"])]
    lines += [f"pretty_name: {_quoted(descriptor.get('title', descriptor['name']))}", "tags:"]
    lines += [f"- {_quoted(keyword)}" for keyword in descriptor.get("keywords", [])]
    lines += ["configs:"]
    for table in tables:
        lines += [f"- config_name: {table.name}", "  data_files:", "  - split: train"]
        lines += [f"    path: resources/{table.name}.parquet"]
    lines += ["---", "", f"# {descriptor.get('title', descriptor['name'])}", "", str(descriptor.get("description", ""))]
    lines += ["", "One config per table; each keeps the types of its Table Schema (see datapackage.json).", ""]
    lines += ["| config | title | rows |", "|---|---|---|"]
    lines += [f"| `{t.name}` | {t.title} | {counts.get(t.name, 0)} |" for t in tables]
    lines += ["", "## Citation", "", "```bibtex", cite("bibtex").rstrip("\n"), "```", ""]
    return "\n".join(lines)
