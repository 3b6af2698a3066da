"""Every layer's output for a batch: NumPy's answer to ``keras.Model(inputs, [layer.output ...])``.

``layer_outputs(model, x)`` runs a built (or buildable) ``Sequential`` in inference mode, one layer at a
time, and returns ``[(layer name, output array), ...]`` in layer order, each a float32 copy of shape
(N, *layer.output_shape). The output is what Keras's ``layer.output`` would hold: a last
``Dense(10, activation='softmax')``, which the model fuses with its loss and so computes only up to the
logits, is given its softmax here. ``layers=`` keeps only the named layers and stops after the last of
them, so one wide layer of a large batch never keeps every earlier layer alive; ``start=`` runs only a
model's tail, on the kept output of the layer before it (the lab re-runs an edited network from there).

``pre_activation(layer, x)`` is the same layer's ``x @ kernel + bias`` (or its convolution) before the
activation, for a view that explains one unit. What is not here: training (training.py), probabilities
for many images (``Sequential.predict``), pictures of the outputs (``mnist_gui.core.inside``).
"""

from __future__ import annotations

import numpy as np

from mnist_gui.nn.activations import SoftmaxFunction
from mnist_gui.nn.conv import Conv2D
from mnist_gui.nn.core_layers import Dense
from mnist_gui.nn.threads import blas_threads, training_threads


def layer_outputs(model, x, layers=None, batch_size: int = 256, start: int = 0) -> list[tuple[str, np.ndarray]]:
    """[(name, float32 array (N, *output_shape)), ...] for every layer of ``model`` (or the ``layers`` named).

    ``x``: a batch (N, *model.input_shape) on the scale the model takes (see
    ``mnist_gui.core.inference.input_from_unit``); with ``start`` > 0, what layer ``start`` takes (the
    output of the layer before it, kept from an earlier call), and only the layers from there on run.
    ValueError for a batch of another shape or an unknown layer name.
    """
    if not model.built:
        model.build(np.shape(x)[1:] if model.input_shape is None else None)
    x = np.asarray(x)
    if not 0 <= start < len(model.layers):
        raise ValueError(f"start must be a layer index from 0 to {len(model.layers) - 1}, got {start}")
    expected = tuple(model.layers[start].input_shape)
    if x.ndim < 1 or tuple(x.shape[1:]) != expected:
        shape = ", ".join(map(str, expected))
        raise ValueError(f"the model expects inputs of shape (n, {shape}), got {x.shape}")
    if x.dtype.kind not in "biuf":
        raise TypeError(f"inputs must be numbers (uint8 pixels or floats), got dtype {x.dtype}")
    names = [layer.name for layer in model.layers[start:]]
    wanted = set(names if layers is None else layers)
    unknown = wanted.difference(names)
    if unknown:
        raise ValueError(f"the model has no layer named {sorted(unknown)[0]!r}; it has {', '.join(names)}")
    last = max(i for i, name in enumerate(names) if name in wanted) if wanted else -1
    n = len(x)
    outputs = {name: np.empty((n,) + tuple(model.layers[start + i].output_shape), np.float32)
               for i, name in enumerate(names) if name in wanted}
    softmax = SoftmaxFunction()
    step = max(int(batch_size), 1)
    # overflow in a broken model gives inf activations, which the view shows as such, not as a warning
    with blas_threads(training_threads()), np.errstate(over="ignore", invalid="ignore"):
        for lo in range(0, n, step):
            batch = x[lo:lo + step] if start == 0 else np.asarray(x[lo:lo + step], model.dtype)
            batch = _model_dtype(model, batch)
            for layer in model.layers[start:start + last + 1]:
                batch = layer.forward(batch, False)
                if isinstance(layer, Dense) and layer.output_logits:
                    batch = softmax.forward(batch, np.empty_like(batch))
                if layer.name in outputs:
                    outputs[layer.name][lo:lo + len(batch)] = batch
    return [(name, outputs[name]) for name in names if name in outputs]


def _model_dtype(model, batch):
    """uint8 stays uint8 for a leading Rescaling (which scales it into its own buffer); the rest becomes
    the model dtype, as ``Sequential.predict`` would have it."""
    if batch.dtype == model.dtype:
        return batch
    if batch.dtype == np.uint8 and model.layers and type(model.layers[0]).__name__ == "Rescaling":
        return batch
    return np.asarray(batch, model.dtype)


def pre_activation(layer, x) -> np.ndarray:
    """A Dense or Conv2D layer's ``x @ kernel + bias`` (a convolution for Conv2D) before its activation,
    float32 (B, *output_shape); ``x`` is the layer's input batch. TypeError for other layers."""
    x = np.asarray(x, np.float32)
    if isinstance(layer, Dense):
        return (x @ layer.kernel + (0.0 if layer.bias is None else layer.bias)).astype(np.float32)
    if isinstance(layer, Conv2D):
        kernel = layer.kernel
        kh, kw, c, f = kernel.shape
        top, bottom, left, right = layer._pad
        xp = np.pad(x, ((0, 0), (top, bottom), (left, right), (0, 0)))
        (sh, sw), (ho, wo, _) = layer.strides, layer.output_shape
        windows = np.lib.stride_tricks.sliding_window_view(xp, (kh, kw), axis=(1, 2))  # (B, H', W', C, kh, kw)
        windows = windows[:, ::sh, ::sw][:, :ho, :wo]
        z = np.einsum("bhwcij,ijcf->bhwf", windows, kernel, optimize=True)
        return (z + (0.0 if layer.bias is None else layer.bias)).astype(np.float32)
    raise TypeError(f"pre_activation takes a Dense or Conv2D layer, got {type(layer).__name__}")
