"""My digits edited: relabel, delete with undo, imports of many digits at once, the size cap, and views told
of every change -- each keeping the store's promises (written through, two instances never lose each
other's digits, a refusing disk keeps digits unsaved rather than lost). No Qt."""

from __future__ import annotations

import numpy as np
import pytest

from mnist_gui.core import my_digits
from mnist_gui.core.my_digits import IMAGES, LABELS, MyDigitsStore, StoreFull
from mnist_gui.data.idx import read_idx


def digit(seed: int) -> np.ndarray:
    return np.random.default_rng(seed).integers(0, 256, (28, 28), dtype=np.uint8)


def filled(folder, labels) -> MyDigitsStore:
    store = MyDigitsStore(folder)
    store.add_many(np.stack([digit(i) for i in range(len(labels))]), labels)
    return store


def on_disk(folder) -> list[int]:
    return read_idx(folder / LABELS).tolist()


def test_relabel_is_written_through_and_survives_a_restart(tmp_path):
    store = filled(tmp_path, [1, 2, 3])
    assert store.relabel(1, 7)
    assert store.labels.tolist() == [1, 7, 3] and on_disk(tmp_path) == [1, 7, 3]
    assert np.array_equal(MyDigitsStore(tmp_path).images[1], digit(1)), "the picture is unchanged"
    with pytest.raises(ValueError, match="0-9"):
        store.relabel(0, 10)
    with pytest.raises(IndexError):
        store.relabel(3, 1)


def test_remove_then_restore_puts_the_digit_back_in_its_place(tmp_path):
    store = filled(tmp_path, [1, 2, 3, 4])
    removed = store.remove(1)
    assert removed.index == 1 and removed.label == 2 and np.array_equal(removed.image, digit(1))
    assert on_disk(tmp_path) == [1, 3, 4]
    assert store.restore(removed.index, removed.image, removed.label)
    assert store.labels.tolist() == [1, 2, 3, 4] and on_disk(tmp_path) == [1, 2, 3, 4]
    assert np.array_equal(MyDigitsStore(tmp_path).images[1], digit(1))


def test_removing_several_and_undoing_restores_the_order(tmp_path):
    store = filled(tmp_path, [0, 1, 2, 3, 4, 5])
    removed = store.remove_many([4, 1, 2])
    assert [r.index for r in removed] == [1, 2, 4] and store.labels.tolist() == [0, 3, 5]
    assert store.restore_many(removed)
    assert store.labels.tolist() == [0, 1, 2, 3, 4, 5]
    assert all(np.array_equal(store.images[i], digit(i)) for i in range(6))


def test_two_stores_relabel_delete_and_undo_without_losing_each_others_digits(tmp_path):
    a = filled(tmp_path, [1, 2, 3])
    b = MyDigitsStore(tmp_path)
    b.add(digit(10), 9)                      # a has not seen it
    assert a.relabel(0, 5)                   # a re-reads: b's 9 stays
    assert on_disk(tmp_path) == [5, 2, 3, 9]
    removed = b.remove(1)                    # b still thinks digit 0 is a 1: its digit 1 is found by pixels
    assert removed.label == 2 and on_disk(tmp_path) == [5, 3, 9]
    a.add(digit(11), 8)
    assert a.labels.tolist() == [5, 3, 9, 8]
    assert b.restore(removed.index, removed.image, removed.label)
    assert on_disk(tmp_path) == [5, 2, 3, 9, 8], "the undone delete returns to its place among both's digits"
    assert b.relabel(0, 4) and on_disk(tmp_path)[0] == 4
    assert a.reload() and a.labels.tolist() == [4, 2, 3, 9, 8], "reload shows the other window's changes"


def test_deleting_a_digit_another_window_deleted_changes_nothing_else(tmp_path):
    a = filled(tmp_path, [1, 2, 3])
    b = MyDigitsStore(tmp_path)
    a.remove(0)
    assert b.remove(0) is not None and on_disk(tmp_path) == [2, 3]


def test_duplicate_digits_are_removed_one_by_one(tmp_path):
    store = MyDigitsStore(tmp_path)
    store.add_many(np.stack([digit(1)] * 3), [4, 4, 4])
    store.remove_many([0, 1])
    assert on_disk(tmp_path) == [4], "two equal digits removed are two digits, not one"


def test_add_many_is_one_write_checks_its_input_and_respects_the_cap(tmp_path, monkeypatch):
    monkeypatch.setattr(my_digits, "MAX_DIGITS", 5)
    store = MyDigitsStore(tmp_path)
    writes = []
    real = my_digits.write_idx
    monkeypatch.setattr(my_digits, "write_idx", lambda path, a: (writes.append(path.name), real(path, a)))
    assert store.add_many(np.stack([digit(i) for i in range(3)]), [1, 2, 3]) == 3
    assert writes == [IMAGES, LABELS], "three digits, one commit"
    floats = np.stack([digit(i) for i in range(3, 7)]).astype(np.float32) / 255
    assert store.add_many(floats, [4, 5, 6, 7]) == 2, "only the room left is used"
    assert store.labels.tolist() == [1, 2, 3, 4, 5] and store.room() == 0
    assert np.array_equal(store.images[3], digit(3))
    with pytest.raises(StoreFull, match="full"):
        store.add(digit(9), 1)
    with pytest.raises(ValueError, match="28x28"):
        store.add_many(np.zeros((2, 20, 20), np.uint8), [1, 2])
    with pytest.raises(ValueError, match="labels"):
        store.add_many(np.zeros((2, 28, 28), np.uint8), [1])
    with pytest.raises(ValueError, match="0-9"):
        MyDigitsStore(tmp_path / "other").add_many(np.zeros((1, 28, 28), np.uint8), [12])
    assert not (tmp_path / "other" / IMAGES).exists(), "a bad label writes nothing"


def test_a_refusing_disk_keeps_imports_relabels_and_undone_deletes_unsaved_not_lost(tmp_path, monkeypatch):
    store = filled(tmp_path, [1, 2])
    real = my_digits.write_idx

    def refuse(path, a):
        raise OSError(28, "No space left on device")
    monkeypatch.setattr(my_digits, "write_idx", refuse)
    assert store.add_many(np.stack([digit(5), digit(6)]), [5, 6]) == 2
    assert store.unsaved == 2 and "full" in store.save_error
    assert store.relabel(0, 9) is False and store.labels[0] == 1, "a refused relabel changes nothing"
    assert store.relabel(3, 0) and store.labels[3] == 0, "an unsaved digit is relabelled in memory"
    assert store.remove(0) is None and len(store) == 4
    removed = store.remove(2)
    assert removed is not None and store.labels.tolist() == [1, 2, 0], "an unsaved digit just goes"
    monkeypatch.setattr(my_digits, "write_idx", real)
    gone = store.remove(0)
    monkeypatch.setattr(my_digits, "write_idx", refuse)
    assert store.restore(gone.index, gone.image, gone.label) is False
    assert store.labels.tolist() == [2, 0, 1] and store.unsaved == 1, "the undone delete waits unsaved"
    monkeypatch.setattr(my_digits, "write_idx", real)
    assert store.save() and sorted(on_disk(tmp_path)) == [0, 1, 2]


def test_views_are_told_of_every_change_and_a_dead_view_is_forgotten(tmp_path):
    store = MyDigitsStore(tmp_path)

    class View:
        def __init__(self):
            self.seen = []

        def changed(self):
            self.seen.append(store.labels.tolist())
    view = View()
    store.on_change(view.changed)
    store.add(digit(1), 1)
    store.relabel(0, 2)
    removed = store.remove(0)
    store.restore(removed.index, removed.image, removed.label)
    assert view.seen == [[1], [2], [], [2]]
    del view
    store.add(digit(2), 3)  # a view that went away is not called
    assert len(store._listeners) == 0


def test_answers_are_computed_once_per_picture_and_per_model(tmp_path):
    class CountingModel:
        """Answers the digit (sum of pixels) mod 10 and counts the pictures it was shown."""

        def __init__(self):
            self.seen = 0

        def predict(self, x):
            x = np.asarray(x, np.float64).reshape(len(x), -1)
            self.seen += len(x)
            probs = np.zeros((len(x), 10), np.float32)
            probs[np.arange(len(x)), (x.sum(axis=1) * 255).astype(np.int64) % 10] = 1
            return probs
    store = filled(tmp_path, [1, 2, 3])
    model = CountingModel()
    expected = (np.stack([digit(i) for i in range(3)]).reshape(3, -1).astype(np.int64).sum(axis=1)) % 10
    assert store.predictions(model).tolist() == expected.tolist() and model.seen == 3
    store.add(digit(7), 7)
    store.relabel(0, 9)
    assert len(store.predictions(model)) == 4 and model.seen == 4, "only the new picture is run"
    other = CountingModel()
    store.predictions(other)
    assert other.seen == 4, "another model starts afresh"
