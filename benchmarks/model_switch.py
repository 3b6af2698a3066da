"""Switching the current model never freezes the window (issue 13): the event loop's lateness while the main
window switches 20 times between the default model and a kept run, median and p99 in milliseconds.

A QTimer asks to fire every 10 ms; how much later than that each tick comes is the lateness (issue 4's
measure: what a user feels as a stutter). Offscreen, the window shown at 1280x720, the run store in a
temporary MNIST_GUI_DATA_DIR (never the user's own) holding one kept run with a CNN-preset model file,
made with ``mnist_gui.core.run_recorder.start_run``. The first switch to the run reads its model file (in
the selector's worker thread); later ones find it loaded. Between switches the loop idles 150 ms, so
repaints the switch causes are measured too. Also printed: each switch's time until the window says the
model changed.

    python benchmarks/model_switch.py [--switches 20]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from _common import machine_line  # noqa: E402

import numpy as np  # noqa: E402

TICK_MS = 10


def kept_run_with_model() -> str:
    """A finished run in the (temporary) user store, with a model file; its id."""
    from mnist_gui.core.run_recorder import start_run
    from mnist_gui.nn.presets import PRESETS, build_model

    cfg = PRESETS["cnn"]
    recorder, problem = start_run(cfg.to_dict(), name="kept CNN run")
    assert problem is None, problem
    recorder.on_batch_end(0, {"loss": 2.3, "accuracy": 0.1})
    recorder.on_epoch_end(0, {"loss": 2.3, "accuracy": 0.1, "test_loss": 2.3, "test_accuracy": 0.1})
    recorder.finish("finished", "", seconds=1.0, test_loss=2.3, test_accuracy=0.1, model=build_model(cfg))
    return recorder.run.id


class Lateness:
    """A 10 ms QTimer recording how late each tick comes, in ms."""

    def __init__(self):
        from PySide6.QtCore import Qt, QTimer

        self.late: list[float] = []
        self.timer = QTimer(interval=TICK_MS, timerType=Qt.PreciseTimer)
        self.timer.timeout.connect(self._tick)
        self._last = None

    def start(self):
        self._last = time.perf_counter()
        self.timer.start()

    def _tick(self):
        now = time.perf_counter()
        self.late.append(max(0.0, 1000 * (now - self._last) - TICK_MS))
        self._last = now


def wait(ms: int, until=None) -> None:
    """Run the event loop for ``ms`` milliseconds, or until ``until()`` is true (checked every tick)."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    end = time.perf_counter() + ms / 1000
    check = QTimer(interval=2)
    check.timeout.connect(lambda: loop.quit() if (until is not None and until()) or time.perf_counter() > end
                          else None)
    check.start()
    loop.exec()
    check.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--switches", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        os.environ["MNIST_GUI_DATA_DIR"] = str(Path(folder) / "data")
        from PySide6.QtCore import QSettings

        from mnist_gui.data.mnist import load_dataset
        from mnist_gui.ui.app import load_default_model, make_application
        from mnist_gui.ui.main_window import MainWindow

        app = make_application(["model_switch"])
        run_id = kept_run_with_model()
        settings = QSettings(str(Path(folder) / "settings.ini"), QSettings.IniFormat)
        window = MainWindow(load_dataset(), load_default_model(), settings=settings)
        window.resize(1280, 720)
        window.show()
        wait(500)
        lateness = Lateness()
        lateness.start()
        wait(300)
        idle = list(lateness.late)
        lateness.late.clear()
        switch_ms = []
        keys = [f"run:{run_id}" if i % 2 == 0 else "default" for i in range(args.switches)]
        for key in keys:
            t0 = time.perf_counter()
            if not window.choose_model(key):
                raise SystemExit(f"the window refused {key}")
            wait(5000, until=lambda k=key: window.current.list.current == k and window.current.loading is None)
            switch_ms.append(1000 * (time.perf_counter() - t0))
            wait(150)
        lateness.timer.stop()
        late = np.array(lateness.late)
        print(machine_line())
        print(f"{args.switches} switches between the default model and a kept CNN run, window 1280x720, offscreen")
        print(f"event-loop lateness (10 ms timer), idle before:  median {np.median(idle):.2f} ms, "
              f"p99 {np.percentile(idle, 99):.2f} ms ({len(idle)} ticks)")
        print(f"event-loop lateness while switching:             median {np.median(late):.2f} ms, "
              f"p99 {np.percentile(late, 99):.2f} ms, max {late.max():.1f} ms ({len(late)} ticks)")
        print(f"time until the switch is done: first {switch_ms[0]:.1f} ms (reads the run's model file), "
              f"then median {np.median(switch_ms[1:]):.1f} ms, max {max(switch_ms[1:]):.1f} ms")
        window.close()
        app.processEvents()


if __name__ == "__main__":
    main()
