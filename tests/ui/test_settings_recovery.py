"""A damaged settings file never stops the window from opening: every damaged value is reset, named in a
banner and repaired in the file at once; undamaged values are kept."""

from __future__ import annotations

import json
import random
import shutil
import struct

import pytest
from PySide6.QtCore import QByteArray, QSettings

from mnist_gui.core import settings as stored
from mnist_gui.ui.main_window import MainWindow


def ini_string(text: str) -> str:
    """``text`` as QSettings writes a string in an INI file (quoted, backslash-escaped)."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def training(**entries) -> str:
    return ini_string(json.dumps(entries))


# (key, what stands after "key=" in the file, a word the banner must use for it)
DAMAGED = [
    ("window/tab", "99999999999999999999", "tab"),
    ("window/tab", "-1", "tab"),
    ("window/tab", "4", "tab"),
    ("window/tab", "1.5", "tab"),
    ("window/tab", "true", "tab"),
    ("window/tab", "@Rect(1 2 3 4)", "tab"),
    ("window/geometry", "garbage", "size and position"),
    ("window/geometry", "@ByteArray(garbage)", "size and position"),
    ("window/geometry", "", "size and position"),
    ("window/geometry", "@ByteArray(\\x1\\xd9\\xd0\\xcb\\0\\x3\\0\\0)", "size and position"),   # Qt's start, no more
    ("model/current", "x" * 10000, "model every tab used"),
    ("model/current", "@Rect(1 2 3 4)", "model every tab used"),
    ("model/current", "network:5", "model every tab used"),
    ("recent_models", "5", "recent model files"),
    ("recent_models", "a, b, c", "recent model files"),
    ("recent_models", ini_string(json.dumps([1, None, {}, "/ok.npz"])), "recent model files"),
    ("recent_models", ini_string(json.dumps([f"/m{i}.npz" for i in range(1000)])), "recent model files"),
    ("recent_models", ini_string("[" * 100000), "recent model files"),
    ("last_dir", "a, b, c", "last model file"),
    ("last_dir", "@String(a\\0\\x62)", "last model file"),
    ("last_dir", "x" * 10000, "last model file"),
    ("training", "@Variant(garbage)", "Train tab"),
    ("training", ini_string("[" * 100000), "Train tab"),
    ("training", ini_string("[" * 20000 + "]" * 20000), "Train tab"),
    ("training", ini_string('{"config": ' * 5000 + "1" + "}" * 5000), "Train tab"),
    ("training", ini_string("not json"), "Train tab"),
    ("training", "5", "Train tab"),
    ("training", ini_string("[1, 2]"), "Train tab"),
    ("training", ini_string("1" * 5000), "Train tab"),
    ("training", training(smoothing="abc"), "smoothing"),
    ("training", ini_string('{"smoothing": NaN}'), "smoothing"),
    ("training", ini_string('{"smoothing": 1e999}'), "smoothing"),
    ("training", training(smoothing=-1), "smoothing"),
    ("training", training(smoothing=[0.5]), "smoothing"),
    ("training", training(show_earlier="yes"), "earlier runs"),
    ("training", training(config={"seed": 2**32}), "seed"),
    ("training", training(config={"seed": -1}), "seed"),
    ("training", training(config={"seed": 10**300}), "seed"),
    ("training", training(config={"learning_rate": "fast"}), "learning rate"),
    ("training", training(config={"hidden": "128"}), "hidden"),
    ("training", training(config={"hidden": [0]}), "hidden"),
    ("training", training(config={"epochs": 1e300}), "epochs"),
    ("training", training(config={"activation": {"a": [1, 2]}}), "activation"),
    ("training", training(config={"no_such_setting": 1}), "network and training settings"),
    ("training", training(config=5), "network and training settings"),
    ("training", training(config={"dropout": 1.0}), "network and training settings"),
    ("training", training(config={"learning_rate": 0}), "network and training settings"),
]


def random_garbage(seed: int) -> str:
    rng = random.Random(seed)
    return "".join(rng.choice("{}[]\":,0123456789eE.-+ abcnulltruefalseNaN\\") for _ in range(rng.randint(1, 300)))


GARBAGE = [(key, ini_string(random_garbage(seed)), "")
           for seed in range(6) for key in ("training", "recent_models")]
GOOD_EXPORT_DIR = "/tmp/where-the-curves-went"


def write_ini(path, key: str, raw: str) -> None:
    section, name = key.split("/") if "/" in key else ("General", key)
    general = [f"last_export_dir={GOOD_EXPORT_DIR}"] + ([f"{name}={raw}"] if section == "General" else [])
    text = "[General]\n" + "\n".join(general) + "\n"
    if section != "General":
        text += f"\n[{section}]\n{name}={raw}\n"
    path.write_text(text, encoding="utf-8")


def stored_values(path) -> dict:
    """The settings as a fresh reader finds them on disk (a copy: QSettings caches files it has open)."""
    copy = path.with_name("copy-" + path.name)
    shutil.copy(path, copy)
    reader = QSettings(str(copy), QSettings.IniFormat)
    return {key: reader.value(key) for key in reader.allKeys()}


def assert_file_is_valid(path) -> None:
    values = stored_values(path)
    for key, raw in values.items():
        if key in stored.SETTINGS:
            raw = bytes(raw.data()) if hasattr(raw, "data") else raw
            value, problem = stored.check(key, raw)
            assert problem is None, (key, raw, problem)
    assert values["last_export_dir"] == GOOD_EXPORT_DIR       # what was not damaged is kept


@pytest.mark.parametrize("key, raw, word", DAMAGED + GARBAGE,
                         ids=[f"{k}={r[:30]}" for k, r, _ in DAMAGED + GARBAGE])
def test_a_damaged_setting_is_reset_shown_and_repaired(qtbot, small_dataset, tmp_path, key, raw, word):
    path = tmp_path / "damaged.ini"
    write_ini(path, key, raw)
    window = MainWindow(small_dataset, settings=QSettings(str(path), QSettings.IniFormat))
    qtbot.addWidget(window)
    assert window.training_tab.controls.is_valid()
    assert window.banner.isVisibleTo(window) and window.banner.kind == "warning"
    assert "reset" in window.banner.text() and word.lower() in window.banner.text().lower()
    assert window.recovered
    assert_file_is_valid(path)                               # repaired now, not only on a clean close
    window.close()
    again = MainWindow(small_dataset, settings=QSettings(str(path), QSettings.IniFormat))
    qtbot.addWidget(again)
    assert not again.banner.isVisibleTo(again) and not again.recovered


def test_good_settings_open_without_a_banner_and_a_big_seed_is_kept(qtbot, small_dataset, tmp_path):
    path = tmp_path / "good.ini"
    cfg = {"hidden": [64], "epochs": 3, "seed": 3_000_000_000}        # the CLI's seeds go up to 2**32 - 1
    write_ini(path, "training", training(config=cfg, smoothing=0.5, show_earlier=False))
    window = MainWindow(small_dataset, settings=QSettings(str(path), QSettings.IniFormat))
    qtbot.addWidget(window)
    assert not window.banner.isVisibleTo(window) and not window.recovered
    got = window.training_tab.controls.config()
    assert (got.hidden, got.epochs, got.seed) == ((64,), 3, 3_000_000_000)
    assert window.training_tab.plots.smoothing_weight() == pytest.approx(0.5)
    assert not window.training_tab.plots.show_earlier.isChecked()
    assert window.training_tab.plots.export_dir == GOOD_EXPORT_DIR


def test_a_settings_file_of_random_bytes_does_not_stop_the_window(qtbot, small_dataset, tmp_path):
    path = tmp_path / "noise.ini"
    path.write_bytes(random.Random(1).randbytes(20000))
    window = MainWindow(small_dataset, settings=QSettings(str(path), QSettings.IniFormat))
    qtbot.addWidget(window)
    assert window.training_tab.controls.is_valid()
    if window.recovered:  # the file can be written, so the banner must not say it cannot
        assert "could not be written" not in window.banner.text()
    window.close()
    values = stored_values(path)
    for key in stored.SETTINGS:
        if key in values:
            raw = values[key]
            assert stored.check(key, bytes(raw.data()) if hasattr(raw, "data") else raw)[1] is None


def test_the_recovery_banner_names_each_reset_setting_in_plain_words(qtbot, small_dataset, tmp_path):
    path = tmp_path / "two.ini"
    path.write_text("[General]\nrecent_models=5\ntraining=" + training(smoothing="abc") + "\n\n[window]\ntab=7\n")
    window = MainWindow(small_dataset, settings=QSettings(str(path), QSettings.IniFormat))
    qtbot.addWidget(window)
    text = window.banner.text().lower()
    for words in ("the tab that was open", "the curves' smoothing", "the list of recent model files"):
        assert words in text
    assert "{" not in text and "traceback" not in text and "error" not in text
    assert len(window.banner.text().splitlines()) == 1 + 3 + 1        # one line for each reset setting
    assert window.tabs.currentIndex() == 0 and window.recent_models() == []
    assert window.training_tab.plots.smoothing_weight() == pytest.approx(0.9)


class UnwritableSettings(QSettings):
    """Settings whose file cannot be written (a read-only file or disk): sync() always fails."""

    def status(self):
        return QSettings.AccessError


def test_a_settings_file_that_cannot_be_written_is_said_so(qtbot, small_dataset, tmp_path):
    path = tmp_path / "damaged.ini"
    write_ini(path, "window/tab", "12")
    window = MainWindow(small_dataset, settings=UnwritableSettings(str(path), QSettings.IniFormat))
    qtbot.addWidget(window)
    assert window.tabs.currentIndex() == 0
    assert "could not be written" in window.banner.text() and "tab" in window.banner.text()
    assert "has been repaired" not in window.banner.text()


def test_every_tab_is_remembered_without_a_recovery_banner(qtbot, tmp_path, dataset):
    from PySide6.QtCore import QSettings

    from mnist_gui.ui.main_window import MainWindow

    path = tmp_path / "tabs.ini"
    for index in range(4):
        first = MainWindow(dataset, settings=QSettings(str(path), QSettings.IniFormat))
        qtbot.addWidget(first)
        first.tabs.setCurrentIndex(index)
        first.save_settings()
        first.close()
        again = MainWindow(dataset, settings=QSettings(str(path), QSettings.IniFormat))
        qtbot.addWidget(again)
        assert again.tabs.currentIndex() == index
        assert again.recovered == []
        again.close()


def geometry_saved_on(screen_width: int, x: int, y: int, width: int, height: int) -> bytes:
    """What ``QWidget.saveGeometry`` (format 3.0) writes for a window of ``width`` × ``height`` at (x, y) on a
    screen ``screen_width`` pixels wide (e.g. the laptop the app was last used on)."""
    def rect(left, top, w, h):
        return struct.pack(">4i", left, top, left + w - 1, top + h - 1)
    return (struct.pack(">IHH", 0x1D9D0CB, 3, 0) + rect(x, y, width + 2, height + 27)
            + rect(x + 1, y + 26, width, height) + struct.pack(">iBBi", 0, 0, 0, screen_width) + rect(x + 1, y + 26, width, height))


@pytest.mark.parametrize("screen_width, size", [(1366, (700, 500)), (1024, (700, 500)), (1366, (1300, 740)),
                                                (2560, (2400, 1300))])
def test_a_window_saved_on_a_screen_of_another_size_opens_fitted_and_says_nothing(qtbot, small_dataset, tmp_path,
                                                                                 screen_width, size):
    path = tmp_path / "other-screen.ini"
    settings = QSettings(str(path), QSettings.IniFormat)
    settings.setValue("window/geometry", QByteArray(geometry_saved_on(screen_width, 30, 20, *size)))
    settings.sync()
    window = MainWindow(small_dataset, settings=QSettings(str(path), QSettings.IniFormat))
    qtbot.addWidget(window)
    assert not window.banner.isVisibleTo(window) and window.recovered == []
    free = window.screen().availableGeometry()
    assert free.width() != screen_width                      # Qt itself refuses such a geometry
    assert window.width() == min(size[0], free.width()) and window.height() == min(size[1], free.height())
    window.show()
    qtbot.waitExposed(window)
    assert free.contains(window.frameGeometry().topLeft())  # on this screen, not where the old one ended
    window.close()
    assert stored_values(path).get("window/geometry")        # kept, not thrown away as damaged
