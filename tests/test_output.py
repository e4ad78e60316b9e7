"""No export or site build loses anything: the target is resolved first, staged beside, swapped in whole."""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

import asean_tip_data as atd
from asean_tip_data._gate.package import Package
from asean_tip_data._outputs import export as _export
from asean_tip_data._outputs import replace as _replace
from asean_tip_data._outputs.replace import check_target, staging_name, write_safely

Need = Callable[[object, str, str], None]
SCRIPT = Path(sys.executable).parent / "asean-tip-data"
FOLDERS = ["csv", "parquet"]
FILES = {"json": "data.json", "sqlite": "data.db"}


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(SCRIPT), *args], capture_output=True, text=True, cwd=cwd, check=False)


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("command", [["export", "--format", "csv"], ["page"]])
@pytest.mark.parametrize("target", ["..", ".", "/"])
def test_the_current_folder_what_holds_it_and_the_root_are_refused(
    command: list[str], target: str, tmp_path: Path
) -> None:
    home = tmp_path / "project"
    (home / "work").mkdir(parents=True)
    (home / "datapackage.json").write_text("my own descriptor", encoding="utf-8")
    (home / "work" / "index.html").write_text("my own page", encoding="utf-8")
    before = _snapshot(tmp_path)
    result = run(*command, "--output", target, "--force", cwd=home / "work")
    assert result.returncode == 2, result.stderr
    assert "the current folder or one that holds it" in result.stderr and "Traceback" not in result.stderr
    assert _snapshot(tmp_path) == before
    assert sorted(p.name for p in (home / "work").iterdir()) == ["index.html"]  # no resources/ made here


@pytest.mark.parametrize("format", FOLDERS + list(FILES))
def test_a_failure_while_writing_leaves_the_old_content_byte_for_byte(
    format: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    output = tmp_path / FILES.get(format, "out")
    atd.export(format, output)  # type: ignore[arg-type]
    before = _snapshot(tmp_path)
    real = _export.writer(format)

    def fails_halfway(path: Path, package: Package) -> None:
        real(path, package)
        raise OSError(28, "No space left on device", str(path))

    monkeypatch.setattr(_export, "writer", lambda _: fails_halfway)
    with pytest.raises(OSError, match="No space left") as info:
        atd.export(format, output, overwrite=True)  # type: ignore[arg-type]
    assert info.value.filename == str(output)  # the path the user gave, not our staging folder
    assert _snapshot(tmp_path) == before  # and no staging folder is left beside it
    beside = ["data.metadata.json"] if format == "sqlite" else []  # datasette's, from the first export
    assert sorted(p.name for p in tmp_path.iterdir()) == [output.name, *beside]


def test_a_reader_always_finds_the_old_folder_or_the_new_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Not a race with a polling thread (it caught two renames in a row only now and then): every step that moves a
    # folder is recorded with whether the target held a descriptor just after it, which a swap in one step always does.
    output = tmp_path / "out"
    atd.export("csv", output)
    steps: list[tuple[str, bool]] = []
    real_rename, real_path_rename = _replace._rename, Path.rename

    def rename(a: Path, b: Path, how: str) -> bool:
        swapped = real_rename(a, b, how)
        steps.append((f"{how}: {swapped}", (output / "datapackage.json").is_file()))
        return swapped

    def path_rename(self: Path, target: str | os.PathLike[str]) -> Path:
        moved = real_path_rename(self, target)
        steps.append(("Path.rename", (output / "datapackage.json").is_file()))
        return moved

    monkeypatch.setattr(_replace, "_rename", rename)
    monkeypatch.setattr(Path, "rename", path_rename)
    atd.export("csv", output, overwrite=True)
    assert steps and all(found for _, found in steps), steps
    assert _snapshot(output) == _snapshot(atd.export("csv", tmp_path / "fresh"))


def test_a_staging_folder_left_by_a_killed_run_is_removed_by_the_next(tmp_path: Path) -> None:
    output = tmp_path / "out"
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()  # a process id that no longer runs
    stale = tmp_path / staging_name(output, child.pid)
    (stale / "out" / "resources").mkdir(parents=True)
    running = tmp_path / staging_name(output, os.getppid())  # a live process's work is left alone
    running.mkdir()
    atd.export("csv", output)
    assert not stale.exists() and running.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([running.name, "out"])


def test_the_output_path_is_resolved_before_anything_is_written(tmp_path: Path, need: Need) -> None:
    need(os.name == "posix", "a POSIX system (symlinks without privileges)", "run this test on Linux or macOS")
    (tmp_path / "real").mkdir()
    (tmp_path / "link").symlink_to("real")
    written = atd.export("json", tmp_path / "link" / "data.json")
    assert written == tmp_path.resolve() / "real" / "data.json" and written.is_file()


@pytest.mark.parametrize("format", FOLDERS + list(FILES))
def test_a_full_disk_is_one_line_exit_2_and_the_old_content_stays(format: str, tmp_path: Path, need: Need) -> None:
    need(
        shutil.which("unshare"), "unshare (util-linux), for a small full disk of its own", "apt-get install util-linux"
    )
    disk = tmp_path / "disk"
    disk.mkdir()
    target = disk / FILES.get(format, "out")
    # A file system of its own, in a mount namespace of its own: the old export fits, then a filler
    # takes the rest, and the export with --force must fail without touching the old one.
    script = f"""
set -e
mount -t tmpfs -o size=2m tmpfs {disk}
{SCRIPT} export --format {format} --output {target} >/dev/null
find {disk} -type f -exec sha256sum {{}} + | sort > {tmp_path}/before
dd if=/dev/zero of={disk}/filler bs=4k 2>/dev/null || true
set +e
{SCRIPT} export --format {format} --output {target} --force 2> {tmp_path}/stderr
echo $? > {tmp_path}/code
rm {disk}/filler
find {disk} -type f -exec sha256sum {{}} + | sort > {tmp_path}/after
"""
    result = subprocess.run(["unshare", "-rm", "sh", "-c", script], capture_output=True, text=True, check=False)
    need(
        result.returncode == 0 or "unshare" not in result.stderr,
        f"a mount namespace ({result.stderr.strip()})",
        "run where unprivileged user namespaces are allowed, or as root",
    )
    assert result.returncode == 0, result.stderr
    stderr = (tmp_path / "stderr").read_text(encoding="utf-8")
    assert (tmp_path / "code").read_text().strip() == "2", stderr
    assert stderr.startswith("asean-tip-data: error: ") and "no space left on device" in stderr.lower()
    assert stderr.count("\n") == 1 and "Traceback" not in stderr
    assert (tmp_path / "after").read_text() == (tmp_path / "before").read_text()


# Issue #24, item 4: write only over what is ours. Each failed on 1.10.0.


def test_force_never_replaces_a_pipe_or_a_device(tmp_path: Path, need: Need) -> None:
    need(os.name == "posix", "a POSIX system (pipes)", "run this test on Linux or macOS")
    # 1.10.0: `export --force` onto a FIFO or a device node replaced it with a file (as root,
    # `--output /dev/null --force` would replace the system's).
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    result = subprocess.run(
        [str(SCRIPT), "export", "--format", "json", "--output", str(pipe), "--force"], capture_output=True, text=True
    )
    assert result.returncode == 2 and f"{pipe}: neither a file nor a folder; never replaced" in result.stderr
    assert stat.S_ISFIFO(os.lstat(pipe).st_mode)
    # Checked without writing, so that a regression could not touch the system's device.
    with pytest.raises(FileExistsError, match="neither a file nor a folder"):
        check_target(Path(os.devnull), folder=False, overwrite=True)


def test_a_folder_made_and_filled_while_the_page_is_built_is_not_replaced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # 1.10.0: the target was checked once, at the start: someone's folder that appeared meanwhile
    # was swapped out and deleted, without --force.
    from asean_tip_data._page import build as _page

    site = tmp_path / "site"
    real = _page._write_site

    def someone_writes_there_meanwhile(path: Path, package: Package) -> None:
        site.mkdir()
        (site / "notes.txt").write_text("mine", encoding="utf-8")
        real(path, package)

    monkeypatch.setattr(_page, "_write_site", someone_writes_there_meanwhile)
    with pytest.raises(FileExistsError, match="changed while the export was written; nothing was replaced"):
        atd.build_page(site)
    assert sorted(p.name for p in site.iterdir()) == ["notes.txt"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]  # no staging folder left


def test_an_empty_folder_filled_meanwhile_is_not_replaced(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    output = tmp_path / "out"
    output.mkdir()  # empty: an export may go there without --force, as long as it stays empty
    real = _export.writer("csv")

    def someone_writes_there_meanwhile(path: Path, package: Package) -> None:
        (output / "notes.txt").write_text("mine", encoding="utf-8")
        real(path, package)

    monkeypatch.setattr(_export, "writer", lambda _: someone_writes_there_meanwhile)
    with pytest.raises(FileExistsError, match="changed while"):
        atd.export("csv", output)
    assert sorted(p.name for p in output.iterdir()) == ["notes.txt"]


def test_the_installed_package_and_its_data_are_never_written(tmp_path: Path) -> None:
    # 1.10.0: `export --force` into the installed package's resources/ wiped the bundled data.
    bundled = atd.datapackage_path().resolve()
    for place in (bundled.parent / "resources", bundled, Path(atd.__file__).parent, Path("/")):
        with pytest.raises(ValueError, match=r"the package's own files, or a folder that holds them|current folder"):
            write_safely(place, place.is_dir(), True, lambda written: pytest.fail(f"wrote {written}"))
    assert atd.validate() == ()


def test_a_long_output_name_works_and_errors_name_the_users_path(tmp_path: Path) -> None:
    # 1.10.0: a long output name failed, naming the internal staging path.
    name = "a" * 250 + ".json"  # a file system takes 255 bytes a name
    assert atd.export("json", tmp_path / name).name == name
    longer = tmp_path / ("b" * 256)
    result = subprocess.run(
        [str(SCRIPT), "export", "--format", "json", "--output", str(longer)], capture_output=True, text=True
    )
    assert result.returncode == 2 and result.stderr.count("\n") == 1
    assert str(longer) in result.stderr and "staging" not in result.stderr


def test_an_export_works_from_a_folder_that_was_removed(tmp_path: Path, need: Need) -> None:
    need(shutil.which("sh"), "a POSIX shell", "run this test on Linux or macOS")
    # 1.10.0: with the current folder removed, an export to an absolute path failed naming nothing.
    # The command as people run it, from a shell whose folder was removed under it (not `python -c`,
    # whose import path starts with that folder: CPython 3.13.0 then fails any later import).
    gone = tmp_path / "gone"
    gone.mkdir()
    target = tmp_path / "data.json"
    script = f'cd "{gone}" && rmdir "{gone}" && exec "{SCRIPT}" export --format json --output "{target}"'
    result = subprocess.run(["sh", "-c", script], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert json.loads(target.read_text(encoding="utf-8"))["countries"][0]["iso3"] == "BRN"


def test_a_loop_of_links_as_the_output_is_one_line(tmp_path: Path, need: Need) -> None:
    need(os.name == "posix", "a POSIX system (symlinks)", "run this test on Linux or macOS")
    # 1.10.0: a RuntimeError traceback.
    loop = tmp_path / "loop"
    loop.symlink_to(loop)
    for output in (loop, loop / "data.json"):
        result = subprocess.run(
            [str(SCRIPT), "export", "--format", "json", "--output", str(output)], capture_output=True, text=True
        )
        assert result.returncode == 2 and result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
        assert str(loop) in result.stderr
    assert loop.is_symlink()


# Issue #32, item 5: paths that are not UTF-8, errors without an errno, and --force over what cannot be
# removed. Each failed on 1.17.0.


def test_a_folder_whose_name_is_not_utf8_takes_every_output(tmp_path: Path, need: Need) -> None:
    need(sys.platform.startswith("linux"), "Linux (file names as bytes)", "run this test on Linux")
    # 1.17.0: Parquet export and `page` failed with "'utf-8' codec can't encode character '\udcff'",
    # naming no path.
    folder = os.fsencode(tmp_path) + b"/caf\xe9"
    os.mkdir(folder)
    for args in (
        [b"export", b"--format", b"parquet", b"--output", folder + b"/parquet"],
        [b"export", b"--format", b"sqlite", b"--output", folder + b"/data.db"],
        [b"page", b"--output", folder + b"/site"],
    ):
        result = subprocess.run([os.fsencode(SCRIPT), *args], capture_output=True, check=False)
        assert result.returncode == 0, result.stderr
    assert atd.validate(os.fsdecode(folder + b"/parquet")) == ()
    assert (Path(os.fsdecode(folder)) / "site" / "downloads" / "parquet" / "resources" / "mous.parquet").is_file()
    # Where such a path is named, it is named: undecodable bytes shown as "?" (the terminal's encoding).
    refused = subprocess.run(
        [os.fsencode(SCRIPT), b"export", b"--format", b"csv", b"--output", folder + b"/site"],
        capture_output=True,
        check=False,
    )
    assert refused.returncode == 2
    assert refused.stderr == b"asean-tip-data: error: " + os.fsencode(tmp_path) + (
        b"/caf?/site: a folder that is not empty; --force replaces it\n"
    )


@pytest.mark.parametrize(
    ("raised", "said"),
    [
        (OSError("IOError: No space left on device"), "no space left on device"),  # pyarrow's, errno None
        (OSError(), "failed, with no reason given (OSError, no error number)"),
    ],
)
def test_an_os_error_without_an_errno_is_said_in_plain_words(
    raised: OSError, said: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # 1.17.0: a full disk during `page` said "[Errno None] None".
    from asean_tip_data._outputs import parquet as _parquet
    from asean_tip_data.cli import main

    def fail(path: Path, package: Package) -> None:
        raise raised

    monkeypatch.setattr(_parquet, "write", fail)
    assert main(["page", "--output", str(tmp_path / "site")]) == 2
    assert capsys.readouterr().err == f"asean-tip-data: error: {tmp_path / 'site'}: {said}\n"
    assert list(tmp_path.iterdir()) == []


def _unremovable(target: Path, need: Need) -> Path:
    """Make a file under ``target`` this process cannot remove, the way its user can; return it."""
    keep = target / "kept" / "keep.txt"
    keep.parent.mkdir()
    keep.write_text("mine", encoding="utf-8")
    if os.geteuid() != 0:
        keep.parent.chmod(0o555)  # its folder may not be written
        return keep
    locked = subprocess.run(["chattr", "+i", str(keep)], capture_output=True, text=True, check=False)
    need(
        locked.returncode == 0,
        f"chattr +i ({locked.stderr.strip()})",
        "run as root where the file system keeps the immutable flag (ext4, xfs, btrfs, tmpfs), or not as root",
    )
    return keep


def _removable_again(keep: Path) -> None:
    if os.geteuid() == 0:
        subprocess.run(["chattr", "-i", str(keep)], check=False)
    else:
        keep.parent.chmod(0o755)


@pytest.mark.parametrize("command", [["export", "--format", "csv"], ["page"]])
def test_force_over_what_cannot_be_removed_fails_replaces_nothing_and_leaves_no_staging_folder(
    command: list[str], tmp_path: Path, need: Need
) -> None:
    need(sys.platform.startswith("linux") and shutil.which("chattr"), "Linux and chattr", "apt-get install e2fsprogs")
    # 1.17.0: it said the export was written, and left the old content in a hidden staging folder for good.
    target = atd.export("csv", tmp_path / "out")
    keep = _unremovable(target, need)
    try:
        before = _snapshot(target)
        result = run(*command, "--output", str(target), "--force")
        why = "permission denied" if os.geteuid() != 0 else "marked immutable, append-only or read-only"
        assert result.returncode == 2 and result.stdout == ""
        assert result.stderr == f"asean-tip-data: error: {keep}: cannot be removed ({why}), so nothing was replaced\n"
        assert _snapshot(target) == before
        assert [p.name for p in tmp_path.iterdir()] == ["out"]
    finally:
        _removable_again(keep)


def test_what_cannot_be_removed_after_all_is_put_back_and_no_staging_folder_stays(
    tmp_path: Path, need: Need, monkeypatch: pytest.MonkeyPatch
) -> None:
    need(sys.platform.startswith("linux") and shutil.which("chattr"), "Linux and chattr", "apt-get install e2fsprogs")
    # The check before writing missed it (a file locked meanwhile): the old folder goes back in place.
    from asean_tip_data._outputs import replace as _output

    monkeypatch.setattr(_output, "check_removable", lambda folder: None)
    target = tmp_path / "out"
    target.mkdir()
    keep = _unremovable(target, need)
    try:
        with pytest.raises(OSError) as info:
            atd.export("csv", target, overwrite=True)
        assert info.value.filename == str(keep) and "the old folder is back in its place" in str(info.value.strerror)
        assert keep.read_text(encoding="utf-8") == "mine" and not (target / "datapackage.json").exists()
        assert [p.name for p in tmp_path.iterdir()] == ["out"]
    finally:
        _removable_again(keep)
