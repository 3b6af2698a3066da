"""The Draw tab with the real ``to_mnist`` and a real engine model: live, throttled predictions; nothing for
an empty canvas; pictures from files, drops, the clipboard and the Dataset tab; the position and size of a
digit on the canvas must not change the answer; the steps and the overlay; "My digits" across a restart.
"""

from __future__ import annotations

import warnings

import numpy as np
import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QColor, QDropEvent, QGuiApplication, QImage, QPainter, QPen

from mnist_gui.core.paths import resource_path, user_data_dir
from mnist_gui.ui.draw.tab import DrawTab
from mnist_gui.ui.widgets.qimages import gray_to_qimage as array_to_qimage, qimage_to_array, qimage_to_rgba
from mnist_gui.core.my_digits import IMAGES, MyDigitsStore
from mnist_gui.ui.draw.prediction_view import EMPTY_TEXT, NO_MODEL_TEXT
from mnist_gui.core.inference import classify, classify_batch, takes_raw_pixels
from mnist_gui.core.saliency import occlusion_map

ONE = [(140, 30), (142, 140), (144, 250)]
ZERO = [(140 + 70 * np.sin(t), 140 - 105 * np.cos(t)) for t in np.linspace(0, 2 * np.pi, 40)]
SEVEN = [(60, 50), (150, 48), (220, 52), (190, 120), (160, 190), (140, 250)]


@pytest.fixture(scope="module")
def trained_model(dataset):
    """The bundled default model once it exists; until then a quick 'fast'-preset model (~97%)."""
    from mnist_gui.nn import load_model, presets

    default = resource_path("models", "default.npz")
    if default.exists():
        return load_model(default)
    cfg = presets.PRESETS["fast"]
    model = presets.build_model(cfg)
    model.fit(dataset.x_train, dataset.y_train, epochs=1, batch_size=cfg.batch_size, verbose=0, seed=0)
    return model


@pytest.fixture
def tab(qtbot, trained_model):
    tab = DrawTab()
    qtbot.addWidget(tab)
    tab.set_model(trained_model)
    return tab


def answer(tab) -> int | None:
    tab.update_prediction()
    top = tab.prediction.top()
    return None if top is None else top[0]


def test_an_empty_canvas_shows_no_prediction(tab):
    assert answer(tab) is None and tab.prediction.message() == EMPTY_TEXT
    assert tab.network_input() is None
    tab.pad.draw_stroke(ONE)
    assert answer(tab) is not None
    tab.pad.clear()
    assert answer(tab) is None and tab.prediction.message() == EMPTY_TEXT
    tab.pad.undo()
    tab.pad.draw_stroke(ONE, width=50, erase=True)  # rubbed out: only anti-aliased dust may remain
    assert answer(tab) is None


def test_without_a_model_drawing_works_and_says_no_model(qtbot):
    tab = DrawTab()
    qtbot.addWidget(tab)
    tab.pad.draw_stroke(ONE)
    assert answer(tab) is None and tab.prediction.message() == NO_MODEL_TEXT
    assert tab.network_input() is not None and tab.network_view.input_image.array() is not None


def test_set_model_switches_the_model(tab, trained_model):
    tab.pad.draw_stroke(ONE)
    assert answer(tab) == 1
    tab.set_model(None)
    assert tab.prediction.top() is None and tab.prediction.message() == NO_MODEL_TEXT
    tab.set_model(trained_model)
    assert tab.prediction.top()[0] == 1, "set_model updates the prediction at once"


def test_live_prediction_is_throttled_and_never_runs_inside_a_stroke(tab, qtbot):
    updates = []
    tab.prediction_updated.connect(lambda: updates.append(1))
    tab.pad.begin_stroke(140, 30)
    for y in range(35, 251, 5):
        tab.pad.extend_stroke(140, y)
    assert updates == [], "stroke events only start a timer"
    with qtbot.waitSignal(tab.prediction_updated, timeout=2000):
        pass
    tab.pad.end_stroke()
    qtbot.wait(120)
    assert len(updates) <= 2, "44 segments and a stroke end coalesce into one or two updates"
    assert tab.prediction.top()[0] == 1


@pytest.mark.parametrize("strokes, expected", [([ONE], 1), ([ZERO], 0), ([SEVEN, [(120, 150), (210, 150)]], 7)])
def test_drawn_digits_are_recognised(tab, strokes, expected):
    for points in strokes:
        tab.pad.draw_stroke(points)
    assert answer(tab) == expected


def test_drawing_with_the_mouse_updates_the_prediction(tab, qtbot):
    tab.resize(900, 600)
    tab.show()
    qtbot.waitExposed(tab)
    pad = tab.pad
    side = min(pad.width(), pad.height())
    x0 = (pad.width() - side) // 2
    qtbot.mousePress(pad, Qt.LeftButton, pos=QPointF(x0 + side * 0.5, side * 0.1).toPoint())
    for f in np.linspace(0.15, 0.9, 12):
        qtbot.mouseMove(pad, QPointF(x0 + side * 0.5, side * f).toPoint())
    qtbot.mouseRelease(pad, Qt.LeftButton, pos=QPointF(x0 + side * 0.5, side * 0.9).toPoint())
    qtbot.waitUntil(lambda: tab.prediction.top() is not None, timeout=2000)
    assert tab.prediction.top()[0] == 1


def placed(digit: np.ndarray, size: int, top: int, left: int, canvas: int = 280) -> np.ndarray:
    """An MNIST digit scaled (smoothly) to size x size and put at (top, left) on a black canvas."""
    scaled = array_to_qimage(digit).scaled(size, size, Qt.IgnoreAspectRatio, Qt.SmoothTransformation)
    out = np.zeros((canvas, canvas), np.float32)
    out[top:top + size, left:left + size] = qimage_to_array(scaled)
    return out


def test_position_and_size_on_the_canvas_do_not_change_the_answer(tab, dataset, trained_model):
    rng = np.random.default_rng(0)
    n = 300
    picks = rng.choice(len(dataset.x_test), n, replace=False)
    originals = dataset.x_test[picks]
    expected = classify_batch(trained_model, originals.astype(np.float32) / 255).argmax(axis=1)
    agree = 0
    for digit, want in zip(originals, expected):
        size = int(rng.integers(56, 281))  # from 2x to 10x MNIST's size
        top, left = (int(v) for v in rng.integers(0, 280 - size + 1, 2))
        tab.pad.set_image(placed(digit, size, top, left))
        agree += answer(tab) == want
    print(f"\nplacement test: {agree}/{n} = {agree / n:.1%} agree with the model on the originals")
    assert agree / n >= 0.97


def test_images_from_the_dataset_tab_are_classified_like_the_originals(tab, dataset, trained_model):
    digits = dataset.x_test[:20]
    expected = classify_batch(trained_model, digits.astype(np.float32) / 255).argmax(axis=1)
    got = []
    for digit in digits:
        tab.show_image(digit)
        got.append(answer(tab))
    assert np.mean(np.array(got) == expected) >= 0.95
    assert tab.pad.image().max() > 0.95 and tab.pad.image()[0, 0] == 0.0, "shown ink bright on black"


def dark_one_on_white(width=300, height=400) -> QImage:
    image = QImage(width, height, QImage.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setPen(QPen(QColor("black"), 24, Qt.SolidLine, Qt.RoundCap))
    painter.drawLine(150, 60, 150, 340)
    painter.end()
    return image


@pytest.mark.parametrize("suffix", ["png", "jpg", "bmp"])
def test_opening_an_image_file_shows_and_classifies_it(tab, tmp_path, suffix):
    path = tmp_path / f"one.{suffix}"
    assert dark_one_on_white().save(str(path))
    assert tab.open_file(path)
    assert answer(tab) == 1
    image = tab.pad.image()
    assert image[0, 0] < 0.05 and image.max() > 0.95, "dark ink on white paper arrives ink bright"
    assert "one." in tab.status.text()


def test_a_corrupt_or_missing_file_gives_a_clear_message_and_leaves_the_canvas(tab, tmp_path):
    tab.pad.draw_stroke(ONE)
    before = tab.pad.image()
    bad = tmp_path / "broken.png"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 3)
    assert not tab.open_file(bad)
    assert "broken.png" in tab.status.text() and "canvas is unchanged" in tab.status.text()
    assert not tab.open_file(tmp_path / "nowhere.png")
    assert "nowhere.png" in tab.status.text()
    assert np.array_equal(tab.pad.image(), before)
    assert answer(tab) == 1
    tab.pad.draw_stroke([(20, 20), (30, 30)])
    assert tab.status.text() == "", "the complaint goes once the person draws again"


def drop(tab, mime: QMimeData) -> QDropEvent:
    event = QDropEvent(QPointF(100, 100), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)
    tab.dropEvent(event)
    return event


def test_dropping_files_and_pictures_on_the_tab(tab, tmp_path):
    good, bad = tmp_path / "one.png", tmp_path / "bad.png"
    dark_one_on_white().save(str(good))
    bad.write_bytes(b"this is not a picture")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(bad))])
    drop(tab, mime)
    assert "bad.png" in tab.status.text() and tab.pad.is_blank()
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(good))])
    assert drop(tab, mime).isAccepted()
    assert answer(tab) == 1
    tab.pad.clear()
    mime = QMimeData()
    mime.setImageData(dark_one_on_white())
    drop(tab, mime)
    assert answer(tab) == 1


def test_pasting_a_picture(tab):
    QGuiApplication.clipboard().setImage(dark_one_on_white())
    assert tab.paste()
    assert answer(tab) == 1
    QGuiApplication.clipboard().setText("just words")
    assert not tab.paste() and "no picture" in tab.status.text()


def test_undo_and_redo_actions(tab):
    assert not tab.undo_action.isEnabled()
    tab.pad.draw_stroke(ONE)
    assert tab.undo_action.isEnabled()
    tab.undo_action.trigger()
    assert tab.pad.image().max() == 0 and tab.redo_action.isEnabled()
    tab.redo_action.trigger()
    assert answer(tab) == 1


def test_steps_and_overlay_show_what_the_network_sees(tab, qtbot):
    tab.pad.draw_stroke(SEVEN)
    tab.pad.draw_stroke([(120, 150), (210, 150)])
    view = tab.network_view
    view.steps_box.setChecked(True)
    view.overlay_box.setChecked(True)
    x = tab.network_input()
    assert x.shape == (28, 28) and np.array_equal(view.input_image.array(), x)
    steps = {key: image.array() for key, image in view.step_images.items()}
    assert max(steps["scaled"].shape) == 20 and steps["centred"].shape == (28, 28)
    assert steps["cropped"].shape[0] > 100, "the crop is at the drawing's resolution"
    assert steps["ink"].shape == steps["picture"].shape == (280, 280), "a drawing is its own ink: no paper"
    qtbot.waitUntil(view.input_image.has_overlay, timeout=2000)
    assert "surer it is a 7" in view.legend.text()

    tab.pad.begin_stroke(40, 250)
    tab.pad.extend_stroke(60, 250)
    tab.update_prediction()
    qtbot.wait(250)
    assert not view.input_image.has_overlay(), "no occlusion map while the pen is down"
    assert view.legend.isVisibleTo(view), "the legend stays, so the layout does not jump"
    tab.pad.end_stroke()
    qtbot.waitUntil(view.input_image.has_overlay, timeout=2000)
    view.overlay_box.setChecked(False)
    assert not view.input_image.has_overlay() and not view.legend.isVisibleTo(view)


def test_occlusion_map_lives_on_the_ink_and_supports_the_answer(tab, trained_model):
    tab.pad.draw_stroke(ONE)
    tab.update_prediction()
    x = tab.network_input()
    heat = occlusion_map(trained_model, x)
    assert heat.shape == (28, 28) and np.abs(heat).max() == pytest.approx(1.0)
    assert np.all(heat[x == 0] == 0)
    assert heat.sum() > 0, "the ink of a clear 1 is evidence for 1"


def test_classify_feeds_the_scale_the_model_was_trained_on(trained_model, dataset):
    x = dataset.x_test[:1].astype(np.float32) / 255
    assert takes_raw_pixels(trained_model), "preset models start with Rescaling(1/255)"
    np.testing.assert_allclose(classify(trained_model, x[0]), trained_model.predict(x * 255)[0], rtol=1e-5)

    from mnist_gui.nn import Dense, Flatten, Sequential

    plain = Sequential([Flatten(input_shape=(28, 28)), Dense(10, activation="softmax")])
    plain.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
    assert not takes_raw_pixels(plain)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # the engine warns when raw 0-255 pixels reach a model without Rescaling
        np.testing.assert_allclose(classify(plain, x[0]), plain.predict(x)[0], rtol=1e-5)


def test_the_collection_survives_a_new_tab(qtbot, trained_model):
    tab = DrawTab()
    qtbot.addWidget(tab)
    tab.set_model(trained_model)
    tab.pad.draw_stroke([(140, 30), (140, 250)])
    tab.pad.setFocus()
    qtbot.keyClick(tab.pad, Qt.Key_1)
    tab.my_digits.label_chosen.emit(7)  # the "7" button: the same drawing kept, wrongly, as a 7
    assert tab.my_digits.list.count() == 2
    assert tab.my_digits.accuracy() == (1, 2)
    assert "1 of 2" in tab.my_digits.score.text()
    assert (user_data_dir() / "my-digits" / IMAGES).exists()

    again = DrawTab()
    qtbot.addWidget(again)
    assert again.my_digits.list.count() == 2 and again.my_digits.accuracy() is None
    again.set_model(trained_model)
    assert again.my_digits.accuracy() == (1, 2)
    again.my_digits.list.item(1).setSelected(True)
    again.my_digits.delete_button.click()
    assert again.my_digits.accuracy() == (1, 1)
    assert MyDigitsStore().labels.tolist() == [1]




def red_pixels(widget) -> np.ndarray:
    """(H, W) bool: where the widget, as painted, shows the occlusion map's red (not white ink, not black,
    not the orange of the digits' boxes)."""
    rgb = qimage_to_rgba(widget.grab().toImage())[..., :3].astype(int)
    r, g, b = rgb[..., 0], rgb[..., 1], rgb[..., 2]
    return (r > 150) & (r - g > 60) & (np.abs(g - b) < 40)


def test_which_pixels_mattered_shows_over_the_digit_on_the_big_pad(tab, qtbot):
    tab.resize(900, 600)
    tab.show()
    qtbot.waitExposed(tab)
    # a small 7 in the top-left corner: the 28x28 input is centred, the colours must come back to the corner
    tab.pad.draw_stroke([(20, 20), (110, 20), (60, 130)])
    view = tab.network_view
    assert not red_pixels(tab.pad).any()
    view.overlay_box.setChecked(True)
    qtbot.waitUntil(lambda: tab.pad.heat() is not None, timeout=2000)
    rgba, rect = tab.pad.heat()
    assert 0 <= rect.left() and rect.right() <= 125 and 0 <= rect.top() and rect.bottom() <= 145
    red = red_pixels(tab.pad)
    side = min(tab.pad.width(), tab.pad.height())
    ys, xs = np.nonzero(red)
    assert len(ys) > 50, "the evidence for the 7 is coloured on the pad"
    assert xs.max() < (tab.pad.width() - side) / 2 + side * 130 / 280 and ys.max() < side * 150 / 280, \
        "the colours sit on the digit as drawn, not where the 28x28 input has it"

    tab.pad.begin_stroke(200, 200)
    tab.pad.extend_stroke(220, 220)
    tab.update_prediction()
    assert tab.pad.heat() is None, "a new stroke takes the old colours away at once"
    tab.pad.end_stroke()
    qtbot.waitUntil(lambda: tab.pad.heat() is not None, timeout=2000)
    view.overlay_box.setChecked(False)
    assert tab.pad.heat() is None and not red_pixels(tab.pad).any()
