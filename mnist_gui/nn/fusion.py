"""Which (Conv2D, MaxPooling2D) pairs of a model run as one fused step, and the list Sequential runs.

``fuse(body)`` replaces each pair that ``fused_kind`` takes by a ConvPool (Winograd, conv_pool.py) or a
TilePool (tile_pool.py); the reasons for the rules are in those modules. What is not here: the fused
steps themselves.
"""

from __future__ import annotations

from mnist_gui.nn.conv import Conv2D
from mnist_gui.nn.conv_pool import ConvPool
from mnist_gui.nn.pooling import MaxPooling2D
from mnist_gui.nn.tile_pool import TilePool

MIN_CHANNELS = 8  # input channels from which Winograd pays (conv_pool.py)


def fused_kind(conv, pool):
    """The class that runs the pair (conv, pool) as one step, or None: ConvPool for a 3x3 convolution
    with MIN_CHANNELS or more input channels, TilePool (tile_pool.py) for fewer channels and kernels up
    to 5x5; stride 1, a ReLU or linear activation, and a 2x2 pooling for both."""
    if not (type(conv) is Conv2D and type(pool) is MaxPooling2D and conv.strides == (1, 1)
            and conv.activation.name in ("relu", "linear") and pool.pool_size == (2, 2)
            and min(conv.output_shape[:2]) >= 2):
        return None
    if conv.input_shape[2] >= MIN_CHANNELS:
        return ConvPool if conv.kernel_size == (3, 3) else None
    return TilePool if max(conv.kernel_size) <= 5 else None


def fuse(body: list) -> list:
    """body with every pair fused_kind takes replaced by one fused step."""
    out, i = [], 0
    while i < len(body):
        kind = fused_kind(body[i], body[i + 1]) if i + 1 < len(body) else None
        if kind is not None:
            out.append(kind(body[i], body[i + 1]))
            i += 2
        else:
            out.append(body[i])
            i += 1
    return out
