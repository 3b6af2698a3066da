"""What a split looks like as a whole: images per class, the mean image of each class, pixel values.

:func:`split_statistics` is plain NumPy, IMAGES_PER_STEP images at a time, so a 60,000-image split
never turns into a 376 MB integer copy; :class:`DatasetStats` shows the numbers and computes them only
when it is first shown for a split, then remembers them.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import QGridLayout, QLabel, QSizePolicy, QWidget

from mnist_gui.core.i18n import tr
from mnist_gui.ui.widgets.bar_chart import BarChart
from mnist_gui.ui.widgets.qimages import gray_to_qimage

IMAGES_PER_STEP = 2000  # images per step: bounded float32 temporaries (about 6 MB)


@dataclass(frozen=True)
class SplitStatistics:
    counts: np.ndarray        # (C,) int64 images per class
    means: np.ndarray         # (C, H, W) float32 mean image per class (0-255)
    histogram: np.ndarray     # (256,) int64 pixels per value
    mean_pixel: float


def split_statistics(images: np.ndarray, labels: np.ndarray, num_classes: int = 10) -> SplitStatistics:
    """Counts, per-class mean images and the pixel histogram of uint8 images (N, H, W)."""
    n, h, w = images.shape
    labels = np.asarray(labels, dtype=np.intp)
    counts = np.bincount(labels, minlength=num_classes)[:num_classes]
    sums = np.zeros((num_classes, h * w), dtype=np.float64)
    histogram = np.zeros(256, dtype=np.int64)
    for start in range(0, n, IMAGES_PER_STEP):
        step = images[start:start + IMAGES_PER_STEP].reshape(-1, h * w)                # (n, H*W)
        histogram += np.bincount(step.ravel(), minlength=256)
        one_hot = labels[start:start + IMAGES_PER_STEP, None] == np.arange(num_classes)   # (n, C)
        sums += one_hot.T.astype(np.float32) @ step.astype(np.float32)
    means = (sums / np.maximum(counts, 1)[:, None]).astype(np.float32).reshape(num_classes, h, w)
    total = float(histogram.sum())
    mean_pixel = float(histogram @ np.arange(256)) / total if total else 0.0
    return SplitStatistics(counts=counts, means=means, histogram=histogram, mean_pixel=mean_pixel)


class MeanImages(QWidget):
    """The mean image of each class in two rows, all on one brightness scale."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Expanding)
        self._images = []
        self._names: list[str] = []

    def sizeHint(self) -> QSize:
        return QSize(420, 200)

    def minimumSizeHint(self) -> QSize:
        return QSize(200, 100)

    def set_means(self, means: np.ndarray, names: list[str]) -> None:
        top = max(float(means.max()), 1.0)
        scaled = np.clip(means * (255.0 / top), 0, 255).astype(np.uint8)
        self._images = [gray_to_qimage(m) for m in scaled]
        self._names = list(names)
        self.update()

    def paintEvent(self, event) -> None:
        if not self._images:
            return
        p = QPainter(self)
        p.setPen(self.palette().color(QPalette.WindowText))
        fh = self.fontMetrics().height()
        cols = (len(self._images) + 1) // 2
        cell_w, cell_h = self.width() / cols, self.height() / 2
        side = int(max(14, min(cell_w - 6, cell_h - fh - 6)))
        for k, image in enumerate(self._images):
            x0, y0 = (k % cols) * cell_w, (k // cols) * cell_h
            rect = QRect(int(x0 + (cell_w - side) / 2), int(y0 + 2), side, side)
            p.drawImage(rect, image)
            p.drawText(QRect(int(x0), rect.bottom() + 2, int(cell_w), fh), Qt.AlignCenter, self._names[k])


class DatasetStats(QWidget):
    """Statistics of the current split, computed the first time they are shown."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.summary = QLabel("")
        self.summary.setWordWrap(True)
        self.counts_chart = BarChart(tr("Images per class"))
        self.means_title = QLabel(tr("Mean image of each class (brighter = ink more often there)"))
        self.means_title.setAlignment(Qt.AlignHCenter)
        self.means = MeanImages()
        self.histogram_chart = BarChart(tr("Pixel values 1-255 (the many zeros of the background left out)"))
        self.histogram_chart.annotate = False
        layout = QGridLayout(self)
        layout.addWidget(self.summary, 0, 0, 1, 2)
        layout.addWidget(self.counts_chart, 1, 0)
        means_box = QWidget()
        box = QGridLayout(means_box)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.means_title, 0, 0)
        box.addWidget(self.means, 1, 0)
        box.setRowStretch(1, 1)
        layout.addWidget(means_box, 1, 1)
        layout.addWidget(self.histogram_chart, 2, 0, 1, 2)
        layout.setRowStretch(1, 1)
        layout.setRowStretch(2, 1)
        self._cache: dict[object, SplitStatistics] = {}
        self._source = None
        self._shown = None

    def set_split(self, key: object, split_name: str, images: np.ndarray, labels: np.ndarray,
                  class_names: list[str]) -> None:
        """The split to describe; the work happens when the widget is (or next becomes) visible."""
        self._source = (key, split_name, images, labels, list(class_names))
        if self.isVisible():
            self.refresh()

    def forget(self, key: object) -> None:
        """Drop the remembered statistics of ``key`` (a split that changed, e.g. My digits)."""
        self._cache.pop(key, None)
        if self._shown == key:
            self._shown = None

    def statistics(self) -> SplitStatistics | None:
        return None if self._shown is None else self._cache[self._shown]

    def refresh(self) -> None:
        if self._source is None or self._shown == self._source[0]:
            return
        key, split_name, images, labels, names = self._source
        if key not in self._cache:
            self._cache[key] = split_statistics(images, labels, len(names))
        stats = self._cache[key]
        self._shown = key
        n, h, w = images.shape
        zeros = stats.histogram[0] / max(1, stats.histogram.sum())
        value = tr("value {value}", "a pixel value in the histogram")
        self.summary.setText(tr(
            "The {split} split: {n:,} images of {height}×{width} pixels. Average pixel value {mean:.1f} of 255; "
            "{zeros:.1%} of all pixels are exactly 0 (black background).").format(
            split=split_name, n=n, height=h, width=w, mean=stats.mean_pixel, zeros=zeros))
        self.counts_chart.set_data(stats.counts, names=[f"{k} ({name})" for k, name in enumerate(names)])
        self.means.set_means(stats.means, [f"{k} {name}" for k, name in enumerate(names)])
        self.histogram_chart.set_data(stats.histogram[1:], ticks={k - 1: str(k) for k in (1, 64, 128, 192, 255)},
                                      names=[value.format(value=k) for k in range(1, 256)])

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.refresh()
