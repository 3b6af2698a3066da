"""Where mnist-gui finds its bundled resources and keeps its per-user files.

Resources (the bundled MNIST, the default model, icons) are found through the installed package
``mnist_gui.resources`` (the repository's ``resources/`` folder), never the working directory.
User folders follow the XDG base-directory convention and can be overridden with environment
variables, which the tests use to stay away from the real home directory.
"""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path


def resource_path(*parts: str) -> Path:
    """Path of a bundled resource, e.g. ``resource_path("mnist")``."""
    return Path(str(resources.files("mnist_gui.resources").joinpath(*parts)))


def _xdg(env_override: str, xdg_var: str, fallback: str) -> Path:
    if os.environ.get(env_override):
        return Path(os.environ[env_override])
    base = os.environ.get(xdg_var) or str(Path.home() / fallback)
    return Path(base) / "mnist-gui"


def user_cache_dir() -> Path:
    """Per-user cache (decompressed datasets): ``$MNIST_GUI_CACHE_DIR`` or ``~/.cache/mnist-gui``."""
    return _xdg("MNIST_GUI_CACHE_DIR", "XDG_CACHE_HOME", ".cache")


def user_data_dir() -> Path:
    """Per-user data (the user's own digits): ``$MNIST_GUI_DATA_DIR`` or ``~/.local/share/mnist-gui``."""
    return _xdg("MNIST_GUI_DATA_DIR", "XDG_DATA_HOME", ".local/share")
