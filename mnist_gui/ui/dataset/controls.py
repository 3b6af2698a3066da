"""The Dataset tab's controls: split, label filter, prediction filters, order, jump to index, size.

The widget only reports what the person chose (``split_changed``, ``filter_changed``, ``jump_requested``,
``scale_changed``) and hands out the current :class:`~mnist_gui.core.dataset_filters.GridFilter`; the tab
decides what to do. Prediction-dependent controls are disabled, with a tooltip saying why, whenever the
current split has no predictions (no model, or they are still being computed). ``split_word`` and
``shown_class_names`` say how the window names a split in a sentence and the classes, translated (the Inside
tab names its classes with the latter too).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QCheckBox, QComboBox, QHBoxLayout, QLabel, QPushButton, QSlider, QSpinBox,
                               QVBoxLayout, QWidget)

from mnist_gui.core.dataset_filters import GridFilter
from mnist_gui.core.i18n import QT_TR_NOOP, tr
from mnist_gui.data.mnist import DIGIT_NAMES

# the splits' names as the combo box shows them (translated where shown: tr(name))
SPLITS = (("train", QT_TR_NOOP("Training")), ("test", QT_TR_NOOP("Test")), ("mine", QT_TR_NOOP("My digits")))
SPLIT_TIPS = {"train": QT_TR_NOOP("the network learns from the training split"),
              "test": QT_TR_NOOP("the network is judged on the test split it never saw"),
              "mine": QT_TR_NOOP("My digits are the ones you kept on the Draw tab")}
NO_MODEL_TIP = QT_TR_NOOP("No model yet: load or train one (Training tab) to see and filter by its predictions.")
COMPUTING_TIP = QT_TR_NOOP("Computing the model's predictions for this split...")
FAILED_TIP = QT_TR_NOOP("The model's predictions could not be computed for this split.")
# data.mnist.DIGIT_NAMES, the class names a dataset has unless it names its own: marked here for translation
DIGIT_WORDS = (QT_TR_NOOP("zero"), QT_TR_NOOP("one"), QT_TR_NOOP("two"), QT_TR_NOOP("three"), QT_TR_NOOP("four"),
               QT_TR_NOOP("five"), QT_TR_NOOP("six"), QT_TR_NOOP("seven"), QT_TR_NOOP("eight"), QT_TR_NOOP("nine"))


def shown_class_names(names) -> list[str]:
    """Class names as the window shows them (the Dataset and Inside tabs): the default digit names
    ("seven") translated, the names a dataset or model brings of its own as they are."""
    return [tr(str(name)) if name in DIGIT_NAMES else str(name) for name in (names or [])]


def split_word(key: str) -> str:
    """A split's name inside a sentence, translated ("Image #5 of the {split} split": "training")."""
    words = {"train": tr("training", "the split, in a sentence"), "test": tr("test", "the split, in a sentence"),
             "mine": tr("my digits", "the split, in a sentence")}
    return words.get(key, key)


class DatasetControls(QWidget):
    split_changed = Signal(str)
    filter_changed = Signal()
    jump_requested = Signal(int)
    scale_changed = Signal(int)

    def __init__(self, split_sizes: dict[str, int], class_names: list[str], parent=None):
        super().__init__(parent)
        self._make_browsing_controls(split_sizes, class_names)
        self._make_prediction_controls(len(class_names))
        self._lay_out()
        self._connect()
        self._on_scale(self.size_slider.value(), emit=False)
        self.set_split_size(split_sizes[self.split()])
        self.set_predictions_state("none")

    def _make_browsing_controls(self, split_sizes: dict[str, int], class_names: list[str]) -> None:
        """What works without a model: the split, the label filter, jump to an index, thumbnail size."""
        self.split_combo = QComboBox()
        self.split_combo.setAccessibleName(tr("Split"))
        for key, name in SPLITS:
            if key in split_sizes:
                self.split_combo.addItem("", key)
                self.set_split_count(key, split_sizes[key])
        self.split_combo.setToolTip(tr("What to browse: {splits}.").format(
            splits="; ".join(tr(SPLIT_TIPS[k]) for k, _ in SPLITS if k in split_sizes)))
        self.label_combo = QComboBox()
        self.label_combo.setAccessibleName(tr("True label"))
        self.label_combo.addItem(tr("All labels"), None)
        for k, name in enumerate(class_names):
            self.label_combo.addItem(f"{k} ({name})", k)
        self.label_combo.setToolTip(tr("Show only images with this true label."))
        self.jump_label = QLabel(tr("Go to image"))
        self.jump_spin = QSpinBox()
        self.jump_spin.setAccessibleName(tr("Go to image number"))
        self.jump_spin.setAccelerated(True)
        self.jump_button = QPushButton(tr("Go"))
        self.jump_button.setToolTip(tr("Select the image with this index (clears filters that hide it)."))
        self.size_slider = QSlider(Qt.Horizontal)
        self.size_slider.setAccessibleName(tr("Thumbnail size"))
        self.size_slider.setRange(1, 4)
        self.size_slider.setValue(2)
        self.size_slider.setPageStep(1)
        self.size_slider.setFixedWidth(90)
        self.size_label = QLabel()
        self.size_slider.setToolTip(tr("Thumbnail size, in whole multiples of the 28-pixel image."))

    def _make_prediction_controls(self, num_classes: int) -> None:
        """What needs the model's predictions (each with its own tooltip, replaced while unavailable)."""
        self.predicted_combo = QComboBox()
        self.predicted_combo.setAccessibleName(tr("Predicted digit"))
        self.predicted_combo.addItem(tr("Any prediction"), None)
        for k in range(num_classes):
            self.predicted_combo.addItem(tr("Predicted {digit}").format(digit=k), k)
        self.mistakes_check = QCheckBox(tr("Mistakes only"))
        self.order_combo = QComboBox()
        self.order_combo.setAccessibleName(tr("Order"))
        self.order_combo.addItem(tr("Dataset order"), "index")
        self.order_combo.addItem(tr("Least confident first"), "confidence")
        self.clear_button = QPushButton(tr("Clear filters"))
        self.count_label = QLabel()
        self._prediction_tips = {
            self.predicted_combo: tr("Show only images the model predicts as this digit."),
            self.mistakes_check: tr("Show only the images the model gets wrong."),
            self.order_combo: tr("Least confident first: the images the model is least sure about, "
                                 "usually the most confusing ones, come first."),
        }

    def _lay_out(self) -> None:
        """Two rows: browsing on top, the prediction filters and the count below."""
        top = QHBoxLayout()
        for widget in (QLabel(tr("Split:")), self.split_combo, QLabel(tr("Label:")), self.label_combo,
                       self.jump_label, self.jump_spin, self.jump_button):
            top.addWidget(widget)
        top.addStretch(1)
        for widget in (QLabel(tr("Size:")), self.size_slider, self.size_label):
            top.addWidget(widget)
        bottom = QHBoxLayout()
        for widget in (self.predicted_combo, self.mistakes_check, QLabel(tr("Order:")), self.order_combo,
                       self.clear_button):
            bottom.addWidget(widget)
        bottom.addStretch(1)
        bottom.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addLayout(bottom)

    def _connect(self) -> None:
        self.split_combo.currentIndexChanged.connect(lambda _i: self.split_changed.emit(self.split()))
        for combo in (self.label_combo, self.predicted_combo, self.order_combo):
            combo.currentIndexChanged.connect(self.filter_changed)
        self.mistakes_check.toggled.connect(self.filter_changed)
        self.clear_button.clicked.connect(self.clear_filters)
        self.jump_button.clicked.connect(self._on_jump)
        self.jump_spin.lineEdit().returnPressed.connect(self._on_jump)
        self.size_slider.valueChanged.connect(self._on_scale)

    # ---- reading ----

    def split(self) -> str:
        return self.split_combo.currentData()

    def grid_filter(self) -> GridFilter:
        return GridFilter(label=self.label_combo.currentData(), predicted=self.predicted_combo.currentData(),
                          mistakes_only=self.mistakes_check.isChecked(), order=self.order_combo.currentData())

    # ---- writing (without echoing signals) ----

    def set_filter(self, grid_filter: GridFilter, emit: bool = True) -> None:
        """Show ``grid_filter`` in the controls; one ``filter_changed`` afterwards if emit."""
        f = grid_filter
        label, predicted = f.label, f.predicted
        if f.cell is not None:
            label, predicted = f.cell
        widgets = (self.label_combo, self.predicted_combo, self.mistakes_check, self.order_combo)
        for w in widgets:
            w.blockSignals(True)
        try:
            self.label_combo.setCurrentIndex(self.label_combo.findData(label) if label is not None else 0)
            self.predicted_combo.setCurrentIndex(
                self.predicted_combo.findData(predicted) if predicted is not None else 0)
            self.mistakes_check.setChecked(f.mistakes_only)
            self.order_combo.setCurrentIndex(max(0, self.order_combo.findData(f.order)))
        finally:
            for w in widgets:
                w.blockSignals(False)
        if emit:
            self.filter_changed.emit()

    def clear_filters(self) -> None:
        self.set_filter(GridFilter())

    def set_split_size(self, n: int) -> None:
        self.jump_spin.setRange(0, max(0, n - 1))
        self.jump_spin.setToolTip(tr("Index of an image in the split, 0 to {last:,}.").format(last=max(0, n - 1)))
        self.jump_spin.setMinimumWidth(self.jump_spin.fontMetrics().horizontalAdvance("000000") + 40)

    def set_split_count(self, key: str, n: int) -> None:
        """The size shown beside a split's name (My digits changes as digits are kept and deleted)."""
        i = self.split_combo.findData(key)
        text = (tr("{split} ({n:,} digit(s))", None, n) if key == "mine" else tr("{split} ({n:,} image(s))", None, n))
        self.split_combo.setItemText(i, text.format(split=tr(dict(SPLITS)[key]), n=n))

    def set_count(self, shown: int, total: int) -> None:
        self.count_label.setText(tr("Showing {shown:,} of {total:,} image(s)", None, total).format(shown=shown,
                                                                                                  total=total))

    def set_predictions_state(self, state: str) -> None:
        """'ready' enables the prediction controls; 'none', 'computing' or 'failed' disables them."""
        tip = {"none": NO_MODEL_TIP, "computing": COMPUTING_TIP, "failed": FAILED_TIP}.get(state)
        for widget, own_tip in self._prediction_tips.items():
            widget.setEnabled(tip is None)
            widget.setToolTip(own_tip if tip is None else tr(tip))

    def predictions_enabled(self) -> bool:
        return self.mistakes_check.isEnabled()

    def _on_jump(self) -> None:
        self.jump_spin.interpretText()
        self.jump_requested.emit(self.jump_spin.value())

    def _on_scale(self, value: int, emit: bool = True) -> None:
        self.size_label.setText(tr("{pixels} px").format(pixels=28 * value))
        if emit:
            self.scale_changed.emit(value)
