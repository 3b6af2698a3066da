"""The Train tab's "Inside training" view: per-layer gradient sizes and the share of dead ReLUs over the run,
and the chosen layer's weight histogram now and at the start, each plot with a caption in plain words.

The numbers come from the engine's ``TrainingDiagnostics`` callback through the worker (a report about ten
times a second, copies only); ``add`` keeps them (``mnist_gui.core.train_diagnostics.DiagnosticsHistory``)
and ``refresh`` draws, which the tab calls at its redraw rate and only while the view is on screen. Curves are
created once per run and afterwards only get ``setData``. The plots follow the theme (light or dark) like the
main ones do, and the dead-ReLU caption names a convolution's filters only for a network that has one. Until
a run's first report the plots are empty on purpose: fixed ranges, no gradient tick labels and a note in each
("No run yet", then "Waiting for the first batch…"). Not here: computing the numbers (the engine).
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtWidgets import (QComboBox, QFrame, QGridLayout, QHBoxLayout, QLabel, QScrollArea, QVBoxLayout,
                               QWidget)

from mnist_gui.core.i18n import QT_TR_NOOP, tr
from mnist_gui.core.train_diagnostics import CAPTIONS, EXPLANATIONS, DiagnosticsHistory
from mnist_gui.ui.theme import plot_colors

LAYER_COLOURS = ((31, 119, 180), (255, 127, 14), (44, 160, 44), (214, 39, 40), (148, 103, 189), (140, 86, 75),
                 (227, 119, 194), (127, 127, 127), (188, 189, 34), (23, 190, 207))


PLOTS_MIN_HEIGHT = 170   # pixels: the plots' y axes get about 85 of them
NO_RUN = QT_TR_NOOP("No run yet")
WAITING = QT_TR_NOOP("Waiting for the first batch…")
# the ranges of the empty plots (x, y; the gradient's y in log10 units: 0.001 to 1), where their note sits
EMPTY_RANGES = {"grad": ((0, 1), (-3, 0)), "dead": ((0, 1), (0, 100)), "hist": ((-1, 1), (0, 1))}
# CAPTIONS["dead"] without " (a convolution's filters)", for a network without one (an MLP's units are its
# neurons); a sentence of its own, so each language words both
DEAD_WITHOUT_FILTERS = QT_TR_NOOP("Units that gave 0 for every image of a batch: a dead ReLU passes no gradient "
                                  "back, so it stops learning.")


def dead_caption(convolution: bool = False) -> str:
    """The dead-ReLU caption: the filters of a convolution are named only for a network that has one."""
    return tr(CAPTIONS["dead"]) if convolution else tr(DEAD_WITHOUT_FILTERS)


class _Plots(pg.GraphicsLayoutWidget):
    """The three plots, asking for no more height than they need (pyqtgraph's own hint is ~480 px, which the
    scroll area would give them every time)."""

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(600, PLOTS_MIN_HEIGHT)


class InsideTrainingView(QWidget):
    """Three small plots with captions; ``begin_run()``, then ``add(report)`` per report and ``refresh()``."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.history = DiagnosticsHistory()
        self._dirty = False
        self.summary = QLabel(self.history.summary(), wordWrap=True)
        self.layer_choice = QComboBox()
        self.layer_choice.setAccessibleName(tr("Layer shown in the weight histogram"))
        self.layer_choice.setToolTip(tr("The layer whose weights the histogram shows"))
        self.layer_choice.currentIndexChanged.connect(lambda _i: self._draw_histogram())
        self.graphics = _Plots()
        self.graphics.setAccessibleName(tr("Inside training charts"))
        self.grad_plot = self.graphics.addPlot(row=0, col=0, title=tr("Gradient size"))
        self.dead_plot = self.graphics.addPlot(row=0, col=1, title=tr("Dead ReLUs"))
        self.hist_plot = self.graphics.addPlot(row=0, col=2, title=tr("Weights", "plot title"))
        self.grad_plot.setLogMode(y=True)
        self.grad_plot.addLegend(offset=(-5, 5), labelTextSize="7pt")
        for plot, bottom, left in ((self.grad_plot, tr("epoch", "axis"), tr("gradient norm")),
                                   (self.dead_plot, tr("epoch", "axis"), tr("% dead")),
                                   (self.hist_plot, tr("weight value"), tr("weights", "histogram axis: how many"))):
            plot.setLabel("bottom", bottom)
            plot.setLabel("left", left)
            plot.setMenuEnabled(False)
            for side in ("left", "bottom"):
                plot.getAxis(side).enableAutoSIPrefix(False)
        for plot, key in ((self.grad_plot, "grad"), (self.dead_plot, "dead"), (self.hist_plot, "hist")):
            plot.setToolTip(tr(EXPLANATIONS[key]))
        self.dead_plot.setYRange(0, 100, padding=0.02)
        self.dead_plot.enableAutoRange(y=False)
        self.dead_plot.getAxis("left").setTicks([[(v, str(v)) for v in (0, 50, 100)], []])
        self.hist_plot.getAxis("left").setStyle(maxTickLevel=0)      # only major counts: labels never overlap
        # tall enough for a readable y axis (three or four labels); the plots scroll (below) when the panel is shorter
        self.graphics.setMinimumHeight(PLOTS_MIN_HEIGHT)
        self.captions = {key: QLabel(tr(text), wordWrap=True, toolTip=tr(EXPLANATIONS[key]))
                         for key, text in CAPTIONS.items()}
        self.captions["dead"].setText(dead_caption())
        self.grad_curves: list[pg.PlotDataItem] = []
        self.dead_curves: list[pg.PlotDataItem] = []
        self.hist_now = self.hist_plot.plot(stepMode="center")
        self.hist_start = self.hist_plot.plot(stepMode="center")
        self.notes = {}
        for key, plot in (("grad", self.grad_plot), ("dead", self.dead_plot), ("hist", self.hist_plot)):
            self.notes[key] = pg.TextItem(anchor=(0.5, 0.5))
            plot.addItem(self.notes[key], ignoreBounds=True)
        self._show_empty(tr(NO_RUN))

        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(QLabel(tr("Histogram of:")))
        top.addWidget(self.layer_choice)
        captions = QGridLayout()
        for col, key in enumerate(("grad", "dead", "hist")):
            self.captions[key].setAlignment(Qt.AlignTop | Qt.AlignLeft)
            captions.addWidget(self.captions[key], 0, col)
            captions.setColumnStretch(col, 1)
        # the plots and captions scroll when the panel is shorter than they need, rather than overlap
        page = QWidget()
        inner = QVBoxLayout(page)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addWidget(self.graphics, 1)
        inner.addLayout(captions)
        self.scroll = QScrollArea(widgetResizable=True, frameShape=QFrame.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.scroll.setWidget(page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.scroll, 1)
        self._apply_colors()

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.PaletteChange:       # the app switched between light and dark
            self._apply_colors()
        super().changeEvent(event)

    def _apply_colors(self) -> None:
        c = plot_colors(self.palette())
        self.graphics.setBackground(c.background)
        for plot in (self.grad_plot, self.dead_plot, self.hist_plot):
            for side in ("left", "bottom"):
                plot.getAxis(side).setPen(c.foreground)
                plot.getAxis(side).setTextPen(c.foreground)
            plot.titleLabel.setText(plot.titleLabel.text, color=c.foreground, size="9pt")
        legend = self.grad_plot.legend
        legend.setLabelTextColor(c.foreground)
        for _sample, label in legend.items:
            label.setText(label.text)   # the new colour reaches a label only at its next setText
        self.hist_now.setPen(pg.mkPen(c.train, width=1))
        self.hist_start.setPen(pg.mkPen(c.foreground, width=1, style=Qt.DashLine))
        for note in self.notes.values():
            note.setColor(c.foreground)

    def _show_empty(self, text: str) -> None:
        """The plots before a run's first numbers: fixed ranges, no gradient tick labels (a log axis with no
        data labels every minor tick of a made-up range, on top of each other) and ``text`` in the middle."""
        self._empty = True
        for key, plot in (("grad", self.grad_plot), ("dead", self.dead_plot), ("hist", self.hist_plot)):
            (x0, x1), (y0, y1) = EMPTY_RANGES[key]
            plot.setXRange(x0, x1, padding=0)
            plot.setYRange(y0, y1, padding=0.02 if key == "dead" else 0)
            plot.enableAutoRange(False)
            self.notes[key].setText(text)
            self.notes[key].setPos((x0 + x1) / 2, (y0 + y1) / 2)
            self.notes[key].show()
        for axis in (self.grad_plot.getAxis("left"), *self._made_up_axes()):
            axis.setTicks([[], []])

    def _made_up_axes(self) -> list:
        """The axes whose labels an empty plot would make up (the dead-ReLU percentages are always 0-100; the
        gradient's log axis gets its labels from ``_grad_ticks``)."""
        return [self.grad_plot.getAxis("bottom"), self.dead_plot.getAxis("bottom"), self.hist_plot.getAxis("left"),
                self.hist_plot.getAxis("bottom")]

    def _leave_empty(self) -> None:
        """The first numbers came: the plots range over them and label their axes again."""
        self._empty = False
        for note in self.notes.values():
            note.hide()
        self.grad_plot.enableAutoRange()
        self.hist_plot.enableAutoRange()
        self.dead_plot.enableAutoRange(x=True)
        for axis in self._made_up_axes():
            axis.setTicks(None)

    def begin_run(self) -> None:
        """Forget the last run's numbers (its curves go too; the next report makes new ones)."""
        self.history = DiagnosticsHistory()
        for curve in self.grad_curves:
            self.grad_plot.removeItem(curve)
        for curve in self.dead_curves:
            self.dead_plot.removeItem(curve)
        self.grad_curves, self.dead_curves = [], []
        self.grad_plot.legend.clear()
        self.captions["dead"].setText(dead_caption())
        self.layer_choice.blockSignals(True)
        self.layer_choice.clear()
        self.layer_choice.blockSignals(False)
        self.hist_now.setData([], [])
        self.hist_start.setData([], [])
        self.summary.setText(self.history.summary())
        self._show_empty(tr(WAITING))
        self._dirty = False

    def add(self, report: dict) -> None:
        """Keep one engine report; drawing waits for ``refresh``."""
        first = not self.history.labels
        self.history.add(report)
        if first and self.history.labels:
            self._make_curves(any(layer.get("kind") == "conv" for layer in report.get("layers") or ()))
        self._dirty = True

    def _make_curves(self, convolution: bool) -> None:
        h = self.history
        for j, label in enumerate(h.labels):
            pen = pg.mkPen(LAYER_COLOURS[j % len(LAYER_COLOURS)], width=1)
            self.grad_curves.append(self.grad_plot.plot(pen=pen, name=label))
            dead = self.dead_plot.plot(pen=pen)
            self.dead_curves.append(dead)
        self.layer_choice.blockSignals(True)
        self.layer_choice.addItems(h.labels)
        self.layer_choice.blockSignals(False)
        self.captions["dead"].setText(dead_caption(convolution))

    def refresh(self, force: bool = False) -> None:
        """Draw what came since the last refresh (``force``: even if nothing did)."""
        if not (self._dirty or force):
            return
        self._dirty = False
        h, n = self.history, self.history.n
        if self._empty and n and h.labels:
            self._leave_empty()
        for j, curve in enumerate(self.grad_curves):
            g = h.grad[:n, j]
            ok = np.isfinite(g) & (g > 0)            # the start has no gradient; log axes take no zeros
            curve.setData(h.x[:n][ok], g[ok])
        self._grad_ticks()
        for j, curve in enumerate(self.dead_curves):
            d = h.dead[:n, j]
            ok = np.isfinite(d)
            curve.setData(h.x[:n][ok], 100 * d[ok])
        self._draw_histogram()
        self.summary.setText(h.summary())

    def _grad_ticks(self) -> None:
        """Labels at 1, 2 and 5 times the powers of ten the gradients span (pyqtgraph's own log ticks label
        every minor tick, which overlap on a plot this short)."""
        g = self.history.grad[: self.history.n]
        g = g[np.isfinite(g) & (g > 0)]
        if not g.size:
            return
        low, high = int(np.floor(np.log10(g.min()))), int(np.ceil(np.log10(g.max())))
        steps = (1, 2, 5) if high - low <= 2 else (1,)
        ticks = [(np.log10(m * 10.0 ** k), f"{m * 10.0 ** k:g}") for k in range(low, high + 1) for m in steps]
        self.grad_plot.getAxis("left").setTicks([ticks, []])

    def _draw_histogram(self) -> None:
        j = self.layer_choice.currentIndex()
        h = self.history
        if not 0 <= j < len(h.latest):
            return
        counts, edges = h.latest[j]
        self.hist_now.setData(edges, counts)
        start_counts, start_edges = h.start[j]
        self.hist_start.setData(start_edges, start_counts)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self.refresh(force=True)        # reports kept while hidden are drawn now
