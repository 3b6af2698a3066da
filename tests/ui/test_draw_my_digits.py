"""The "My digits" collection: kept as IDX files, survives a restart, damaged files are reported, not fatal.

The panel with a trained model (accuracy, a new tab instance) is tested in test_draw_tab.py, which has the model.
"""

from __future__ import annotations

import errno

import numpy as np
import pytest
from PySide6.QtCore import Qt

from mnist_gui.data.idx import read_idx, write_idx
from mnist_gui.core.paths import user_data_dir
from mnist_gui.ui.draw.tab import DrawTab
from mnist_gui.ui.draw.my_digits_panel import MyDigitsPanel
from mnist_gui.core.my_digits import IMAGES, LABELS, MyDigitsStore


def digit(seed: int) -> np.ndarray:
    return np.random.default_rng(seed).random((28, 28)).astype(np.float32)


def test_store_adds_removes_and_keeps_mnist_style_idx_files(tmp_path):
    store = MyDigitsStore(tmp_path)
    store.add(digit(1), 3)
    store.add(digit(2), 5)
    store.add((digit(3) * 255).astype(np.uint8), 9)
    store.remove(1)
    images, labels = read_idx(tmp_path / IMAGES), read_idx(tmp_path / LABELS)
    assert images.dtype == np.uint8 and images.shape == (2, 28, 28)
    assert labels.tolist() == [3, 9]
    assert np.abs(images[0] / 255 - digit(1)).max() <= 0.5 / 255 + 1e-6
    assert sorted(p.name for p in tmp_path.iterdir()) == [IMAGES, LABELS], "no temporary files left behind"
    again = MyDigitsStore(tmp_path)
    assert again.problem is None and again.labels.tolist() == [3, 9]
    assert np.array_equal(again.images, images)


def test_store_rejects_bad_digits(tmp_path):
    store = MyDigitsStore(tmp_path)
    with pytest.raises(ValueError, match="28x28"):
        store.add(np.zeros((20, 20)), 1)
    with pytest.raises(ValueError, match="0-9"):
        store.add(digit(0), 10)
    with pytest.raises(IndexError):
        store.remove(0)


def test_a_truncated_file_is_reported_and_kept_aside_not_crashed_on(tmp_path):
    store = MyDigitsStore(tmp_path)
    for i in range(3):
        store.add(digit(i), i)
    data = (tmp_path / IMAGES).read_bytes()
    (tmp_path / IMAGES).write_bytes(data[: len(data) // 2])
    damaged = MyDigitsStore(tmp_path)
    assert len(damaged) == 0
    assert "could not be read" in damaged.problem and IMAGES in damaged.problem
    assert (tmp_path / (IMAGES + ".damaged")).read_bytes() == data[: len(data) // 2], "never thrown away"
    damaged.add(digit(9), 4)
    assert MyDigitsStore(tmp_path).labels.tolist() == [4]


def test_more_images_than_labels_keeps_the_labelled_ones(tmp_path):
    # what a crash between writing the two files could leave behind
    write_idx(tmp_path / IMAGES, np.zeros((3, 28, 28), np.uint8))
    write_idx(tmp_path / LABELS, np.array([1, 2], np.uint8))
    store = MyDigitsStore(tmp_path)
    assert store.labels.tolist() == [1, 2] and len(store.images) == 2
    assert "did not match" in store.problem
    assert MyDigitsStore(tmp_path).problem is None


def test_keeping_an_empty_drawing_says_what_to_do(qtbot):
    tab = DrawTab()
    qtbot.addWidget(tab)
    qtbot.keyClick(tab.pad, Qt.Key_4)
    assert len(tab.my_digits.store) == 0
    assert "Draw a digit first" in tab.status.text()


def test_a_damaged_collection_is_reported_in_the_tab(qtbot):
    folder = user_data_dir() / "my-digits"
    folder.mkdir(parents=True)
    (folder / IMAGES).write_bytes(b"not an idx file at all")
    (folder / LABELS).write_bytes(b"\x00\x00\x08\x01\x00\x00\x00\x05\x01")
    tab = DrawTab()
    qtbot.addWidget(tab)
    assert tab.my_digits.status.text().startswith("Your saved digits")
    assert tab.my_digits.list.count() == 0


def test_the_panel_shows_thumbnails_and_deletes_with_the_delete_key(qtbot, tmp_path):
    panel = MyDigitsPanel(MyDigitsStore(tmp_path))
    qtbot.addWidget(panel)
    panel.show()
    for i in range(3):
        panel.add(digit(i), i + 1)
    assert [panel.list.item(i).text() for i in range(3)] == ["1", "2", "3"]
    assert "Load a model" in panel.score.text()
    panel.list.setFocus()
    panel.list.item(1).setSelected(True)
    qtbot.keyClick(panel.list, Qt.Key_Delete)
    assert MyDigitsStore(tmp_path).labels.tolist() == [1, 3]


def refuse_writes(patch, err=errno.EACCES, what="Permission denied"):
    """The disk refuses every write of the store (as a read-only folder or a full disk would)."""
    def write_idx(path, array):
        raise OSError(err, what, str(path))
    patch.setattr("mnist_gui.core.my_digits.write_idx", write_idx)


def test_a_digit_the_disk_refuses_is_shown_unsaved_with_the_reason_and_retry_saves_it(qtbot, tmp_path,
                                                                                       monkeypatch):
    panel = MyDigitsPanel(MyDigitsStore(tmp_path))
    qtbot.addWidget(panel)
    panel.show()
    assert panel.add(digit(1), 1)
    assert not panel.retry_button.isVisibleTo(panel) and not panel.status.isVisibleTo(panel)
    with monkeypatch.context() as patch:
        refuse_writes(patch)
        assert panel.add(digit(2), 2) is False
        assert [panel.list.item(i).text() for i in range(2)] == ["1", "2 unsaved"]
        assert "read-only" in panel.status.text() and "kept in this window only" in panel.status.text()
        assert panel.status.isVisibleTo(panel) and panel.retry_button.isVisibleTo(panel)
        assert panel.retry() is False, "still refused"
    panel.retry_button.click()
    assert [panel.list.item(i).text() for i in range(2)] == ["1", "2"]
    assert not panel.retry_button.isVisibleTo(panel) and not panel.status.isVisibleTo(panel)
    assert MyDigitsStore(tmp_path).labels.tolist() == [1, 2]


def test_keeping_on_a_full_disk_says_so_in_the_tab_and_the_next_keep_saves_both(qtbot, monkeypatch):
    tab = DrawTab()
    qtbot.addWidget(tab)
    tab.pad.draw_stroke([(140, 30), (140, 250)])
    with monkeypatch.context() as patch:
        refuse_writes(patch, errno.ENOSPC, "No space left on device")
        qtbot.keyClick(tab.pad, Qt.Key_1)
    assert "not saved yet" in tab.status.text() and "the disk is full" in tab.status.text()
    assert tab.my_digits.list.item(0).text() == "1 unsaved"
    qtbot.keyClick(tab.pad, Qt.Key_7)
    assert tab.status.text().startswith("Kept as a 7")
    assert MyDigitsStore().labels.tolist() == [1, 7]


def test_a_damaged_collection_in_a_read_only_folder_does_not_stop_the_tab(qtbot, monkeypatch):
    folder = user_data_dir() / "my-digits"
    folder.mkdir(parents=True)
    (folder / IMAGES).write_bytes(b"not an idx file at all")
    (folder / LABELS).write_bytes(b"\x00\x00\x08\x01\x00\x00\x00\x01\x01")

    def replace(src, dst):
        raise PermissionError(errno.EACCES, "Permission denied", str(src))
    monkeypatch.setattr("os.replace", replace)  # setting the files aside is refused
    tab = DrawTab()
    qtbot.addWidget(tab)
    assert "left as they are" in tab.my_digits.status.text()
    assert tab.my_digits.list.count() == 0
    assert (folder / IMAGES).read_bytes() == b"not an idx file at all"
