"""Write LICENSE-DATA from the data: its licence, its source, the further sources and the changes (--check compares).

What the file says about the data (which sources, how many rows, which years) is read from the data
(asean_tip_data._catalogue.facts), so that it cannot go stale as the data grows.
"""

from __future__ import annotations

import sys
import textwrap
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
TEMPLATE = Path(__file__).parent / "templates" / "LICENSE-DATA.jinja"
KINDS = {"report": "reports", "webpage": "web pages", "news": "news reports", "standard": "standards"}


def _wrap(text: str, indent: str = "", subsequent: str = "") -> str:
    # Never broken at a hyphen or inside a word: names and addresses stay whole, to be found as written.
    return textwrap.fill(
        " ".join(text.split()),
        width=80,
        initial_indent=indent,
        subsequent_indent=subsequent,
        break_on_hyphens=False,
        break_long_words=False,
    )


def _listed(items: list[str]) -> str:
    return ", ".join(items[:-1]) + f" and {items[-1]}" if len(items) > 1 else "".join(items)


def context(root: Path = ROOT) -> dict[str, Any]:
    """Return what LICENSE-DATA says, computed from the copy of the data under ``root``."""
    import asean_tip_data as atd
    from asean_tip_data._catalogue.facts import facts

    copy = root / "datapackage.json"
    about = facts(copy)
    (article,) = [s for s in atd.load_sources(copy) if s.kind == "article"]
    licence = _licence(copy)
    further = [(KINDS[kind].capitalize(), about.sources[kind]) for kind in KINDS if kind in about.sources]
    others = [f for f in about.families if f not in about.government_families]
    pages = (
        f"The {about.pages} pages the tier placements rest on (resources/placement_sources.csv) were published "
        f"by {len(about.publishers)} publishers: {'; '.join(about.publishers)}. What they report comes from "
        f"{len(about.families)} source families (original publishers): {'; '.join(sorted(about.families))}. "
        f"The reports, and the words of the source families {_listed(list(about.government_families))}, are works "
        f"of the U.S. government; of the pages of the {len(others)} other source families, only the facts they "
        "report are used (which tier a country was placed on), and none of their words."
    )
    names = sorted({c.name_indonesian_source_id for c in atd.load_countries(copy)})
    by_id = {s.source_id: s for s in atd.load_sources(copy)}
    rows = about.rows
    added = [
        f"the tier placements of the Trafficking in Persons Reports of {about.report_years[0]} to "
        f"{about.report_years[-1]} ({rows['tip_tier_placements']} rows) with the pages they rest on "
        f"({rows['placement_sources']} rows)",
        f"what the ministry that Table 1 credits has said in public of the same yearly counts, and the other "
        f"figures published beside them ({rows['case_statements']} rows)",
        f"{_listed(list(about.later_meetings))}, held since the article and known from other pages (the meetings "
        "held since whose dates the pages disagree on are left out)",
        "the countries' Indonesian names, from " + _listed([by_id[i].citation.rstrip(".") for i in names]),
    ]
    return {
        "licence": licence,
        "article": {"title": article.citation, "doi": article.doi, "licence": _spaced(article.license)},
        "further": further,
        "pages": pages,
        "rows": rows,
        "added": added,
    }


def _spaced(name: str | None) -> str:
    return (name or "").replace("-", " ")


def _licence(copy: Path) -> dict[str, str]:
    import json

    (licence,) = json.loads(copy.read_text(encoding="utf-8"))["licenses"]
    return {"name": licence["name"], "title": licence["title"], "url": licence["path"]}


def render(root: Path = ROOT) -> str:
    """Return LICENSE-DATA's text for the data under ``root``."""
    import jinja2

    environment = jinja2.Environment(trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    environment.filters["wrap"] = _wrap
    return environment.from_string(TEMPLATE.read_text(encoding="utf-8")).render(context(root))


def main() -> int:
    from _derived import write_or_check  # beside this script

    return write_or_check(ROOT / "LICENSE-DATA", render(), "LICENSE-DATA", "python scripts/build_license.py")


if __name__ == "__main__":
    sys.exit(main())
