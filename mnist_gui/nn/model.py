"""Sequential: a stack of layers with one flat parameter vector, Keras's compile/fit/evaluate/predict.

The model allocates a single parameter vector and a single gradient vector (kernels first, then
biases) and gives each layer views into them, so the optimizer updates everything in a few vectorised
operations. A softmax output is fused with the cross-entropy loss: the network runs up to the logits
and the loss (or ``predict``) applies the softmax. What is not here: the training loop (training.py),
writing a model file (saving.py, which ``save`` calls) and reading one (serialization.load_model, which
builds a Sequential: the dependency goes that one way).
"""

from __future__ import annotations

import numpy as np

from mnist_gui.nn import seeding
from mnist_gui.nn.activations import SoftmaxFunction
from mnist_gui.nn.activation_layers import Activation
from mnist_gui.nn.conv import Reshape
from mnist_gui.nn.feed import InputFeed, input_prefix
from mnist_gui.nn.layers import Dense, Dropout, Flatten, Layer, Rescaling
from mnist_gui.nn.losses import get_loss
from mnist_gui.nn.optimizers import get_optimizer
from mnist_gui.nn.saving import save_model
from mnist_gui.nn.threads import blas_threads, training_threads
from mnist_gui.nn.training import fit

_METRICS = {"accuracy", "acc", "sparse_categorical_accuracy", "categorical_accuracy"}


class Sequential:
    """A linear stack of layers.

    ``seed``: the integer all of this model's randomness derives from (initial weights, shuffling,
    dropout); None draws one (see ``seeding.set_random_seed``). ``dtype``: float32; float64 exists for
    the gradient checks in the tests.
    """

    def __init__(self, layers=None, name: str = "sequential", seed: int | None = None, dtype=np.float32):
        self.name = name
        self.dtype = np.dtype(dtype)
        if self.dtype not in (np.float32, np.float64):
            raise ValueError(f"dtype must be float32 or float64, got {self.dtype}")
        self.seed = seeding.check_seed(seed) if seed is not None else seeding.draw_seed()
        self.layers: list[Layer] = []
        self.built = False
        self.optimizer = self.loss = None
        self.stop_training = False
        self.epochs_trained = 0
        self.class_names: list[str] | None = None
        self.metadata: dict = {}
        # the layers' names, the next free number per automatic name, and how many layers they cover
        self._names, self._name_counts, self._named = set(), {}, 0
        for layer in layers or []:
            self.add(layer)

    def add(self, layer: Layer) -> None:
        if not isinstance(layer, Layer):
            raise TypeError(f"Sequential takes layers such as Dense(128), got {type(layer).__name__}")
        if self._named != len(self.layers):  # someone edited self.layers directly
            self._names = {existing.name for existing in self.layers}
            self._name_counts.clear()
        if layer.name is None:
            layer.name = self._free_name(type(layer).__name__)
        self._names.add(layer.name)
        self.layers.append(layer)
        self._named = len(self.layers)
        self.built = False

    def _free_name(self, class_name: str) -> str:
        """Keras's automatic name: ``dense``, then ``dense_1``, ``dense_2``, ...; skipping names taken.
        One counter per base name, so adding n layers takes linear time, not quadratic."""
        base = "".join("_" + c.lower() if c.isupper() else c for c in class_name).lstrip("_")
        if base not in self._names:
            return base
        i = self._name_counts.get(base, 1)
        while f"{base}_{i}" in self._names:
            i += 1
        self._name_counts[base] = i + 1
        return f"{base}_{i}"

    @property
    def input_shape(self):
        return self.layers[0].input_shape if self.layers else None

    def build(self, input_shape=None, initialize: bool = True) -> None:
        """Fix every layer's shape, allocate the parameter vectors and initialise the weights
        (``initialize=False`` leaves them zero, for a caller that fills them, e.g. load_model)."""
        if not self.layers:
            raise ValueError("the model has no layers")
        shape = tuple(input_shape) if input_shape is not None else self.layers[0].input_shape
        if shape is None:
            raise ValueError("the model does not know its input shape: give the first layer input_shape=..., "
                             "e.g. Flatten(input_shape=(28, 28)), or call fit/build first")
        for layer in self.layers:
            shape = layer.build(shape, self.dtype)
        self.output_shape = shape
        specs = [(layer, pname, pshape) for layer in self.layers for pname, pshape in layer.param_shapes()]
        # kernels first, so "all kernels" (what L2 and weight decay act on) is one contiguous slice
        specs.sort(key=lambda s: s[1] != "kernel")
        total = sum(int(np.prod(s[2])) for s in specs)
        self._params = np.zeros(total, self.dtype)
        self._grads = np.zeros(total, self.dtype)
        self._n_kernel = sum(int(np.prod(s[2])) for s in specs if s[1] == "kernel")
        views, offset = {}, 0
        for layer, pname, pshape in specs:
            size = int(np.prod(pshape))
            views.setdefault(id(layer), ({}, {}))
            views[id(layer)][0][pname] = self._params[offset:offset + size].reshape(pshape)
            views[id(layer)][1][pname] = self._grads[offset:offset + size].reshape(pshape)
            offset += size
        rng = seeding.init_rng(self.seed)
        for layer in self.layers:
            if layer.param_shapes():
                layer.bind(*views[id(layer)])
                if initialize:
                    layer.init_params(rng)
        last = self.layers[-1]
        self._ends_in_softmax = last.activation.name == "softmax" if isinstance(last, (Dense, Activation)) else False
        for layer in self.layers:
            if isinstance(layer, Dense):
                layer.output_logits = layer is last and self._ends_in_softmax
        logit_layers = self.layers[:-1] if isinstance(last, Activation) and self._ends_in_softmax else self.layers
        self._prefix = logit_layers[:input_prefix(logit_layers)]
        self._body = logit_layers[len(self._prefix):]
        # no layer before the first one with parameters needs an input gradient
        first = next((i for i, layer in enumerate(self._body) if layer.param_shapes()), len(self._body))
        self._backward_plan = [(layer, i > first) for i, layer in reversed(list(enumerate(self._body)))
                               if i >= first]
        self._softmax = SoftmaxFunction()
        if self.class_names is None or len(self.class_names) != self.num_classes:
            self.class_names = [str(i) for i in range(self.num_classes)]
        self.built = True
        if self.optimizer is not None:
            self.optimizer.build(self._params, self._grads, self._n_kernel)

    @property
    def num_classes(self) -> int:
        return int(self.output_shape[-1])

    def compile(self, optimizer="adam", loss="sparse_categorical_crossentropy", metrics=None) -> None:
        """Choose the optimizer (name or object) and loss. Accuracy is always tracked; ``metrics`` may
        name it (``['accuracy']``) for Keras compatibility."""
        for metric in metrics or []:
            if metric not in _METRICS:
                raise ValueError(f"unknown metric: {metric!r} (only 'accuracy' is supported)")
        self.optimizer = get_optimizer(optimizer)
        self.loss = get_loss(loss)
        if self.layers:
            last = self.layers[-1]
            softmax = isinstance(last, (Dense, Activation)) and last.activation.name == "softmax"
            if softmax and self.loss.from_logits:
                raise ValueError(f"{self.loss.name} was given from_logits=True but the last layer already "
                                 "applies softmax; use from_logits=False or a linear last layer")
            if not softmax and not self.loss.from_logits:
                raise ValueError(f"{self.loss.name} needs a softmax output layer, e.g. Dense(10, activation="
                                 f"'softmax'); for a linear last layer pass {type(self.loss).__name__}"
                                 "(from_logits=True)")
        if self.built:
            self.optimizer.build(self._params, self._grads, self._n_kernel)
        elif self.input_shape is not None:
            self.build()

    def fit(self, x, y, epochs=1, batch_size=32, validation_split=0.0, validation_data=None, shuffle=True,
            callbacks=None, verbose=0, seed=None, threads="auto", augmentation=None):
        """Train; returns a History. See training.fit for the details."""
        return fit(self, x, y, epochs=epochs, batch_size=batch_size, validation_split=validation_split,
                   validation_data=validation_data, shuffle=shuffle, callbacks=callbacks, verbose=verbose,
                   seed=seed, threads=threads, augmentation=augmentation)

    def _feed(self, x) -> InputFeed:
        if not self.built:
            self.build(np.shape(x)[1:] if self.input_shape is None else None)
        return InputFeed(x, self._prefix, self.layers[0].input_shape, self.dtype)

    def _logits(self, batch, training=False):
        for layer in self._body:
            batch = layer.forward(batch, training)
        return batch

    def predict(self, x, batch_size: int = 256) -> np.ndarray:
        """Class probabilities, (N, num_classes) in the model dtype (rows sum to 1). Broken weights whose
        outputs overflow give uniform rows, never NaN (see SoftmaxFunction); ``model_outputs_finite``
        tells such a model apart."""
        feed = self._feed(x)
        out = np.empty((feed.n, self.num_classes), self.dtype)
        softmax = self._ends_in_softmax or (self.loss is not None and self.loss.from_logits)
        # overflow in a broken model is handled by the softmax, so it needs no warning
        with blas_threads(training_threads()), np.errstate(over="ignore", invalid="ignore"):
            for lo in range(0, feed.n, max(int(batch_size), 1)):
                hi = min(lo + batch_size, feed.n)
                z = self._logits(feed.slice(lo, hi))
                if softmax:
                    self._softmax.forward(z, out[lo:hi])
                else:
                    out[lo:hi] = z
        return out

    def evaluate(self, x, y, batch_size: int = 256) -> list:
        """[mean loss, accuracy] over the whole of (x, y)."""
        if self.loss is None:
            raise ValueError("compile the model before evaluate()")
        feed = self._feed(x)
        targets = self.loss.prepare_targets(y, self.num_classes)
        with blas_threads(training_threads()):
            return self._evaluate_feed(feed, targets, batch_size)

    def _evaluate_feed(self, feed, targets, batch_size=256) -> list:
        if len(targets) != feed.n:
            raise ValueError(f"x has {feed.n} samples but y has {len(targets)}")
        if feed.n == 0:
            raise ValueError("cannot evaluate on an empty data set")
        total, correct = 0.0, 0
        for lo in range(0, feed.n, max(int(batch_size), 1)):
            hi = min(lo + batch_size, feed.n)
            loss_sum, hits = self.loss.evaluate(self._logits(feed.slice(lo, hi)), targets[lo:hi])
            total += loss_sum
            correct += hits
        return [total / feed.n, correct / feed.n]

    def loss_and_gradients(self, x, y, training: bool = False):
        """(mean loss, gradients) on the batch (x, y) without changing the weights; the gradients are
        copies in ``get_weights`` order. ``training=True`` applies dropout (from the model's stream)."""
        if self.loss is None:
            raise ValueError("compile the model before loss_and_gradients()")
        feed = self._feed(x)
        targets = self.loss.prepare_targets(y, self.num_classes)
        if training:
            rng = seeding.epoch_rng(self.seed, self.epochs_trained)
            for layer in self.layers:
                if isinstance(layer, Dropout):
                    layer.rng = rng
        z = feed.take(np.arange(feed.n))
        for layer in self._body:
            # every layer records what its backward needs; only dropout cares whether this is training
            z = layer.forward(z, training or not isinstance(layer, Dropout))
        loss_sum, _ = self.loss.forward_backward(z, targets, 1.0)
        for layer, need_dx in self._backward_plan:
            z = layer.backward(z, need_dx)
        grads = [getattr(layer, pname + "_grad").copy() for layer in self.layers for pname, _ in layer.param_shapes()]
        return loss_sum / feed.n, grads

    def count_params(self) -> int:
        if not self.built:
            self.build()
        return int(self._params.size)

    def get_weights(self) -> list:
        """Copies of every layer's arrays in Keras's order (kernel, bias, kernel, bias, ...)."""
        if not self.built:
            self.build()
        return [getattr(layer, pname).copy() for layer in self.layers for pname, _ in layer.param_shapes()]

    def set_weights(self, weights) -> None:
        if not self.built:
            self.build()
        targets = [getattr(layer, pname) for layer in self.layers for pname, _ in layer.param_shapes()]
        if len(weights) != len(targets):
            raise ValueError(f"expected {len(targets)} arrays, got {len(weights)}")
        for target, value in zip(targets, weights):
            value = np.asarray(value)
            if value.shape != target.shape:
                raise ValueError(f"weight shape mismatch: expected {target.shape}, got {value.shape}")
            np.copyto(target, value, casting="same_kind")

    def summary(self) -> str:
        """A table of the layers, their output shapes and parameter counts."""
        if not self.built:
            self.build()
        rows = [(f"{layer.name} ({type(layer).__name__})", str((None,) + tuple(layer.output_shape)),
                 f"{layer.count_params():,}") for layer in self.layers]
        head = ("Layer (type)", "Output Shape", "Param #")
        widths = [max(len(r[i]) for r in rows + [head]) + 2 for i in range(3)]
        line = "─" * sum(widths)
        fmt = lambda r: "".join(c.ljust(w) for c, w in zip(r, widths)).rstrip()  # noqa: E731
        body = [f'Model: "{self.name}"', line, fmt(head), line] + [fmt(r) for r in rows] + [line]
        body.append(f"Total params: {self.count_params():,}")
        return "\n".join(body)

    def summary_line(self) -> str:
        """One line, e.g. ``784 → 128 relu → 10 softmax · 101,770 parameters``."""
        if not self.built:
            self.build()
        parts = [str(int(np.prod(self.layers[0].input_shape)))]
        for layer in self.layers:
            if isinstance(layer, (Flatten, Rescaling, Reshape)):
                continue
            text = layer.describe()
            if isinstance(layer, (Activation, Dropout)) and len(parts) > 1:
                parts[-1] += f" ({text})" if isinstance(layer, Dropout) else f" {text}"
            elif text:
                parts.append(text)
        return " → ".join(parts) + f" · {self.count_params():,} parameters"

    def save(self, path, include_optimizer: bool = True):
        """Write one .npz file (see saving.py; ``load_model`` reads it back); returns the path written."""
        return save_model(self, path, include_optimizer=include_optimizer)

    def __repr__(self):
        return f"Sequential({len(self.layers)} layers, name={self.name!r})"
