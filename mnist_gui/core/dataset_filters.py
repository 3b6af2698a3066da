"""Which images of a split the Dataset tab shows, and in what order: pure NumPy, no Qt.

A :class:`GridFilter` says what the person asked for (a label, a predicted digit, mistakes only, one
confusion-matrix cell, an order); :func:`select` turns it into the array of image indices the grid
shows. :class:`SplitPredictions` holds what a model said about a split, reduced once to the predicted
digit and its confidence so that every later filter is a few vectorised comparisons (about a
millisecond for 60,000 images). The confusion matrix and per-class accuracy are here too, because a
click on a cell must show exactly the images the cell counts.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from mnist_gui.core.i18n import tr

ORDERS = ("index", "confidence")


@dataclass(frozen=True)
class GridFilter:
    """What to show. ``None`` means "any"; prediction filters need predictions.

    label: the true label to keep. predicted: the predicted digit to keep. mistakes_only: keep the
    images the model gets wrong. cell: (true, predicted), one confusion-matrix cell, i.e. the same as
    label=true and predicted=predicted. order: "index" (dataset order) or "confidence" (least confident
    prediction first, the most confusing images).
    """

    label: int | None = None
    predicted: int | None = None
    mistakes_only: bool = False
    cell: tuple[int, int] | None = None
    order: str = "index"

    def needs_predictions(self) -> bool:
        return (self.predicted is not None or self.mistakes_only or self.cell is not None
                or self.order != "index")

    def without_predictions(self) -> "GridFilter":
        """The same filter with every prediction-dependent part switched off."""
        return GridFilter(label=self.label)


@dataclass(frozen=True)
class SplitPredictions:
    """A model's output on one split: ``probs`` (N, 10) float32, and derived per-image facts."""

    probs: np.ndarray        # (N, C) float32, rows sum to 1
    predicted: np.ndarray    # (N,) uint8, argmax of probs
    confidence: np.ndarray   # (N,) float32, max of probs

    @classmethod
    def from_probs(cls, probs: np.ndarray) -> "SplitPredictions":
        probs = np.asarray(probs, dtype=np.float32)
        if probs.ndim != 2:
            raise ValueError(f"expected probabilities of shape (N, classes), got {probs.shape}")
        predicted = probs.argmax(axis=1).astype(np.uint8)
        confidence = np.take_along_axis(probs, predicted[:, None].astype(np.intp), axis=1)[:, 0]
        return cls(probs=probs, predicted=predicted, confidence=confidence)

    def __len__(self) -> int:
        return len(self.predicted)


def select(labels: np.ndarray, grid_filter: GridFilter,
           predictions: SplitPredictions | None = None) -> np.ndarray:
    """Indices (int64, ascending unless ordered by confidence) of the images ``grid_filter`` keeps.

    labels: (N,) true labels of the split. Without predictions, a filter that needs them raises
    ValueError (the caller decides whether to drop those parts with ``without_predictions``).
    """
    labels = np.asarray(labels)
    f = grid_filter
    if f.order not in ORDERS:
        raise ValueError(f"unknown order {f.order!r}: expected one of {ORDERS}")
    if f.needs_predictions():
        if predictions is None:
            raise ValueError(tr("this filter needs the model's predictions, and there are none"))
        if len(predictions) != len(labels):
            raise ValueError(f"{len(predictions)} predictions for {len(labels)} labels")
    label, predicted = f.label, f.predicted
    if f.cell is not None:
        t, p = f.cell
        if (label is not None and label != t) or (predicted is not None and predicted != p):
            return np.empty(0, dtype=np.int64)
        label, predicted = t, p

    mask = None
    if label is not None:
        mask = labels == label
    if predicted is not None:
        mask = _and(mask, predictions.predicted == predicted)
    if f.mistakes_only:
        mask = _and(mask, predictions.predicted != labels)
    indices = np.arange(len(labels), dtype=np.int64) if mask is None else np.flatnonzero(mask)

    if f.order == "confidence":
        # stable, so equally confident images stay in dataset order
        indices = indices[np.argsort(predictions.confidence[indices], kind="stable")]
    return indices


def _and(mask: np.ndarray | None, other: np.ndarray) -> np.ndarray:
    return other if mask is None else mask & other


def class_counts(labels: np.ndarray, num_classes: int = 10) -> np.ndarray:
    """(C,) int64: how many images carry each label."""
    return np.bincount(np.asarray(labels, dtype=np.intp), minlength=num_classes)[:num_classes]


def confusion_matrix(labels: np.ndarray, predicted: np.ndarray, num_classes: int = 10) -> np.ndarray:
    """(C, C) int64 counts: row = true label, column = predicted digit."""
    labels = np.asarray(labels, dtype=np.intp)
    predicted = np.asarray(predicted, dtype=np.intp)
    flat = np.bincount(labels * num_classes + predicted, minlength=num_classes * num_classes)
    return flat[: num_classes * num_classes].reshape(num_classes, num_classes)


def per_class_accuracy(matrix: np.ndarray) -> np.ndarray:
    """(C,) float64: the fraction of each true class predicted right (NaN for an empty class)."""
    matrix = np.asarray(matrix)
    totals = matrix.sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(totals > 0, np.diag(matrix) / np.maximum(totals, 1), np.nan)
