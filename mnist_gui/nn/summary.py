"""A model described in text: Keras's summary table and the app's one-line description.

``summary_text(model)`` is what Keras 3's ``model.summary()`` prints::

    Model: "sequential"
    ┏━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━┓
    ┃ Layer (type)                    ┃ Output Shape           ┃       Param # ┃
    ┡━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━┩
    │ dense (Dense)                   │ (None, 128)            │       100,480 │
    └─────────────────────────────────┴────────────────────────┴───────────────┘
     Total params: 101,770 (397.54 KB)
     Trainable params: 101,770 (397.54 KB)
     Non-trainable params: 0 (0.00 B)

(Keras also counts the optimizer's variables after training; this table does not.) What is not here:
the model (model.py).
"""

from __future__ import annotations

import numpy as np

WIDTHS = (33, 24, 15)


def _size(count: int, itemsize: int) -> str:
    n = count * itemsize
    for unit, scale in (("GB", 1 << 30), ("MB", 1 << 20), ("KB", 1 << 10)):
        if n >= scale:
            return f"{n / scale:.2f} {unit}"
    return f"{n:.2f} B"


def counts(model) -> tuple:
    """(total, trainable, non-trainable) parameter counts."""
    if not model.built:
        model.build()
    total = int(model._params.size)
    trainable = sum(layer.count_trainable_params() for layer in model.layers)
    return total, trainable, total - trainable


def summary_text(model) -> str:
    if not model.built:
        model.build()
    w = WIDTHS

    def row(a, b, c, left="│", mid="│", right="│"):
        return f"{left} {a:<{w[0] - 2}} {mid} {b:<{w[1] - 2}} {mid} {c:>{w[2] - 2}} {right}"

    lines = [f'Model: "{model.name}"',
             "┏" + "┳".join("━" * n for n in w) + "┓",
             row("Layer (type)", "Output Shape", "Param #", "┃", "┃", "┃"),
             "┡" + "╇".join("━" * n for n in w) + "┩"]
    for i, layer in enumerate(model.layers):
        if i:
            lines.append("├" + "┼".join("─" * n for n in w) + "┤")
        shape = str((None,) + tuple(layer.output_shape))
        lines.append(row(f"{layer.name} ({getattr(layer, 'keras_class', type(layer).__name__)})", shape,
                        f"{layer.count_params():,}"))
    lines.append("└" + "┴".join("─" * n for n in w) + "┘")
    total, trainable, frozen = counts(model)
    itemsize = np.dtype(model.dtype).itemsize
    lines += [f" Total params: {total:,} ({_size(total, itemsize)})",
              f" Trainable params: {trainable:,} ({_size(trainable, itemsize)})",
              f" Non-trainable params: {frozen:,} ({_size(frozen, itemsize)})"]
    return "\n".join(lines)


def summary_line(model) -> str:
    """One line, e.g. ``784 → 128 relu → 10 softmax · 101,770 parameters``."""
    from mnist_gui.nn.activation_layers import Activation
    from mnist_gui.nn.dropout import Dropout
    if not model.built:
        model.build()
    parts = [str(int(np.prod(model.layers[0].input_shape)))]
    for layer in model.layers:
        text = layer.describe()
        if isinstance(layer, (Activation, Dropout)) and len(parts) > 1:
            parts[-1] += f" ({text})" if isinstance(layer, Dropout) else f" {text}"
        elif text:
            parts.append(text)
    return " → ".join(parts) + f" · {model.count_params():,} parameters"
