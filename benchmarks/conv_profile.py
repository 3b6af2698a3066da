"""Where a training step and a prediction batch of the CNN preset network spend their time, layer by layer.

Builds the app's ``cnn`` preset (Conv2D 32 3x3 relu, 2x2 max pool, Conv2D 64 3x3 relu, 2x2 max pool,
Flatten, Dense 128 relu, Dropout 0.3, Dense 10 softmax), and for ``--steps`` training steps on real MNIST
batches of ``--batch`` images times every layer's forward and backward pass, the fused softmax/cross-
entropy and the optimizer step separately; then the forward passes alone for prediction batches of 256
(``Sequential.predict``'s size). Prints the median milliseconds per step for each, its share of the
step, and for Conv2D and Dense layers the GFLOP/s the pass reaches (2 x multiply-adds), against the
float32 matrix-product peak measured in the same run; "beyond" is each row's time minus what its
products would take at that peak (all of it for layers without products): where time goes outside
them. GFLOP/s count the nominal products (a backward pass that skips zero-gradient rows counts them
too). Each convolution and the pooling after it run as one fused step, as fit and predict run them: the
first as ``TilePool`` (tile_pool.py), the second as ``ConvPool`` (Winograd's F(2x2, 3x3), conv_pool.py);
their GFLOP/s count the direct convolution's products (an effective rate: Winograd does 2.25x fewer
multiply-adds, the tiles 16/9 more, and neither computes the output row and column the pooling drops). ``--unfused`` runs every layer on its own, as before the fusion.
One BLAS thread unless ``--threads`` says.
Usage: python benchmarks/conv_profile.py [--steps 60] [--batch 128] [--threads 1] [--unfused]
"""

from __future__ import annotations

import argparse
import os
import sys
import time

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from benchmarks._common import load_data, machine_line, median, sgemm_peak  # noqa: E402
from mnist_gui.nn import Sequential, blas_threads  # noqa: E402
from mnist_gui.nn.presets import PRESETS, build_model  # noqa: E402


def layer_flops(layer, batch) -> int:
    """2 x multiply-adds of one forward product of a Conv2D or Dense layer (0 for other layers)."""
    kind = type(layer).__name__
    if kind in ("ConvPool", "TilePool"):
        return layer_flops(layer.conv, batch)
    if kind == "Conv2D":
        kh, kw = layer.kernel_size
        return 2 * batch * int(np.prod(layer.output_shape)) * kh * kw * layer.input_shape[2]
    if kind == "Dense":
        return 2 * batch * layer.input_shape[0] * layer.units
    return 0


def profile_training(model, x, y, batch, steps):
    """{row name: [seconds per step]} for every layer's forward and backward, the loss and the update."""
    body, plan = model._body, model._backward_plan
    feed = model._feed(x)
    targets = model.loss.prepare_targets(y, model.num_classes)
    times = {}
    rng = np.random.default_rng(0)
    for layer in body:
        if type(layer).__name__ == "Dropout":
            layer.rng = np.random.default_rng(1)
    clock = time.perf_counter

    def note(key, start):
        now = clock()
        times.setdefault(key, []).append(now - start)
        return now

    for step in range(steps + 3):
        idx = np.sort(rng.choice(len(x), batch, replace=False))
        h, yb = feed.take(idx), targets[idx]
        t = clock()
        for i, layer in enumerate(body):
            h = layer.forward(h, True)
            t = note((i, "forward"), t)
        model.loss.forward_backward(h, yb, 1.0)
        t = note(("loss", ""), t)
        for layer, need_dx in plan:
            h = layer.backward(h, need_dx)
            t = note((body.index(layer), "backward"), t)
        model.optimizer.step()
        note(("optimizer", ""), t)
        if step < 3:  # warm-up: buffers allocated, caches filled
            for values in times.values():
                values.clear()
    return times


def profile_prediction(model, x, batch, steps):
    body, feed, times = model._body, model._feed(x), {}
    clock = time.perf_counter
    for step in range(steps + 2):
        lo = (step * batch) % (len(x) - batch)
        h = feed.slice(lo, lo + batch)
        t = clock()
        for i, layer in enumerate(body):
            h = layer.forward(h, False)
            now = clock()
            times.setdefault((i, "forward"), []).append(now - t)
            t = now
        if step < 2:
            for values in times.values():
                values.clear()
    return times


def print_table(title, model, times, batch, peak):
    body = model._body
    medians = {key: median(values) for key, values in times.items()}
    total = sum(medians.values())
    print(f"\n{title}: {total * 1e3:.2f} ms per batch of {batch} (sum of the medians)")
    print(f"{'layer':28} {'pass':9} {'ms':>7} {'share':>6} {'GFLOP/s':>8} {'% peak':>7} {'beyond':>7}")
    beyond = 0.0
    for key, seconds in medians.items():
        if isinstance(key[0], int):
            layer = body[key[0]]
            name = f"{type(layer).__name__} {layer.describe()}".strip()
            # a backward pass with an input gradient is two products, without one (the first layer) one
            products = 1 if key[1] == "forward" else (2 if dict(model._backward_plan).get(layer) else 1)
            flops = layer_flops(layer, batch) * products
        else:
            name, flops = key[0], 0
        # the time beyond what the layer's products would take at the measured peak
        extra = seconds - flops / (peak * 1e9)
        beyond += extra
        rate = f"{flops / seconds / 1e9:8.1f} {flops / seconds / 1e9 / peak:7.1%}" if flops else f"{'':16}"
        print(f"{name:28} {key[1]:9} {seconds * 1e3:7.2f} {seconds / total:6.1%} {rate} {extra * 1e3:7.2f}")
    flops_all = total - beyond
    print(f"products at peak would take {flops_all * 1e3:.2f} ms; the rest, {beyond * 1e3:.2f} ms "
          f"({beyond / total:.0%}), is copies, activations, pooling, the loss and the update")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=60)
    parser.add_argument("--batch", type=int, default=128)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--unfused", action="store_true", help="every layer on its own (no ConvPool)")
    args = parser.parse_args(argv)
    Sequential.fuse_layers = not args.unfused
    (x, y), _ = load_data()
    model = build_model(PRESETS["cnn"])
    print(machine_line())
    with blas_threads(args.threads):
        peak = sgemm_peak()
        print(f"float32 matmul peak, {args.threads} thread(s): {peak:.1f} GFLOP/s")
        train = profile_training(model, x, y, args.batch, args.steps)
        predict = profile_prediction(model, x, 256, args.steps)
    print_table(f"training step, median of {args.steps}", model, train, args.batch, peak)
    print_table(f"prediction, median of {args.steps}", model, predict, 256, peak)
    return 0


if __name__ == "__main__":
    sys.exit(main())
