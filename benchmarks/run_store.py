"""What keeping a run costs: one epoch of the tutorial preset with and without the run recorder (alternating,
medians), the recorder's own time per epoch, and listing a store of many runs.

Target from issue 13: recording costs at most 1% of an epoch of the tutorial preset. Everything is written
to a temporary folder, never the user's own store.

    python benchmarks/run_store.py [--repeats N] [--runs N]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import load_data, machine_line  # noqa: E402

from mnist_gui.core.run_recorder import RunRecorder, start_run  # noqa: E402
from mnist_gui.core.runs import RunStore  # noqa: E402
from mnist_gui.nn.callbacks import Callback  # noqa: E402
from mnist_gui.nn.presets import PRESETS, build_model  # noqa: E402


class Timed(Callback):
    """Wraps the recorder to measure the time spent inside its hooks."""

    def __init__(self, inner: RunRecorder):
        super().__init__()
        self.inner, self.seconds = inner, 0.0

    def _call(self, hook, *args):
        start = time.perf_counter()
        getattr(self.inner, hook)(*args)
        self.seconds += time.perf_counter() - start

    def on_batch_end(self, batch, logs=None):
        self._call("on_batch_end", batch, logs)

    def on_epoch_end(self, epoch, logs=None):
        self._call("on_epoch_end", epoch, logs)


def one_epoch(x, y, store: RunStore | None):
    cfg = PRESETS["tutorial"]
    model = build_model(cfg)
    callbacks, timed = [], None
    if store is not None:
        recorder, _ = start_run(cfg.to_dict(), store=store)
        timed = Timed(recorder)
        callbacks = [timed]
    start = time.perf_counter()
    model.fit(x, y, epochs=1, batch_size=cfg.batch_size, callbacks=callbacks, verbose=0)
    seconds = time.perf_counter() - start
    if timed is not None:
        timed.inner.finish("finished", seconds=seconds, model=model)
    return seconds, (timed.seconds if timed else 0.0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--runs", type=int, default=1000)
    args = parser.parse_args()
    print(machine_line())
    (x, y), _ = load_data()
    plain, recorded, inside = [], [], []
    with tempfile.TemporaryDirectory(prefix="mnist-gui-bench-runs-") as folder:
        store = RunStore(folder)
        for _ in range(args.repeats):
            plain.append(one_epoch(x, y, None)[0])
            seconds, hooks = one_epoch(x, y, store)
            recorded.append(seconds)
            inside.append(hooks)
    p, r, h = statistics.median(plain), statistics.median(recorded), statistics.median(inside)
    print(f"tutorial epoch (1,875 batches): without recording median {p:.3f} s, with {r:.3f} s "
          f"(ratio {r / p:.3f}); time inside the recorder {h * 1e3:.1f} ms = {100 * h / p:.2f}% of an epoch "
          f"(target <= 1%), {args.repeats} alternating runs")
    with tempfile.TemporaryDirectory(prefix="mnist-gui-bench-runs-") as folder:
        store = RunStore(folder)
        for i in range(args.runs):
            recorder, _ = start_run({"hidden": [128]}, name=f"run {i}", store=store)
            recorder.finish("finished", seconds=1.0, test_accuracy=0.97)
        times = []
        for _ in range(5):
            start = time.perf_counter()
            kept = store.runs()
            times.append(time.perf_counter() - start)
        print(f"listing a store after {args.runs} runs ({len(kept)} kept, the rest pruned): "
              f"median {statistics.median(times) * 1e3:.1f} ms")


if __name__ == "__main__":
    main()
