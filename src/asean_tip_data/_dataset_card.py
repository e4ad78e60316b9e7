"""The Hugging Face dataset card of the Parquet export: its README.md, one config per resource."""

from __future__ import annotations

import json
from collections.abc import Mapping

from ._cite import cite
from ._metadata import Metadata
from ._schema import text_in


def _quoted(text: str) -> str:
    # A JSON string is a YAML scalar too: no YAML library needed, and nothing in the text can break it.
    return json.dumps(text, ensure_ascii=False)


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")  # one line, and no column break, in a Markdown table


def card(meta: Metadata, counts: Mapping[str, int]) -> str:
    """Return the dataset card of the Parquet export of a copy described by ``meta``, holding ``counts`` rows."""
    licences = [lic.name.lower() for lic in meta.licenses if lic.name]
    title = text_in(meta.titles, "en") or meta.name
    lines = ["---", f"license: {licences[0] if licences else 'other'}", "language:"]
    lines += [f"- {code}" for code in meta.languages]
    lines += [f"pretty_name: {_quoted(title)}", "tags:"]
    lines += [f"- {_quoted(keyword)}" for keyword in meta.keywords]
    lines += ["configs:"]
    for resource in meta.resources:
        lines += [f"- config_name: {resource.name}", "  data_files:", "  - split: train"]
        lines += [f"    path: resources/{resource.name}.parquet"]
    lines += ["---", "", f"# {_cell(title)}", "", text_in(meta.descriptions, "en")]
    lines += ["", "One config per table; each keeps the types of its Table Schema (see datapackage.json).", ""]
    lines += ["| config | title | rows |", "|---|---|---|"]
    lines += [f"| `{r.name}` | {_cell(r.table.title)} | {counts.get(r.name, 0)} |" for r in meta.resources]
    lines += ["", "## Citation", "", "```bibtex", cite("bibtex").rstrip("\n"), "```", ""]
    # The card declares every language of the descriptor: each after English gets its title, description
    # and tables' titles, under a heading in that language.
    for lang in meta.languages[1:]:
        lines += _in_language(meta, lang)
    return "\n".join(lines)


def _in_language(meta: Metadata, lang: str) -> list[str]:
    """Return the card's section in ``lang``: the dataset's title and description, and each table's title."""
    from ._i18n import words_in

    w = words_in("page", lang)
    lines = [f"## {_cell(w['language_name'])}", "", f"### {_cell(text_in(meta.titles, lang))}", ""]
    lines += [text_in(meta.descriptions, lang), "", f"| `config` | {w['field_title'].lower()} |", "|---|---|"]
    lines += [f"| `{r.name}` | {_cell(text_in(r.table.titles, lang))} |" for r in meta.resources]
    return [*lines, ""]
