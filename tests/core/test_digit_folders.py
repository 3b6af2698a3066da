"""Reading labelled digits from folders (pictures in DIR/0..9, or a My digits folder) and writing them back.

The pictures go through the NumPy decoders here (no Qt in tests/core); the window and the CLI pass Qt's.
"""

from __future__ import annotations

import os

import numpy as np
import pytest

from mnist_gui.core import digit_folders
from mnist_gui.core.digit_folders import export_image_folder, export_my_digits, read_digits
from mnist_gui.core.my_digits import IMAGES, LABELS, MyDigitsStore
from mnist_gui.data.idx import write_idx
from mnist_gui.data.images import load_image


def decode(path):
    gray = load_image(path)
    return gray, (gray.shape[1], gray.shape[0])


@pytest.fixture
def digits(dataset):
    """40 MNIST test digits, 4 of each."""
    idx = np.concatenate([np.flatnonzero(dataset.y_test == d)[:4] for d in range(10)])
    return dataset.x_test[idx], dataset.y_test[idx]


def test_an_image_folder_reads_back_as_the_same_digits(tmp_path, digits):
    images, labels = digits
    assert export_image_folder(images, labels, tmp_path / "mine") == 40
    assert sorted(os.listdir(tmp_path / "mine")) == [str(d) for d in range(10)]
    read = read_digits(tmp_path / "mine", decode)
    assert read.kind == "images" and len(read) == 40
    assert read.counts().tolist() == [4] * 10
    assert read.images.dtype == np.uint8 and read.images.shape == (40, 28, 28)
    # the predict pipeline re-centres an MNIST digit: it comes back nearly as it was
    order = np.argsort(labels, kind="stable")
    diff = np.abs(read.images.astype(int) - images[order].astype(int)).mean(axis=(1, 2))
    assert np.median(diff) < 12
    assert not read.skipped and not read.ignored and not read.duplicates
    assert read.message().startswith("Read 40 digits from")


def test_a_photo_of_paper_is_read_as_ink(tmp_path, digits):
    images, labels = digits
    folder = tmp_path / "scan" / "3"
    folder.mkdir(parents=True)
    paper = 0.85 - 0.7 * images[labels == 3][0].astype(np.float32) / 255  # dark ink on grey paper
    from mnist_gui.data.images import save_png

    save_png(folder / "a.png", np.kron(paper, np.ones((4, 4))))
    read = read_digits(tmp_path / "scan", decode)
    assert len(read) == 1 and read.labels.tolist() == [3]
    assert read.images[0].max() > 200 and read.images[0][0, 0] == 0  # ink bright on black, like MNIST


def test_an_empty_folder_says_what_was_expected(tmp_path):
    read = read_digits(tmp_path, decode)
    assert len(read) == 0
    assert "folders named 0 to 9" in read.message()
    with pytest.raises(ValueError, match="no such folder"):
        read_digits(tmp_path / "missing", decode)


def test_folders_not_named_0_to_9_and_other_files_are_ignored_and_said(tmp_path, digits):
    images, labels = digits
    export_image_folder(images[:8], labels[:8], tmp_path)
    for name in ("cats", "10", "seven"):
        (tmp_path / name).mkdir()
        export_image_folder(images[:1], [0], tmp_path / name)
    (tmp_path / "0" / "notes.txt").write_text("hello")
    export_image_folder(images[:1], [5], tmp_path / "loose")
    os.replace(tmp_path / "loose" / "5" / "1.png", tmp_path / "loose.png")
    read = read_digits(tmp_path, decode)
    assert len(read) == 8
    assert sorted(read.ignored) == ["10", "cats", "loose", "seven"]
    assert read.not_pictures == 1 and read.unlabelled == 1
    text = read.message()
    assert "4 folders not named 0-9 ignored" in text and "1 file that is not a picture" in text


def test_unreadable_pictures_are_skipped_and_counted_never_fatal(tmp_path, digits):
    images, labels = digits
    export_image_folder(images[::4], labels[::4], tmp_path)
    (tmp_path / "1" / "broken.png").write_bytes(b"\x89PNG\r\n\x1a\nnot really")
    (tmp_path / "1" / "empty.png").write_bytes(b"")
    from mnist_gui.data.images import save_png

    save_png(tmp_path / "2" / "blank.png", np.zeros((30, 30), np.uint8))
    os.mkfifo(tmp_path / "4" / "pipe.png")  # reading it would wait for a writer forever
    os.symlink("loop.png", tmp_path / "4" / "loop.png")
    os.symlink(tmp_path, tmp_path / "5" / "up")  # a folder loop: one level is listed, never followed
    read = read_digits(tmp_path, decode)
    assert len(read) == 10
    reasons = {os.path.basename(p): r for p, r in read.skipped}
    assert set(reasons) == {"broken.png", "empty.png", "blank.png", "pipe.png", "loop.png"}
    assert "FIFO" in reasons["pipe.png"] and "blank" in reasons["blank.png"]
    assert "5 pictures could not be used" in read.message()


def test_the_same_picture_twice_is_kept_once(tmp_path, digits):
    images, labels = digits
    export_image_folder(images[::4], labels[::4], tmp_path)
    export_image_folder(images[::4], labels[::4], tmp_path)  # never overwrites: ten more files
    assert sum(len(os.listdir(tmp_path / d)) for d in os.listdir(tmp_path)) == 20
    (tmp_path / "9").mkdir(exist_ok=True)
    export_image_folder(images[:1], [9], tmp_path)  # the same drawing filed under another digit
    read = read_digits(tmp_path, decode)
    assert len(read) == 10 and read.duplicates == 11
    assert "11 duplicates kept once" in read.message()


def test_too_many_pictures_are_capped_evenly_and_said(tmp_path, digits, monkeypatch):
    images, labels = digits
    export_image_folder(images, labels, tmp_path)
    monkeypatch.setattr(digit_folders, "MAX_DIGITS", 25)
    read = read_digits(tmp_path, decode)
    assert len(read) == 25 and read.truncated == 15
    assert read.counts().min() >= 2  # taken from every digit, not the first folders only
    assert "15 more left out" in read.message()


def test_reading_stops_when_asked(tmp_path, digits):
    images, labels = digits
    export_image_folder(images, labels, tmp_path)

    class Control:
        stop_requested = False

    control, seen = Control(), []

    def progress(done, total):
        seen.append((done, total))
        control.stop_requested = True

    read = read_digits(tmp_path, decode, control=control, progress=progress)
    assert read.stopped and len(read) < 40 and seen[0] == (0, 40)


def test_a_my_digits_folder_reads_exactly_and_is_left_untouched(tmp_path, dataset):
    store = MyDigitsStore(tmp_path / "mine")
    for image, label in zip(dataset.x_test[:12], dataset.y_test[:12]):
        store.add(image, int(label))
    before = {n: (tmp_path / "mine" / n).read_bytes() for n in (IMAGES, LABELS)}
    listing = sorted(os.listdir(tmp_path / "mine"))
    read = read_digits(tmp_path / "mine")  # no decoder needed
    assert read.kind == "my-digits"
    assert np.array_equal(read.images, dataset.x_test[:12]) and np.array_equal(read.labels, dataset.y_test[:12])
    assert sorted(os.listdir(tmp_path / "mine")) == listing
    assert before == {n: (tmp_path / "mine" / n).read_bytes() for n in (IMAGES, LABELS)}


def test_ten_thousand_digits_in_a_my_digits_folder(tmp_path, dataset):
    export_my_digits(dataset.x_train[:12000], dataset.y_train[:12000], tmp_path)
    read = read_digits(tmp_path)
    assert len(read) + read.duplicates == 12000
    assert read.counts().sum() == len(read)


def test_a_my_digits_folder_over_the_cap_is_refused_before_reading(tmp_path, dataset, monkeypatch):
    export_my_digits(dataset.x_test[:30], dataset.y_test[:30], tmp_path)
    monkeypatch.setattr(digit_folders, "MAX_DIGITS", 20)
    with pytest.raises(ValueError, match="holds 30 digits, more than the 20"):
        read_digits(tmp_path)


def test_damaged_my_digits_files_give_one_clear_error(tmp_path, dataset):
    write_idx(tmp_path / IMAGES, dataset.x_test[:5])
    write_idx(tmp_path / LABELS, np.array([1, 2, 3, 4, 12], np.uint8))
    with pytest.raises(ValueError, match="labels 0-9"):
        read_digits(tmp_path)
    (tmp_path / LABELS).write_bytes(b"\x00\x00\x08\x01garbage")
    with pytest.raises(ValueError, match="cannot be read"):
        read_digits(tmp_path)
    os.unlink(tmp_path / LABELS)
    with pytest.raises(ValueError, match="without its labels"):
        read_digits(tmp_path)


def test_more_images_than_labels_reads_the_labelled_ones(tmp_path, dataset):
    write_idx(tmp_path / IMAGES, dataset.x_test[:6])
    write_idx(tmp_path / LABELS, dataset.y_test[:4])
    read = read_digits(tmp_path)
    assert len(read) == 4 and "6 images but 4 labels" in read.message()


def test_export_my_digits_never_overwrites(tmp_path, dataset):
    export_my_digits(dataset.x_test[:3], dataset.y_test[:3], tmp_path)
    with pytest.raises(ValueError, match="already holds"):
        export_my_digits(dataset.x_test[3:6], dataset.y_test[3:6], tmp_path)
    assert np.array_equal(read_digits(tmp_path).images, dataset.x_test[:3])
    with pytest.raises(ValueError, match="label"):
        export_image_folder(dataset.x_test[:2], [3, 10], tmp_path / "bad")


def test_a_picture_of_several_digits_is_left_out_counted_and_named(tmp_path, digits, dataset):
    """A picture of "42" in folder 4 was imported as one squeezed digit, without a word."""
    from mnist_gui.data.images import save_png

    images, labels = digits
    export_image_folder(images, labels, tmp_path / "mine")
    four, two = dataset.x_test[dataset.y_test == 4][0], dataset.x_test[dataset.y_test == 2][0]
    save_png(tmp_path / "mine" / "4" / "42.png", np.hstack([four, np.zeros((28, 14), np.uint8), two]))
    read = read_digits(tmp_path / "mine", decode)
    assert len(read) == 40 and read.counts()[4] == 4, "the 42 is not among the 4s"
    assert [(p.name, n) for p, n in read.several] == [("42.png", 2)] and not read.skipped
    message = read.message()
    assert "1 picture holds several digits" in message and "4/42.png (2 digits)" in message
