"""What every record is, and the constrained types that several records share."""

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, model_validator

# Field names, types, required-ness, enums, patterns and minimums mirror the Table Schemas in
# datapackage.json; tests/test_models.py holds the two in lockstep.

Iso3 = Annotated[str, Field(pattern=r"^[A-Z]{3}$")]
SourceId = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]*$")]
StrategyId = Annotated[str, Field(pattern=r"^[a-z][a-z_]*$")]
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
