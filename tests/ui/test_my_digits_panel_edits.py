"""The My digits panel on the Draw tab, edited: a digit key relabels, Delete deletes with "Undo delete"
(Ctrl+Z in the list; Ctrl+Z on the pad still undoes strokes), a double-click opens the digit in the pad,
Import reads a folder (saying what was read, skipped, ignored, kept already) and Export writes either layout.
"""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt

from mnist_gui.core.digit_folders import IMAGES, export_image_folder, read_digits
from mnist_gui.core.my_digits import LABELS, MyDigitsStore
from mnist_gui.data.idx import read_idx
from mnist_gui.ui.draw.my_digits_panel import MyDigitsPanel
from mnist_gui.ui.draw.tab import DrawTab

FOLDER_TIMEOUT = 60_000


@pytest.fixture
def store(tmp_path, dataset):
    s = MyDigitsStore(tmp_path / "mine")
    s.add_many(dataset.x_test[:5], dataset.y_test[:5])
    return s


@pytest.fixture
def panel(qtbot, store):
    p = MyDigitsPanel(store)
    qtbot.addWidget(p)
    p.resize(360, 600)
    p.show()
    yield p
    p.shutdown()


def select(panel, *rows):
    panel.list.clearSelection()
    panel.list.setFocus()
    for row in rows:
        panel.list.item(row).setSelected(True)
    panel.list.setCurrentRow(rows[-1])


def test_a_digit_key_in_the_list_relabels_the_selection_on_disk(panel, store, qtbot):
    select(panel, 1, 3)
    qtbot.keyClick(panel.list, Qt.Key_8)
    assert store.labels[[1, 3]].tolist() == [8, 8]
    assert read_idx(store.folder / LABELS)[[1, 3]].tolist() == [8, 8]
    assert panel.list.item(1).text().startswith("8") and panel.list.item(1).isSelected()


def test_delete_offers_undo_and_ctrl_z_in_the_list_puts_the_digits_back(panel, store, qtbot, dataset):
    select(panel, 0, 2)
    qtbot.keyClick(panel.list, Qt.Key_Delete)
    assert len(store) == 3 and panel.list.count() == 3
    assert panel.undo_bar.isVisible() and "2 digits" in panel.undo_bar.label.text()
    panel.list.setFocus()
    qtbot.keyClick(panel.list, Qt.Key_Z, Qt.ControlModifier)
    assert store.labels.tolist() == dataset.y_test[:5].tolist()
    assert np.array_equal(store.images, dataset.x_test[:5]) and not panel.undo_bar.isVisible()
    select(panel, 4)
    panel.delete_button.click()
    panel.undo_bar.undo_button.click()
    assert len(MyDigitsStore(store.folder)) == 5


def test_on_the_draw_tab_ctrl_z_on_the_pad_still_undoes_the_stroke_not_the_delete(qtbot, store):
    tab = DrawTab(my_digits_store=store)
    qtbot.addWidget(tab)
    tab.show()
    panel = tab.my_digits
    select(panel, 0)
    qtbot.keyClick(panel.list, Qt.Key_Delete)
    tab.pad.draw_stroke([(140, 30), (140, 250)])
    tab.pad.setFocus()
    qtbot.keyClick(tab.pad, Qt.Key_Z, Qt.ControlModifier)
    assert tab.pad.is_blank() and len(store) == 4, "the stroke went, the deleted digit stays deleted"
    panel.list.setFocus()
    qtbot.keyClick(panel.list, Qt.Key_Z, Qt.ControlModifier)
    assert len(store) == 5
    tab.shutdown()


def test_a_double_click_opens_the_kept_digit_in_the_pad_and_the_network_reads_it(qtbot, store, dataset):
    tab = DrawTab(my_digits_store=store)
    qtbot.addWidget(tab)
    tab.show()
    panel = tab.my_digits
    rect = panel.list.visualItemRect(panel.list.item(2))
    qtbot.mouseClick(panel.list.viewport(), Qt.LeftButton, pos=rect.center())  # a view's double-click
    qtbot.mouseDClick(panel.list.viewport(), Qt.LeftButton, pos=rect.center())  # follows a press
    tab.update_prediction()
    assert not tab.pad.is_blank()
    x = tab.network_input()
    assert x is not None
    kept = dataset.x_test[2].astype(np.float32) / 255
    assert np.corrcoef(x.ravel(), kept.ravel())[0, 1] > 0.8, "the network reads the kept digit"
    tab.shutdown()


def test_edits_in_another_view_of_the_store_show_in_the_panel(panel, store):
    store.relabel(0, 9)  # as the Dataset tab's My digits split does, on the same store
    assert panel.list.item(0).text().startswith("9")
    store.remove(1)
    assert panel.list.count() == 4


def test_import_from_an_image_folder_says_what_was_read_skipped_ignored_and_already_kept(panel, store, qtbot,
                                                                                       tmp_path, dataset):
    folder = tmp_path / "pictures"
    export_image_folder(dataset.x_test[10:16], dataset.y_test[10:16], folder)
    (folder / str(dataset.y_test[10]) / "broken.png").write_bytes(b"not a png")
    (folder / "misc").mkdir()
    with qtbot.waitSignal(panel.folders.said, timeout=FOLDER_TIMEOUT) as said:
        assert panel.folders.import_folder(folder)
    text, error = said.args
    assert len(store) == 5 + 6 and not error
    assert "Read 6 digits" in text and "6 digits added" in text
    assert "could not be used" in text and "misc" in text
    assert panel.files_status.text() == text and panel.list.count() == 11
    with qtbot.waitSignal(panel.folders.said, timeout=FOLDER_TIMEOUT) as said:
        panel.folders.import_folder(folder)  # the same pictures again
    assert "0 digits added" in said.args[0] and "6 were kept already" in said.args[0] and len(store) == 11
    with qtbot.waitSignal(panel.folders.said, timeout=FOLDER_TIMEOUT) as said:
        panel.folders.import_folder(tmp_path / "empty-folder-that-is-not-there")
    assert said.args[1] and "no such folder" in said.args[0]


def test_export_to_both_layouts_and_import_a_my_digits_folder_back(panel, store, qtbot, tmp_path):
    for layout in ("images", "my-digits"):
        with qtbot.waitSignal(panel.folders.said, timeout=FOLDER_TIMEOUT) as said:
            assert panel.folders.export(tmp_path / layout, layout)
        assert "Exported 5 digits" in said.args[0] and not said.args[1]
        read = read_digits(tmp_path / layout, decode=None if layout == "my-digits" else __import__(
            "mnist_gui.ui.decode", fromlist=["decode_file"]).decode_file)
        assert sorted(read.labels.tolist()) == sorted(store.labels.tolist())
    assert np.array_equal(read.images, store.images), "the IDX layout is exact"
    assert (tmp_path / "my-digits" / IMAGES).exists()
    other = MyDigitsPanel(MyDigitsStore(tmp_path / "other"))
    qtbot.addWidget(other)
    with qtbot.waitSignal(other.folders.said, timeout=FOLDER_TIMEOUT) as said:
        other.folders.import_folder(tmp_path / "my-digits")
    assert "5 digits added" in said.args[0] and np.array_equal(other.store.images, store.images)
    assert not panel.folders.export(store.folder, "images"), "never into My digits' own folder"
    other.shutdown()


def test_many_new_digits_are_answered_in_the_background_and_the_list_then_shows_verdicts(qtbot, tmp_path,
                                                                                        dataset, monkeypatch):
    from mnist_gui.ui.widgets import my_digits_answers

    monkeypatch.setattr(my_digits_answers, "SYNC_LIMIT", 5)

    class Sevens:
        def predict(self, x, batch_size=None):
            probs = np.zeros((len(x), 10), np.float32)
            probs[:, 7] = 1
            return probs
    store = MyDigitsStore(tmp_path / "many")
    store.add_many(dataset.x_test[:30], dataset.y_test[:30])
    p = MyDigitsPanel(store)
    qtbot.addWidget(p)
    p.set_model(Sevens())
    assert "Working out" in p.score.text() and p.accuracy() is None
    qtbot.waitUntil(lambda: p.accuracy() is not None, timeout=30_000)
    sevens = int((dataset.y_test[:30] == 7).sum())
    assert p.accuracy() == (sevens, 30) and f"{sevens} of 30" in p.score.text()
    p.shutdown()


def test_an_import_beyond_the_cap_keeps_what_fits_and_says_how_many_were_left_out(panel, store, qtbot, tmp_path,
                                                                                dataset, monkeypatch):
    from mnist_gui.core import my_digits
    from mnist_gui.core.digit_folders import export_my_digits

    monkeypatch.setattr(my_digits, "MAX_DIGITS", 8)
    export_my_digits(dataset.x_test[100:106], dataset.y_test[100:106], tmp_path / "six")
    with qtbot.waitSignal(panel.folders.said, timeout=FOLDER_TIMEOUT) as said:
        panel.folders.import_folder(tmp_path / "six")
    assert len(store) == 8 and "3 digits added" in said.args[0] and "3 left out" in said.args[0]
    assert "full" in said.args[0]


def test_the_relabel_menu_marks_the_label_the_selected_digits_have(panel, store):
    """The "Relabel as" submenu listed 0-9 alike: which one the digit was could not be seen there."""
    select(panel, 2)
    menu = panel.context_menu(panel.list.visualItemRect(panel.list.item(2)).center())
    action = next(a for a in menu.actions() if a.menu() is not None)   # kept: before PySide 6.11 the
    relabel = action.menu()                                              # menu dies with its action
    checked = [a.text() for a in relabel.actions() if a.isChecked()]
    assert checked == [str(int(store.labels[2]))]
    store.relabel(0, (int(store.labels[2]) + 1) % 10)
    select(panel, 0, 2)  # two labels: none is theirs
    menu = panel.context_menu(panel.list.visualItemRect(panel.list.item(2)).center())
    action = next(a for a in menu.actions() if a.menu() is not None)   # kept: before PySide 6.11 the
    relabel = action.menu()                                              # menu dies with its action
    assert not any(a.isChecked() for a in relabel.actions())


def test_the_draw_tabs_kept_as_line_goes_when_a_delete_or_relabel_makes_it_wrong(qtbot, store):
    """It kept saying "Kept as a 3: 6 digits in My digits." after the 3 was deleted or relabelled."""
    tab = DrawTab(my_digits_store=store)
    qtbot.addWidget(tab)
    tab.pad.draw_stroke([(140, 30), (140, 250)])
    qtbot.keyClick(tab.pad, Qt.Key_3)
    assert tab.status.text() == "Kept as a 3: 6 digits in My digits."
    store.relabel(1, int(store.labels[1]))  # the same label again: nothing changed, the line stays true
    assert tab.status.text().startswith("Kept as a 3")
    select(tab.my_digits, 5)
    qtbot.keyClick(tab.my_digits.list, Qt.Key_4)
    assert store.labels[5] == 4 and tab.status.text() == ""
    qtbot.keyClick(tab.pad, Qt.Key_7)
    select(tab.my_digits, 6)
    qtbot.keyClick(tab.my_digits.list, Qt.Key_Delete)
    assert len(store) == 6 and tab.status.text() == ""
    tab.shutdown()


def test_an_import_error_goes_once_the_digits_change(panel, store, qtbot, tmp_path, dataset):
    """A red "No digits in ..." stayed under the list after digits were kept and deleted."""
    with qtbot.waitSignal(panel.folders.said, timeout=FOLDER_TIMEOUT):
        panel.folders.import_folder(tmp_path)  # no 0-9 folders in it
    assert panel.files_status.isVisibleTo(panel) and "No digits in" in panel.files_status.text()
    store.remember_answers(None, store.images[:0], np.zeros((0, 10), np.float32))  # not an edit: it stays
    assert panel.files_status.isVisibleTo(panel)
    store.add(dataset.x_test[7], int(dataset.y_test[7]))
    assert not panel.files_status.isVisibleTo(panel) and panel.files_status.text() == ""
