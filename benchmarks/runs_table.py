"""The runs table in the Train tab: opening it over a store of kept runs, sorting it, and showing or hiding
a run on the plots (with the redraw), medians in milliseconds. Offscreen; the store is a temporary folder
filled with runs the size of the tutorial preset's (5 epochs x 1,875 batches), never the user's own.

Targets from issue 13: with 50 kept runs the table opens and sorts in at most 100 ms; showing or hiding a
run redraws in at most 50 ms. Also measured: a store of 1,000 runs (issue 13's bad input), which must stay
usable, not meet the 50-run targets.

    python benchmarks/runs_table.py [--runs 50] [--repeats 7] [--big 1000]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from _common import machine_line  # noqa: E402

import numpy as np  # noqa: E402


def fill_store(store, n: int, epochs: int = 5, steps: int = 1875) -> None:
    from mnist_gui.core.run_recorder import start_run
    from mnist_gui.nn.presets import PRESETS

    rng = np.random.default_rng(0)
    for k in range(n):
        cfg = dict(PRESETS["tutorial"].to_dict(), learning_rate=float(10 ** rng.uniform(-4, -1)), seed=k)
        recorder, problem = start_run(cfg, name=f"run {k}", store=store)
        assert problem is None, problem
        loss = 2.3 * np.exp(-np.arange(epochs * steps) / 2000) + 0.05 * rng.random(epochs * steps)
        data = np.stack([loss, 1 - loss / 2.5], axis=1).astype("<f4")
        recorder._append("batches.f32", data.tobytes())       # as the recorder's flushes leave it
        for e in range(epochs):
            recorder.on_epoch_end(e, {"loss": float(loss[(e + 1) * steps - 1]), "accuracy": 0.97,
                                      "val_loss": 0.1, "val_accuracy": 0.96 + 0.001 * e})
        recorder.finish("finished", seconds=60.0 + k, test_loss=0.08, test_accuracy=0.975)


def ms(fn) -> float:
    start = time.perf_counter()
    fn()
    return 1000 * (time.perf_counter() - start)


def drain(app, widget) -> None:
    """Process pending events and paint ``widget`` now, so its cost is in the measurement."""
    app.processEvents()
    widget.repaint()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("--big", type=int, default=1000, help="runs in the large store (0 to skip)")
    args = parser.parse_args()

    import mnist_gui.ui  # noqa: F401 - PySide6 guard first
    from PySide6.QtCore import Qt
    from mnist_gui.core.run_table import COLUMN_KEYS
    from mnist_gui.core.runs import RunStore
    from mnist_gui.data.mnist import load_dataset
    from mnist_gui.ui.app import make_application
    from mnist_gui.ui.train.runs_panel import RunsPanel
    from mnist_gui.ui.train.tab import TrainingTab

    app = make_application([sys.argv[0]])
    print(machine_line())
    with tempfile.TemporaryDirectory() as tmp:
        store = RunStore(Path(tmp) / "runs")
        started = time.perf_counter()
        fill_store(store, args.runs)
        print(f"{args.runs} kept runs of 5 x 1,875 batches ({store.disk_bytes() / 1e6:.1f} MB), "
              f"made in {time.perf_counter() - started:.1f} s")

        def open_table():
            panel = RunsPanel(store)
            panel.resize(900, 300)
            panel.reload()
            panel.show()
            drain(app, panel)
            panel.deleteLater()

        opens = [ms(open_table) for _ in range(args.repeats)]
        panel = RunsPanel(store)
        panel.resize(900, 300)
        panel.reload()
        panel.show()
        drain(app, panel)
        sorts = []
        for _ in range(args.repeats):
            for key in ("test", "learning_rate", "name", "seconds"):
                for order in (Qt.AscendingOrder, Qt.DescendingOrder):
                    sorts.append(ms(lambda: (panel.view.sortByColumn(COLUMN_KEYS.index(key), order),
                                             drain(app, panel.view.viewport()))))
        print(f"open the table ({args.runs} runs): median {statistics.median(opens):.1f} ms (target <= 100)")
        print(f"sort by a column: median {statistics.median(sorts):.1f} ms, worst {max(sorts):.1f} ms "
              "(target <= 100)")

        tab = TrainingTab(load_dataset(), store=store)
        tab.resize(1280, 720)
        tab.show()
        drain(app, tab)
        ids = [r.id for r in tab.runs.model.rows]
        viewport = tab.plots.graphics.viewport()
        first, again, hide = [], [], []
        for run_id in ids[: args.repeats]:
            first.append(ms(lambda: (tab.runs.set_shown(run_id, True), drain(app, viewport))))
            hide.append(ms(lambda: (tab.runs.set_shown(run_id, False), drain(app, viewport))))
            again.append(ms(lambda: (tab.runs.set_shown(run_id, True), drain(app, viewport))))
            tab.runs.set_shown(run_id, False)
        print(f"show a run on the plots, first time (reads its 9,375 batches): median "
              f"{statistics.median(first):.1f} ms (target <= 50)")
        print(f"show it again: median {statistics.median(again):.1f} ms; hide it: median "
              f"{statistics.median(hide):.1f} ms (target <= 50)")
        tab.shutdown()
        tab.deleteLater()

        if args.big:
            big = RunStore(Path(tmp) / "big")
            big.prune = lambda keep=None: []          # as another version, or a copied folder, could leave it
            fill_store(big, args.big, epochs=1, steps=50)
            del big.prune
            listing = [ms(lambda: RunsPanel(big).reload()) for _ in range(3)]
            big_panel = RunsPanel(big)
            big_panel.resize(900, 300)
            big_panel.reload()
            big_panel.show()
            drain(app, big_panel)
            big_sorts = [ms(lambda: (big_panel.view.sortByColumn(COLUMN_KEYS.index(key), Qt.DescendingOrder),
                                     drain(app, big_panel.view.viewport())))
                         for key in ("test", "learning_rate", "name", "seconds")]
            print(f"a store of {args.big} runs: the table fills in a median {statistics.median(listing):.0f} ms "
                  f"and sorts in {statistics.median(big_sorts):.0f} ms (the next run prunes the store to the "
                  "last 50 unstarred + starred)")
    app.quit()


if __name__ == "__main__":
    main()
