"""The Training tab's architecture and augmentation settings: presets, refusals, the preview, a CNN run,
augmentation reaching fit, and settings kept between sessions."""

from __future__ import annotations

import dataclasses
import json

import numpy as np
import pytest
from PySide6.QtCore import QSettings, Qt

from mnist_gui.data.augment import AUGMENTATION_PRESETS
from mnist_gui.nn.presets import PRESETS, TrainConfig
from mnist_gui.core.training_text import network_line
from mnist_gui.ui.main_window import MainWindow
from mnist_gui.ui.train.tab import TrainingTab

def make_tab(qtbot, dataset) -> TrainingTab:
    tab = TrainingTab(dataset)
    qtbot.addWidget(tab)
    return tab


def hidden_label(tab) -> str:
    return tab.controls.forms["Network"].labelForField(tab.controls.hidden).text()


def test_presets_set_architecture_and_augmentation(qtbot, small_dataset):
    tab = make_tab(qtbot, small_dataset)
    c = tab.controls
    c.apply_preset("cnn")
    assert c.architecture.currentData() == "cnn" and c.config().architecture == "cnn"
    assert c.augmentation.currentText() == PRESETS["cnn"].augmentation
    assert hidden_label(tab) == "Dense head" and "convolutions" in c.hidden.toolTip()
    assert "conv" in tab.summary.text().lower()          # the engine's summary of the built CNN
    c.apply_preset("best-mlp")
    assert c.architecture.currentData() == "mlp" and hidden_label(tab) == "Hidden layers"
    assert c.augmentation.currentText() == PRESETS["best-mlp"].augmentation != "none"
    assert f"{PRESETS['best-mlp'].augmentation} augmentation" in tab.summary.text()
    c.apply_preset("tutorial")
    assert c.augmentation.currentText() == "none" and "augmentation" not in tab.summary.text()
    c.augmentation.setCurrentText("strong")                 # any change makes the settings custom
    assert c.preset.currentText() == "custom" and c.config().augmentation == "strong"
    c.architecture.setCurrentIndex(c.architecture.findData("cnn"))
    assert c.config().architecture == "cnn" and c.is_valid()


@pytest.mark.parametrize("field, value", [("architecture", "rnn"), ("augmentation", "wild")])
def test_unknown_architecture_or_augmentation_is_refused_at_the_control(qtbot, small_dataset, field, value):
    tab = make_tab(qtbot, small_dataset)
    tab.controls.set_config(dataclasses.replace(PRESETS["tutorial"], **{field: value}))
    assert not tab.controls.is_valid() and not tab.start_button.isEnabled()
    assert field in tab.controls.error.lower()
    assert getattr(tab.controls, field).property("invalid") is True
    assert tab.start() is False
    tab.controls.apply_preset("tutorial")
    assert tab.controls.is_valid() and not getattr(tab.controls, field).property("invalid")


def test_the_preview_follows_the_augmentation_and_is_absent_for_none(qtbot, small_dataset):
    tab = make_tab(qtbot, small_dataset)
    preview, combo = tab.augment_preview, tab.controls.augmentation
    tab.show()
    combo.setCurrentText("none")
    assert not preview.is_showing() and not preview.mosaic.isVisible()
    assert "No distortion" in preview.caption.text()
    combo.setCurrentText("light")
    assert preview.is_showing() and preview.mosaic.isVisible()
    light = preview.frames.copy()
    original = small_dataset.x_train[preview.index]
    assert light.shape == (16, 28, 28) and light.dtype == np.uint8
    assert len({f.tobytes() for f in light}) == 16                          # 16 different distortions
    assert not np.array_equal(light[0], original)
    assert np.corrcoef(light.reshape(16, -1).astype(float).mean(0), original.ravel())[0, 1] > 0.5  # still the digit
    combo.setCurrentText("strong")
    assert not np.array_equal(preview.frames, light)
    strong_spread = np.abs(preview.frames.astype(int) - original).mean()
    assert strong_spread > np.abs(light.astype(int) - original).mean()     # strong distorts more than light
    first = preview.index
    qtbot.mouseClick(preview.mosaic, Qt.LeftButton)                          # a click picks another digit
    assert preview.index != first and not np.array_equal(small_dataset.x_train[preview.index], original)
    qtbot.mouseClick(preview.another, Qt.LeftButton)
    assert preview.is_showing() and preview.frames.shape == (16, 28, 28)
    combo.setCurrentText("none")
    assert not preview.is_showing() and not preview.mosaic.isVisible()


def test_a_short_cnn_run_trains_and_shows_its_filters(qtbot, small_dataset):
    tab = make_tab(qtbot, small_dataset)
    c = tab.controls
    c.apply_preset("cnn")
    c.epochs.setValue(1)
    c.train_size.setValue(200)
    c.batch_size.setValue(50)
    c.validation_split.setValue(0.0)
    assert c.is_valid(), c.error
    with qtbot.waitSignal(tab.model_trained, timeout=120000) as trained:
        with qtbot.waitSignal(tab.run_finished, timeout=120000) as finished:
            assert tab.start()
    result = finished.args[0]
    assert result is not None and result.stop_reason is None, tab.log.toPlainText()
    model = trained.args[0]
    assert model is result.model
    assert any(getattr(getattr(layer, "kernel", None), "ndim", 0) == 4 for layer in model.layers)
    assert model.predict(small_dataset.x_test[:5]).shape == (5, 10)
    assert not tab.banner.isVisibleTo(tab) and "Test accuracy" in tab.log.toPlainText()
    assert tab.weights.units_shown > 0 and "convolution" in tab.weights.title.text()
    tab.set_model(model)                                   # as when the window makes it the current model
    assert "convolution" in tab.weights.title.text()


def test_the_chosen_augmentation_reaches_fit(qtbot, small_dataset):
    tab = make_tab(qtbot, small_dataset)
    c = tab.controls
    c.apply_preset("tutorial")
    c.hidden.setText("16")
    c.epochs.setValue(1)
    c.train_size.setValue(300)
    c.batch_size.setValue(50)
    c.augmentation.setCurrentText("light")
    with qtbot.waitSignal(tab.run_finished, timeout=60000) as finished:
        assert tab.start()
    result = finished.args[0]
    assert result.config.augmentation == "light"
    assert result.model.metadata.get("augmentation") == AUGMENTATION_PRESETS["light"].to_dict()
    assert "light augmentation" in tab.log.toPlainText()


def test_architecture_and_augmentation_persist_across_windows(qtbot, small_dataset, tmp_path):
    path = str(tmp_path / "persist.ini")
    first = MainWindow(small_dataset, settings=QSettings(path, QSettings.IniFormat))
    qtbot.addWidget(first)
    c = first.training_tab.controls
    c.apply_preset("cnn")
    c.augmentation.setCurrentText("strong")
    c.hidden.setText("64")
    first.close()
    assert json.loads(QSettings(path, QSettings.IniFormat).value("training"))["config"]["augmentation"] == "strong"

    second = MainWindow(small_dataset, settings=QSettings(path, QSettings.IniFormat))
    qtbot.addWidget(second)
    tab = second.training_tab
    cfg = tab.controls.config()
    assert (cfg.architecture, cfg.augmentation, cfg.hidden) == ("cnn", "strong", (64,))
    assert hidden_label(tab) == "Dense head"
    assert tab.augment_preview.preset == "strong" and tab.augment_preview.is_showing()


def test_augmentation_preview_works_without_a_dataset_label(qtbot):
    from mnist_gui.ui.train.augment_preview import AugmentPreview

    images = np.zeros((3, 28, 28), np.uint8)
    images[:, 8:20, 12:16] = 255
    preview = AugmentPreview(images)
    qtbot.addWidget(preview)
    preview.set_preset("standard")
    assert preview.is_showing() and "Training image" in preview.which.text()
    preview.set_preset("no-such-preset")
    assert not preview.is_showing() and "Unknown" in preview.caption.text()


def test_a_huge_cnn_head_is_summarised_without_building_it():
    small = network_line(TrainConfig(architecture="cnn", hidden=(64,)))
    assert small.startswith("784 → conv") and "64 relu → 10 softmax" in small
    huge = network_line(TrainConfig(architecture="cnn", hidden=(8192, 8192)))   # 80M weights: not built
    assert "8192 relu → 8192 relu → 10 softmax" in huge and "parameters" in huge
    flat = int(huge.split("(")[1].split()[0].replace(",", ""))
    conv_part = int(small.split(" · ")[-1].split()[0].replace(",", "")) - (flat + 1) * 64 - 65 * 10
    assert f"{conv_part + (flat + 1) * 8192 + 8193 * 8192 + 8193 * 10:,} parameters" in huge
