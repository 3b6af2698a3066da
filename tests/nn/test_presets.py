"""TrainConfig validation, the presets, build_model and train_arrays."""

import dataclasses

import numpy as np
import pytest

from mnist_gui.nn import Dense, Dropout, Rescaling
from mnist_gui.nn.presets import PRESET_DESCRIPTIONS, PRESETS, TrainConfig, build_model, train_arrays


def test_presets_exist_validate_and_are_described():
    assert {"tutorial", "fast", "best-mlp"} <= set(PRESETS)
    assert set(PRESETS) == set(PRESET_DESCRIPTIONS)
    for cfg in PRESETS.values():
        cfg.validate()
    tutorial = PRESETS["tutorial"]
    assert (tutorial.hidden, tutorial.activation, tutorial.optimizer, tutorial.learning_rate, tutorial.batch_size,
            tutorial.epochs) == ((128,), "relu", "adam", 1e-3, 32, 5)


BAD = [
    ("learning_rate", 0.0), ("learning_rate", -1e-3), ("learning_rate", 11.0), ("learning_rate", float("nan")),
    ("batch_size", 0), ("batch_size", 60001), ("batch_size", 2.5), ("dropout", 1.0), ("dropout", -0.1),
    ("epochs", 0), ("epochs", 1001), ("hidden", (0,)), ("hidden", (8193,)), ("hidden", (16,) * 9),
    ("hidden", (True,)), ("activation", "swish"), ("optimizer", "adagrad"), ("schedule", "linear"),
    ("validation_split", 0.6), ("validation_split", -0.1), ("train_size", 99), ("train_size", 60001),
    ("l2", -0.1), ("seed", -1), ("epochs", True), ("architecture", "resnet"), ("augmentation", "wild"),
]


@pytest.mark.parametrize("field,value", BAD, ids=[f"{f}={v}" for f, v in BAD])
def test_validate_refuses_absurd_values_naming_the_field(field, value):
    cfg = dataclasses.replace(TrainConfig(), **{field: value})
    with pytest.raises(ValueError, match=field):
        cfg.validate()


def test_batch_size_is_checked_against_the_training_set_left_after_validation():
    TrainConfig(train_size=1000, batch_size=1000).validate()
    with pytest.raises(ValueError, match="batch_size"):
        TrainConfig(train_size=1000, validation_split=0.2, batch_size=1000).validate()


def test_dict_round_trip():
    cfg = TrainConfig(hidden=(64, 32), dropout=0.1, schedule="cosine", seed=7)
    d = cfg.to_dict()
    assert d["hidden"] == [64, 32]
    assert TrainConfig.from_dict(d) == cfg
    with pytest.raises(ValueError, match="unknown training setting"):
        TrainConfig.from_dict({**d, "momentum": 0.9})


def test_build_model_takes_uint8_images(dataset):
    cfg = TrainConfig(hidden=(32, 16), dropout=0.2, schedule="step", epochs=2, train_size=1000, batch_size=100,
                      learning_rate=0.01)
    model = build_model(cfg, class_names=dataset.class_names)
    assert isinstance(model.layers[0], Rescaling) and model.layers[0].scale == pytest.approx(1 / 255)
    assert [type(layer) for layer in model.layers[2:]] == [Dense, Dropout, Dense, Dropout, Dense]
    assert model.class_names == dataset.class_names
    assert model.metadata["config"] == cfg.to_dict()
    assert model.optimizer.schedule.step_size == 5  # a quarter of 2 epochs x 10 steps
    x, y, _, _ = train_arrays(cfg, dataset)
    history = model.fit(x, y, epochs=cfg.epochs, batch_size=cfg.batch_size)
    assert history.history["loss"][1] < history.history["loss"][0]
    assert model.evaluate(dataset.x_test[:1000], dataset.y_test[:1000])[1] > 0.3


def test_train_arrays_subsets_and_splits_reproducibly(dataset):
    full = train_arrays(TrainConfig(), dataset)
    assert full[0] is dataset.x_train and full[2] is None
    cfg = TrainConfig(train_size=1000, validation_split=0.1, seed=3)
    x, y, x_val, y_val = train_arrays(cfg, dataset)
    assert (len(x), len(y), len(x_val), len(y_val)) == (900, 900, 100, 100)
    assert x.dtype == np.uint8 and x.shape[1:] == (28, 28)
    again = train_arrays(cfg, dataset)
    np.testing.assert_array_equal(again[0], x)
    other = train_arrays(dataclasses.replace(cfg, seed=4), dataset)
    assert not np.array_equal(other[1], y)
    assert len(np.unique(y)) == 10


def test_old_dicts_without_the_new_fields_still_load():
    d = TrainConfig(hidden=(64,), seed=3).to_dict()
    del d["architecture"], d["augmentation"]
    cfg = TrainConfig.from_dict(d)
    assert (cfg.architecture, cfg.augmentation) == ("mlp", "none")


def test_new_presets_use_augmentation_and_the_cnn_builds():
    assert PRESETS["best-mlp"].augmentation != "none" and PRESETS["quick-mlp"].augmentation == "none"
    cfg = PRESETS["cnn"]
    assert cfg.architecture == "cnn"
    model = build_model(cfg)
    names = [type(layer).__name__ for layer in model.layers]
    assert names[:3] == ["Rescaling", "Reshape", "Conv2D"] and names[-1] == "Dense"
    assert model.predict(np.zeros((2, 28, 28), np.uint8)).shape == (2, 10)
    with pytest.raises(ValueError, match="grayscale"):
        build_model(cfg, input_shape=(28, 28, 3))
