"""The test set after every epoch, for a run that holds out no validation images.

:class:`EpochTest` is a callback the worker puts first in ``fit``'s list when the run has no validation
split: at each epoch's end it has the test images evaluated (in slices, by the worker, so Stop or closing
the window ends it within one slice) and adds ``test_loss`` and ``test_accuracy`` to the epoch's logs,
which the plots draw as "test (epoch)", the log prints and the run store keeps. These are test numbers,
never called validation: nothing is tuned on them. The test after the last epoch (or after the epoch a Stop
ended) is the run's final test, so the worker does not evaluate again. Runs in the worker thread; no Qt.
"""

from __future__ import annotations

import time

from mnist_gui.nn import Callback


class EpochTest(Callback):
    """Adds the test loss and accuracy to every epoch's logs.

    ``evaluate(model, final)`` returns (loss, accuracy), or None when it was stopped halfway; ``final`` says
    the weights will not change any more (the last epoch, or training was stopped), so the evaluation is
    the run's final test, which only Stop-the-test or closing the window ends. A non-final test that is
    stopped (Stop pressed while it ran) ends training, as Stop does between batches."""

    def __init__(self, evaluate):
        super().__init__()
        self.evaluate = evaluate
        self.last: tuple[int, float, float] | None = None   # (epoch from 1, loss, accuracy) of the last test
        self.final_stopped = False                            # the final test was stopped before its end
        self.seconds: list[float] = []                        # the time each epoch's test took

    def on_epoch_end(self, epoch, logs=None):
        if logs is None:
            return
        final = int(epoch) + 1 >= int(self.params.get("epochs", 0)) or bool(self.model.stop_training)
        started = time.perf_counter()
        scores = self.evaluate(self.model, final)
        if scores is None:            # stopped halfway: this epoch has no test numbers
            if final:
                self.final_stopped = True
            else:
                self.model.stop_training = True
            return
        self.seconds.append(time.perf_counter() - started)
        logs["test_loss"], logs["test_accuracy"] = float(scores[0]), float(scores[1])
        self.last = (int(epoch) + 1, logs["test_loss"], logs["test_accuracy"])
