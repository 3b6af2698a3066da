"""A Sequential as an ONNX file (``export_onnx``), for onnxruntime, Netron, OpenCV's dnn module and the rest.

The graph is ONNX opset 17 (IR version 8; tested with onnx 1.14 and onnxruntime 1.15 and later) and
computes what ``model.predict`` returns: class probabilities (N, classes) for a softmax model, named
``probabilities``, or the logits of a linear output, named ``output`` (as Keras's predict). The input,
``input``, is float32 with the model's input shape and a dynamic batch axis (``batch``): for the app's
models, which start with ``Rescaling(1/255)``, pixels 0-255 as floats (``x.astype(np.float32)``). Weights
are written as float32 whatever the model's dtype; the class names are in the metadata (``class_names``).

Layout: the engine is channels-last (NHWC) and ONNX's Conv and pooling are channels-first (NCHW), so the
graph carries tensors in the engine's layout and transposes into NCHW in front of the first image layer of
a run and back only when a layer needs the engine's order (Flatten, Reshape, Dense, the output), which
keeps Flatten's element order the engine's. Element-wise layers (activations, Rescaling, Dropout,
BatchNormalization as a per-channel multiply-add) run in whichever layout the tensor is in.

The ``onnx`` package builds and checks the graph; it is imported inside ``to_onnx`` only, so the engine
stays NumPy-only and the export needs the optional extra (``pip install mnist-gui[onnx]``). What is not
here: running the file (onnxruntime, in the tests), the command line (cli/export.py) and the menu
(ui/main_menus.py).
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

import mnist_gui
from mnist_gui.core.files import atomic_write

OPSET = 17
IR_VERSION = 8          # the IR version of opset 17 (onnx 1.12); newer runtimes read it, older ones need it
INPUT_NAME = "input"
MAX_BYTES = 2**31 - 2**24   # protobuf's 2 GB limit on one message, less room for the graph itself
INSTALL_HINT = "pip install mnist-gui[onnx]"
_TO_NCHW, _TO_NHWC = [0, 3, 1, 2], [0, 2, 3, 1]


def _import_onnx():
    try:
        import onnx
        from onnx import helper, numpy_helper
    except ImportError:
        raise ImportError(f"ONNX export needs the onnx package: {INSTALL_HINT}") from None
    return onnx, helper, numpy_helper


class _Graph:
    """The nodes and weights made so far, the current tensor ``x`` (its name), its per-sample ``shape`` in
    the engine's layout, and whether it is held channels-first (``nchw``, rank-4 tensors only)."""

    def __init__(self, helper, numpy_helper, input_shape):
        self.helper, self.numpy_helper = helper, numpy_helper
        self.nodes, self.weights = [], []
        self.x, self.shape, self.nchw = INPUT_NAME, tuple(input_shape), False
        self._count = 0

    def _name(self, hint):
        self._count += 1
        return f"{hint}_{self._count}"

    def weight(self, hint, array) -> str:
        name = self._name(hint)
        self.weights.append(self.numpy_helper.from_array(np.ascontiguousarray(array, np.float32), name))
        return name

    def op(self, op_type, inputs, hint, **attrs) -> str:
        """Add one node taking ``inputs`` (names), make its output the current tensor and return it."""
        self.x = self._name(hint)
        self.nodes.append(self.helper.make_node(op_type, list(inputs), [self.x], name=self.x, **attrs))
        return self.x

    def to_nchw(self, hint):
        if not self.nchw:
            self.op("Transpose", [self.x], f"{hint}/to_nchw", perm=_TO_NCHW)
            self.nchw = True

    def to_engine_layout(self, hint):
        if self.nchw:
            self.op("Transpose", [self.x], f"{hint}/to_nhwc", perm=_TO_NHWC)
            self.nchw = False

    def per_channel(self, vector) -> np.ndarray:
        """``vector`` (C,) shaped to broadcast over the channel axis of the current tensor."""
        vector = np.asarray(vector, np.float32)
        return vector.reshape(-1, 1, 1) if self.nchw else vector


def _activation(g, function, hint):
    """The node for one ActivationFunction (none for linear)."""
    name = function.name
    if name == "linear":
        return
    if name == "relu":
        g.op("Relu", [g.x], f"{hint}/relu")
    elif name == "leaky_relu":
        g.op("LeakyRelu", [g.x], f"{hint}/leaky_relu", alpha=float(function.negative_slope))
    elif name == "tanh":
        g.op("Tanh", [g.x], f"{hint}/tanh")
    elif name == "sigmoid":
        g.op("Sigmoid", [g.x], f"{hint}/sigmoid")
    elif name == "softmax":
        g.to_engine_layout(hint)
        g.op("Softmax", [g.x], f"{hint}/softmax", axis=-1)
    else:
        raise ValueError(f"cannot export activation {name!r} to ONNX")


def _bias(layer):
    bias = getattr(layer, "bias", None)
    return None if bias is None or not getattr(layer, "use_bias", True) else bias


def _dense(g, layer):
    g.to_engine_layout(layer.name)
    inputs = [g.x, g.weight(f"{layer.name}/kernel", layer.kernel)]
    bias = _bias(layer)
    if bias is not None:
        inputs.append(g.weight(f"{layer.name}/bias", bias))
    g.op("Gemm", inputs, f"{layer.name}/gemm")
    _activation(g, layer.activation, layer.name)


def _conv2d(g, layer):
    g.to_nchw(layer.name)
    kernel = np.transpose(layer.kernel, (3, 2, 0, 1))      # (kh, kw, C, F) -> (F, C, kh, kw)
    inputs = [g.x, g.weight(f"{layer.name}/kernel", kernel)]
    bias = _bias(layer)
    if bias is not None:
        inputs.append(g.weight(f"{layer.name}/bias", bias))
    top, bottom, left, right = getattr(layer, "_pad", (0, 0, 0, 0))
    g.op("Conv", inputs, f"{layer.name}/conv", kernel_shape=list(layer.kernel_size), strides=list(layer.strides),
         pads=[top, left, bottom, right], dilations=list(getattr(layer, "dilation_rate", (1, 1))))
    _activation(g, layer.activation, layer.name)


def _pool_pads(layer, shape):
    """ONNX pads [top, left, bottom, right] for a pooling layer; TensorFlow's 'same' puts the odd one last."""
    if getattr(layer, "padding", "valid") != "same":
        return [0, 0, 0, 0]
    (h, w), (p, q) = shape[:2], layer.pool_size
    sh, sw = getattr(layer, "strides", None) or layer.pool_size
    pad_h = max((-(-h // sh) - 1) * sh + p - h, 0)
    pad_w = max((-(-w // sw) - 1) * sw + q - w, 0)
    return [pad_h // 2, pad_w // 2, pad_h - pad_h // 2, pad_w - pad_w // 2]


def _pooling(op_type):
    def convert(g, layer):
        pads = _pool_pads(layer, g.shape)
        g.to_nchw(layer.name)
        strides = getattr(layer, "strides", None) or layer.pool_size
        extra = {"count_include_pad": 0} if op_type == "AveragePool" else {}
        g.op(op_type, [g.x], f"{layer.name}/{op_type.lower()}", kernel_shape=list(layer.pool_size),
             strides=list(strides), pads=pads, **extra)
    return convert


def _global_average(g, layer):
    g.to_nchw(layer.name)
    g.op("GlobalAveragePool", [g.x], f"{layer.name}/mean")         # (B, C, 1, 1)
    if getattr(layer, "keepdims", False):
        g.to_engine_layout(layer.name)
    else:
        g.op("Flatten", [g.x], f"{layer.name}/flatten", axis=1)
        g.nchw = False


def _batch_norm(g, layer):
    """Inference mode: ``gamma * (x - moving_mean) / sqrt(moving_variance + epsilon) + beta`` per channel,
    folded into one multiply and one add."""
    variance = np.asarray(layer.moving_variance, np.float64)
    mean = np.asarray(layer.moving_mean, np.float64)
    gamma = getattr(layer, "gamma", None)
    beta = getattr(layer, "beta", None)
    scale = (np.ones_like(variance) if gamma is None else np.asarray(gamma, np.float64)) \
        / np.sqrt(variance + float(layer.epsilon))
    shift = (np.zeros_like(mean) if beta is None else np.asarray(beta, np.float64)) - mean * scale
    g.op("Mul", [g.x, g.weight(f"{layer.name}/scale", g.per_channel(scale))], f"{layer.name}/scale")
    g.op("Add", [g.x, g.weight(f"{layer.name}/shift", g.per_channel(shift))], f"{layer.name}/shift")


def _rescaling(g, layer):
    g.op("Mul", [g.x, g.weight(f"{layer.name}/scale", np.float32(layer.scale))], f"{layer.name}/scale")
    if layer.offset:
        g.op("Add", [g.x, g.weight(f"{layer.name}/offset", np.float32(layer.offset))], f"{layer.name}/offset")


def _reshape(g, layer):
    g.to_engine_layout(layer.name)
    shape = np.asarray((-1,) + tuple(layer.output_shape), np.int64)
    name = g._name(f"{layer.name}/shape")
    g.weights.append(g.numpy_helper.from_array(shape, name))
    g.op("Reshape", [g.x, name], f"{layer.name}/reshape")


def _flatten(g, layer):
    g.to_engine_layout(layer.name)
    g.op("Flatten", [g.x], f"{layer.name}/flatten", axis=1)


def _nested(g, layer):
    """A model used as a layer (``Sequential([model, Softmax()])``): its layers, in line."""
    for inner in layer.model.layers:
        _convert(g, inner)


CONVERTERS = {
    "NestedModel": _nested, "Dense": _dense, "Conv2D": _conv2d, "MaxPooling2D": _pooling("MaxPool"),
    "AveragePooling2D": _pooling("AveragePool"), "GlobalAveragePooling2D": _global_average,
    "BatchNormalization": _batch_norm, "Rescaling": _rescaling, "Reshape": _reshape, "Flatten": _flatten,
    "Dropout": lambda g, layer: None,          # identity at inference
    "InputLayer": lambda g, layer: None,
    "Activation": lambda g, layer: _activation(g, layer.activation, layer.name),
}


def converter_for(layer):
    """The function that adds ``layer`` to a graph (looked up along its class's bases), or None."""
    for cls in type(layer).__mro__:
        if cls.__name__ in CONVERTERS:
            return CONVERTERS[cls.__name__]
    return None


def _convert(g, layer):
    converter_for(layer)(g, layer)
    g.shape = tuple(layer.output_shape)


def _unconvertible(layers) -> list[str]:
    missing = []
    for layer in layers:
        if converter_for(layer) is None:
            missing.append(f"{layer.name} ({type(layer).__name__})")
        elif converter_for(layer) is _nested:
            missing += _unconvertible(layer.model.layers)
    return missing


def to_onnx(model):
    """``model`` (a Sequential; built here if needed) as an ``onnx.ModelProto``, checked by onnx.checker.
    Raises ImportError naming the extra when onnx is missing, ValueError for a layer ONNX cannot express."""
    onnx, helper, numpy_helper = _import_onnx()
    if not model.built:
        model.build()
    size = int(model.count_params()) * 4
    if size > MAX_BYTES:
        raise ValueError(f"the model's {size / 2**30:.1f} GB of weights do not fit in one ONNX file (2 GB at most)")
    missing = _unconvertible(model.layers)
    if missing:
        raise ValueError(f"cannot export to ONNX: no conversion for {', '.join(missing)}")
    g = _Graph(helper, numpy_helper, model.layers[0].input_shape)
    for layer in model.layers:
        _convert(g, layer)
    g.to_engine_layout("output")
    output = "probabilities" if g.nodes and g.nodes[-1].op_type == "Softmax" else "output"
    g.nodes.append(helper.make_node("Identity", [g.x], [output], name=output))
    float32 = onnx.TensorProto.FLOAT
    graph = helper.make_graph(
        g.nodes, model.name,
        [helper.make_tensor_value_info(INPUT_NAME, float32, ["batch", *model.layers[0].input_shape])],
        [helper.make_tensor_value_info(output, float32, ["batch", *model.output_shape])],
        initializer=g.weights)
    proto = helper.make_model(graph, producer_name="mnist-gui", producer_version=mnist_gui.__version__,
                              opset_imports=[helper.make_opsetid("", OPSET)],
                              doc_string=f"{model.summary_line()}; input: {_input_words(model)}")
    proto.ir_version = IR_VERSION
    helper.set_model_props(proto, {"class_names": json.dumps(list(model.class_names)),
                                   "mnist_gui_layers": json.dumps([type(layer).__name__ for layer in model.layers])})
    onnx.checker.check_model(proto)
    return proto


def _input_words(model) -> str:
    first = model.layers[0]
    shape = " x ".join(map(str, first.input_shape))
    if type(first).__name__ == "Rescaling" and abs(first.scale * 255 - 1) < 1e-9 and not first.offset:
        return f"float32 (batch, {shape}) pixels 0-255, white ink on black as in MNIST"
    return f"float32 (batch, {shape})"


def export_onnx(model, path) -> Path:
    """Write ``model`` as an ONNX file at ``path`` (exactly that name; written to a temporary file and
    renamed, so a failure leaves no half file) and return the path. Errors: see ``to_onnx``; OSError when
    the file cannot be written."""
    data = to_onnx(model).SerializeToString()
    path = Path(path)
    with atomic_write(path) as f:
        f.write(data)
    return path
