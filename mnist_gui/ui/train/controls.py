"""The Training tab's settings form: presets, every TrainConfig field, validation and a summary line.

The form turns its widgets into a :class:`~mnist_gui.nn.presets.TrainConfig` and checks it with
``TrainConfig.validate()`` on every edit. A bad value is refused here, at the control: the widget gets
a red border, the reason is shown under the form, and ``validity_changed(False, reason)`` lets the tab
disable Start. Nothing here trains or builds a network; the parameter count is worked out directly.
"""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (QComboBox, QDoubleSpinBox, QFormLayout, QGroupBox, QLabel, QLineEdit,
                               QSpinBox, QVBoxLayout, QWidget)

from mnist_gui.data.augment import AUGMENTATION_PRESETS
from mnist_gui.nn.optimizers import OPTIMIZERS
from mnist_gui.nn.presets import HIDDEN_ACTIVATIONS, PRESET_DESCRIPTIONS, PRESETS, SCHEDULE_NAMES, TrainConfig
from mnist_gui.ui.train.log_spinbox import LogSlider
from mnist_gui.ui.theme import ERROR_COLOR
from mnist_gui.core.training_text import (ARCHITECTURES, HIDDEN_CNN_LABEL, LABELS, TIPS,
                                        parse_hidden, plain, summary_line)

CUSTOM = "custom"


def _tint(widget: QWidget, bad: bool) -> None:
    """Give a refused field a red-tinted background (a palette change keeps the style's own frame)."""
    if not bad:
        widget.setPalette(QPalette())
        return
    palette = widget.palette()
    base, red = palette.color(QPalette.Base), QColor(ERROR_COLOR)
    mix = QColor.fromRgbF(*(0.65 * a + 0.35 * b for a, b in zip(base.getRgbF()[:3], red.getRgbF()[:3])))
    palette.setColor(QPalette.Base, mix)
    palette.setColor(QPalette.Button, mix)
    widget.setPalette(palette)


class TrainingControls(QWidget):
    """The settings form. ``config()`` gives the TrainConfig; ``error`` the reason it is refused, if any."""

    config_changed = Signal(object)        # TrainConfig, or None while the settings are invalid
    validity_changed = Signal(bool, str)   # valid, reason (empty when valid)

    def __init__(self, max_train_size: int = 60000, parent: QWidget | None = None):
        super().__init__(parent)
        self.max_train_size = max_train_size
        self.error: str | None = None
        self._loading = False
        self._build()
        self.apply_preset("tutorial" if "tutorial" in PRESETS else next(iter(PRESETS)))

    def _build(self) -> None:
        self.preset = QComboBox()
        self.preset.addItems([*PRESETS, CUSTOM])
        self.preset_note = QLabel(wordWrap=True)
        self.preset_note.setObjectName("presetNote")
        self.architecture = QComboBox()
        for key, text in ARCHITECTURES.items():
            self.architecture.addItem(text, key)
        # elide rather than widen the form past its scroll area
        self.architecture.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.architecture.setMinimumContentsLength(8)
        self.hidden = QLineEdit(placeholderText="e.g. 128 or 512, 512")
        self.activation, self.optimizer, self.schedule = QComboBox(), QComboBox(), QComboBox()
        self.augmentation = QComboBox()
        self.augmentation.addItems(list(AUGMENTATION_PRESETS))
        self.activation.addItems(list(HIDDEN_ACTIVATIONS))
        self.optimizer.addItems(list(OPTIMIZERS))
        self.schedule.addItems(list(SCHEDULE_NAMES))
        self.dropout = self._double(0.0, 0.95, 0.05, 2)
        self.learning_rate = LogSlider(1e-5, 10.0)
        self.l2 = self._double(0.0, 1.0, 1e-4, 5)
        self.batch_size = self._int(1, 60000, 1)
        self.epochs = self._int(1, 1000, 1)
        self.train_size = self._int(min(100, self.max_train_size), self.max_train_size, 1000)
        self.validation_split = self._double(0.0, 0.5, 0.05, 2)
        self.seed = self._int(0, 2**31 - 1, 1)
        self.fields = {name: getattr(self, name) for name in LABELS}

        groups = [("Network", ["architecture", "hidden", "activation", "dropout"]),
                  ("Optimizer", ["optimizer", "learning_rate", "schedule", "l2"]),
                  ("Data", ["augmentation", "batch_size", "epochs", "train_size", "validation_split", "seed"])]
        self.forms: dict[str, QFormLayout] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        top = QFormLayout()
        top.addRow("Preset", self.preset)
        top.addRow(self.preset_note)
        layout.addLayout(top)
        for title, names in groups:
            box = QGroupBox(title)
            form = self.forms[title] = QFormLayout(box)
            for name in names:
                form.addRow(LABELS[name], self.fields[name])
            layout.addWidget(box)
        self.reason = QLabel(wordWrap=True)
        self.reason.setStyleSheet(f"color: {ERROR_COLOR};")
        self.reason.hide()
        layout.addWidget(self.reason)
        layout.addStretch(1)

        self.preset.setToolTip(TIPS["preset"])
        for name, widget in self.fields.items():
            widget.setToolTip(TIPS[name])
        self.preset.currentTextChanged.connect(self._on_preset)
        self.hidden.textChanged.connect(self._on_edit)
        self.architecture.currentIndexChanged.connect(self._on_architecture)
        for combo in (self.activation, self.optimizer, self.schedule, self.augmentation):
            combo.currentTextChanged.connect(self._on_edit)
        for spin in (self.dropout, self.l2, self.batch_size, self.epochs, self.train_size,
                     self.validation_split, self.seed):
            spin.valueChanged.connect(self._on_edit)
        self.learning_rate.value_changed.connect(self._on_edit)

    @staticmethod
    def _double(lo, hi, step, decimals) -> QDoubleSpinBox:
        spin = QDoubleSpinBox()
        spin.setRange(lo, hi)
        spin.setSingleStep(step)
        spin.setDecimals(decimals)
        return spin

    @staticmethod
    def _int(lo, hi, step) -> QSpinBox:
        spin = QSpinBox()
        spin.setRange(lo, hi)
        spin.setSingleStep(step)
        spin.setGroupSeparatorShown(True)
        return spin

    def config(self) -> TrainConfig:
        """The settings as a TrainConfig (not validated); ValueError if a field cannot be read."""
        return TrainConfig(
            architecture=self.architecture.currentData(), augmentation=self.augmentation.currentText(),
            hidden=parse_hidden(self.hidden.text()), activation=self.activation.currentText(),
            dropout=self.dropout.value(), optimizer=self.optimizer.currentText(),
            learning_rate=self.learning_rate.value(), schedule=self.schedule.currentText(),
            batch_size=self.batch_size.value(), epochs=self.epochs.value(), l2=self.l2.value(),
            train_size=self.train_size.value(), validation_split=self.validation_split.value(),
            seed=self.seed.value())

    def set_config(self, cfg: TrainConfig) -> None:
        """Show ``cfg`` in the form (the preset box follows if it matches a preset)."""
        self._loading = True
        try:
            self.hidden.setText(", ".join(str(h) for h in cfg.hidden))
            if self.architecture.findData(cfg.architecture) < 0:   # refused by validate(), shown as it came
                self.architecture.addItem(str(cfg.architecture), cfg.architecture)
            self.architecture.setCurrentIndex(self.architecture.findData(cfg.architecture))
            for combo, value in ((self.activation, cfg.activation), (self.optimizer, cfg.optimizer),
                                 (self.schedule, cfg.schedule), (self.augmentation, cfg.augmentation)):
                if combo.findText(value) < 0:
                    combo.addItem(value)
                combo.setCurrentText(value)
            self.dropout.setValue(cfg.dropout)
            self.learning_rate.setValue(cfg.learning_rate)
            self.l2.setValue(cfg.l2)
            self.batch_size.setValue(cfg.batch_size)
            self.epochs.setValue(cfg.epochs)
            self.train_size.setValue(min(cfg.train_size, self.max_train_size))
            self.validation_split.setValue(cfg.validation_split)
            self.seed.setValue(cfg.seed)
        finally:
            self._loading = False
        self._on_architecture()

    def apply_preset(self, name: str) -> None:
        if name not in PRESETS:
            raise ValueError(f"unknown preset: {name!r} (known: {', '.join(PRESETS)})")
        self.preset.setCurrentText(name)
        self.set_config(PRESETS[name])

    def _fit(self, cfg: TrainConfig) -> TrainConfig:
        """``cfg`` as this form shows it: no more training images than the dataset has."""
        return dataclasses.replace(cfg, train_size=min(cfg.train_size, self.max_train_size))

    def set_editable(self, editable: bool) -> None:
        """Lock the form while a run trains: its settings were fixed when it started."""
        for widget in (self.preset, *self.fields.values()):
            widget.setEnabled(editable)

    def is_valid(self) -> bool:
        return self.error is None

    def summary(self) -> str:
        try:
            return summary_line(self.config(), classes=10)
        except ValueError:
            return ""

    def _on_preset(self, name: str) -> None:
        if name in PRESETS and not self._loading:
            self.set_config(PRESETS[name])

    def _on_architecture(self, *_args) -> None:
        """For a CNN the hidden layers are the dense head after the convolutions: say so."""
        cnn = self.architecture.currentData() == "cnn"
        label = self.forms["Network"].labelForField(self.hidden)
        label.setText(HIDDEN_CNN_LABEL if cnn else LABELS["hidden"])
        self.hidden.setToolTip(TIPS["hidden_cnn" if cnn else "hidden"])
        self._on_edit()

    def _on_edit(self, *_args) -> None:
        if self._loading:
            return
        cfg, error = None, None
        try:
            cfg = self.config()
            cfg.validate()
            if cfg.train_size > self.max_train_size:
                raise ValueError(f"train_size: at most {self.max_train_size:,} training images are available")
        except ValueError as exc:
            cfg, error = None, plain(str(exc))
        self._show_error(error)
        self._sync_preset(cfg)
        if error != self.error:
            self.error = error
            self.validity_changed.emit(error is None, error or "")
        self.config_changed.emit(cfg)

    def _show_error(self, error: str | None) -> None:
        bad = self._field_named(error) if error else None
        for name, widget in self.fields.items():
            target = widget.spin if name == "learning_rate" else widget
            if bool(target.property("invalid")) != (name == bad):
                target.setProperty("invalid", name == bad)
                _tint(target, name == bad)
        self.reason.setText(f"⚠ {error}" if error else "")
        self.reason.setVisible(bool(error))

    @staticmethod
    def _field_named(message: str) -> str | None:
        """Which field a validate() message is about: the earliest field name it mentions."""
        text = message.lower()
        hits = []
        for name, label in LABELS.items():
            for word in (name, name.replace("_", " "), label.lower()):
                pos = text.find(word)
                if pos >= 0:
                    hits.append((pos, -len(word), name))
        if "hidden" in text:
            hits.append((text.find("hidden"), -6, "hidden"))
        return min(hits)[2] if hits else None

    def _sync_preset(self, cfg: TrainConfig | None) -> None:
        match = next((name for name, p in PRESETS.items() if cfg is not None and self._fit(p) == cfg), CUSTOM)
        if self.preset.currentText() != match:
            self.preset.blockSignals(True)
            self.preset.setCurrentText(match)
            self.preset.blockSignals(False)
        self.preset_note.setText(PRESET_DESCRIPTIONS.get(match, "Your own settings."))
