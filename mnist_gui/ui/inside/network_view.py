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
line runs through a name. The titles above the columns and the words below them get the height their
longest one needs wrapped to its column (``wrapped_height``), so a narrow window (or 200 % scale) cuts none. Not here: one column's
image and cells, and turning arrays into QImages (``network_columns``); what a click explains
(``detail_view``).
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from mnist_gui.core.i18n import local, tr
from mnist_gui.core.inside import strongest_links
from mnist_gui.ui.dataset.controls import shown_class_names
from mnist_gui.ui.inside.network_keys import NetworkKeys
from mnist_gui.core.inside_pictures import tile, tile_position
from mnist_gui.ui.inside.network_columns import (FOOTER, HEADER, AnswerRows, Column, packed_rgb, rgb_qimage,
                                                 wrapped_height)

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
        views = [None] + t.views
        widths = [usable * _WEIGHT[kind] / total for kind in kinds]
        fm = QFontMetricsF(self._small_font())
        self._widen_answer(widths, kinds, usable, fm)
        # room for the longest title and footer wrapped to their columns, but never more than a third each
        most = max(self.height() / 3, 2 * fm.lineSpacing())
        header = min(max([HEADER] + [wrapped_height(fm, w, self._title(v)) + 4 for v, w in zip(views, widths)]), most)
        footer = min(max([FOOTER] + [wrapped_height(fm, w, self._footer_words(v)) + 2 for v, w in zip(views, widths)]),
                     most)
        x = float(GAP)
        columns = []
        for view, w in zip(views, widths):
            columns.append(Column(view, QRectF(x, 4, w, self.height() - 8), header, footer))
            x += w + GAP
        self._input_column = columns[0]
        columns[0].show(t.image, 1.0)
        for column in columns[1:]:
            self._build(column)
        self._columns = columns[1:]

    def _widen_answer(self, widths: list, kinds: list, usable: float, fm: QFontMetricsF) -> None:
        """Give the answer column (if any) the width its names, one-line numbers and a short bar need, taken
        from the others in proportion, up to 45 % of the picture."""
        if "output" not in kinds:
            return
        k = kinds.index("output")
        widest = max((fm.horizontalAdvance(name) for name in self.class_names), default=fm.horizontalAdvance("00"))
        numbers = local("{:.0%}").format(1.0) + "  " + local("z {:+.1f}").format(-88.8)
        need = min(widest + 8 + fm.horizontalAdvance(numbers) + 4 + 40, 0.45 * usable)
        if need > widths[k]:
            shrink = (usable - need) / max(usable - widths[k], 1.0)
            widths[:] = [need if i == k else w * shrink for i, w in enumerate(widths)]

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
            p.drawText(QRectF(c.rect.left(), c.rect.top(), c.rect.width(), c.header), Qt.TextWordWrap,
                       self._title(c.view))
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

    def _rows(self, c: Column) -> AnswerRows:
        """The answer column's rows, worked out once per layout (columns are made anew on each)."""
        if getattr(c, "answer_rows", None) is None:
            c.answer_rows = AnswerRows(c, self.class_names, QFontMetricsF(self._small_font()))
        return c.answer_rows

    @staticmethod
    def _title(v) -> str:
        return tr("input: the 28×28 network input (0 to 1)") if v is None else v.title

    @staticmethod
    def _footer_words(v) -> str:
        if v is None:
            return tr("black 0 … pale yellow 1")
        if v.kind == "output":
            return tr("probability (bar) · logit z")
        return tr("scale: ±{scale:.3g} = brightest").format(scale=v.scale) + (f"\n{v.note}" if v.note else "")

    def _footer(self, p: QPainter, c: Column, text: QColor) -> None:
        foot = QRectF(c.rect.left(), c.rect.bottom() - c.footer, c.rect.width(), c.footer)
        p.setPen(text)
        p.drawText(foot, Qt.AlignHCenter | Qt.AlignTop | Qt.TextWordWrap, self._footer_words(c.view))

    def _bar_rect(self, c: Column, k: int, n: int) -> QRectF:
        return self._rows(c).row(k)

    def _bars(self, p: QPainter, c: Column) -> None:
        v = c.view
        rows = self._rows(c)
        best = int(np.argmax(v.values))
        text = self.palette().windowText().color()
        background = self.palette().window()
        for k, unit in enumerate(v.shown):
            prob = float(np.clip(v.values[unit], 0, 1)) if v.logits is not None else float(v.values[unit] / v.scale)
            colour = QColor(240, 140, 20) if unit == best else QColor(120, 150, 190)
            p.fillRect(rows.bar_rect(k, prob), colour)
            name_rect = rows.name_rect(k)
            p.fillRect(name_rect, background)   # over any line that passes: the name stays readable
            p.setPen(text)
            p.drawText(name_rect.adjusted(0, 0, -2, 0), Qt.AlignRight | Qt.AlignVCenter, rows.names[k])
            p.drawText(rows.number_rect(k), Qt.AlignRight | Qt.AlignVCenter, rows.numbers[k])

    def _anchor(self, c: Column, unit: int) -> QPointF | None:
        """Where a line to or from ``unit`` of column ``c`` ends (None if it is not drawn)."""
        where = np.flatnonzero(c.view.shown == unit)
        if not where.size:
            return None
        if c.view.kind == "output":   # just before the class name, so the line does not run through it
            name_rect = self._rows(c).name_rect(int(where[0]))
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
