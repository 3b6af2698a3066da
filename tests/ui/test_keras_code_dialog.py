""""Show as Keras code" as a user meets it: the Training tab's button opens the program for the form's settings,
monospaced and read-only; it follows edits; bad settings are explained while the last good program stays; Copy
puts the program on the clipboard."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from mnist_gui.core.keras_code import keras_code
from mnist_gui.ui.train.tab import TrainingTab


def open_dialog(qtbot, dataset):
    tab = TrainingTab(dataset)
    qtbot.addWidget(tab)
    tab.show()
    qtbot.mouseClick(tab.keras_code_button, Qt.LeftButton)
    dialog = tab.keras_code_dialog
    qtbot.waitExposed(dialog)
    return tab, dialog


def test_button_opens_the_program_for_the_current_settings(qtbot, dataset):
    tab, dialog = open_dialog(qtbot, dataset)
    assert tab.keras_code_button.text() == "Show as Keras code"
    assert dialog.isVisible() and not dialog.isModal()
    text = dialog.editor.toPlainText()
    assert text == keras_code(tab.controls.config())
    assert text.startswith('"""') and "import keras" in text and "model.fit(" in text
    assert dialog.editor.isReadOnly()
    metrics = dialog.editor.fontMetrics()            # monospaced: every character as wide as the others
    assert metrics.horizontalAdvance("iiii") == metrics.horizontalAdvance("MMMM")
    assert dialog.editor.textInteractionFlags() & Qt.TextSelectableByMouse
    # a second click brings the same window forward rather than opening another
    qtbot.mouseClick(tab.keras_code_button, Qt.LeftButton)
    assert tab.keras_code_dialog is dialog


def test_follows_the_settings_form(qtbot, dataset):
    tab, dialog = open_dialog(qtbot, dataset)
    tab.controls.hidden.setText("64, 32")
    text = dialog.editor.toPlainText()
    assert "layers.Dense(64" in text and "layers.Dense(32" in text
    tab.controls.optimizer.setCurrentText("sgd")
    assert "keras.optimizers.SGD(" in dialog.editor.toPlainText()
    tab.controls.apply_preset("cnn")
    text = dialog.editor.toPlainText()
    assert "layers.Conv2D(32, 3" in text and "layers.RandomRotation(" in text


def test_invalid_settings_are_explained_and_the_last_program_kept(qtbot, dataset):
    tab, dialog = open_dialog(qtbot, dataset)
    tab.controls.hidden.setText("64")
    before = dialog.editor.toPlainText()
    tab.controls.hidden.setText("64, 0")
    assert not tab.controls.is_valid()
    assert "cannot be trained" in dialog.note.text()
    assert "last valid settings" in dialog.note.text()
    assert dialog.editor.toPlainText() == before
    tab.controls.hidden.setText("128")
    assert "cannot be trained" not in dialog.note.text()


def test_copy_puts_the_program_on_the_clipboard(qtbot, dataset):
    tab, dialog = open_dialog(qtbot, dataset)
    QGuiApplication.clipboard().setText("something else")
    with qtbot.waitSignal(dialog.copied, timeout=2000):
        qtbot.mouseClick(dialog.copy_button, Qt.LeftButton)
    assert QGuiApplication.clipboard().text() == dialog.editor.toPlainText() == keras_code(tab.controls.config())
    assert dialog.copy_button.text() == "Copied"
    qtbot.waitUntil(lambda: dialog.copy_button.text() == "Copy", timeout=5000)


def test_close_hides_the_window(qtbot, dataset):
    _tab, dialog = open_dialog(qtbot, dataset)
    qtbot.keyClick(dialog, Qt.Key_Escape)
    assert not dialog.isVisible()


def test_opened_while_the_settings_are_invalid(qtbot, dataset):
    tab = TrainingTab(dataset)
    qtbot.addWidget(tab)
    tab.controls.hidden.setText("0")
    assert not tab.controls.is_valid()
    qtbot.mouseClick(tab.keras_code_button, Qt.LeftButton)
    dialog = tab.keras_code_dialog
    assert "cannot be trained" in dialog.note.text() and "hidden" in dialog.note.text().lower()
    assert dialog.editor.toPlainText() == "" and not dialog.copy_button.isEnabled()
    tab.controls.hidden.setText("20")
    assert "layers.Dense(20" in dialog.editor.toPlainText() and dialog.copy_button.isEnabled()


def test_colours_follow_a_switch_to_the_dark_theme(qtbot, dataset):
    from PySide6.QtGui import QPalette
    from PySide6.QtWidgets import QApplication

    from mnist_gui.ui.theme import apply_theme

    _tab, dialog = open_dialog(qtbot, dataset)
    app = QApplication.instance()
    before = app.property("mnist_gui_theme") or "system"
    light = dialog._highlighter.string.foreground().color().name()
    try:
        apply_theme(app, "dark")
        qtbot.waitUntil(lambda: dialog._highlighter.string.foreground().color().name() != light, timeout=3000)
        comment = dialog._highlighter.comment.foreground().color()
        assert comment == dialog.editor.palette().color(QPalette.PlaceholderText)
    finally:
        apply_theme(app, "light" if before == "light" else "system")
