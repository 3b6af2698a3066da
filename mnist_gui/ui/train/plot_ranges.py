"""What the training plots' axes show: the y ranges fitted to the runs on show (kept runs included, also
after runs were hidden or cleared, on a log axis for the loss when asked), and the x range from epoch 0 to
the end of the longest run. A mixin of :class:`~mnist_gui.ui.train.plots.TrainingPlots` (which has
``loss_plot``, ``acc_plot``, ``run``, ``_kept``, ``log_loss``, ``_follow_y`` and ``_x_span``); the rule
for when a range changes is ``mnist_gui.core.run_data.y_range``.
"""

from __future__ import annotations

import numpy as np

from mnist_gui.core.run_data import y_range


class PlotRanges:
    """refit, set_log_loss and the range fitting behind them."""

    def _x_range(self) -> tuple[float, float]:
        """Epoch 0 to the end of the longest run on show: the current one as planned, or a kept one."""
        ends = [self._x_span, 1.0, *(r.x[r.n - 1] for r in self._kept.shown() if r.n),
                *(r.epochs[-1] for r in self._kept.shown() if r.epochs)]
        return 0.0, float(max(ends))

    def _fit_all(self, force: bool = False) -> None:
        runs = [self.run, *self._kept.shown()]
        self._fit_y(self.loss_plot, [a for r in runs for a in (r.loss[: r.n], r.epoch_logs["loss"],
                                                              r.epoch_logs["val_loss"], r.epoch_logs["test_loss"])], force)
        self._fit_y(self.acc_plot, [100 * np.asarray(a, dtype=float) for r in runs
                                    for a in (r.accuracy_smooth[: r.n], r.epoch_logs["accuracy"],
                                              r.epoch_logs["val_accuracy"], r.epoch_logs["test_accuracy"])],
                    force)

    def refit(self) -> None:
        """Fit both y ranges to what is shown now (after runs were shown, hidden or cleared), also when the
        user had zoomed: the curves they zoomed into may be gone."""
        for plot in (self.loss_plot, self.acc_plot):
            self._follow_y[plot] = True
            plot.enableAutoRange(x=False, y=False)
            plot.setXRange(*self._x_range(), padding=0.02)
        self._fit_all(force=True)

    def _fit_y(self, plot, arrays, force: bool = False) -> None:
        """Keep the y range around the data, changing it only when the data leave it or fill less than half
        of it: each change re-lays the axis, which costs more than drawing the curves. A plot the user
        zoomed or panned, or set to pyqtgraph's own auto-range ('A' button), is left alone. On a log axis
        the range is in powers of ten."""
        if not force and (not self._follow_y.get(plot) or plot.vb.autoRangeEnabled()[1]):
            return
        wanted = y_range(arrays, plot.vb.viewRange()[1], log=plot is self.loss_plot and self.log_loss.isChecked(),
                         force=force)
        if wanted is not None:
            plot.vb.setYRange(*wanted, padding=0)

    def set_log_loss(self, on: bool) -> None:
        """Draw the loss on a logarithmic axis (a loss of 300 and one of 0.05 both readable)."""
        if self.log_loss.isChecked() != on:
            self.log_loss.setChecked(on)  # comes back here through toggled
            return
        self.loss_plot.setLogMode(y=on)
        self.refit()
