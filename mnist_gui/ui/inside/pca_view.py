"""The map of what the network learned: a PCA scatter of one layer over test images, coloured by label.

The view only shows a ``core.pca.PcaMap`` (computed off the GUI thread by the tab) and the current
input's place on it (a large cross). Hovering a point shows that test image and its label beside the
plot, in a panel of fixed width (the plot never changes size): its index, its label and the network's
answer (``set_model``; worked out once per image, on hover). No raw tooltip. Clicking one emits
``image_picked(index)`` (the tab shows it in the Layers view); "Send to Draw tab" emits
``send_requested(index)`` for the image last clicked.
One ScatterPlotItem holds all points (brushes set once per map), so 5,000 points are one item. The plot
takes its background, axes and cross from ``theme.plot_colors`` and again whenever the palette changes
(View → Theme), as the Train tab's plots do.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QColor, QPixmap
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from mnist_gui.core.i18n import QT_TR_NOOP, tr
from mnist_gui.core.inference import classify_uint8
from mnist_gui.ui.accessibility import verdict_word
from mnist_gui.ui.dataset.controls import shown_class_names
from mnist_gui.ui.theme import plot_colors
from mnist_gui.ui.widgets.qimages import gray_to_qimage

# ten colours told apart by most eyes (Okabe-Ito plus four), one per digit
LABEL_COLOURS = ["#e69f00", "#56b4e9", "#009e73", "#f0e442", "#0072b2", "#d55e00", "#cc79a7", "#999999",
                 "#a27ee8", "#b5e61d"]
PREVIEW_HINT = QT_TR_NOOP("Hover over a point to see its image; click it to see it go through the network (Layers).")
SIDE_WIDTH = 190  # px: the preview, its three lines and the legend


class PcaView(QWidget):
    layer_chosen = Signal(str)
    image_picked = Signal(int)  # index into the mapped test images
    send_requested = Signal(int)  # ... the one last clicked, for the Draw tab

    def __init__(self, parent=None):
        super().__init__(parent)
        self.map = None
        self.images: np.ndarray | None = None
        self.class_names: list[str] = []
        self.layer = QComboBox()
        self.layer.setAccessibleName(tr("Layer whose outputs are mapped"))
        self.layer.currentIndexChanged.connect(self._on_layer)
        self.status = QLabel(tr("Choose a layer to map."))
        self.status.setWordWrap(True)
        self.plot = pg.PlotWidget()
        self.plot.setAccessibleName(tr("Map of the test images, one dot per image, coloured by digit"))
        self.plot.setMenuEnabled(False)
        self.plot.getPlotItem().hideButtons()
        self.model = None
        self._answers: dict[int, int] = {}  # test image -> the model's answer, worked out on hover
        self._picked: int | None = None
        self.points = pg.ScatterPlotItem(size=5, pen=None, hoverable=True, tip=None)  # the panel says it
        self.points.sigClicked.connect(self._on_clicked)
        self.points.sigHovered.connect(self._on_hovered)
        self.current = pg.ScatterPlotItem(size=22, symbol="+", brush=pg.mkBrush("r"))
        self._axis_labels = {"bottom": "", "left": ""}
        self.plot.addItem(self.points)
        self.plot.addItem(self.current)
        self.preview = QLabel()
        self.preview.setFixedSize(112, 112)
        self.preview.setAlignment(Qt.AlignCenter)
        self.preview_text = QLabel(tr(PREVIEW_HINT))
        self.preview_text.setWordWrap(True)
        self.preview_text.setAlignment(Qt.AlignLeft | Qt.AlignTop)
        self.preview_text.setMinimumHeight(4 * self.preview_text.fontMetrics().lineSpacing())
        self.send = QPushButton(tr("Send to Draw tab"))
        self.send.setToolTip(tr("Show the image last clicked on the map on the Draw tab's pad"))
        self.send.setEnabled(False)
        self.send.clicked.connect(lambda: self._picked is not None and self.send_requested.emit(self._picked))
        self.legend = QLabel()
        self.legend.setWordWrap(True)
        side_panel = QWidget()
        side_panel.setFixedWidth(SIDE_WIDTH)  # what the hover writes there never resizes the plot
        side = QVBoxLayout(side_panel)
        side.setContentsMargins(0, 0, 0, 0)
        side.addWidget(self.preview)
        side.addWidget(self.preview_text)
        side.addWidget(self.send)
        side.addWidget(self.legend)
        side.addStretch(1)
        top = QHBoxLayout()
        top.addWidget(QLabel(tr("Layer:")))
        top.addWidget(self.layer)
        top.addWidget(self.status, 1)
        body = QHBoxLayout()
        body.addWidget(self.plot, 1)
        body.addWidget(side_panel)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(body, 1)
        self._apply_colors()

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.PaletteChange:       # the app switched between light and dark
            self._apply_colors()
        super().changeEvent(event)

    def _apply_colors(self) -> None:
        c = plot_colors(self.palette())
        self.plot.setBackground(c.background)
        for side, text in self._axis_labels.items():
            axis = self.plot.getAxis(side)
            axis.setPen(c.foreground)
            axis.setTextPen(c.foreground)
            axis.setLabel(text, color=c.foreground.name())
            axis.showLabel(bool(text))
        self.current.setPen(pg.mkPen(c.foreground, width=3))   # the cross shows on either background

    def _set_axis_label(self, side: str, text: str) -> None:
        self._axis_labels[side] = text
        axis = self.plot.getAxis(side)
        axis.setLabel(text, color=plot_colors(self.palette()).foreground.name())
        axis.showLabel(bool(text))

    def set_layers(self, layers: list[tuple[str, int]]) -> None:
        """The layers to offer, [(name, numbers per image)], the last (the answer's inputs) chosen."""
        self.layer.blockSignals(True)
        self.layer.clear()
        for name, size in layers:
            self.layer.addItem(tr("{layer} ({n:,} numbers)").format(layer=name, n=size), name)
        self.layer.setCurrentIndex(max(0, len(layers) - 2))
        self.layer.blockSignals(False)

    def chosen_layer(self) -> str | None:
        return self.layer.currentData()

    def _on_layer(self, _index: int) -> None:
        if self.chosen_layer():
            self.layer_chosen.emit(self.chosen_layer())

    def show_status(self, text: str) -> None:
        self.status.setText(text)

    def clear(self) -> None:
        self.map = None
        self.points.clear()
        self.current.clear()

    def show_map(self, pca_map, images: np.ndarray, class_names) -> None:
        self.map, self.images = pca_map, images
        self.class_names = shown_class_names(class_names)
        labels = np.asarray(pca_map.labels, int)
        brushes = [pg.mkBrush(QColor(c)) for c in LABEL_COLOURS]
        self.points.setData(pos=pca_map.coords, data=np.arange(len(labels)),
                            brush=[brushes[k % len(brushes)] for k in labels])
        ex = pca_map.explained
        self._set_axis_label("bottom", tr("1st principal component ({share:.0%} of the variance)").format(
            share=ex[0]))
        self._set_axis_label("left", tr("2nd principal component ({share:.0%})").format(share=ex[1]) if len(ex) > 1
                             else "")
        self.status.setText(tr("{n:,} test images through {layer}; nearby points are images this layer sees as "
                               "alike. The cross is your digit.").format(n=len(labels), layer=pca_map.layer))
        names = [self._name(k) for k in range(min(10, int(labels.max()) + 1))]
        self.legend.setText("<br>".join(f"<span style='color:{LABEL_COLOURS[k]}'>●</span> {name}"
                                        for k, name in enumerate(names)))

    def set_current(self, position) -> None:
        """Put the current input's cross at ``position`` (2,), or remove it (None)."""
        if position is None:
            self.current.clear()
        else:
            self.current.setData(pos=[tuple(position)])

    def _name(self, k: int) -> str:
        return self.class_names[k] if k < len(self.class_names) else str(k)

    def set_model(self, model) -> None:
        """The network whose answers the hover shows (None: labels only)."""
        self.model = model
        self._answers.clear()
        self._picked = None
        self.send.setEnabled(False)
        self.preview.clear()
        self.preview_text.setText(tr(PREVIEW_HINT))

    def _answer(self, index: int) -> int | None:
        if self.model is None or self.images is None:
            return None
        if index not in self._answers:
            try:
                self._answers[index] = int(classify_uint8(self.model, self.images[index:index + 1])[0].argmax())
            except ValueError:  # images of another size than the network's: the map's status says so
                return None
        return self._answers[index]

    def show_point(self, index: int) -> None:
        """Show test image ``index`` in the side panel: the picture, its index, label and the answer."""
        if self.map is None or self.images is None or not 0 <= index < len(self.map.labels):
            return
        self.preview.setPixmap(QPixmap.fromImage(gray_to_qimage(self.images[index])).scaled(
            112, 112, Qt.KeepAspectRatio, Qt.FastTransformation))
        label, answer = int(self.map.labels[index]), self._answer(index)
        lines = [tr("Test image {index:,}").format(index=index), tr("Label: {name}").format(name=self._name(label))]
        if answer is not None:
            lines.append(tr("The network says: {name} ({verdict})").format(name=self._name(answer),
                                                                          verdict=verdict_word(answer == label)))
        self.preview_text.setText("\n".join(lines))

    def _on_hovered(self, _item, points, _event=None) -> None:
        if len(points):  # several under the cursor: the one drawn on top, which the person sees
            self.show_point(int(points[0].data()))

    def _on_clicked(self, _item, points, _event=None) -> None:
        if len(points):
            self.pick(int(points[0].data()))

    def pick(self, index: int) -> None:
        """As a click on test image ``index``: show it here and emit ``image_picked``."""
        self._picked = index
        self.send.setEnabled(True)
        self.show_point(index)
        self.image_picked.emit(index)
