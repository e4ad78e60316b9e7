"""Write a file derived from the descriptor, or with --check only say whether it is current."""

from __future__ import annotations

import sys
from pathlib import Path


def write_or_check(path: Path, new: str, what: str, command: str) -> int:
    """Write ``new`` to ``path``; with --check, return 1 and say ``what`` is stale instead."""
    if "--check" in sys.argv[1:]:
        if not path.exists() or path.read_text(encoding="utf-8") != new:
            print(f"{what} is out of date: run {command}")
            return 1
        return 0
    path.write_text(new, encoding="utf-8")
    return 0
