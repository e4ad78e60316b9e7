"""CKAN as portals run it, for .ci/ckan_check.py: ckanext-dcat's parser and serialiser, and ckanext-scheming.

With ckanext-scheming (from PyPI) a portal shows the record through a schema: ckanext-dcat's
dcat_ap_full, or a bilingual one. A bilingual portal runs ckanext-fluent,
which no published package makes work with CKAN 2.11 (PyPI's 1.0.0 imports pylons): what ckanext-dcat's
parser reads of it is only each field's name (`title_translated`, a subfield `name_translated`) and
validators whose names start with "fluent", so fluent's own presets (FLUENT_PRESETS, as its
repository's presets.json has them, MIT) stand in for the package. Nothing here validates or stores a
dataset: no database or search server is needed, only what the parser reads.
"""

from __future__ import annotations

import contextlib
import json
import tempfile
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any
from unittest import mock

import rdflib
import yaml
from ckan.common import config, config_declaration

config.update({"ckan.locale_default": "en", "ckan.site_url": "http://localhost:5000"})
import ckan.logic  # noqa: E402  (after the settings they read)
import ckan.plugins as plugins  # noqa: E402
from ckan.lib.webassets_tools import webassets_init  # noqa: E402
from ckanext.dcat.processors import RDFParser, RDFSerializer  # noqa: E402

DCT = rdflib.Namespace("http://purl.org/dc/terms/")

PROFILES = ["euro_dcat_ap_3", "euro_dcat_ap_scheming"]  # what ckanext-dcat's docs give a scheming portal
FLUENT_PRESETS = {
    "scheming_presets_version": 1,
    "presets": [
        {"preset_name": name, "values": {"validators": validators, "output_validators": f"{output}_output"}}
        for name, validators, output in (
            ("fluent_core_translated", "fluent_text", "fluent_core_translated"),
            ("fluent_text", "fluent_text", "fluent_text"),
            ("fluent_markdown", "fluent_text", "fluent_text"),
            ("fluent_tags", "fluent_tags", "fluent_tags"),
        )
    ],
}


def _multilingual_schema() -> dict[str, Any]:
    """Return ckanext-dcat's multilingual schema for a portal in English and Indonesian."""
    stock = resources.files("ckanext.dcat") / "schemas" / "dcat_ap_multilingual.yaml"
    schema: dict[str, Any] = yaml.safe_load(stock.read_text(encoding="utf-8"))
    schema |= {"dataset_type": "multilingual", "form_languages": ["en", "id"]}
    # The stock schema has no creator or publisher, which the scheming profile always sets, so a
    # harvest of any record with them fails validation: an operator adds them, as the contact is.
    (contact,) = [f for f in schema["dataset_fields"] if f["field_name"] == "contact"]
    schema["dataset_fields"] += [{**contact, "field_name": name, "label": name} for name in ("creator", "publisher")]
    return schema


def parse(graph: rdflib.Graph, fmt: str, profiles: list[str], dataset_type: str = "dataset") -> dict[str, Any]:
    parser = RDFParser(profiles=profiles, dataset_type=dataset_type)
    parser.parse(graph.serialize(format=fmt), _format=fmt)
    (dataset,) = list(parser.datasets())
    return dict(dataset)


def licences(graph: rdflib.Graph, dataset: dict[str, Any], profiles: list[str], where: str) -> list[str]:
    """Return where a resource's licence is no IRI of the record: as parsed, and as CKAN's own export writes it."""
    found = []
    iris = {str(o) for o in graph.objects(None, DCT.license) if isinstance(o, rdflib.URIRef)}
    parsed = {r.get("license", "") for r in dataset["resources"]}
    if not parsed <= iris:
        found.append(f"{where}: resource licences {sorted(parsed - iris)}, not the record's licence IRIs")
    serializer = RDFSerializer(profiles=profiles)  # what the portal's /dataset/NAME.ttl serves to harvesters
    serializer.graph_from_dataset(json.loads(json.dumps(dataset)))
    written = set(serializer.g.objects(None, DCT.license))
    if not written or not all(isinstance(o, rdflib.URIRef) and str(o) in iris for o in written):
        found.append(f"{where}: CKAN's own export writes the licence as {', '.join(sorted(o.n3() for o in written))}")
    return found


@contextlib.contextmanager
def scheming() -> Iterator[None]:
    """Load ckanext-scheming with the dcat_ap_full schema (type "dataset") and the bilingual one ("multilingual")."""
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "fluent.json").write_text(json.dumps(FLUENT_PRESETS), encoding="utf-8")
        (Path(folder) / "multilingual.json").write_text(json.dumps(_multilingual_schema()), encoding="utf-8")
        config.update(
            {
                "scheming.dataset_schemas": f"ckanext.dcat.schemas:dcat_ap_full.yaml file://{folder}/multilingual.json",
                "scheming.presets": "ckanext.scheming:presets.json ckanext.dcat.schemas:presets.yaml "
                f"file://{folder}/fluent.json",
                "SECRET_KEY": "not-a-secret",  # the asset environment wants one; nothing is signed
                "ckan.webassets.path": folder,
                "ckan.storage_path": folder,
            }
        )

        def configure() -> None:
            # CKAN's own update runs every plugin's update_config, then checks Solr and the database,
            # which a parser needs neither of: the first part only, and the action list afresh.
            config_declaration.setup()
            config_declaration.make_safe(config)  # every declared setting, with its default
            config_declaration.normalize(config)
            webassets_init()
            for plugin in plugins.PluginImplementations(plugins.IConfigurer):
                plugin.update_config(config)
            ckan.logic.clear_actions_cache()

        with mock.patch("ckan.plugins.core.plugins_update", configure):
            plugins.load("scheming_datasets")
        try:
            yield
        finally:
            with mock.patch("ckan.plugins.core.plugins_update", configure):
                plugins.unload("scheming_datasets")


def scheming_problems(graph: rdflib.Graph, descriptor: dict[str, Any]) -> list[str]:
    """Return what the two scheming portals would show wrong of the record ``graph``."""
    found = []
    article = descriptor["sources"][0]["path"]
    makers = [c for c in descriptor["contributors"] if "creator" in c["roles"]]
    for fmt in ("turtle", "json-ld"):
        where = f"{fmt}, dcat_ap_full"
        dataset = parse(graph, fmt, PROFILES)
        found += _article_shown(dataset, "dataset", article, where)
        found += licences(graph, dataset, PROFILES, where)
        for key in ("creator", "publisher", "contact"):
            if [a.get("name") for a in dataset.get(key, [])] != [m["title"] for m in makers]:
                found.append(f"{where}: {key} {dataset.get(key)}")
        where = f"{fmt}, bilingual (en, id)"
        dataset = parse(graph, fmt, PROFILES, dataset_type="multilingual")
        found += _article_shown(dataset, "multilingual", article, where)
        if set(dataset.get("title_translated", {})) != {"en", "id"}:
            found.append(f"{where}: title {dataset.get('title_translated')}")
        for key in ("creator", "publisher", "contact"):
            names = [a.get("name_translated", {}) for a in dataset.get(key, [])]
            wanted = [{lang: m["title_translated"][lang] for lang in ("en", "id")} for m in makers]
            if names != wanted:
                found.append(f"{where}: {key} named {names}, not {wanted} in each language")
    return found


def _article_shown(dataset: dict[str, Any], dataset_type: str, article: str, where: str) -> list[str]:
    """Return where the schema shows the article nowhere: both show foaf:page as "Documentation"."""
    schema = ckan.logic.get_action("scheming_dataset_schema_show")({}, {"type": dataset_type})
    shown = {f["field_name"] for f in schema["dataset_fields"] if f.get("display_snippet", "") is not None}
    if "documentation" in shown and article in dataset.get("documentation", []):
        return []
    return [f"{where}: the article {article} is shown nowhere (documentation {dataset.get('documentation')})"]
