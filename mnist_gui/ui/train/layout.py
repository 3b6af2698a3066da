"""The Training tab's widgets and layout (what Qt Designer's ``setupUi`` would do), kept apart from its
behaviour in tab.py.

Left: the settings form (scrolling if the window is short) with the augmentation preview, Start / Pause /
Stop, the progress bar.
Right: a message banner, the summary line, the curves and, below them, two tabs: the runs table and the
first-layer weights beside the log, and "Inside training" (gradient sizes, dead ReLUs, weight histograms):
tabs, so each has the whole width without the window growing.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QPlainTextEdit, QProgressBar, QPushButton, QScrollArea,
                               QSplitter, QTabWidget, QVBoxLayout, QWidget)

from mnist_gui.core.i18n import tr
from mnist_gui.ui.train.augment_preview import AugmentPreview
from mnist_gui.ui.widgets.banner import Banner
from mnist_gui.ui.train.controls import TrainingControls
from mnist_gui.ui.train.inside_training import InsideTrainingView
from mnist_gui.ui.train.plots import TrainingPlots
from mnist_gui.ui.train.runs_panel import RunsPanel
from mnist_gui.ui.train.weights_view import WeightsView
from mnist_gui.ui.widgets.fitting_tabs import WrappedLabel


def setup_ui(tab) -> None:
    """Create the tab's widgets as attributes of ``tab`` (a TrainingTab with ``dataset`` and ``store`` set)."""
    layout = QHBoxLayout(tab)
    layout.addWidget(_left_panel(tab))
    layout.addWidget(_right_panel(tab), 1)


def _left_panel(tab) -> QWidget:
    """The settings form with the augmentation preview, Start / Pause / Stop and the progress bar."""
    tab.controls = TrainingControls(max_train_size=len(tab.dataset.x_train))
    tab.augment_preview = AugmentPreview(tab.dataset.x_train, tab.dataset.y_train)
    tab.controls.forms["Data"].insertRow(1, tab.augment_preview)   # under the Augmentation choice
    tab.start_button = QPushButton(tr("Start"))
    tab.start_button.setDefault(True)
    tab.pause_button = QPushButton(tr("Pause"))
    tab.stop_button = QPushButton(tr("Stop"))
    tab.pause_button.setToolTip(tr("Hold the training after the current batch; press again to go on."))
    tab.stop_button.setToolTip(tr("End the run after the current batch. The network keeps what it learned."))
    tab.progress = QProgressBar(textVisible=True)
    tab.progress.setFormat(tr("Ready"))
    tab.progress.setValue(0)
    tab.progress_detail = QLabel(" ", wordWrap=True)

    form_scroll = QScrollArea(widgetResizable=True, frameShape=QScrollArea.NoFrame)
    form_scroll.setWidget(tab.controls)
    form_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
    buttons = QHBoxLayout()
    for b in (tab.start_button, tab.pause_button, tab.stop_button):
        buttons.addWidget(b)
    left = QWidget()
    left_layout = QVBoxLayout(left)
    left_layout.setContentsMargins(0, 0, 0, 0)
    left_layout.addWidget(form_scroll, 1)
    left_layout.addLayout(buttons)
    left_layout.addWidget(tab.progress)
    left_layout.addWidget(tab.progress_detail)
    left.setMinimumWidth(300)
    left.setMaximumWidth(420)
    return left


def _right_panel(tab) -> QWidget:
    """The banner and summary line over the curves, with the runs table, the weights and the log below."""
    tab.banner = Banner()
    tab.summary = WrappedLabel(textInteractionFlags=Qt.TextSelectableByMouse)   # all its lines, in a short window
    tab.summary.setToolTip(tr("The network these settings build: layer sizes, number of weights to learn, "
                               "and how long the run is."))
    font = tab.summary.font()
    font.setBold(True)
    tab.summary.setFont(font)
    tab.plots = TrainingPlots()
    tab.runs = RunsPanel(tab.store)
    tab.weights = WeightsView()
    tab.log = QPlainTextEdit(readOnly=True, maximumBlockCount=5000)
    tab.log.setAccessibleName(tr("Training log"))
    tab.log.setPlaceholderText(tr("One line per epoch appears here while a network trains."))
    tab.log.setToolTip(tr("What happened in each run, one line per epoch."))
    bottom = QSplitter(Qt.Horizontal)
    bottom.addWidget(tab.weights)
    log_box = QWidget()
    log_layout = QVBoxLayout(log_box)
    log_layout.setContentsMargins(8, 0, 0, 0)       # a gap between the weights' caption and "Log"
    log_layout.addWidget(QLabel(tr("Log")))
    log_layout.addWidget(tab.log)
    bottom.addWidget(log_box)
    bottom.setSizes([360, 500])
    tab.lower_tabs = QTabWidget(documentMode=True)
    tab.lower_tabs.addTab(tab.runs, tr("Runs"))
    tab.lower_tabs.addTab(bottom, tr("First layer and log"))
    tab.inside_training = InsideTrainingView()
    tab.lower_tabs.addTab(tab.inside_training, tr("Inside training"))
    tab.lower_tabs.setTabToolTip(2, tr("Gradient sizes, dead ReLUs and weight histograms, live while a network "
                                       "trains"))
    right_split = QSplitter(Qt.Vertical)
    right_split.addWidget(tab.plots)
    right_split.addWidget(tab.lower_tabs)
    right_split.setStretchFactor(0, 3)
    right_split.setStretchFactor(1, 2)
    right_split.setSizes([440, 300])
    right = QWidget()
    right_layout = QVBoxLayout(right)
    right_layout.setContentsMargins(0, 0, 0, 0)
    right_layout.addWidget(tab.banner)
    right_layout.addWidget(tab.summary)
    right_layout.addWidget(right_split, 1)
    return right
