"""The Keras program for a TrainConfig: valid Python for every preset and setting; the same network (layers
and parameter count) as the app builds, the same optimizer, schedule, data and seed; and, with its imports
pointed at mnist_gui.nn, it runs and trains that network."""

from __future__ import annotations

import ast
import dataclasses
import math

import numpy as np
import pytest

from mnist_gui.core.keras_code import keras_code
from mnist_gui.nn import presets
from mnist_gui.nn.presets import PRESETS, TrainConfig

VARIED = [
    TrainConfig(),
    TrainConfig(hidden=(), activation="tanh", optimizer="sgd", learning_rate=0.05),
    TrainConfig(hidden=(64, 32), activation="leaky_relu", l2=1e-4, optimizer="adamw", schedule="step",
                train_size=20000, validation_split=0.1, seed=7),
    TrainConfig(hidden=(300,), activation="sigmoid", optimizer="rmsprop", dropout=0.5, schedule="cosine",
                validation_split=0.2, augmentation="strong"),
    TrainConfig(architecture="cnn", hidden=(), activation="linear", l2=0.01, augmentation="light",
                train_size=5000),
]
CONFIGS = [pytest.param(cfg, id=name) for name, cfg in PRESETS.items()] + \
          [pytest.param(cfg, id=f"varied-{i}") for i, cfg in enumerate(VARIED)]


def layer_calls(code: str):
    """(name, args, kwargs) of each entry of the keras.Sequential([...]) list, literals evaluated."""
    tree = ast.parse(code)
    seq = next(n for n in ast.walk(tree) if isinstance(n, ast.Call) and getattr(n.func, "attr", "") == "Sequential")
    calls = []
    for item in seq.args[0].elts:
        name = item.func.attr
        args = [_value(a) for a in item.args]
        kwargs = {k.arg: _value(k.value) for k in item.keywords}
        calls.append((name, args, kwargs))
    return calls


def _value(node):
    if isinstance(node, ast.Name):
        return node.id                  # the l2 regularizer
    # literals and arithmetic on them, such as 1 / 255
    return eval(compile(ast.Expression(node), "<arg>", "eval"), {"__builtins__": {}})  # noqa: S307


def assigned(code: str) -> dict:
    """Top-level ``name = <literal>`` assignments."""
    out = {}
    for node in ast.parse(code).body:
        if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name):
            try:
                out[node.targets[0].id] = ast.literal_eval(node.value)
            except ValueError:
                pass
    return out


def engine_model_from(code: str):
    """The code's layer list built with the engine's own layers (augmentation layers left out: they have no
    weights and change nothing at inference)."""
    import mnist_gui.nn as nn

    classes = {name: getattr(nn, name) for name in ("Rescaling", "Reshape", "Flatten", "Dense", "Dropout", "Conv2D",
                                                    "MaxPooling2D", "LeakyReLU")}
    layers, shape = [], None
    for name, args, kwargs in layer_calls(code):
        kwargs.pop("kernel_regularizer", None)
        kwargs.pop("fill_mode", None)
        if name == "Input":
            shape = kwargs["shape"]
        elif name.startswith("Random"):
            continue
        else:
            layers.append(classes[name](*args, **kwargs))
    model = nn.Sequential(layers, seed=0)
    model.build(shape)
    return model


def weighted_layers(model):
    """(class, parameters, initializer, activation) of each layer with weights; the activation is that of an
    activation layer right after a linear one (Keras's LeakyReLU layer), 'auto' initializers resolved."""
    out = []
    for i, layer in enumerate(model.layers):
        if not layer.count_params():
            continue
        activation = layer.activation
        after = model.layers[i + 1] if i + 1 < len(model.layers) else None
        if activation.name == "linear" and after is not None and not after.count_params() \
                and hasattr(after, "activation"):
            activation = after.activation
        init = layer.kernel_initializer
        if init == "auto":
            init = f"{layer.activation.kernel_init}_uniform"
        out.append((type(layer).__name__, layer.count_params(), init, activation.get_config()))
    return out


@pytest.mark.parametrize("cfg", CONFIGS)
def test_code_is_valid_python(cfg):
    compile(keras_code(cfg), "keras_program.py", "exec")


@pytest.mark.parametrize("cfg", CONFIGS)
def test_same_network_as_the_app(cfg):
    code = keras_code(cfg)
    theirs = engine_model_from(code)
    ours = presets.build_model(cfg)
    assert theirs.count_params() == ours.count_params()
    assert weighted_layers(theirs) == weighted_layers(ours)
    assert f"{ours.count_params():,} parameters" in code


@pytest.mark.parametrize("cfg", CONFIGS)
def test_same_training_settings(cfg):
    code = keras_code(cfg)
    values = assigned(code)
    assert values["batch_size"] == cfg.batch_size and values["epochs"] == cfg.epochs
    assert f"keras.utils.set_random_seed({cfg.seed})" in code
    optimizer = {"sgd": "SGD", "adam": "Adam", "adamw": "AdamW", "rmsprop": "RMSprop"}[cfg.optimizer]
    assert f"keras.optimizers.{optimizer}(" in code
    assert repr(float(cfg.learning_rate)) in code
    assert ("CosineDecay" in code) == (cfg.schedule == "cosine")
    assert ("ExponentialDecay" in code) == (cfg.schedule == "step")
    assert ("kernel_regularizer=l2" in code) == bool(cfg.l2)
    assert ("layers.Random" in code) == (cfg.augmentation != "none")
    dropouts = [args[0] for name, args, _ in layer_calls(code) if name == "Dropout"]
    assert dropouts == ([cfg.dropout] * len(cfg.hidden) if cfg.dropout else [])


def test_l2_is_halved_for_keras():
    code = keras_code(TrainConfig(l2=0.002))
    assert "keras.regularizers.L2(0.002 / 2)" in code


def test_the_data_subset_is_the_one_the_app_trains_on(dataset):
    cfg = TrainConfig(train_size=3000, validation_split=0.1, seed=11)
    code = keras_code(cfg)
    lines = [line for line in code.splitlines() if line.startswith(("order", "x_val", "x_train, y_train ="))]
    scope = {"np": np, "x_train": dataset.x_train, "y_train": dataset.y_train}
    exec("\n".join(lines), scope)       # noqa: S102 - the program's own data lines
    x_train, y_train, x_val, y_val = presets.train_arrays(cfg, dataset)
    assert np.array_equal(scope["x_train"], x_train) and np.array_equal(scope["y_train"], y_train)
    assert np.array_equal(scope["x_val"], x_val) and np.array_equal(scope["y_val"], y_val)


@pytest.mark.parametrize("schedule", ["step", "cosine"])
def test_schedule_numbers_match_the_app(schedule):
    """The schedule Keras computes (from the formulas its docs give) equals the app's at every step."""
    cfg = TrainConfig(schedule=schedule, epochs=3, batch_size=100, train_size=1000, learning_rate=0.01)
    code = keras_code(cfg)
    steps = cfg.epochs * math.ceil(cfg.n_train / cfg.batch_size)
    assert "steps = epochs * math.ceil(len(x_train) / batch_size)" in code
    app = presets.build_model(cfg).optimizer
    for step in range(0, steps + 1, 3):
        if schedule == "step":
            keras_rate = 0.01 * 0.5 ** (step // max(1, round(steps / 4)))          # ExponentialDecay, staircase
        else:
            keras_rate = 0.01 * 0.5 * (1 + math.cos(math.pi * min(step, steps) / steps))   # CosineDecay, alpha 0
        assert app.schedule(step) == pytest.approx(keras_rate)


def test_invalid_settings_are_refused():
    with pytest.raises(ValueError, match="learning_rate"):
        keras_code(dataclasses.replace(TrainConfig(), learning_rate=-1.0))


def _keras_shaped_engine():
    import mnist_gui.nn as nn

    needed = ["layers", "datasets", "Input", "Sequential", "utils", "optimizers", "regularizers"]
    missing = [name for name in needed if not hasattr(nn, name)]
    if missing or not hasattr(getattr(nn, "optimizers", None), "schedules"):
        pytest.skip(f"mnist_gui.nn has no Keras-shaped {', '.join(missing) or 'optimizers.schedules'} yet")
    return nn


RUNNABLE = [PRESETS["tutorial"], PRESETS["cnn"], VARIED[2], VARIED[3],
            TrainConfig(hidden=(48,), activation="leaky_relu", l2=1e-3, optimizer="sgd", learning_rate=0.05,
                        validation_split=0.2, train_size=3000, seed=3)]


@pytest.mark.parametrize("cfg", RUNNABLE, ids=["tutorial", "cnn", "leaky-adamw-step-l2", "sigmoid-rmsprop-strong",
                                               "leaky-sgd-l2-validation"])
def test_program_runs_with_mnist_gui_as_keras(cfg, capsys):
    nn = _keras_shaped_engine()
    import types

    small = dataclasses.replace(cfg, epochs=1, train_size=600, batch_size=min(cfg.batch_size, 100))
    code = keras_code(small).replace("import keras\n", "import mnist_gui.nn as keras\n")
    code = code.replace("from keras import layers\n", "layers = engine_layers\n")
    code = code.replace("model.evaluate(x_test, y_test", "model.evaluate(x_test[:500], y_test[:500]")

    class Identity(nn.Layer):
        """Keras's random image layers do nothing outside training; the engine augments outside the model."""
        def __init__(self, *args, **kwargs):
            super().__init__(None)

        def forward(self, x, training=False):
            return x

        def backward(self, dy, need_dx=True):
            return dy

    engine_layers = types.SimpleNamespace(**{k: getattr(nn.layers, k) for k in dir(nn.layers) if not k.startswith("_")})
    for name in ("RandomRotation", "RandomZoom", "RandomShear", "RandomTranslation"):
        if not hasattr(engine_layers, name):
            setattr(engine_layers, name, type(name, (Identity,), {}))
    scope = {"engine_layers": engine_layers, "__name__": "__main__"}
    exec(compile(code, "keras_program.py", "exec"), scope)      # noqa: S102
    model = scope["model"]
    assert model.count_params() == presets.build_model(cfg).count_params()
    out = capsys.readouterr().out
    assert f"{model.count_params():,}" in out                   # model.summary() printed the total
    assert "accuracy" in out                                    # and evaluate(verbose=2) its line
