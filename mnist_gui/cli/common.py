"""What every sub-command does the same way: load a model (a file, or a kept run by its id) or a data set,
print JSON.

Each failure becomes a ``CliError`` (one line on stderr, exit status 2). JSON never holds NaN or
Infinity, which are not JSON: ``json_safe`` turns them into ``null``.
"""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path

from mnist_gui.cli.parser import CliError


def model_file(given) -> Path:
    """What a MODEL argument names: a model file, or else a kept run (its id as ``mnist-gui runs`` prints
    it, or the start of one) whose model file is returned. CliError in plain words for neither, or for a
    run that kept no model."""
    path = Path(given)
    if path.is_file():
        return path
    from mnist_gui.core.runs import RunStore

    text = str(given)
    looks_like_a_file = path.suffix.lower() == ".npz" or "/" in text or "\\" in text
    try:
        run = None if looks_like_a_file or not text.strip() else RunStore().get(text)
    except KeyError as exc:
        raise CliError(f"no model file or run {text!r}: {exc.args[0]}; give a model file (.npz) or a run id "
                       f"from `mnist-gui runs`") from None
    if run is None:
        raise CliError(f"no model file at {path}")
    if run.model_path is None:
        raise CliError(f"run {run.id} ({run.name}, {run.status}) kept no model: choose a finished run "
                       f"from `mnist-gui runs`, or a model file")
    return run.model_path


def load_model(path: Path):
    """The model in a model file or a kept run (``model_file``), or a CliError saying why not."""
    from mnist_gui.nn import load_model as load

    path = model_file(path)
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
