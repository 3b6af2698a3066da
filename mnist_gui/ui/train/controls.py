"""The Training tab's settings form: presets, every TrainConfig field, validation and a summary line.

Every field keeps what the user types (number fields are :class:`~mnist_gui.ui.train.log_spinbox.NumberBox`,
which never clamp or drop text). On every edit each number field is read on its own
(``mnist_gui.core.train_form``, whose ranges and messages are the ones ``TrainConfig.validate()`` and the CLI
use), then the whole :class:`~mnist_gui.nn.presets.TrainConfig` is checked with ``validate()``. A bad value
is refused at the control: the field turns red, its tooltip and the message line under the form give the
reason with the valid range, and ``validity_changed(False, reason)`` lets the tab disable Start. Nothing
here trains or builds a network; the parameter count is worked out directly.
"""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from mnist_gui.core.i18n import QT_TR_NOOP, tr
from mnist_gui.data.augment import AUGMENTATION_PRESETS
from mnist_gui.nn.optimizers import OPTIMIZERS
from mnist_gui.core import train_form
from mnist_gui.nn.presets import HIDDEN_ACTIVATIONS, LIMITS, PRESETS, SCHEDULE_NAMES, TrainConfig
from mnist_gui.core.train_choices import CUSTOM, PRESET_DESCRIPTIONS, described
from mnist_gui.ui.train.choices import choose, fill
from mnist_gui.ui.train.log_spinbox import LogSlider, NumberBox
from mnist_gui.ui.theme import ERROR_COLOR
from mnist_gui.core.settings import DEFAULT_PRESET
from mnist_gui.core.training_text import (ARCHITECTURES, HIDDEN_CNN_LABEL, LABELS, label, parse_hidden, plain,
                                          summary_line, tip)

SEED_MAX = LIMITS["seed"].high   # the largest seed TrainConfig.validate() accepts (and the CLI takes)
SLIDER_RANGE = (1e-5, 10.0)      # the learning-rate slider's ends; typed values may lie beyond the lower one
# the form's groups: (key, title shown translated), and the fields in each
GROUPS = (("Network", QT_TR_NOOP("Network"), ("architecture", "hidden", "activation", "dropout")),
          ("Optimizer", QT_TR_NOOP("Optimizer"), ("optimizer", "learning_rate", "schedule", "l2")),
          ("Data", QT_TR_NOOP("Data"), ("augmentation", "batch_size", "epochs", "train_size", "validation_split",
                                        "seed")))


def _in_sentence(text: str) -> str:
    """A field's name or a reason inside a sentence: English starts it in lower case ("learning rate 0.5"),
    German keeps the capital of its nouns (the translation of the choice below says which)."""
    keep = tr("lower", "the Train tab's form: inside a sentence a field's name starts in lower case ('lower') "
                       "or keeps its capital ('keep')") != "lower"
    return text if keep else text[:1].lower() + text[1:]


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
        self.apply_preset(DEFAULT_PRESET)

    def _build(self) -> None:
        self._make_fields()
        self._lay_out()
        self.preset.setToolTip(tip("preset"))
        for name, widget in self.fields.items():
            widget.setToolTip(tip(name))
        self.preset.currentIndexChanged.connect(lambda _i: self._on_preset(self.preset.currentData()))
        self.hidden.textChanged.connect(self._on_edit)
        self.architecture.currentIndexChanged.connect(self._on_architecture)
        for combo in (self.activation, self.optimizer, self.schedule, self.augmentation):
            combo.currentIndexChanged.connect(self._on_edit)
        for name in train_form.NUMBER_FIELDS:
            if name != "learning_rate":
                self.fields[name].edited.connect(self._on_edit)
        self.learning_rate.value_changed.connect(self._on_edit)

    def _make_fields(self) -> None:
        self.preset = QComboBox()
        fill(self.preset, [*PRESETS, CUSTOM])   # each box shows its names in words, keeps them as data
        self.preset_note = QLabel(wordWrap=True)
        self.preset_note.setObjectName("presetNote")
        self.architecture = QComboBox()
        for key, text in ARCHITECTURES.items():
            self.architecture.addItem(tr(text), key)
        # elide rather than widen the form past its scroll area
        self.architecture.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.architecture.setMinimumContentsLength(8)
        self.hidden = QLineEdit(placeholderText=tr("e.g. 128 or 512, 512"))
        self.activation, self.optimizer, self.schedule = QComboBox(), QComboBox(), QComboBox()
        self.augmentation = QComboBox()
        for combo, names in ((self.augmentation, AUGMENTATION_PRESETS), (self.activation, HIDDEN_ACTIVATIONS),
                             (self.optimizer, OPTIMIZERS), (self.schedule, SCHEDULE_NAMES)):
            fill(combo, list(names))
        for name in train_form.NUMBER_FIELDS:
            setattr(self, name, LogSlider(*SLIDER_RANGE) if name == "learning_rate" else NumberBox(name))
        self.fields = {name: getattr(self, name) for name in LABELS}

    def _lay_out(self) -> None:
        self.forms: dict[str, QFormLayout] = {}     # by the group's English key: "Network", "Optimizer", "Data"
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        top = QFormLayout()
        top.addRow(tr("Preset"), self.preset)
        top.addRow(self.preset_note)
        layout.addLayout(top)
        for key, title, names in GROUPS:
            box = QGroupBox(tr(title))
            form = self.forms[key] = QFormLayout(box)
            for name in names:
                form.addRow(label(name), self.fields[name])
            layout.addWidget(box)
        self.reason = QLabel(wordWrap=True)
        self.reason.setStyleSheet(f"color: {ERROR_COLOR};")
        self.reason.hide()
        layout.addWidget(self.reason)
        layout.addStretch(1)

    def config(self) -> TrainConfig:
        """The settings as a TrainConfig (not validated, so possibly out of range); ValueError if a field
        is not a number at all."""
        return TrainConfig(
            architecture=self.architecture.currentData(), augmentation=self.augmentation.currentData(),
            hidden=parse_hidden(self.hidden.text()), activation=self.activation.currentData(),
            dropout=self.dropout.value(), optimizer=self.optimizer.currentData(),
            learning_rate=self.learning_rate.value(), schedule=self.schedule.currentData(),
            batch_size=self.batch_size.value(), epochs=self.epochs.value(), l2=self.l2.value(),
            train_size=self.train_size.value(), validation_split=self.validation_split.value(),
            seed=self.seed.value())

    def set_config(self, cfg: TrainConfig) -> None:
        """Show ``cfg`` in the form (the preset box follows if it matches a preset)."""
        self._loading = True
        try:
            self.hidden.setText(", ".join(str(h) for h in cfg.hidden))
            # a name validate() refuses is added, shown as it came
            for combo, value in ((self.architecture, cfg.architecture), (self.activation, cfg.activation),
                                 (self.optimizer, cfg.optimizer),
                                 (self.schedule, cfg.schedule), (self.augmentation, cfg.augmentation)):
                choose(combo, value)
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

    def show_saved(self, cfg: TrainConfig) -> str | None:
        """Show a remembered ``cfg``; if the form refuses it (``validate()`` does, or it asks for more training
        images than the data set has), show the default preset instead and say why, in plain words."""
        self.set_config(cfg)
        wanted = self._fit(cfg)
        if self.is_valid() and self.config() == wanted:
            return None
        shown = self.config() if self.is_valid() else wanted
        changed = [f"{_in_sentence(label(f.name))} {getattr(wanted, f.name)!r}"
                   for f in dataclasses.fields(wanted) if getattr(shown, f.name) != getattr(wanted, f.name)]
        why = self.error or tr("the form cannot show {settings}").format(settings=", ".join(changed))
        self.apply_preset(DEFAULT_PRESET)
        return tr("the network and training settings: {why}").format(why=_in_sentence(why))

    def apply_preset(self, name: str) -> None:
        if name not in PRESETS:
            raise ValueError(f"unknown preset: {name!r} (known: {', '.join(PRESETS)})")
        choose(self.preset, name)
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
        shown = self.forms["Network"].labelForField(self.hidden)
        shown.setText(tr(HIDDEN_CNN_LABEL) if cnn else label("hidden"))
        self.hidden.setToolTip(tip("hidden_cnn" if cnn else "hidden"))
        self._on_edit()

    def _on_edit(self, *_args) -> None:
        if self._loading:
            return
        problems = self.problems()
        cfg = None if problems else self.config()
        error = next(iter(problems.values()), None)
        if len(problems) > 1:   # every wrong field is red with its own reason; the line names them all
            others = [label(name) for name in list(problems)[1:]]
            error = tr("{error} (also wrong: {fields}; see the red fields)").format(error=error,
                                                                                    fields=", ".join(others))
        self._show_problems(problems)
        self._sync_preset(cfg)
        if error != self.error:
            self.error = error
            self.validity_changed.emit(error is None, error or "")
        self.config_changed.emit(cfg)

    def problems(self) -> dict[str, str]:
        """What is wrong, field by field (in the form's order), in the form's words; empty when the settings
        can be used. Each number field is read on its own first, so two wrong fields are both named."""
        found = {}
        for name in train_form.NUMBER_FIELDS:
            widget = self.fields[name]
            problem = train_form.problem(name, (widget.spin if name == "learning_rate" else widget).text_value())
            if problem:
                found[name] = plain(problem)
        try:
            parse_hidden(self.hidden.text())
        except ValueError as exc:
            found["hidden"] = plain(str(exc))
        if not found:
            try:
                cfg = self.config()
                cfg.validate()
            except ValueError as exc:
                message = plain(str(exc))
                found[self._field_named(message) or "preset"] = message
            else:
                if cfg.train_size > self.max_train_size:
                    found["train_size"] = tr("Training images: at most {n:,} training images are "
                                             "available").format(n=self.max_train_size)
        order = list(self.fields)
        return dict(sorted(found.items(), key=lambda item: order.index(item[0]) if item[0] in order else -1))

    def _show_problems(self, problems: dict[str, str]) -> None:
        for name, widget in self.fields.items():
            target = widget.spin if name == "learning_rate" else widget
            bad = name in problems
            if bool(target.property("invalid")) != bad:
                target.setProperty("invalid", bad)
                _tint(target, bad)
            hint = tip("hidden_cnn" if name == "hidden" and self.architecture.currentData() == "cnn" else name)
            widget.setToolTip(f"⚠ {problems[name]}\n\n{hint}" if bad else hint)
        self.reason.setText("\n".join(f"⚠ {text}" for text in problems.values()))
        self.reason.setVisible(bool(problems))

    @staticmethod
    def _field_named(message: str) -> str | None:
        """Which field a validate() message is about: the earliest field name it mentions."""
        text = message.lower()
        hits = []
        for name, words in LABELS.items():   # English: the words validate()'s messages use
            for word in (name, name.replace("_", " "), words.lower()):
                pos = text.find(word)
                if pos >= 0:
                    hits.append((pos, -len(word), name))
        if "hidden" in text:
            hits.append((text.find("hidden"), -6, "hidden"))
        return min(hits)[2] if hits else None

    def _sync_preset(self, cfg: TrainConfig | None) -> None:
        match = next((name for name, p in PRESETS.items() if cfg is not None and self._fit(p) == cfg), CUSTOM)
        if self.preset.currentData() != match:
            self.preset.blockSignals(True)
            choose(self.preset, match)
            self.preset.blockSignals(False)
        self.preset_note.setText(described(PRESET_DESCRIPTIONS, match, tr("Your own settings.")))
