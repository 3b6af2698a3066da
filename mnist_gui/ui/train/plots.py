"""Live training curves: loss and accuracy against (fractional) epochs, with pyqtgraph.

Each curve is created once and afterwards only gets ``setData`` on the run's preallocated arrays;
long series are clipped to the view and downsampled. The loss plot shows every batch (faint), the
same smoothed like TensorBoard (the slider sets the weight), and the per-epoch training and
validation loss; the accuracy plot the smoothed batch accuracy and the per-epoch values, in percent.
The plots, the curves and their colours are built by plot_items.py. The controls above the plots are
plot_toolbar.py's (smoothing, log scale for the loss, the kept runs' switch and Clear, Export). Kept runs
ticked in the runs table are drawn in their own colours with their names in the loss legend
(run_curves.py); the axes re-fit whenever what is shown changes (plot_ranges.py). The validation entries
are in the legends only when the run has validation data; a run without holds the test images up after
every epoch instead, drawn and listed as "test (epoch)" (never as validation) with a note saying so.
Moving the mouse shows a crosshair and the values under it in words (readout.py). Zoom and pan are
pyqtgraph's. Export (plot_exports.py) writes the numbers (CSV) or the picture (PNG/SVG, without the
crosshair); a file that cannot be written becomes ``export_failed(message)`` and leaves the old file as
it was.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from mnist_gui.core.i18n import QT_TR_NOOP, tr
from mnist_gui.core.run_data import RunData
from mnist_gui.ui.accessibility import curves_description
from mnist_gui.ui.train.plot_exports import PlotExports
from mnist_gui.ui.train.plot_items import EPOCH_CURVES, TEST_ENTRY, VALIDATION_ENTRY, PlotItems
from mnist_gui.ui.train.plot_ranges import PlotRanges
from mnist_gui.ui.train.plot_toolbar import PlotToolbar
from mnist_gui.ui.train.readout import ReadoutLabel
from mnist_gui.ui.train.run_curves import RunCurves


NO_VALIDATION = QT_TR_NOOP("No validation split, so after every epoch the network is measured on the test images "
                            "(\"test (epoch)\", dotted): a check on images it never trains on. Set a validation "
                            "split to choose settings without looking at the test images.")


class TrainingPlots(PlotItems, PlotExports, PlotRanges, QWidget):
    """Loss and accuracy plots for the current run and the kept runs ticked in the table."""

    earlier_visibility_changed = Signal(bool)
    runs_cleared = Signal()          # Clear: every kept run was taken off the plots
    exported = Signal(str)           # the path of a file just written
    export_failed = Signal(str)      # what could not be written and why, for the user

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.run = RunData()
        self.current_id: str | None = None   # the current run's id in the run store, once it is recorded
        self._wanted: dict[str, tuple[str, object]] = {}   # ticked runs: id -> (name, colour)
        self._expect_validation = True
        self._x_span = 0.0                   # epochs of the current run, as planned
        self.export_dir = ""             # where the export dialog starts (the window remembers it)
        self._follow_y: dict[pg.PlotItem, bool] = {}
        self.toolbar = PlotToolbar()
        t = self.toolbar
        self.smoothing, self.show_earlier, self.clear_button = t.smoothing, t.show_earlier, t.clear_button
        self.export_button, self.log_loss = t.export_button, t.log_loss
        self.readout = ReadoutLabel()
        self.validation_note = QLabel(tr(NO_VALIDATION), wordWrap=True)
        # room for its wrapped lines at the plots' narrowest, or a short window squeezes the plots over it
        self.validation_note.setMinimumHeight(self.validation_note.heightForWidth(480))
        self.validation_note.hide()
        self._build_plots()
        self._build_curves()
        self._build_crosshair()
        self._kept = RunCurves(self.loss_plot, self.acc_plot)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.validation_note)
        layout.addWidget(self.graphics, 1)
        layout.addWidget(self.readout)
        t.export_requested.connect(self.ask_export)
        self.smoothing.valueChanged.connect(self._on_smoothing)
        self.show_earlier.toggled.connect(self.set_show_earlier)
        self.clear_button.clicked.connect(self.clear_earlier)
        self.log_loss.toggled.connect(self.set_log_loss)
        self._apply_colors()
        self._on_smoothing(self.smoothing.value())

    def shown_ids(self) -> list[str]:
        """The kept runs drawn in their own colours (not the current run, which has the bright curves)."""
        return self._kept.ids()

    def kept_items(self) -> list:
        """The curves of the kept runs drawn (three per run)."""
        return self._kept.items()

    def begin_run(self, capacity: int, epochs: int | None = None, steps: int = 0,
                  validation: bool = True) -> None:
        """Start plotting a new run of about ``capacity`` batches (``steps`` a epoch; ``validation``: whether
        it holds out validation images); the current one, if ticked in the table, keeps its curves in its
        own colour.

        With ``epochs``, the x axis is fixed to the whole run (0 to ``epochs``) instead of following the
        data, so it is not recomputed on every update (the 'A' button in a plot's corner autoscales)."""
        previous, self.current_id = self.current_id, None
        if previous in self._wanted and self.run.has_data():
            name, colour = self._wanted[previous]
            self._kept.forget(previous)
            self._kept.show(previous, self.run, name, colour)
        self.run = RunData(capacity, smoothing=self.smoothing_weight(), steps=steps)
        self.set_validation(validation)
        self._x_span = float(epochs or 0)
        for plot in (self.loss_plot, self.acc_plot):
            plot.enableAutoRange(x=not epochs, y=False)
            if epochs:
                plot.setXRange(*self._x_range(), padding=0.02)
            self._follow_y[plot] = True
        self.refresh()

    def add_batches(self, chunk: dict, redraw: bool = True) -> None:
        """Append a worker chunk (lists x, loss, accuracy); ``redraw=False`` leaves drawing to refresh()."""
        self.run.add_batches(chunk["x"], chunk["loss"], chunk["accuracy"])
        if redraw:
            self._refresh_batches()

    def add_epoch(self, info: dict, redraw: bool = True) -> None:
        self.run.add_epoch(info.get("x", info["epoch"]), info)
        if redraw:
            self._refresh_epochs()

    def refresh(self) -> None:
        """Hand the current run's data to the curves (the tab calls this at a steady, low rate)."""
        self._refresh_batches()
        self._refresh_epochs()
        self._sync_validation_legend()
        self._fit_all()
        self.graphics.setAccessibleDescription(curves_description(self.run))   # the curves in words

    def set_validation(self, expected: bool) -> None:
        """Whether the run on show holds out validation images: the legends promise a validation curve only
        then, and otherwise a note says how to get one."""
        self._expect_validation = bool(expected)
        self.validation_note.setVisible(not expected)
        self._sync_validation_legend()

    def _sync_validation_legend(self) -> None:
        """List "validation (epoch)" when the run has (or, before its first epoch, will have) validation
        numbers, and "test (epoch)" when it has (or will have) the per-epoch test instead."""
        before = not self.run.epochs
        has_val = self.run.has("val_loss") or (self._expect_validation and before)
        has_test = self.run.has("test_loss") or (not self._expect_validation and before)
        for key, has, words in (("val_loss", has_val, VALIDATION_ENTRY), ("test_loss", has_test, TEST_ENTRY)):
            curve = self.curves[key]      # one legend for both plots (plot_items.LegendRow)
            listed = any(sample.item is curve for sample, _ in self.legend.items)
            if has and not listed:
                self.legend.addItem(curve, tr(words))
            elif listed and not has:
                self.legend.removeItem(curve)

    def _refresh_batches(self) -> None:
        r, n = self.run, self.run.n
        self.curves["batch_loss"].setData(r.x[:n], r.loss[:n])
        self.curves["loss_smooth"].setData(r.x[:n], r.loss_smooth[:n])
        self.curves["accuracy_smooth"].setData(r.x[:n], 100 * r.accuracy_smooth[:n])

    def _refresh_epochs(self) -> None:
        r, epochs = self.run, np.asarray(self.run.epochs)
        for key in EPOCH_CURVES:
            y = np.asarray(r.epoch_logs[key], dtype=float) * (100 if "accuracy" in key else 1)
            shown = epochs[np.isfinite(y)] if len(y) else epochs
            self.curves[key].setData(shown, y[np.isfinite(y)] if len(y) else y)

    def smoothing_weight(self) -> float:
        return self.smoothing.value() / 1000.0

    def set_smoothing(self, weight: float) -> None:
        self.smoothing.setValue(round(min(max(weight, 0.0), 0.999) * 1000))

    def _on_smoothing(self, value: int) -> None:
        weight = value / 1000.0
        self.run.set_smoothing(weight)
        self._refresh_batches()
        self._kept.set_smoothing(weight)

    def set_show_earlier(self, shown: bool) -> None:
        """Show or hide every kept run at once (the runs table keeps which are ticked)."""
        if self.show_earlier.isChecked() != shown:
            self.show_earlier.setChecked(shown)  # comes back here through toggled
            return
        self._kept.set_visible(shown)
        self.refit()
        self.earlier_visibility_changed.emit(shown)

    def clear_earlier(self) -> None:
        """Take every kept run off the plots (they stay in the table, unticked)."""
        self._wanted.clear()
        self._kept.clear()
        self.refit()
        self.runs_cleared.emit()

    def show_run(self, run_id: str, name: str, colour, load) -> None:
        """Draw kept run ``run_id`` in ``colour`` as ``name``; ``load()`` gives its RunData, and is only
        called when the run is not the current one (whose numbers are in memory)."""
        self._wanted[run_id] = (name, colour)
        if run_id != self.current_id:
            self._kept.show(run_id, load, name, colour)
        self.refit()

    def hide_run(self, run_id: str) -> None:
        self._wanted.pop(run_id, None)
        self._kept.hide(run_id)
        self.refit()

    def rename_run(self, run_id: str, name: str) -> None:
        if run_id in self._wanted:
            self._wanted[run_id] = (name, self._wanted[run_id][1])
        self._kept.rename(run_id, name)

    def _on_mouse_moved(self, args) -> None:
        self.crosshair.move_to(args[0])

    def readout_at(self, x: float) -> str:
        """The values of the current run nearest to epoch ``x``, as one line of text."""
        return self.run.readout(x)
