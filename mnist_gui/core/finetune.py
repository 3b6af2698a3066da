"""Teaching a trained model a person's handwriting without forgetting MNIST: ``finetune``. No Qt.

A copy of the model (``core.lab.copy_model``; the given one is never changed) goes on training:

* **Held out**: of each digit (0-9) that the person has at least MIN_TO_HOLD_OUT of, HELD_OUT_SHARE (at
  least one) is set aside, so "before" and "after" are measured on digits it never learned from. With
  fewer (ten digits, one of each, is enough to start) nothing of that digit is held out; with nothing held
  out at all, the figures are measured on the digits it learned from and ``n_held_out`` is 0.
* **Mixed**: every epoch holds each personal digit COPIES times (the first as drawn, the others randomly
  distorted by AUGMENTATION, ``data.augment``) up to about EPOCH_PERSONAL, and MNIST_POOL times as many
  MNIST training images, each weighing 1 / MNIST_POOL (``fit(sample_weight=)``): MNIST weighs half of
  every epoch, and more different MNIST digits make it forget less than the same few repeated (a small
  MLP learning mirrored digits: 5 points of MNIST lost with the pool at 1, 2.5 at 4). A separate MNIST_CHECK
  training images (never in the mix) measure forgetting.
* **Early stopping**: after each epoch the accuracy on the held-out digits and on the MNIST check images
  are averaged into ``val_mix_accuracy``; the engine's ``EarlyStopping`` (patience PATIENCE, best weights
  restored) ends the run when it stops rising. Accuracy rather than loss: once the held-out digits are all
  read right their loss still falls while MNIST slips, and the loss would then go on trading MNIST for
  nothing the person sees. A slow learning rate (LEARNING_RATE, Adam) keeps the steps small.
* **Frozen features**: by default (``freeze=True``) a CNN's convolutions are frozen (``trainable = False``)
  and only its dense layers learn. Measured on the default CNN and a simulated writer
  (benchmarks/finetune.py): the writer's accuracy rises nearly as much as with every layer learning (+10.1
  against +10.7 points on 700 unseen digits), MNIST test moves far less (-0.01 against -0.13 points) and an
  epoch takes about half the time.
  An MLP has no convolutions: all of it learns.

Stoppable through a ``TrainingControl`` (between batches and between measuring chunks); progress goes to
``progress(FinetuneProgress)`` at most ten times a second, from the calling (worker) thread. A store
changed while this runs does not matter: it works on the arrays it was given.

Not here: advice, the one-line summary and keeping the result as a run (``core.finetune_report``),
reading folders (``core.digit_folders``).
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass, field

import numpy as np

from mnist_gui.core.digit_folders import unique_digits
from mnist_gui.core.finetune_report import accuracy, advice, model_input, save_result_as_run, summary
from mnist_gui.core.lab import copy_model
from mnist_gui.core.words import count
from mnist_gui.data.augment import Augmentation
from mnist_gui.data.mnist import DIGIT_NAMES, load_dataset
from mnist_gui.nn.callbacks import Callback, EarlyStopping
from mnist_gui.nn.optimizers import Adam

__all__ = ["FinetuneProgress", "FinetuneResult", "advice", "check_finetunable", "check_model", "finetune",
           "held_out_split", "save_result_as_run", "summary"]

MIN_DIGITS = 10
MIN_TO_HOLD_OUT = 3
HELD_OUT_SHARE = 0.2
EPOCH_PERSONAL = 1600  # personal samples (drawn and distorted) per epoch
MAX_COPIES = 16
MNIST_POOL = 2  # MNIST images per personal sample in each epoch (weighted down to as much in all)
MNIST_CHECK = 1000
LEARNING_RATE = 3e-4
BATCH_SIZE = 64
MAX_EPOCHS = 8
PATIENCE = 2
AUGMENTATION = Augmentation(rotation=10, scale=0.08, shear=0.15, translate=1.0, thickness=0.3)
PROGRESS_EVERY_S = 0.1
_INPUTS = ((28, 28), (784,))


@dataclass
class FinetuneProgress:
    epoch: int  # 1-based epoch under way (0 while measuring before)
    epochs: int  # the most epochs it may take
    fraction: float  # of the whole job, 0..1
    message: str


@dataclass
class FinetuneResult:
    model: object  # the fine-tuned copy (a Sequential); the given model is unchanged
    stopped: bool
    before: dict  # personal (held-out accuracy, or None), mnist (test accuracy)
    after: dict  # the same after fine-tuning; {} when stopped
    n_train: int
    n_held_out: int
    epochs_run: int
    seconds: float
    advice: str
    config: dict
    epochs: list = field(default_factory=list)  # per-epoch logs
    duplicates: int = 0  # identical digits given twice, used once
    best_epoch: int = 0  # 1-based: the epoch whose weights were kept (early stopping restores the best)

    def summary(self) -> str:
        return summary(self)


def check_model(model) -> str | None:
    """Why ``model`` cannot learn digits, in one sentence; None when it can."""
    layers = getattr(model, "layers", None)
    if not layers or not getattr(model, "built", False):
        return "There is no trained model to teach."
    shape = tuple(layers[0].input_shape or ())
    if shape not in _INPUTS:
        return (f"This model takes {' x '.join(map(str, shape)) or 'unknown'} inputs; your digits are 28 x 28 "
                f"pictures, so only a model of 28 x 28 (or 784) inputs can learn them.")
    if model.num_classes != 10:
        return f"This model tells {model.num_classes} classes apart, not the ten digits."
    names = [str(n) for n in (getattr(model, "class_names", None) or [])]
    if names and names not in (DIGIT_NAMES, [str(d) for d in range(10)]):
        return f"This model tells {', '.join(names[:3])}, ... apart, not handwritten digits."
    return None


def check_finetunable(model, images, labels) -> str | None:
    """Why fine-tuning ``model`` on these digits cannot start, in one sentence; None when it can."""
    problem = check_model(model)
    if problem:
        return problem
    images, labels = np.asarray(images), np.asarray(labels)
    if images.ndim != 3 or images.shape[1:] != (28, 28) or images.dtype != np.uint8:
        return f"The digits must be uint8 28 x 28 pictures, got {images.dtype} {images.shape}."
    if labels.shape != (len(images),) or (len(labels) and (labels.min() < 0 or labels.max() > 9)):
        return "Every digit needs one label from 0 to 9."
    if len(labels) < MIN_DIGITS:
        have = count(len(labels), "digit") if len(labels) else "no digits"
        return (f"There {'is' if len(labels) == 1 else 'are'} {have} to learn from; keep at least {MIN_DIGITS} "
                f"(one of each digit is a start).")
    return None


def held_out_split(labels, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """(training indices, held-out indices): per digit with at least MIN_TO_HOLD_OUT examples,
    round(HELD_OUT_SHARE * n) of them (at least 1) held out, chosen at random from ``seed``."""
    labels = np.asarray(labels)
    rng = np.random.default_rng(seed)
    train, held = [], []
    for digit in range(10):
        idx = rng.permutation(np.flatnonzero(labels == digit))
        k = max(1, round(HELD_OUT_SHARE * len(idx))) if len(idx) >= MIN_TO_HOLD_OUT else 0
        held.append(idx[:k])
        train.append(idx[k:])
    return np.sort(np.concatenate(train)).astype(np.int64), np.sort(np.concatenate(held)).astype(np.int64)


def _mix(images, labels, mnist, check_idx, seed):
    """The training set and its sample weights: each personal digit COPIES times (drawn, then distorted),
    weight 1, and MNIST_POOL times as many MNIST images weighing 1 / MNIST_POOL, so that MNIST weighs as
    much as the personal digits while the network sees many different MNIST digits."""
    rng = np.random.default_rng(seed + 1)
    copies = int(min(MAX_COPIES, max(1, math.ceil(EPOCH_PERSONAL / len(labels)))))
    parts = [images] + [np.clip(np.rint(AUGMENTATION(images, rng)), 0, 255).astype(np.uint8)
                        for _ in range(copies - 1)]
    personal = np.concatenate(parts)
    pool = np.setdiff1d(np.arange(len(mnist.y_train)), check_idx)
    pick = rng.choice(pool, size=min(int(MNIST_POOL * len(personal)), len(pool)), replace=False)
    x = np.concatenate([personal, mnist.x_train[pick]])
    y = np.concatenate([np.tile(labels, copies), mnist.y_train[pick]]).astype(np.int64)
    w = np.concatenate([np.ones(len(personal), np.float32),
                        np.full(len(pick), len(personal) / max(len(pick), 1), np.float32)])
    return x, y, w, copies


class _Watch(Callback):
    """Per epoch, the held-out (personal) and MNIST-check losses and accuracies into the logs, and their
    means (``val_mix_accuracy`` for EarlyStopping, which comes after this in the list); throttled progress."""

    def __init__(self, personal, check, report, epochs):
        super().__init__()
        self.personal, self.check, self.report, self.epochs = personal, check, report, epochs
        self.epoch, self._last = 0, 0.0
        self.logs: list[dict] = []  # each epoch's logs, with the keys added here

    def on_epoch_begin(self, epoch, logs=None):
        self.epoch = epoch

    def on_batch_end(self, batch, logs=None):
        now = time.monotonic()
        if now - self._last >= PROGRESS_EVERY_S:
            self._last = now
            done = (self.epoch + (batch + 1) / max(self.params.get("steps", 1), 1)) / self.epochs
            self.report(self.epoch + 1, 0.1 + 0.8 * done, f"Learning your handwriting: epoch {self.epoch + 1} "
                        f"of at most {self.epochs}")

    def on_epoch_end(self, epoch, logs=None):
        losses = []
        for key, (x, y) in (("personal", self.personal), ("mnist", self.check)):
            loss, acc = self.model.evaluate(model_input(self.model, x), y, batch_size=256, verbose=0)
            logs[f"val_{key}_loss"], logs[f"val_{key}_accuracy"] = float(loss), float(acc)
            losses.append(float(loss))
        logs["val_mix_loss"] = float(np.mean(losses))
        logs["val_mix_accuracy"] = (logs["val_personal_accuracy"] + logs["val_mnist_accuracy"]) / 2
        self.logs.append({k: float(v) for k, v in logs.items()})
        self.report(epoch + 1, 0.1 + 0.8 * (epoch + 1) / self.epochs,
                    f"Epoch {epoch + 1}: your held-out digits {logs['val_personal_accuracy']:.0%}, MNIST "
                    f"{logs['val_mnist_accuracy']:.1%}", force=True)


def finetune(model, images, labels, *, seed: int = 0, control=None, progress=None, mnist=None,
             freeze: bool = True, max_epochs: int = MAX_EPOCHS) -> FinetuneResult:
    """Fine-tune a copy of ``model`` on the person's digits (uint8 (N, 28, 28), labels (N,) 0-9).

    ``mnist``: a ``data.mnist.Dataset`` to mix in and test on (default: the bundled MNIST). ``control``:
    a ``TrainingControl`` whose ``stop()`` ends it soon (``stopped`` True, no ``after``). ``progress``:
    called with a FinetuneProgress. ``freeze``: freeze the convolutions (if any). ValueError
    (``check_finetunable``'s sentence) when it cannot start.
    """
    started = time.perf_counter()
    problem = check_finetunable(model, images, labels)
    if problem:
        raise ValueError(problem)
    last = [0.0]

    def report(epoch, fraction, message, force=False):
        if progress is not None and (force or time.monotonic() - last[0] >= PROGRESS_EVERY_S):
            last[0] = time.monotonic()
            progress(FinetuneProgress(epoch, max_epochs, min(max(fraction, 0.0), 1.0), message))

    if mnist is None:
        mnist = load_dataset()
    images, labels, duplicates = unique_digits(np.asarray(images), np.asarray(labels).astype(np.uint8))
    if len(labels) < MIN_DIGITS:
        raise ValueError(f"Only {len(labels)} of these digits differ from each other; keep at least {MIN_DIGITS} "
                         f"different ones.")
    train_idx, held_idx = held_out_split(labels, seed)
    measured = held_idx if len(held_idx) else train_idx
    x_held, y_held = images[measured], labels[measured].astype(np.int64)
    report(0, 0.0, "Measuring the model before fine-tuning", force=True)
    before = {"personal": accuracy(model, x_held, y_held, control),
              "mnist": accuracy(model, mnist.x_test, mnist.y_test, control)}
    rng = np.random.default_rng(seed)
    check_idx = rng.choice(len(mnist.y_train), size=min(MNIST_CHECK, len(mnist.y_train) // 2), replace=False)
    x, y, weights, copies = _mix(images[train_idx], labels[train_idx].astype(np.int64), mnist, check_idx, seed)
    twin = copy_model(model)
    frozen = [layer.name for layer in twin.layers if freeze and type(layer).__name__ == "Conv2D"]
    for layer in twin.layers:
        if layer.name in frozen:
            layer.trainable = False
    twin.compile(optimizer=Adam(learning_rate=LEARNING_RATE), loss="sparse_categorical_crossentropy")
    config = dict(model.metadata.get("config") or {})
    config.update({"finetune": True, "optimizer": "adam", "learning_rate": LEARNING_RATE, "schedule": "constant",
                   "batch_size": BATCH_SIZE, "epochs": max_epochs, "seed": seed, "personal_digits": len(labels),
                   "held_out": len(held_idx), "copies": copies, "mnist_mix": len(y) - copies * len(train_idx),
                   "mnist_pool": MNIST_POOL, "augmentation": AUGMENTATION.to_dict(), "frozen": frozen,
                   "patience": PATIENCE})
    epochs, best, stopped = [], 0, control is not None and control.stop_requested
    if not stopped:
        watch = _Watch((x_held, y_held), (mnist.x_train[check_idx], mnist.y_train[check_idx].astype(np.int64)),
                       report, max_epochs)
        stopper = EarlyStopping(monitor="val_mix_accuracy", mode="max", patience=PATIENCE,
                                restore_best_weights=True)
        twin.fit(model_input(twin, x), y, epochs=max_epochs, batch_size=BATCH_SIZE, seed=seed, verbose=0,
                 sample_weight=weights,
                 callbacks=[watch, stopper] + ([control] if control is not None else []))
        epochs, best = watch.logs, stopper.best_epoch + 1 if watch.logs else 0
        for layer, own in zip(twin.layers, model.layers):  # frozen for this run only, not in the saved model
            layer.trainable = getattr(own, "trainable", True)
        stopped = control is not None and control.stop_requested
    after = {}
    if not stopped:
        report(len(epochs), 0.9, "Measuring the model after fine-tuning", force=True)
        after = {"personal": accuracy(twin, x_held, y_held, control),
                 "mnist": accuracy(twin, mnist.x_test, mnist.y_test, control)}
        stopped = control is not None and control.stop_requested
    if stopped:
        after = {}
    else:
        twin.metadata.update({"test_accuracy": after["mnist"], "finetuned": {
            "personal_digits": len(labels), "held_out": len(held_idx), "before": before, "after": after}})
        twin.metadata.pop("test_loss", None)
    tip = "" if stopped else advice(twin, images, labels)  # stopping should be quick: no more predictions
    report(len(epochs), 1.0, "Stopped" if stopped else "Done", force=True)
    return FinetuneResult(model=None if stopped else twin, stopped=stopped, before=before, after=after,
                          n_train=len(train_idx), n_held_out=len(held_idx), epochs_run=len(epochs),
                          seconds=time.perf_counter() - started, advice=tip, config=config, epochs=epochs,
                          duplicates=duplicates, best_epoch=best)
