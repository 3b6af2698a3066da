"""Training speed of the NumPy engine, side by side with PyTorch when it is installed.

For each configuration (the tutorial network 784-128-10 at batch 32 and 128, and 784-512-512-10 at
batch 128; Adam, all 60,000 images) and each BLAS thread count, trains 3 epochs with our engine and 3
with an equivalent PyTorch model, alternating epoch by epoch in this process so that both see the same
machine load, and prints the median seconds per epoch, samples/s, achieved GFLOP/s and that as a
fraction of the float32 matrix-product peak measured in the same run, and the ratio ours/PyTorch.

FLOPs count 2*B*in*out per matrix product: forward, kernel gradient and input gradient, except the
input gradient of the first layer, which neither engine computes.
PyTorch (CPU build: pip install torch==2.13.0) is never a project dependency.
Usage: python benchmarks/train_speed.py [--threads 1,2] [--epochs 3] [--no-torch]
"""

from __future__ import annotations

import argparse
import os
import sys
import time

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from benchmarks._common import load_data, machine_line, median, sgemm_peak  # noqa: E402
from mnist_gui.nn import Adam, Dense, Flatten, Rescaling, Sequential, blas_threads  # noqa: E402

CONFIGS = [("784-128-10", (128,), 32), ("784-128-10", (128,), 128), ("784-512-512-10", (512, 512), 128)]


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
        self.model.fit(self.x, self.y, epochs=1, batch_size=self.batch_size, threads=self.threads)
        return time.perf_counter() - start


class Torch:
    """The same network, loss, optimizer and per-batch bookkeeping (loss and accuracy read back every
    batch, as our engine and Keras do), written the usual PyTorch way."""

    name = "pytorch"

    def __init__(self, hidden, batch_size, x, y, threads):
        import torch

        self.torch = torch
        torch.manual_seed(0)
        torch.set_num_threads(threads)
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
        torch.set_num_threads(self.threads)
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


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threads", default="1,2", help="BLAS thread counts to try, e.g. 1,2")
    parser.add_argument("--epochs", type=int, default=3)
    parser.add_argument("--no-torch", action="store_true")
    args = parser.parse_args(argv)
    thread_counts = [int(t) for t in args.threads.split(",")]
    engines = [Ours]
    if not args.no_torch:
        try:
            import torch
            engines.append(Torch)
            torch_line = f"PyTorch {torch.__version__}"
        except ImportError:
            torch_line = "PyTorch not installed: ours only"
    (x, y), _ = load_data()
    print(machine_line())
    print(torch_line if not args.no_torch else "PyTorch skipped")
    peaks = {}
    for threads in thread_counts:
        with blas_threads(threads):
            peaks[threads] = sgemm_peak()
        print(f"float32 matmul peak (2048^3 sgemm, best of 5), {threads} thread(s): {peaks[threads]:.1f} GFLOP/s")
    print(f"\n{args.epochs} epochs each on 60,000 images, Adam, median seconds per epoch; engines alternate epoch "
          "by epoch")
    head = f"{'network':16} {'batch':>5} {'thr':>3}  {'engine':8} {'s/epoch':>8} {'samples/s':>10} {'GFLOP/s':>8} " \
           f"{'% peak':>7}"
    print(head + f"  {'ours/pytorch':>12}")
    summary = []
    for label, hidden, batch in CONFIGS:
        for threads in thread_counts:
            runners = [engine(hidden, batch, x, y, threads) for engine in engines]
            times = {r.name: [] for r in runners}
            with blas_threads(threads):
                for _ in range(args.epochs):
                    for runner in runners:
                        times[runner.name].append(runner.epoch())
            medians = {name: median(values) for name, values in times.items()}
            for name, seconds in medians.items():
                gflops = flops_per_sample(hidden) * len(x) / seconds / 1e9
                ratio = f"{medians['ours'] / medians['pytorch']:12.2f}" if name == "ours" and "pytorch" in medians \
                    else ""
                print(f"{label:16} {batch:5} {threads:3}  {name:8} {seconds:8.3f} {len(x) / seconds:10,.0f} "
                      f"{gflops:8.1f} {gflops / peaks[threads]:7.1%}  {ratio}")
            summary.append((label, batch, threads, medians))
    if "pytorch" in summary[0][3]:
        print("\nours/pytorch epoch-time ratio (lower is better):")
        for label, batch, threads, medians in summary:
            print(f"  {label} batch {batch}, {threads} thread(s): {medians['ours'] / medians['pytorch']:.2f}")
    print(f"load average at the end: {os.getloadavg()[0]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
