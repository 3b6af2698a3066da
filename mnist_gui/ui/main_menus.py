"""The main window's menus, shortcuts, the two Help dialogs (About, Keyboard shortcuts) and the question
asked when closing would lose a trained network (``ask_before_closing``).

``build(window)`` creates the actions, puts them in the File (with Use default model and Export training
curves), View (with Theme, and Language from ``ui/translation.py``), Training and Help menus and returns
them by name, so the window can enable and relabel them. Space starts or pauses training through its own
shortcut: when a button, check box or list has the keyboard focus, Space goes to that widget as usual, and
text fields keep it because Qt lets them claim printable keys first. File > Export as ONNX is
``export_onnx`` here (the conversion is ``mnist_gui.nn.onnx_export``).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QShortcut
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialog, QDialogButtonBox, QFrame, QLabel,
                               QMenu, QMessageBox, QScrollArea, QVBoxLayout)

import mnist_gui
from mnist_gui.core.i18n import QT_TR_NOOP, tr
from mnist_gui.ui.accessibility import focus_page
from mnist_gui.ui.shortcut_list import shortcut_groups, shortcut_table_html
from mnist_gui.ui import translation
from mnist_gui.ui.theme import THEMES
from mnist_gui.ui.train.plot_toolbar import EXPORTS

THEME_TIPS = {"system": QT_TR_NOOP("Light or dark as the system is set"),
              "light": QT_TR_NOOP("Dark text on light backgrounds"),
              "dark": QT_TR_NOOP("Light text on dark backgrounds")}
# View > Train tab ... (Ctrl+1 ...), in tab order: (menu text, status tip)
TAB_ACTIONS = ((QT_TR_NOOP("&Train tab"), QT_TR_NOOP("Show the Train tab")),
               (QT_TR_NOOP("&Dataset tab"), QT_TR_NOOP("Show the Dataset tab")),
               (QT_TR_NOOP("D&raw tab"), QT_TR_NOOP("Show the Draw tab")),
               (QT_TR_NOOP("&Inside tab"), QT_TR_NOOP("Show the Inside tab")))

ABOUT = QT_TR_NOOP("""<h3>mnist-gui {version}</h3>
<p>Watch a neural network learn to read handwritten digits: train it, look at the data, draw your own.
The network is a small NumPy engine written for reading.</p>
<p>Licence: MIT.</p>
<p>The MNIST database of handwritten digits is by Yann LeCun, Corinna Cortes and Christopher J.C. Burges,
and is used under the Creative Commons Attribution-Share Alike 3.0 licence (CC BY-SA 3.0).</p>
<p>Built with Qt for Python (PySide6, LGPL), pyqtgraph (MIT) and NumPy (BSD).</p>""")


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
    space.setWhatsThis(tr("Start training, or pause and resume it (Train tab; not while typing in a field)"))
    space.activated.connect(lambda: _on_space(window))
    return a


def _make_actions(window) -> dict[str, QAction]:
    tab = window.training_tab
    a = {
        "open": _action(window, tr("&Open model…"), lambda: window.open_model(), "Ctrl+O",
                        tr("Open a saved model file")),
        "use_default": _action(window, tr("Use &default model"), lambda: window.use_default_model(), None,
                               tr("Make the bundled default model the one every tab uses")),
        "save": _action(window, tr("&Save model"), lambda: window.save_model(), "Ctrl+S",
                        tr("Save the current model")),
        "save_as": _action(window, tr("Save model &as…"), lambda: window.save_model_as(), "Ctrl+Shift+S",
                           tr("Save the current model under a new name")),
        "export_onnx": _action(window, tr("E&xport as ONNX…"), lambda: export_onnx(window), None,
                               tr("Write the current model as an ONNX file, for onnxruntime and other tools")),
        "quit": _action(window, tr("&Quit"), window.request_quit, "Ctrl+Q", tr("Close mnist-gui")),
        "show_earlier": _action(window, tr("Show &earlier runs"), tab.plots.set_show_earlier, None,
                                tr("Show the runs before this one as faint curves"), checkable=True),
        "clear_earlier": _action(window, tr("&Clear earlier runs"), tab.plots.clear_earlier, None,
                                 tr("Remove the earlier runs from the plots")),
        "start_pause": _action(window, tr("&Start training"), tab.start_or_pause, ["Ctrl+Return", "Ctrl+Enter"],
                               tr("Start training, or pause and resume it (also Space)")),
        "stop": _action(window, tr("S&top training"), tab.stop, "Ctrl+.", tr("End the run after the current batch")),
        "shortcuts": _action(window, tr("&Keyboard shortcuts"), lambda: show_shortcuts(window), "F1",
                             tr("List the keyboard shortcuts")),
        "about": _action(window, tr("&About mnist-gui"), lambda: show_about(window), None,
                         tr("Version, licence and where MNIST comes from")),
    }
    for kind, text in EXPORTS.items():
        a[f"export_{kind}"] = _action(window, tr(text), lambda _=False, k=kind: window.export_curves(k), None,
                                      tr("Save the training curves' numbers") if kind == "csv"
                                      else tr("Save a picture of the training curves ({format})").format(
                                          format=kind.upper()))
    a["quit"].setMenuRole(QAction.QuitRole)
    a["about"].setMenuRole(QAction.AboutRole)
    a["show_earlier"].setChecked(tab.plots.show_earlier.isChecked())
    a["export_onnx"].setEnabled(window.model is not None)
    window.current_model_changed.connect(lambda model: a["export_onnx"].setEnabled(model is not None))
    return a


def _fill_menu_bar(window, a: dict[str, QAction]) -> None:
    bar = window.menuBar()
    file_menu = bar.addMenu(tr("&File"))
    file_menu.addAction(a["open"])
    recent = window.recent_menu = QMenu(tr("Open &recent"), window)
    recent.aboutToShow.connect(lambda: _fill_recent(window, recent))
    _fill_recent(window, recent)
    file_menu.addMenu(recent)
    file_menu.addAction(a["use_default"])
    file_menu.addSeparator()
    file_menu.addActions([a["save"], a["save_as"]])
    file_menu.addAction(a["export_onnx"])
    export = file_menu.addMenu(tr("&Export training curves"))
    export.addActions([a[f"export_{kind}"] for kind in EXPORTS])
    file_menu.addSeparator()
    file_menu.addAction(a["quit"])

    view = bar.addMenu(tr("&View"))
    for i, (text, tip) in enumerate(TAB_ACTIONS):
        action = _action(window, tr(text), lambda _=False, i=i: _show_tab(window, i), f"Ctrl+{i + 1}", tr(tip))
        a[f"tab{i}"] = action
        view.addAction(action)
    view.addSeparator()
    view.addActions([a["show_earlier"], a["clear_earlier"]])
    view.addSeparator()
    themes = view.addMenu(tr("T&heme"))
    group = QActionGroup(window)
    for key, text in THEMES.items():
        a[f"theme_{key}"] = action = _action(window, tr(text), lambda _=False, k=key: window.set_theme(k), None,
                                             tr(THEME_TIPS[key]), checkable=True)
        group.addAction(action)
        themes.addAction(action)
    translation.add_language_menu(window, view, a)     # View → Language (ui/translation.py)

    training = bar.addMenu(tr("T&raining"))
    training.addActions([a["start_pause"], a["stop"]])
    training.aboutToShow.connect(window._update_actions)   # "Pause" or "Resume" as it is now

    help_menu = bar.addMenu(tr("&Help"))
    help_menu.addActions([a["shortcuts"], a["about"]])


def _show_tab(window, index: int) -> None:
    """Ctrl+1 ...: show the tab and put the keyboard on it, so its keys work at once (digit keys on the pad)."""
    window.tabs.setCurrentIndex(index)
    page = window.tabs.widget(index)
    # where each tab's keys act: the grid (arrows, Enter) and the layers (arrows); the pad is the Draw tab's proxy
    home = {window.dataset_tab: getattr(window.dataset_tab, "grid", None),
            window.inside_tab: getattr(window.inside_tab, "network", None)}.get(page)
    if home is not None and home.isVisible():
        home.setFocus(Qt.ShortcutFocusReason)
    else:
        focus_page(page)


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
    clear = menu.addAction(tr("Clear list"))
    clear.setEnabled(bool(paths))
    clear.triggered.connect(window.clear_recent)
    menu.setToolTipsVisible(True)


def export_onnx(window, path: str | Path | None = None) -> bool:
    """File > Export as ONNX: the model every tab uses, as an ONNX file (``path``, or asked for). Without the
    optional onnx package the user is told what to install before any file dialog opens."""
    import importlib.util

    from PySide6.QtWidgets import QFileDialog

    from mnist_gui.core.models import file_stem
    from mnist_gui.core.training_text import file_error
    from mnist_gui.nn import onnx_export

    if window.model is None:
        window.show_error(tr("Nothing to export"),
                          tr("There is no current model: train one or open a model file first."))
        return False
    if importlib.util.find_spec("onnx") is None:
        window.show_error(tr("ONNX export needs an extra package"),
                          tr("Exporting as ONNX needs the onnx package, which is not installed.\n\n"
                             "Install it with:  {command}").format(command=onnx_export.INSTALL_HINT))
        return False
    if path is None:
        suggested = str(Path(window._last_dir()) / f"{file_stem(window.model_name)}.onnx")   # "cnn-128-relu.onnx"
        path, _ = QFileDialog.getSaveFileName(window, tr("Export as ONNX"), suggested,
                                              tr("ONNX models (*.onnx);;All files (*)"))
        if not path:
            return False
    path = Path(path)
    if not path.suffix:
        path = path.with_name(path.name + ".onnx")
    try:
        onnx_export.export_onnx(window.model, path)
    except OSError as exc:
        window.show_error(tr("Could not export"), file_error(tr("The model could not be exported"), path, exc))
        return False
    except (ValueError, ImportError) as exc:
        window.show_error(tr("Could not export"),
                          tr("The model could not be exported to {path}.\n\n{reason}").format(path=path, reason=exc))
        return False
    window.statusBar().showMessage(tr("Exported {name} to {path} (ONNX opset {opset})").format(
        name=window.model_name, path=path, opset=onnx_export.OPSET), 8000)
    return True


def show_about(window) -> QMessageBox:
    box = QMessageBox(QMessageBox.NoIcon, tr("About mnist-gui"), tr(ABOUT).format(version=mnist_gui.__version__),
                      QMessageBox.Ok, window)
    box.setTextFormat(Qt.RichText)
    box.setIconPixmap(window.windowIcon().pixmap(64, 64))
    box.setAttribute(Qt.WA_DeleteOnClose)
    box.open()
    return box


def show_shortcuts(window) -> QDialog:
    dialog = QDialog(window)
    dialog.setWindowTitle(tr("Keyboard shortcuts"))
    dialog.setAttribute(Qt.WA_DeleteOnClose)
    # made from the window's actions and shortcuts, so a new shortcut is listed without anyone remembering to
    label = QLabel(shortcut_table_html(shortcut_groups(window)), textFormat=Qt.RichText, wordWrap=True)
    label.setAccessibleName(tr("Keyboard shortcuts"))
    label.setAlignment(Qt.AlignLeft | Qt.AlignTop)
    buttons = QDialogButtonBox(QDialogButtonBox.Close)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    # the list grows with every shortcut: it scrolls rather than running off a small screen
    scroll = QScrollArea(widgetResizable=True, frameShape=QFrame.NoFrame)
    scroll.setWidget(label)
    layout.addWidget(scroll, 1)
    layout.addWidget(buttons)
    free = window.screen().availableGeometry()
    width = min(720, free.width() - 40)
    dialog.resize(width, min(label.heightForWidth(width - 40) + buttons.sizeHint().height() + 40,
                             int(free.height() * 0.85)))
    dialog.open()
    return dialog


def ask_before_closing(window, names: list[str], answered) -> QMessageBox:
    """Save / Discard / Cancel for trained networks kept nowhere; ``answered(button)`` gets the choice
    (Cancel when the box is closed otherwise). Opened window-modal, so it never blocks the event loop."""
    text = tr("{names} is/are not saved anywhere and would be lost.", None, len(names)).format(names=", ".join(names))
    box = QMessageBox(QMessageBox.Question, tr("Unsaved trained model"), text,
                      QMessageBox.Save | QMessageBox.Discard | QMessageBox.Cancel, window)
    box.setInformativeText(tr("Save writes a model file; Discard closes without it."))
    box.setDefaultButton(QMessageBox.Save)
    box.setAttribute(Qt.WA_DeleteOnClose)
    box.finished.connect(lambda _=0: answered(box.standardButton(box.clickedButton()) if box.clickedButton()
                                              else QMessageBox.Cancel))
    box.open()
    return box


def ask_before_stopping(window, percent: int | None, answered) -> QMessageBox:
    """Quit / Keep training, asked when the user quits while a network trains (``percent`` of it done, None
    when it has just started); ``answered(quit: bool)``. Window-modal, so training goes on behind it."""
    text = (tr("A network is training (just started). Quitting stops it.") if percent is None
            else tr("A network is training ({percent}% done). Quitting stops it.").format(percent=percent))
    box = QMessageBox(QMessageBox.Question, tr("Training is running"), text,
                      QMessageBox.Yes | QMessageBox.Cancel, window)
    box.button(QMessageBox.Yes).setText(tr("Stop and quit"))
    box.button(QMessageBox.Cancel).setText(tr("Keep training"))
    box.setInformativeText(tr("The run is kept in the runs table as stopped, with its curves and its weights."))
    box.setDefaultButton(QMessageBox.Cancel)
    box.setAttribute(Qt.WA_DeleteOnClose)
    box.finished.connect(lambda _=0: answered(box.clickedButton() is box.button(QMessageBox.Yes)))
    box.open()
    return box
