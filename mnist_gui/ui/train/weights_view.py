"""What the first layer learned: the incoming weights of some hidden units, each as a 28x28 picture.

Every hidden unit of the first Dense layer has one weight per input pixel; drawn as an image, it
shows which strokes make the unit fire (red: positive weight, blue: negative). The pictures are laid
out as one mosaic in a single ImageItem (one texture upload per refresh), coloured with a diverging
map centred on zero, with transparent gaps between tiles. Refreshes come from the training worker's
throttled ``weights_changed`` signal.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QLabel, QStackedWidget, QVBoxLayout, QWidget

from mnist_gui.core.i18n import QT_TR_NOOP, tr
from mnist_gui.ui.theme import plot_colors
from mnist_gui.ui.widgets.fitting_tabs import WrappedLabel

GAP = 2  # pixels between tiles


def diverging_lut(n: int = 256) -> np.ndarray:
    """(n, 3) uint8 blue -> white -> red; the middle entry (weight 0) is white."""
    t = np.linspace(-1.0, 1.0, n)[:, None]
    blue, white, red = np.array([33, 102, 172.0]), np.array([247, 247, 247.0]), np.array([178, 24, 43.0])
    rgb = np.where(t < 0, white + (blue - white) * -t, white + (red - white) * t)
    return rgb.round().astype(np.uint8)


def best_columns(units: int, width: float, height: float, tile: int = 28) -> int:
    """How many columns make ``units`` square tiles largest in a width x height area."""
    def scale(cols: int) -> float:
        rows = math.ceil(units / cols)
        return min(width / (cols * (tile + GAP)), height / (rows * (tile + GAP)))
    # only layouts with full rows (16 units: 1, 2, 4, 8 or 16 columns) unless none fits well
    full = [c for c in range(1, units + 1) if units % c == 0]
    return max(full or [1], key=scale) if units else 1


def weights_mosaic(kernel: np.ndarray, image_shape=(28, 28), columns: int | None = None,
                   lut: np.ndarray | None = None) -> np.ndarray:
    """RGBA mosaic, (rows*(h+GAP)-GAP, cols*(w+GAP)-GAP, 4) uint8, of ``kernel``'s columns.

    ``kernel`` is (h*w, units): column j is unit j's weights. Each tile has its own scale (its 99th
    percentile of absolute weights is full red or blue; zero is white), so every unit's pattern shows
    even where the units' weights differ in size; gaps are transparent.
    """
    h, w = image_shape
    units = kernel.shape[1]
    cols = columns or math.ceil(math.sqrt(units))
    rows = math.ceil(units / cols)
    lut = diverging_lut() if lut is None else lut
    scale = np.percentile(np.abs(kernel), 99, axis=0)            # (units,)
    scale[~(scale > 0)] = 1.0
    idx = np.clip(((kernel / scale + 1.0) * 0.5 * (len(lut) - 1)).round(), 0, len(lut) - 1).astype(np.intp)
    out = np.zeros((rows * (h + GAP) - GAP, cols * (w + GAP) - GAP, 4), dtype=np.uint8)
    for j in range(units):
        r, c = divmod(j, cols)
        tile = lut[idx[:, j].reshape(h, w)]                        # (h, w, 3)
        out[r * (h + GAP): r * (h + GAP) + h, c * (w + GAP): c * (w + GAP) + w, :3] = tile
        out[r * (h + GAP): r * (h + GAP) + h, c * (w + GAP): c * (w + GAP) + w, 3] = 255
    return out


DENSE_TIP = QT_TR_NOOP("Each square is one hidden unit's weights on the 28×28 input pixels: red pixels push the "
                       "unit to fire, blue ones hold it back. At the start they are random noise; as the network "
                       "learns, stroke-like patterns appear.")
CONV_TIP = QT_TR_NOOP("A convolutional network's first layer is a set of small 3×3 filters, slid over the whole "
                      "image. Each square is one filter, enlarged: red weights push it to fire, blue ones hold it "
                      "back, so each one picks out an edge or a piece of stroke in one direction.")


class WeightsView(QWidget):
    """A grid of first-layer weight pictures; call ``set_weights(kernel)`` with a (784, k) copy."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        # wraps: "…: 16 of 32 convolution units" would otherwise run into the log's heading next to it
        self.title = WrappedLabel(tr("What the first layer learned"))
        self.title.setToolTip(tr(DENSE_TIP))
        self.graphics = pg.GraphicsLayoutWidget()
        self.graphics.setAccessibleName(tr("First-layer weights, one small picture per unit"))
        self.graphics.setMinimumSize(120, 100)     # low, so the Train tab fits a 640-pixel-high screen
        self.view = self.graphics.addViewBox(lockAspect=True, invertY=True, enableMouse=False)
        self.view.setMenuEnabled(False)
        self.image = pg.ImageItem(axisOrder="row-major")
        self.view.addItem(self.image)
        self.hint = QLabel(tr("Start a run to watch the first layer's weights change."), wordWrap=True,
                           alignment=Qt.AlignCenter)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.hint)
        self.stack.addWidget(self.graphics)
        self.units_shown = 0
        self.columns = 0
        self._kernel: np.ndarray | None = None
        self._lut = diverging_lut()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.stack, 1)
        self._apply_colors()

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.PaletteChange:
            self._apply_colors()
        super().changeEvent(event)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        if self._kernel is not None and self.stack.currentWidget() is self.graphics:
            columns = best_columns(self._kernel.shape[1], self.graphics.width(), self.graphics.height())
            if columns != self.columns:
                self.image.setImage(weights_mosaic(self._kernel, columns=columns, lut=self._lut),
                                    autoLevels=False, levels=(0, 255))
                self.columns = columns
                self.view.autoRange(padding=0.02)

    def _apply_colors(self) -> None:
        c = plot_colors(self.palette())
        self.graphics.setBackground(c.background)

    def set_weights(self, kernel: np.ndarray | None, total_units: int | None = None,
                    kind: str = "hidden") -> None:
        """Show the columns of ``kernel`` (784, k), out of ``total_units`` ``kind`` units (hidden, output or
        convolution); None clears."""
        self.title.setToolTip(tr(CONV_TIP if kind == "convolution" else DENSE_TIP))
        if kernel is None or kernel.ndim != 2 or kernel.shape[0] != 784:
            self.image.clear()
            self.units_shown, self._kernel = 0, None
            self.stack.setCurrentWidget(self.hint)
            return
        self.stack.setCurrentWidget(self.graphics)
        self._kernel = kernel
        columns = best_columns(kernel.shape[1], self.graphics.width(), self.graphics.height())
        mosaic = weights_mosaic(kernel, columns=columns, lut=self._lut)
        self.image.setImage(mosaic, autoLevels=False, levels=(0, 255))
        if kernel.shape[1] != self.units_shown or columns != self.columns:
            self.view.autoRange(padding=0.02)
        self.units_shown, self.columns = kernel.shape[1], columns
        self.title.setText(title_text(self.units_shown, total_units, kind))


def title_text(shown: int, total: int | None, kind: str) -> str:
    """"What the first layer learned: 16 of 128 hidden units" ("1 hidden unit", "10 output units", "16 of 32
    convolution units"): for each kind its own sentences, so a language words the kind its own way."""
    if total and total > shown:
        if kind == "output":
            text = tr("What the first layer learned: {shown} of {total} output units")
        elif kind == "convolution":
            text = tr("What the first layer learned: {shown} of {total} convolution units")
        else:
            text = tr("What the first layer learned: {shown} of {total} hidden units")
        return text.format(shown=shown, total=total)
    if kind == "output":
        return tr("What the first layer learned: %n output unit(s)", None, shown)
    if kind == "convolution":
        return tr("What the first layer learned: %n convolution unit(s)", None, shown)
    return tr("What the first layer learned: %n hidden unit(s)", None, shown)
