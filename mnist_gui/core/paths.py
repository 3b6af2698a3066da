"""Where mnist-gui finds its bundled resources and keeps its per-user files.

Resources (the bundled MNIST, the default model, icons, the desktop entry) are found through the installed
package ``mnist_gui.resources`` (the repository's ``resources/`` folder), never the working directory.

User folders are each platform's own, through platformdirs: on Linux and the BSDs the XDG base directories
(``~/.cache/mnist-gui`` and ``~/.local/share/mnist-gui``, or below ``$XDG_CACHE_HOME`` / ``$XDG_DATA_HOME``),
on macOS ``~/Library/Caches`` and ``~/Library/Application Support``, on Windows ``%LOCALAPPDATA%``. An
``XDG_*`` value that is not an absolute path is ignored, as the XDG spec says. ``MNIST_GUI_CACHE_DIR`` and
``MNIST_GUI_DATA_DIR`` override everything (the tests use them to stay away from the real home folder).
Not here: where Qt keeps the window's settings (``QSettings``, ``ui/main_window.py``).
"""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

import platformdirs

APP_NAME = "mnist-gui"


def resource_path(*parts: str) -> Path:
    """Path of a bundled resource, e.g. ``resource_path("mnist")``."""
    return Path(str(resources.files("mnist_gui.resources").joinpath(*parts)))


# where the XDG spec puts each kind of folder when its variable is unset (or not an absolute path)
_XDG = {"cache": ("XDG_CACHE_HOME", ".cache"), "data": ("XDG_DATA_HOME", ".local/share")}


def xdg_home(variable: str, fallback: str) -> Path:
    """``$variable`` (e.g. ``XDG_DATA_HOME``) if it is an absolute path, else ``~/fallback``.

    The XDG base-directory spec: "If an implementation encounters a relative path in any of these variables
    it should consider the path invalid and ignore it."
    """
    value = os.environ.get(variable, "")
    return Path(value) if os.path.isabs(value) else Path.home() / fallback


def _user_dir(override: str, kind: str) -> Path:
    if os.environ.get(override):
        return Path(os.environ[override])
    folder = Path(getattr(platformdirs, f"user_{kind}_dir")(APP_NAME, appauthor=False))
    xdg_folder = xdg_home(*_XDG[kind]) / APP_NAME
    if not folder.is_absolute():  # platformdirs took a relative XDG_* value, which the spec says to ignore
        return xdg_folder
    # on Linux the two are the same folder; on macOS and Windows, versions up to 0.1 used the XDG one:
    # keep using it if the user has it, so their runs and digits are not lost
    return xdg_folder if xdg_folder.is_dir() and not folder.exists() else folder


def user_cache_dir() -> Path:
    """Per-user cache (decompressed datasets, predictions): ``$MNIST_GUI_CACHE_DIR`` or the platform's."""
    return _user_dir("MNIST_GUI_CACHE_DIR", "cache")


def user_data_dir() -> Path:
    """Per-user data (runs, the user's own digits): ``$MNIST_GUI_DATA_DIR`` or the platform's."""
    return _user_dir("MNIST_GUI_DATA_DIR", "data")
