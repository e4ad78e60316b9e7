"""What every record is, and the constrained types that several records share."""

from typing import Annotated, Any, TypeVar

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

# Field names, types, required-ness, enums, patterns and minimums mirror the Table Schemas in
# datapackage.json; tests/test_models.py holds the two in lockstep. Patterns are StringConstraints,
# not Field(pattern=...): pydantic then has no field information to merge, a tenth of defining
# the models at import.

Iso3 = Annotated[str, StringConstraints(pattern=r"^[A-Z]{3}$")]
SourceId = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*$")]
StrategyId = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z_]*$")]
Year = Annotated[int, Field(ge=1900)]
Count = Annotated[int, Field(ge=0)]
Ordinal = Annotated[int, Field(ge=1)]


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


R = TypeVar("R", bound=Record)


def construct(model: type[R], values: dict[str, Any]) -> R:
    """Return a record of checked ``values``, as ``model.model_construct`` does for models like ours."""
    # model_construct looks up aliases and defaults for every field, which our models have none
    # of: this sets what it would set, at a fifth of the cost. tests/test_models.py re-validates
    # every record with pydantic and compares, so a change in pydantic shows there.
    record = model.__new__(model)
    object.__setattr__(record, "__dict__", values)
    object.__setattr__(record, "__pydantic_fields_set__", set(values))
    object.__setattr__(record, "__pydantic_extra__", None)
    object.__setattr__(record, "__pydantic_private__", None)
    return record
