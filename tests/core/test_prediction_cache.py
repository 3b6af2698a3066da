"""The on-disk prediction cache: a round trip, keys that change with the weights, the architecture and the
images, damaged files recomputed (never raised), an unwritable folder tolerated, and only a few models kept."""

import os

import numpy as np
import pytest

from mnist_gui.core.prediction_cache import PredictionCache, images_fingerprint, model_fingerprint


class Model:
    def __init__(self, seed=0, summary="dense 10"):
        self.w = np.random.default_rng(seed).normal(size=(4, 10)).astype(np.float32)
        self._summary = summary

    def summary(self):
        return self._summary

    def get_weights(self):
        return [self.w.copy()]


def probs_for(n, seed=0):
    e = np.random.default_rng(seed).random((n, 10), dtype=np.float32)
    return e / e.sum(axis=1, keepdims=True)


@pytest.fixture
def images():
    return np.random.default_rng(1).integers(0, 256, size=(300, 28, 28), dtype=np.uint8)


def test_round_trip_is_exact(tmp_path, images):
    cache, fp, probs = PredictionCache(tmp_path), model_fingerprint(Model()), probs_for(len(images))
    assert cache.load(fp, images) is None
    assert cache.store(fp, images, probs)
    again = cache.load(fp, images)
    assert again.dtype == np.float32 and np.array_equal(again, probs)
    assert [p.name for p in tmp_path.iterdir()] == [f"{fp}-{images_fingerprint(images)}.npz"]  # no temp left


def test_the_key_follows_weights_architecture_and_images(tmp_path, images):
    cache, model = PredictionCache(tmp_path), Model()
    cache.store(model_fingerprint(model), images, probs_for(len(images)))
    assert model_fingerprint(Model(summary="dense 10 relu")) != model_fingerprint(model)
    model.w[0, 0] += 1e-3   # trained further in place
    assert cache.load(model_fingerprint(model), images) is None
    other = images.copy()
    other[5, 3, 3] ^= 1
    assert cache.load(model_fingerprint(Model()), other) is None
    assert cache.load(model_fingerprint(Model()), images) is not None
    from mnist_gui.nn import Dense, Sequential
    relu, tanh = (Sequential([Dense(3, activation=act, input_shape=(4,))], seed=0) for act in ("relu", "tanh"))
    tanh.set_weights(relu.get_weights())                                 # the same weights ...
    assert model_fingerprint(relu) != model_fingerprint(tanh)             # ... but not the same model
    assert model_fingerprint(object()) is None and not cache.store(None, images, probs_for(len(images)))


@pytest.mark.parametrize("damage", ["truncate", "garbage", "empty", "wrong-shape", "nan", "wrong-key", "old-format"])
def test_a_damaged_file_is_removed_and_reported_missing(tmp_path, images, damage):
    cache, fp = PredictionCache(tmp_path), model_fingerprint(Model())
    cache.store(fp, images, probs_for(len(images)))
    (path,) = tmp_path.iterdir()
    data = path.read_bytes()
    if damage == "truncate":
        path.write_bytes(data[:len(data) // 2])
    elif damage == "garbage":
        path.write_bytes(os.urandom(len(data)))
    elif damage == "empty":
        path.write_bytes(b"")
    else:
        key = {"wrong-key": "0" * 32}.get(damage, fp) + "-" + images_fingerprint(images)
        probs = {"wrong-shape": probs_for(len(images) - 1), "nan": np.full((len(images), 10), np.nan, np.float32)}
        version = "mnist-gui predictions 0" if damage == "old-format" else "mnist-gui predictions 1"
        np.savez(path, format=np.array(version), key=np.array(key),
                 probs=probs.get(damage, probs_for(len(images))))
    assert cache.load(fp, images) is None
    assert not path.exists()


def test_only_the_last_models_are_kept(tmp_path, images):
    cache = PredictionCache(tmp_path, keep_models=2)
    fps = [model_fingerprint(Model(seed)) for seed in range(4)]
    for i, fp in enumerate(fps):
        cache.store(fp, images, probs_for(len(images)))
        for path in tmp_path.iterdir():   # make the order of writing visible to mtime
            if path.name.startswith(fp):
                os.utime(path, (1000 + i, 1000 + i))
    assert sorted(p.name.split("-")[0] for p in tmp_path.iterdir()) == sorted(fps[2:])
    assert cache.load(fps[3], images) is not None and cache.load(fps[0], images) is None


def test_a_folder_that_cannot_be_written_means_no_caching_not_an_error(tmp_path, images):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be")   # as unwritable as a read-only one, even for root
    cache, fp = PredictionCache(blocker / "predictions"), model_fingerprint(Model())
    assert cache.store(fp, images, probs_for(len(images))) is False
    assert cache.load(fp, images) is None


def test_a_full_disk_means_no_caching_and_leaves_no_partial_file(tmp_path, images, monkeypatch):
    cache, fp = PredictionCache(tmp_path / "predictions"), model_fingerprint(Model())

    def full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(np, "savez", full)
    assert cache.store(fp, images, probs_for(len(images))) is False
    assert list((tmp_path / "predictions").iterdir()) == []   # no half-written or temporary file
    assert cache.load(fp, images) is None
