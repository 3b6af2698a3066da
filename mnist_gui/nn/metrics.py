"""Metric names: the one metric the engine computes (accuracy) under the names Keras accepts for it.

The training loop and ``evaluate`` always count correct predictions (it is free next to the loss); the
names compiled decide which keys the logs and the History carry: ``metrics=['acc']`` gives ``acc`` and
``val_acc``, ``['sparse_categorical_accuracy']`` that name, ``[]`` the loss alone. What is not here:
computing them (losses.py counts the hits).
"""

from __future__ import annotations

ACCURACY_NAMES = ("accuracy", "acc", "sparse_categorical_accuracy", "categorical_accuracy")


def check_metrics(metrics) -> list:
    """The metric names to log, checked; None means ['accuracy'] (see Sequential.compile)."""
    if metrics is None:
        return ["accuracy"]
    if isinstance(metrics, str):
        metrics = [metrics]
    names = []
    for metric in metrics:
        name = getattr(metric, "name", metric)
        if name not in ACCURACY_NAMES:
            raise ValueError(f"unknown metric: {name!r} (supported: {', '.join(ACCURACY_NAMES)})")
        if name not in names:
            names.append(name)
    return names


def named_logs(model, loss: float, accuracy: float, prefix: str = "") -> dict:
    """{'loss': ..., '<metric>': accuracy, ...} under the model's compiled names."""
    logs = {prefix + "loss": float(loss)}
    for name in getattr(model, "metric_names", ["accuracy"]):
        logs[prefix + name] = float(accuracy)
    return logs


def metric_direction(name: str):
    """'min' for a loss, 'max' for an accuracy, None for a name the engine does not know."""
    base = name[4:] if name.startswith("val_") else name
    if base == "loss" or base.endswith("_loss"):
        return "min"
    if base in ACCURACY_NAMES or base.endswith("accuracy") or base.endswith("acc"):
        return "max"
    return None
