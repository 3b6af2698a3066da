"""What fine-tuning tells the person and keeps: ``advice`` (which digits to draw more of), ``summary`` (the
before/after figures in one sentence) and ``save_result_as_run`` (the result as a run, issue 13). No Qt.

Not here: the fine-tuning itself (``core.finetune``), the run store (``core.runs``, ``core.run_recorder``).
"""

from __future__ import annotations

import math

import numpy as np

from mnist_gui.core.inference import input_from_uint8
from mnist_gui.core.run_recorder import start_run
from mnist_gui.core.i18n import QT_TR_NOOP, tr

MIN_PER_DIGIT = 5  # fewer of a digit than this is too few to learn that digit from
MORE_PER_MISTAKE = 3  # digits to draw for each one misread
MAX_ASK = 20  # never ask for more than this many of one digit
MAX_NAMED = 4  # digits named in the advice
LOST_MNIST = QT_TR_NOOP("Every epoch lost more than 0.3 points on the MNIST check images, even on a second, gentler "
                        "try; the one that lost least was kept. Compare the MNIST test figures before you use it.")


def model_input(model, images: np.ndarray) -> np.ndarray:
    """uint8 digits (N, 28, 28) -> what ``model`` takes: its scale, and flattened for a (784,) input."""
    x = input_from_uint8(model, images)
    shape = tuple(model.layers[0].input_shape)
    return x.reshape((len(x),) + shape) if shape != x.shape[1:] else x


def predictions(model, images: np.ndarray, control=None, chunk: int = 1000) -> np.ndarray | None:
    """The model's answers (N,) for uint8 digits, in chunks so that ``control.stop()`` is heard between
    them; None when stopped."""
    out = np.empty(len(images), np.int64)
    for lo in range(0, len(images), chunk):
        if control is not None and control.stop_requested:
            return None
        out[lo:lo + chunk] = np.argmax(model.predict(model_input(model, images[lo:lo + chunk]), batch_size=256,
                                                   verbose=0), axis=1)
    return out


def accuracy(model, images: np.ndarray, labels: np.ndarray, control=None) -> float | None:
    """The share of ``images`` the model reads as ``labels``; None when there are none or when stopped."""
    if not len(labels):
        return None
    answers = predictions(model, images, control)
    return None if answers is None else float(np.mean(answers == labels))


def _digit_word(digit: int, n: int) -> str:
    return tr("%n more {digit}(s)", None, n).format(digit=digit)  # "1 more 7", "3 more 7s"


def _digits(digits) -> str:
    """"7s and 9s" (German: "7 und 9"): digits as a group."""
    return _joined([tr("{digit}s", "digits of one kind").format(digit=d) for d in digits])


def _joined(words: list[str]) -> str:
    if len(words) == 1:
        return words[0]
    return tr("{list} and {last}").format(list=tr(", ", "list separator").join(words[:-1]), last=words[-1])


def advice(model, images: np.ndarray, labels: np.ndarray) -> str:
    """Which digits to draw more of, in one sentence: those the model misreads among ``images`` (uint8
    (N, 28, 28), labels 0-9), the most often misread first, and those there are too few of to learn from
    (fewer than MIN_PER_DIGIT)."""
    labels = np.asarray(labels).astype(np.int64)
    counts = np.bincount(labels, minlength=10)[:10]
    wrong = np.zeros(10, np.int64)
    if len(labels):
        answers = predictions(model, np.asarray(images))
        wrong = np.bincount(labels[answers != labels], minlength=10)[:10]
    ask = np.minimum(np.maximum(MIN_PER_DIGIT - counts, 0) + MORE_PER_MISTAKE * wrong, MAX_ASK)
    if not ask.any():
        return tr("It reads all of your digits right; draw more of any digit to check that it keeps doing so.")
    rate = np.where(counts > 0, wrong / np.maximum(counts, 1), 1.0)  # the share misread; none drawn: all
    order = sorted(np.flatnonzero(ask), key=lambda d: (-rate[d], -ask[d], d))[:MAX_NAMED]
    why = []
    misread = [d for d in order if wrong[d]]
    few = [d for d in order if not wrong[d]]
    if misread:
        why.append(tr("it misreads your {digits}").format(digits=_digits(misread)))
    if few:
        what = _digits(few)
        if all(counts[d] == 0 for d in few):
            why.append(tr("you have drawn no {digits} yet").format(digits=what))
        elif len(few) > 1 or counts[few[0]] != 1:
            why.append(tr("there are too few of your {digits} to learn from").format(digits=what))
        else:
            why.append(tr("there is only one of your {digits} to learn from").format(digits=what))
    what = _joined([_digit_word(d, int(ask[d])) for d in order])
    if len(why) == 1:
        return tr("Draw {what}: {why}.").format(what=what, why=why[0])
    return tr("Draw {what}: {why} and {also}.").format(what=what, why=why[0], also=why[1])


def percent(value, decimals: int = 1) -> str:
    """0.9768 -> "97.7%" (``decimals=2``: "97.68%", for MNIST, whose changes are a few hundredths); "–" for
    none."""
    return "–" if value is None or not math.isfinite(value) else f"{100 * value:.{decimals}f}%"


MNIST_DECIMALS = 2  # fine-tuning moves MNIST by hundredths of a point: 97.68% -> 97.74% must not read 97.7 -> 97.7


def digits_used(result) -> str:
    """How many of the person's digits fine-tuning used, saying the merged twins (each used once): "10 of
    your digits" or "your digits (11 kept, 1 the same as another)"."""
    kept = result.n_train + result.n_held_out + getattr(result, "duplicates", 0)
    if not getattr(result, "duplicates", 0):
        return tr("{kept:,} of your digits").format(kept=kept)
    return tr("your digits ({kept:,} kept, {same:,} the same as another)").format(kept=kept,
                                                                                  same=result.duplicates)


def summary(result) -> str:
    """Before and after, side by side, in one sentence."""
    before, after = result.before, result.after or {}
    if result.n_held_out:
        where = tr("your held-out digits")
    else:
        where = tr("your own (no held-out part: too few of each) digits")
    kept = ""
    if 0 < result.best_epoch < result.epochs_run:
        kept = tr(" (the weights of epoch {epoch} kept)").format(epoch=result.best_epoch)
    gentler = tr(" (on a second, gentler try)") if getattr(result, "tries", 1) > 1 else ""
    held = tr(", {n:,} held back for the test,").format(n=result.n_held_out) if result.n_held_out else ""
    text = tr("Fine-tuned on {digits}{held} in {epochs}{gentler}{kept}: {where} {before} → {after}, "
              "MNIST test {mnist_before} → {mnist_after}.").format(
        digits=digits_used(result), held=held, epochs=tr("%n epoch(s)", None, result.epochs_run), gentler=gentler,
        kept=kept, where=where, before=percent(before.get("personal")), after=percent(after.get("personal")),
        mnist_before=percent(before.get("mnist"), MNIST_DECIMALS),
        mnist_after=percent(after.get("mnist"), MNIST_DECIMALS))
    if result.stopped:
        return text + " " + tr("Stopped before the end; the model was not changed.")
    if not getattr(result, "mnist_kept", True):
        return text + " " + tr("Every epoch lost more than 0.3 points on the MNIST check images.")
    return text


def save_result_as_run(result, name: str | None = None, store=None):
    """Keep a finished fine-tuning ``result`` as a run in ``store`` (default: the user's run store): its
    settings, per-epoch logs, the fine-tuned model and, under ``finetune`` in its record, the before/after
    figures. Returns the Run; OSError (in plain words) when the disk refuses, ValueError for a stopped
    result (there is no model to keep)."""
    if result.stopped or result.model is None:
        raise ValueError(tr("fine-tuning was stopped: there is no fine-tuned model to keep"))
    name = name or tr("fine-tuned on {digits}").format(digits=digits_used(result))
    recorder, problem = start_run(result.config, name,
                                  source="finetune", store=store)
    if recorder is None:
        raise OSError(problem)
    for epoch, logs in enumerate(result.epochs):
        recorder.on_epoch_end(epoch, logs)
    recorder.run.info["finetune"] = {"personal": {"before": result.before.get("personal"),
                                                  "after": result.after.get("personal")},
                                     "mnist_test": {"before": result.before.get("mnist"),
                                                    "after": result.after.get("mnist")},
                                     "mnist_check": {"before": result.before.get("mnist_check"),
                                                     "after": result.after.get("mnist_check")},
                                     "mnist_kept": result.mnist_kept, "tries": result.tries,
                                     "n_train": result.n_train, "n_held_out": result.n_held_out,
                                     "advice": result.advice}
    recorder.finish("finished", summary(result), result.seconds, test_accuracy=result.after.get("mnist"),
                    model=result.model)
    if recorder.problem:
        raise OSError(recorder.problem)
    return recorder.run
