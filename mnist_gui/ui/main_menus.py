"""The main window's menus, shortcuts, the two Help dialogs (About, Keyboard shortcuts) and the question
asked when closing would lose a trained network (``ask_before_closing``).

``build(window)`` creates the actions, puts them in the File (with Use default model and Export training
curves), View, Training and Help menus and returns them by name, so the window can enable and relabel
them. Space starts or pauses training through its own shortcut: when a button, check box or list has the
keyboard focus, Space goes to that widget as usual, and text fields keep it because Qt lets them claim
printable keys first.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialog, QDialogButtonBox, QLabel,
                               QMenu, QMessageBox, QVBoxLayout)

import mnist_gui
from mnist_gui.ui.train.plot_toolbar import EXPORTS

SHORTCUTS = [
    ("Ctrl+O", "Open a model file"),
    ("Ctrl+S", "Save the current model"),
    ("Ctrl+Shift+S", "Save the current model under a new name"),
    ("Space or Ctrl+Enter", "Start training, or pause and resume it (Train tab; not while typing in a field)"),
    ("Ctrl+1, Ctrl+2, Ctrl+3", "Show the Train, Dataset or Draw tab"),
    ("F1", "This list"),
    ("Ctrl+Q", "Quit"),
    ("Mouse wheel, drag", "Zoom and pan a plot; right-click for its menu, the small A button resets the view"),
]

ABOUT = """<h3>mnist-gui {version}</h3>
<p>Watch a neural network learn to read handwritten digits: train it, look at the data, draw your own.
The network is a small NumPy engine written for reading.</p>
<p>Licence: MIT.</p>
<p>The MNIST database of handwritten digits is by Yann LeCun, Corinna Cortes and Christopher J.C. Burges,
and is used under the Creative Commons Attribution-Share Alike 3.0 licence (CC BY-SA 3.0).</p>
<p>Built with Qt for Python (PySide6, LGPL), pyqtgraph (MIT) and NumPy (BSD).</p>"""


def _action(window, text: str, slot, shortcut=None, tip: str = "", checkable: bool = False) -> QAction:
    action = QAction(text, window)
    if shortcut is not None:
        action.setShortcuts([QKeySequence(s) for s in shortcut] if isinstance(shortcut, list)
                            else [QKeySequence(shortcut)])
    action.setStatusTip(tip)
    action.setToolTip(tip or text.replace("&", "").rstrip("…"))
    action.setCheckable(checkable)
    action.triggered.connect(slot)
    return action


def build(window) -> dict[str, QAction]:
    a = _make_actions(window)
    _fill_menu_bar(window, a)
    space = window.space_shortcut = QShortcut(QKeySequence(Qt.Key_Space), window)
    space.activated.connect(lambda: _on_space(window))
    return a


def _make_actions(window) -> dict[str, QAction]:
    tab = window.training_tab
    a = {
        "open": _action(window, "&Open model…", lambda: window.open_model(), "Ctrl+O", "Open a saved model file"),
        "use_default": _action(window, "Use &default model", lambda: window.use_default_model(), None,
                               "Make the bundled default model the one every tab uses"),
        "save": _action(window, "&Save model", lambda: window.save_model(), "Ctrl+S", "Save the current model"),
        "save_as": _action(window, "Save model &as…", lambda: window.save_model_as(), "Ctrl+Shift+S",
                           "Save the current model under a new name"),
        "quit": _action(window, "&Quit", window.close, "Ctrl+Q", "Close mnist-gui"),
        "show_earlier": _action(window, "Show &earlier runs", tab.plots.set_show_earlier, None,
                                "Show the runs before this one as faint curves", checkable=True),
        "clear_earlier": _action(window, "&Clear earlier runs", tab.plots.clear_earlier, None,
                                 "Remove the earlier runs from the plots"),
        "start_pause": _action(window, "&Start training", tab.start_or_pause, ["Ctrl+Return", "Ctrl+Enter"],
                               "Start training, or pause and resume it (also Space)"),
        "stop": _action(window, "S&top training", tab.stop, None, "End the run after the current batch"),
        "shortcuts": _action(window, "&Keyboard shortcuts", lambda: show_shortcuts(window), "F1",
                             "List the keyboard shortcuts"),
        "about": _action(window, "&About mnist-gui", lambda: show_about(window), None,
                         "Version, licence and where MNIST comes from"),
    }
    for kind, text in EXPORTS.items():
        a[f"export_{kind}"] = _action(window, text, lambda _=False, k=kind: window.export_curves(k), None,
                                      "Save the training curves' numbers" if kind == "csv"
                                      else f"Save a picture of the training curves ({kind.upper()})")
    a["quit"].setMenuRole(QAction.QuitRole)
    a["about"].setMenuRole(QAction.AboutRole)
    a["show_earlier"].setChecked(tab.plots.show_earlier.isChecked())
    return a


def _fill_menu_bar(window, a: dict[str, QAction]) -> None:
    bar = window.menuBar()
    file_menu = bar.addMenu("&File")
    file_menu.addAction(a["open"])
    recent = window.recent_menu = QMenu("Open &recent", window)
    recent.aboutToShow.connect(lambda: _fill_recent(window, recent))
    _fill_recent(window, recent)
    file_menu.addMenu(recent)
    file_menu.addAction(a["use_default"])
    file_menu.addSeparator()
    file_menu.addActions([a["save"], a["save_as"]])
    export = file_menu.addMenu("&Export training curves")
    export.addActions([a[f"export_{kind}"] for kind in EXPORTS])
    file_menu.addSeparator()
    file_menu.addAction(a["quit"])

    view = bar.addMenu("&View")
    for i, name in enumerate(("&Train", "&Dataset", "D&raw", "&Inside")):
        action = _action(window, f"{name} tab", lambda _=False, i=i: window.tabs.setCurrentIndex(i), f"Ctrl+{i + 1}")
        a[f"tab{i}"] = action
        view.addAction(action)
    view.addSeparator()
    view.addActions([a["show_earlier"], a["clear_earlier"]])

    training = bar.addMenu("T&raining")
    training.addActions([a["start_pause"], a["stop"]])
    training.aboutToShow.connect(window._update_actions)   # "Pause" or "Resume" as it is now

    help_menu = bar.addMenu("&Help")
    help_menu.addActions([a["shortcuts"], a["about"]])


def _on_space(window) -> None:
    focus = QApplication.focusWidget()
    # Space belongs to the focused control first (keyboard users press buttons with it)
    if isinstance(focus, QAbstractButton) and focus.isEnabled():
        focus.animateClick()
    elif isinstance(focus, QComboBox) and focus.isEnabled():
        focus.showPopup()
    elif window.tabs.currentWidget() is window.training_tab:
        window.training_tab.start_or_pause()


def _fill_recent(window, menu: QMenu) -> None:
    menu.clear()
    paths = window.recent_models()
    for i, path in enumerate(paths, start=1):
        action = menu.addAction(f"&{i} {Path(path).name}")
        action.setToolTip(path)
        action.setStatusTip(path)
        action.triggered.connect(lambda _=False, p=path: window.open_model(p))
    if paths:
        menu.addSeparator()
    clear = menu.addAction("Clear list")
    clear.setEnabled(bool(paths))
    clear.triggered.connect(window.clear_recent)
    menu.setToolTipsVisible(True)


def show_about(window) -> QMessageBox:
    box = QMessageBox(QMessageBox.NoIcon, "About mnist-gui", ABOUT.format(version=mnist_gui.__version__),
                      QMessageBox.Ok, window)
    box.setTextFormat(Qt.RichText)
    box.setIconPixmap(window.windowIcon().pixmap(64, 64))
    box.setAttribute(Qt.WA_DeleteOnClose)
    box.open()
    return box


def show_shortcuts(window) -> QDialog:
    dialog = QDialog(window)
    dialog.setWindowTitle("Keyboard shortcuts")
    dialog.setAttribute(Qt.WA_DeleteOnClose)
    rows = "".join(f"<tr><td style='padding-right:16px'><b>{k}</b></td><td>{v}</td></tr>" for k, v in SHORTCUTS)
    label = QLabel(f"<table cellspacing='4'>{rows}</table>", textFormat=Qt.RichText, wordWrap=True)
    buttons = QDialogButtonBox(QDialogButtonBox.Close)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(label)
    layout.addWidget(buttons)
    dialog.resize(560, dialog.sizeHint().height())
    dialog.open()
    return dialog


def ask_before_closing(window, names: list[str], answered) -> QMessageBox:
    """Save / Discard / Cancel for trained networks kept nowhere; ``answered(button)`` gets the choice
    (Cancel when the box is closed otherwise). Opened window-modal, so it never blocks the event loop."""
    box = QMessageBox(QMessageBox.Question, "Unsaved trained model",
                      f"{', '.join(names)} {'is' if len(names) == 1 else 'are'} not saved anywhere and would "
                      "be lost.", QMessageBox.Save | QMessageBox.Discard | QMessageBox.Cancel, window)
    box.setInformativeText("Save writes a model file; Discard closes without it.")
    box.setDefaultButton(QMessageBox.Save)
    box.setAttribute(Qt.WA_DeleteOnClose)
    box.finished.connect(lambda _=0: answered(box.standardButton(box.clickedButton()) if box.clickedButton()
                                              else QMessageBox.Cancel))
    box.open()
    return box
