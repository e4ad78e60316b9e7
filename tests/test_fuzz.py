"""Property: any corruption of a CSV file gives a DataError or a valid load, never another exception."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import asean_tip_data as atd

NAMES = atd.resource_names()
# Two corruptions tried on every run, whatever else is drawn: the second line of the glossary begun with
# a space (valid, and to be kept as it is), and a blank line before it (refused).
_GLOSSARY = (atd.datapackage_path().parent / "resources" / "glossary.csv").read_bytes()
SECOND_LINE = _GLOSSARY.index(b"\n") + 1


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return atd.export("csv", tmp_path_factory.mktemp("pristine") / "copy")


corruption = st.one_of(
    st.tuples(st.just("replace"), st.integers(0, 10**6), st.binary(min_size=1, max_size=4)),
    st.tuples(st.just("insert"), st.integers(0, 10**6), st.binary(min_size=1, max_size=8)),
    st.tuples(st.just("delete"), st.integers(0, 10**6), st.integers(1, 40)),
    st.tuples(st.just("truncate"), st.integers(0, 10**6), st.just(0)),
    st.tuples(st.just("text"), st.integers(0, 10**6), st.text(alphabet=',"\n\r;\t abc-0129', max_size=6)),
)


def corrupt(data: bytes, how: tuple[str, int, Any]) -> bytes:
    kind, position, payload = how
    at = position % (len(data) + 1)
    if kind == "replace":
        return data[:at] + bytes(payload) + data[at + len(payload) :]
    if kind == "insert":
        return data[:at] + bytes(payload) + data[at:]
    if kind == "delete":
        return data[:at] + data[at + int(payload) :]
    if kind == "truncate":
        return data[:at]
    return data[:at] + str(payload).encode() + data[at:]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=st.sampled_from(NAMES), hows=st.lists(corruption, min_size=1, max_size=3))
@example(name="glossary", hows=[("text", SECOND_LINE, " ")])
@example(name="glossary", hows=[("insert", SECOND_LINE, b"\n")])
def test_corrupted_csv_is_refused_or_valid(
    pristine: Path,
    tmp_path: Path,
    csv_records: Callable[..., list[dict[str, Any]]],
    name: str,
    hows: list[tuple[str, int, Any]],
) -> None:
    copy = tmp_path / "copy"
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(pristine, copy)
    path = copy / "resources" / f"{name}.csv"
    data = path.read_bytes()
    for how in hows:
        data = corrupt(data, how)
    path.write_bytes(data)
    try:
        records = atd.load(name, copy)
    except atd.DataError as exc:
        assert str(exc).startswith(str(copy)), exc
    else:
        # Accepted: then it is valid, and every line of the file is a record holding exactly its cells.
        assert not [p for p in atd.validate(copy) if p.startswith(f"{path}:")]  # (a referrer may break: not this file)
        assert [record.model_dump() for record in records] == csv_records(name, copy)
        for record in records:
            # Whatever the loader accepts, the model's own pydantic validation accepts too.
            assert type(record).model_validate(record.model_dump()) == record
