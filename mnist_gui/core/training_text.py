"""The words the Training tab shows: the summary line, log lines, progress text, the end-of-run report, why a
file could not be written. No Qt here. The fields' labels and tooltips are ``core.train_fields`` (imported
here too, where the tab has always found them).

``chunk`` and ``info`` are the dicts the training worker emits (see training_worker), ``result`` its
TrainingResult.

The summary-line functions take ``tr`` as an argument: ``mnist_gui.core.i18n.english`` for the same line in
English whatever the window's language (the program "Show as Keras code" writes, ``core.keras_code``).
"""

from __future__ import annotations

import errno
import functools
import math

from mnist_gui.core.i18n import QT_TR_NOOP, number, tr
from mnist_gui.core.train_choices import shown_name
# the form's words, where the Train tab has always imported them from
from mnist_gui.core.train_fields import (ARCHITECTURES, HIDDEN_CNN_LABEL, LABELS, TIPS, label,  # noqa: F401
                                         parse_hidden, plain, tip)
from mnist_gui.nn.presets import TrainConfig, build_model

# above this many weights the summary is worked out without building the network (a typo such as
# '8192, 8192' in the head would otherwise allocate gigabytes on a keystroke)
BUILD_LIMIT = 5_000_000


def _dense_params(sizes) -> int:
    return sum((a + 1) * b for a, b in zip(sizes, sizes[1:]))


def _with_params(layers: list[str], params: int, tr=tr) -> str:
    return tr("{layers} · {params:,} parameters").format(layers=" → ".join(layers), params=params)


def _mlp_line(cfg, inputs: int, classes: int, tr=tr) -> str:
    sizes = [inputs, *cfg.hidden, classes]
    hidden = [f"{h} {cfg.activation}" for h in cfg.hidden]
    if cfg.dropout and hidden:
        hidden = [tr("{layer} (dropout {rate:g})").format(layer=h, rate=cfg.dropout) for h in hidden]
    return _with_params([str(inputs), *hidden, f"{classes} softmax"], _dense_params(sizes), tr)


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


def network_line(cfg, inputs: int = 784, classes: int = 10, tr=tr) -> str:
    """'784 → 128 relu → 10 softmax · 101,770 parameters'; for a CNN the engine's summary_line() (English:
    the engine's own words of its layers)."""
    if getattr(cfg, "architecture", "mlp") != "cnn":
        return _mlp_line(cfg, inputs, classes, tr)
    flat, trunk = _trunk(cfg.activation)
    params = trunk + _dense_params([flat, *cfg.hidden, classes])
    if params <= BUILD_LIMIT and classes == 10:
        return _built_line("cnn", tuple(cfg.hidden), cfg.activation, float(cfg.dropout))
    head = [f"{h} {cfg.activation}" for h in cfg.hidden]
    trunk_words = tr("{inputs} → convolutions ({features:,} features)").format(inputs=inputs, features=flat)
    return _with_params([trunk_words, *head, f"{classes} softmax"], params, tr)


def summary_line(cfg, inputs: int = 784, classes: int = 10, tr=tr) -> str:
    """'784 → 128 relu → 10 softmax · 101,770 parameters · 5 epochs × 1,875 batches of 32', plus the
    augmentation when there is one (by its shown name: 'Standard' in German)."""
    steps = cfg.steps_per_epoch
    text = tr("{network} · {epochs} × {batches}").format(
        network=network_line(cfg, inputs, classes, tr), epochs=tr("%n epoch(s)", None, cfg.epochs),
        batches=tr("{steps:,} batch(es) of {size}", None, steps).format(steps=steps, size=cfg.batch_size))
    augmentation = getattr(cfg, "augmentation", "none")
    if augmentation == "none":
        return text
    return tr("{summary} · {augmentation} augmentation").format(summary=text,
                                                                 augmentation=shown_name(augmentation, tr))


def duration(seconds: float) -> str:
    """0:07, 1:05, 1:02:03; '–' when unknown."""
    if not math.isfinite(seconds):
        return "–"
    m, s = divmod(int(round(seconds)), 60)
    h, m = divmod(m, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"


def run_header(number: int, cfg) -> str:
    return tr("Run {number}: {summary} · {optimizer}, learning rate {rate:g}, {schedule} schedule, "
              "seed {seed}").format(number=number, summary=summary_line(cfg), optimizer=cfg.optimizer,
                                    rate=cfg.learning_rate, schedule=shown_name(cfg.schedule), seed=cfg.seed)


def progress_format(chunk: dict, paused: bool = False) -> str:
    if paused:
        text = tr("Epoch {epoch} of {epochs} · batch {batch:,} of {steps:,} · paused")
    else:
        text = tr("Epoch {epoch} of {epochs} · batch {batch:,} of {steps:,}")
    return text.format(epoch=chunk["epoch"], epochs=chunk["epochs"], batch=chunk["batch"], steps=chunk["steps"])


def progress_detail(chunk: dict, paused: bool = False) -> str:
    """Speed and time left; while paused the clock is held and says so (paused time is not counted)."""
    left = duration(chunk["seconds_left"])
    if paused:
        return tr("Paused · about {left} left once resumed").format(left=left)
    return tr("{speed:,.0f} images/s · about {left} left").format(speed=chunk["samples_per_s"], left=left)


def not_kept_warning(problem: str) -> str:
    """The banner when the run store refuses a run: training goes on, but nothing of it is kept."""
    return tr("This run trains, but it is not being kept: {problem}. It will not be in the runs table; to keep "
              "its network, save it with File › Save model when it ends.").format(
        problem=problem[:1].lower() + problem[1:])


def not_learning_warning(verdict: str) -> str:
    return tr("{verdict} Press Stop to end this run, or let it go on.").format(verdict=verdict)


# The fields of an epoch line, in order: (key in the logs, words in the tab's log, decimals of the value as
# logged). Accuracies are logged as fractions; the tab shows them in percent with two decimals fewer.
EPOCH_FIELDS = (("loss", QT_TR_NOOP("loss"), 4), ("accuracy", QT_TR_NOOP("accuracy"), 4),
                ("val_loss", QT_TR_NOOP("validation loss"), 4),
                ("val_accuracy", QT_TR_NOOP("validation accuracy"), 4),
                # a run without a validation split measures the test images after each epoch: named as test
                ("test_loss", QT_TR_NOOP("test loss"), 4), ("test_accuracy", QT_TR_NOOP("test accuracy"), 4))
EPOCH_LINE_STYLES = ("log", "keras")


def epoch_line(info: dict, style: str = "log") -> str:
    """One line for the end of an epoch; the only place that decides which numbers it shows, in which
    order and how precisely. ``info``: ``epoch`` (1-based) and ``epochs``, any of the EPOCH_FIELDS,
    optionally ``seconds`` and, for an epoch cut short, ``batches`` of ``steps``.

    ``style="log"`` (the Training tab, in the chosen language): ``Epoch 3/5 · loss 0.0712 · accuracy 97.87% ·
    ... · 1.9 s``; ``style="keras"`` (the command line, always English, as Keras prints it):
    ``Epoch 3/5 - 1.9s - loss: 0.0712 - accuracy: 0.9787 - ...``.
    """
    if style not in EPOCH_LINE_STYLES:
        raise ValueError(f"unknown epoch line style: {style!r} (expected one of {', '.join(EPOCH_LINE_STYLES)})")
    keras = style == "keras"
    seconds = info.get("seconds")
    if keras:
        fields = [f"{key}: {float(info[key]):.{decimals}f}" for key, _, decimals in EPOCH_FIELDS if key in info]
        timing = [f"{seconds:.1f}s"] if seconds is not None else []
        return " - ".join([f"Epoch {info['epoch']}/{info['epochs']}", *timing, *fields])
    fields = []
    for key, words, decimals in EPOCH_FIELDS:
        if key not in info:
            continue
        value = float(info[key])
        if key.endswith("accuracy"):   # a fraction, shown in percent the language's way ("97,87 %" in German)
            fields.append(f"{tr(words)} {number(value, f'.{decimals - 2}%')}")
        else:
            fields.append(f"{tr(words)} {number(value, f'.{decimals}f')}")
    if info.get("batches", 0) < info.get("steps", 0):
        fields.append(tr("ended after batch {batch:,} of {steps:,}").format(batch=info["batches"],
                                                                             steps=info["steps"]))
    timing = [tr("{seconds:.1f} s").format(seconds=seconds)] if seconds is not None else []
    head = tr("Epoch {epoch}/{epochs}").format(epoch=info["epoch"], epochs=info["epochs"])
    return " · ".join([head, *fields, *timing])


_WHY_NOT_WRITTEN = {
    errno.ENOSPC: QT_TR_NOOP("the disk is full"), errno.EDQUOT: QT_TR_NOOP("your disk quota is used up"),
    errno.EACCES: QT_TR_NOOP("you are not allowed to write in that folder"),
    errno.EPERM: QT_TR_NOOP("you are not allowed to write there"),
    errno.EROFS: QT_TR_NOOP("that folder is on a read-only disk"),
    errno.ENOENT: QT_TR_NOOP("that folder does not exist (any more)"),
    errno.ENOTDIR: QT_TR_NOOP("part of that path is a file, not a folder"),
    errno.EISDIR: QT_TR_NOOP("a folder already has that name"),
    errno.ENAMETOOLONG: QT_TR_NOOP("the file name is too long"),
}


def file_error(what: str, path, exc: OSError) -> str:
    """Why a file could not be written, in plain words: 'The curves could not be exported to /x/a.csv:
    the disk is full. A file that was there before is unchanged.' (``what`` in the chosen language.)"""
    known = _WHY_NOT_WRITTEN.get(getattr(exc, "errno", None))
    if known:
        reason = tr(known)
    else:
        reason = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
        reason = reason[:1].lower() + reason[1:]
    return tr("{what} to {path}: {reason}. A file that was there before is unchanged.").format(
        what=what, path=path, reason=reason)


UNUSABLE = QT_TR_NOOP("The trained network answers with NaN (not a number) or infinity, so it was not kept: the "
                      "current model is unchanged. Try a lower learning rate.")
TEST_STOPPED = QT_TR_NOOP("Test accuracy not measured: the test was stopped before it had seen every test image.")


def result_lines(result, n_test: int) -> list[str]:
    """What the log says when a run ends (the last line is also shown under the progress bar)."""
    lines = []
    if result.stop_reason == "diverged":
        lines.append(tr("Diverged: {message}").format(message=result.message))
    elif result.stop_reason == "stopped":
        lines.append(tr("Stopped during epoch {epoch}; the network keeps the weights it had.").format(
            epoch=result.epochs_completed))
    if not getattr(result, "usable", True):
        lines.append(tr(UNUSABLE))
    if result.test_accuracy is not None:
        lines.append(tr("Test accuracy {accuracy:.2f}% on {images:,} images (test loss {loss:.4f}) · {time} in "
                        "all").format(accuracy=100 * result.test_accuracy, images=n_test, loss=result.test_loss,
                                      time=duration(result.seconds)))
    elif getattr(result, "test_stopped", False):
        lines.append(tr(TEST_STOPPED))
    return lines


def end_warning(result) -> str | None:
    """The banner after a run that diverged or left an unusable network; None after any other."""
    warnings = []
    if result.stop_reason == "diverged":
        warnings.append(result.message or tr("The loss became NaN or infinite; training stopped and the last "
                                             "good weights were kept."))
    if not getattr(result, "usable", True):
        warnings.append(tr(UNUSABLE))
    return " ".join(warnings) or None


def end_state(result) -> str:
    if result.stop_reason != "diverged" and not getattr(result, "usable", True):
        return tr("Not usable")
    if result.stop_reason == "diverged":
        return tr("Diverged")
    return tr("Stopped") if result.stop_reason == "stopped" else tr("Done")
