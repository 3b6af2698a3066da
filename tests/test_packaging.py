"""Packaging: the desktop files agree with each other and with the app, and the wheel works where users put it.

The quick tests read ``resources/desktop`` and ``packaging/linux`` (and run ``desktop-file-validate`` and
``appstreamcli`` where they are installed) and check that pyproject.toml lists every package. The
``packaging`` test builds the sdist and the wheel from a copy of the source in a fresh venv (failing on any
setuptools warning), checks what they hold (the LICENSE included), installs the wheel there and runs
``mnist-gui --version``, ``mnist-gui-app --version``, ``mnist-gui --self-test`` and
``--install-desktop-entry`` from outside the source tree, so nothing in it can help. It needs the package
index pip is set up with (for setuptools and the app's dependencies) and takes a few minutes;
``MNIST_GUI_SKIP_PACKAGING=1`` skips it.
"""

from __future__ import annotations

import configparser
import importlib.util
import os
import re
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
DESKTOP = ROOT / "resources" / "desktop" / f"{APP_ID}.desktop"
ICON_THEME = ROOT / "resources" / "desktop" / "icon-theme"
METAINFO = LINUX / f"{APP_ID}.metainfo.xml"
ICON_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)


def _desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # keys are case-sensitive
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


def test_desktop_entry_starts_the_window_program_with_the_app_icon():
    entry = _desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Exec"].split()[0] == "mnist-gui-app"  # the GUI script: no console window on Windows
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
        png = ICON_THEME / f"{n}x{n}" / "apps" / f"{APP_ID}.png"
        header = png.read_bytes()[:24]
        assert header[:8] == b"\x89PNG\r\n\x1a\n", png
        assert struct.unpack(">II", header[16:24]) == (n, n), png
    assert (ROOT / "resources" / "icons" / "mnist-gui.svg").is_file()  # the scalable one


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


def _pyproject() -> dict:
    tomllib = pytest.importorskip("tomllib", reason="reading pyproject.toml needs Python 3.11+")
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def test_pyproject_lists_every_package_so_none_is_left_out_of_the_wheel():
    listed = set(_pyproject()["tool"]["setuptools"]["packages"])
    on_disk = {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "mnist_gui").rglob("__init__.py")}
    assert on_disk - listed == set(), "add these to [tool.setuptools] packages in pyproject.toml"
    assert {"mnist_gui.resources", "mnist_gui.resources.desktop"} <= listed


def _dist_contents():
    spec = importlib.util.spec_from_file_location("dist_contents", ROOT / "packaging" / "dist_contents.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _run(args, cwd, env, timeout):
    result = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)
    assert result.returncode == 0, f"{' '.join(map(str, args))} failed:\n{result.stdout}\n{result.stderr}"
    return result


# what setuptools prints for each file it handles; everything else that says "warn" is a warning
_ROUTINE = re.compile(r"^(copying|adding|creating|hard linking|removing|writing|reading|running|making) ")
_SKIP = shutil.ignore_patterns(".git", ".venv", "build", "dist", "*.egg-info", "__pycache__", "*.pyc", ".pytest_cache",
                              ".hypothesis")

BUILD = """
import sys
from setuptools import build_meta
out = sys.argv[1]
print(build_meta.build_sdist(out))
print(build_meta.build_wheel(out))
"""


def _source_files(folder: Path) -> set[str]:
    return {str(p.relative_to(folder.parent)) for p in folder.rglob("*") if p.is_file()}


@pytest.mark.packaging
@pytest.mark.skipif(os.environ.get("MNIST_GUI_SKIP_PACKAGING") == "1", reason="MNIST_GUI_SKIP_PACKAGING=1")
def test_sdist_and_wheel_build_cleanly_and_the_wheel_runs_from_a_fresh_venv(tmp_path):
    source = tmp_path / "source"  # a copy, so the build leaves nothing in the work tree
    shutil.copytree(ROOT, source, ignore=_SKIP)

    env = {k: v for k, v in os.environ.items()
           if k not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV", "PYTHONDONTWRITEBYTECODE")}
    env.update(PIP_CACHE_DIR=str(tmp_path / "pip-cache"), MNIST_GUI_CACHE_DIR=str(tmp_path / "cache"),
               MNIST_GUI_DATA_DIR=str(tmp_path / "data"), XDG_CONFIG_HOME=str(tmp_path / "config"),
               XDG_DATA_HOME=str(tmp_path / "share"))
    venv = tmp_path / "venv"
    python = str(venv / "bin" / "python")
    _run([sys.executable, "-m", "venv", str(venv)], tmp_path, env, 300)
    _run([python, "-m", "pip", "install", "--quiet", *_pyproject()["build-system"]["requires"]], tmp_path, env, 600)

    # the build backend as a front end calls it, warnings shown: the output must be clean
    dist = tmp_path / "dist"
    built = _run([python, "-W", "always", "-c", BUILD, str(dist)], source, env, 600)
    noise = [line for line in (built.stdout + built.stderr).splitlines()
             if re.search(r"(?i)warn|would be ignored|deprecat", line) and not _ROUTINE.match(line)]
    assert noise == [], "setuptools warned:\n" + "\n".join(noise)
    (wheel,) = dist.glob("mnist_gui-*.whl")
    (sdist,) = dist.glob("mnist_gui-*.tar.gz")
    contents = _dist_contents()
    assert contents.missing(wheel) == [] and contents.missing(sdist) == []
    # the sdist carries every file of the folders MANIFEST.in names (it names them by kind)
    in_sdist = set(contents.members(sdist))
    for folder in ("resources", "tests", "benchmarks", "packaging"):
        assert _source_files(source / folder) - in_sdist == set(), f"MANIFEST.in misses files of {folder}/"

    _run([python, "-m", "pip", "install", "--quiet", str(wheel)], tmp_path, env, 900)
    run_dir = tmp_path / "elsewhere"
    run_dir.mkdir()
    found = _run([python, "-c", "import mnist_gui.core.paths as p; print(p.resource_path('mnist'))"],
                 run_dir, env, 60).stdout.strip()
    assert Path(found).is_relative_to(venv), f"resources come from {found}, not the installed package"
    for script in ("mnist-gui", "mnist-gui-app"):
        version = _run([str(venv / "bin" / script), "--version"], run_dir, env, 60)
        assert version.stdout.strip() == f"mnist-gui {mnist_gui.__version__}"
    self_test = _run([str(venv / "bin" / "mnist-gui"), "--self-test"], run_dir, env, 180)
    assert "self-test passed" in self_test.stdout

    _run([str(venv / "bin" / "mnist-gui"), "--install-desktop-entry"], run_dir, env, 60)
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str
    entry.read(tmp_path / "share" / "applications" / DESKTOP.name, encoding="utf-8")
    assert entry["Desktop Entry"]["Exec"] == str((venv / "bin" / "mnist-gui-app").resolve())
