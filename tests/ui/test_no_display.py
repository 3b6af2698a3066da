"""No display: the window is not opened (one line saying what is missing, exit 2, no Qt abort) and the
command-line sub-commands go on working, each run in a fresh interpreter with DISPLAY, WAYLAND_DISPLAY and
QT_QPA_PLATFORM taken out of its environment."""

from __future__ import annotations

import os
import subprocess
import sys

import numpy as np
import pytest

from mnist_gui.core.paths import resource_path
from mnist_gui.ui.app import NO_DISPLAY_EXIT, missing_display

linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="a display is always there elsewhere")


def _without_display(**extra) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    return dict(env, **extra)


@linux_only
def test_the_window_without_a_display_says_what_is_missing_and_exits_2():
    done = subprocess.run([sys.executable, "-m", "mnist_gui"], env=_without_display(), capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == NO_DISPLAY_EXIT == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert "DISPLAY" in lines[0] and "WAYLAND_DISPLAY" in lines[0] and "QT_QPA_PLATFORM=offscreen" in lines[0]
    assert "qt.qpa" not in done.stderr and "Aborted" not in done.stderr


@linux_only
def test_predict_works_without_a_display(tmp_path, dataset):
    from mnist_gui.data.images import save_png

    model = resource_path("models", "default.npz")
    if not model.exists():
        pytest.skip("no bundled default model")
    picture = tmp_path / "seven.png"
    save_png(picture, 1 - dataset.x_test[0].astype(np.float32) / 255)    # dark ink on white paper
    done = subprocess.run([sys.executable, "-m", "mnist_gui", "predict", str(model), str(picture)],
                          env=_without_display(), capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert str(int(dataset.y_test[0])) in done.stdout


def test_a_display_or_a_chosen_platform_is_enough():
    assert missing_display({}, "linux") is not None
    assert missing_display({"DISPLAY": ":0"}, "linux") is None
    assert missing_display({"WAYLAND_DISPLAY": "wayland-0"}, "linux") is None
    assert missing_display({"QT_QPA_PLATFORM": "offscreen"}, "linux") is None
    assert missing_display({}, "linux", argv=["mnist-gui", "-platform", "vnc"]) is None
    assert missing_display({}, "freebsd14") is not None
    assert missing_display({}, "win32") is None and missing_display({}, "darwin") is None
