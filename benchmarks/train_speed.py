"""Training speed of the NumPy engine, side by side with PyTorch when it is installed.

For each configuration (the tutorial network 784-128-10 at batch 32 and 128, and 784-512-512-10 at
batch 128; Adam, all 60,000 images) and each BLAS thread count, trains 3 epochs with our engine and 3
with an equivalent PyTorch model, alternating epoch by epoch in this process so that both see the same
machine load, and prints the median seconds per epoch, samples/s, achieved GFLOP/s and that as a
fraction of the float32 matrix-product peak measured in the same run, and the ratio ours/PyTorch.

FLOPs count 2*B*in*out per matrix product: forward, kernel gradient and input gradient, except the
input gradient of the first layer, which neither engine computes.
The CNN rows (``--cnn``) time the app's ``cnn`` preset network (Conv2D 32 3x3 relu, 2x2 max pool,
Conv2D 64 3x3 relu, 2x2 max pool, Dense 128 relu, Dropout 0.3, Dense 10; Adam, batch 128) against the
same network in PyTorch (NCHW, its default), over ``--cnn-samples`` images per timed pass, scaled to
seconds per 60,000-image epoch, then prediction of those images (batches of 256, as
``Sequential.predict``; PyTorch in eval mode under no_grad), alternating too. ``--augment`` adds the
cost of the 'standard' augmentation (made in fit's background thread) for the tutorial network: epochs
with and without it, alternating.
PyTorch (CPU build: pip install torch==2.13.0) is never a project dependency.
Usage: python benchmarks/train_speed.py [--threads 1,2] [--epochs 3] [--no-torch] [--cnn] [--cnn-only]
       [--cnn-samples 15000] [--augment]
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import time

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from benchmarks._common import load_data, machine_line, median, sgemm_peak  # noqa: E402
from mnist_gui.nn import Adam, Dense, Flatten, Rescaling, Sequential, blas_threads  # noqa: E402
from mnist_gui.nn.threads import chunk_split, split_threads  # noqa: E402
from mnist_gui.nn.presets import PRESETS, build_model  # noqa: E402

CONFIGS = [("784-128-10", (128,), 32), ("784-128-10", (128,), 128), ("784-512-512-10", (512, 512), 128)]


def cores(threads) -> int:
    """The thread count a setting means: "auto" is fit's default (one BLAS thread, the fused steps' chunks
    on every core, nn.threads), the same cores as PyTorch's threads."""
    return split_threads() if threads == "auto" else threads


def limit(threads):
    """The BLAS limit around a row: none for "auto" (fit sets its own)."""
    return blas_threads(None if threads == "auto" else threads)


def flops_per_sample(hidden) -> int:
    sizes = [784, *hidden, 10]
    products = sum(2 * a * b for a, b in zip(sizes, sizes[1:]))
    return 3 * products - 2 * sizes[0] * sizes[1]


class Ours:
    name = "ours"

    def __init__(self, hidden, batch_size, x, y, threads):
        layers = [Rescaling(1 / 255, input_shape=(28, 28)), Flatten()]
        layers += [Dense(units, activation="relu") for units in hidden] + [Dense(10, activation="softmax")]
        self.model = Sequential(layers, seed=0)
        self.model.compile(optimizer=Adam(1e-3), loss="sparse_categorical_crossentropy", metrics=["accuracy"])
        self.x, self.y, self.batch_size, self.threads = x, y, batch_size, threads

    def epoch(self) -> float:
        start = time.perf_counter()
        self.model.fit(self.x, self.y, epochs=1, batch_size=self.batch_size, threads=self.threads, verbose=0)
        return time.perf_counter() - start


class Torch:
    """The same network, loss, optimizer and per-batch bookkeeping (loss and accuracy read back every
    batch, as our engine and Keras do), written the usual PyTorch way."""

    name = "pytorch"

    def __init__(self, hidden, batch_size, x, y, threads):
        import torch

        self.torch = torch
        torch.manual_seed(0)
        torch.set_num_threads(cores(threads))
        sizes, layers = [784, *hidden], []
        for a, b in zip(sizes, sizes[1:]):
            layers += [torch.nn.Linear(a, b), torch.nn.ReLU()]
        self.model = torch.nn.Sequential(*layers, torch.nn.Linear(sizes[-1], 10))
        self.opt = torch.optim.Adam(self.model.parameters(), lr=1e-3, eps=1e-7)
        # the best case for PyTorch: inputs scaled to float32 once, up front
        self.x = torch.from_numpy(x.reshape(len(x), -1).astype(np.float32) / 255)
        self.y = torch.from_numpy(y.astype(np.int64))
        self.batch_size, self.threads = batch_size, threads

    def epoch(self) -> float:
        torch, model, opt = self.torch, self.model, self.opt
        torch.set_num_threads(cores(self.threads))
        start = time.perf_counter()
        perm = torch.randperm(len(self.x))
        for lo in range(0, len(self.x), self.batch_size):
            idx = perm[lo:lo + self.batch_size]
            xb, yb = self.x[idx], self.y[idx]
            opt.zero_grad()
            out = model(xb)
            loss = torch.nn.functional.cross_entropy(out, yb)
            loss.backward()
            opt.step()
            loss.item(), (out.argmax(1) == yb).sum().item()
        return time.perf_counter() - start


def cnn_flops_per_sample(model, forward_only=False) -> int:
    """Multiply-adds x 2 of every Conv2D and Dense layer, x 3 for training (forward, kernel gradient, input
    gradient), without the input gradient of the first layer with weights; x 1 with ``forward_only``."""
    total, first = 0, True
    for layer in model.layers:
        if type(layer).__name__ == "Conv2D":
            kh, kw = layer.kernel_size
            per = 2 * int(np.prod(layer.output_shape)) * kh * kw * layer.input_shape[2]
        elif isinstance(layer, Dense):
            per = 2 * layer.input_shape[0] * layer.units
        else:
            continue
        total += per if forward_only else per * (2 if first else 3)
        first = False
    return total


class OursCNN:
    name = "ours"

    def __init__(self, x, y, threads, batch_size=128):
        self.model = build_model(PRESETS["cnn"])
        self.model.compile(optimizer=Adam(1e-3), loss="sparse_categorical_crossentropy", metrics=["accuracy"])
        self.x, self.y, self.threads, self.batch_size = x, y, threads, batch_size

    def epoch(self) -> float:
        start = time.perf_counter()
        self.model.fit(self.x, self.y, epochs=1, batch_size=self.batch_size, threads=self.threads, verbose=0)
        return time.perf_counter() - start

    def predict_all(self) -> float:
        # a given thread count: that many BLAS threads and no split, as in fit
        with contextlib.nullcontext() if self.threads == "auto" else chunk_split(1):
            start = time.perf_counter()
            self.model.predict(self.x, batch_size=256, verbose=0)
            return time.perf_counter() - start


class TorchCNN(Torch):
    def __init__(self, x, y, threads, batch_size=128):
        import torch

        self.torch = torch
        torch.manual_seed(0)
        torch.set_num_threads(cores(threads))
        nn = torch.nn
        self.model = nn.Sequential(nn.Conv2d(1, 32, 3), nn.ReLU(), nn.MaxPool2d(2), nn.Conv2d(32, 64, 3), nn.ReLU(),
                                   nn.MaxPool2d(2), nn.Flatten(), nn.Linear(1600, 128), nn.ReLU(), nn.Dropout(0.3),
                                   nn.Linear(128, 10))
        self.opt = torch.optim.Adam(self.model.parameters(), lr=1e-3, eps=1e-7)
        self.x = torch.from_numpy(x.astype(np.float32)[:, None] / 255)
        self.y = torch.from_numpy(y.astype(np.int64))
        self.batch_size, self.threads = batch_size, threads

    def predict_all(self) -> float:
        torch = self.torch
        torch.set_num_threads(cores(self.threads))
        self.model.eval()
        start = time.perf_counter()
        with torch.no_grad():
            for lo in range(0, len(self.x), 256):
                self.model(self.x[lo:lo + 256]).softmax(1)
        elapsed = time.perf_counter() - start
        self.model.train()
        return elapsed


def cnn_rows(x, y, engines, thread_counts, peaks, epochs, samples):
    x, y = x[:samples], y[:samples]
    scale = 60000 / len(x)
    flops = cnn_flops_per_sample(build_model(PRESETS["cnn"]))
    print(f"\nCNN preset network, batch 128, Adam: {flops / 1e6:.1f} MFLOP per training image; "
          f"{epochs} passes over {len(x):,} images each, scaled to a 60,000-image epoch")
    names = {Ours: OursCNN, Torch: TorchCNN}
    summary = []
    for threads in thread_counts:
        runners = [names[engine](x, y, threads) for engine in engines]
        times = {r.name: [] for r in runners}
        with limit(threads):
            for _ in range(epochs):
                for runner in runners:
                    times[runner.name].append(runner.epoch() * scale)
        medians = {name: median(values) for name, values in times.items()}
        for name, seconds in medians.items():
            gflops = flops * 60000 / seconds / 1e9
            ratio = f"{medians['ours'] / medians['pytorch']:12.2f}" if name == "ours" and "pytorch" in medians else ""
            print(f"{'cnn 32-64-128':16} {128:5} {threads!s:>4} {name:8} {seconds:8.2f} {60000 / seconds:10,.0f} "
                  f"{gflops:8.1f} {gflops / peaks[threads]:7.1%}  {ratio}")
        summary.append(("cnn", 128, threads, medians))
        predict = {r.name: [] for r in runners}
        with limit(threads):
            for _ in range(epochs):
                for runner in runners:
                    predict[runner.name].append(runner.predict_all() * scale)
        pmed = {name: median(values) for name, values in predict.items()}
        forward = cnn_flops_per_sample(build_model(PRESETS["cnn"]), forward_only=True) * 60000 / 1e9
        for name, seconds in pmed.items():
            ratio = f"{pmed['ours'] / pmed['pytorch']:12.2f}" if name == "ours" and "pytorch" in pmed else ""
            print(f"{'cnn predict':16} {256:5} {threads!s:>4} {name:8} {seconds:8.2f} {60000 / seconds:10,.0f} "
                  f"{forward / seconds:8.1f} {forward / seconds / peaks[threads]:7.1%}  {ratio}")
        summary.append(("cnn predict", 256, threads, pmed))
    return summary


def augment_rows(x, y, epochs):
    """Seconds per epoch of the tutorial network (batch 32, 1 BLAS thread) without and with augmentation."""
    times = {"none": [], "standard": []}
    for _ in range(epochs):
        for name in times:
            model = build_model(PRESETS["tutorial"])
            start = time.perf_counter()
            model.fit(x, y, epochs=1, batch_size=32, verbose=0, augmentation=None if name == "none" else name)
            times[name].append(time.perf_counter() - start)
    base, aug = median(times["none"]), median(times["standard"])
    print(f"\naugmentation cost, tutorial network, batch 32, {epochs} alternating epochs each: "
          f"none {base:.2f} s, standard {aug:.2f} s per epoch (median) -> +{aug / base - 1:.0%}")
    print("  all epochs: none " + ", ".join(f"{t:.2f}" for t in times["none"]) +
          "; standard " + ", ".join(f"{t:.2f}" for t in times["standard"]))


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threads", default="1,2", help="BLAS thread counts to try, e.g. 1,2; 'auto' is fit's "
                        "default (one BLAS thread, the fused convolution steps' chunks on every core)")
    parser.add_argument("--epochs", type=int, default=3)
    parser.add_argument("--no-torch", action="store_true")
    parser.add_argument("--cnn", action="store_true", help="add the CNN preset network")
    parser.add_argument("--cnn-only", action="store_true", help="only the CNN rows")
    parser.add_argument("--cnn-samples", type=int, default=60000, help="images per timed CNN pass")
    parser.add_argument("--augment", action="store_true", help="only the augmentation cost")
    args = parser.parse_args(argv)
    thread_counts = [t if t == "auto" else int(t) for t in args.threads.split(",")]
    engines = [Ours]
    if not args.no_torch:
        try:
            import torch
            engines.append(Torch)
            torch_line = f"PyTorch {torch.__version__}"
        except ImportError:
            torch_line = "PyTorch not installed: ours only"
    (x, y), _ = load_data()
    if args.augment:
        print(machine_line())
        augment_rows(x, y, args.epochs)
        return 0
    print(machine_line())
    print(torch_line if not args.no_torch else "PyTorch skipped")
    peaks = {}
    for threads in thread_counts:
        with blas_threads(cores(threads)):
            peaks[threads] = sgemm_peak()
        print(f"float32 matmul peak (2048^3 sgemm, best of 5), {cores(threads)} thread(s): "
              f"{peaks[threads]:.1f} GFLOP/s")
    print(f"\n{args.epochs} epochs each on 60,000 images, Adam, median seconds per epoch; engines alternate epoch "
          "by epoch")
    head = f"{'network':16} {'batch':>5} {'thr':>4} {'engine':8} {'s/epoch':>8} {'samples/s':>10} {'GFLOP/s':>8} " \
           f"{'% peak':>7}"
    print(head + f"  {'ours/pytorch':>12}")
    summary = []
    for label, hidden, batch in ([] if args.cnn_only else CONFIGS):
        for threads in thread_counts:
            runners = [engine(hidden, batch, x, y, threads) for engine in engines]
            times = {r.name: [] for r in runners}
            with limit(threads):
                for _ in range(args.epochs):
                    for runner in runners:
                        times[runner.name].append(runner.epoch())
            medians = {name: median(values) for name, values in times.items()}
            for name, seconds in medians.items():
                gflops = flops_per_sample(hidden) * len(x) / seconds / 1e9
                ratio = f"{medians['ours'] / medians['pytorch']:12.2f}" if name == "ours" and "pytorch" in medians \
                    else ""
                print(f"{label:16} {batch:5} {threads!s:>4} {name:8} {seconds:8.3f} {len(x) / seconds:10,.0f} "
                      f"{gflops:8.1f} {gflops / peaks[threads]:7.1%}  {ratio}")
            summary.append((label, batch, threads, medians))
    if args.cnn or args.cnn_only:
        summary += cnn_rows(x, y, engines, thread_counts, peaks, args.epochs, args.cnn_samples)
    if summary and "pytorch" in summary[0][3]:
        print("\nours/pytorch epoch-time ratio (lower is better):")
        for label, batch, threads, medians in summary:
            print(f"  {label} batch {batch}, {threads} thread(s): {medians['ours'] / medians['pytorch']:.2f}")
    print(f"load average at the end: {os.getloadavg()[0]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
