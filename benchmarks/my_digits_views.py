"""My digits with both its views open (the Draw tab's panel, the Dataset tab's My digits split): how long a
keep, a relabel and a delete take from the store call to both views up to date, at several collection sizes.

Offscreen, with the default model (a 784-64-10 stand-in when resources/models/default.npz is not there).
Each edit is written through (the IDX pair rewritten, fsync'ed), the panel rebuilds only the rows that
changed, the Dataset tab re-derives grid, filters and confusion matrix; the model runs only on new
pictures. Also: the first answers for a whole collection when the model changes (in the background above
``widgets.my_digits_answers.SYNC_LIMIT`` new pictures; timed here until they are in).

Usage: python benchmarks/my_digits_views.py [--sizes 100,1000,5000] [--repeats 7]
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,1000,5000")
    parser.add_argument("--repeats", type=int, default=7)
    args = parser.parse_args()
    tmp = tempfile.mkdtemp()
    os.environ["MNIST_GUI_DATA_DIR"] = os.path.join(tmp, "data")
    os.environ["MNIST_GUI_CACHE_DIR"] = os.path.join(tmp, "cache")
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    from mnist_gui.core.my_digits import MyDigitsStore
    from mnist_gui.data.mnist import load_dataset
    from mnist_gui.ui.app import load_default_model
    from mnist_gui.ui.dataset.tab import DatasetTab
    from mnist_gui.ui.draw.my_digits_panel import MyDigitsPanel

    ds = load_dataset()
    model = load_default_model()
    if model is None:
        from mnist_gui.nn import presets

        model = presets.build_model(presets.TrainConfig(hidden=(64,), epochs=1, seed=0))
        model.fit(ds.x_train[:5000], ds.y_train[:5000], epochs=1, verbose=0, seed=0)
    for n in (int(s) for s in args.sizes.split(",")):
        store = MyDigitsStore(os.path.join(tmp, f"mine{n}"))
        store.add_many(ds.x_test[:n], ds.y_test[:n])
        panel, tab = MyDigitsPanel(store), DatasetTab(ds, my_digits=store)
        panel.show(), tab.show(), tab.set_split("mine")
        start = time.perf_counter()
        panel.set_model(model), tab.set_model(model)
        while tab.predictions() is None or panel.accuracy() is None:
            app.processEvents()
            time.sleep(0.005)
        first = time.perf_counter() - start
        times = {"keep": [], "relabel": [], "delete": []}
        for r in range(args.repeats):
            for what, edit in (("keep", lambda: store.add(ds.x_train[r], int(ds.y_train[r]))),
                               ("relabel", lambda: store.relabel(n // 2, (int(store.labels[n // 2]) + 1) % 10)),
                               ("delete", lambda: store.remove(len(store) // 3))):
                start = time.perf_counter()
                edit()
                app.processEvents()
                times[what].append(time.perf_counter() - start)
        line = ", ".join(f"{k} {1000 * statistics.median(v):.0f} ms" for k, v in times.items())
        print(f"{n:>6,} digits: first answers {first:.2f} s; median {line}")
        panel.shutdown(), tab.shutdown()


if __name__ == "__main__":
    main()
