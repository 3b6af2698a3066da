"""Which epoch of a fine-tuning run is kept: the rule that keeps MNIST, and the callback that logs it. No Qt.

After every epoch :class:`EpochWatch` measures the held-out personal digits and the MNIST *check* images
(training images never in the mix, so the MNIST test set stays honest) and logs, beside their losses and
accuracies:

* ``val_mnist_kept``: 1.0 when the MNIST check accuracy is at most MNIST_TOLERANCE below the starting
  model's on the same images, else 0.0;
* ``val_kept_score`` (``kept_score``): for an epoch that kept MNIST, its personal accuracy (plus a
  tie-break far smaller than one digit: the MNIST check accuracy); for one that did not, -1 minus its
  MNIST check loss. Every epoch that kept MNIST therefore beats every one that did not, the best personal
  accuracy wins among the first, and the smallest MNIST loss among the second.

The engine's ``EarlyStopping(monitor="val_kept_score", mode="max", restore_best_weights=True)`` does the
choosing and the stopping; nothing here picks weights. Not here: the mix, the run itself
(``core.finetune``).
"""

from __future__ import annotations

import time

import numpy as np

from mnist_gui.core.finetune_report import model_input
from mnist_gui.core.i18n import tr
from mnist_gui.nn.callbacks import Callback

MNIST_TOLERANCE = 0.003  # issue 15: MNIST accuracy within 0.3 points of the starting model's
KEPT_SCORE = "val_kept_score"
TIE_BREAK = 1e-5  # times the MNIST check accuracy: below one personal digit even among 10,000


def kept_score(personal_accuracy: float, mnist_accuracy: float, mnist_loss: float, mnist_before: float) -> float:
    """The score EarlyStopping maximises (see the module docstring)."""
    if mnist_accuracy >= mnist_before - MNIST_TOLERANCE - 1e-9:
        return float(personal_accuracy) + TIE_BREAK * float(mnist_accuracy)
    return -1.0 - float(mnist_loss)


class EpochWatch(Callback):
    """Per epoch, the held-out (personal) and MNIST-check figures and the kept score into the logs (it
    must come before EarlyStopping in the callback list); throttled progress over ``span`` of the job."""

    def __init__(self, personal, check, mnist_before: float, report, epochs: int, span=(0.1, 0.9), words=""):
        super().__init__()
        self.personal, self.check, self.mnist_before = personal, check, float(mnist_before)
        self.report, self.epochs, self.span, self.words = report, epochs, span, words
        self.epoch, self._last = 0, 0.0
        self.logs: list[dict] = []  # each epoch's logs, with the keys added here

    def _fraction(self, done: float) -> float:
        lo, hi = self.span
        return lo + (hi - lo) * done / self.epochs

    def _words(self, message: str) -> str:
        """``message`` after the attempt's words ("Second try, gentler: {step}"); English lowers its first
        letter there, a translation keeps it (German nouns keep their capitals)."""
        if not self.words:
            return message
        template = tr(self.words)
        step = message[:1].lower() + message[1:] if template == self.words else message
        return template.format(step=step)

    def on_epoch_begin(self, epoch, logs=None):
        self.epoch = epoch

    def on_batch_end(self, batch, logs=None):
        now = time.monotonic()
        if now - self._last >= 0.1:
            self._last = now
            done = self.epoch + (batch + 1) / max(self.params.get("steps", 1), 1)
            self.report(self.epoch + 1, self._fraction(done),
                        self._words(tr("Learning your handwriting: epoch {epoch} of at most {epochs}").format(
                            epoch=self.epoch + 1, epochs=self.epochs)))

    def on_epoch_end(self, epoch, logs=None):
        for key, (x, y) in (("personal", self.personal), ("mnist", self.check)):
            loss, acc = self.model.evaluate(model_input(self.model, x), y, batch_size=256, verbose=0)
            logs[f"val_{key}_loss"], logs[f"val_{key}_accuracy"] = float(loss), float(acc)
        score = kept_score(logs["val_personal_accuracy"], logs["val_mnist_accuracy"], logs["val_mnist_loss"],
                           self.mnist_before)
        logs[KEPT_SCORE], logs["val_mnist_kept"] = score, float(score >= 0)
        self.logs.append({k: float(v) for k, v in logs.items()})
        if score >= 0:
            text = tr("Epoch {epoch}: your held-out digits {personal:.0%}, MNIST check {mnist:.1%}")
        else:
            text = tr("Epoch {epoch}: your held-out digits {personal:.0%}, MNIST check {mnist:.1%} (more than "
                      "{points:.1f} points below the start: not kept)")
        text = text.format(epoch=epoch + 1, personal=logs["val_personal_accuracy"],
                           mnist=logs["val_mnist_accuracy"], points=100 * MNIST_TOLERANCE)
        self.report(epoch + 1, self._fraction(epoch + 1), self._words(text), force=True)


def check_images(mnist, count: int, seed: int) -> np.ndarray:
    """Indices of ``count`` MNIST training images (at most half of them) for the check, from ``seed``."""
    rng = np.random.default_rng(seed)
    n = len(mnist.y_train)
    return np.sort(rng.choice(n, size=min(count, n // 2), replace=False))
