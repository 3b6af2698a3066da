"""Live training curves: loss and accuracy against (fractional) epochs, with pyqtgraph.

Each curve is created once and afterwards only gets ``setData`` on the run's preallocated arrays;
long series are clipped to the view and downsampled. The loss plot shows every batch (faint), the
same smoothed like TensorBoard (the slider sets the weight), and the per-epoch training and
validation loss; the accuracy plot the smoothed batch accuracy and the per-epoch values, in percent.
Runs before the current one stay as faint curves (toggle or clear them). Moving the mouse shows a
crosshair and the values under it. Zoom and pan are pyqtgraph's (wheel, drag, right-click menu).
Export writes the numbers (CSV) or the picture (PNG/SVG).
"""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (QCheckBox, QFileDialog, QHBoxLayout, QLabel, QMenu, QPushButton, QSlider,
                               QToolButton, QVBoxLayout, QWidget)

from mnist_gui.core.files import write_bytes_atomic
from mnist_gui.ui.widgets.plot_export import save_picture
from mnist_gui.core.run_data import RunData, runs_to_csv
from mnist_gui.ui.theme import plot_colors

MAX_EARLIER_RUNS = 12


def _pen(color, width=1, style=Qt.SolidLine):
    return pg.mkPen(color=color, width=width, style=style)


class TrainingPlots(QWidget):
    """Loss and accuracy plots for the current run and faint copies of earlier ones."""

    earlier_visibility_changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.run = RunData()
        self.earlier: list[RunData] = []
        self._earlier_items: list[pg.PlotDataItem] = []   # three per earlier run
        self._plot_of: dict[pg.PlotDataItem, pg.PlotItem] = {}
        self._earlier_key: dict[pg.PlotItem, pg.PlotDataItem] = {}   # legend entries, shown when useful
        self._build()
        self._apply_colors()

    def _build(self) -> None:
        self.smoothing = QSlider(Qt.Horizontal, minimum=0, maximum=999, value=900, singleStep=10, pageStep=100)
        self.smoothing.setMaximumWidth(160)
        self.smoothing.setToolTip("How much to smooth the per-batch curves (like TensorBoard): 0 shows "
                                  "every batch as it is, higher values average over more batches.")
        self.smoothing_label = QLabel()
        self.smoothing_label.setMinimumWidth(self.smoothing_label.fontMetrics().horizontalAdvance("0.999 "))
        self.show_earlier = QCheckBox("Earlier runs", checked=True)
        self.show_earlier.setToolTip("Show the runs before this one as faint curves, to compare.")
        self.clear_button = QPushButton("Clear")
        self.clear_button.setToolTip("Remove the earlier runs from the plots.")
        self.export_button = QToolButton(text="Export", popupMode=QToolButton.InstantPopup)
        self.export_button.setToolTip("Save the curves' numbers (CSV) or a picture of the plots (PNG, SVG).")
        menu = QMenu(self.export_button)
        for text, slot in (("Data as CSV…", self._ask_csv), ("Picture as PNG…", lambda: self._ask_image("png")),
                           ("Picture as SVG…", lambda: self._ask_image("svg"))):
            action = QAction(text, menu)
            action.triggered.connect(slot)
            menu.addAction(action)
        self.export_button.setMenu(menu)
        self.readout = QLabel(" ")
        self.readout.setTextInteractionFlags(Qt.TextSelectableByMouse)

        bar = QHBoxLayout()
        bar.addWidget(QLabel("Smoothing"))
        bar.addWidget(self.smoothing)
        bar.addWidget(self.smoothing_label)
        bar.addSpacing(12)
        bar.addWidget(self.show_earlier)
        bar.addWidget(self.clear_button)
        bar.addStretch(1)
        bar.addWidget(self.export_button)

        self.graphics = pg.GraphicsLayoutWidget()
        self.loss_plot = self.graphics.addPlot(row=0, col=0, title="Loss")
        self.acc_plot = self.graphics.addPlot(row=0, col=1, title="Accuracy")
        # legends where the curves usually are not: loss falls (top right is empty), accuracy rises
        for plot, ylabel, corner in ((self.loss_plot, "loss", (-10, 10)), (self.acc_plot, "accuracy (%)", (-10, -10))):
            plot.setLabel("bottom", "epoch")
            plot.setLabel("left", ylabel)
            plot.setClipToView(True)
            plot.addLegend(offset=corner, labelTextSize="8pt")
            for side in ("left", "bottom"):
                plot.getAxis(side).enableAutoSIPrefix(False)
            plot.setMenuEnabled(True)
        # until a run starts, show the ranges a run will use
        self.loss_plot.setRange(xRange=(0, 1), yRange=(0, 2.5), padding=0.02)
        self.acc_plot.setRange(xRange=(0, 1), yRange=(0, 100), padding=0.02)
        self.curves = {
            "batch_loss": self.loss_plot.plot(name="batch"),
            "loss_smooth": self.loss_plot.plot(name="batch, smoothed"),
            "loss": self.loss_plot.plot(name="train (epoch)", symbol="o", symbolSize=6),
            "val_loss": self.loss_plot.plot(name="validation (epoch)", symbol="s", symbolSize=6),
            "accuracy_smooth": self.acc_plot.plot(name="batch, smoothed"),
            "accuracy": self.acc_plot.plot(name="train (epoch)", symbol="o", symbolSize=6),
            "val_accuracy": self.acc_plot.plot(name="validation (epoch)", symbol="s", symbolSize=6),
        }
        # raw batches keep their spikes when downsampled; the smoothed curves are averaged instead
        self.curves["batch_loss"].setDownsampling(auto=True, method="peak")
        for name in ("loss_smooth", "accuracy_smooth"):
            self.curves[name].setDownsampling(auto=True, method="mean")
            self.curves[name].opts["autoDownsampleFactor"] = 1.5  # ~1.5 points per pixel (default 5)
        for name in ("loss", "val_loss", "accuracy", "val_accuracy"):
            self.curves[name].setZValue(5)
        self._follow_y: dict[pg.PlotItem, bool] = {}
        for plot in (self.loss_plot, self.acc_plot):
            plot.vb.sigRangeChangedManually.connect(lambda *_a, p=plot: self._follow_y.__setitem__(p, False))
        self.crosshairs = [pg.InfiniteLine(angle=90, movable=False) for _ in range(2)]
        for plot, line in zip((self.loss_plot, self.acc_plot), self.crosshairs):
            plot.addItem(line, ignoreBounds=True)
            line.hide()
        self._mouse_proxy = pg.SignalProxy(self.graphics.scene().sigMouseMoved, rateLimit=30,
                                           slot=self._on_mouse_moved)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.graphics, 1)
        layout.addWidget(self.readout)
        self.smoothing.valueChanged.connect(self._on_smoothing)
        self.show_earlier.toggled.connect(self.set_show_earlier)
        self.clear_button.clicked.connect(self.clear_earlier)
        self._on_smoothing(self.smoothing.value())

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.PaletteChange:
            self._apply_colors()
        super().changeEvent(event)

    def _apply_colors(self) -> None:
        c = self.colors = plot_colors(self.palette())
        self.graphics.setBackground(c.background)
        for plot in (self.loss_plot, self.acc_plot):
            for side in ("left", "bottom"):
                axis = plot.getAxis(side)
                axis.setPen(c.foreground)
                axis.setTextPen(c.foreground)
            plot.titleLabel.setText(plot.titleLabel.text, color=c.foreground)
            if plot.legend is not None:
                plot.legend.setLabelTextColor(c.foreground)
                plot.legend.setBrush(pg.mkBrush(c.background.red(), c.background.green(), c.background.blue(), 200))
        # 1-pixel pens and no grid: wider pens and a translucent grid made each redraw 3-4 times slower,
        # and redraws hold the GIL the training thread needs (benchmarks/gui_training.py)
        styles = {"batch_loss": c.batch, "loss_smooth": c.smoothed, "accuracy_smooth": c.smoothed,
                  "loss": c.train, "accuracy": c.train, "val_loss": c.val, "val_accuracy": c.val}
        for name, color in styles.items():
            curve = self.curves[name]
            curve.setPen(_pen(color, 1, Qt.DashLine if name.startswith("val") else Qt.SolidLine))
            if name in ("loss", "accuracy", "val_loss", "val_accuracy"):
                curve.setSymbolBrush(color)
                curve.setSymbolPen(color)
                # the legend draws the symbol from the scatter item, which only follows once data arrive
                curve.scatter.setBrush(pg.mkBrush(color))
                curve.scatter.setPen(pg.mkPen(color))
        for item in [*self._earlier_items, *self._earlier_key.values()]:
            item.setPen(_pen(c.earlier, 1))
        for line in self.crosshairs:
            line.setPen(_pen(c.crosshair, 1, Qt.DashLine))

    def begin_run(self, capacity: int, epochs: int | None = None) -> None:
        """Start plotting a new run of about ``capacity`` batches; the current one becomes 'earlier'.

        With ``epochs``, the x axis is fixed to the whole run (0 to ``epochs``) instead of following the
        data, so it is not recomputed on every update (the 'A' button in a plot's corner autoscales)."""
        if self.run.has_data():
            self.earlier.append(self.run)
            self._add_earlier_items(self.run)
            while len(self.earlier) > MAX_EARLIER_RUNS:
                self.earlier.pop(0)
                self._remove_items(self._earlier_items[:3])
                del self._earlier_items[:3]
            self._sync_earlier_key()
        self.run = RunData(capacity, smoothing=self.smoothing_weight())
        for plot in (self.loss_plot, self.acc_plot):
            plot.enableAutoRange(x=not epochs, y=False)
            if epochs:
                plot.setXRange(0, epochs, padding=0.02)
            self._follow_y[plot] = True
        self.refresh()

    def _add_earlier_items(self, run: RunData) -> None:
        pen = _pen(self.colors.earlier, 1)
        epochs = np.asarray(run.epochs)
        val = "val_loss" if run.has("val_loss") else "loss"
        acc = "val_accuracy" if run.has("val_accuracy") else "accuracy"
        items = [pg.PlotDataItem(run.x[: run.n], run.loss_smooth[: run.n], pen=pen),
                 pg.PlotDataItem(epochs, np.asarray(run.epoch_logs[val]), pen=pen),
                 pg.PlotDataItem(epochs, 100 * np.asarray(run.epoch_logs[acc]), pen=pen)]
        items[0].setDownsampling(auto=True, method="mean")
        for item, plot in zip(items, (self.loss_plot, self.loss_plot, self.acc_plot)):
            item.setZValue(-10)
            item.setVisible(self.show_earlier.isChecked())
            plot.addItem(item)
            self._plot_of[item] = plot
        self._earlier_items.extend(items)

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
        runs = [self.run] + (self.earlier if self.show_earlier.isChecked() else [])
        self._fit_y(self.loss_plot, [a for r in runs for a in (r.loss[: r.n], r.epoch_logs["loss"],
                                                              r.epoch_logs["val_loss"])])
        self._fit_y(self.acc_plot, [100 * np.asarray(a, dtype=float) for r in runs
                                    for a in (r.accuracy_smooth[: r.n], r.epoch_logs["accuracy"],
                                              r.epoch_logs["val_accuracy"])])

    def _fit_y(self, plot, arrays) -> None:
        """Keep the y range around the data, changing it only when the data leave it or fill less than half
        of it: each change re-lays the axis, which costs more than drawing the curves. A plot the user
        zoomed or panned, or set to pyqtgraph's own auto-range ('A' button), is left alone."""
        if not self._follow_y.get(plot) or plot.vb.autoRangeEnabled()[1]:
            return
        values = np.concatenate([np.asarray(a, dtype=float).ravel() for a in arrays] or [np.zeros(0)])
        values = values[np.isfinite(values)]
        if not values.size:
            return
        lo, hi = float(values.min()), float(values.max())
        a, b = plot.vb.viewRange()[1]
        span = max(hi - lo, 1e-6)
        if lo < a or hi > b or span < 0.5 * (b - a):
            plot.vb.setYRange(lo - 0.05 * span, hi + 0.05 * span, padding=0)

    def _refresh_batches(self) -> None:
        r, n = self.run, self.run.n
        self.curves["batch_loss"].setData(r.x[:n], r.loss[:n])
        self.curves["loss_smooth"].setData(r.x[:n], r.loss_smooth[:n])
        self.curves["accuracy_smooth"].setData(r.x[:n], 100 * r.accuracy_smooth[:n])

    def _refresh_epochs(self) -> None:
        r, epochs = self.run, np.asarray(self.run.epochs)
        for key in ("loss", "val_loss", "accuracy", "val_accuracy"):
            y = np.asarray(r.epoch_logs[key], dtype=float) * (100 if "accuracy" in key else 1)
            shown = epochs[np.isfinite(y)] if len(y) else epochs
            self.curves[key].setData(shown, y[np.isfinite(y)] if len(y) else y)

    def smoothing_weight(self) -> float:
        return self.smoothing.value() / 1000.0

    def set_smoothing(self, weight: float) -> None:
        self.smoothing.setValue(round(min(max(weight, 0.0), 0.999) * 1000))

    def _on_smoothing(self, value: int) -> None:
        weight = value / 1000.0
        self.smoothing_label.setText(f"{weight:.3f}".rstrip("0").rstrip(".") if weight else "0")
        self.run.set_smoothing(weight)
        self._refresh_batches()
        for run, item in zip(self.earlier, self._earlier_items[0::3]):
            run.set_smoothing(weight)
            item.setData(run.x[: run.n], run.loss_smooth[: run.n])

    def set_show_earlier(self, shown: bool) -> None:
        if self.show_earlier.isChecked() != shown:
            self.show_earlier.setChecked(shown)  # comes back here through toggled
            return
        for item in self._earlier_items:
            item.setVisible(shown)
        self._sync_earlier_key()
        self.earlier_visibility_changed.emit(shown)

    def clear_earlier(self) -> None:
        self._remove_items(self._earlier_items)
        self._earlier_items.clear()
        self.earlier.clear()
        self._sync_earlier_key()

    def _sync_earlier_key(self) -> None:
        """An 'earlier runs' entry in each legend while there are earlier runs on show."""
        wanted = bool(self.earlier) and self.show_earlier.isChecked()
        for plot in (self.loss_plot, self.acc_plot):
            key = self._earlier_key.get(plot)
            if wanted and key is None:
                key = self._earlier_key[plot] = pg.PlotDataItem(pen=_pen(self.colors.earlier, 1))
                plot.legend.addItem(key, "earlier runs")
            elif not wanted and key is not None:
                plot.legend.removeItem(self._earlier_key.pop(plot))

    def _remove_items(self, items) -> None:
        for item in items:
            self._plot_of.pop(item).removeItem(item)

    def _on_mouse_moved(self, args) -> None:
        pos = args[0]
        for plot in (self.loss_plot, self.acc_plot):
            if plot.sceneBoundingRect().contains(pos):
                x = plot.vb.mapSceneToView(pos).x()
                for line in self.crosshairs:
                    line.setPos(x)
                    line.show()
                self.readout.setText(self.readout_at(x))
                return
        for line in self.crosshairs:
            line.hide()

    def readout_at(self, x: float) -> str:
        """The values of the current run nearest to epoch ``x``, as one line of text."""
        return self.run.readout(x)

    def export_csv(self, path: str | os.PathLike) -> None:
        """Write every run's numbers (earlier ones first) to ``path`` as CSV, atomically."""
        runs = [*self.earlier, self.run] if self.run.has_data() else list(self.earlier)
        write_bytes_atomic(Path(path), runs_to_csv(runs).encode())

    def export_image(self, path: str | os.PathLike) -> None:
        """Save a picture of both plots; the format follows the suffix (.png or .svg)."""
        save_picture(self.graphics, Path(path))

    def _ask_csv(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "Export curves as CSV", "training-curves.csv", "CSV (*.csv)")
        if path:
            self.export_csv(path if path.lower().endswith(".csv") else path + ".csv")

    def _ask_image(self, fmt: str) -> None:
        path, _ = QFileDialog.getSaveFileName(self, f"Export plots as {fmt.upper()}", f"training-curves.{fmt}",
                                              f"{fmt.upper()} (*.{fmt})")
        if path:
            self.export_image(path if path.lower().endswith("." + fmt) else f"{path}.{fmt}")
