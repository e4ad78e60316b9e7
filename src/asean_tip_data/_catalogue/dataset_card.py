"""The Hugging Face dataset card of the Parquet export: its README.md, one config per resource."""

from __future__ import annotations

from collections.abc import Mapping

from .._gate.metadata import Metadata
from .._gate.optional import require
from .._gate.schema import text_in
from .cite import cite


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")  # one line, and no column break, in a Markdown table


def card(meta: Metadata, counts: Mapping[str, int]) -> str:
    """Return the dataset card of the Parquet export of a copy described by ``meta``, holding ``counts`` rows."""
    yaml = require("yaml", "export --format parquet", extra="parquet")
    licences = [lic.name.lower() for lic in meta.licenses if lic.name]
    title = text_in(meta.titles, "en") or meta.name
    # The front matter through a YAML serialiser: whatever a copy's texts hold, they stay values.
    front = {
        "license": licences[0] if licences else "other",
        "language": list(meta.languages),
        "pretty_name": title,
        "tags": list(meta.keywords),
        "configs": [
            {"config_name": r.name, "data_files": [{"split": "train", "path": f"resources/{r.name}.parquet"}]}
            for r in meta.resources
        ],
    }
    matter = yaml.safe_dump(front, sort_keys=False, allow_unicode=True, width=1 << 20)
    lines = ["---", matter.rstrip("\n"), "---", "", f"# {_cell(title)}", "", text_in(meta.descriptions, "en")]
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
    from .._words.i18n import words_in

    w = words_in("page", lang)
    lines = [f"## {_cell(w['language_name'])}", "", f"### {_cell(text_in(meta.titles, lang))}", ""]
    lines += [text_in(meta.descriptions, lang), "", f"| `config` | {w['field_title'].lower()} |", "|---|---|"]
    lines += [f"| `{r.name}` | {_cell(text_in(r.table.titles, lang))} |" for r in meta.resources]
    return [*lines, ""]
