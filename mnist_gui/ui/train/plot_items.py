"""The training plots' pyqtgraph items and their look: the two plots (axes, one legend in a row of its own
under both, so it never covers a curve and grows the row rather than running off the plot, the ranges shown before a run, a manual zoom turning off follow-y), the current run's
curves (created once; afterwards they only get ``setData``, long series downsampled), the crosshair, and
their colours from the palette (``theme.plot_colors``), applied again when the palette changes.

A mixin of :class:`~mnist_gui.ui.train.plots.TrainingPlots`, which has ``readout``, ``readout_at``,
``_follow_y`` and ``_on_mouse_moved``. Not here: what the curves are fed (``plots``), the kept runs'
curves (``run_curves``), the axes' ranges (``plot_ranges``), the readout in words (``readout``).
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QSizePolicy

from mnist_gui.core.i18n import QT_TR_NOOP, tr
from mnist_gui.ui.theme import plot_colors
from mnist_gui.ui.train.readout import Crosshair

PLOTS_HEIGHT = 150     # the graphics' least height without the legend (a 1024×640 screen fits it)
EPOCH_CURVES = ("loss", "val_loss", "test_loss", "accuracy", "val_accuracy", "test_accuracy")
# the legend's entries for the per-epoch held-out curves (plots.py lists one or the other)
VALIDATION_ENTRY, TEST_ENTRY = QT_TR_NOOP("validation (epoch)"), QT_TR_NOOP("test (epoch)")


def _pen(color, width=1, style=Qt.SolidLine):
    return pg.mkPen(color=color, width=width, style=style)


class LegendRow(pg.LegendItem):
    """A legend laid out as a row of the plots' layout (not floating over a plot): ``COLUMNS`` entries a
    line, each name cut to ``NAME_CHARS``; more entries make the row taller and the plots shorter, never
    hidden under them. It cannot be dragged (it has a place in the layout)."""

    COLUMNS = 4
    NAME_CHARS = 20

    def __init__(self, on_height=None):
        super().__init__(labelTextSize="8pt", colCount=self.COLUMNS, verSpacing=-4)
        self._on_height = on_height        # told the row's height, so the plots above keep their room
        self.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Fixed)
        self.setMinimumWidth(0)      # the plots' width decides; the entries then take fewer columns

    def addItem(self, item, name: str) -> None:  # noqa: N802 - pyqtgraph override
        cut = name if len(name) <= self.NAME_CHARS else name[: self.NAME_CHARS - 1].rstrip() + "…"
        super().addItem(item, cut)

    def updateSize(self) -> None:  # noqa: N802 - pyqtgraph override
        """Ask the plots' layout for the entries' height instead of setting its own geometry."""
        self.layout.activate()
        height = self.layout.preferredHeight() if self.items else 0
        self._fit_columns()
        self.setMinimumHeight(height)
        self.setMaximumHeight(height)
        self.updateGeometry()
        if self._on_height is not None:
            self._on_height(height)

    def resizeEvent(self, ev) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(ev)
        self._fit_columns()

    def _fit_columns(self) -> None:
        """As many columns as the widest entry allows in the width the row is given (at most ``COLUMNS``)."""
        room = self.geometry().width()     # (``self.size`` is pyqtgraph's fixed-size option, None here)
        if not self.items or room < 1:
            return
        widest = max(sample.boundingRect().width() + label.item.boundingRect().width()
                     for sample, label in self.items) + 2 * self.layout.horizontalSpacing() + 8
        columns = max(1, min(self.COLUMNS, int(room // widest)))
        if columns != self.columnCount:
            self.setColumnCount(columns)

    def mouseDragEvent(self, ev) -> None:  # noqa: N802 - pyqtgraph override
        ev.ignore()


class PlotItems:
    """Building and colouring the plots (see the module docstring)."""

    def _build_plots(self) -> None:
        """The two plots: axes, the legend under them, the ranges shown before a run, manual zoom turning
        off follow-y."""
        self.graphics = pg.GraphicsLayoutWidget()
        self.graphics.setAccessibleName(tr("Training curves: loss and accuracy"))
        self.loss_plot = self.graphics.addPlot(row=0, col=0, title=tr("Loss"))
        self.acc_plot = self.graphics.addPlot(row=0, col=1, title=tr("Accuracy"))
        # one legend for both: the current run's curves look the same in both plots, kept runs have a colour
        # below this the page scrolls rather than the plots vanishing: room for the plots and the legend
        self.legend = LegendRow(lambda height: self.graphics.setMinimumHeight(PLOTS_HEIGHT + int(height)))
        self.graphics.setMinimumHeight(PLOTS_HEIGHT)
        self.graphics.addItem(self.legend, row=1, col=0, colspan=2)
        self.loss_plot.legend = self.acc_plot.legend = self.legend     # (the accuracy curves are unnamed)
        for plot, ylabel in ((self.loss_plot, tr("loss")), (self.acc_plot, tr("accuracy (%)"))):
            plot.setLabel("bottom", tr("epoch", "axis"))
            plot.setLabel("left", ylabel)
            plot.setClipToView(True)
            for side in ("left", "bottom"):
                plot.getAxis(side).enableAutoSIPrefix(False)
            plot.setMenuEnabled(True)
            plot.vb.sigRangeChangedManually.connect(lambda *_a, p=plot: self._follow_y.__setitem__(p, False))
        # until a run starts, show the ranges a run will use
        self.loss_plot.setRange(xRange=(0, 1), yRange=(0, 2.5), padding=0.02)
        self.acc_plot.setRange(xRange=(0, 1), yRange=(0, 100), padding=0.02)

    def _build_curves(self) -> None:
        """The current run's curves, created once (afterwards they only get setData). Only the loss curves
        are named: the legend both plots share lists each look once."""
        self.curves = {
            "batch_loss": self.loss_plot.plot(name=tr("batch", "legend")),
            "loss_smooth": self.loss_plot.plot(name=tr("batch, smoothed")),
            "loss": self.loss_plot.plot(name=tr("train (epoch)"), symbol="o", symbolSize=6),
            "val_loss": self.loss_plot.plot(name=tr(VALIDATION_ENTRY), symbol="s", symbolSize=6),
            "accuracy_smooth": self.acc_plot.plot(),
            "accuracy": self.acc_plot.plot(symbol="o", symbolSize=6),
            "val_accuracy": self.acc_plot.plot(symbol="s", symbolSize=6),
            "test_loss": self.loss_plot.plot(symbol="t", symbolSize=7),
            "test_accuracy": self.acc_plot.plot(symbol="t", symbolSize=7),
        }
        # raw batches keep their spikes when downsampled; the smoothed curves are averaged instead
        self.curves["batch_loss"].setDownsampling(auto=True, method="peak")
        for name in ("loss_smooth", "accuracy_smooth"):
            self.curves[name].setDownsampling(auto=True, method="mean")
            self.curves[name].opts["autoDownsampleFactor"] = 1.5  # ~1.5 points per pixel (default 5)
        for name in EPOCH_CURVES:
            self.curves[name].setZValue(5)

    def _build_crosshair(self) -> None:
        self.crosshair = Crosshair((self.loss_plot, self.acc_plot), self.readout, self.readout_at)
        self.crosshairs = self.crosshair.lines
        self._mouse_proxy = pg.SignalProxy(self.graphics.scene().sigMouseMoved, rateLimit=30,
                                           slot=self._on_mouse_moved)

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
        self.legend.setLabelTextColor(c.foreground)
        for _sample, label in self.legend.items:
            label.setText(label.text)   # the new colour reaches a label only at its next setText
        # 1-pixel pens and no grid: wider pens and a translucent grid made each redraw 3-4 times slower,
        # and redraws hold the GIL the training thread needs (benchmarks/gui_training.py)
        styles = {"batch_loss": c.batch, "loss_smooth": c.smoothed, "accuracy_smooth": c.smoothed,
                  "loss": c.train, "accuracy": c.train, "val_loss": c.val, "val_accuracy": c.val,
                  "test_loss": c.val, "test_accuracy": c.val}
        for name, color in styles.items():
            curve = self.curves[name]
            style = {"val": Qt.DashLine, "tes": Qt.DotLine}.get(name[:3], Qt.SolidLine)
            curve.setPen(_pen(color, 1, style))
            if name in EPOCH_CURVES:
                curve.setSymbolBrush(color)
                curve.setSymbolPen(color)
                # the legend draws the symbol from the scatter item, which only follows once data arrive
                curve.scatter.setBrush(pg.mkBrush(color))
                curve.scatter.setPen(pg.mkPen(color))
        for line in self.crosshairs:
            line.setPen(_pen(c.crosshair, 1, Qt.DashLine))
