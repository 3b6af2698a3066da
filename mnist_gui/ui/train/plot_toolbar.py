"""The row of controls above the training curves: the smoothing slider, the log-scale switch for the loss, 'Earlier
runs' (the runs ticked in the runs table), Clear and Export.

It only holds the widgets and says what the user asked for (``export_requested(kind)``); the plots
(plots.py) connect to them and do the work.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QMenu, QPushButton, QSlider, QToolButton, QWidget

from mnist_gui.core.i18n import QT_TR_NOOP, number, tr

# the Export menu's entries, shown translated (here and in the window's menu)
EXPORTS = {"csv": QT_TR_NOOP("Data as CSV…"), "png": QT_TR_NOOP("Picture as PNG…"),
           "svg": QT_TR_NOOP("Picture as SVG…")}


class PlotToolbar(QWidget):
    """Smoothing (0 to 0.999 in steps of 0.001), log loss, the earlier-runs check box and Clear, Export."""

    export_requested = Signal(str)   # csv, png or svg

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.smoothing = QSlider(Qt.Horizontal, minimum=0, maximum=999, value=900, singleStep=10, pageStep=100)
        self.smoothing.setAccessibleName(tr("Smoothing of the per-batch curves"))
        self.smoothing.setMaximumWidth(160)
        self.smoothing.setToolTip(tr("How much to smooth the per-batch curves (like TensorBoard): 0 shows "
                                     "every batch as it is, higher values average over more batches."))
        self.smoothing_label = QLabel()
        self.smoothing_label.setMinimumWidth(self.smoothing_label.fontMetrics().horizontalAdvance("0.999 "))
        self.show_earlier = QCheckBox(tr("Earlier runs"), checked=True)
        self.show_earlier.setToolTip(tr("Show the runs ticked in the runs table, each in its own colour."))
        self.clear_button = QPushButton(tr("Clear"))
        self.clear_button.setToolTip(tr("Take every earlier run off the plots (they stay in the runs table)."))
        self.log_loss = QCheckBox(tr("Log loss"))
        self.log_loss.setToolTip(tr("Draw the loss on a logarithmic scale, so a loss of 300 and one of 0.05 "
                                    "are both readable."))
        self.export_button = QToolButton(text=tr("Export"), popupMode=QToolButton.InstantPopup)
        self.export_button.setToolTip(tr("Save the curves' numbers (CSV) or a picture of the plots (PNG, SVG)."))
        menu = QMenu(self.export_button)
        for kind, text in EXPORTS.items():
            action = QAction(tr(text), menu)
            action.triggered.connect(lambda _=False, k=kind: self.export_requested.emit(k))
            menu.addAction(action)
        self.export_button.setMenu(menu)

        bar = QHBoxLayout(self)
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(QLabel(tr("Smoothing")))
        bar.addWidget(self.smoothing)
        bar.addWidget(self.smoothing_label)
        bar.addSpacing(12)
        bar.addWidget(self.log_loss)
        bar.addSpacing(12)
        bar.addWidget(self.show_earlier)
        bar.addWidget(self.clear_button)
        bar.addStretch(1)
        bar.addWidget(self.export_button)
        self.smoothing.valueChanged.connect(self._show_weight)
        self._show_weight(self.smoothing.value())

    def _show_weight(self, value: int) -> None:
        weight = value / 1000.0
        self.smoothing_label.setText(number(round(weight, 3), "g") if weight else "0")
