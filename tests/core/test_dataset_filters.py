"""The Dataset tab's filter logic (mnist_gui.core.dataset_filters): plain NumPy, checked against loops."""

from __future__ import annotations

import subprocess
import sys

from pathlib import Path

import numpy as np
import pytest

from mnist_gui.core import dataset_filters
from mnist_gui.core.dataset_filters import (GridFilter, SplitPredictions, class_counts, confusion_matrix,
                                          per_class_accuracy, select)


@pytest.fixture
def toy():
    rng = np.random.default_rng(0)
    labels = rng.integers(0, 10, size=500).astype(np.uint8)
    logits = rng.normal(size=(500, 10)).astype(np.float32)
    logits[np.arange(500), labels] += 2.0   # mostly right, some mistakes
    probs = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
    return labels, SplitPredictions.from_probs(probs)


def brute_force(labels, preds, f: GridFilter):
    keep = []
    for i, label in enumerate(labels):
        guess = int(np.argmax(preds.probs[i]))
        if f.label is not None and label != f.label:
            continue
        if f.predicted is not None and guess != f.predicted:
            continue
        if f.mistakes_only and guess == label:
            continue
        if f.cell is not None and (label, guess) != f.cell:
            continue
        keep.append(i)
    if f.order == "confidence":
        keep.sort(key=lambda i: (preds.probs[i].max(), i))
    return keep


@pytest.mark.parametrize("f", [
    GridFilter(), GridFilter(label=3), GridFilter(predicted=7), GridFilter(mistakes_only=True),
    GridFilter(label=2, mistakes_only=True), GridFilter(cell=(4, 9)), GridFilter(cell=(5, 5)),
    GridFilter(order="confidence"), GridFilter(label=1, predicted=1, order="confidence"),
    GridFilter(mistakes_only=True, order="confidence"),
])
def test_select_matches_a_loop(toy, f):
    labels, preds = toy
    assert select(labels, f, preds).tolist() == brute_force(labels, preds, f)


def test_select_returns_int64_indices_in_dataset_order(toy):
    labels, preds = toy
    out = select(labels, GridFilter(label=3), preds)
    assert out.dtype == np.int64
    assert np.all(np.diff(out) > 0)


def test_cell_conflicting_with_label_is_empty(toy):
    labels, preds = toy
    assert len(select(labels, GridFilter(label=1, cell=(2, 3)), preds)) == 0


def test_filters_needing_predictions_refuse_to_run_without_them(toy):
    labels, _ = toy
    with pytest.raises(ValueError, match="predictions"):
        select(labels, GridFilter(mistakes_only=True))
    f = GridFilter(label=4, predicted=2, mistakes_only=True, order="confidence")
    assert select(labels, f.without_predictions()).tolist() == np.flatnonzero(labels == 4).tolist()


def test_unknown_order_and_wrong_length_are_errors(toy):
    labels, preds = toy
    with pytest.raises(ValueError, match="order"):
        select(labels, GridFilter(order="random"), preds)
    with pytest.raises(ValueError, match="labels"):
        select(labels[:10], GridFilter(mistakes_only=True), preds)


def test_split_predictions_reduce_probabilities(toy):
    _, preds = toy
    assert np.array_equal(preds.predicted, preds.probs.argmax(axis=1))
    assert np.allclose(preds.confidence, preds.probs.max(axis=1))
    with pytest.raises(ValueError, match="shape"):
        SplitPredictions.from_probs(np.zeros(10))


def test_confusion_matrix_and_accuracy_match_loops(toy):
    labels, preds = toy
    m = confusion_matrix(labels, preds.predicted)
    expected = np.zeros((10, 10), dtype=np.int64)
    for t, p in zip(labels, preds.predicted):
        expected[t, p] += 1
    assert np.array_equal(m, expected)
    assert m.sum() == len(labels)
    acc = per_class_accuracy(m)
    for t in range(10):
        assert acc[t] == pytest.approx(np.mean(preds.predicted[labels == t] == t))
    assert np.array_equal(class_counts(labels), np.bincount(labels, minlength=10))


def test_per_class_accuracy_of_an_empty_class_is_nan():
    m = np.zeros((3, 3), dtype=np.int64)
    m[0, 0], m[1, 2] = 4, 2
    acc = per_class_accuracy(m)
    assert acc[0] == 1.0 and acc[1] == 0.0 and np.isnan(acc[2])


def test_filter_module_does_not_import_qt():
    # loaded by path, so the Qt-importing package __init__ of mnist_gui.ui stays out of it
    path = Path(dataset_filters.__file__)
    code = ("import importlib.util, sys\n"
            f"spec = importlib.util.spec_from_file_location('dataset_filters', {str(path)!r})\n"
            "module = sys.modules['dataset_filters'] = importlib.util.module_from_spec(spec)\n"
            "spec.loader.exec_module(module)\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'pyqtgraph')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
