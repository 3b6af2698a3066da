"""User folders: the same Linux folders as before, the XDG spec's rule for relative values, the overrides,
and a folder an earlier version made on macOS or Windows kept in use (``mnist_gui.core.paths``)."""

from __future__ import annotations

import sys

import platformdirs
import pytest

from mnist_gui.core import paths

XDG_PLATFORM = not sys.platform.startswith(("win", "darwin"))


@pytest.fixture
def home(tmp_path, monkeypatch):
    """A fresh home folder and no variable that picks the folders."""
    for name in ("MNIST_GUI_DATA_DIR", "MNIST_GUI_CACHE_DIR", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    return tmp_path


@pytest.mark.skipif(not XDG_PLATFORM, reason="the XDG folders are the Linux/BSD defaults")
def test_linux_folders_are_where_earlier_versions_kept_the_users_files(home):
    assert paths.user_data_dir() == home / ".local" / "share" / "mnist-gui"
    assert paths.user_cache_dir() == home / ".cache" / "mnist-gui"


@pytest.mark.skipif(not XDG_PLATFORM, reason="the XDG folders are the Linux/BSD defaults")
def test_absolute_xdg_folders_are_used_and_relative_ones_ignored(home, monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/cache")
    assert paths.user_data_dir() == tmp_path / "xdg-data" / "mnist-gui"
    assert paths.user_cache_dir() == home / ".cache" / "mnist-gui"
    monkeypatch.setenv("XDG_DATA_HOME", "data")
    assert paths.user_data_dir() == home / ".local" / "share" / "mnist-gui"


def test_the_mnist_gui_variables_win_over_every_platform_rule(home, monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    monkeypatch.setenv("MNIST_GUI_DATA_DIR", str(tmp_path / "mine"))
    monkeypatch.setenv("MNIST_GUI_CACHE_DIR", str(tmp_path / "cache-here"))
    assert paths.user_data_dir() == tmp_path / "mine"
    assert paths.user_cache_dir() == tmp_path / "cache-here"


def _like_macos(monkeypatch, home):
    library = home / "Library" / "Application Support" / "mnist-gui"
    monkeypatch.setattr(platformdirs, "user_data_dir", lambda name, appauthor=None: str(library))
    return library


def test_other_platforms_use_their_own_folder(home, monkeypatch):
    library = _like_macos(monkeypatch, home)
    assert paths.user_data_dir() == library


def test_a_folder_an_earlier_version_made_stays_in_use_until_the_new_one_exists(home, monkeypatch):
    library = _like_macos(monkeypatch, home)
    old = home / ".local" / "share" / "mnist-gui"
    (old / "runs").mkdir(parents=True)
    assert paths.user_data_dir() == old  # the user's runs and digits are still found
    library.mkdir(parents=True)
    assert paths.user_data_dir() == library


def test_a_relative_folder_from_platformdirs_is_never_used(home, monkeypatch):
    # older platformdirs take a relative XDG_CACHE_HOME as it is
    monkeypatch.setattr(platformdirs, "user_cache_dir", lambda name, appauthor=None: "relative/mnist-gui")
    assert paths.user_cache_dir() == home / ".cache" / "mnist-gui"
