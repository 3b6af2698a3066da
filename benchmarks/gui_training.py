"""Training through the real window versus headless, and how responsive the window stays meanwhile.

Drives the main window offscreen: sets the Train tab to the tutorial network, trains it for 2 epochs by
pressing Start, and reports, against the same training without any GUI in the same process:

* the epoch time in the window relative to headless (target <= 1.10x);
* the lateness of a 10 ms QTimer while training, p50 and p99 (target p99 <= 50 ms);
* the peak memory (RSS) of the process (target <= 500 MB).

``--blas-threads 1 2`` runs both settings (headless and GUI for each), which is how the worker's
default of one BLAS thread was chosen (see ``mnist_gui.nn.threads``). ``--busy`` keeps one core busy with
another process (a Python ``while True: pass``) throughout, the case where two BLAS threads collapse.
``--split 1 2`` compares the fused convolution steps' chunks on one thread and on two (``fit``'s
"auto", the window's default on 2 cores: ``nn.threads.chunk_split``), e.g. with ``--preset cnn``.
Nothing here is a test: it prints numbers (``--json`` too).

    python benchmarks/gui_training.py [--preset tutorial] [--epochs 2] [--blas-threads 1 2] [--train-size 60000]
                                      [--busy]
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import resource
import sys
import tempfile
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np  # noqa: E402


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def headless_epochs(cfg, dataset, blas_threads: int) -> list[float]:
    """Seconds per epoch of model.fit with no GUI, same data, same BLAS limit as the worker."""
    from threadpoolctl import threadpool_limits

    from mnist_gui.nn import Callback
    from mnist_gui.nn.presets import build_model, train_arrays

    class EpochTimer(Callback):
        def __init__(self):
            super().__init__()
            self.seconds: list[float] = []

        def on_epoch_begin(self, epoch, logs=None):
            self.t0 = time.perf_counter()

        def on_epoch_end(self, epoch, logs=None):
            self.seconds.append(time.perf_counter() - self.t0)

    model = build_model(cfg, class_names=list(dataset.class_names))
    x, y, xv, yv = train_arrays(cfg, dataset)
    timer = EpochTimer()
    with threadpool_limits(limits=blas_threads, user_api="blas"):
        model.fit(x, y, epochs=cfg.epochs, batch_size=cfg.batch_size, seed=cfg.seed, verbose=0,
                  validation_data=(xv, yv) if xv is not None and len(xv) else None, callbacks=[timer])
    return timer.seconds


def app_process_events() -> None:
    from PySide6.QtWidgets import QApplication

    QApplication.processEvents()


def gui_epochs(cfg, dataset, blas_threads: int, redraw_ms: int | None = None):
    """Seconds per epoch through the window's Train tab, the 10 ms timer's lateness (s), and the share of
    the run's wall time the GUI thread spent on the CPU (its work competes with training for the GIL)."""
    from PySide6.QtCore import QEventLoop, QObject, QSettings, Qt, QTimer, Slot

    from mnist_gui.ui.main_window import MainWindow

    class Probe(QObject):
        def __init__(self):
            super().__init__()
            self.epoch_seconds: list[float] = []
            self.ticks: list[float] = []

        @Slot(dict)
        def on_epoch(self, info):
            self.epoch_seconds.append(info["seconds"])

        @Slot()
        def on_tick(self):
            self.ticks.append(time.perf_counter())

    with tempfile.TemporaryDirectory() as tmp:
        settings = QSettings(os.path.join(tmp, "bench.ini"), QSettings.IniFormat)
        options = {"redraw_ms": redraw_ms} if redraw_ms else {}
        window = MainWindow(dataset, settings=settings, blas_threads=blas_threads, **options)
        window.resize(1280, 820)
        window.show()
        for _ in range(10):   # first paint (and the imports it triggers) before the clock starts
            app_process_events()
        tab = window.training_tab
        tab.controls.set_config(cfg)
        probe = Probe()
        timer = QTimer(timerType=Qt.PreciseTimer, interval=10)
        timer.timeout.connect(probe.on_tick)
        loop = QEventLoop()
        tab.run_finished.connect(loop.quit)
        if not tab.start():
            raise SystemExit(f"the tab refused the settings: {tab.controls.error}")
        tab.run.worker.epoch_ended.connect(probe.on_epoch)
        timer.start()
        cpu0, wall0 = time.thread_time(), time.perf_counter()
        loop.exec()
        probe.gui_cpu_share = (time.thread_time() - cpu0) / (time.perf_counter() - wall0)
        timer.stop()
        window.close()
        window.deleteLater()
    lateness = np.clip(np.diff(probe.ticks) - 0.010, 0.0, None)
    return probe.epoch_seconds, lateness, probe.gui_cpu_share


def measure(cfg, dataset, threads: int, redraw_ms: int | None, split: int) -> dict:
    from mnist_gui.nn import threads as engine_threads

    default = engine_threads.split_threads
    engine_threads.split_threads = lambda: split  # what fit(threads="auto") splits the chunks over
    try:
        # headless before and after the GUI run, so a machine that speeds up or slows down shows less
        head = headless_epochs(cfg, dataset, threads)
        gui, late, gui_cpu = gui_epochs(cfg, dataset, threads, redraw_ms)
        head += headless_epochs(cfg, dataset, threads)
    finally:
        engine_threads.split_threads = default
    return {"blas_threads": threads, "split": split, "headless_epoch_s": float(np.mean(head)),
            "gui_epoch_s": float(np.mean(gui)),
            "ratio": float(np.mean(gui) / np.mean(head)), "lateness_p50_ms": float(np.percentile(late, 50) * 1e3),
            "lateness_p99_ms": float(np.percentile(late, 99) * 1e3), "lateness_max_ms": float(late.max() * 1e3),
            "timer_ticks": int(len(late) + 1), "gui_thread_cpu_share": gui_cpu, "peak_rss_mb": peak_rss_mb(),
            "load_average": os.getloadavg()[0]}


def describe(row: dict) -> str:
    return (f"BLAS threads {row['blas_threads']}, chunks on {row['split']}: "
            f"epoch {row['headless_epoch_s']:.2f} s headless, "
            f"{row['gui_epoch_s']:.2f} s in the window ({row['ratio']:.2f}x, target <= 1.10x); 10 ms timer late by "
            f"p50 {row['lateness_p50_ms']:.1f} ms, p99 {row['lateness_p99_ms']:.1f} ms (target <= 50), "
            f"max {row['lateness_max_ms']:.0f} ms; GUI thread on the CPU {100 * row['gui_thread_cpu_share']:.0f}% "
            f"of the time; peak RSS {row['peak_rss_mb']:.0f} MB (target <= 500); "
            f"load average {row['load_average']:.1f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--preset", default="tutorial", help="the network to train (default: tutorial)")
    parser.add_argument("--epochs", type=int, default=2)
    parser.add_argument("--train-size", type=int, default=60000)
    parser.add_argument("--blas-threads", type=int, nargs="+", default=[1])
    parser.add_argument("--split", type=int, nargs="+", default=None,
                        help="threads for the fused steps' chunks (default: the engine's, both cores)")
    parser.add_argument("--redraw-ms", type=int, default=None, help="the tab's redraw interval (default: its own)")
    parser.add_argument("--repeat", type=int, default=1, help="measure this many times (medians at the end)")
    parser.add_argument("--json", action="store_true", help="print the numbers as JSON too")
    parser.add_argument("--busy", action="store_true", help="another process keeps one core busy meanwhile")
    args = parser.parse_args(argv)
    busy = None
    if args.busy:
        import subprocess

        busy = subprocess.Popen([sys.executable, "-c", "while True: pass"])
    try:
        return _run(args)
    finally:
        if busy is not None:
            busy.kill()
            busy.wait()


def _run(args) -> int:

    import mnist_gui.ui  # noqa: F401 - PySide6 guard first
    from mnist_gui.data.mnist import load_dataset
    from mnist_gui.nn.presets import PRESETS
    from mnist_gui.ui.app import make_application

    app = make_application([sys.argv[0]])  # noqa: F841 - keeps the QApplication alive
    dataset = load_dataset()
    cfg = dataclasses.replace(PRESETS[args.preset], epochs=args.epochs, train_size=args.train_size)
    print(f"{args.preset} network, {cfg.epochs} epochs of {cfg.train_size:,} images, batch {cfg.batch_size}"
          + (", another process keeping one core busy" if args.busy else ""))
    from mnist_gui.nn.threads import split_threads

    settings = [(t, s) for t in args.blas_threads for s in (args.split or [split_threads()])]
    rows = []
    for _ in range(args.repeat):
        for threads, split in settings:
            rows.append(measure(cfg, dataset, threads, args.redraw_ms, split))
            print(describe(rows[-1]), flush=True)
    if args.repeat > 1:
        for threads, split in settings:
            mine = [r for r in rows if (r["blas_threads"], r["split"]) == (threads, split)]
            print(f"BLAS threads {threads}, chunks on {split}, median of {len(mine)}: ratio "
                  f"{np.median([r['ratio'] for r in mine]):.2f}x, headless epoch "
                  f"{np.median([r['headless_epoch_s'] for r in mine]):.2f} s, window epoch "
                  f"{np.median([r['gui_epoch_s'] for r in mine]):.2f} s, lateness p99 "
                  f"{np.median([r['lateness_p99_ms'] for r in mine]):.1f} ms")
    if args.json:
        print(json.dumps(rows, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
