"""A model file's description (its JSON ``config`` entry), checked before anything is built.

:func:`parse_config` turns the entry's bytes into a dict with limits a hostile file cannot get round:
at most ``MAX_CONFIG_BYTES``, nesting at most ``MAX_JSON_DEPTH`` deep, no NaN or Infinity, and no
integer longer than ``MAX_INT_DIGITS`` digits. :meth:`ModelSpec.from_config` then checks the rest
with arithmetic only, so that no array exists until the whole description is known to be sound and
affordable: the format and version, at most ``MAX_LAYERS`` layers made from their configs (cheap
objects without weights) and fitted together shape by shape, no layer output (nor Conv2D window
matrix) above ``MAX_SAMPLE_VALUES`` values per sample, the parameter count (at most ``MAX_PARAMS``)
and the bytes the loaded model will hold (parameters, gradients, optimizer state and scratch: at most
``MAX_LOAD_BYTES`` unless the caller allows more), the loss and the optimizer, the class names and the
metadata. What is not here: the archive (archive.py) and filling the model (serialization.py).
"""

from __future__ import annotations

import json
import math

import numpy as np

from mnist_gui.nn import seeding
from mnist_gui.nn.archive import ModelFileError
from mnist_gui.nn.conv import Conv2D
from mnist_gui.nn.losses import get_loss
from mnist_gui.nn.metrics import check_metrics
from mnist_gui.nn.optimizers import get_optimizer
from mnist_gui.nn.saving import FORMAT, VERSION


MAX_CONFIG_BYTES = 1 << 20  # a 1,000-layer description is about 150 kB
MAX_JSON_DEPTH = 64  # ours is 5 deep; metadata may nest a little more
MAX_INT_DIGITS = 20  # a seed is below 2**63, 19 digits
MAX_LAYERS = 1000
MAX_PARAMS = 1 << 28
MAX_LOAD_BYTES = 1 << 30
MAX_SAMPLE_VALUES = 1 << 20  # 4 MiB of float32 per sample: a batch of 256 stays within 1 GiB


def _size(n: int) -> str:
    return f"{n / 2**30:,.1f} GiB" if n >= 2**30 else f"{n / 2**20:,.1f} MiB"


def _bounded_int(text: str) -> int:
    if len(text.lstrip("-")) > MAX_INT_DIGITS:
        raise ModelFileError(f"the model description holds a {len(text):,}-digit integer (a model file has "
                             f"none longer than {MAX_INT_DIGITS} digits)")
    return int(text)


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise ModelFileError(f"the model description holds the number {text[:40]}, too large for a float")
    return value


def _no_constant(name: str):
    raise ModelFileError(f"the model description holds {name}, which is not a JSON number")


def _check_depth(value) -> None:
    """Walk the parsed JSON with a stack of its own (never recursion), refusing deep nesting."""
    pending = [(value, 1)]
    while pending:
        node, depth = pending.pop()
        children = node.values() if isinstance(node, dict) else node if isinstance(node, list) else None
        if children is None:
            continue
        if depth > MAX_JSON_DEPTH:
            raise ModelFileError(f"the model description is nested more than {MAX_JSON_DEPTH} levels deep")
        pending.extend((child, depth + 1) for child in children)


def parse_config(raw: bytes) -> dict:
    """The description from its UTF-8 JSON bytes, within the limits above."""
    if len(raw) > MAX_CONFIG_BYTES:
        raise ModelFileError(f"the model description is {_size(len(raw))}, more than the "
                             f"{_size(MAX_CONFIG_BYTES)} a model file may have")
    try:
        config = json.loads(raw.decode("utf-8"), parse_int=_bounded_int, parse_float=_finite_float,
                            parse_constant=_no_constant)
    except ModelFileError:
        raise
    except RecursionError:
        # the decoder recurses once per level: a clean error long before the stack is at risk
        raise ModelFileError(f"the model description is nested more than {MAX_JSON_DEPTH} levels deep") from None
    except (UnicodeDecodeError, ValueError) as exc:  # json.JSONDecodeError is a ValueError
        raise ModelFileError(f"the model description is not valid JSON ({exc})") from None
    _check_depth(config)
    if not isinstance(config, dict) or config.get("format") != FORMAT:
        raise ModelFileError("not a mnist-gui model file")
    version = config.get("version")
    if isinstance(version, bool) or not isinstance(version, int):
        raise ModelFileError("the file has no format version")
    if version > VERSION:
        raise ModelFileError(f"format version {version} is newer than this program reads ({VERSION}); "
                             "update mnist-gui")
    if version != VERSION:
        raise ModelFileError(f"unsupported format version {version}")
    return config


def _check(condition, message):
    if not condition:
        raise ModelFileError(message)


def _is_count(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def load_bytes(param_count: int, itemsize: int, state_arrays: int | None) -> int:
    """Bytes a loaded model holds: parameters and gradients, plus, when compiled (``state_arrays`` is
    not None), the optimizer's scratch vector, its flush mask (1 byte each) and its state arrays."""
    vectors = 2 if state_arrays is None else 3 + state_arrays
    return param_count * (vectors * itemsize + (state_arrays is not None))


class ModelSpec:
    """Everything a model file describes, checked, with its layers made but not built (no arrays).

    Attributes: ``layers``, ``dtype``, ``input_shape``, ``param_count``, ``num_classes``, ``loss`` and
    ``optimizer`` (objects, or None for an uncompiled model), ``state_names`` and ``iterations`` (of a
    saved optimizer state; empty and 0 otherwise), ``name``, ``seed``, ``epochs_trained``,
    ``class_names``, ``metadata``, ``load_bytes``.
    """

    @classmethod
    def from_config(cls, config: dict, max_bytes: int = MAX_LOAD_BYTES) -> "ModelSpec":
        spec = cls()
        spec.dtype = config.get("dtype")
        _check(spec.dtype in ("float32", "float64"), f"unsupported dtype {spec.dtype!r}")
        spec.dtype = np.dtype(spec.dtype)
        spec.layers = make_layers(config.get("layers"))
        try:
            spec.seed = seeding.check_seed(config.get("seed"))
        except ValueError:
            raise ModelFileError("the model has no seed (an integer from 0 to 2**63 - 1)") from None
        spec.name = str(config.get("name", "sequential"))
        spec.input_shape, spec.param_count, spec.num_classes = _fit_layers(spec.layers, config.get("input_shape"),
                                                                           spec.dtype)
        spec._compile_settings(config)
        spec._check_budget(config, max_bytes)
        spec._training_state(config)
        return spec

    def _compile_settings(self, config):
        self.loss = self.optimizer = None
        try:
            self.metrics = check_metrics(config.get("metrics", ["accuracy"]))
        except (TypeError, ValueError) as exc:
            raise ModelFileError(f"bad metrics: {exc}") from None
        self.state_names, self.iterations = [], 0
        opt_spec = config.get("optimizer")
        if config.get("loss") is None:
            _check(opt_spec is None, "an optimizer is saved but no loss")
            return
        _check(opt_spec is None or isinstance(opt_spec, dict) and isinstance(opt_spec.get("config"), dict),
               "bad optimizer settings")
        try:
            self.loss = get_loss(config["loss"])
            # a file saved without its optimizer still loads ready to train, with a default Adam
            self.optimizer = get_optimizer(opt_spec["config"] if opt_spec is not None else "adam")
        except (TypeError, ValueError, KeyError, AttributeError, OverflowError) as exc:
            raise ModelFileError(f"bad loss or optimizer settings: {exc}") from None
        if opt_spec is None:
            return
        iterations, names = opt_spec.get("iterations"), opt_spec.get("state")
        _check(_is_count(iterations), "bad optimizer step count")
        _check(names == sorted(self.optimizer.state_names),
               f"optimizer state {names} does not match {type(self.optimizer).__name__}")
        self.state_names, self.iterations = names, iterations

    def _check_budget(self, config, max_bytes):
        n = self.param_count
        _check(n <= MAX_PARAMS, f"the layers need {n:,} parameters, more than the {MAX_PARAMS:,} a model file "
                                "may hold")
        states = None if self.optimizer is None else len(self.optimizer.state_names)
        self.load_bytes = load_bytes(n, self.dtype.itemsize, states)
        _check(self.load_bytes <= max_bytes,
               f"loading it would take {_size(self.load_bytes)} of memory for {n:,} parameters (with their "
               f"gradients and the optimizer's state), more than the {_size(max_bytes)} allowed")
        recorded = config.get("param_count")
        _check(recorded == n, f"the file records {recorded} parameters but the architecture needs {n}")

    def _training_state(self, config):
        epochs, names, metadata = config.get("epochs_trained"), config.get("class_names"), config.get("metadata")
        _check(_is_count(epochs), "bad epoch count")
        _check(isinstance(names, list) and len(names) == self.num_classes and all(isinstance(n, str) for n in names),
               f"class_names should be {self.num_classes} strings")
        _check(isinstance(metadata, dict), "metadata should be a JSON object")
        self.epochs_trained, self.class_names, self.metadata = epochs, names, metadata

    @property
    def array_names(self) -> list:
        """The archive's arrays besides ``config``: ``params``, then each saved optimizer state."""
        return ["params"] + [f"optimizer/{key}" for key in self.state_names]


def make_layers(layer_specs) -> list:
    _check(isinstance(layer_specs, list) and layer_specs, "the model has no layers")
    _check(len(layer_specs) <= MAX_LAYERS,
           f"the model has {len(layer_specs):,} layers, more than the {MAX_LAYERS:,} a model file may have")
    from mnist_gui.nn.layers import LAYER_CLASSES  # the namespace imports nested.py, which imports this module
    layers = []
    for i, spec in enumerate(layer_specs, 1):
        _check(isinstance(spec, dict) and isinstance(spec.get("config"), dict), f"layer {i} is malformed")
        cls = LAYER_CLASSES.get(spec.get("class")) if isinstance(spec.get("class"), str) else None
        _check(cls is not None, f"layer {i} has an unknown type {spec.get('class')!r}")
        name = spec["config"].get("name")
        _check(name is None or isinstance(name, str), f"layer {i} ({spec['class']}) has a bad configuration: "
                                                      f"its name should be text, got {name!r}")
        try:
            if cls.__name__ == "NestedModel":
                inner = spec["config"].get("layers")
                _check(isinstance(inner, list) and inner, f"layer {i} (a nested model) has no layers")
                layers.append(cls.from_layers(make_layers(inner), spec["config"]))
                continue
            layers.append(cls.from_config(spec["config"]))
        except (TypeError, ValueError, OverflowError) as exc:
            raise ModelFileError(f"layer {i} ({spec['class']}) has a bad configuration: {exc}") from None
    return layers


def _check_shape(shape, what) -> tuple:
    ok = isinstance(shape, (list, tuple)) and 1 <= len(shape) <= 4 and all(
        isinstance(n, (int, np.integer)) and not isinstance(n, bool) and n >= 1 for n in shape)
    _check(ok, f"{what} should be 1 to 4 positive sizes, got {shape!r}")
    _check(math.prod(shape) <= MAX_SAMPLE_VALUES,
           f"{what} is {tuple(shape)}: {math.prod(shape):,} values per sample, more than the "
           f"{MAX_SAMPLE_VALUES:,} a model file may use")
    return tuple(int(n) for n in shape)


def _fit_layers(layers, input_shape, dtype) -> tuple:
    """(input shape, parameter count, number of classes), by shape arithmetic alone: ``Layer.build``
    fixes shapes and allocates nothing."""
    shape = input_shape = _check_shape(input_shape, "the input shape")
    total = 0
    for i, layer in enumerate(layers, 1):
        try:
            out = layer.build(shape, dtype)
        except (TypeError, ValueError, OverflowError, ZeroDivisionError) as exc:
            raise ModelFileError(f"the layers do not fit together: {exc}") from None
        what = f"the output of layer {i} ({type(layer).__name__})"
        for conv in _convolutions(layer):  # a nested model's too
            (kh, kw), channels = conv.kernel_size, conv.input_shape[-1]
            windows = math.prod(conv.output_shape[:2]) * kh * kw * channels
            _check(windows <= MAX_SAMPLE_VALUES, f"layer {i} (Conv2D) would copy {windows:,} values per sample "
                                                 f"into its window matrix, more than the {MAX_SAMPLE_VALUES:,} "
                                                 "a model file may use")
        for inner in _nested_layers(layer):
            _check_shape(inner.output_shape, f"an output inside layer {i} (a nested model)")
        shape = _check_shape(out, what)
        total += layer.count_params()
    return input_shape, total, shape[-1]


def _nested_layers(layer):
    """The layers inside a nested model, at any depth (none for other layers)."""
    pending = list(getattr(getattr(layer, "model", None), "layers", []))
    while pending:
        inner = pending.pop()
        pending.extend(getattr(getattr(inner, "model", None), "layers", []))
        yield inner


def _convolutions(layer):
    return [conv for conv in [layer, *_nested_layers(layer)] if isinstance(conv, Conv2D)]
