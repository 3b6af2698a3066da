"""What every sub-command does the same way: load a model or a data set, print JSON.

Each failure becomes a ``CliError`` (one line on stderr, exit status 2). JSON never holds NaN or
Infinity, which are not JSON: ``json_safe`` turns them into ``null``.
"""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path

from mnist_gui.cli.parser import CliError


def load_model(path: Path):
    from mnist_gui.nn import load_model as load

    if not path.is_file():
        raise CliError(f"no model file at {path}")
    try:
        return load(path)
    except (ValueError, OSError, MemoryError, RecursionError, ArithmeticError, LookupError, TypeError) as exc:
        raise CliError(f"cannot load model {path}: {exc or type(exc).__name__}") from None


def load_dataset(path: Path | None):
    from mnist_gui.data.mnist import load_dataset as load

    try:
        return load(path)
    except (ValueError, OSError, MemoryError, RecursionError, LookupError, TypeError) as exc:
        raise CliError(f"cannot load data: {exc or type(exc).__name__}") from None


def finite_or_none(value):
    """A float, or None when it is NaN or infinite."""
    value = float(value)
    return value if math.isfinite(value) else None


def json_safe(document):
    """``document`` with every non-finite float replaced by None (recursively, lists and dicts)."""
    if isinstance(document, float):
        return finite_or_none(document)
    if isinstance(document, dict):
        return {k: json_safe(v) for k, v in document.items()}
    if isinstance(document, (list, tuple)):
        return [json_safe(v) for v in document]
    if hasattr(document, "item") and not isinstance(document, (str, bytes)):  # NumPy scalars
        return json_safe(document.item())
    return document


def print_json(document) -> None:
    json.dump(json_safe(document), sys.stdout, indent=2, allow_nan=False)
    sys.stdout.write("\n")
