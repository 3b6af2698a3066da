"""How long ``to_mnist`` takes on what the draw tab feeds it on every stroke: a 280x280 pad image.

The draw tab's budget is 5 ms per update for preprocessing and the forward pass together; to_mnist
should take well under 1 ms. Also timed: a 2000x1500 photo-sized picture (dark ink on grey paper).

    python benchmarks/preprocess_speed.py [--calls N]
"""

from __future__ import annotations

import argparse
import statistics
import time

import numpy as np

from mnist_gui.data.preprocess import to_mnist


def pad_image(shape) -> np.ndarray:
    """A thick "7" as drawn on the pad: white on black, uint8."""
    h, w = shape
    img = np.zeros(shape, np.uint8)
    img[h // 5:h // 5 + h // 14, w // 4:3 * w // 4] = 255
    for y in range(h // 5, 4 * h // 5):
        x = 3 * w // 4 - (y - h // 5) * (w // 3) // (3 * h // 5)
        img[y, max(0, x - w // 28):x + w // 28] = 255
    return img


def median_ms(image, calls: int) -> float:
    to_mnist(image)
    times = []
    for _ in range(calls):
        start = time.perf_counter()
        to_mnist(image)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1e3


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=200)
    args = parser.parse_args()
    pad = pad_image((280, 280))
    photo = (0.8 - 0.6 * pad_image((2000, 1500)) / 255).astype(np.float32)
    print(f"to_mnist, 280x280 uint8 pad:      median {median_ms(pad, args.calls):.3f} ms over {args.calls} calls")
    print(f"to_mnist, 2000x1500 float32 photo: median {median_ms(photo, 20):.1f} ms over 20 calls")


if __name__ == "__main__":
    main()
