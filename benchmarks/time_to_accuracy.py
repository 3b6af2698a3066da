"""Wall time until the test accuracy first reaches 98.0%, 98.5%, 99.0% and 99.3%, for a preset.

Issue 3's measurement (98.0% and 98.5%) is ``--preset quick-mlp`` (the former best-mlp, no augmentation);
issue 7's are ``--preset best-mlp`` (augmented MLP, to 99.0%) and ``--preset cnn`` (to 99.3%; use
``--eval-every 0.5``, since evaluating the CNN on the test set takes seconds). Training augmentation is the
preset's (``--augmentation none`` to switch it off).

The test set is evaluated every quarter epoch (``--eval-every``) by a callback that stops the clock
while it evaluates, so the times are training time only (model building included).
Usage: python benchmarks/time_to_accuracy.py [--preset best-mlp] [--threads N] [--epochs E] ...
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from benchmarks._common import load_data, machine_line  # noqa: E402
from mnist_gui.nn import Callback, blas_threads  # noqa: E402
from mnist_gui.nn.presets import PRESETS, build_model  # noqa: E402

TARGETS = (0.980, 0.985, 0.990, 0.993)


class Checkpoints(Callback):
    """Evaluates on the test set every ``every`` batches, with the clock stopped."""

    def __init__(self, x_test, y_test, every: int, start: float):
        super().__init__()
        self.x_test, self.y_test, self.every = x_test, y_test, every
        self.start, self.paused = start, 0.0
        self.points = []  # (training seconds, epochs done, test accuracy)
        self.batches = 0

    def _check(self):
        now = time.perf_counter()
        acc = self.model.evaluate(self.x_test, self.y_test, batch_size=1000, verbose=0)[1]
        self.points.append((now - self.start - self.paused, self.batches / self.params["steps"], acc))
        self.paused += time.perf_counter() - now

    def on_batch_end(self, batch, logs=None):
        self.batches += 1
        if self.batches % self.every == 0:
            self._check()

    def on_train_end(self, logs=None):
        if self.batches % self.every:
            self._check()


def run(cfg, x, y, x_test, y_test, eval_every: float):
    start = time.perf_counter()
    model = build_model(cfg)
    every = max(1, round(cfg.steps_per_epoch * eval_every))
    checkpoints = Checkpoints(x_test, y_test, every, start)
    history = model.fit(x, y, epochs=cfg.epochs, batch_size=cfg.batch_size, callbacks=[checkpoints], verbose=0,
                        augmentation=None if cfg.augmentation == "none" else cfg.augmentation)
    total = time.perf_counter() - start - checkpoints.paused
    return checkpoints.points, total, history


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--preset", default="best-mlp", choices=sorted(PRESETS))
    parser.add_argument("--threads", type=int, default=None, help="BLAS threads (default: the library's)")
    parser.add_argument("--eval-every", type=float, default=0.25, help="fraction of an epoch between evaluations")
    parser.add_argument("--quiet", action="store_true", help="print only the summary lines")
    for field in dataclasses.fields(PRESETS["best-mlp"]):
        kind = str if field.name in ("activation", "optimizer", "schedule", "architecture", "augmentation") else (
            float if field.type in ("float", float) else int)
        if field.name == "hidden":
            kind = lambda s: tuple(int(v) for v in s.split(",") if v)  # noqa: E731
        parser.add_argument("--" + field.name.replace("_", "-"), type=kind, default=None)
    args = parser.parse_args(argv)
    overrides = {f.name: getattr(args, f.name) for f in dataclasses.fields(PRESETS["best-mlp"])
                 if getattr(args, f.name) is not None}
    cfg = dataclasses.replace(PRESETS[args.preset], **overrides)
    cfg.validate()
    (x, y), (x_test, y_test) = load_data()
    print(machine_line())
    print(f"preset {args.preset}: {cfg.to_dict()}")
    with blas_threads(args.threads):
        points, total, history = run(cfg, x, y, x_test, y_test, args.eval_every)
    if not args.quiet:
        print("  time (s)  epochs  test accuracy")
        for seconds, epochs, acc in points:
            print(f"  {seconds:8.2f}  {epochs:6.2f}  {acc:.4f}")
    for target in TARGETS:
        hit = next(((s, e) for s, e, a in points if a >= target), None)
        if hit is None:
            print(f"{target:.1%}: not reached (best {max(a for _, _, a in points):.4f})")
        else:
            print(f"{target:.1%}: reached after {hit[0]:.1f} s (epoch {hit[1]:.2f})")
    print(f"final test accuracy {points[-1][2]:.4f} after {total:.1f} s of training ({cfg.epochs} epochs)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
