"""The lab's controls: pick a layer, switch units off, scale its weights, add noise, prune; reset; save.

The panel holds a ``core.lab.Edits`` and reports every change with ``edits_changed(edits)``; the tab
builds the edited copy, shows it in the Layers view at once and measures its test accuracy off the GUI
thread, handing the numbers back through ``show_answer`` and ``show_accuracy``. ``save_requested`` asks
the tab to write the edited network to a model file, ``keep_requested`` to keep it as a run (offered to
the other tabs). Not here: the edits themselves (``core.lab``).
"""

from __future__ import annotations

import copy

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QComboBox, QDoubleSpinBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit,
                               QPushButton, QSlider, QVBoxLayout, QWidget)

from mnist_gui.core.i18n import QT_TR_NOOP, tr
from mnist_gui.core.lab import Edits

CLICKED_UNIT_TEXT = QT_TR_NOOP("Switch off the clicked unit")
NO_EDITS_TEXT = QT_TR_NOOP("No edits: the network is as trained.")


def parse_units(text: str) -> set[int]:
    """'0, 3-5, 9' -> {0, 3, 4, 5, 9}; ValueError naming the part that is not a number or a range."""
    units: set[int] = set()
    for part in filter(None, (p.strip() for p in text.replace(";", ",").split(","))):
        lo, _, hi = part.partition("-")
        try:
            a, b = int(lo), int(hi or lo)
        except ValueError:
            raise ValueError(tr("units are numbers or ranges like 3-5, got {part!r}").format(part=part)) from None
        if a < 0 or b < a:
            raise ValueError(tr("units are numbers or ranges like 3-5, got {part!r}").format(part=part))
        units.update(range(a, b + 1))
    return units


class LabView(QWidget):
    edits_changed = Signal(object)  # a copy of the current Edits
    save_requested = Signal()
    keep_requested = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.edits = Edits()
        self._sizes: dict[str, int] = {}
        self.layer = QComboBox()
        self.off = QLineEdit(placeholderText=tr("e.g. 0, 3-5 (or click a unit in Layers and press the button)"))
        self.off.setAccessibleName(tr("Switched-off units"))
        self.off_selected = QPushButton(tr(CLICKED_UNIT_TEXT))
        self.off_selected.setEnabled(False)
        self.scale = QDoubleSpinBox(minimum=0.0, maximum=5.0, singleStep=0.1, value=1.0, decimals=2)
        self.noise = QDoubleSpinBox(minimum=0.0, maximum=5.0, singleStep=0.1, value=0.0, decimals=2,
                                    suffix=tr(" × the weights' spread"))
        self.prune = QSlider(Qt.Horizontal, minimum=0, maximum=99)
        self.prune.setAccessibleName(tr("Prune the smallest weights, in percent"))
        self.prune_text = QLabel("0%")
        self.reset = QPushButton(tr("Reset the lab"))
        self.save = QPushButton(tr("Save the edited network…"))
        self.keep = QPushButton(tr("Keep it as a run"))
        self.keep.setToolTip(tr("Keep the edited network as a run: listed with the runs in the Train tab and "
                                "offered in the model list, so the other tabs can use it"))
        self.problem = QLabel()
        self.problem.setStyleSheet("color: #d64545")
        self.summary = QLabel(tr(NO_EDITS_TEXT))
        self.answer = QLabel()
        self.accuracy = QLabel()
        self.kept = QLabel()
        for label in (self.summary, self.answer, self.accuracy, self.problem, self.kept):
            label.setWordWrap(True)
        prune_row = QHBoxLayout()
        prune_row.addWidget(self.prune, 1)
        prune_row.addWidget(self.prune_text)
        off_row = QHBoxLayout()
        off_row.addWidget(self.off, 1)
        off_row.addWidget(self.off_selected)
        form = QFormLayout()
        form.addRow(tr("Layer:"), self.layer)
        form.addRow(tr("Switched off:"), off_row)
        form.addRow(tr("Scale the weights by:"), self.scale)
        form.addRow(tr("Add noise:"), self.noise)
        form.addRow(tr("Prune the smallest weights:"), prune_row)
        buttons = QHBoxLayout()
        buttons.addWidget(self.reset)
        buttons.addWidget(self.save)
        buttons.addWidget(self.keep)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(tr("Change a copy of the network and watch your digit's answer and the test "
                                   "accuracy. The other tabs keep the network as it was.")))
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addLayout(buttons)
        layout.addWidget(self.summary)
        layout.addWidget(self.answer)
        layout.addWidget(self.accuracy)
        layout.addWidget(self.kept)
        layout.addStretch(1)
        self._clicked: tuple[str, int] | None = None
        self.layer.currentIndexChanged.connect(self._show_layer)
        self.off.editingFinished.connect(self._on_changed)
        self.scale.valueChanged.connect(self._on_changed)
        self.noise.valueChanged.connect(self._on_changed)
        self.prune.valueChanged.connect(self._on_changed)
        self.off_selected.clicked.connect(self._switch_off_clicked)
        self.reset.clicked.connect(self.reset_edits)
        self.save.clicked.connect(self.save_requested)
        self.keep.clicked.connect(self.keep_requested)

    def set_layers(self, layers: dict[str, int]) -> None:
        """The layers with weights and how many units (or feature maps) each has; forgets all edits."""
        self._sizes = dict(layers)
        self.edits = Edits()
        self.set_clicked_unit(None, None)  # a unit clicked in the old network is not one of these
        for label in (self.problem, self.answer, self.accuracy, self.kept):
            label.setText("")
        self.layer.blockSignals(True)
        self.layer.clear()
        self.layer.addItems(list(layers))
        self.layer.blockSignals(False)
        self._show_layer()
        self._report()

    def set_clicked_unit(self, layer: str | None, unit: int | None) -> None:
        """The unit last clicked in the Layers view (offered for switching off when it has weights)."""
        self._clicked = (layer, unit) if layer in self._sizes and unit is not None else None
        self.off_selected.setEnabled(self._clicked is not None)
        self.off_selected.setText(tr("Switch off {layer} unit {unit}").format(layer=layer, unit=unit) if self._clicked
                                  else tr(CLICKED_UNIT_TEXT))

    def _show_layer(self, *_args) -> None:
        name = self.layer.currentText()
        widgets = (self.off, self.scale, self.noise, self.prune)
        for w in widgets:
            w.blockSignals(True)
        units = sorted(self.edits.off.get(name, ()))
        self.off.setText(", ".join(map(str, units)))
        self.scale.setValue(self.edits.scale.get(name, 1.0))
        self.noise.setValue(self.edits.noise.get(name, 0.0))
        self.prune.setValue(int(round(100 * self.edits.prune.get(name, 0.0))))
        self.prune_text.setText(f"{self.prune.value()}%")
        for w in widgets:
            w.blockSignals(False)

    def _switch_off_clicked(self) -> None:
        layer, unit = self._clicked
        self.edits.off.setdefault(layer, set()).add(unit)
        self.layer.setCurrentText(layer)
        self._show_layer()
        self._report()

    def _on_changed(self, *_args) -> None:
        name = self.layer.currentText()
        if not name:
            return
        self.prune_text.setText(f"{self.prune.value()}%")
        try:
            units = parse_units(self.off.text())
            if units and max(units) >= self._sizes[name]:
                raise ValueError(tr("{layer} has units 0 to {last}").format(layer=name, last=self._sizes[name] - 1))
        except ValueError as error:
            self.problem.setText(str(error))
            return
        self.problem.setText("")
        self.edits.off[name] = units
        self.edits.scale[name] = self.scale.value()
        self.edits.noise[name] = self.noise.value()
        self.edits.prune[name] = self.prune.value() / 100
        self._report()

    def reset_edits(self) -> None:
        self.edits = Edits()
        self.problem.setText("")
        self._show_layer()
        self._report()

    def _report(self) -> None:
        self.summary.setText(tr(NO_EDITS_TEXT) if self.edits.is_empty()
                             else tr("Edited: {edits}.").format(edits=self.edits.describe()))
        self.save.setEnabled(not self.edits.is_empty())
        self.keep.setEnabled(not self.edits.is_empty())
        self.edits_changed.emit(copy.deepcopy(self.edits))

    def show_answer(self, text: str) -> None:
        self.answer.setText(text)

    def show_accuracy(self, text: str) -> None:
        self.accuracy.setText(text)

    def show_kept(self, text: str) -> None:
        """Say whether (and as what) the edited network was kept."""
        self.kept.setText(text)
