"""ONNX export: the file onnxruntime runs gives what model.predict gives (max abs difference 1e-5), for the
bundled default model, every preset and each layer kind on its own; the file passes onnx.checker; the batch
axis is dynamic; a failed export leaves no file behind."""

from __future__ import annotations

import inspect
import json
from pathlib import Path

import numpy as np
import pytest

REASON = "needs the onnx extra: pip install mnist-gui[onnx] (onnx and onnxruntime)"
onnx = pytest.importorskip("onnx", reason=REASON)
ort = pytest.importorskip("onnxruntime", reason=REASON)

import mnist_gui.nn as nn  # noqa: E402
from mnist_gui.nn import presets  # noqa: E402
from mnist_gui.nn.onnx_export import OPSET, converter_for, export_onnx, to_onnx  # noqa: E402

DEFAULT = Path(__file__).resolve().parents[2] / "resources" / "models" / "default.npz"
TOLERANCE = 1e-5


def run_onnx(source, x) -> np.ndarray:
    data = source.SerializeToString() if hasattr(source, "SerializeToString") else str(source)
    session = ort.InferenceSession(data, providers=["CPUExecutionProvider"])
    return session.run(None, {"input": np.asarray(x, np.float32)})[0]


def assert_matches(model, x, tmp_path=None):
    path = export_onnx(model, tmp_path / "model.onnx") if tmp_path else None
    got = run_onnx(path or to_onnx(model), x)
    want = model.predict(x)
    assert got.shape == want.shape
    assert np.abs(got - want).max() <= TOLERANCE, np.abs(got - want).max()
    return got


def randomize(model, seed=1, scale=0.3):
    """Non-zero biases and weights far from their initial values, so a swapped axis or a dropped bias shows."""
    rng = np.random.default_rng(seed)
    model.set_weights([rng.normal(0, scale, w.shape).astype(w.dtype) for w in model.get_weights()])
    for layer in model.layers:
        if hasattr(layer, "moving_variance"):               # a variance is positive
            layer.moving_variance[...] = rng.uniform(0.5, 2.0, layer.moving_variance.shape)
    return model


def images(n=6, seed=0):
    return np.random.default_rng(seed).integers(0, 256, (n, 28, 28)).astype(np.float32)


def test_default_model_round_trip(tmp_path, dataset):
    model = nn.load_model(DEFAULT)
    path = tmp_path / "default.onnx"
    export_onnx(model, path)
    onnx.checker.check_model(str(path))
    got = assert_matches(model, images(8))
    assert np.allclose(got.sum(axis=1), 1.0, atol=1e-5)            # probabilities, as predict gives
    # the real test digits, not only noise: the same answers
    x = dataset.x_test[:256].astype(np.float32)
    assert (run_onnx(path, x).argmax(1) == model.predict(x).argmax(1)).all()


@pytest.mark.parametrize("name", sorted(presets.PRESETS))
def test_every_preset_round_trip(name):
    cfg = presets.PRESETS[name]
    model = presets.build_model(cfg)
    rng = np.random.default_rng(3)
    x = rng.integers(0, 256, (64, 28, 28)).astype(np.uint8)
    model.fit(x, rng.integers(0, 10, 64), epochs=1, batch_size=32)    # two steps: weights moved off their init
    assert_matches(model, images(5))


def test_file_metadata_and_dynamic_batch(tmp_path):
    model = nn.load_model(DEFAULT)
    path = export_onnx(model, tmp_path / "m.onnx")
    proto = onnx.load(str(path))
    assert proto.producer_name == "mnist-gui"
    assert proto.producer_version
    assert [o.version for o in proto.opset_import if o.domain in ("", "ai.onnx")] == [OPSET]
    assert [i.name for i in proto.graph.input] == ["input"]
    assert [o.name for o in proto.graph.output] == ["probabilities"]
    dims = proto.graph.input[0].type.tensor_type.shape.dim
    assert dims[0].dim_param == "batch" and [d.dim_value for d in dims[1:]] == [28, 28]
    props = {p.key: p.value for p in proto.metadata_props}
    assert json.loads(props["class_names"]) == list(model.class_names)
    for n in (1, 3, 17):
        assert run_onnx(path, images(n)).shape == (n, 10)


def _model(*layers, input_shape=(28, 28), loss=None):
    model = nn.Sequential(list(layers), seed=0)
    model.build(input_shape)
    if loss is not None:
        model.compile(optimizer="sgd", loss=loss)
    return randomize(model)


ACTIVATIONS = ["relu", "tanh", "sigmoid", "leaky_relu", "linear", "softmax"]


@pytest.mark.parametrize("activation", ACTIVATIONS)
def test_dense_with_each_activation(activation):
    assert_matches(_model(nn.Flatten(), nn.Dense(12, activation=activation), nn.Dense(7, activation=activation)),
                   images() / 255)


@pytest.mark.parametrize("layer", [nn.ReLU, nn.Tanh, nn.Sigmoid, nn.Softmax, lambda: nn.LeakyReLU(0.2),
                                   lambda: nn.Activation("tanh")], ids=["ReLU", "Tanh", "Sigmoid", "Softmax",
                                                                       "LeakyReLU", "Activation"])
def test_activation_layers(layer):
    assert_matches(_model(nn.Flatten(), nn.Dense(9), layer()), images() / 255)


@pytest.mark.parametrize("padding, strides, size", [("valid", 1, 3), ("same", 1, 3), ("same", 2, 3),
                                                   ("valid", 2, 4), ("same", (2, 1), (3, 2))])
def test_conv2d_padding_and_strides(padding, strides, size):
    # ending in Flatten shows the raw feature maps in the engine's (H, W, C) order
    model = _model(nn.Reshape((28, 28, 1)), nn.Conv2D(4, size, strides=strides, padding=padding, activation="relu"),
                   nn.Conv2D(3, 3, padding=padding), nn.Flatten())
    assert_matches(model, images() / 255)


@pytest.mark.parametrize("pool", [2, 3, (2, 3)])
def test_max_pooling_crops_like_the_engine(pool):
    model = _model(nn.Reshape((28, 28, 1)), nn.Conv2D(5, 3, activation="tanh"), nn.MaxPooling2D(pool), nn.Flatten())
    assert_matches(model, images() / 255)


def test_rescaling_reshape_dropout():
    model = _model(nn.Rescaling(1 / 127.5, offset=-1), nn.Reshape((14, 56)), nn.Dropout(0.5), nn.Flatten(),
                   nn.Dense(10, activation="softmax"))
    assert_matches(model, images())


def test_linear_output_gives_the_logits_as_predict_does():
    model = _model(nn.Flatten(), nn.Dense(10), loss=nn.SparseCategoricalCrossentropy(from_logits=True))
    # Keras's predict (and ours) gives the logits here; so must the file
    got = assert_matches(model, images() / 255)
    assert not np.allclose(got.sum(axis=1), 1.0)


def _optional(name):
    cls = getattr(nn, name, None)
    if cls is None:
        pytest.skip(f"mnist_gui.nn has no {name} yet")
    return cls


def test_average_pooling():
    cls = _optional("AveragePooling2D")
    model = _model(nn.Reshape((28, 28, 1)), nn.Conv2D(3, 3), cls(3), nn.Flatten())
    assert_matches(model, images() / 255)


def test_global_average_pooling():
    cls = _optional("GlobalAveragePooling2D")
    model = _model(nn.Reshape((28, 28, 1)), nn.Conv2D(6, 3, activation="relu"), cls(),
                   nn.Dense(10, activation="softmax"))
    assert_matches(model, images() / 255)


@pytest.mark.parametrize("where", ["conv", "dense"])
def test_batch_normalization_inference(where):
    cls = _optional("BatchNormalization")
    if where == "conv":
        model = _model(nn.Reshape((28, 28, 1)), nn.Conv2D(4, 3), cls(), nn.ReLU(), nn.MaxPooling2D(2), nn.Flatten())
    else:
        model = _model(nn.Flatten(), nn.Dense(16), cls(), nn.Dense(10, activation="softmax"))
    rng = np.random.default_rng(5)
    x = rng.integers(0, 256, (64, 28, 28)).astype(np.uint8)
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy" if where == "dense"
                  else nn.SparseCategoricalCrossentropy(from_logits=True))
    model.fit(x / 255, rng.integers(0, 10, 64), epochs=2, batch_size=16)      # moving statistics moved
    assert_matches(model, images() / 255)


def test_layers_without_bias():
    model = nn.Sequential([nn.Reshape((28, 28, 1))], seed=0)
    try:
        model.add(nn.Conv2D(4, 3, use_bias=False))
        model.add(nn.Flatten())
        model.add(nn.Dense(10, use_bias=False, activation="softmax"))
    except TypeError:
        pytest.skip("mnist_gui.nn has no use_bias=False yet")
    model.build((28, 28))
    assert_matches(randomize(model), images() / 255)


def test_a_model_inside_a_model():
    """The TensorFlow quickstart's ``Sequential([model, Softmax()])``, the inner model ending in logits."""
    inner = nn.Sequential([nn.Input(shape=(28, 28)), nn.Flatten(), nn.Dense(16, activation="relu"), nn.Dense(10)],
                          seed=0)
    inner.build()
    randomize(inner)
    outer = nn.Sequential([inner, nn.Softmax()], seed=0)
    outer.build()
    got = assert_matches(outer, images() / 255)
    assert np.allclose(got.sum(axis=1), 1.0, atol=1e-5)
    assert_matches(inner, images() / 255)                       # and the inner one alone: logits


def test_every_engine_layer_has_a_conversion():
    namespaces = [vars(nn)] + ([vars(nn.layers)] if inspect.ismodule(getattr(nn, "layers", None)) else [])
    layer_classes = {obj for space in namespaces for obj in space.values()
                     if inspect.isclass(obj) and issubclass(obj, nn.Layer) and obj is not nn.Layer}
    assert len(layer_classes) >= 11
    for cls in layer_classes:
        assert converter_for(object.__new__(cls)) is not None, f"{cls.__name__} cannot be exported to ONNX"


def test_unknown_layer_is_refused_and_leaves_the_old_file(tmp_path):
    class Odd(nn.Layer):
        def forward(self, x, training=False):
            return x

    model = _model(nn.Flatten(), nn.Dense(10, activation="softmax"))
    path = export_onnx(model, tmp_path / "m.onnx")
    before = path.read_bytes()
    odd = nn.Sequential([nn.Flatten(), Odd(), nn.Dense(10, activation="softmax")], seed=0)
    odd.build((28, 28))
    with pytest.raises(ValueError, match="no conversion for odd"):
        export_onnx(odd, path)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["m.onnx"]


def test_unwritable_path_raises_oserror(tmp_path):
    with pytest.raises(OSError):
        export_onnx(_model(nn.Flatten(), nn.Dense(10, activation="softmax")), tmp_path / "missing" / "m.onnx")


def test_the_model_method(tmp_path):
    if not hasattr(nn.Sequential, "export_onnx"):
        pytest.skip("Sequential.export_onnx is not there yet")
    model = nn.load_model(DEFAULT)
    path = tmp_path / "method.onnx"
    model.export_onnx(path)
    assert np.abs(run_onnx(path, images(3)) - model.predict(images(3))).max() <= TOLERANCE
