"""What every sub-command does the same way: load a model or a data set, print JSON.

Each failure becomes a ``CliError`` (one line on stderr, exit status 2).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from mnist_gui.cli.parser import CliError


def load_model(path: Path):
    from mnist_gui.nn import load_model as load

    if not path.is_file():
        raise CliError(f"no model file at {path}")
    try:
        return load(path)
    except (ValueError, OSError) as exc:
        raise CliError(f"cannot load model {path}: {exc}") from None


def load_dataset(path: Path | None):
    from mnist_gui.data.mnist import load_dataset as load

    try:
        return load(path)
    except (ValueError, OSError) as exc:
        raise CliError(f"cannot load data: {exc}") from None


def print_json(document) -> None:
    json.dump(document, sys.stdout, indent=2)
    sys.stdout.write("\n")
