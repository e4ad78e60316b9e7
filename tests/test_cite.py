"""The citation: CITATION.cff and .zenodo.json are the function's output; each cites the dataset, then the article."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

import asean_tip_data as atd

# What Zenodo's GitHub integration reads of .zenodo.json (its legacy deposit metadata, read by
# zenodo-rdm's LegacySchema): a key outside it would be dropped without a word.
ZENODO_KEYS = {
    "upload_type", "title", "description", "creators", "contributors", "keywords", "license", "version",
    "language", "related_identifiers", "references", "publication_date", "notes", "communities", "grants",
}  # fmt: skip


@pytest.mark.parametrize(("name", "format"), [("CITATION.cff", "cff"), (".zenodo.json", "zenodo")])
def test_the_citation_files_are_current(root: Path, name: str, format: str) -> None:
    assert (root / name).read_text(encoding="utf-8") == atd.cite(format), f"asean-tip-data cite --format {format}"  # type: ignore[arg-type]


def test_citation_cff_cites_the_dataset_and_references_the_article(root: Path, descriptor: dict[str, object]) -> None:
    cff = yaml.safe_load((root / "CITATION.cff").read_text(encoding="utf-8"))
    assert (cff["cff-version"], cff["type"], cff["version"], cff["license"]) == (
        "1.2.0",
        "dataset",
        atd.__version__,
        "CC-BY-4.0",
    )
    # No preferred-citation: GitHub's "Cite this repository" then gives the dataset itself.
    assert "preferred-citation" not in cff and cff["abstract"] == descriptor["description"]
    (article,) = cff["references"]
    assert article["type"] == "article" and article["doi"] == "10.32781/cakrawala.v18i2.733"
    assert [a["family-names"] for a in article["authors"]] == ["Muhammad", "Roziqin", "Susilo", "Romadhan"]
    assert (article["volume"], article["issue"], article["start"], article["end"]) == (18, "2", "229", "250")
    keywords = descriptor["keywords_translated"]
    assert isinstance(keywords, dict) and set(cff["keywords"]) == set(keywords["en"]) | set(keywords["id"])


def test_zenodo_json_is_a_dataset_derived_from_the_article(root: Path) -> None:
    zenodo = json.loads((root / ".zenodo.json").read_text(encoding="utf-8"))
    assert set(zenodo) <= ZENODO_KEYS
    assert (zenodo["upload_type"], zenodo["license"], zenodo["version"]) == ("dataset", "cc-by-4.0", atd.__version__)
    assert zenodo["related_identifiers"] == [
        {
            "identifier": "10.32781/cakrawala.v18i2.733",
            "relation": "isDerivedFrom",
            "resource_type": "publication-article",
            "scheme": "doi",
        }
    ]
    assert len(zenodo["keywords"]) == len(set(zenodo["keywords"])) == 18


def test_text_and_bibtex() -> None:
    text = atd.cite()
    assert text.startswith("Dataset: asean-tip-data maintainers (2026). asean-tip-data: POLRI and ASEANAPOL")
    assert "Derived from: Muhammad, R., Roziqin, A., Susilo, D., Romadhan, A. A. (2024)." in text
    assert f"(version {atd.__version__})" in text
    bibtex = atd.cite("bibtex")
    assert "author = {{asean-tip-data maintainers}}" in bibtex and "pages = {229--250}" in bibtex
    assert atd.cite(lang="id").startswith("Dataset: Tim penyusun asean-tip-data (2026).")


def test_unknown_format() -> None:
    with pytest.raises(ValueError, match="unknown citation format 'ris'"):
        atd.cite("ris")  # type: ignore[arg-type]
