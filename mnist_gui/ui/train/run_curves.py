"""Kept runs drawn on the plots, each in its own colour with its name in the legends, so runs can be told
apart and compared with the current one.

Three curves per run: the smoothed batch loss, the per-epoch validation loss (for a run without validation its per-epoch test loss, or for an older run the
training loss) and the matching per-epoch accuracy; the run's name is in the loss
plot's legend (the accuracy legend would cover the rising curves). Curves are created when a run is first
shown and afterwards only shown or hidden (up to ``KEEP_HIDDEN`` hidden runs stay ready), so ticking a run
in the table redraws at once (benchmarks/runs_table.py). Not here: which runs are ticked (the runs table), the current run's curves and the y range (plots.py).
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt

from mnist_gui.core.run_data import RunData

KEEP_HIDDEN = 20
LEGEND_CHARS = 40     # a long name is cut in the legend, so it cannot cover the plot


def short(name: str, limit: int = LEGEND_CHARS) -> str:
    return name if len(name) <= limit else name[: limit - 1].rstrip() + "…"


class ShownRun:
    """One kept run's curves and legend entries."""

    def __init__(self, data: RunData, name: str, colour):
        self.data, self.name, self.colour = data, name, colour
        self.items: list[pg.PlotDataItem] = []
        self.legend_keys: list[pg.PlotDataItem] = []


class RunCurves:
    """The kept runs on ``loss_plot`` and ``acc_plot`` (accuracy in percent), by run id."""

    def __init__(self, loss_plot: pg.PlotItem, acc_plot: pg.PlotItem):
        self.loss_plot, self.acc_plot = loss_plot, acc_plot
        self.visible = True                       # the 'Earlier runs' switch: all shown runs at once
        self.runs: dict[str, ShownRun] = {}
        self._hidden: dict[str, ShownRun] = {}    # curves of runs hidden lately, ready to show again

    def show(self, run_id: str, load, name: str, colour) -> None:
        """Draw run ``run_id`` in ``colour`` (a QColor or RGB tuple) as ``name``; ``load`` is its RunData or
        a function giving it, called only if the run's curves are not ready from an earlier showing."""
        if run_id in self.runs:
            return
        ready = self._hidden.pop(run_id, None)
        if ready is not None and ready.colour == colour:
            ready.name = name
            self.runs[run_id] = ready
            for item in ready.items:
                item.setVisible(self.visible)
            self._add_legend(ready)
            return
        if ready is not None:
            self._remove_items(ready)
        data = load() if callable(load) else load
        shown = self.runs[run_id] = ShownRun(data, name, colour)
        pen = pg.mkPen(colour, width=1)
        epoch_pen = pg.mkPen(colour, width=1, style=Qt.DashLine)
        epochs = np.asarray(data.epochs)
        # held-out numbers first: validation, else the per-epoch test, else the training numbers
        loss_key = next(k for k in ("val_loss", "test_loss", "loss") if k == "loss" or data.has(k))
        acc_key = loss_key.replace("loss", "accuracy")
        shown.items = [
            pg.PlotDataItem(data.x[: data.n], data.loss_smooth[: data.n], pen=pen),
            pg.PlotDataItem(epochs, np.asarray(data.epoch_logs[loss_key]), pen=epoch_pen),
            pg.PlotDataItem(epochs, 100 * np.asarray(data.epoch_logs[acc_key]), pen=epoch_pen),
        ]
        shown.items[0].setDownsampling(auto=True, method="mean")
        for item, plot in zip(shown.items, (self.loss_plot, self.loss_plot, self.acc_plot)):
            item.setZValue(-10)
            item.setVisible(self.visible)
            plot.addItem(item)
        self._add_legend(shown)

    def hide(self, run_id: str) -> None:
        """Take the run off the plots; its curves stay ready (hidden) for a while."""
        shown = self.runs.pop(run_id, None)
        if shown is None:
            return
        for item in shown.items:
            item.setVisible(False)
        self._remove_legend(shown)
        self._hidden[run_id] = shown
        while len(self._hidden) > KEEP_HIDDEN:
            self._remove_items(self._hidden.pop(next(iter(self._hidden))))

    def forget(self, run_id: str) -> None:
        """Remove the run's curves for good (the run was deleted, or its numbers changed)."""
        self.hide(run_id)
        shown = self._hidden.pop(run_id, None)
        if shown is not None:
            self._remove_items(shown)

    def _remove_items(self, shown: ShownRun) -> None:
        for item, plot in zip(shown.items, (self.loss_plot, self.loss_plot, self.acc_plot)):
            plot.removeItem(item)

    def clear(self) -> None:
        for run_id in list(self.runs):
            self.hide(run_id)

    def ids(self) -> list[str]:
        return list(self.runs)

    def shown(self) -> list[RunData]:
        """The runs on show (none while the switch is off), e.g. to fit the y range to."""
        return [r.data for r in self.runs.values()] if self.visible else []

    def items(self) -> list[pg.PlotDataItem]:
        """The curves of the runs on show."""
        return [item for r in self.runs.values() for item in r.items]

    def set_visible(self, visible: bool) -> None:
        self.visible = visible
        for shown in self.runs.values():
            for item in shown.items:
                item.setVisible(visible)
            self._remove_legend(shown)
            self._add_legend(shown)

    def rename(self, run_id: str, name: str) -> None:
        shown = self.runs.get(run_id)
        if shown is not None:
            shown.name = name
            self._remove_legend(shown)
            self._add_legend(shown)

    def set_smoothing(self, weight: float) -> None:
        for shown in [*self.runs.values(), *self._hidden.values()]:
            d = shown.data
            d.set_smoothing(weight)
            shown.items[0].setData(d.x[: d.n], d.loss_smooth[: d.n])

    def _add_legend(self, shown: ShownRun) -> None:
        if not self.visible:
            return
        key = pg.PlotDataItem(pen=pg.mkPen(shown.colour, width=2))
        self.loss_plot.legend.addItem(key, short(shown.name))
        shown.legend_keys = [key]

    def _remove_legend(self, shown: ShownRun) -> None:
        for key in shown.legend_keys:
            self.loss_plot.legend.removeItem(key)
        shown.legend_keys = []
