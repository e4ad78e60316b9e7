"""The citation: CITATION.cff is the function's output, and names the article's DOI."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

import asean_tip_data as atd


def test_citation_cff_is_current(root: Path) -> None:
    assert (root / "CITATION.cff").read_text(encoding="utf-8") == atd.cite("cff")


def test_citation_cff_content(root: Path) -> None:
    cff = yaml.safe_load((root / "CITATION.cff").read_text(encoding="utf-8"))
    assert cff["cff-version"] == "1.2.0"
    assert cff["type"] == "dataset"
    assert cff["version"] == atd.__version__
    assert cff["license"] == "CC-BY-4.0"
    article = cff["preferred-citation"]
    assert article["doi"] == "10.32781/cakrawala.v18i2.733"
    assert [a["family-names"] for a in article["authors"]] == ["Muhammad", "Roziqin", "Susilo", "Romadhan"]
    assert (article["volume"], article["issue"], article["start"], article["end"]) == (18, 2, 229, 250)


def test_text_and_bibtex() -> None:
    text = atd.cite()
    assert "Muhammad, R., Roziqin, A., Susilo, D., Romadhan, A. A. (2024)." in text
    assert f"(version {atd.__version__})" in text
    assert "pages = {229--250}" in atd.cite("bibtex")


def test_unknown_format() -> None:
    with pytest.raises(ValueError, match="unknown citation format 'ris'"):
        atd.cite("ris")  # type: ignore[arg-type]
