"""The layers, left to right, for one input: one widget that paints a ``core.inside.Trace``.

Each column is a layer: the input picture; a convolution's or a pooling's feature maps tiled into one
QImage, enlarged in NumPy so painting is a copy; dense units as a grid of coloured cells (nodes), with
the strongest connections into the next dense column drawn as lines (the node diagram,
``core.inside.strongest_links``); the answer as labelled bars with each logit. Every column has its own
colour scale (``core.inside_pictures.colours``), the number under it saying what its brightest colour
means. The images are built once per input (``set_trace``) and on resize; paintEvent only draws them, so
a layer of 64 maps is one ``drawImage``, never 64 widgets. Clicking a map, a unit or a class emits
``unit_clicked(view index, unit)``, and so do the arrow keys (``network_keys``). The lines into the answer
end just before each class name, and the names are painted over the lines on the window's colour, so no
line runs through a name. Not here: one column's
image and cells, and turning arrays into QImages (``network_columns``); what a click explains
(``detail_view``).
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from mnist_gui.core.i18n import tr
from mnist_gui.core.inside import strongest_links
from mnist_gui.ui.dataset.controls import shown_class_names
from mnist_gui.ui.inside.network_keys import NetworkKeys
from mnist_gui.core.inside_pictures import tile, tile_position
from mnist_gui.ui.inside.network_columns import FOOTER, HEADER, Column, packed_rgb, rgb_qimage

GAP, CELL_ROWS, LINKS = 14, 32, 3
# packed_rgb and rgb_qimage live in network_columns; re-exported, as detail_view imports them from here
__all__ = ["NetworkView", "packed_rgb", "rgb_qimage"]
_WEIGHT = {"input": 0.8, "maps": 1.6, "units": 0.8, "output": 1.1}


def _mix(colour: QColor, background: QColor, share: float) -> QColor:
    """``share`` of ``colour`` over ``background``, opaque (blending each line costs more than mixing)."""
    return QColor(*(round(share * a + (1 - share) * b) for a, b in
                    zip(colour.getRgb()[:3], background.getRgb()[:3])))


class NetworkView(NetworkKeys, QWidget):
    """The Layers picture; the arrow keys choose layers and units (``ui/inside/network_keys.py``)."""

    unit_clicked = Signal(int, int)  # (view index in the trace, unit or feature map)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setFocusPolicy(Qt.StrongFocus)   # keyboard users choose layers and units with the arrow keys
        self.setAccessibleName(tr("Layers of the network"))
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Expanding)
        self.setMinimumHeight(260)
        self.trace = None
        self.class_names: list[str] = []
        self.selected: tuple[int, int] | None = None
        self._columns: list[Column] = []
        self._input_column: Column | None = None

    def set_trace(self, trace, class_names=None) -> None:
        self.trace = trace
        self.class_names = shown_class_names(class_names or getattr(trace.model, "class_names", None))
        self._layout()
        self.update()

    def select(self, view_index: int | None, unit: int | None = None) -> None:
        self.selected = None if view_index is None else (view_index, unit)
        column = next((c for c in self._columns if view_index is not None and c.view.index == view_index), None)
        self.setAccessibleDescription(
            tr("Selected: {layer}, unit {unit}").format(layer=column.view.title, unit=unit) if column is not None
            else tr("Click a unit, or press an arrow key, to see what it computes"))
        self.update()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        self._layout()
        super().resizeEvent(event)

    def _layout(self) -> None:
        self._columns, self._input_column = [], None
        t = self.trace
        if t is None or t.image is None:
            return
        kinds = ["input"] + [v.kind for v in t.views]
        total = sum(_WEIGHT[k] for k in kinds)
        usable = max(self.width() - GAP * (len(kinds) + 1), float(len(kinds)))
        x = float(GAP)
        columns = []
        for kind, view in zip(kinds, [None] + t.views):
            w = usable * _WEIGHT[kind] / total
            columns.append(Column(view, QRectF(x, 4, w, self.height() - 8)))
            x += w + GAP
        self._input_column = columns[0]
        columns[0].show(t.image, 1.0)
        for column in columns[1:]:
            self._build(column)
        self._columns = columns[1:]

    def _build(self, c: Column) -> None:
        v = c.view
        if v.kind == "maps":
            maps = v.values[..., v.shown]
            h, w, n = maps.shape
            # a widget not laid out yet (or squeezed to nothing) has an empty body: keep the grid sensible
            aspect = (max(c.body.width(), 1.0) / max(c.body.height(), 1.0)) * (h + 1) / (w + 1)
            c.columns = max(1, min(n, int(round(np.sqrt(n * aspect)))))
            c.grid_shape = maps.shape
            c.show(tile(maps, c.columns), v.scale)
        elif v.kind == "units":
            n = v.shown.size
            rows = min(n, CELL_ROWS)
            cols = -(-n // rows)
            cells = np.full(rows * cols, np.nan, np.float32)
            cells[:n] = v.values[v.shown]
            c.grid_shape = (rows, cols, n)
            c.show(cells.reshape(cols, rows).T, v.scale, cell_gaps=True)

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt override
        p = QPainter(self)
        p.fillRect(self.rect(), self.palette().window())
        if self.hasFocus():   # focus visible: keyboard users see where the arrow keys act
            p.setPen(QPen(self.palette().highlight().color(), 1, Qt.DashLine))
            p.drawRect(QRectF(self.rect()).adjusted(0.5, 0.5, -1.5, -1.5))
        if not self._columns:
            return
        p.setFont(self._small_font())
        text = self.palette().windowText().color()
        self._links(p)
        for c in [self._input_column] + self._columns:
            p.setPen(text)
            title = tr("input: the 28×28 network input (0 to 1)") if c.view is None else c.view.title
            p.drawText(QRectF(c.rect.left(), c.rect.top(), c.rect.width(), HEADER), Qt.TextWordWrap, title)
            if c.view is not None and c.view.kind == "output":
                self._bars(p, c)
            elif c.image is not None:
                p.drawImage(c.target.topLeft(), c.image)
            self._footer(p, c, text)
        self._selection(p)

    def _small_font(self) -> QFont:
        small = QFont(self.font())
        small.setPointSizeF(max(7.0, small.pointSizeF() * 0.85))
        return small

    def _name_rect(self, c: Column, k: int, unit: int) -> tuple[QRectF, str]:
        """Where the k-th answer's class name is written (the text's own box) and the name."""
        row = self._bar_rect(c, k, c.view.shown.size)
        name = self.class_names[unit] if unit < len(self.class_names) else str(unit)
        label_w = min(58.0, row.width() * 0.3)
        fm = QFontMetricsF(self._small_font())
        width = min(fm.horizontalAdvance(name) + 4, label_w - 2)
        return QRectF(row.left() + label_w - 2 - width, row.center().y() - fm.height() / 2, width, fm.height()), name

    def _footer(self, p: QPainter, c: Column, text: QColor) -> None:
        v = c.view
        foot = QRectF(c.rect.left(), c.rect.bottom() - FOOTER, c.rect.width(), FOOTER)
        if v is None:
            words = tr("black 0 … pale yellow 1")
        elif v.kind == "output":
            words = tr("probability (bar) · logit z")
        else:
            words = tr("scale: ±{scale:.3g} = brightest").format(scale=v.scale) + (f"\n{v.note}" if v.note else "")
        p.setPen(text)
        p.drawText(foot, Qt.AlignHCenter | Qt.AlignTop | Qt.TextWordWrap, words)

    def _bar_rect(self, c: Column, k: int, n: int) -> QRectF:
        h = min(c.body.height() / max(n, 1), 40.0)
        top = c.body.top() + (c.body.height() - h * n) / 2
        return QRectF(c.body.left(), top + k * h, c.body.width(), h)

    def _bars(self, p: QPainter, c: Column) -> None:
        v = c.view
        n = v.shown.size
        best = int(np.argmax(v.values))
        text = self.palette().windowText().color()
        background = self.palette().window()
        for k, unit in enumerate(v.shown):
            row = self._bar_rect(c, k, n)
            name_rect, name = self._name_rect(c, k, unit)
            label_w = min(58.0, row.width() * 0.3)
            bar_w = row.width() - label_w - 46
            prob = float(np.clip(v.values[unit], 0, 1)) if v.logits is not None else float(v.values[unit] / v.scale)
            colour = QColor(240, 140, 20) if unit == best else QColor(120, 150, 190)
            p.fillRect(QRectF(row.left() + label_w, row.top() + 3, max(bar_w * prob, 1), row.height() - 6), colour)
            p.fillRect(name_rect, background)   # over any line that passes: the name stays readable
            p.setPen(text)
            p.drawText(name_rect.adjusted(0, 0, -2, 0), Qt.AlignRight | Qt.AlignVCenter, name)
            number = f"{v.values[unit]:.0%}" if v.logits is not None else f"{v.values[unit]:.2f}"
            if v.logits is not None:
                number += f"\nz {v.logits[unit]:+.1f}"
            p.drawText(QRectF(row.right() - 46, row.top(), 46, row.height()), Qt.AlignRight | Qt.AlignVCenter,
                       number)

    def _anchor(self, c: Column, unit: int) -> QPointF | None:
        """Where a line to or from ``unit`` of column ``c`` ends (None if it is not drawn)."""
        where = np.flatnonzero(c.view.shown == unit)
        if not where.size:
            return None
        if c.view.kind == "output":   # just before the class name, so the line does not run through it
            name_rect, _ = self._name_rect(c, int(where[0]), unit)
            return QPointF(name_rect.left() - 1, name_rect.center().y())
        return c.cell_centre(int(where[0]))

    def _links(self, p: QPainter) -> None:
        """The strongest connections into each unit of a dense column from the dense column before it,
        orange for positive, blue for negative, stronger ones bolder. Opaque and not antialiased: a
        blended antialiased line cost ~0.2 ms here."""
        background = self.palette().window().color()
        for src, dst in zip(self._columns, self._columns[1:]):
            if src.view.kind != "units" or dst.view.kind not in ("units", "output"):
                continue
            for i, unit, sign, strength in strongest_links(self.trace.model, src.view, dst.view, LINKS):
                colour = QColor(240, 140, 20) if sign > 0 else QColor(70, 130, 230)
                p.setPen(QPen(_mix(colour, background, 0.25 + 0.75 * strength), 1 + int(2.5 * strength)))
                p.drawLine(src.cell_centre(i), self._anchor(dst, unit))

    def _selection(self, p: QPainter) -> None:
        if self.selected is None:
            return
        index, unit = self.selected
        for c in self._columns:
            if c.view.index != index:
                continue
            p.setPen(QPen(self.palette().highlight().color(), 2))
            p.setBrush(Qt.NoBrush)
            p.drawRect(self._unit_rect(c, unit))

    def _unit_rect(self, c: Column, unit: int) -> QRectF:
        v = c.view
        where = np.flatnonzero(v.shown == unit)
        if not where.size:
            return QRectF()
        k = int(where[0])
        if v.kind == "output":
            return self._bar_rect(c, k, v.shown.size)
        if v.kind == "units":
            rows, cols, _ = c.grid_shape
            q, r = divmod(k, rows)
            cw, ch = c.target.width() / cols, c.target.height() / rows
            return QRectF(c.target.left() + q * cw, c.target.top() + r * ch, cw, ch)
        h, w, _ = c.grid_shape
        r, q = divmod(k, c.columns)
        sx = c.target.width() / c.grid_size[1]
        sy = c.target.height() / c.grid_size[0]
        return QRectF(c.target.left() + q * (w + 1) * sx - 1, c.target.top() + r * (h + 1) * sy - 1,
                      w * sx + 2, h * sy + 2)

    def unit_at(self, point: QPointF) -> tuple[int, int] | None:
        """(view index, unit) under a point of the widget, or None."""
        for c in self._columns:
            if not c.rect.contains(point):
                continue
            v = c.view
            if v.kind == "output":
                for k, unit in enumerate(v.shown):
                    if self._bar_rect(c, k, v.shown.size).contains(point):
                        return v.index, int(unit)
                return None
            if not c.target.contains(point):
                return None
            col = int((point.x() - c.target.left()) / c.target.width() * c.grid_size[1])
            row = int((point.y() - c.target.top()) / c.target.height() * c.grid_size[0])
            if v.kind == "units":
                rows, _, n = c.grid_shape
                k = col * rows + row
                return (v.index, int(v.shown[k])) if k < n else None
            hit = tile_position(row, col, c.grid_shape, c.columns)
            return (v.index, int(v.shown[hit[0]])) if hit else None
        return None

    def unit_centre(self, view_index: int, unit: int) -> QPointF:
        """Where unit ``unit`` of view ``view_index`` is drawn (for tests and keyboard users)."""
        for c in self._columns:
            if c.view.index == view_index:
                return self._unit_rect(c, unit).center()
        raise ValueError(f"no column shows layer {view_index}")

    def mousePressEvent(self, event) -> None:  # noqa: N802 - Qt override
        hit = self.unit_at(event.position())
        if hit is not None:
            self.select(*hit)
            self.unit_clicked.emit(*hit)
        super().mousePressEvent(event)
