"""``mnist-gui --install-desktop-entry``: the menu entry and icons a pip user gets, valid, pointing at the
installed ``mnist-gui-app``, the same after a second install, and gone after ``--uninstall-desktop-entry``."""

from __future__ import annotations

import configparser
import os
import shutil
import struct
import subprocess
import sys
from pathlib import Path

import pytest

from mnist_gui.core import desktop_entry

APP_ID = "io.github.mnist_gui.MnistGui"
SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
needs_validator = pytest.mark.skipif(shutil.which("desktop-file-validate") is None,
                                     reason="desktop-file-validate (desktop-file-utils) not installed")
linux_only = pytest.mark.skipif(sys.platform.startswith(("win", "darwin")), reason="freedesktop.org menus only")


def _cli(*args, env_extra, cwd=None):
    env = dict(os.environ, **env_extra)
    return subprocess.run([sys.executable, "-m", "mnist_gui", *args], capture_output=True, text=True, env=env,
                          timeout=120, cwd=cwd)


def _entry(path: Path) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str
    parser.read(path, encoding="utf-8")
    return parser["Desktop Entry"]


def _tree(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@linux_only
def test_install_puts_a_menu_entry_that_starts_the_installed_app_and_its_icons(tmp_path):
    data = tmp_path / "share"
    result = _cli("--install-desktop-entry", env_extra={"XDG_DATA_HOME": str(data)}, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    desktop = data / "applications" / f"{APP_ID}.desktop"
    assert str(desktop) in result.stdout
    entry = _entry(desktop)
    program = Path(entry["Exec"])
    assert program.is_absolute() and os.access(program, os.X_OK), entry["Exec"]
    assert entry["TryExec"] == entry["Exec"] and entry["Icon"] == APP_ID
    # the program the menu runs is this installation's app
    started = subprocess.run([str(program), "--version"], capture_output=True, text=True, timeout=60)
    assert started.returncode == 0 and started.stdout.startswith("mnist-gui "), started.stderr
    for n in SIZES:
        header = (data / "icons" / "hicolor" / f"{n}x{n}" / "apps" / f"{APP_ID}.png").read_bytes()[:24]
        assert header[:8] == b"\x89PNG\r\n\x1a\n" and struct.unpack(">II", header[16:24]) == (n, n)
    assert (data / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg").read_bytes().lstrip().startswith(b"<")


@linux_only
def test_a_second_install_changes_nothing_and_uninstall_removes_only_ours(tmp_path):
    data = tmp_path / "share"
    other = data / "applications" / "someone-else.desktop"
    other.parent.mkdir(parents=True)
    other.write_text("[Desktop Entry]\n")
    env = {"XDG_DATA_HOME": str(data)}
    assert _cli("--install-desktop-entry", env_extra=env).returncode == 0
    first = _tree(data)
    assert _cli("--install-desktop-entry", env_extra=env).returncode == 0
    assert _tree(data) == first
    removed = _cli("--uninstall-desktop-entry", env_extra=env)
    assert removed.returncode == 0 and "removed" in removed.stdout
    assert _tree(data) == {"applications/someone-else.desktop": b"[Desktop Entry]\n"}
    again = _cli("--uninstall-desktop-entry", env_extra=env)
    assert again.returncode == 0 and "no menu entry to remove" in again.stdout


@linux_only
def test_a_relative_xdg_data_home_is_ignored(tmp_path):
    result = _cli("--install-desktop-entry", env_extra={"XDG_DATA_HOME": "share", "HOME": str(tmp_path)})
    assert result.returncode == 0, result.stderr
    assert (tmp_path / ".local" / "share" / "applications" / f"{APP_ID}.desktop").is_file()
    assert not (tmp_path / "share").exists()


def test_both_flags_at_once_is_a_clear_error(tmp_path):
    result = _cli("--install-desktop-entry", "--uninstall-desktop-entry", env_extra={"XDG_DATA_HOME": str(tmp_path)})
    assert result.returncode == 2 and "cannot be used together" in result.stderr
    assert not any(tmp_path.iterdir())


@needs_validator
@linux_only
@pytest.mark.parametrize("command", [None, ["/opt/my apps/bin/mnist-gui-app"], ["/usr/bin/python3", "-m", "mnist_gui"],
                                     ["/home/a$b/100%/mnist-gui-app"]])
def test_installed_entry_is_valid_whatever_the_path(tmp_path, command):
    done = desktop_entry.install(tmp_path, command=command)
    result = subprocess.run(["desktop-file-validate", str(done.entry)], capture_output=True, text=True)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr


def test_exec_arguments_are_quoted_as_the_spec_says():
    assert desktop_entry.exec_argument("/usr/bin/mnist-gui-app") == "/usr/bin/mnist-gui-app"
    assert desktop_entry.exec_argument("/opt/my apps/x") == '"/opt/my apps/x"'
    # $ is escaped inside the quotes, then every backslash doubled by the string rule; % becomes %%
    assert desktop_entry.exec_argument("/a$b/100%") == '"/a\\\\$b/100%%"'
