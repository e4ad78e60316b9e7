"""Import an optional library (pandas, polars, pyarrow, the page's), or say in one line how to install it."""

from __future__ import annotations

from importlib import import_module
from typing import Any

from .._words.messages import _


def require(module: str, caller: str, extra: str | None = None) -> Any:
    """Return the optional ``module``; an ImportError names the extra that brings it."""
    try:
        return import_module(module)
    except ImportError:
        package = module.split(".")[0]
        spec = f"asean-tip-data[{extra or package}]"
        message = _("{caller} needs {package}, which is not installed: pip install '{spec}'")
        raise ImportError(message.format(caller=caller, package=package, spec=spec)) from None
