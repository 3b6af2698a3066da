"""What fine-tuning tells the person and keeps: ``advice`` (which digits to draw more of), ``summary`` (the
before/after figures in one sentence) and ``save_result_as_run`` (the result as a run, issue 13). No Qt.

Not here: the fine-tuning itself (``core.finetune``), the run store (``core.runs``, ``core.run_recorder``).
"""

from __future__ import annotations

import math

import numpy as np

from mnist_gui.core.inference import input_from_uint8
from mnist_gui.core.run_recorder import start_run
from mnist_gui.core.words import count

MIN_PER_DIGIT = 5  # fewer of a digit than this is too few to learn that digit from
MORE_PER_MISTAKE = 3  # digits to draw for each one misread
MAX_ASK = 20  # never ask for more than this many of one digit
MAX_NAMED = 4  # digits named in the advice
LOST_MNIST = ("Every epoch lost more than 0.3 points on the MNIST check images, even on a second, gentler try; "
              "the one that lost least was kept. Compare the MNIST test figures before you use it.")


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
    return f"{n} more {digit}" + ("" if n == 1 else "s")  # "1 more 7", "3 more 7s"


def _joined(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


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
        return "It reads all of your digits right; draw more of any digit to check that it keeps doing so."
    rate = np.where(counts > 0, wrong / np.maximum(counts, 1), 1.0)  # the share misread; none drawn: all
    order = sorted(np.flatnonzero(ask), key=lambda d: (-rate[d], -ask[d], d))[:MAX_NAMED]
    why = []
    misread = [d for d in order if wrong[d]]
    few = [d for d in order if not wrong[d]]
    if misread:
        why.append(f"it misreads your {_joined([f'{d}s' for d in misread])}")
    if few:
        what = _joined([f'{d}s' for d in few])
        why.append(f"there are too few of your {what} to learn from" if len(few) > 1 or counts[few[0]] != 1
                   else f"there is only one of your {few[0]}s to learn from")
        if all(counts[d] == 0 for d in few):
            why[-1] = f"you have drawn no {what} yet"
    return f"Draw {_joined([_digit_word(d, int(ask[d])) for d in order])}: {' and '.join(why)}."


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
        return f"{kept:,} of your digits"
    return f"your digits ({kept:,} kept, {result.duplicates:,} the same as another)"


def summary(result) -> str:
    """Before and after, side by side, in one sentence."""
    before, after = result.before, result.after or {}
    where = "held-out" if result.n_held_out else "own (no held-out part: too few of each)"
    kept = f" (the weights of epoch {result.best_epoch} kept)" if 0 < result.best_epoch < result.epochs_run else ""
    gentler = " (on a second, gentler try)" if getattr(result, "tries", 1) > 1 else ""
    held = f", {result.n_held_out:,} held back for the test," if result.n_held_out else ""
    text = (f"Fine-tuned on {digits_used(result)}{held} in {count(result.epochs_run, 'epoch')}{gentler}{kept}: "
            f"your {where} digits {percent(before.get('personal'))} → {percent(after.get('personal'))}, "
            f"MNIST test {percent(before.get('mnist'), MNIST_DECIMALS)} → "
            f"{percent(after.get('mnist'), MNIST_DECIMALS)}.")
    if result.stopped:
        return text + " Stopped before the end; the model was not changed."
    if not getattr(result, "mnist_kept", True):
        return text + " Every epoch lost more than 0.3 points on the MNIST check images."
    return text


def save_result_as_run(result, name: str | None = None, store=None):
    """Keep a finished fine-tuning ``result`` as a run in ``store`` (default: the user's run store): its
    settings, per-epoch logs, the fine-tuned model and, under ``finetune`` in its record, the before/after
    figures. Returns the Run; OSError (in plain words) when the disk refuses, ValueError for a stopped
    result (there is no model to keep)."""
    if result.stopped or result.model is None:
        raise ValueError("fine-tuning was stopped: there is no fine-tuned model to keep")
    recorder, problem = start_run(result.config, name or f"fine-tuned on {digits_used(result)}",
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
