"""Teaching a trained model a person's handwriting without forgetting MNIST: ``finetune``. No Qt.

A copy of the model (``core.lab.copy_model``; the given one is never changed) goes on training:

* **Held out**: of each digit (0-9) that the person has at least MIN_TO_HOLD_OUT of, HELD_OUT_SHARE (at
  least one) is set aside, so "before" and "after" are measured on digits it never learned from. With
  fewer (ten digits, one of each, is enough to start) nothing of that digit is held out; with nothing held
  out at all, the figures are measured on the digits it learned from and ``n_held_out`` is 0.
* **Mixed**: every epoch holds each personal digit COPIES times (the first as drawn, the others randomly
  distorted by AUGMENTATION, ``data.augment``) up to about EPOCH_PERSONAL, and MNIST_POOL times as many
  MNIST training images, weighted (``fit(sample_weight=)``) so that MNIST is MNIST_SHARE of every epoch:
  more different MNIST digits make it forget less than the same few repeated (a small MLP learning
  mirrored digits: 5 points of MNIST lost with the pool at 1, 2.5 at 4).
* **MNIST kept by construction**: MNIST_CHECK training images (never in the mix; the MNIST test set is
  only reported, never used to choose) are measured before and after every epoch. The kept epoch is the
  one with the best held-out personal accuracy among those whose MNIST check accuracy stayed within
  MNIST_TOLERANCE (0.3 points) of the starting model's (``core.finetune_watch``; the engine's
  ``EarlyStopping`` with ``restore_best_weights`` monitors that score and ends the run PATIENCE epochs
  after the last improvement). 1,000 check images were too few: on the default CNN and mirrored digits
  they moved 0.2 points at the epoch kept while MNIST test lost 0.5; 5,000 follow the test set (-0.52 against -0.51).
  When no epoch qualifies it tries once more, gentler (GENTLE: a third of the learning rate, MNIST three
  quarters of every epoch); if that fails too, the epoch with the smallest MNIST check loss is kept and
  the result says so (``mnist_kept`` False, the summary and the advice). Measured (benchmarks/finetune.py,
  300 mirrored digits, 3 seeds): with the second try the writer gains 9.4 points on 700 unseen digits and
  MNIST test moves -0.08 to -0.10; keeping the first try's smallest-loss epoch instead gains 28 points but
  costs 0.98 of MNIST. The check images are ones the model trained on, so they are stricter than the
  test set (one of those three said "lost" at -0.09 on the test set).
* **Order**: the digits are put in one canonical order (by label, then by picture) first, so the same
  digits and seed give the same model whatever order they were kept in.
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
reading folders (``core.digit_folders``), the per-epoch measuring and the kept-epoch rule
(``core.finetune_watch``).
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass, field

import numpy as np

from mnist_gui.core.digit_folders import unique_digits
from mnist_gui.core.finetune_report import LOST_MNIST, accuracy, advice, model_input, save_result_as_run, summary
from mnist_gui.core.finetune_watch import KEPT_SCORE, MNIST_TOLERANCE, EpochWatch, check_images
from mnist_gui.core.lab import copy_model
from mnist_gui.core.i18n import QT_TR_NOOP, tr
from mnist_gui.data.augment import Augmentation
from mnist_gui.data.mnist import DIGIT_NAMES, load_dataset
from mnist_gui.nn.callbacks import EarlyStopping
from mnist_gui.nn.optimizers import Adam

__all__ = ["FinetuneProgress", "FinetuneResult", "advice", "check_finetunable", "check_model", "finetune",
           "held_out_split", "save_result_as_run", "summary"]

MIN_DIGITS = 10
MIN_TO_HOLD_OUT = 3
HELD_OUT_SHARE = 0.2
EPOCH_PERSONAL = 1600  # personal samples (drawn and distorted) per epoch
MAX_COPIES = 16
MNIST_POOL = 2  # MNIST images per personal sample in each epoch
MNIST_SHARE = 0.5  # of every epoch's weight
MNIST_CHECK = 5000
LEARNING_RATE = 3e-4
GENTLE = (LEARNING_RATE / 3, 0.75, QT_TR_NOOP("Second try, gentler: {step}"))  # learning rate, MNIST share, words
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
    before: dict  # personal (held-out accuracy, or None), mnist (test), mnist_check (the images that choose)
    after: dict  # the same after fine-tuning (the kept epoch); {} when stopped
    n_train: int
    n_held_out: int
    epochs_run: int
    seconds: float
    advice: str
    config: dict
    epochs: list = field(default_factory=list)  # per-epoch logs
    duplicates: int = 0  # identical digits given twice, used once
    best_epoch: int = 0  # 1-based: the epoch whose weights were kept (early stopping restores the best)
    mnist_kept: bool = False  # the kept epoch's MNIST check accuracy is within MNIST_TOLERANCE of the start
    tries: int = 1  # 2 when no epoch of the first try kept MNIST and it tried once more, gentler

    def summary(self) -> str:
        return summary(self)


def check_model(model) -> str | None:
    """Why ``model`` cannot learn digits, in one sentence; None when it can."""
    layers = getattr(model, "layers", None)
    if not layers or not getattr(model, "built", False):
        return tr("There is no trained model to teach.")
    shape = tuple(layers[0].input_shape or ())
    if shape not in _INPUTS:
        return tr("This model takes {shape} inputs; your digits are 28 x 28 pictures, so only a model of 28 x 28 "
                  "(or 784) inputs can learn them.").format(shape=" x ".join(map(str, shape)) or tr("unknown"))
    if model.num_classes != 10:
        return tr("This model tells {classes} classes apart, not the ten digits.").format(classes=model.num_classes)
    names = [str(n) for n in (getattr(model, "class_names", None) or [])]
    if names and names not in (DIGIT_NAMES, [str(d) for d in range(10)]):
        return tr("This model tells {names}, ... apart, not handwritten digits.").format(names=", ".join(names[:3]))
    return None


def check_finetunable(model, images, labels) -> str | None:
    """Why fine-tuning ``model`` on these digits cannot start, in one sentence; None when it can."""
    problem = check_model(model)
    if problem:
        return problem
    images, labels = np.asarray(images), np.asarray(labels)
    if images.ndim != 3 or images.shape[1:] != (28, 28) or images.dtype != np.uint8:
        return tr("The digits must be uint8 28 x 28 pictures, got {dtype} {shape}.").format(dtype=images.dtype,
                                                                                          shape=images.shape)
    if labels.shape != (len(images),) or (len(labels) and (labels.min() < 0 or labels.max() > 9)):
        return tr("Every digit needs one label from 0 to 9.")
    if len(labels) < MIN_DIGITS:
        if not len(labels):
            text = tr("There are no digits to learn from; keep at least {least} (one of each digit is a start).")
        else:
            text = tr("There is/are %n digit(s) to learn from; keep at least {least} (one of each digit is a start).",
                      None, len(labels))
        return text.format(least=MIN_DIGITS)
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


def in_canonical_order(images, labels) -> np.ndarray:
    """The order that makes the result independent of the order the digits were kept in: by label, then by
    the bytes of the picture (indices into ``images``)."""
    keys = [bytes(image.tobytes()) for image in images]
    return np.array(sorted(range(len(labels)), key=lambda i: (int(labels[i]), keys[i])), np.int64)


def _mix(images, labels, mnist, check_idx, seed, mnist_share):
    """The training set and its sample weights: each personal digit COPIES times (drawn, then distorted),
    weight 1, and MNIST_POOL times as many MNIST images, weighted so that MNIST is ``mnist_share`` of every
    epoch's weight while the network sees many different MNIST digits."""
    rng = np.random.default_rng(seed + 1)
    copies = int(min(MAX_COPIES, max(1, math.ceil(EPOCH_PERSONAL / len(labels)))))
    parts = [images] + [np.clip(np.rint(AUGMENTATION(images, rng)), 0, 255).astype(np.uint8)
                        for _ in range(copies - 1)]
    personal = np.concatenate(parts)
    pool = np.setdiff1d(np.arange(len(mnist.y_train)), check_idx)
    pick = rng.choice(pool, size=min(int(MNIST_POOL * len(personal)), len(pool)), replace=False)
    x = np.concatenate([personal, mnist.x_train[pick]])
    y = np.concatenate([np.tile(labels, copies), mnist.y_train[pick]]).astype(np.int64)
    mnist_weight = mnist_share / (1 - mnist_share) * len(personal) / max(len(pick), 1)
    w = np.concatenate([np.ones(len(personal), np.float32), np.full(len(pick), mnist_weight, np.float32)])
    return x, y, w, copies


@dataclass
class _Attempt:
    model: object
    watch: EpochWatch
    stopper: EarlyStopping
    config: dict

    @property
    def kept_logs(self) -> dict:
        return self.watch.logs[self.stopper.best_epoch] if self.watch.logs else {}

    @property
    def mnist_kept(self) -> bool:
        return self.kept_logs.get("val_mnist_kept", 0.0) == 1.0


def _attempt(model, train, held, check, check_before, *, mnist, check_idx, seed, freeze, max_epochs,
             learning_rate, mnist_share, report, span, words, control) -> _Attempt:
    """One run of fit on a fresh copy of ``model``; the kept epoch chosen by the engine's EarlyStopping."""
    x, y, weights, copies = _mix(*train, mnist, check_idx, seed, mnist_share)
    twin = copy_model(model)
    frozen = [layer.name for layer in twin.layers if freeze and type(layer).__name__ == "Conv2D"]
    for layer in twin.layers:
        if layer.name in frozen:
            layer.trainable = False
    twin.compile(optimizer=Adam(learning_rate=learning_rate), loss="sparse_categorical_crossentropy")
    watch = EpochWatch(held, check, check_before, report, max_epochs, span, words)
    stopper = EarlyStopping(monitor=KEPT_SCORE, mode="max", patience=PATIENCE, restore_best_weights=True)
    config = {"learning_rate": learning_rate, "mnist_share": mnist_share, "copies": copies,
              "mnist_mix": len(y) - copies * len(train[1]), "frozen": frozen}
    if control is None or not control.stop_requested:
        twin.fit(model_input(twin, x), y, epochs=max_epochs, batch_size=BATCH_SIZE, seed=seed, verbose=0,
                 sample_weight=weights, callbacks=[watch, stopper] + ([control] if control is not None else []))
    for layer, own in zip(twin.layers, model.layers):  # frozen for this run only, not in the saved model
        layer.trainable = getattr(own, "trainable", True)
    return _Attempt(twin, watch, stopper, config)


def finetune(model, images, labels, *, seed: int = 0, control=None, progress=None, mnist=None,
             freeze: bool = True, max_epochs: int = MAX_EPOCHS, retry: bool = True) -> FinetuneResult:
    """Fine-tune a copy of ``model`` on the person's digits (uint8 (N, 28, 28), labels (N,) 0-9).

    ``mnist``: a ``data.mnist.Dataset`` to mix in and test on (default: the bundled MNIST). ``control``:
    a ``TrainingControl`` whose ``stop()`` ends it soon (``stopped`` True, no ``after``). ``progress``:
    called with a FinetuneProgress. ``freeze``: freeze the convolutions (if any). ``retry``: when no
    epoch kept MNIST, try once more, gentler (GENTLE). ValueError (``check_finetunable``'s sentence) when
    it cannot start.
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
        raise ValueError(tr("Only {n} of these digits differ from each other; keep at least {least} different "
                            "ones.").format(n=len(labels), least=MIN_DIGITS))
    order = in_canonical_order(images, labels)
    images, labels = images[order], labels[order]
    train_idx, held_idx = held_out_split(labels, seed)
    measured = held_idx if len(held_idx) else train_idx
    held = images[measured], labels[measured].astype(np.int64)
    train = images[train_idx], labels[train_idx].astype(np.int64)
    check_idx = check_images(mnist, MNIST_CHECK, seed)
    check = mnist.x_train[check_idx], mnist.y_train[check_idx].astype(np.int64)
    report(0, 0.0, tr("Measuring the model before fine-tuning"), force=True)
    before = {"personal": accuracy(model, *held, control), "mnist": accuracy(model, mnist.x_test, mnist.y_test,
                                                                             control)}
    check_before = accuracy(model, *check, control)
    plans = [(LEARNING_RATE, MNIST_SHARE, "")] + ([GENTLE] if retry else [])
    attempt, tries, span = None, 0, (0.1, 0.9)
    for learning_rate, share, words in plans:
        if control is not None and control.stop_requested:
            break
        attempt = _attempt(model, train, held, check, check_before or 0.0, mnist=mnist, check_idx=check_idx,
                           seed=seed, freeze=freeze, max_epochs=max_epochs, learning_rate=learning_rate,
                           mnist_share=share, report=report, span=span, words=words, control=control)
        tries += 1
        if attempt.mnist_kept or not attempt.watch.logs:
            break
        span = (span[0] + (span[1] - span[0]) * len(attempt.watch.logs) / max_epochs, 0.9)
    stopped = attempt is None or not attempt.watch.logs or (control is not None and control.stop_requested)
    after = {}
    if not stopped:
        twin = attempt.model
        report(len(attempt.watch.logs), 0.9, tr("Measuring the model after fine-tuning"), force=True)
        after = {"personal": accuracy(twin, *held, control), "mnist": accuracy(twin, mnist.x_test, mnist.y_test,
                                                                               control)}
        stopped = control is not None and control.stop_requested
    kept_logs = attempt.kept_logs if attempt is not None else {}
    config = dict(model.metadata.get("config") or {})
    config.update({"finetune": True, "optimizer": "adam", "schedule": "constant", "batch_size": BATCH_SIZE,
                   "epochs": max_epochs, "seed": seed, "personal_digits": len(labels), "held_out": len(held_idx),
                   "mnist_pool": MNIST_POOL, "mnist_check": len(check_idx), "mnist_tolerance": MNIST_TOLERANCE,
                   "augmentation": AUGMENTATION.to_dict(), "patience": PATIENCE, "tries": tries,
                   **(attempt.config if attempt is not None else {})})
    mnist_kept = bool(attempt is not None and attempt.mnist_kept)
    if stopped:
        after = {}
    else:
        after["mnist_check"] = kept_logs.get("val_mnist_accuracy")
        twin.metadata.update({"test_accuracy": after["mnist"], "finetuned": {
            "personal_digits": len(labels), "held_out": len(held_idx), "before": before, "after": after,
            "mnist_kept": mnist_kept}})
        twin.metadata.pop("test_loss", None)
    before["mnist_check"] = check_before
    tip = "" if stopped else advice(twin, images, labels)  # stopping should be quick: no more predictions
    if not stopped and not mnist_kept:
        tip = f"{tr(LOST_MNIST)} {tip}"
    epochs = attempt.watch.logs if attempt is not None else []
    report(len(epochs), 1.0, tr("Stopped") if stopped else tr("Done"), force=True)
    return FinetuneResult(model=None if stopped else twin, stopped=stopped, before=before, after=after,
                          n_train=len(train_idx), n_held_out=len(held_idx), epochs_run=len(epochs),
                          seconds=time.perf_counter() - started, advice=tip, config=config, epochs=epochs,
                          duplicates=duplicates, best_epoch=attempt.stopper.best_epoch + 1 if epochs else 0,
                          mnist_kept=mnist_kept and not stopped, tries=tries)
