"""DataFrames keep the Table Schema's types; pandas and polars stay optional."""

from __future__ import annotations

import subprocess
import sys

import pandas as pd
import polars as pl
import pytest

import asean_tip_data as atd


def test_to_pandas_meetings() -> None:
    frame = atd.to_pandas("meetings")
    assert len(frame) == 43  # the appendices' 42 meetings and the 19th AMMTC
    assert str(frame["number"].dtype) == "int64"
    assert pd.api.types.is_datetime64_any_dtype(frame["start_date"])
    assert frame["start_date"].iloc[0] == pd.Timestamp("1997-12-18")
    assert isinstance(frame["forum"].dtype, pd.CategoricalDtype)
    assert list(frame["forum"].cat.categories) == ["AMMTC", "SOMTC"]
    assert str(frame["online"].dtype) == "bool"
    assert frame["city"].isna().sum() == 6


def test_to_pandas_optional_integers_stay_integers() -> None:
    frame = atd.to_pandas("sources")
    assert str(frame["year"].dtype) == "Int64"
    # The editors' note and the two web pages of the Indonesian country names have no year.
    assert frame["year"].isna().sum() == 3


def test_codes_are_never_missing_values() -> None:
    # Namibia's ISO code is "NA": built from records, a code column is never parsed into a missing value.
    frame = atd.to_pandas("countries")
    assert frame["iso2"].isna().sum() == 0
    assert frame["numeric_code"].tolist()[0] == "096"


def test_to_polars_meetings() -> None:
    frame = atd.to_polars("meetings")
    assert frame.height == 43
    assert frame.schema["number"] == pl.Int64
    assert frame.schema["start_date"] == pl.Date
    assert frame.schema["forum"] == pl.Enum(["AMMTC", "SOMTC"])
    assert frame["city"].null_count() == 6


@pytest.mark.parametrize(("function", "module"), [("to_pandas", "pandas"), ("to_polars", "polars")])
def test_missing_dependency_is_a_clear_error(function: str, module: str) -> None:
    code = f"import sys; sys.modules[{module!r}] = None\nimport asean_tip_data as t\nt.{function}('meetings')"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert result.returncode == 1
    assert f"ImportError: {function}() needs {module}" in result.stderr
    assert f"pip install 'asean-tip-data[{module}]'" in result.stderr
