"""The Keras 3 program for a TrainConfig: ``keras_code(cfg)``, what "Show as Keras code" shows and copies.

The program is complete and runs as it is (``pip install keras tensorflow``, or Keras with any backend):
MNIST from ``keras.datasets``, the same training subset and validation images the app takes (a seeded
permutation, ``mnist_gui.nn.presets.train_arrays``), the same layers with the same parameter count
(``presets.build_model``), kernels started as the app starts them (He uniform in front of ReLU-like
activations, ``initializers.py``), the optimizer with its learning rate and schedule, compile, fit and
evaluate. Two translations are not word for word, and the code says so where they happen: the app's L2
adds ``l2 * w`` to each kernel's gradient, which is Keras's ``L2(l2 / 2)`` regularizer; the app's
augmentation becomes Keras's random image layers, which have no stroke-thickness or elastic distortion.
The program is English whatever the window's language (its summary line is built with ``i18n.english``); only
the window around it is translated. Not here: the window that shows it (ui/train/keras_code_dialog.py).
"""

from __future__ import annotations

import textwrap

import mnist_gui
from mnist_gui.core.i18n import english
from mnist_gui.core.training_text import summary_line
from mnist_gui.data.augment import AUGMENTATION_PRESETS
from mnist_gui.nn.presets import CNN_TRUNK, TrainConfig

MNIST_TRAIN_IMAGES = 60000
SIDE = 28
_OPTIMIZERS = {"sgd": "SGD", "adam": "Adam", "adamw": "AdamW", "rmsprop": "RMSprop"}


def _number(value) -> str:
    """A number as Python reads it back exactly: 0.001, 1e-05, 12.0."""
    return repr(float(value))


def _kernel_args(activation: str, l2: float) -> str:
    """The arguments every Dense and Conv2D of the hidden part takes: activation, initializer, L2."""
    args = []
    if activation == "leaky_relu":
        pass                                    # a LeakyReLU layer follows: Keras's string has another slope
    elif activation != "linear":
        args.append(f'activation="{activation}"')
    if activation in ("relu", "leaky_relu"):
        args.append('kernel_initializer="he_uniform"')
    if l2:
        args.append("kernel_regularizer=l2")
    return ", ".join(args)


def _activation_layer(activation: str) -> list[str]:
    return ["layers.LeakyReLU(negative_slope=0.01),"] if activation == "leaky_relu" else []


def _augmentation_lines(name: str) -> list[str]:
    aug = AUGMENTATION_PRESETS[name]
    k = aug.strength
    lines = [f'# augmentation "{name}": fresh random distortions of the training images in every epoch',
             "# (these layers do nothing in evaluate and predict)"]
    if aug.rotation:
        lines.append(f'layers.RandomRotation({_number(aug.rotation * k)} / 360, fill_mode="constant"),'
                     f"  # up to {aug.rotation * k:g} degrees either way")
    if aug.scale:
        lines.append(f'layers.RandomZoom({_number(aug.scale * k)}, fill_mode="constant"),'
                     f"  # {1 - aug.scale * k:g}x to {1 + aug.scale * k:g}x")
    if aug.shear:
        lines.append(f'layers.RandomShear(x_factor={_number(aug.shear * k)}, fill_mode="constant"),'
                     "  # slant; Keras 3.8+")
    if aug.translate:
        lines.append(f'layers.RandomTranslation({_number(aug.translate * k)} / {SIDE}, {_number(aug.translate * k)}'
                     f' / {SIDE}, fill_mode="constant"),  # up to {aug.translate * k:g} px')
    missing = [words for value, words in ((aug.thickness, "bolder or thinner strokes"),
                                          (aug.elastic_alpha, "elastic (rubber-sheet) distortion")) if value]
    if missing:
        lines.append(f"# the app also makes {' and '.join(missing)}: Keras has no layer for "
                     f"{'it' if len(missing) == 1 else 'them'}")
    return lines


def _model_lines(cfg: TrainConfig, classes: int) -> list[str]:
    images = cfg.architecture == "cnn" or cfg.augmentation != "none"
    lines = [f"keras.Input(shape=({SIDE}, {SIDE})),",
             "layers.Rescaling(1 / 255),  # pixels 0-255 -> 0-1: the model takes images as MNIST stores them"]
    if images:
        lines.append(f"layers.Reshape(({SIDE}, {SIDE}, 1)),  # one colour channel")
    if cfg.augmentation != "none":
        lines += _augmentation_lines(cfg.augmentation)
    kernel = _kernel_args(cfg.activation, cfg.l2)
    if cfg.architecture == "cnn":
        for filters, size in CNN_TRUNK:
            lines.append(f"layers.Conv2D({filters}, {size}{', ' + kernel if kernel else ''}),")
            lines += _activation_layer(cfg.activation)
            lines.append("layers.MaxPooling2D(2),")
    lines.append("layers.Flatten(),")
    for units in cfg.hidden:
        lines.append(f"layers.Dense({units}{', ' + kernel if kernel else ''}),")
        lines += _activation_layer(cfg.activation)
        if cfg.dropout:
            lines.append(f"layers.Dropout({_number(cfg.dropout)}),")
    lines.append(f'layers.Dense({classes}, activation="softmax"{", kernel_regularizer=l2" if cfg.l2 else ""}),')
    return lines


def _data_lines(cfg: TrainConfig) -> list[str]:
    lines = ["(x_train, y_train), (x_test, y_test) = keras.datasets.mnist.load_data()"]
    if cfg.train_size == MNIST_TRAIN_IMAGES and not cfg.n_validation:
        return lines
    what = (f"a random {cfg.train_size:,} of the {MNIST_TRAIN_IMAGES:,} training images"
            if cfg.train_size < MNIST_TRAIN_IMAGES else "the training images in a random order")
    if cfg.n_validation:
        what += f", the last {cfg.n_validation:,} of them held out for validation"
    lines += [f"# {what}", "# (the same images the app takes)",
              f"order = np.random.default_rng({cfg.seed}).permutation(len(x_train))[:{cfg.train_size}]"]
    if cfg.n_validation:
        lines += [f"x_val, y_val = x_train[order[{cfg.n_train}:]], y_train[order[{cfg.n_train}:]]",
                  f"order = order[:{cfg.n_train}]"]
    lines.append("x_train, y_train = x_train[order], y_train[order]")
    return lines


def _optimizer_lines(cfg: TrainConfig) -> list[str]:
    lr = _number(cfg.learning_rate)
    lines = []
    if cfg.schedule == "constant":
        rate = lr
    else:
        lines.append("steps = epochs * math.ceil(len(x_train) / batch_size)  # updates in the whole run")
        if cfg.schedule == "cosine":
            lines.append(f"learning_rate = keras.optimizers.schedules.CosineDecay({lr}, decay_steps=steps)")
        else:
            lines += ["# halve the learning rate at each quarter of the run",
                      "learning_rate = keras.optimizers.schedules.ExponentialDecay(",
                      f"    {lr}, decay_steps=max(1, round(steps / 4)), decay_rate=0.5, staircase=True)"]
        rate = "learning_rate"
    lines.append(f"optimizer = keras.optimizers.{_OPTIMIZERS[cfg.optimizer]}(learning_rate={rate})")
    if cfg.optimizer == "adamw":
        lines.append('optimizer.exclude_from_weight_decay(var_names=["bias"])  # the app decays kernels only')
    return lines


def keras_code(cfg: TrainConfig, classes: int = 10) -> str:
    """The Keras 3 program that trains the network ``cfg`` describes (a ValueError, from ``cfg.validate()``,
    for settings the app would refuse)."""
    cfg.validate()
    uses_numpy = cfg.train_size < MNIST_TRAIN_IMAGES or cfg.n_validation
    training = (f"{cfg.optimizer}, learning rate {cfg.learning_rate:g}, {cfg.schedule} schedule, L2 {cfg.l2:g}, "
                f"seed {cfg.seed}.")
    out = ['"""An MNIST classifier as mnist-gui trains it with these settings, written for Keras 3.', "",
           *textwrap.wrap(summary_line(cfg, SIDE * SIDE, classes, english) + ";", 100), training, "",
           f"Written by mnist-gui {mnist_gui.__version__}. Run it with Keras 3 and a backend, e.g.",
           "`pip install keras tensorflow`.", '"""', ""]
    out += ["import math", ""] if cfg.schedule != "constant" else []
    out += ["import keras", *(["import numpy as np"] if uses_numpy else []), "from keras import layers", ""]
    out += [f"keras.utils.set_random_seed({cfg.seed})  # the same seed, the same run (on one machine and backend)",
            "", *_data_lines(cfg), ""]
    if cfg.l2:
        out += ["# the app adds l2 * w to each kernel's gradient: the gradient of (l2 / 2) * sum(w**2),",
                "# Keras's L2(l2 / 2) (whose penalty Keras adds to the loss it reports; the app does not)",
                f"l2 = keras.regularizers.L2({_number(cfg.l2)} / 2)", ""]
    out.append("model = keras.Sequential([")
    out += [f"    {line}" for line in _model_lines(cfg, classes)]
    out += ["])", "model.summary()", "",
            f"batch_size = {cfg.batch_size}", f"epochs = {cfg.epochs}", *_optimizer_lines(cfg),
            'model.compile(optimizer=optimizer, loss="sparse_categorical_crossentropy", metrics=["accuracy"])',
            "model.fit(x_train, y_train, batch_size=batch_size, epochs=epochs"
            + (", validation_data=(x_val, y_val))" if cfg.n_validation else ")"),
            "model.evaluate(x_test, y_test, verbose=2)", ""]
    return "\n".join(out)
