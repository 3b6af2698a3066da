"""Turning a user's input array into batches the network can take.

A model's leading ``Flatten`` and ``Rescaling`` layers are cheap reshapes and affine maps; rather than
run them batch by batch as layers, :class:`InputFeed` folds them into the gathering of each batch:
uint8 images stay uint8 in memory and each batch is gathered and scaled straight into a preallocated
float32 buffer. Other dtypes are converted to the model's dtype once. What is not here: the labels
(the loss checks those) and shuffling (the training loop owns the order).
"""

from __future__ import annotations

import numpy as np

from mnist_gui.nn.core_layers import Flatten, Rescaling


def input_prefix(layers) -> int:
    """How many leading layers are Flatten/Rescaling, i.e. can be folded into the input feed."""
    count = 0
    for layer in layers:
        if not isinstance(layer, (Flatten, Rescaling)):
            break
        count += 1
    return count


class InputFeed:
    """Batches of ``x`` (N, ...) with the ``prefix`` layers already applied, in the model's ``dtype``.

    The arrays returned by :meth:`take` and :meth:`slice` are reused buffers, valid until the next call.
    """

    def __init__(self, x, prefix, input_shape: tuple, dtype):
        x = np.asarray(x)
        if x.ndim < 1 or tuple(x.shape[1:]) != tuple(input_shape):
            shape = ", ".join(map(str, input_shape))
            raise ValueError(f"the model expects inputs of shape (n, {shape}), got {x.shape}")
        if x.dtype.kind not in "biuf":
            raise TypeError(f"inputs must be numbers (uint8 pixels or floats), got dtype {x.dtype}")
        self.dtype = np.dtype(dtype)
        self.scale, self.offset = 1.0, 0.0
        for layer in prefix:
            if isinstance(layer, Rescaling):
                self.scale, self.offset = self.scale * layer.scale, self.offset * layer.scale + layer.offset
        self.input_shape = tuple(input_shape)
        if any(isinstance(layer, Flatten) for layer in prefix):
            x = x.reshape(len(x), -1)
        self.raw_dtype = x.dtype
        if x.dtype == np.uint8 or x.dtype == np.bool_:
            self.mode = "cast"  # gather the small integers, scale them into a float buffer
        else:
            if x.dtype != self.dtype:
                x = x.astype(self.dtype)
            self.mode = "float"
        self.x = x
        self.n = len(x)
        self.affine = self.scale != 1.0 or self.offset != 0.0
        self._bufs = {}

    def _buf(self, tag, shape, dtype):
        key = (tag, shape)
        buf = self._bufs.get(key)
        if buf is None:
            if len(self._bufs) > 8:
                self._bufs.clear()
            buf = self._bufs[key] = np.empty(shape, dtype)
        return buf

    def _finish(self, src, out):
        """out = src * scale + offset, in the model dtype (src may be out)."""
        if self.mode == "cast":
            # converting first and scaling in place beats one mixed-type multiply by a third
            np.copyto(out, src)
            src = out
        if self.scale != 1.0:
            # a NumPy scalar of the model dtype keeps the product from being computed in float64
            np.multiply(src, self.dtype.type(self.scale), out=out)
        elif src is not out:
            np.copyto(out, src)
        if self.offset:
            np.add(out, self.dtype.type(self.offset), out=out)
        return out

    def take(self, idx):
        """The batch of rows ``idx`` (an index array)."""
        shape = (len(idx),) + self.x.shape[1:]
        out = self._buf("x", shape, self.dtype)
        if self.mode == "cast":
            raw = self._buf("raw", shape, self.raw_dtype)
            np.take(self.x, idx, axis=0, out=raw)
            return self._finish(raw, out)
        np.take(self.x, idx, axis=0, out=out)
        return self._finish(out, out) if self.affine else out

    def slice(self, lo: int, hi: int):
        """The batch of rows lo..hi-1, without a copy when no conversion is needed."""
        view = self.x[lo:hi]
        if self.mode == "float" and not self.affine:
            return view
        return self._finish(view, self._buf("x", view.shape, self.dtype))

    @property
    def images(self):
        """The inputs as a (N, H, W) view, for augmentation; ValueError when they are not images
        (only (N, H, W) and (N, H, W, 1) inputs are)."""
        shape = self.input_shape
        if len(shape) == 3 and shape[2] == 1:
            shape = shape[:2]
        if len(shape) != 2:
            raise ValueError(f"augmentation needs grayscale images of shape (n, height, width), but the model "
                             f"takes inputs of shape (n, {', '.join(map(str, self.input_shape))})")
        return self.x.reshape((self.n,) + shape)

    def value_range(self) -> tuple:
        """(min, max) of the raw input values, after a Flatten but before any Rescaling."""
        if self.n == 0:
            return 0.0, 0.0
        return float(self.x.min()), float(self.x.max())
