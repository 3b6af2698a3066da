"""The numbers of one training run as the plots see them, with no Qt: preallocated per-batch arrays,
per-epoch lists, TensorBoard-style smoothing, the crosshair's readout in plain words ("epoch 2, batch 340:
loss 0.21"), the CSV layout of the export, and a kept run's curves read back from the run store
(``RunData.from_record``), and the y range the plots fit to them (``y_range``). Not here: the store's files (``mnist_gui.core.runs``), drawing (ui/train/plots.py).
"""

from __future__ import annotations

import csv
import io
import math

import numpy as np

from mnist_gui.core.i18n import tr

# test_* are the test images measured after each epoch of a run with no validation split: kept apart from
# val_* so test numbers are never shown as validation
EPOCH_KEYS = ("loss", "accuracy", "val_loss", "val_accuracy", "test_loss", "test_accuracy")
CSV_COLUMNS = ("run", "epoch", "batch_loss", "batch_loss_smoothed", "batch_accuracy",
               "train_loss", "train_accuracy", "val_loss", "val_accuracy", "test_loss", "test_accuracy")


def ema_smooth(values: np.ndarray, weight: float, state: tuple[float, int] = (0.0, 0)):
    """TensorBoard's smoothing: a debiased exponential moving average.

    ``weight`` in [0, 1) is how much of the previous average is kept (0 = no smoothing). Dividing by
    ``1 - weight**n`` removes the pull towards the starting value of 0, so the first points are not
    dragged down. Non-finite values pass through unsmoothed and do not disturb the average.
    Returns (smoothed, state); pass ``state`` back in to continue a series.

    Vectorised a block at a time (a kept run of 100,000 batches is smoothed in milliseconds, where a
    Python loop took a tenth of a second): within a block, last_t = w**t * (last_0 + (1 - w) * sum over
    k <= t of w**-k * x_k), with blocks short enough that w**-k stays far from overflowing.
    """
    values = np.asarray(values, dtype=np.float64)
    out = values.copy()
    last, count = state
    finite = np.flatnonzero(np.isfinite(values))
    if not finite.size:
        return out, (last, count)
    x = values[finite]
    if weight <= 0.0:
        out[finite] = x
        return out, (float(x[-1]), count + len(x))
    smooth = np.empty(len(x))
    block = int(max(1, min(4096, 200 * math.log(10) / -math.log(weight)))) if weight < 1.0 else len(x)
    for lo in range(0, len(x), block):
        part = x[lo: lo + block]
        t = np.arange(1, len(part) + 1)
        if weight < 1.0:
            grow = weight ** -t.astype(np.float64)                       # w**-k, at most ~1e200
            smooth[lo: lo + len(part)] = weight ** t * (last + (1.0 - weight) * np.cumsum(grow * part))
        else:
            smooth[lo: lo + len(part)] = last
        last = float(smooth[lo + len(part) - 1])
    n = count + np.arange(1, len(x) + 1)
    out[finite] = smooth / (1.0 - weight ** n) if weight < 1.0 else smooth
    return out, (last, count + len(x))


class RunData:
    """One run's curves. Per-batch arrays are allocated once for the whole run and filled in place."""

    def __init__(self, capacity: int = 1024, smoothing: float = 0.6, steps: int = 0):
        capacity = max(int(capacity), 1)
        self.steps = int(steps)                # batches per epoch (0: unknown), for the readout
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

    @classmethod
    def from_record(cls, batches: np.ndarray, epochs: list[dict], steps: int, smoothing: float = 0.6) -> "RunData":
        """A kept run's curves: ``batches`` (n, 2) per-batch (loss, accuracy) as ``Run.batches()`` gives them,
        ``epochs`` its per-epoch logs (``Run.epochs()``), ``steps`` batches per epoch. Epochs are contiguous,
        so batch i ends at epoch (i + 1) / steps; a stopped run's last epoch point goes where its last batch was."""
        steps = max(int(steps), 1)
        n = len(batches)
        data = cls(max(n, 1), smoothing=smoothing, steps=steps)
        if n:
            data.add_batches((np.arange(n) + 1.0) / steps, batches[:, 0], batches[:, 1])
        for k, logs in enumerate(epochs, start=1):
            epoch = float(logs.get("epoch") or k)
            data.add_epoch(min(epoch, n / steps) if n else epoch,
                           {key: np.nan if logs.get(key) is None else logs[key] for key in EPOCH_KEYS})
        return data

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

    def position(self, i: int) -> tuple[int, int]:
        """(epoch, batch within it), both from 1, of the i-th batch (from 0) of the run."""
        if self.steps > 0:
            return i // self.steps + 1, i % self.steps + 1
        epoch = max(math.ceil(self.x[i] - 1e-9), 1)
        return epoch, i + 1

    def readout(self, x: float) -> str:
        """The values nearest to epoch ``x`` in plain words, e.g. "epoch 2, batch 340: loss 0.21 (smoothed
        0.23), accuracy 93% · after epoch 2: loss 0.19, accuracy 94.1%, validation loss 0.22, accuracy 93.4%".
        A position before the first batch or after the last reads as the first or the last; no data, ""."""
        parts = []
        if self.n:
            i = int(np.clip(np.searchsorted(self.x[: self.n], x), 0, self.n - 1))
            epoch, batch = self.position(i)
            parts.append(tr("epoch {epoch}, batch {batch:,}: loss {loss} (smoothed {smoothed}), accuracy "
                            "{accuracy}").format(epoch=epoch, batch=batch, loss=_short(self.loss[i]),
                                                 smoothed=_short(self.loss_smooth[i]),
                                                 accuracy=_percent(self.accuracy_smooth[i])))
        if self.epochs:
            j = int(np.argmin(np.abs(np.asarray(self.epochs) - x)))
            logs = {k: v[j] for k, v in self.epoch_logs.items()}
            text = tr("after epoch {epoch}: loss {loss}, accuracy {accuracy}").format(
                epoch=j + 1, loss=_short(logs["loss"]), accuracy=_percent(logs["accuracy"]))
            if math.isfinite(logs["val_loss"]):
                text += tr(", validation loss {loss}, accuracy {accuracy}").format(
                    loss=_short(logs["val_loss"]), accuracy=_percent(logs["val_accuracy"]))
            if math.isfinite(logs["test_loss"]):
                text += tr(", test loss {loss}, accuracy {accuracy}").format(
                    loss=_short(logs["test_loss"]), accuracy=_percent(logs["test_accuracy"]))
            parts.append(text)
        return " · ".join(parts)

    def csv_rows(self, run: int):
        """Rows in CSV_COLUMNS order: one per batch, then one per epoch (empty cells where n/a)."""
        for i in range(self.n):
            yield [run, f"{self.x[i]:.6f}", _num(self.loss[i]), _num(self.loss_smooth[i]),
                   _num(self.accuracy[i]), *[""] * len(EPOCH_KEYS)]
        for j, epoch in enumerate(self.epochs):
            yield [run, f"{epoch:g}", "", "", "", *(_num(self.epoch_logs[k][j]) for k in EPOCH_KEYS)]


def y_range(arrays, current: tuple[float, float], log: bool = False, force: bool = False):
    """The y range a plot of ``arrays`` should change to, or None to keep ``current``: the data with 5% to
    spare, once they leave the range or fill less than half of it (each change re-lays the axis, which
    costs more than drawing the curves), or always with ``force``. On a log axis, in powers of ten."""
    values = np.concatenate([np.asarray(a, dtype=float).ravel() for a in arrays] or [np.zeros(0)])
    values = values[np.isfinite(values)]
    if log:
        values = np.log10(values[values > 0])
    if not values.size:
        return None
    lo, hi = float(values.min()), float(values.max())
    a, b = current
    span = max(hi - lo, 1e-6)
    if force or lo < a or hi > b or span < 0.5 * (b - a):
        return lo - 0.05 * span, hi + 0.05 * span
    return None


def _short(v: float) -> str:
    return f"{v:.3g}" if math.isfinite(v) else "–"


def _percent(v: float) -> str:
    return f"{100 * v:.1f}%" if math.isfinite(v) else "–"


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
