"""No export or site build loses anything: the target is resolved first, staged beside, swapped in whole."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

import asean_tip_data as atd
from asean_tip_data import _export
from asean_tip_data._output import STAGING

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
    real = _export._writer(format)

    def fails_halfway(path: Path, datapackage: object) -> None:
        real(path, None)
        raise OSError(28, "No space left on device", str(path))

    monkeypatch.setattr(_export, "_writer", lambda _: fails_halfway)
    with pytest.raises(OSError, match="No space left"):
        atd.export(format, output, overwrite=True)  # type: ignore[arg-type]
    assert _snapshot(tmp_path) == before  # and no staging folder is left beside it
    assert sorted(p.name for p in tmp_path.iterdir()) == [output.name]


def test_a_reader_always_finds_the_old_folder_or_the_new_one(tmp_path: Path) -> None:
    output = tmp_path / "out"
    atd.export("csv", output)
    missing: list[int] = []
    done = threading.Event()

    def poll() -> None:
        while not done.is_set():
            if not (output / "datapackage.json").is_file():
                missing.append(1)

    reader = threading.Thread(target=poll)
    reader.start()
    try:
        for _ in range(30):
            atd.export("csv", output, overwrite=True)
    finally:
        done.set()
        reader.join()
    assert missing == []
    assert _snapshot(output) == _snapshot(atd.export("csv", tmp_path / "fresh"))


def test_a_staging_folder_left_by_a_killed_run_is_removed_by_the_next(tmp_path: Path) -> None:
    output = tmp_path / "out"
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()  # a process id that no longer runs
    stale = tmp_path / f".out{STAGING}{child.pid}"
    (stale / "out" / "resources").mkdir(parents=True)
    running = tmp_path / f".out{STAGING}{os.getppid()}"  # a live process's work is left alone
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
