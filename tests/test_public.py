"""The public face stays: every name of 1.x's __all__ and every name its documents used, on the installed package.

The fixture is 1.22.0's, written when the modules moved into private folders; the wheel's own files
are compared in tests/test_dist.py.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import asean_tip_data as atd
from asean_tip_data import models

ROOT = Path(__file__).resolve().parents[1]
BEFORE: dict[str, Any] = json.loads((ROOT / "tests" / "fixtures" / "public-1.22.0.json").read_text(encoding="utf-8"))


def test_no_public_name_is_lost_or_added_unseen() -> None:
    # A name added later goes into the fixture in the same commit, with its CHANGELOG entry.
    assert sorted(atd.__all__) == BEFORE["all"]
    for name in atd.__all__:
        assert getattr(atd, name) is not None, name


def test_every_name_the_documents_used_still_works() -> None:
    for name in BEFORE["documented"]:
        assert name in atd.__all__ and hasattr(atd, name), name


def test_the_documents_use_public_names_only() -> None:
    documents = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
    used = set()
    for path in documents:
        text = path.read_text(encoding="utf-8")
        used |= set(re.findall(r"\batd\.(\w+)", text)) | set(re.findall(r"\basean_tip_data\.(\w+)\b(?!/)", text))
    assert used and used <= set(atd.__all__), used - set(atd.__all__)


def test_the_records_are_the_same_classes_from_the_package_and_from_models() -> None:
    public = [getattr(atd, name) for name in atd.__all__]
    records = [value for value in public if isinstance(value, type) and issubclass(value, models.Record)]
    assert len(records) == 16 + 1  # one model per resource, and their base
    for record in records:
        assert getattr(models, record.__name__) is record, record
