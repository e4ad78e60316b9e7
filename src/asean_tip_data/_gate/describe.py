"""The package, a resource and its fields described in one language: their titles and descriptions."""

from __future__ import annotations

from typing import NamedTuple

from .._words.i18n import check_lang
from .schema import bundled_descriptor, bundled_tables, table, text_in, translations


class Description(NamedTuple):
    """The title and description of the package, a resource or a field, in one language.

    ``fields`` holds the package's resources, or a resource's fields, described alike.
    """

    name: str
    title: str
    description: str
    fields: tuple[Description, ...] = ()


def describe(resource: str | None = None, *, lang: str = "en") -> Description:
    """Return the title and description of the package, or of ``resource`` and its fields, in ``lang``."""
    check_lang(lang)
    if resource is None:
        package = bundled_descriptor()
        title, description = translations(package, "title"), translations(package, "description")
        tables = tuple(describe(name, lang=lang) for name in bundled_tables())
        return Description(package["name"], text_in(title, lang), text_in(description, lang), tables)
    schema = table(resource)
    fields = tuple(Description(f.name, text_in(f.titles, lang), text_in(f.descriptions, lang)) for f in schema.fields)
    return Description(schema.name, text_in(schema.titles, lang), text_in(schema.descriptions, lang), fields)
