"""What the network sees: the 28x28 input made by ``to_mnist`` and, on request, how it was made.

The steps are shown side by side with short captions: the picture as it came, the paper taken away (the
ink bright on black, as MNIST stores digits: the first step for a photo of paper, nothing to do for a
drawing), then for the digit shown crop to the ink, fit in 20 x 20 and centre by mass in 28 x 28, the
reason a digit drawn small in a corner is recognised as well as one drawn large in the middle. An
optional overlay colours the input's pixels by how much they drove the decision (computed elsewhere, see
``mnist_gui.core.saliency``; the Draw tab shows the same map over the pad).
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QCheckBox, QGridLayout, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from mnist_gui.core.i18n import QT_TR_NOOP, tr
from mnist_gui.core.words import a_or_an
from mnist_gui.ui.widgets.qimages import gray_to_qimage

STEPS = (("picture", QT_TR_NOOP("The\npicture")), ("ink", QT_TR_NOOP("1. Paper\ntaken away")),
         ("cropped", QT_TR_NOOP("2. Crop to\nthe ink")), ("scaled", QT_TR_NOOP("3. Fit in\n20 × 20")),
         ("centred", QT_TR_NOOP("4. Centre\nby mass")))
FOR_COLOR, AGAINST_COLOR = (255, 70, 40), (40, 150, 255)


def heat_to_qimage(heat: np.ndarray) -> QImage:
    """(H, W) map in [-1, 1] -> translucent ARGB image: red for positive, blue for negative."""
    h, w = heat.shape
    rgba = np.zeros((h, w, 4), np.uint8)
    positive = heat > 0
    rgba[positive, :3] = FOR_COLOR
    rgba[~positive, :3] = AGAINST_COLOR
    rgba[..., 3] = np.clip(np.abs(heat) * 255 * 0.9, 0, 255).astype(np.uint8)
    return QImage(rgba.data, w, h, 4 * w, QImage.Format_RGBA8888).copy()


class PixelImage(QWidget):
    """A grayscale array shown large with its pixels visible (nearest neighbour), optionally with a heat map."""

    def __init__(self, side: int, parent=None):
        super().__init__(parent)
        self.setFixedSize(side, side)
        self._image: QImage | None = None
        self._overlay: QImage | None = None
        self._array: np.ndarray | None = None

    def set_array(self, array: np.ndarray | None) -> None:
        """Show a gray array ([0, 1] or uint8) or uint8 RGBA (H, W, 4) pixels; None shows nothing."""
        self._array = None if array is None else np.asarray(array)
        a = self._array
        if a is None or a.size == 0:
            self._image = None
        elif a.ndim == 3 and a.shape[2] == 4 and a.dtype == np.uint8:
            a = np.ascontiguousarray(a)
            self._image = QImage(a.data, a.shape[1], a.shape[0], 4 * a.shape[1], QImage.Format_RGBA8888).copy()
        else:
            self._image = gray_to_qimage(a)
        self.update()

    def array(self) -> np.ndarray | None:
        return self._array

    def set_overlay(self, heat: np.ndarray | None) -> None:
        self._overlay = None if heat is None else heat_to_qimage(heat)
        self.update()

    def has_overlay(self) -> bool:
        return self._overlay is not None

    def paintEvent(self, event) -> None:
        p = QPainter(self)
        frame = QRectF(self.rect())
        p.fillRect(frame, QColor(0, 0, 0))
        if self._image is not None:
            iw, ih = self._image.width(), self._image.height()
            k = min(frame.width() / iw, frame.height() / ih)
            target = QRectF((frame.width() - iw * k) / 2, (frame.height() - ih * k) / 2, iw * k, ih * k)
            p.setRenderHint(QPainter.SmoothPixmapTransform, k < 1)  # pixels visible when enlarged
            p.drawImage(target, self._image)
            if self._overlay is not None:
                p.setRenderHint(QPainter.SmoothPixmapTransform, False)
                p.drawImage(target, self._overlay)
        p.setPen(self.palette().mid().color())
        p.drawRect(frame.adjusted(0, 0, -1, -1))
        p.end()


class PreprocessView(QWidget):
    steps_toggled = Signal(bool)
    overlay_toggled = Signal(bool)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Preferred, QSizePolicy.Maximum)
        title = QLabel("<b>{}</b>".format(tr("What the network sees")))
        self.input_image = PixelImage(140)
        self.input_image.setToolTip(tr("The 28 × 28 grayscale picture the network is given: 784 numbers."))
        # explicit line breaks, not word wrap: wrapped labels make box layouts misjudge heights
        caption = QLabel(tr("28 × 28 pixels: all that the\nnetwork gets. Where you draw,\n"
                            "and how big, does not matter."))
        caption.setAlignment(Qt.AlignTop | Qt.AlignLeft)
        self.steps_box = QCheckBox(tr("Show the steps"))
        self.overlay_box = QCheckBox(tr("Show which pixels mattered"))
        self.overlay_box.setToolTip(tr("Covers little squares of the input one at a time and watches the "
                                       "probability of the answer: red ink supports it, blue ink argues against."))
        self.legend = QLabel()
        self.legend.hide()

        self.step_images = {key: PixelImage(58) for key, _ in STEPS}
        self.steps_panel = QWidget()
        grid = QGridLayout(self.steps_panel)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(4)
        for i, (key, text) in enumerate(STEPS):
            image = self.step_images[key]
            label = QLabel(tr(text))
            label.setAlignment(Qt.AlignHCenter | Qt.AlignTop)
            grid.addWidget(image, 0, i, Qt.AlignHCenter)
            grid.addWidget(label, 1, i)
        self.steps_panel.hide()

        side = QVBoxLayout()
        side.addWidget(caption)
        side.addStretch(1)
        side.addWidget(self.steps_box)
        side.addWidget(self.overlay_box)
        top = QHBoxLayout()
        top.addWidget(self.input_image, 0, Qt.AlignTop)
        top.addLayout(side, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(title)
        layout.addLayout(top)
        layout.addWidget(self.legend)
        layout.addWidget(self.steps_panel)

        self.steps_box.toggled.connect(self._on_steps_toggled)
        self.overlay_box.toggled.connect(self._on_overlay_toggled)

    def wants_steps(self) -> bool:
        return self.steps_box.isChecked()

    def wants_overlay(self) -> bool:
        return self.overlay_box.isChecked()

    def set_input(self, x: np.ndarray | None, steps: dict | None = None) -> None:
        """Show the network input (None: nothing drawn) and, when given, the steps: ``to_mnist``'s
        (``cropped``, ``scaled``, ``centred``) and before them ``picture`` and ``ink`` (see STEPS)."""
        self.input_image.set_array(x)
        for key, image in self.step_images.items():
            image.set_array(None if steps is None else steps.get(key))

    def set_overlay(self, heat: np.ndarray | None, target: int | None = None) -> None:
        """Colour the input by ``heat`` (evidence for class ``target``); None removes the colours.

        While the overlay is wanted its legend stays put (so the layout does not jump), saying what the
        colours mean or, with no map yet, when one will come.
        """
        self.input_image.set_overlay(heat)
        if heat is not None and target is not None:
            red = "<span style='color:rgb{}'><b>{}</b></span>".format(FOR_COLOR, tr("Red"))
            blue = "<span style='color:rgb{}'><b>{}</b></span>".format(AGAINST_COLOR, tr("Blue"))
            text = (tr("{red}: ink that made the network surer it is an {digit}.<br>{blue}: ink that made it less "
                       "sure.<br>Shown here and over your digit on the pad.") if a_or_an(target) == "an" else
                    tr("{red}: ink that made the network surer it is a {digit}.<br>{blue}: ink that made it less "
                       "sure.<br>Shown here and over your digit on the pad."))
            text = text.format(red=red, blue=blue, digit=target)
        else:
            text = tr("Lift the pen to see which pixels mattered,<br>here and over your digit on the pad.<br>")
        if text != self.legend.text():  # setting a label's text re-runs the layout: ~3 ms, so only on change
            self.legend.setText(text)
        if self.legend.isVisibleTo(self) != self.wants_overlay():
            self.legend.setVisible(self.wants_overlay())

    def _on_steps_toggled(self, on: bool) -> None:
        self.steps_panel.setVisible(on)
        self.steps_toggled.emit(on)

    def _on_overlay_toggled(self, on: bool) -> None:
        self.set_overlay(None)
        self.overlay_toggled.emit(on)

    def sizeHint(self) -> QSize:
        return QSize(320, super().sizeHint().height())
