"""Checking one descriptor's values: each wrong value is refused by its place (``resources[6].title``)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .._words.i18n import LANGUAGES
from .._words.messages import _
from .files import DataError


class Checker:
    """Check the values of one descriptor, naming the descriptor and the place of the first that is wrong."""

    def __init__(self, where: str) -> None:
        self.where = where

    def fail(self, place: str, problem: str) -> DataError:
        return DataError(_("{where}: {place}: {problem}").format(where=self.where, place=place, problem=problem))

    def text(self, item: Mapping[str, Any], key: str, place: str, required: bool = False) -> str:
        value = item.get(key)
        if value is None and not required:
            return ""
        if not isinstance(value, str) or (required and not value.strip()):
            raise self.fail(f"{place}{key}", _("must be a text"))
        return value

    def texts(self, item: Mapping[str, Any], place: str) -> None:
        for key in ("title", "description"):
            self.text(item, key, place)
            translated = item.get(f"{key}_translated", {})
            if not isinstance(translated, dict) or not all(
                code in LANGUAGES and isinstance(text, str) for code, text in translated.items()
            ):
                raise self.fail(
                    f"{place}{key}_translated",
                    _("must map language codes ({codes}) to texts").format(codes=", ".join(LANGUAGES)),
                )

    def objects(self, item: Mapping[str, Any], key: str) -> list[Mapping[str, Any]]:
        value = item.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            raise self.fail(key, _("must be a list of objects"))
        return value

    def strings(self, item: Mapping[str, Any], key: str, place: str) -> tuple[str, ...]:
        value = item.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self.fail(f"{place}{key}", _("must be a list of texts"))
        return tuple(value)
