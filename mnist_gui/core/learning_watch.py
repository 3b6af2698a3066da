"""Catching a run that does not learn, with advice for its settings: shared by the Train tab and the CLI.

Divergence proper (a loss that is NaN, infinite or exploding) is the engine's business: ``fit`` stops and
keeps the last good weights. A run can also fail quietly: Adam at learning rate 10 sits at a loss of
hundreds with about 10% accuracy for five epochs. ``diagnose`` looks at the per-batch curves so far and
says, in plain words, when

* the loss is far above where it started (after ``MIN_BATCHES``, the recent median above
  ``RISE_FACTOR`` times the first batches' median), or
* the accuracy is stuck near chance (after ``CHANCE_BATCHES``, the recent mean below chance + ``CHANCE_MARGIN``),

and what to try, from the settings: a learning rate far from what the optimizer usually needs comes first.
``LearningWatch`` is the ``Callback`` that runs it every ``CHECK_EVERY`` batches and remembers the verdict.
No Qt here.
"""

from __future__ import annotations

import math

import numpy as np

from mnist_gui.core.i18n import tr
from mnist_gui.nn.callbacks import Callback

TYPICAL_LEARNING_RATE = {"adam": 1e-3, "adamw": 1e-3, "rmsprop": 1e-3, "sgd": 0.1}
FAR_ABOVE, FAR_BELOW = 30.0, 1e-3  # ratios to the typical rate that count as "far"
MIN_BATCHES = 50
CHANCE_BATCHES = 300
RISE_FACTOR = 3.0
CHANCE_MARGIN = 0.05
WINDOW = 50  # batches the "recent" figures are taken over
CHECK_EVERY = 25


def _optimizer_name(name: str) -> str:
    return {"adam": "Adam", "adamw": "AdamW", "rmsprop": "RMSprop", "sgd": "SGD"}.get(name, name)


def advice(config: dict) -> str:
    """What to try, in plain words, for these settings (a ``TrainConfig.to_dict()``-like dict)."""
    optimizer = str(config.get("optimizer", "adam"))
    rate = config.get("learning_rate")
    typical = TYPICAL_LEARNING_RATE.get(optimizer)
    if typical and isinstance(rate, (int, float)) and rate > 0:
        if rate >= FAR_ABOVE * typical:
            return tr("Learning rate {rate:g} is far above what {optimizer} usually needs; try {typical:g}.").format(
                rate=rate, optimizer=_optimizer_name(optimizer), typical=typical)
        if rate <= FAR_BELOW * typical:
            return tr("Learning rate {rate:g} is far below what {optimizer} usually needs, so the weights barely "
                      "move; try {typical:g}.").format(rate=rate, optimizer=_optimizer_name(optimizer),
                                                       typical=typical)
    if config.get("activation") in ("sigmoid", "tanh") and len(config.get("hidden") or ()) > 3:
        return tr("Deep networks of sigmoid or tanh units learn slowly; try relu, or fewer layers.")
    if (config.get("dropout") or 0) >= 0.7:
        return tr("Dropout {rate:g} switches off most units; try 0.2.").format(rate=config["dropout"])
    return tr("Try a smaller learning rate (for example {rate:g}) or the tutorial preset.").format(
        rate=(rate or 0.001) / 10)


def diagnose(losses, accuracies, config: dict, num_classes: int = 10) -> str | None:
    """None while the run looks healthy; otherwise why it is not learning and what to try."""
    losses = np.asarray(losses, dtype=np.float64)
    accuracies = np.asarray(accuracies, dtype=np.float64)
    n = len(losses)
    if n < MIN_BATCHES:
        return None
    start = float(np.nanmedian(losses[:min(10, n)]))
    recent = float(np.nanmedian(losses[-WINDOW:]))
    if math.isfinite(start) and math.isfinite(recent) and recent > RISE_FACTOR * max(start, 1e-6):
        return tr("The loss has risen from {start:.3g} to {recent:.3g}: the network is getting worse, not "
                  "better. {advice}").format(start=start, recent=recent, advice=advice(config))
    chance = 1.0 / max(num_classes, 2)
    if len(accuracies) >= CHANCE_BATCHES:
        stuck = float(np.nanmean(accuracies[-WINDOW:]))
        if math.isfinite(stuck) and stuck < chance + CHANCE_MARGIN:
            return tr("After {batches:,} batches the accuracy is {accuracy:.0f}%, what guessing gives "
                      "({chance:.0f}%): the network is not learning. {advice}").format(
                batches=len(accuracies), accuracy=100 * stuck, chance=100 * chance, advice=advice(config))
    return None


class LearningWatch(Callback):
    """Checks the curves every CHECK_EVERY batches; ``verdict`` holds the latest diagnosis (or None).

    ``on_verdict(text)`` is called once when a run first looks hopeless; training goes on unless the
    caller stops it (the Train tab offers Stop; the CLI prints the advice).
    """

    def __init__(self, config: dict, num_classes: int = 10, on_verdict=None):
        super().__init__()
        self.config, self.num_classes, self.on_verdict = config, num_classes, on_verdict
        self.verdict: str | None = None
        self._losses: list[float] = []
        self._accuracies: list[float] = []
        self._told = False

    def on_train_begin(self, logs=None):
        self._losses, self._accuracies, self.verdict, self._told = [], [], None, False

    def on_batch_end(self, batch, logs=None):
        logs = logs or {}
        self._losses.append(float(logs.get("loss", math.nan)))
        self._accuracies.append(float(logs.get("accuracy", math.nan)))
        if len(self._losses) % CHECK_EVERY:
            return
        self.verdict = diagnose(self._losses, self._accuracies, self.config, self.num_classes)
        if self.verdict and not self._told:
            self._told = True
            if self.on_verdict is not None:
                self.on_verdict(self.verdict)
