"""Keras's callbacks that write files: ModelCheckpoint and CSVLogger.

``ModelCheckpoint('ckpt_{epoch:02d}.keras')`` formats the path with the epoch (counted from 1) and the
epoch's logs (``'{val_loss:.2f}'``), then saves the model (``Sequential.save``: our own zip of arrays,
never a pickle) or, with ``save_weights_only``, its weights (``save_weights``); ``save_best_only``
saves only when ``monitor`` improves. ``CSVLogger`` writes one row per epoch under the header
``epoch,<the log keys in sorted order>``, as Keras does. What is not here: the model file format
(saving.py).
"""

from __future__ import annotations

import csv
import math
import warnings
from pathlib import Path

from mnist_gui.nn.callback_base import Callback
from mnist_gui.nn.keras_callbacks import _monitor_op


class ModelCheckpoint(Callback):
    def __init__(self, filepath, monitor="val_loss", verbose=0, save_best_only=False, save_weights_only=False,
                 mode="auto", save_freq="epoch", initial_value_threshold=None):
        super().__init__()
        if save_freq != "epoch":
            raise ValueError(f"ModelCheckpoint saves once per epoch here: save_freq must be 'epoch', got {save_freq!r}")
        self.filepath, self.monitor, self.verbose = str(filepath), monitor, verbose
        self.save_best_only, self.save_weights_only = bool(save_best_only), bool(save_weights_only)
        self.mode, self.initial_value_threshold = mode, initial_value_threshold
        self.monitor_op = None
        self.best = None

    def _path(self, epoch, logs) -> str:
        try:
            return self.filepath.format(epoch=epoch + 1, **(logs or {}))
        except KeyError as exc:
            raise KeyError(f'Failed to format this callback filepath: "{self.filepath}". Reason: {exc}') from None

    def on_epoch_end(self, epoch, logs=None):
        path = self._path(epoch, logs)
        if self.save_best_only:
            if self.monitor_op is None:
                self.monitor_op, direction = _monitor_op(self.mode, self.monitor, "ModelCheckpoint")
                default = math.inf if direction == "min" else -math.inf
                self.best = default if self.initial_value_threshold is None else float(self.initial_value_threshold)
            current = (logs or {}).get(self.monitor)
            if current is None:
                warnings.warn(f"Can save best model only with {self.monitor} available, skipping.", stacklevel=2)
                return
            if not self.monitor_op(current, self.best):
                if self.verbose > 0:
                    print(f"\nEpoch {epoch + 1}: {self.monitor} did not improve from {self.best:.5f}")
                return
            if self.verbose > 0:
                print(f"\nEpoch {epoch + 1}: {self.monitor} improved from {self.best:.5f} to {current:.5f}, "
                      f"saving model to {path}")
            self.best = current
        elif self.verbose > 0:
            print(f"\nEpoch {epoch + 1}: saving model to {path}")
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        if self.save_weights_only:
            self.model.save_weights(path)
        else:
            self.model.save(path)


class CSVLogger(Callback):
    def __init__(self, filename, separator=",", append=False):
        super().__init__()
        self.filename, self.sep, self.append = str(filename), separator, bool(append)
        self.keys = None
        self._file = None

    def on_train_begin(self, logs=None):
        path = Path(self.filename)
        has_rows = self.append and path.is_file() and path.stat().st_size > 0
        self._file = open(path, "a" if self.append else "w", newline="", encoding="utf-8")
        self._header_written = has_rows
        self.keys = None

    def on_epoch_end(self, epoch, logs=None):
        logs = {k: v for k, v in (logs or {}).items() if k != "size"}
        if self.keys is None:
            self.keys = sorted(logs)
        writer = csv.DictWriter(self._file, fieldnames=["epoch"] + self.keys, delimiter=self.sep,
                                extrasaction="ignore")
        if not self._header_written:
            writer.writeheader()
            self._header_written = True
        writer.writerow({"epoch": epoch, **{k: logs.get(k, "NA") for k in self.keys}})
        self._file.flush()

    def on_train_end(self, logs=None):
        if self._file is not None:
            self._file.close()
            self._file = None
