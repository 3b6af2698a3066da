"""``mnist-gui --self-test``: open the real app, train a little, read a drawn digit, exit 0 if all went well.

A smoke test for an installed wheel or a stand-alone bundle, so it goes through what a person uses: the
real ``QApplication`` set-up and ``MainWindow``, the Train tab's form and Start (one epoch on 2,000
images, waiting for the tab's ``run_finished``), and the Draw tab's pad (``draw_stroke``) and prediction.
It runs offscreen (``QT_QPA_PLATFORM=offscreen``) unless ``MNIST_GUI_SELF_TEST_DISPLAY=1`` asks for a real
window. Settings and "My digits" go to a temporary folder, so the user's own are never touched; the
decompressed-MNIST cache is the app's usual one (``MNIST_GUI_CACHE_DIR``), as on a first start.

Each step prints one line with its time. Any failure prints one line on stderr and returns 1; every
wait has a timeout, and the whole test gets ``MNIST_GUI_SELF_TEST_TIMEOUT`` seconds (default 90).
``MNIST_GUI_SELF_TEST_SCREENSHOT=path.png`` saves a grab of the window (the Draw tab; the Train tab
goes beside it as ``path-train.png``).
"""

from __future__ import annotations

import dataclasses
import os
import sys
import tempfile
import time
import traceback
from pathlib import Path
from typing import ClassVar

import numpy as np

TRAIN_SIZE = 2000
MIN_TEST_ACCURACY = 0.5  # one epoch on 2,000 images gives about 85%; chance is 10%
ONE = [(140.0, 45.0 + 19.0 * i) for i in range(11)]  # a vertical stroke in canvas units (0-280): a "1"


class SelfTestFailure(Exception):
    """A check of the self-test did not hold; the message says which."""


class _Waiter:
    """Connects to a signal at once (so an early emission is not missed); ``wait`` runs the event loop."""

    def __init__(self, signal):
        from PySide6.QtCore import QEventLoop

        self.signal, self.args, self.loop = signal, None, QEventLoop()
        signal.connect(self._on_signal)

    def _on_signal(self, *args):
        if self.args is None:
            self.args = args
        self.loop.quit()

    def wait(self, seconds: float, what: str) -> tuple:
        from PySide6.QtCore import QTimer

        if self.args is None:
            QTimer.singleShot(max(int(seconds * 1000), 1), self.loop.quit)
            _SelfTest.current_loop = self.loop
            self.loop.exec()
            _SelfTest.current_loop = None
        self.signal.disconnect(self._on_signal)
        _SelfTest.raise_slot_errors()
        if self.args is None:
            raise SelfTestFailure(f"{what} did not happen within {seconds:.1f} s")
        return self.args


class _SelfTest:
    # class-wide, because sys.excepthook and the waiters have no instance at hand
    current_loop = None
    slot_errors: ClassVar[list[str]] = []

    def __init__(self, budget: float, screenshot: str | None, folder: Path):
        self.started = time.perf_counter()
        self.deadline = self.started + budget
        self.screenshot = screenshot
        self.folder = folder
        self.window = None

    @classmethod
    def excepthook(cls, kind, value, tb) -> None:
        # an exception in a Qt slot does not reach our code; Qt prints it, we note it and stop waiting
        cls.slot_errors.append("".join(traceback.format_exception(kind, value, tb)).strip())
        if cls.current_loop is not None:
            cls.current_loop.quit()

    @classmethod
    def raise_slot_errors(cls) -> None:
        if cls.slot_errors:
            raise SelfTestFailure("an exception was raised inside the app:\n" + cls.slot_errors[0])

    def remaining(self, cap: float, what: str) -> float:
        left = self.deadline - time.perf_counter()
        if left <= 0:
            raise SelfTestFailure(f"the {self.deadline - self.started:g} s allowed were over before {what}")
        return min(cap, left)

    def step(self, text: str, since: float) -> None:
        print(f"self-test: {text} ({time.perf_counter() - since:.1f} s)", flush=True)

    def run(self) -> None:
        from PySide6.QtCore import QSettings
        from PySide6.QtWidgets import QApplication

        from mnist_gui.data.mnist import load_dataset
        from mnist_gui.ui.app import load_default_model, make_application
        from mnist_gui.ui.main_window import MainWindow

        t = time.perf_counter()
        app = make_application([sys.argv[0] if sys.argv else "mnist-gui"])
        dataset = load_dataset()
        model = load_default_model()
        self.step(f"Qt {_qt_version()} on '{app.platformName()}', {len(dataset.x_train):,} training images, "
                  + ("the default model" if model is not None else "no default model"), t)

        t = time.perf_counter()
        settings = QSettings(str(self.folder / "settings.ini"), QSettings.IniFormat)
        window = self.window = MainWindow(dataset, model, settings=settings)
        window.show()
        QApplication.processEvents()
        if not window.isVisible():
            raise SelfTestFailure("the main window did not show")
        self.step(f"opened the main window '{window.windowTitle().replace('[*]', '')}'", t)

        if model is not None:
            t = time.perf_counter()
            digit, p = self.classify_a_one()
            if digit != 1:
                raise SelfTestFailure(f"the default model read a drawn 1 as {digit} ({p:.0%})")
            self.step(f"the default model reads a drawn 1 as {digit} ({p:.0%})", t)

        t = time.perf_counter()
        trained = self.train_one_epoch()
        self.step(f"trained one epoch on {TRAIN_SIZE:,} images: test accuracy {trained.test_accuracy:.1%}", t)
        if window.model is not trained.model:
            raise SelfTestFailure("the trained network did not become the current model")

        t = time.perf_counter()
        digit, p = self.classify_a_one()
        self.step(f"the trained network reads a drawn 1 as {digit} ({p:.0%})", t)
        if self.screenshot:
            self.save_screenshots(window)
        window.close()
        if window.training_tab.is_running():
            raise SelfTestFailure("a training run was still going after the window closed")

    def close(self) -> None:
        """Close the window (its tabs stop their threads) and delete it while the QApplication lives:
        left to the interpreter's exit, a window with a running QThread can crash the process."""
        window, self.window = self.window, None
        if window is None:
            return
        from PySide6.QtCore import QCoreApplication, QEvent

        window.close()
        window.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)

    def classify_a_one(self) -> tuple[int, float]:
        window = self.window
        draw = window.draw_tab
        window.tabs.setCurrentWidget(draw)
        draw.pad.clear()
        waiter = _Waiter(draw.prediction_updated)
        draw.pad.draw_stroke(ONE)
        what = "a prediction for the drawn digit"
        waiter.wait(self.remaining(10, what), what)
        top = draw.prediction.top()
        probs = draw.prediction.probabilities()
        if top is None or probs is None:
            raise SelfTestFailure(f"no prediction was shown for a drawn digit: '{draw.prediction.message()}'")
        if probs.shape != (10,) or not np.all(np.isfinite(probs)) or abs(float(probs.sum()) - 1) > 1e-3:
            raise SelfTestFailure(f"the prediction is not ten probabilities that sum to 1: {probs}")
        return top

    def train_one_epoch(self):
        window = self.window
        tab = window.training_tab
        window.tabs.setCurrentWidget(tab)
        cfg = dataclasses.replace(tab.controls.config(), epochs=1, train_size=TRAIN_SIZE, seed=0)
        tab.controls.set_config(cfg)
        if not tab.controls.is_valid():
            raise SelfTestFailure(f"the Train tab refused the settings: {tab.controls.error}")
        finished = _Waiter(tab.run_finished)
        trained = _Waiter(tab.model_trained)
        if not tab.start():
            raise SelfTestFailure("the Train tab did not start a run")
        what = "the end of the training run"
        (result,) = finished.wait(self.remaining(60, what), what)
        if result is None:
            log = tab.log.toPlainText().strip().splitlines()
            raise SelfTestFailure("training failed: " + (log[-1] if log else "no message"))
        if result.stop_reason is not None or result.epochs_completed != 1:
            raise SelfTestFailure(f"the run ended early ({result.stop_reason}): {result.message}")
        if result.test_accuracy is None or not result.test_accuracy > MIN_TEST_ACCURACY:
            raise SelfTestFailure(f"the trained network scored {result.test_accuracy} on the test set; "
                                  f"expected more than {MIN_TEST_ACCURACY:.0%}")
        (model,) = trained.wait(self.remaining(5, "model_trained"), "model_trained")
        if model is not result.model:
            raise SelfTestFailure("model_trained sent another network than the run trained")
        return result

    def save_screenshots(self, window) -> None:
        path = Path(self.screenshot)
        path.parent.mkdir(parents=True, exist_ok=True)
        if not window.grab().save(str(path)):
            raise SelfTestFailure(f"could not save a screenshot to {path}")
        window.tabs.setCurrentWidget(window.training_tab)
        train_path = path.with_name(f"{path.stem}-train{path.suffix}")
        window.grab().save(str(train_path))
        print(f"self-test: saved {path} and {train_path}", flush=True)


def _quiet_offscreen_warning(mode, context, message: str) -> None:
    # the offscreen platform warns on every top-level window; any other Qt message goes through
    if "propagateSizeHints" not in message:
        print(message, file=sys.stderr)


def _qt_version() -> str:
    from PySide6 import QtCore

    return QtCore.qVersion()


def run_self_test() -> int:
    """Run the self-test; 0 if every check held, 1 otherwise (the reason on stderr)."""
    if os.environ.get("MNIST_GUI_SELF_TEST_DISPLAY") != "1":
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    try:
        budget = float(os.environ.get("MNIST_GUI_SELF_TEST_TIMEOUT") or 90)
    except ValueError:
        print("mnist-gui self-test failed: MNIST_GUI_SELF_TEST_TIMEOUT must be a number of seconds",
              file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory(prefix="mnist-gui-self-test-") as folder:
        if not os.environ.get("MNIST_GUI_DATA_DIR"):
            os.environ["MNIST_GUI_DATA_DIR"] = str(Path(folder) / "data")
        test = _SelfTest(budget, os.environ.get("MNIST_GUI_SELF_TEST_SCREENSHOT"), Path(folder))
        old_hook, sys.excepthook = sys.excepthook, _SelfTest.excepthook
        from PySide6.QtCore import qInstallMessageHandler

        old_handler = qInstallMessageHandler(_quiet_offscreen_warning)
        try:
            test.run()
        except SelfTestFailure as exc:
            print(f"mnist-gui self-test failed: {exc}", file=sys.stderr)
            return 1
        except Exception:  # noqa: BLE001 - the boundary: any error is a failed self-test, with its traceback
            print("mnist-gui self-test failed with an error:\n" + traceback.format_exc(), file=sys.stderr)
            return 1
        finally:
            sys.excepthook = old_hook
            qInstallMessageHandler(old_handler)
            test.close()
    print(f"self-test passed in {time.perf_counter() - test.started:.1f} s", flush=True)
    return 0
