"""What an augmentation preset does, shown on one training digit: 2 rows of 8 randomly distorted copies.

:class:`AugmentPreview` draws the copies as one mosaic image (white ink on black, as the network sees
them, with transparent gaps, so it sits on light and dark palettes alike), scaled to the width it is
given. "Another digit" (or a click on the mosaic) picks a different training image. For ``none`` there
is nothing to show: the mosaic is hidden and the caption says so. The same digit and seed are used for
every preset, so switching presets shows the same random draws at different strengths.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QToolButton, QVBoxLayout, QWidget

from mnist_gui.core.i18n import tr
from mnist_gui.core.words import a_or_an
from mnist_gui.core.train_choices import AUGMENTATION_DESCRIPTIONS, described
from mnist_gui.data.augment import Augmentation

ROWS, COLUMNS, GAP = 2, 8, 2


def mosaic(frames: np.ndarray, columns: int = COLUMNS) -> np.ndarray:
    """RGBA uint8 (rows*(h+GAP)-GAP, columns*(w+GAP)-GAP, 4) of grey frames (n, h, w); gaps transparent."""
    n, h, w = frames.shape
    rows = -(-n // columns)
    out = np.zeros((rows * (h + GAP) - GAP, columns * (w + GAP) - GAP, 4), np.uint8)
    for i, frame in enumerate(frames):
        r, c = divmod(i, columns)
        tile = out[r * (h + GAP): r * (h + GAP) + h, c * (w + GAP): c * (w + GAP) + w]
        tile[..., :3] = frame[..., None]
        tile[..., 3] = 255
    return out


class _Mosaic(QWidget):
    """Paints one RGBA image as large as fits, keeping its aspect ratio; a click emits ``clicked``."""

    clicked = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.image = QImage()
        self.setCursor(Qt.PointingHandCursor)
        policy = QSizePolicy(QSizePolicy.Preferred, QSizePolicy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def set_pixels(self, rgba: np.ndarray) -> None:
        h, w, _ = rgba.shape
        self.image = QImage(np.ascontiguousarray(rgba).data, w, h, 4 * w, QImage.Format_RGBA8888).copy()
        self.updateGeometry()
        self.update()

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt override
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt override
        if self.image.isNull():
            return 0
        return round(width * self.image.height() / self.image.width())

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        if self.image.isNull():
            return QSize(0, 0)
        return QSize(round(1.5 * self.image.width()), round(1.5 * self.image.height()))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(self.image.width(), self.image.height()) if not self.image.isNull() else QSize(0, 0)

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt override
        if self.image.isNull():
            return
        scale = min(self.width() / self.image.width(), self.height() / self.image.height())
        w, h = self.image.width() * scale, self.image.height() * scale
        painter = QPainter(self)
        # enlarged, smooth sampling reads better than big square pixels at these odd scales
        painter.setRenderHint(QPainter.SmoothPixmapTransform, scale < 2)
        painter.drawImage(QRectF((self.width() - w) / 2, 0, w, h), self.image)
        painter.end()

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.button() == Qt.LeftButton:
            self.clicked.emit()
        super().mouseReleaseEvent(event)


class AugmentPreview(QWidget):
    """Distorted copies of ``images[index]`` (uint8 (N, 28, 28), e.g. the training images) for a preset.

    ``frames`` holds what is shown, uint8 (16, 28, 28), or None for ``none``."""

    def __init__(self, images: np.ndarray, labels: np.ndarray | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.images, self.labels = images, labels
        self.preset = "none"
        self.index = 0
        self.frames: np.ndarray | None = None
        self._picks = np.random.default_rng(2024).permutation(len(images)) if len(images) else np.zeros(0, int)
        self._pick = 0
        self.caption = QLabel(wordWrap=True)
        self.caption.setObjectName("augmentCaption")
        self.mosaic = _Mosaic()
        self.mosaic.setToolTip(tr("Random distortions of one training image with this setting: every epoch "
                                  "the network sees new ones like these. Click for another digit."))
        self.which = QLabel()
        self.which.setEnabled(False)   # the palette's dimmed text: a side note
        self.another = QToolButton(text=tr("Another digit"))
        self.another.setToolTip(tr("Show the distortions on a different training image."))
        self.another.setAutoRaise(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.caption)
        layout.addWidget(self.mosaic)
        row = QHBoxLayout()
        row.addWidget(self.which)
        row.addStretch(1)
        row.addWidget(self.another)
        layout.addLayout(row)
        self.mosaic.clicked.connect(self.next_digit)
        self.another.clicked.connect(self.next_digit)
        if len(images):
            self.index = int(self._picks[0])
        self.set_preset("none")

    def is_showing(self) -> bool:
        """True when distorted copies are shown (not for 'none', an unknown preset or no images)."""
        return self.frames is not None

    def set_preset(self, name: str) -> None:
        """Show ``name``'s distortions (a key of AUGMENTATION_PRESETS); 'none' or unknown names hide them."""
        self.preset = name
        self._refresh()

    def next_digit(self) -> None:
        if len(self._picks):
            self._pick = (self._pick + 1) % len(self._picks)
            self.index = int(self._picks[self._pick])
            self._refresh()

    def _refresh(self) -> None:
        name = self.preset
        try:
            augmentation = Augmentation.from_preset(name)
        except ValueError:
            augmentation = None
        show = augmentation is not None and not augmentation.is_identity and len(self.images) > 0
        if show:
            copies = augmentation.preview(self.images[self.index], n=ROWS * COLUMNS, seed=self.index)
            self.frames = np.clip(np.rint(copies), 0, 255).astype(np.uint8)
            self.mosaic.set_pixels(mosaic(self.frames))
        else:
            self.frames = None
        self.mosaic.setVisible(show)
        self.another.setVisible(show)
        self.which.setVisible(show)
        self.caption.setText(described(AUGMENTATION_DESCRIPTIONS, name,
                                       tr("Unknown augmentation {name}.").format(name=repr(name))))
        if show:
            self.which.setText(self._which_text())

    def _which_text(self) -> str:
        """"Training image 1,234, a 7" ("an 8"): each wording whole, so a translation can say "eine 8"."""
        if self.labels is None:
            return tr("Training image {index:,}").format(index=self.index)
        digit = int(self.labels[self.index])
        text = tr("Training image {index:,}, an {digit}") if a_or_an(digit) == "an" else \
            tr("Training image {index:,}, a {digit}")
        return text.format(index=self.index, digit=digit)
