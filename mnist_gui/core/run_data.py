"""The numbers of one training run as the plots see them, with no Qt: preallocated per-batch arrays,
per-epoch lists, TensorBoard-style smoothing, the crosshair's readout and the CSV layout of the export.
"""

from __future__ import annotations

import csv
import io
import math

import numpy as np

EPOCH_KEYS = ("loss", "accuracy", "val_loss", "val_accuracy")
CSV_COLUMNS = ("run", "epoch", "batch_loss", "batch_loss_smoothed", "batch_accuracy",
               "train_loss", "train_accuracy", "val_loss", "val_accuracy")


def ema_smooth(values: np.ndarray, weight: float, state: tuple[float, int] = (0.0, 0)):
    """TensorBoard's smoothing: a debiased exponential moving average.

    ``weight`` in [0, 1) is how much of the previous average is kept (0 = no smoothing). Dividing by
    ``1 - weight**n`` removes the pull towards the starting value of 0, so the first points are not
    dragged down. Non-finite values pass through unsmoothed and do not disturb the average.
    Returns (smoothed, state); pass ``state`` back in to continue a series.
    """
    last, count = state
    out = np.empty(len(values), dtype=np.float64)
    for i, v in enumerate(values):
        if not math.isfinite(v):
            out[i] = v
            continue
        last = last * weight + (1.0 - weight) * v
        count += 1
        out[i] = last / (1.0 - weight**count) if weight < 1.0 else last
    return out, (last, count)


class RunData:
    """One run's curves. Per-batch arrays are allocated once for the whole run and filled in place."""

    def __init__(self, capacity: int = 1024, smoothing: float = 0.6):
        capacity = max(int(capacity), 1)
        self.x = np.zeros(capacity)            # fractional epochs, (capacity,)
        self.loss = np.zeros(capacity)
        self.accuracy = np.zeros(capacity)
        self.loss_smooth = np.zeros(capacity)
        self.accuracy_smooth = np.zeros(capacity)
        self.n = 0
        self.smoothing = smoothing
        self._loss_state = self._acc_state = (0.0, 0)
        self.epochs: list[float] = []
        self.epoch_logs: dict[str, list[float]] = {k: [] for k in EPOCH_KEYS}

    def add_batches(self, x, loss, accuracy) -> None:
        k = len(x)
        if self.n + k > len(self.x):       # a run longer than announced: grow, amortised
            self._grow(max(2 * len(self.x), self.n + k))
        s = slice(self.n, self.n + k)
        self.x[s], self.loss[s], self.accuracy[s] = x, loss, accuracy
        self.loss_smooth[s], self._loss_state = ema_smooth(self.loss[s], self.smoothing, self._loss_state)
        self.accuracy_smooth[s], self._acc_state = ema_smooth(self.accuracy[s], self.smoothing, self._acc_state)
        self.n += k

    def add_epoch(self, epoch: int, logs: dict) -> None:
        self.epochs.append(float(epoch))
        for key in EPOCH_KEYS:
            self.epoch_logs[key].append(float(logs.get(key, np.nan)))

    def set_smoothing(self, weight: float) -> None:
        self.smoothing = weight
        n = self.n
        self.loss_smooth[:n], self._loss_state = ema_smooth(self.loss[:n], weight)
        self.accuracy_smooth[:n], self._acc_state = ema_smooth(self.accuracy[:n], weight)

    def has_data(self) -> bool:
        return self.n > 0 or bool(self.epochs)

    def has(self, key: str) -> bool:
        return any(math.isfinite(v) for v in self.epoch_logs[key])

    def _grow(self, capacity: int) -> None:
        for name in ("x", "loss", "accuracy", "loss_smooth", "accuracy_smooth"):
            old = getattr(self, name)
            new = np.zeros(capacity)
            new[: self.n] = old[: self.n]
            setattr(self, name, new)

    def readout(self, x: float) -> str:
        """The values nearest to epoch ``x`` as one line: the batch there and the closest epoch end."""
        parts = [f"epoch {x:.2f}"]
        if self.n:
            i = int(np.clip(np.searchsorted(self.x[: self.n], x), 0, self.n - 1))
            parts.append(f"batch loss {self.loss[i]:.4f} (smoothed {self.loss_smooth[i]:.4f}), "
                         f"accuracy {100 * self.accuracy_smooth[i]:.1f}% smoothed")
        if self.epochs:
            j = int(np.argmin(np.abs(np.asarray(self.epochs) - x)))
            logs = {k: v[j] for k, v in self.epoch_logs.items()}
            text = (f"end of epoch {self.epochs[j]:g}: loss {logs['loss']:.4f}, "
                    f"accuracy {100 * logs['accuracy']:.1f}%")
            if math.isfinite(logs["val_loss"]):
                text += f", validation loss {logs['val_loss']:.4f}, accuracy {100 * logs['val_accuracy']:.1f}%"
            parts.append(text)
        return " · ".join(parts)

    def csv_rows(self, run: int):
        """Rows in CSV_COLUMNS order: one per batch, then one per epoch (empty cells where n/a)."""
        for i in range(self.n):
            yield [run, f"{self.x[i]:.6f}", _num(self.loss[i]), _num(self.loss_smooth[i]),
                   _num(self.accuracy[i]), "", "", "", ""]
        for j, epoch in enumerate(self.epochs):
            yield [run, f"{epoch:g}", "", "", "", *(_num(self.epoch_logs[k][j]) for k in EPOCH_KEYS)]


def _num(v: float) -> str:
    return "" if not math.isfinite(v) else f"{v:.6g}"


def runs_to_csv(runs: list[RunData]) -> str:
    """All runs as CSV text; ``run`` numbers them from 1 in the order given."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for i, run in enumerate(runs, start=1):
        writer.writerows(run.csv_rows(i))
    return buf.getvalue()
