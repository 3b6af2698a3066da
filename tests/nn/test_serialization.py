"""save/load: round trips with optimizer state, exact resumption, atomic writes, and bad files."""

import io
import json
import pickle
import zipfile

import numpy as np
import pytest

from mnist_gui.nn import (SGD, Adam, CosineDecay, Dense, Dropout, Flatten, LeakyReLU, ModelFileError, Rescaling,
                          Sequential, load_model)


def make_model(seed=0, optimizer=None):
    model = Sequential([Rescaling(1 / 255, input_shape=(28, 28)), Flatten(), Dense(24, activation="relu"),
                        Dropout(0.25), Dense(12), LeakyReLU(0.1), Dense(10, activation="softmax")], seed=seed)
    model.compile(optimizer=optimizer or Adam(2e-3, schedule=CosineDecay(decay_steps=60)),
                  loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    return model


@pytest.fixture
def data(dataset):
    return dataset.x_train[:1000], dataset.y_train[:1000]


def test_round_trip_keeps_everything(tmp_path, data):
    model = make_model()
    model.fit(*data, epochs=1, batch_size=100)
    model.class_names = [f"digit {i}" for i in range(10)]
    model.metadata["test_accuracy"] = 0.5
    path = model.save(tmp_path / "model.npz")
    loaded = load_model(path)
    np.testing.assert_array_equal(loaded.predict(data[0][:50]), model.predict(data[0][:50]))
    assert loaded.summary_text() == model.summary_text()
    assert loaded.class_names == model.class_names
    assert loaded.metadata == {"epochs_trained": 1, "test_accuracy": 0.5}
    assert loaded.seed == model.seed and loaded.epochs_trained == 1
    assert loaded.optimizer.get_config() == model.optimizer.get_config()
    assert loaded.optimizer.iterations == model.optimizer.iterations == 10
    for key in ("m", "v"):
        np.testing.assert_array_equal(loaded.optimizer.state[key], model.optimizer.state[key])
    assert loaded.layers[5].activation.negative_slope == 0.1


def test_resumed_training_continues_exactly(tmp_path, data):
    straight = make_model(seed=3)
    straight.fit(*data, epochs=3, batch_size=64)
    first = make_model(seed=3)
    first.fit(*data, epochs=1, batch_size=64)
    resumed = load_model(first.save(tmp_path / "half"))
    resumed.fit(*data, epochs=2, batch_size=64)
    np.testing.assert_array_equal(resumed._params, straight._params)
    np.testing.assert_array_equal(resumed.optimizer.state["v"], straight.optimizer.state["v"])


def test_npz_suffix_is_added_and_no_temporary_files_remain(tmp_path):
    path = make_model().save(tmp_path / "plain")
    assert path == tmp_path / "plain.npz" and path.is_file()
    assert [p.name for p in tmp_path.iterdir()] == ["plain.npz"]
    no_optimizer = make_model().save(tmp_path / "small.npz", include_optimizer=False)
    assert load_model(no_optimizer).optimizer.iterations == 0


def test_a_failed_save_leaves_the_old_file_intact(tmp_path, monkeypatch):
    path = make_model(seed=1).save(tmp_path / "model.npz")
    before = path.read_bytes()

    def crash(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(np, "savez", crash)
    with pytest.raises(OSError, match="disk full"):
        make_model(seed=2).save(path)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["model.npz"]


def rewrite(path, change):
    """Load the arrays of a saved model, let `change` edit the dict, write them back."""
    with np.load(path) as npz:
        arrays = {k: npz[k] for k in npz.files}
    change(arrays)
    with open(path, "wb") as f:
        np.savez(f, **arrays)


def edit_config(edit):
    def change(arrays):
        config = json.loads(arrays["config"].tobytes())
        edit(config)
        arrays["config"] = np.frombuffer(json.dumps(config).encode(), np.uint8)
    return change


BAD_EDITS = {
    "missing params": (lambda a: a.pop("params"), "missing the 'params' array"),
    "extra entry": (lambda a: a.update(extra=np.zeros(3)), "unexpected entries"),
    "missing optimizer state": (lambda a: a.pop("optimizer/v"), "missing the optimizer array"),
    "short params": (lambda a: a.update(params=a["params"][:-1]), "architecture needs"),
    "params as float64": (lambda a: a.update(params=a["params"].astype(np.float64)), "1-D float32"),
    "2-D params": (lambda a: a.update(params=a["params"].reshape(1, -1)), "1-D float32"),
    "NaN weight": (lambda a: a["params"].__setitem__(5, np.nan), "NaN or infinite"),
    "wrong state shape": (lambda a: a.update({"optimizer/m": a["optimizer/m"][:10]}), "optimizer array 'm'"),
    "config not JSON": (lambda a: a.update(config=np.frombuffer(b"{oops", np.uint8)), "not valid JSON"),
    "config as text": (lambda a: a.update(config=np.array("{}")), "UTF-8 JSON bytes"),
    "foreign format": (edit_config(lambda c: c.update(format="keras")), "not a mnist-gui model file"),
    "future version": (edit_config(lambda c: c.update(version=99)), "newer than this program"),
    "unknown layer": (edit_config(lambda c: c["layers"][2].update({"class": "Conv3D"})), "unknown type 'Conv3D'"),
    "bad layer config": (edit_config(lambda c: c["layers"][2]["config"].update(units=-3)), "bad configuration"),
    "wider layer": (edit_config(lambda c: c["layers"][2]["config"].update(units=25)), "architecture needs"),
    "unknown activation": (edit_config(lambda c: c["layers"][2]["config"].update(activation={"name": "swish"})),
                           "unknown activation"),
    "unknown optimizer": (edit_config(lambda c: c["optimizer"]["config"].update(name="adagrad")), "unknown optimizer"),
    "bad class names": (edit_config(lambda c: c.update(class_names=["a"])), "class_names"),
    "bad step count": (edit_config(lambda c: c["optimizer"].update(iterations=-1)), "step count"),
}


@pytest.mark.parametrize("name", BAD_EDITS)
def test_tampered_files_raise_value_error(tmp_path, name):
    change, message = BAD_EDITS[name]
    path = make_model().save(tmp_path / "model.npz")
    rewrite(path, change)
    with pytest.raises(ValueError, match=message):
        load_model(path)


def test_truncated_random_and_foreign_files_raise_value_error(tmp_path):
    good = make_model().save(tmp_path / "model.npz").read_bytes()
    cases = {
        "truncated.npz": good[: len(good) // 2],
        "header.npz": good[:100],
        "empty.npz": b"",
        "random.npz": np.random.default_rng(0).bytes(5000),
        "text.npz": b"hello world\n",
    }
    for name, content in cases.items():
        (tmp_path / name).write_bytes(content)
        with pytest.raises(ModelFileError):  # a ValueError
            load_model(tmp_path / name)
    np.save(tmp_path / "array.npy", np.zeros(3))
    with pytest.raises(ValueError, match="not an .npz archive"):
        load_model(tmp_path / "array.npy")
    with pytest.raises(ValueError, match="no such model file"):
        load_model(tmp_path / "missing.npz")
    with pytest.raises(ValueError, match="no such model file"):
        load_model(tmp_path)


class Boom:
    """Unpickling this would run code."""

    def __reduce__(self):
        return (print, ("unpickled!",))


def test_a_pickle_inside_is_refused_and_never_unpickled(tmp_path, capsys):
    path = make_model().save(tmp_path / "model.npz")
    rewrite(path, lambda a: a.update(params=np.array([Boom()], dtype=object)))
    with pytest.raises(ValueError, match="pickled Python objects"):
        load_model(path)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        zf.writestr("config.npy", pickle.dumps(Boom()))
    (tmp_path / "pickle.npz").write_bytes(buffer.getvalue())
    with pytest.raises(ValueError):
        load_model(tmp_path / "pickle.npz")
    (tmp_path / "raw.npz").write_bytes(pickle.dumps({"params": Boom()}))
    with pytest.raises(ValueError):
        load_model(tmp_path / "raw.npz")
    assert "unpickled" not in capsys.readouterr().out


def test_sgd_model_round_trip(tmp_path, data):
    model = make_model(optimizer=SGD(0.1, momentum=0.9))
    model.fit(*data, epochs=1, batch_size=200)
    loaded = load_model(model.save(tmp_path / "sgd.npz"))
    assert isinstance(loaded.optimizer, SGD) and loaded.optimizer.momentum == 0.9
    np.testing.assert_array_equal(loaded.optimizer.state["velocity"], model.optimizer.state["velocity"])


def test_plain_sgd_keeps_its_step_count(tmp_path, data):
    """An optimizer without state arrays still has a step count, which schedules depend on."""
    model = make_model(optimizer=SGD(0.05, schedule=CosineDecay(decay_steps=100)))
    model.fit(*data, epochs=1, batch_size=100)
    loaded = load_model(model.save(tmp_path / "plain-sgd.npz"))
    assert loaded.optimizer.state == {} and loaded.optimizer.iterations == 10
    assert loaded.optimizer.current_learning_rate() == model.optimizer.current_learning_rate()


def test_unsaveable_metadata_is_a_clear_error(tmp_path):
    model = make_model()
    model.metadata["when"] = object()
    with pytest.raises(ValueError, match="plain JSON"):
        model.save(tmp_path / "m.npz")
    assert not list(tmp_path.iterdir())
