"""The descriptor's model: what a copy's descriptor may say, checked once, before any command reads a file."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import asean_tip_data as atd
from asean_tip_data._gate.descriptor import admit

Edit = Callable[[dict[str, Any]], object]


def _resource(d: dict[str, Any], name: str) -> dict[str, Any]:
    found: dict[str, Any] = next(r for r in d["resources"] if r["name"] == name)
    return found


# Metadata that 1.10.0's `validate` accepted and `summary`, `page` or `dcat` then crashed on (issue
# #24): now each is refused at the gate, by `validate` and every command alike, with one DataError.
REFUSED: dict[str, tuple[Edit, str]] = {
    "a language the package has no words for": (
        lambda d: d.update(languages=["fr"]),
        "languages: must be distinct codes among: en, id",
    ),
    "a contributor without a title": (
        lambda d: d["contributors"][0].pop("title"),
        "contributors[0].title: must be a text",
    ),
    "a field without a name": (
        lambda d: _resource(d, "mous")["schema"]["fields"][0].pop("name"),
        "resource 'mous': schema.fields[0].name: differs from the package's Table Schema",
    ),
    "a homepage with a quote": (
        lambda d: d.update(homepage='https://example.org/"onmouseover="x/'),
        "homepage: must be an http or https address of a folder, ending in '/'",
    ),
    "a licence with neither name nor path": (
        lambda d: d.update(licenses=[{"title": "Ours"}]),
        "licenses[0]: must have",
    ),
    "a schema by reference": (
        lambda d: _resource(d, "mous").update(schema="https://example.org/schema.json"),
        "resource 'mous': schema: must be the Table Schema itself, not a reference to one",
    ),
    "another dialect": (
        lambda d: _resource(d, "mous")["dialect"].update(delimiter=";"),
        "resource 'mous': dialect: must be the package's CSV dialect",
    ),
    "another encoding": (lambda d: _resource(d, "mous").update(encoding="latin-1"), "encoding: must be utf-8"),
    "a title in a language code the package does not know": (
        lambda d: d["title_translated"].update({"not a tag": "x"}),
        "title_translated: must map language codes (en, id) to texts",
    ),
    "a title that is no text": (lambda d: d.update(title=["a", "list"]), "title: must be a text"),
    "a resource that is no resource of ours": (
        lambda d: d["resources"].append({"name": "other", "path": "other.csv", "schema": {"fields": []}}),
        "resources[16].name: 'other' is not a resource of this package",
    ),
    "a date that is no date": (lambda d: d.update(created="yesterday"), "created: must be an ISO 8601 date and time"),
}


@pytest.mark.parametrize("case", sorted(REFUSED))
def test_what_no_command_can_use_is_refused_by_validate_and_every_command(case: str, tmp_path: Path) -> None:
    edit, message = REFUSED[case]
    copy = atd.export("csv", tmp_path / "copy")
    descriptor = json.loads((copy / "datapackage.json").read_text(encoding="utf-8"))
    edit(descriptor)
    (copy / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    (problem,) = atd.validate(copy)
    assert problem.startswith(f"{copy / 'datapackage.json'}: ") and message in problem, problem
    for command in (
        lambda: atd.load_countries(copy),
        lambda: atd.dcat_ap("turtle", copy),
        lambda: atd.export("json", tmp_path / "out.json", copy),
        lambda: atd.build_page(tmp_path / "site", copy),
    ):
        with pytest.raises(atd.DataError) as info:
            command()
        assert str(info.value) == problem
    assert sorted(p.name for p in tmp_path.iterdir()) == ["copy"]


def test_the_bundled_descriptor_is_admitted_as_any_copys() -> None:
    meta = admit(json.loads(atd.datapackage_path().read_text(encoding="utf-8")), "datapackage.json")
    assert meta.languages == ("en", "id") and meta.homepage == "https://asean-tip-data.github.io/asean-tip-data/"
    assert [r.name for r in meta.resources] == list(atd.resource_names())
    assert meta.licenses[0].url == "https://creativecommons.org/licenses/by/4.0/"


def test_only_texts_may_differ_from_the_packages_table_schemas(tmp_path: Path) -> None:
    copy = atd.export("csv", tmp_path / "copy")
    descriptor = json.loads((copy / "datapackage.json").read_text(encoding="utf-8"))
    mous = _resource(descriptor, "mous")
    mous["title"] = "Our own title"
    mous["schema"]["fields"][1]["description_translated"] = {"id": "Keterangan kami"}
    (copy / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    assert atd.validate(copy) == ()
    mous["schema"]["fields"][1]["constraints"] = {"required": False}
    (copy / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    (problem,) = atd.validate(copy)
    assert "resource 'mous': schema.fields[1].constraints: differs from the package's Table Schema" in problem
