"""Packaging: the desktop files agree with each other and with the app, and the wheel works where users put it.

The quick tests read ``packaging/linux`` (and run ``desktop-file-validate`` and ``appstreamcli`` where they
are installed). The ``packaging`` test builds the wheel from a copy of the source, installs it into a fresh
venv in a temporary folder and runs ``mnist-gui --version`` and ``mnist-gui --self-test`` from there, so
nothing in the source tree can help. It needs the package index pip is set up with (for setuptools and the
app's dependencies) and takes about a minute; ``MNIST_GUI_SKIP_PACKAGING=1`` skips it.
"""

from __future__ import annotations

import configparser
import importlib.util
import os
import shutil
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import mnist_gui

ROOT = Path(__file__).resolve().parent.parent
LINUX = ROOT / "packaging" / "linux"
APP_ID = "io.github.mnist_gui.MnistGui"
DESKTOP = LINUX / f"{APP_ID}.desktop"
METAINFO = LINUX / f"{APP_ID}.metainfo.xml"
ICON_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)


def _desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # keys are case-sensitive
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


def test_desktop_entry_starts_the_installed_command_with_the_app_icon():
    entry = _desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Exec"].split()[0] == "mnist-gui"
    assert entry["Icon"] == APP_ID
    assert entry["Terminal"] == "false"


def test_metainfo_names_the_desktop_file_and_the_current_release():
    root = ET.parse(METAINFO).getroot()
    assert root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable[@type='desktop-id']") == DESKTOP.name
    assert root.findtext("metadata_license") == "CC0-1.0"
    assert root.findtext("project_license") == "MIT"
    releases = [r.get("version") for r in root.iter("release")]
    assert releases and releases[0] == mnist_gui.__version__, "add a <release> for the new version"
    assert root.find("screenshots/screenshot/image") is not None
    assert root.find("content_rating") is not None


def test_icon_theme_has_every_size_as_a_png_of_that_size():
    for n in ICON_SIZES:
        png = LINUX / "icons" / "hicolor" / f"{n}x{n}" / "apps" / f"{APP_ID}.png"
        header = png.read_bytes()[:24]
        assert header[:8] == b"\x89PNG\r\n\x1a\n", png
        assert struct.unpack(">II", header[16:24]) == (n, n), png
    assert (LINUX / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg").is_file()


def test_running_app_names_the_desktop_file_so_wayland_finds_its_icon():
    # in a subprocess: make_application sets the style and palette of the one QApplication
    code = ("from mnist_gui.ui.app import make_application; from PySide6.QtGui import QGuiApplication; "
            "make_application(['mnist-gui']); print(QGuiApplication.desktopFileName())")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == DESKTOP.stem


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="desktop-file-utils not installed")
def test_desktop_file_is_valid():
    result = subprocess.run(["desktop-file-validate", str(DESKTOP)], capture_output=True, text=True)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr


@pytest.mark.skipif(shutil.which("appstreamcli") is None, reason="appstream not installed")
def test_metainfo_is_valid():
    result = subprocess.run(["appstreamcli", "validate", "--no-net", str(METAINFO)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def _self_test(tmp_path, **env_vars):
    env = dict(os.environ, MNIST_GUI_CACHE_DIR=str(tmp_path / "cache"), **env_vars)
    return subprocess.run([sys.executable, "-m", "mnist_gui", "--self-test"], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=180)


def test_self_test_trains_and_reads_a_drawn_digit(tmp_path):
    shot = tmp_path / "shot.png"
    result = _self_test(tmp_path, MNIST_GUI_SELF_TEST_SCREENSHOT=str(shot))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "trained one epoch" in result.stdout and "reads a drawn 1 as" in result.stdout
    assert result.stdout.rstrip().splitlines()[-1].startswith("self-test passed in")
    assert shot.stat().st_size > 10_000 and (tmp_path / "shot-train.png").stat().st_size > 10_000


def test_self_test_that_runs_out_of_time_fails_with_a_message(tmp_path):
    result = _self_test(tmp_path, MNIST_GUI_SELF_TEST_TIMEOUT="0.001")
    assert result.returncode == 1
    assert "mnist-gui self-test failed:" in result.stderr
    assert "self-test passed" not in result.stdout


def _dist_contents():
    spec = importlib.util.spec_from_file_location("dist_contents", ROOT / "packaging" / "dist_contents.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _run(args, cwd, env, timeout):
    result = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)
    assert result.returncode == 0, f"{' '.join(map(str, args))} failed:\n{result.stdout}\n{result.stderr}"
    return result


@pytest.mark.packaging
@pytest.mark.skipif(os.environ.get("MNIST_GUI_SKIP_PACKAGING") == "1", reason="MNIST_GUI_SKIP_PACKAGING=1")
def test_wheel_installed_in_a_fresh_venv_runs_from_outside_the_source_tree(tmp_path):
    source = tmp_path / "source"  # a copy, so the build leaves nothing in the work tree
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info")
    source.mkdir()
    for name in ("pyproject.toml", "README.md", "MANIFEST.in"):
        shutil.copy2(ROOT / name, source / name)
    for name in ("mnist_gui", "resources"):
        shutil.copytree(ROOT / name, source / name, ignore=ignore)

    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV")}
    env.update(PIP_CACHE_DIR=str(tmp_path / "pip-cache"), MNIST_GUI_CACHE_DIR=str(tmp_path / "cache"),
               MNIST_GUI_DATA_DIR=str(tmp_path / "data"), XDG_CONFIG_HOME=str(tmp_path / "config"))
    wheels = tmp_path / "wheels"
    _run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--wheel-dir", str(wheels), str(source)],
         tmp_path, env, 600)
    (wheel,) = wheels.glob("mnist_gui-*.whl")

    venv = tmp_path / "venv"
    _run([sys.executable, "-m", "venv", str(venv)], tmp_path, env, 300)
    _run([str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet", str(wheel)], tmp_path, env, 900)

    run_dir = tmp_path / "elsewhere"
    run_dir.mkdir()
    found = _run([str(venv / "bin" / "python"), "-c", "import mnist_gui.core.paths as p; print(p.resource_path('mnist'))"],
                 run_dir, env, 60).stdout.strip()
    assert Path(found).is_relative_to(venv), f"resources come from {found}, not the installed package"
    version = _run([str(venv / "bin" / "mnist-gui"), "--version"], run_dir, env, 60)
    assert version.stdout.strip() == f"mnist-gui {mnist_gui.__version__}"
    self_test = _run([str(venv / "bin" / "mnist-gui"), "--self-test"], run_dir, env, 180)
    assert "self-test passed" in self_test.stdout
    assert _dist_contents().missing(wheel) == []
