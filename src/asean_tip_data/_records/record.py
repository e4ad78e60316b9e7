"""The base of every record, the error a rule between its fields raises, and the field types the models share."""

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

# Field names, types, required-ness, enums, patterns and minimums mirror the Table Schemas in
# datapackage.json; tests/test_models.py holds the two in lockstep. Patterns are StringConstraints,
# not Field(pattern=...): pydantic then has no field information to merge, a tenth of defining
# the models at import.

Iso3 = Annotated[str, StringConstraints(pattern=r"^[A-Z]{3}$")]
SourceId = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*$")]
StrategyId = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z_]*$")]
SourceIds = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*( [a-z0-9][a-z0-9-]*)*$")]
Year = Annotated[int, Field(ge=1900)]
Count = Annotated[int, Field(ge=0)]
Ordinal = Annotated[int, Field(ge=1)]


class Broken(ValueError):
    """A rule between fields that a record breaks: its message, as a template, and the values in it."""

    def __init__(self, template: str, **values: object) -> None:
        super().__init__(template.format(**values))
        self.template, self.values = template, values


class Record(BaseModel):
    """Base of every record: immutable, strict, no unknown fields."""

    # defer_build: validators are built on first use, not at import.
    model_config = ConfigDict(frozen=True, extra="forbid", strict=True, defer_build=True)

    def check(self) -> None:
        """Raise ValueError where fields disagree with each other."""

    @model_validator(mode="after")
    def _run_check(self) -> "Record":
        self.check()
        return self
