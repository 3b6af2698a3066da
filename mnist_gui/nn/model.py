"""Sequential: a stack of layers with one flat parameter vector, Keras's compile/fit/evaluate/predict.

The model allocates a single parameter vector and a single gradient vector (kernels first, then biases) and
gives each layer views into them, so the optimizer updates everything in a few vectorised operations; the
spans of the vector that belong to trainable arrays are what the optimizer visits (``_trainable_ranges``, read
at every ``fit``). A softmax output is fused with the cross-entropy loss: the network runs up to the logits
and the loss (or ``predict``) applies the softmax. A convolution followed by a 2x2 max pooling runs as
one fused step in fit, evaluate and predict (``_body``; fusion.py), the layers staying as they are.
What is not here: the training loop (training.py), predict/evaluate/``model(x)`` (model_run.py), adding,
removing and finding layers and which arrays train (layer_stack.py), the summary table (summary.py), a model
used as a layer (nested.py), writing a model file (saving.py) and reading one (serialization.load_model,
which builds a Sequential: the dependency goes that one way).
"""

from __future__ import annotations

import numpy as np

from mnist_gui.nn import fusion, model_run, seeding, summary
from mnist_gui.nn.activation_layers import Activation
from mnist_gui.nn.activations import SoftmaxFunction
from mnist_gui.nn.core_layers import Dense, Layer
from mnist_gui.nn.dropout import Dropout
from mnist_gui.nn.layer_stack import LayerStack
from mnist_gui.nn.feed import InputFeed, input_prefix
from mnist_gui.nn.losses import get_loss
from mnist_gui.nn.metrics import check_metrics
from mnist_gui.nn.nested import NestedModel
from mnist_gui.nn.optimizers import get_optimizer
from mnist_gui.nn.saving import save_model
from mnist_gui.nn.training import fit


class Sequential(LayerStack):
    """A linear stack of layers.

    ``seed``: the integer all of this model's randomness derives from (initial weights, shuffling,
    dropout); None draws one (see ``seeding.set_random_seed``). ``dtype``: float32; float64 exists for
    the gradient checks in the tests.
    """

    fuse_layers = True  # run conv+pool pairs as one step (False: layer by layer, for comparisons)

    def __init__(self, layers=None, name: str = "sequential", seed: int | None = None, dtype=np.float32,
                 trainable: bool = True):
        self.name = name
        self.dtype = np.dtype(dtype)
        if self.dtype not in (np.float32, np.float64):
            raise ValueError(f"dtype must be float32 or float64, got {self.dtype}")
        self.seed = seeding.check_seed(seed) if seed is not None else seeding.draw_seed()
        self.layers: list[Layer] = []
        self.built = False
        self.optimizer = self.loss = None
        self.metric_names: list[str] = []
        self.stop_training = False
        self.epochs_trained = 0
        self.class_names: list[str] | None = None
        self.metadata: dict = {}
        self._input_shape = None  # from keras.Input(...), kept until a first layer takes it
        # the layers' names, the next free number per automatic name, and how many layers they cover
        self._names, self._name_counts, self._named = set(), {}, 0
        for layer in layers or []:
            self.add(layer)
        if not trainable:
            self.trainable = False

    @property
    def input_shape(self):
        return self.layers[0].input_shape if self.layers and self.layers[0].input_shape else self._input_shape

    def build(self, input_shape=None, initialize: bool = True, params=None, grads=None) -> None:
        """Fix every layer's shape, allocate the parameter vectors and initialise the weights
        (``initialize=False`` leaves them zero, for a caller that fills them, e.g. load_model).
        ``params``/``grads``: vectors to use instead of new ones (a model nested in another)."""
        if not self.layers:
            raise ValueError("the model has no layers")
        if input_shape is not None and len(input_shape) and input_shape[0] is None:
            input_shape = input_shape[1:]  # Keras's build((None, 28, 28))
        shape = tuple(input_shape) if input_shape is not None else self.input_shape
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
        self._params = np.zeros(total, self.dtype) if params is None else params
        self._grads = np.zeros(total, self.dtype) if grads is None else grads
        self._n_kernel = sum(int(np.prod(s[2])) for s in specs if s[1] == "kernel")
        views, offset = {}, 0
        self._spans = []  # (layer, array name, start, stop) in the flat vector
        for layer, pname, pshape in specs:
            size = int(np.prod(pshape))
            views.setdefault(id(layer), ({}, {}))
            views[id(layer)][0][pname] = self._params[offset:offset + size].reshape(pshape)
            views[id(layer)][1][pname] = self._grads[offset:offset + size].reshape(pshape)
            self._spans.append((layer, pname, offset, offset + size))
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
        # what fit, evaluate and predict run: the layers, with conv+pool pairs fused (conv_pool.py)
        self._body = fusion.fuse(logit_layers[len(self._prefix):]) if self.fuse_layers \
            else logit_layers[len(self._prefix):]
        self._backward_plan = self._plan(lambda layer: bool(layer.param_shapes()))
        self._softmax = SoftmaxFunction()
        if self.class_names is None or len(self.class_names) != self.num_classes:
            self.class_names = [str(i) for i in range(self.num_classes)]
        self.built = True
        if self.optimizer is not None:
            self._build_optimizer()

    def _build_optimizer(self) -> None:
        self.optimizer.build(self._params, self._grads, self._n_kernel, self._trainable_ranges())

    @property
    def num_classes(self) -> int:
        return int(self.output_shape[-1])

    def compile(self, optimizer="adam", loss="sparse_categorical_crossentropy", metrics=None) -> None:
        """Choose the optimizer (name or object), loss (name or object) and metrics. Accuracy is the one
        metric, under the name asked for ('accuracy', 'acc', 'sparse_categorical_accuracy',
        'categorical_accuracy'); ``metrics=[]`` tracks the loss alone; ``None`` tracks 'accuracy' (the
        app's models rely on it; Keras would track the loss alone)."""
        names = check_metrics(metrics)
        self.optimizer = get_optimizer(optimizer)
        self.loss = get_loss(loss)
        self.metric_names = names
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
            self._build_optimizer()
        elif self.input_shape is not None:
            self.build()

    def fit(self, x, y, batch_size=None, epochs=1, verbose="auto", callbacks=None, validation_split=0.0,
            validation_data=None, shuffle=True, class_weight=None, sample_weight=None, initial_epoch=0,
            seed=None, threads="auto", augmentation=None):
        """Train; returns a History. Keras's arguments in Keras's order; see training.fit."""
        return fit(self, x, y, batch_size=batch_size, epochs=epochs, verbose=verbose, callbacks=callbacks,
                   validation_split=validation_split, validation_data=validation_data, shuffle=shuffle,
                   class_weight=class_weight, sample_weight=sample_weight, initial_epoch=initial_epoch,
                   seed=seed, threads=threads, augmentation=augmentation)

    def _feed(self, x) -> InputFeed:
        if not self.built:
            self.build(np.shape(x)[1:] if self.input_shape is None else None)
        return InputFeed(x, self._prefix, self.layers[0].input_shape, self.dtype)

    def _logits(self, batch, training=False):
        for layer in self._body:
            batch = layer.forward(batch, training)
        return batch

    def __call__(self, x, training: bool = False):
        """``model(x)``: the outputs for a batch, as ``predict`` gives them, without progress output;
        an ndarray with Keras's ``.numpy()`` (see model_run.KerasArray)."""
        return model_run.call(self, x, training)

    def predict(self, x, batch_size=None, verbose="auto", steps=None, callbacks=None) -> np.ndarray:
        """The model's outputs (N, num_classes): probabilities for a softmax output, the logits for a
        linear one, as in Keras. See model_run.predict."""
        return model_run.predict(self, x, batch_size=batch_size, verbose=verbose, callbacks=callbacks)

    def predict_probabilities(self, x, batch_size: int = 256) -> np.ndarray:
        """Class probabilities whatever the output layer (a softmax applied to logits); never prints."""
        return model_run.predict(self, x, batch_size=batch_size, verbose=0, probabilities=True)

    def evaluate(self, x, y, batch_size=None, verbose="auto", sample_weight=None, steps=None, callbacks=None,
                 return_dict=False):
        """The loss and metrics over (x, y): a float, [loss, metric...] or a dict (``return_dict``)."""
        return model_run.evaluate(self, x, y, batch_size=batch_size, verbose=verbose, sample_weight=sample_weight,
                                  callbacks=callbacks, return_dict=return_dict)

    def _evaluate_feed(self, feed, targets, batch_size=256, weights=None, callbacks=()) -> list:
        """[mean loss (with any regularization penalty), accuracy] over an already prepared feed."""
        return model_run.evaluate_feed(self, feed, targets, batch_size, weights, callbacks)

    def regularization(self, add_gradient: bool = False) -> float:
        """The kernel regularizers' penalty summed over the layers (and, with ``add_gradient``, its
        gradient added to the kernels' gradients)."""
        return sum(layer.regularization(add_gradient) for layer in self.layers)

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
            # every layer records what its backward needs; only dropout and batch normalization compute
            # something else while training
            z = layer.forward(z, training or not layer.mode_dependent)
        loss_sum, _ = self.loss.forward_backward(z, targets, 1.0)
        for layer, need_dx in self._backward_plan:
            z = layer.backward(z, need_dx)
        penalty = self.regularization(add_gradient=True)
        grads = [getattr(layer, pname + "_grad").copy() for layer in self.layers for pname, _ in layer.param_shapes()]
        return loss_sum / feed.n + penalty, grads

    def count_params(self) -> int:
        if not self.built:
            self.build()
        return int(self._params.size)

    def get_weights(self) -> list:
        """Copies of every layer's arrays in Keras's order (kernel, bias, kernel, bias, ...)."""
        if not self.built:
            self.build()
        return [w for layer in self.layers for w in layer.get_weights()]

    def set_weights(self, weights) -> None:
        if not self.built:
            self.build()
        weights = list(weights)
        expected = sum(len(layer.param_shapes()) for layer in self.layers)
        if len(weights) != expected:
            raise ValueError(f"expected {expected} arrays, got {len(weights)}")
        i = 0
        for layer in self.layers:
            n = len(layer.param_shapes())
            if n:
                layer.set_weights(weights[i:i + n])
            i += n

    @property
    def weights(self) -> list:
        if not self.built:
            self.build()
        return [w for layer in self.layers for w in layer.weights]

    def summary(self, line_length=None, positions=None, print_fn=None, **kwargs) -> None:
        """Print Keras's table of the layers with the total, trainable and non-trainable parameter
        counts; ``print_fn`` receives the text instead (``summary_text()`` returns it)."""
        (print_fn or print)(self.summary_text())

    def summary_text(self) -> str:
        return summary.summary_text(self)

    def summary_line(self) -> str:
        """One line, e.g. ``784 → 128 relu → 10 softmax · 101,770 parameters``."""
        return summary.summary_line(self)

    def save(self, filepath, include_optimizer: bool = True):
        """Write the model file (see saving.py; ``load_model`` reads it back); returns the path written:
        ``filepath`` itself when it ends in .keras or .npz, otherwise with ".npz" appended."""
        return save_model(self, filepath, include_optimizer=include_optimizer)

    def save_weights(self, filepath):
        """Write the weights alone (``get_weights()`` order) to one .npz of plain arrays, kept under the
        name given (Keras wants ``.weights.h5``; this is our own format, never a pickle)."""
        from mnist_gui.nn.weights_file import save_weights
        return save_weights(self, filepath)

    def load_weights(self, filepath):
        """Read weights written by ``save_weights`` into this (same-shaped) model."""
        from mnist_gui.nn.weights_file import load_weights_into
        load_weights_into(self, filepath)

    def export_onnx(self, path):
        """Write the model as an ONNX file, for other tools (onnx_export.py; needs the optional ``onnx``
        package, ``pip install mnist-gui[onnx]``); returns the path written."""
        from mnist_gui.nn.onnx_export import export_onnx
        return export_onnx(self, path)

    def __repr__(self):
        return f"Sequential({len(self.layers)} layers, name={self.name!r})"


NestedModel.model_class = Sequential
LayerStack.nested_class = NestedModel
