"""Kernel initialisers: the one rule Dense and Conv2D use to fill their kernels (and zero their biases).

'auto' picks He for ReLU-like activations and Glorot otherwise (the activation says which, in its
``kernel_init``); the explicit names are ``<he|glorot>_<uniform|normal>``. What is not here: the random
stream itself (seeding.init_rng) and the layers (layers.py, conv.py).
"""

from __future__ import annotations

import math

INITIALIZERS = ("auto", "he_uniform", "glorot_uniform", "he_normal", "glorot_normal")


def check_initializer(name) -> str:
    """``name`` if it is one of INITIALIZERS; otherwise a ValueError naming the choices."""
    if name not in INITIALIZERS:
        raise ValueError(f"unknown kernel_initializer: {name!r} (expected one of {', '.join(INITIALIZERS)})")
    return name


def init_kernel(layer, fan_in: int, fan_out: int, rng) -> None:
    """Fill ``layer.kernel`` by its ``kernel_initializer`` and zero ``layer.bias``."""
    scheme = layer.kernel_initializer
    if scheme == "auto":
        scheme = f"{layer.activation.kernel_init}_uniform"
    family, dist = scheme.split("_")
    var = 2.0 / fan_in if family == "he" else 2.0 / (fan_in + fan_out)
    if dist == "uniform":
        limit = math.sqrt(3.0 * var)
        values = rng.uniform(-limit, limit, size=layer.kernel.shape)
    else:
        values = rng.normal(0.0, math.sqrt(var), size=layer.kernel.shape)
    layer.kernel[...] = values
    if getattr(layer, "bias", None) is not None:
        layer.bias[...] = 0.0
