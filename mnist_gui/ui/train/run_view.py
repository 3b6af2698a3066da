"""The Train tab's view of a run as it goes: the curves, the progress bar and its detail line, the
first-layer weights and the inside-the-network reports, fed by the worker's signals (queued: they come
from the training thread) and redrawn by the tab's timer at most every REDRAW_MS, less often when a redraw
is slow; the log's header, its line per epoch and the end of the run.

A mixin of :class:`~mnist_gui.ui.train.tab.TrainingTab`, which owns the state it uses (``run``,
``result``, ``dataset``, ``_steps``, ``_last_chunk``, ``_pending_weights``, ``_dirty``, ``_testing``,
``_first_layer``, ``_redraw``, ``_redraw_ms``) and the widgets (``plots``, ``progress``,
``progress_detail``, ``log``, ``weights``, ``inside_training``, ``banner``, ``runs``). Not here: starting,
pausing and stopping a run and what the tab emits when its thread ends (``tab``), the run store's side
(``kept_runs``), the words of the log and the progress bar (``core.training_text``). (No ``@Slot``
here: PySide6 does not deliver queued signals to slots a non-QObject mixin declares.)
"""

from __future__ import annotations

import time

from PySide6.QtCore import Qt

from mnist_gui.core import training_text as text
from mnist_gui.core.i18n import tr
from mnist_gui.ui.train.worker import TrainingResult

# Plots, progress and weights are redrawn at most 5 times a second, and less often when a redraw is slow:
# a redraw holds the GIL for ~10 ms, time the training thread waits for, so redraws get at most 5% of
# the time (benchmarks/gui_training.py: 10 redraws a second slowed training by ~15%).
REDRAW_MS = 200
REDRAW_MAX_MS = 1000
REDRAW_BUDGET = 0.05


class RunViewMixin:
    """The tab's run-view methods and the worker's slots (see the module docstring)."""

    def _connect_run_view(self, run) -> None:
        """Connect ``run``'s worker to the view, queued explicitly: these signals come from the worker
        thread, the slots touch widgets."""
        queued = Qt.QueuedConnection
        run.worker.run_started.connect(self._on_run_started, queued)
        run.worker.batch_ended.connect(self._on_batch_ended, queued)
        run.worker.epoch_ended.connect(self._on_epoch_ended, queued)
        run.worker.weights_changed.connect(self._on_weights_changed, queued)
        run.worker.diagnostics_reported.connect(self._on_diagnostics, queued)
        run.worker.evaluation_started.connect(self._on_evaluation_started, queued)
        run.worker.epoch_test_started.connect(self._on_epoch_test_started, queued)
        run.worker.finished.connect(self._on_finished, queued)
        run.worker.failed.connect(self._on_failed, queued)

    def _prepare_view(self, cfg) -> None:
        """Empty curves, log header, progress at zero: the view of a run about to start with ``cfg``."""
        self.banner.clear()
        self._steps = cfg.steps_per_epoch
        self.plots.begin_run(cfg.epochs * self._steps, epochs=cfg.epochs, steps=self._steps,
                             validation=cfg.n_validation > 0)
        self.runs.model.set_current(None)      # the last run now has its own colour on the plots
        self.inside_training.begin_run()
        self._last_chunk, self._pending_weights, self._dirty, self._testing = None, None, False, False
        if cfg.architecture == "cnn":
            self._first_layer = (None, "convolution")
        else:   # no hidden layer: the first Dense layer is the output, one picture per class
            self._first_layer = (cfg.hidden[0], "hidden") if cfg.hidden else (len(self.dataset.class_names), "output")
        self.log.appendPlainText(text.run_header(self.runs_started, cfg))
        self.progress.setRange(0, cfg.epochs * self._steps)
        self.progress.setValue(0)
        self.progress.setFormat(tr("Starting…"))
        self.progress_detail.setText(" ")

    def _on_run_started(self, info: dict) -> None:
        self._steps = max(int(info.get("steps") or self._steps), 1)
        if info.get("first_units"):
            self._first_layer = (int(info["first_units"]), self._first_layer[1])
        self.progress.setRange(0, max(int(info.get("epochs", 1)) * self._steps, 1))

    def _on_batch_ended(self, chunk: dict) -> None:
        # only store here; drawing happens in _refresh_view, at REDRAW_MS, however fast chunks come
        self.plots.add_batches(chunk, redraw=False)
        self._last_chunk = chunk
        self._dirty = True

    def _refresh_view(self) -> None:
        if self._pending_weights is not None:
            self._show_weights(self._pending_weights)
            self._pending_weights = None
        if self.inside_training.isVisible():   # hidden, it keeps the reports and draws them when shown
            self.inside_training.refresh()
        if not self._dirty:
            return
        self._dirty = False
        started = time.perf_counter()
        self.plots.refresh()
        self.plots.graphics.viewport().repaint()   # now, so its cost is measured with the rest
        chunk = self._last_chunk
        if chunk is not None:
            self.progress.setValue((chunk["epoch"] - 1) * chunk["steps"] + chunk["batch"])
            paused = self.run is not None and self.run.paused
            self.progress.setFormat(text.progress_format(chunk, paused))
            self.progress_detail.setText(text.progress_detail(chunk, paused))
        cost_ms = 1000 * (time.perf_counter() - started)
        self._redraw.setInterval(int(min(max(self._redraw_ms, cost_ms / REDRAW_BUDGET), REDRAW_MAX_MS)))

    def _show_weights(self, kernel) -> None:
        total, kind = self._first_layer
        self.weights.set_weights(kernel, total, kind)

    def _on_epoch_ended(self, info: dict) -> None:
        self.plots.add_epoch(info, redraw=False)
        self._dirty = True
        self.log.appendPlainText(text.epoch_line(info, style="log"))

    def _on_weights_changed(self, kernel) -> None:
        self._pending_weights = kernel

    def _on_diagnostics(self, report: dict) -> None:
        self.inside_training.add(report)

    def _on_epoch_test_started(self, epoch: int) -> None:
        self._refresh_view()
        self.progress.setFormat(tr("Epoch {epoch} done: testing on {images:,} images…").format(
            epoch=epoch, images=len(self.dataset.x_test)))

    def _on_evaluation_started(self, images: int) -> None:
        self._testing = True
        self._refresh_view()
        self._update_buttons()
        self.progress.setFormat(tr("Testing on {images:,} images… (Stop skips the test)").format(images=images))

    def _on_finished(self, result: TrainingResult) -> None:
        self.result = result
        self._testing = False
        self._refresh_view()
        warning = text.end_warning(result)
        if warning:
            self.banner.show_message("warning", warning)
        lines = text.result_lines(result, len(self.dataset.x_test))
        for line in lines:
            self.log.appendPlainText(line)
        if result.test_accuracy is not None or result.test_stopped:
            self.progress_detail.setText(lines[-1])
        self.progress.setFormat(text.end_state(result))
        if result.stop_reason is None and result.usable:
            self.progress.setValue(self.progress.maximum())

    def _on_failed(self, message: str) -> None:
        self.result = None
        self.banner.show_message("error", message)
        self.log.appendPlainText(message)
        self.progress.setFormat(tr("Failed"))
