"""The words the Training tab shows: field labels and tooltips, the summary line, log lines, progress text,
the end-of-run report. No Qt here.

``chunk`` and ``info`` are the dicts the training worker emits (see training_worker), ``result`` its
TrainingResult.
"""

from __future__ import annotations

import errno
import functools
import math
import re

from mnist_gui.core.words import count
from mnist_gui.nn.presets import TrainConfig, build_model

TIPS = {
    "preset": "Ready-made settings to start from. Changing any field below turns this into 'custom'.",
    "architecture": "MLP: every pixel connects to every unit of the next layer; quick to train. "
                    "CNN: a small convolutional network that slides 3×3 filters over the image, so it "
                    "finds a stroke wherever it is. A CNN takes much longer per epoch (about a minute on "
                    "all 60,000 images, where the tutorial MLP takes seconds), but it is more accurate "
                    "and recognises real handwriting better.",
    "hidden": "Sizes of the hidden layers, separated by commas: '128' is one layer of 128 units, "
              "'512, 512' two layers. Leave empty for no hidden layer (a linear classifier).",
    "hidden_cnn": "The fully connected layers after the convolutions, separated by commas: '128' is one "
                  "layer of 128 units. Leave empty to go straight from the filters to the ten outputs.",
    "activation": "The function each hidden unit applies to its sum. relu (max(0, x)) usually learns fastest.",
    "dropout": "During training, switch off this fraction of hidden units at random in every batch, "
               "so the network cannot rely on any single one. 0 turns it off.",
    "optimizer": "How the weights are changed from the gradients. adam adapts the step size for each "
                 "weight; sgd takes plain steps of the learning rate.",
    "learning_rate": "How big a step the optimizer takes. Too small learns slowly; too big makes the loss "
                     "jump around or blow up. Typical: 0.001 for adam, 0.1 for sgd.",
    "schedule": "How the learning rate changes over the run: constant, step (halved every few epochs) "
                "or cosine (smoothly down to almost zero at the end).",
    "augmentation": "Show the network randomly rotated, slanted, resized, shifted (and with 'strong', "
                    "stretched) copies of the training images, new ones every epoch. Each epoch takes "
                    "longer and the training accuracy looks lower, but the network recognises digits "
                    "written by other people, or drawn with a mouse, much better.",
    "batch_size": "How many images the network looks at before each weight update.",
    "epochs": "How many times the network goes through the whole training set.",
    "l2": "Weight decay: a pull of every weight towards zero, which keeps them small and can reduce "
          "overfitting. 0 turns it off.",
    "train_size": "How many of the 60,000 training images to use. Fewer is faster but learns less.",
    "validation_split": "Fraction of the training images held back to check, after every epoch, how "
                        "well the network does on images it did not train on.",
    "seed": "Starting point of the random numbers (initial weights, shuffling). The same seed and "
            "settings give the same run.",
}
LABELS = {
    "architecture": "Architecture", "hidden": "Hidden layers", "activation": "Activation", "dropout": "Dropout",
    "optimizer": "Optimizer", "learning_rate": "Learning rate", "schedule": "Schedule", "l2": "L2 penalty",
    "augmentation": "Augmentation", "batch_size": "Batch size", "epochs": "Epochs",
    "train_size": "Training images", "validation_split": "Validation split", "seed": "Seed",
}
HIDDEN_CNN_LABEL = "Dense head"
ARCHITECTURES = {"mlp": "MLP (fully connected)", "cnn": "CNN (convolutional)"}
# above this many weights the summary is worked out without building the network (a typo such as
# '8192, 8192' in the head would otherwise allocate gigabytes on a keystroke)
BUILD_LIMIT = 5_000_000


def parse_hidden(text: str) -> tuple[int, ...]:
    """'512, 512' -> (512, 512); '' -> (); anything else raises ValueError in plain words."""
    parts = [p.strip() for p in text.replace(";", ",").replace(" ", ",").split(",") if p.strip()]
    try:
        sizes = tuple(int(p) for p in parts)
    except ValueError:
        raise ValueError("hidden layers: write whole numbers separated by commas, e.g. 128 or 512, 512") from None
    return sizes


def plain(message: str) -> str:
    """A validate() message in the form's words: 'batch_size: the batch size ...' -> 'Batch size: the batch
    size ...'. A one-word name is replaced only where it names the field ('hidden: ...'), so 'at most 8
    hidden layers' keeps its words."""
    for name, label in LABELS.items():
        pattern = rf"\b{name}\b" if "_" in name else rf"\b{name}\b(?=:)"
        message = re.sub(pattern, label.lower(), message)
    return message[:1].upper() + message[1:]


def _dense_params(sizes) -> int:
    return sum((a + 1) * b for a, b in zip(sizes, sizes[1:]))


def _mlp_line(cfg, inputs: int, classes: int) -> str:
    sizes = [inputs, *cfg.hidden, classes]
    hidden = [f"{h} {cfg.activation}" for h in cfg.hidden]
    if cfg.dropout and hidden:
        hidden = [h + f" (dropout {cfg.dropout:g})" for h in hidden]
    return " → ".join([str(inputs), *hidden, f"{classes} softmax"]) + f" · {_dense_params(sizes):,} parameters"


@functools.lru_cache(maxsize=64)
def _built_line(architecture: str, hidden: tuple, activation: str, dropout: float) -> str:
    """The engine's own summary of the network these settings build (cached: it builds the network)."""
    cfg = TrainConfig(architecture=architecture, hidden=hidden, activation=activation, dropout=dropout)
    return build_model(cfg).summary_line()


@functools.lru_cache(maxsize=8)
def _trunk(activation: str) -> tuple[int, int]:
    """(inputs of the CNN's first Dense layer, weights before it), from a CNN without a dense head."""
    model = build_model(TrainConfig(architecture="cnn", hidden=(), activation=activation))
    dense = [layer for layer in model.layers if getattr(getattr(layer, "kernel", None), "ndim", 0) == 2]
    flat = int(dense[0].kernel.shape[0])
    return flat, model.count_params() - _dense_params([flat, dense[0].kernel.shape[1]])


def network_line(cfg, inputs: int = 784, classes: int = 10) -> str:
    """'784 → 128 relu → 10 softmax · 101,770 parameters'; for a CNN the engine's summary_line()."""
    if getattr(cfg, "architecture", "mlp") != "cnn":
        return _mlp_line(cfg, inputs, classes)
    flat, trunk = _trunk(cfg.activation)
    params = trunk + _dense_params([flat, *cfg.hidden, classes])
    if params <= BUILD_LIMIT and classes == 10:
        return _built_line("cnn", tuple(cfg.hidden), cfg.activation, float(cfg.dropout))
    head = [f"{h} {cfg.activation}" for h in cfg.hidden]
    return " → ".join([f"{inputs} → convolutions ({flat:,} features)", *head, f"{classes} softmax"]) + \
        f" · {params:,} parameters"


def summary_line(cfg, inputs: int = 784, classes: int = 10) -> str:
    """'784 → 128 relu → 10 softmax · 101,770 parameters · 5 epochs × 1,875 batches of 32', plus the
    augmentation when there is one."""
    steps = cfg.steps_per_epoch
    text = (f"{network_line(cfg, inputs, classes)} · {cfg.epochs} epoch{'s' * (cfg.epochs != 1)} × "
            f"{count(steps, 'batch', 'batches')} of {cfg.batch_size}")
    augmentation = getattr(cfg, "augmentation", "none")
    return text + (f" · {augmentation} augmentation" if augmentation != "none" else "")


def duration(seconds: float) -> str:
    """0:07, 1:05, 1:02:03; '–' when unknown."""
    if not math.isfinite(seconds):
        return "–"
    m, s = divmod(int(round(seconds)), 60)
    h, m = divmod(m, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"


def run_header(number: int, cfg) -> str:
    return (f"Run {number}: {summary_line(cfg)} · {cfg.optimizer}, learning rate {cfg.learning_rate:g}, "
            f"{cfg.schedule} schedule, seed {cfg.seed}")


def progress_format(chunk: dict, paused: bool = False) -> str:
    text = f"Epoch {chunk['epoch']} of {chunk['epochs']} · batch {chunk['batch']:,} of {chunk['steps']:,}"
    return text + (" · paused" if paused else "")


def progress_detail(chunk: dict, paused: bool = False) -> str:
    """Speed and time left; while paused the clock is held and says so (paused time is not counted)."""
    if paused:
        return f"Paused · about {duration(chunk['seconds_left'])} left once resumed"
    return f"{chunk['samples_per_s']:,.0f} images/s · about {duration(chunk['seconds_left'])} left"


def not_kept_warning(problem: str) -> str:
    """The banner when the run store refuses a run: training goes on, but nothing of it is kept."""
    return (f"This run trains, but it is not being kept: {problem[:1].lower() + problem[1:]}. It will not be "
            "in the runs table; to keep its network, save it with File › Save model when it ends.")


def not_learning_warning(verdict: str) -> str:
    return f"{verdict} Press Stop to end this run, or let it go on."


# The fields of an epoch line, in order: (key in the logs, words in the tab's log, decimals of the value as
# logged). Accuracies are logged as fractions; the tab shows them in percent with two decimals fewer.
EPOCH_FIELDS = (("loss", "loss", 4), ("accuracy", "accuracy", 4),
                ("val_loss", "validation loss", 4), ("val_accuracy", "validation accuracy", 4),
                # a run without a validation split measures the test images after each epoch: named as test
                ("test_loss", "test loss", 4), ("test_accuracy", "test accuracy", 4))
EPOCH_LINE_STYLES = ("log", "keras")


def epoch_line(info: dict, style: str = "log") -> str:
    """One line for the end of an epoch; the only place that decides which numbers it shows, in which
    order and how precisely. ``info``: ``epoch`` (1-based) and ``epochs``, any of the EPOCH_FIELDS,
    optionally ``seconds`` and, for an epoch cut short, ``batches`` of ``steps``.

    ``style="log"`` (the Training tab): ``Epoch 3/5 · loss 0.0712 · accuracy 97.87% · ... · 1.9 s``;
    ``style="keras"`` (the command line): ``Epoch 3/5 - 1.9s - loss: 0.0712 - accuracy: 0.9787 - ...``.
    """
    if style not in EPOCH_LINE_STYLES:
        raise ValueError(f"unknown epoch line style: {style!r} (expected one of {', '.join(EPOCH_LINE_STYLES)})")
    keras = style == "keras"
    head = f"Epoch {info['epoch']}/{info['epochs']}"
    seconds = info.get("seconds")
    fields = []
    for key, words, decimals in EPOCH_FIELDS:
        if key not in info:
            continue
        value = float(info[key])
        if keras:
            fields.append(f"{key}: {value:.{decimals}f}")
        elif key.endswith("accuracy"):
            fields.append(f"{words} {100 * value:.{decimals - 2}f}%")
        else:
            fields.append(f"{words} {value:.{decimals}f}")
    if keras:
        timing = [f"{seconds:.1f}s"] if seconds is not None else []
        return " - ".join([head, *timing, *fields])
    if info.get("batches", 0) < info.get("steps", 0):
        fields.append(f"ended after batch {info['batches']:,} of {info['steps']:,}")
    timing = [f"{seconds:.1f} s"] if seconds is not None else []
    return " · ".join([head, *fields, *timing])


_WHY_NOT_WRITTEN = {
    errno.ENOSPC: "the disk is full", errno.EDQUOT: "your disk quota is used up",
    errno.EACCES: "you are not allowed to write in that folder", errno.EPERM: "you are not allowed to write there",
    errno.EROFS: "that folder is on a read-only disk", errno.ENOENT: "that folder does not exist (any more)",
    errno.ENOTDIR: "part of that path is a file, not a folder", errno.EISDIR: "a folder already has that name",
    errno.ENAMETOOLONG: "the file name is too long",
}


def file_error(what: str, path, exc: OSError) -> str:
    """Why a file could not be written, in plain words: 'The curves could not be exported to /x/a.csv:
    the disk is full. A file that was there before is unchanged.'"""
    reason = _WHY_NOT_WRITTEN.get(getattr(exc, "errno", None)) or (getattr(exc, "strerror", None) or str(exc)
                                                                     or type(exc).__name__)
    return f"{what} to {path}: {reason[:1].lower() + reason[1:]}. A file that was there before is unchanged."


UNUSABLE = ("The trained network answers with NaN (not a number) or infinity, so it was not kept: the current "
            "model is unchanged. Try a lower learning rate.")
TEST_STOPPED = "Test accuracy not measured: the test was stopped before it had seen every test image."


def result_lines(result, n_test: int) -> list[str]:
    """What the log says when a run ends (the last line is also shown under the progress bar)."""
    lines = []
    if result.stop_reason == "diverged":
        lines.append(f"Diverged: {result.message}")
    elif result.stop_reason == "stopped":
        lines.append(f"Stopped during epoch {result.epochs_completed}; the network keeps the weights it had.")
    if not getattr(result, "usable", True):
        lines.append(UNUSABLE)
    if result.test_accuracy is not None:
        lines.append(f"Test accuracy {100 * result.test_accuracy:.2f}% on {n_test:,} images "
                     f"(test loss {result.test_loss:.4f}) · {duration(result.seconds)} in all")
    elif getattr(result, "test_stopped", False):
        lines.append(TEST_STOPPED)
    return lines


def end_warning(result) -> str | None:
    """The banner after a run that diverged or left an unusable network; None after any other."""
    warnings = []
    if result.stop_reason == "diverged":
        warnings.append(result.message or "The loss became NaN or infinite; training stopped and the last good "
                        "weights were kept.")
    if not getattr(result, "usable", True):
        warnings.append(UNUSABLE)
    return " ".join(warnings) or None


def end_state(result) -> str:
    if result.stop_reason != "diverged" and not getattr(result, "usable", True):
        return "Not usable"
    return {"diverged": "Diverged", "stopped": "Stopped"}.get(result.stop_reason, "Done")
