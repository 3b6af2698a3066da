"""Inside tab costs: the view update after an input change, the PCA map, the lab's test accuracy.

1. View update: for a few hundred MNIST test digits in turn, the time from ``InsideTab.set_input`` to the
   Layers page repainted (the trace of every layer, the QImages of the feature maps, the explanation of
   a selected unit, and Qt's paint of everything that changed), with the default CNN and with a 784-128-10 MLP. Target
   with the CNN: median <= 16 ms, p99 <= 33 ms.
2. PCA map of 5,000 test images (``core.pca``): the first map of a model as the tab makes it (the first
   ``FIRST_MAP_IMAGES`` through the network, every mappable layer kept, then the other images added), for
   comparison all 5,000 in one pass (how the first map was made before), and each later map (the SVD
   only). Target: <= 1 s.
3. Lab test accuracy (``core.lab.Accuracy``, ``LAB_IMAGES`` test images) after an edit of a dense layer
   and of a convolution. Target: <= 2 s. Both 2 and 3 run in the tab's worker thread, never the GUI's.

Prints medians (and p99 for 1). Usage: python benchmarks/inside_view.py [--inputs 300] [--repeats 3]
"""

from __future__ import annotations

import argparse
import os
import sys
import time

import numpy as np

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from benchmarks._common import machine_line, median  # noqa: E402


def _PaintCounter(widget):
    from PySide6.QtCore import QEvent, QObject

    class Counter(QObject):
        count = 0

        def eventFilter(self, obj, event):  # noqa: N802 - Qt override
            if event.type() == QEvent.Paint:
                self.count += 1
            return False

    counter = Counter(widget)
    widget.installEventFilter(counter)
    return counter


def _view_update(model, images, select) -> list[float]:
    import mnist_gui.ui  # noqa: F401 - applies the PySide6 guard before any Qt call
    from PySide6.QtWidgets import QApplication

    from mnist_gui.ui.inside import InsideTab

    app = QApplication.instance() or QApplication([])
    tab = InsideTab()
    tab.resize(1280, 720)
    tab.show()
    tab.set_model(model)
    tab.set_input(images[0])
    tab.update_view()
    if select:
        tab.select_unit(*select(tab.trace))
    app.processEvents()
    paints = _PaintCounter(tab.network)
    times = []
    for image in images:
        before = paints.count
        start = time.perf_counter()
        tab.set_input(image)
        while paints.count == before:  # the coalescing timer fires (one trace), then Qt paints what changed
            app.processEvents()
        app.processEvents()
        times.append((time.perf_counter() - start) * 1000)
    tab.shutdown()
    tab.close()
    return times


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--inputs", type=int, default=300)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args(argv)
    from mnist_gui.core import lab, pca
    from mnist_gui.core.paths import resource_path
    from mnist_gui.data.mnist import load_mnist
    from mnist_gui.nn import load_model
    from mnist_gui.nn.presets import TrainConfig, build_model

    print(machine_line())
    (_, _), (x_test, y_test) = load_mnist()
    cnn = load_model(resource_path("models", "default.npz"))
    mlp = build_model(TrainConfig(hidden=(128,)))
    images = x_test[:args.inputs].astype(np.float32) / 255
    for name, model, select in [("default CNN", cnn, None),
                                ("default CNN, a conv map selected", cnn, lambda t: (t.views[2].index, 5)),
                                ("784-128-10 MLP", mlp, None)]:
        times = _view_update(model, images, select)
        print(f"view update, {name}: median {median(times):.1f} ms, p99 {np.percentile(times, 99):.1f} ms "
              f"over {len(times)} inputs (target with the CNN: median <= 16, p99 <= 33)")

    n = 5000
    names = [layer for layer, _ in pca.mappable_layers(cnn)]
    first, grown, whole, later = [], [], [], []
    for _ in range(args.repeats):
        start = time.perf_counter()
        table = pca.features(cnn, x_test[:n], names)
        pca.pca_map(cnn, x_test[:n], y_test[:n], names[-2], table)
        whole.append(time.perf_counter() - start)
        k = pca.FIRST_MAP_IMAGES
        start = time.perf_counter()
        table = pca.grow_features(cnn, x_test[:k], None, names)
        pca.pca_map(cnn, x_test[:k], y_test[:k], names[-2], table)
        first.append(time.perf_counter() - start)
        start = time.perf_counter()
        table = pca.grow_features(cnn, x_test[:n], table, names)
        pca.pca_map(cnn, x_test[:n], y_test[:n], names[-2], table)
        grown.append(time.perf_counter() - start)
        for layer in names:
            start = time.perf_counter()
            pca.pca_map(cnn, x_test[:n], y_test[:n], layer, table)
            later.append(time.perf_counter() - start)
    print(f"PCA map, default CNN: first map shown ({pca.FIRST_MAP_IMAGES:,} images, forward pass + SVD) median "
          f"{median(first):.2f} s, then grown to {n:,} (the other {n - pca.FIRST_MAP_IMAGES:,} through the "
          f"network + SVD) median {median(grown):.2f} s more; all {n:,} in one pass median {median(whole):.2f} s "
          f"(the first map before); each later layer (SVD of up "
          f"to {max(size for _, size in pca.mappable_layers(cnn)):,} numbers) median {median(later):.2f} s, "
          f"worst {max(later):.2f} s (target <= 1 s)")

    acc = lab.Accuracy(cnn, x_test[:lab.LAB_IMAGES], y_test[:lab.LAB_IMAGES])
    start = time.perf_counter()
    acc.of(lab.Edits())
    print(f"lab: as-trained accuracy on {lab.LAB_IMAGES:,} images (also keeps the small layer inputs): "
          f"{time.perf_counter() - start:.2f} s")
    for label, edits in [("dense layer edit", lab.Edits(off={"dense": set(range(32))})),
                         ("output layer edit", lab.Edits(scale={"dense_1": 0.5})),
                         ("first convolution edit", lab.Edits(off={"conv2_d": {0, 1, 2}})),
                         ("second convolution edit", lab.Edits(prune={"conv2_d_1": 0.5}))]:
        times = []
        for _ in range(args.repeats):
            start = time.perf_counter()
            acc.of(edits)
            times.append(time.perf_counter() - start)
        print(f"lab accuracy refresh, {label}: median {median(times):.3f} s (target <= 2 s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
