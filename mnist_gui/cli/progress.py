"""Progress for ``mnist-gui train`` in a terminal: a live bar per epoch and one Keras-style line after it.

A callback like any other: ``fit`` itself never prints. The line's fields and precision are
``mnist_gui.core.training_text.epoch_line``'s, the same as the Training tab's log.
"""

from __future__ import annotations

import sys
import time

from tqdm import tqdm

from mnist_gui.core.training_text import epoch_line
from mnist_gui.nn import Callback


class KerasStyleProgress(Callback):
    """``Epoch 3/5 - 1.9s - loss: 0.0712 - accuracy: 0.9787 - val_loss: ...`` after a live tqdm bar."""

    def __init__(self, stream=sys.stderr):
        super().__init__()
        self.stream = stream
        self._bar = None
        self._started = 0.0

    def on_epoch_begin(self, epoch, logs=None):
        self._started = time.perf_counter()
        self._bar = tqdm(total=self.params["steps"], desc=f"Epoch {epoch + 1}/{self.params['epochs']}",
                         unit="batch", file=self.stream, leave=False, dynamic_ncols=True,
                         mininterval=0.1)

    def on_batch_end(self, batch, logs=None):
        self._bar.update(1)
        if logs and batch % 20 == 0:
            self._bar.set_postfix(loss=f"{logs['loss']:.4f}", refresh=False)

    def on_epoch_end(self, epoch, logs=None):
        self._bar.close()
        info = {**(logs or {}), "epoch": epoch + 1, "epochs": self.params["epochs"],
                "seconds": time.perf_counter() - self._started}
        print(epoch_line(info, style="keras"), file=sys.stdout, flush=True)

    def on_train_end(self, logs=None):
        if self._bar is not None:
            self._bar.close()
