"""How much training time data augmentation costs: the standard preset (also without its thickness
change, and with elastic distortion added) at batch sizes 32, 128 and 256.

Prints the median time per image and per 60,000-image epoch, and the same as a fraction of one epoch of
the tutorial network (784-128-10, Adam) at that batch size, trained here and now, epochs and augmentation
passes taking turns so that a busy machine slows both alike (skipped when mnist_gui.nn cannot train it).
The target: at most 30% at batch 32.
``--steps`` adds where the time of one batch of 32 goes; ``--grid PATH`` saves a PNG of augmented digits.

    python benchmarks/augment_speed.py [--images N] [--repeats R] [--steps] [--grid PATH]
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import os
import statistics
import sys
import time

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from benchmarks._common import load_data, machine_line  # noqa: E402
from mnist_gui.data.augment import AUGMENTATION_PRESETS  # noqa: E402
from mnist_gui.data.warp import elastic_field, warp  # noqa: E402

BATCHES = (32, 128, 256)
EPOCH = 60000


def configurations() -> dict:
    standard = AUGMENTATION_PRESETS["standard"]
    return {"standard": standard,
            "standard, no thickness": dataclasses.replace(standard, thickness=0.0),
            "standard + elastic": dataclasses.replace(standard, elastic_alpha=34.0, elastic_sigma=4.0)}


def per_image(aug, x, batch: int, images: int, rng) -> float:
    """Seconds per image for augmenting ``images`` random training images in batches of ``batch``."""
    out = np.empty((batch,) + x.shape[1:], np.float32)
    order = rng.permutation(len(x))[:images - images % batch]
    start = time.perf_counter()
    for lo in range(0, len(order), batch):
        aug(x[order[lo:lo + batch]], rng, out=out)
    return (time.perf_counter() - start) / len(order)


def tutorial_model(batch: int):
    """The tutorial network, compiled for ``batch``, or None when mnist_gui.nn cannot build it."""
    try:
        from mnist_gui.nn.presets import PRESETS, build_model
    except ImportError:
        return None
    return build_model(dataclasses.replace(PRESETS["tutorial"], batch_size=batch, epochs=1))


def epoch_seconds(model, x, y, batch: int) -> float:
    start = time.perf_counter()
    model.fit(x, y, epochs=1, batch_size=batch, verbose=0, seed=0)
    return time.perf_counter() - start


def training_blas():
    """The BLAS thread limit fit() trains under, so that both sides are timed alike."""
    try:
        from mnist_gui.nn.threads import blas_threads, training_threads
    except ImportError:
        return contextlib.nullcontext()
    return blas_threads(training_threads())


def steps(x, repeats: int = 300) -> None:
    """Median microseconds per batch of 32 for each part of the standard preset (plus elastic)."""
    aug = configurations()["standard + elastic"]
    rng = np.random.default_rng(0)
    batch = x[:32]
    m = aug.matrices(32, rng)
    t = rng.uniform(-aug.thickness, aug.thickness, 32).astype(np.float32)
    field = elastic_field(32, 28, 28, aug.elastic_alpha, aug.elastic_sigma, rng)
    parts = {
        "random matrices": lambda: aug.matrices(32, rng),
        "affine warp (bilinear)": lambda: warp(batch, m),
        "  + thickness": lambda: warp(batch, m, thickness=t),
        "  + elastic displacement": lambda: warp(batch, m, field=field),
        "elastic field": lambda: elastic_field(32, 28, 28, aug.elastic_alpha, aug.elastic_sigma, rng),
    }
    base = None
    for name, fn in parts.items():
        fn()
        times = []
        for _ in range(repeats):
            start = time.perf_counter()
            fn()
            times.append(time.perf_counter() - start)
        us = statistics.median(times) * 1e6
        extra = f"  (+{us - base:.0f} us)" if name.startswith("  +") and base else ""
        base = us if name.startswith("affine") else base
        print(f"  {name:26s} {us:7.1f} us per batch of 32  {us / 32:5.2f} us per image{extra}")


def save_grid(path, x, y) -> None:
    """Ten digits (one per class), each followed by 11 augmented copies, for light / standard / strong."""
    from mnist_gui.data.images import save_png

    picks = [int(np.flatnonzero(y == d)[0]) for d in range(10)]
    blocks = []
    for name in ("light", "standard", "strong"):
        rows = []
        for i in picks:
            shots = [x[i].astype(np.float32)] + list(AUGMENTATION_PRESETS[name].preview(x[i], n=11, seed=i))
            rows.append(np.concatenate([np.pad(s, 1, constant_values=90) for s in shots], axis=1))
        blocks.append(np.pad(np.concatenate(rows), ((0, 0), (4, 4)), constant_values=160))
    grid = np.concatenate(blocks, axis=1) / 255
    save_png(path, np.repeat(np.repeat(grid, 2, axis=0), 2, axis=1))
    print(f"saved {path}: columns light | standard | strong, first image of each row the original")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--images", type=int, default=EPOCH, help="images augmented per timed pass")
    parser.add_argument("--repeats", type=int, default=3, help="timed passes (and epochs) per batch size")
    parser.add_argument("--steps", action="store_true", help="also time the parts of one batch of 32")
    parser.add_argument("--grid", help="save a PNG grid of augmented digits here")
    args = parser.parse_args()
    (x, y), _ = load_data()
    print(machine_line())
    if args.grid:
        save_grid(args.grid, x, y)
    rng = np.random.default_rng(0)
    with training_blas():
        for batch in BATCHES:
            # epochs and augmentation passes take turns, so that a load that comes and goes hits both
            model = tutorial_model(batch)
            if model is not None:
                epoch_seconds(model, x, y, batch)  # warm-up
            epochs, seconds = [], {name: [] for name in configurations()}
            for name, aug in configurations().items():
                per_image(aug, x, batch, 2000, rng)  # warm-up: buffers, caches
            for _ in range(args.repeats):
                if model is not None:
                    epochs.append(epoch_seconds(model, x, y, batch))
                for name, aug in configurations().items():
                    seconds[name].append(per_image(aug, x, batch, args.images, rng))
            epoch = statistics.median(epochs) if epochs else None
            where = f"tutorial epoch at batch {batch}: {epoch:.2f} s" if epoch else "tutorial network not available"
            print(f"batch {batch} ({where}; medians of {args.repeats})")
            for name, times in seconds.items():
                t = statistics.median(times)
                share = ""
                if epochs:
                    ratio = statistics.median(a * EPOCH / e for a, e in zip(times, epochs))
                    share = f"  = {ratio:4.0%} of a tutorial epoch"
                print(f"  {name:22s} {t * 1e6:6.2f} us/image  {t * EPOCH:5.2f} s per 60,000{share}")
        if args.steps:
            print("where the time goes (standard preset + elastic, batch 32):")
            steps(x)


if __name__ == "__main__":
    main()
