"""What datasette shows of the SQLite export, served with the metadata it comes with, as docs/exports.md says.

    python .ci/datasette_check.py [SITE/downloads]   # with the package and datasette installed

Runs that document's export command (in English, then with --lang id) and its datasette
command, serves each database over HTTP, and reads its pages as a visitor gets them: the dataset's
title, the licence with its link, a table's description and a column's, in the language exported,
all as the descriptor gives them. With SITE/downloads, the site's SQLite download and its metadata in
both languages too. Then it serves the database without its metadata and fails unless that is caught.
"""

from __future__ import annotations

import html
import json
import re
import shlex
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
EXPORTS = (ROOT / "docs" / "exports.md").read_text(encoding="utf-8")  # where the SQL export is told
DESCRIPTOR = json.loads((ROOT / "datapackage.json").read_text(encoding="utf-8"))


def _in(item: dict[str, Any], key: str, lang: str) -> str:
    return str(item.get(f"{key}_translated", {}).get(lang) or item[key])


def expected(lang: str) -> dict[str, str]:
    """Return what a visitor must read, from the descriptor: title, licence, a table's and a column's description."""
    (meetings,) = [r for r in DESCRIPTOR["resources"] if r["name"] == "meetings"]
    (forum,) = [f for f in meetings["schema"]["fields"] if f["name"] == "forum"]
    licence = DESCRIPTOR["licenses"][0]
    return {
        "title": f"<h1>{_in(DESCRIPTOR, 'title', lang)}",
        "licence": f'<a href="{licence["path"]}">{_in(licence, "title", lang)}</a>',
        "table": f"<h1>{_in(meetings, 'title', lang)}</h1>",
        "table description": _in(meetings, "description", lang),
        "column description": f"<dt>forum</dt><dd>{_in(forum, 'title', lang)}: {_in(forum, 'description', lang)}</dd>",
    }


def _page(port: int, path: str) -> str:
    with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=30) as response:
        return html.unescape(response.read().decode("utf-8"))


def served(argv: list[str], folder: Path, database: str) -> dict[str, str]:
    """Return the index page and the meetings table's page, as datasette serves them when run with ``argv``."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with tempfile.TemporaryFile() as log:
        server = subprocess.Popen(
            [*argv, "--host", "127.0.0.1", "--port", str(port)], cwd=folder, stdout=log, stderr=log
        )
        try:
            for _ in range(120):
                try:
                    _page(port, "/-/versions.json")
                    break
                except OSError:
                    if server.poll() is not None:
                        log.seek(0)
                        sys.stderr.write(log.read().decode("utf-8", "replace"))
                        raise RuntimeError(f"{shlex.join(argv)} stopped with code {server.returncode}") from None
                    time.sleep(0.25)
            return {"index": _page(port, "/"), "table": _page(port, f"/{database}/meetings")}
        finally:
            server.terminate()
            server.wait(timeout=30)


def problems(pages: dict[str, str], lang: str, where: str) -> list[str]:
    found = []
    for what, text in expected(lang).items():
        page = pages["index"] if what in ("title", "licence") else pages["table"]
        if text not in page:
            found.append(f"{where}: no {what} ({text[:80]!r})")
    return found


def readme_commands() -> tuple[list[str], list[str]]:
    """Return the SQLite export command of docs/exports.md and the datasette command that serves what it writes."""
    (export,) = re.findall(r"^\$ (asean-tip-data export --format sqlite .*)$", EXPORTS, re.MULTILINE)
    (serve,) = re.findall(r"^ *(datasette \S+\.db\b.*)$", EXPORTS, re.MULTILINE)
    return _here(shlex.split(export)), _here(shlex.split(serve))


def _here(argv: list[str]) -> list[str]:
    """Return ``argv`` with its program from this Python's environment: the one the check was installed in."""
    return [shutil.which(argv[0], path=str(Path(sys.executable).parent)) or argv[0], *argv[1:]]


def main() -> int:
    export, serve = readme_commands()
    database = Path(serve[1]).stem
    found, checked = [], []
    with tempfile.TemporaryDirectory() as work:
        for lang in ("en", "id"):
            folder = Path(work) / lang
            folder.mkdir()
            subprocess.run([*export, "--lang", lang], cwd=folder, check=True, stdout=subprocess.DEVNULL)
            found += problems(served(serve, folder, database), lang, f"{shlex.join(serve)} (--lang {lang})")
            checked.append(f"export --lang {lang}")
        if len(sys.argv) > 1:
            site = Path(sys.argv[1])
            for lang, name in (("en", "asean-tip-data.metadata.json"), ("id", "asean-tip-data.metadata.id.json")):
                argv = [serve[0], "asean-tip-data.sqlite", "--metadata", name]
                found += problems(served(argv, site, "asean-tip-data"), lang, f"the site's {name}")
                checked.append(f"the site's {name}")
        for problem in found:
            print(problem)
        if found:
            return 1
        # Without its metadata datasette shows none of it: the check must see that.
        bare = problems(served(serve[:2], Path(work) / "en", database), "en", "without --metadata")
    if len(bare) != len(expected("en")):
        print(f"the check missed a database served without its metadata: {bare}")
        return 1
    print(f"caught: served without its metadata ({bare[0]})")
    print(f"datasette shows the title, licence, a table's and a column's description: {', '.join(checked)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
