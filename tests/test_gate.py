"""One gate for every copy: admitted whole, once, and nothing a copy says reaches outside it or hangs a reader.

Each test names the problem of issue #24 it holds; each failed on 1.10.0.
"""

from __future__ import annotations

import json
import os
import pathlib
import select
import shutil
import socket
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import asean_tip_data as atd
from asean_tip_data._gate import files as _files
from asean_tip_data._gate import package as _package

SECRET = "the-secret-outside-the-copy"
Need = Callable[[object, str, str], None]
Cli = Callable[..., subprocess.CompletedProcess[str]]
EditDescriptor = Callable[..., dict[str, Any]]
ResourceIn = Callable[[dict[str, Any], str], dict[str, Any]]


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    path = tmp_path / "secret.txt"
    path.write_text(SECRET + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("where", ["../secret.txt", "absolute"])
def test_dcat_and_page_never_read_a_resource_path_outside_the_copy(
    copy: Path, secret: Path, tmp_path: Path, where: str, edit_descriptor: EditDescriptor
) -> None:
    # 1.10.0: dcat and page took every resource path as it stood and published the size and SHA-256
    # of whatever file was there.
    path = str(secret) if where == "absolute" else where
    edit_descriptor(copy, lambda r: r.update(path=path), "mous")
    for command in (lambda: atd.dcat_ap("turtle", copy), lambda: atd.build_page(tmp_path / "site", copy)):
        with pytest.raises(atd.DataError, match="must be relative and stay inside the package"):
            command()
    assert not (tmp_path / "site").exists()


def test_a_file_over_the_size_limit_is_refused_by_dcat_unread(copy: Path) -> None:
    # 1.10.0: dcat read a 1 GiB file whole to hash it.
    with open(copy / "resources" / "glossary.csv", "ab") as file:
        file.truncate(1 << 30)  # sparse: no disk used
    with pytest.raises(
        atd.DataError, match=r"glossary.csv: resource 'glossary' is 1,073,741,824 bytes, over the limit"
    ):
        atd.dcat_ap("turtle", copy)


def test_validate_sends_no_request_for_a_profile_schema_or_dialect_address(
    copy: Path, cli: Cli, edit_descriptor: EditDescriptor, resource_in: ResourceIn
) -> None:
    # 1.10.0: a `profile`, `schema` or `dialect` URL made frictionless send a GET to it.
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        url = f"http://127.0.0.1:{listener.getsockname()[1]}/profile.json"

        def remote(d: dict[str, Any]) -> None:
            d["profile"] = d["$schema"] = url
            resource_in(d, "mous")["profile"] = url

        edit_descriptor(copy, remote)
        result = cli("validate", str(copy))
        assert result.returncode == 0, result.stderr  # a profile is a name: nothing of it is fetched
        ours = resource_in(atd_descriptor(), "mous")
        for key in ("schema", "dialect"):
            edit_descriptor(copy, lambda r: r.update({key: url}), "mous")  # noqa: B023  (used at once)
            result = cli("validate", str(copy))
            assert result.returncode == 1 and f"resource 'mous': {key}" in result.stderr, result.stderr
            edit_descriptor(copy, lambda r: r.update({key: ours[key]}), "mous")  # noqa: B023
        assert select.select([listener], [], [], 0)[0] == []  # no connection came


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("extrapaths", ["{url}"]),
        ("url", "{url}"),
        ("innerpath", "../secret.csv"),
        ("scheme", "http"),
    ],
)
def test_validate_sends_no_request_for_an_address_in_any_key_frictionless_follows(
    copy: Path, key: str, value: Any, cli: Cli, edit_descriptor: EditDescriptor
) -> None:
    # 1.17.0: frictionless fetched a resource's `extrapaths` addresses (16 requests a run, a 41 s hang
    # when the server stalled, "valid" when it answered empty). The gate now refuses every key that
    # frictionless reads or fetches beyond the resource's path, and frictionless sees none of them.
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        url = f"http://127.0.0.1:{listener.getsockname()[1]}/more.csv"
        given = [v.format(url=url) for v in value] if isinstance(value, list) else value.format(url=url)
        edit_descriptor(copy, lambda r: r.update({key: given}), "mous")
        result = cli("validate", str(copy), timeout=60)
        assert result.returncode == 1, result.stderr
        assert (
            f"{copy / 'datapackage.json'}: resource 'mous': {key}: a resource is read from its path alone; remove it"
            in result.stderr
        )
        for command in (lambda: atd.load_mous(copy), lambda: atd.dcat_ap("turtle", copy)):
            with pytest.raises(atd.DataError, match=f"resource 'mous': {key}: a resource is read"):
                command()
        assert select.select([listener], [], [], 0)[0] == []  # no connection came


def test_the_staged_copy_frictionless_reads_holds_nothing_it_would_follow(
    copy: Path, tmp_path: Path, resource_in: ResourceIn
) -> None:
    # Whatever a later gate admits, frictionless is given a copy with no key that leads elsewhere.
    from asean_tip_data._gate.frictionless import stage
    from asean_tip_data._gate.package import open_package

    package = open_package(copy)
    resource_in(package.parsed, "mous").update(extrapaths=["http://127.0.0.1:9/x.csv"], compression="zip")
    (tmp_path / "staged").mkdir()
    staged = json.loads(stage(package, tmp_path / "staged").read_text(encoding="utf-8"))
    mous = resource_in(staged, "mous")
    assert not {"extrapaths", "url", "innerpath", "scheme", "compression"} & set(mous)
    assert mous["path"] == "resources/mous.csv"


def atd_descriptor() -> dict[str, Any]:
    return dict(json.loads(atd.datapackage_path().read_text(encoding="utf-8")))


def test_an_extra_resource_is_refused_unread_whether_a_link_outside_or_a_pipe(
    copy: Path, secret: Path, need: Need, cli: Cli, edit_descriptor: EditDescriptor
) -> None:
    need(os.name == "posix", "a POSIX system (symlinks, pipes)", "run this test on Linux or macOS")
    # 1.10.0: frictionless read and printed an extra resource linked outside, and hung on a pipe.
    (copy / "resources" / "extra.csv").symlink_to(secret)
    os.mkfifo(copy / "resources" / "pipe.csv")
    for path in ("resources/extra.csv", "resources/pipe.csv"):
        extra = {"name": "extra", "path": path, "schema": {"fields": [{"name": "x", "type": "string"}]}}
        edit_descriptor(copy, lambda d: d["resources"].append(extra))  # noqa: B023  (used at once)
        result = cli("validate", str(copy), timeout=60)
        assert result.returncode == 1, result.stderr
        assert "'extra' is not a resource of this package" in result.stderr and SECRET not in result.stderr
        edit_descriptor(copy, lambda d: d["resources"].pop())


def test_a_pattern_that_is_no_regular_expression_is_one_problem_not_a_traceback(
    copy: Path, cli: Cli, edit_descriptor: EditDescriptor
) -> None:
    # 1.10.0: frictionless raised on the pattern "(" and `validate` printed its traceback.
    edit_descriptor(copy, lambda r: r["schema"]["fields"][0]["constraints"].update(pattern="("), "countries")
    result = cli("validate", str(copy))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert (
        "resource 'countries': schema.fields[0].constraints: differs from the package's Table Schema" in result.stderr
    )


def test_a_file_swapped_for_a_link_after_it_was_checked_is_not_read(
    copy: Path, secret: Path, monkeypatch: pytest.MonkeyPatch, need: Need
) -> None:
    need(os.name == "posix", "a POSIX system (symlinks)", "run this test on Linux or macOS")
    # 1.10.0: the path was checked, then opened following links: a file swapped for a link in
    # between was read (half the reads in a 14 s race). Here the swap comes at the worst moment.
    target = copy / "resources" / "mous.csv"
    secret.write_bytes(target.read_bytes().replace(b"Hanoi", b"Swapped"))
    resolve = pathlib.Path.resolve

    def resolve_then_swap(self: Path, strict: bool = False) -> Path:
        resolved = resolve(self, strict)
        if self == target and target.is_file() and not target.is_symlink():
            target.unlink()
            target.symlink_to(secret)
        return resolved

    monkeypatch.setattr(pathlib.Path, "resolve", resolve_then_swap)
    with pytest.raises(atd.DataError, match=r"mous\.csv: cannot read resource 'mous'"):
        atd.load_mous(copy)


def test_a_folder_where_a_file_should_be_is_invalid_data_and_leaks_nothing(copy: Path, need: Need, cli: Cli) -> None:
    need(Path("/proc/self/fd").is_dir(), "/proc/self/fd, to count open files", "run this test on Linux")
    # 1.10.0: "error: 3: it is a folder" (not a DataError), validate() raised, and each call leaked
    # a file descriptor.
    (copy / "resources" / "mous.csv").unlink()
    (copy / "resources" / "mous.csv").mkdir()
    before = len(os.listdir("/proc/self/fd"))
    for _ in range(20):
        assert atd.validate(copy) == (
            f"{copy / 'resources' / 'mous.csv'}: resource 'mous' is not a regular file; not read",
        )
    assert len(os.listdir("/proc/self/fd")) == before
    result = cli("show", "mous", "--datapackage", str(copy))
    assert result.returncode == 1 and result.stderr.count("\n") == 1 and "is not a regular file" in result.stderr


def test_a_resource_listed_twice_is_a_problem(
    copy: Path, edit_descriptor: EditDescriptor, resource_in: ResourceIn
) -> None:
    # 1.10.0: the last of the two won, and validate() said nothing.
    edit_descriptor(copy, lambda d: d["resources"].append(dict(resource_in(d, "mous"))))
    assert atd.validate(copy) == (f"{copy / 'datapackage.json'}: resources[16]: resource 'mous' is listed twice",)


def test_a_number_of_thousands_of_digits_in_the_descriptor_is_invalid_data(copy: Path) -> None:
    # 1.10.0: Python's limit on converting long numbers surfaced as a bare ValueError.
    path = copy / "datapackage.json"
    path.write_text(
        path.read_text(encoding="utf-8").replace('"version": "', '"size": ' + "9" * 5000 + ', "version": "', 1)
    )
    with pytest.raises(atd.DataError, match=r"datapackage\.json: not JSON this package reads"):
        atd.load_countries(copy)


def test_a_command_reads_each_file_of_a_copy_once(copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # 1.10.0: a copy was opened afresh for every table (13 descriptor reads to load each table once).
    reads: list[str] = []
    real = _files.read_file

    def counted(folder: Path, relative: str, resource: str | None) -> bytes:
        reads.append(relative)
        return real(folder, relative, resource)

    monkeypatch.setattr(_files, "read_file", counted)
    monkeypatch.setattr(_package, "read_file", counted)
    atd.export("sqlite", tmp_path / "copy.sqlite", copy)
    assert sorted(reads) == sorted(["datapackage.json", *(f"resources/{n}.csv" for n in atd.resource_names())])


AUDIT = r"""
import json, os, sys, tempfile
from pathlib import Path
config = json.loads(sys.argv[1])
import asean_tip_data as atd
from asean_tip_data.cli import main
# Imported before the hook, as any program would:
import frictionless, rdflib, pyarrow.parquet, jinja2, altair, vl_convert
warm = Path(config["warm"])
atd.build_page(warm / "site")  # everything a page loads, loaded once
main(["validate", str(atd.datapackage_path())])
events = []
# The folder a name is opened in: the audit event of os.open does not carry its dir_fd, so os.open
# says it here, for the hook to resolve the name where it lies.
folders = []
real_open = os.open


def folder_of(fd):
    if os.path.isdir("/proc/self/fd"):  # Linux
        return os.readlink(f"/proc/self/fd/{fd}")
    import fcntl  # macOS: the path of an open file, padded with NUL bytes

    return os.fsdecode(fcntl.fcntl(fd, fcntl.F_GETPATH, bytes(1024)).rstrip(b"\0"))


def open_in_folder(path, flags, mode=0o777, *, dir_fd=None):
    folders.append(folder_of(dir_fd) if dir_fd is not None else None)
    try:
        return real_open(path, flags, mode, dir_fd=dir_fd)
    finally:
        folders.pop()


def where(path, flags):
    # The file an open reaches: the name in its folder (or the current one), every link followed, but
    # the last one where the open follows none (O_NOFOLLOW: a link there fails to open).
    full = os.path.join((folders[-1] if folders else None) or os.getcwd(), os.fsdecode(path))
    if flags & os.O_NOFOLLOW:
        return os.path.join(os.path.realpath(os.path.dirname(full)), os.path.basename(full))
    return os.path.realpath(full)


def hook(event, args):
    if event == "open" and not isinstance(args[0], int):  # an int: a file already open
        flags = args[2] if len(args) > 2 and isinstance(args[2], int) else 0
        events.append(["open", where(args[0], flags), flags])
    elif event in ("socket.connect", "subprocess.Popen", "os.system", "os.posix_spawn", "os.exec"):
        events.append([event, repr(args), 0])


sys.addaudithook(hook)
os.open = open_in_folder
failures = []
refusals = {}
for number, copy in enumerate(config["copies"]):
    out = Path(config["out"]) / str(number)
    commands = {
        "load": lambda: [atd.load(n, copy) for n in atd.resource_names()],
        "validate": lambda: atd.validate(copy),
        "validate (command line)": lambda: main(["validate", copy]),
        "dcat": lambda: atd.dcat_ap("turtle", copy),
        "page": lambda: atd.build_page(out / "site", copy),
        "export": lambda: [atd.export(f, out / f"export.{f}", copy) for f in ("csv", "json", "sqlite", "parquet")],
    }
    for name, command in commands.items():
        try:
            command()
        except atd.DataError as exc:
            refusals.setdefault(number, []).append(str(exc))
        except BaseException as exc:
            failures.append(f"{copy}: {name}: {type(exc).__name__}: {exc}")
os.open = real_open
print(json.dumps({"events": events, "failures": failures, "refusals": refusals}))
"""


def test_no_command_opens_a_file_outside_or_connects_while_reading_hostile_copies(
    tmp_path: Path, need: Need, edit_descriptor: EditDescriptor
) -> None:
    need(os.name == "posix", "a POSIX system (symlinks, pipes)", "run this test on Linux or macOS")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    secret = elsewhere / "secret.csv"
    secret.write_text(SECRET + "\n", encoding="utf-8")
    copies = tmp_path / "copies"

    def extra(name: str) -> Callable[[dict[str, Any]], object]:
        return lambda d: d["resources"].append({"name": name, "path": f"{name}.csv", "schema": {"fields": []}})

    def link_out(copy: Path) -> None:
        (copy / "resources" / "mous.csv").unlink()
        (copy / "resources" / "mous.csv").symlink_to(secret)

    def extra_linked_out(copy: Path) -> None:
        (copy / "extra.csv").symlink_to(secret)
        edit_descriptor(copy, extra("extra"))

    def extra_pipe(copy: Path) -> None:
        os.mkfifo(copy / "pipe.csv")
        edit_descriptor(copy, extra("pipe"))

    def descriptor_linked_out(copy: Path) -> None:
        # A whole copy elsewhere, its descriptor linked in: 1.17.0 read it, and the files beside it.
        shutil.copytree(copy, elsewhere / "copy")
        (copy / "datapackage.json").unlink()
        (copy / "datapackage.json").symlink_to(elsewhere / "copy" / "datapackage.json")

    hostile: dict[str, Callable[[Path], object]] = {
        "valid": lambda c: None,
        "a path up and out": lambda c: edit_descriptor(
            c, lambda r: r.update(path="../../elsewhere/secret.csv"), "mous"
        ),
        "an absolute path": lambda c: edit_descriptor(c, lambda r: r.update(path=str(secret)), "mous"),
        "a link out": link_out,
        "an extra resource linked out": extra_linked_out,
        "an extra pipe": extra_pipe,
        "profiles by address": lambda c: edit_descriptor(
            c, lambda d: d.update({"profile": "http://127.0.0.1:9/p", "$schema": "http://127.0.0.1:9/s"})
        ),
        "a schema by address": lambda c: edit_descriptor(
            c, lambda r: r.update(schema="http://127.0.0.1:9/schema"), "mous"
        ),
        # Issue #32: more files of a resource by address (1.17.0 fetched them), and a linked descriptor.
        "extrapaths by address": lambda c: edit_descriptor(
            c, lambda r: r.update(extrapaths=["http://127.0.0.1:9/more.csv"]), "mous"
        ),
        "a url by address": lambda c: edit_descriptor(c, lambda r: r.update(url="http://127.0.0.1:9/m.csv"), "mous"),
        "a descriptor linked out": descriptor_linked_out,
        "a file of 1 GiB": lambda c: os.truncate(c / "resources" / "glossary.csv", 1 << 30),
    }
    paths = []
    for number, edit in enumerate(hostile.values()):
        copy = atd.export("csv", copies / str(number))
        edit(copy)
        paths.append(str(copy))
    (tmp_path / "out").mkdir()
    config = {"copies": paths, "out": str(tmp_path / "out"), "warm": str(tmp_path / "warm")}
    result = subprocess.run(
        [sys.executable, "-c", AUDIT, json.dumps(config)], capture_output=True, text=True, timeout=600, check=False
    )
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout.splitlines()[-1])
    assert found["failures"] == []
    # Every copy but the valid ones is refused, and no refusal, nor anything the command line printed, holds
    # a word of what lies outside.
    refused = {list(hostile)[int(number)]: messages for number, messages in found["refusals"].items()}
    assert set(hostile) - set(refused) == {"valid", "profiles by address"}
    assert [m for messages in refused.values() for m in messages if SECRET in m] == []
    assert SECRET not in result.stdout and SECRET not in result.stderr
    allowed = [
        copies,
        tmp_path / "out",
        Path(atd.__file__).parent,
        Path(tempfile.gettempdir()) / "asean-tip-data-validate-",
    ]
    allowed += [Path(sys.prefix), Path(sys.base_prefix)]  # Python and its libraries, for what they import lazily
    roots = [os.path.realpath(root) for root in allowed]
    opened = [(path, flags) for event, path, flags in found["events"] if event == "open"]
    # The hook saw the copies being read, names opened below a folder's descriptor too (the gate's walk).
    assert any(path.startswith(os.path.realpath(copies / "0")) for path, _ in opened)
    assert os.path.realpath(copies / "0" / "resources" / "mous.csv") in {path for path, _ in opened}
    for path, _flags in opened:
        assert os.path.isabs(path) and any(path.startswith(root) for root in roots), path
    assert [e for e in found["events"] if e[0] != "open"] == []  # no connection, no process
    assert not any(path.startswith(os.path.realpath(elsewhere)) for path, _ in opened)


def test_a_long_file_costs_what_a_short_one_does_per_cell(copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # 1.10.0: in a file of more than 100,000 characters, every cell looked up a translated message
    # (10 s for 1 MB, past 600 s for 64 MiB). A message is now made only for a cell that is wrong.
    path = copy / "resources" / "glossary.csv"
    header, *lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    term = header.split(",").index("term")
    longer = [
        ",".join(f"{c}-{i}" if n == term else c for n, c in enumerate(line.split(",")))
        for i in range(40)
        for line in lines
    ]
    path.write_text(header + "".join(longer), encoding="utf-8")
    assert path.stat().st_size > 200_000
    looked_up: list[str] = []
    real = vars(_package)["_"]

    def translate(message: str) -> str:
        looked_up.append(message)
        return str(real(message))

    monkeypatch.setattr(_package, "_", translate)
    assert len(atd.load_glossary(copy)) == 40 * len(lines)
    assert looked_up == []
