"""The PCA map and the lab, without Qt: checked against NumPy's SVD and against the edited forward pass."""

from __future__ import annotations

import numpy as np
import pytest

from mnist_gui.core import lab, pca
from mnist_gui.nn.presets import TrainConfig, build_model
from mnist_gui.nn import Conv2D, Dense, Flatten, MaxPooling2D, Rescaling, Reshape, Sequential, layer_outputs


@pytest.fixture(scope="module")
def mlp(small_images):
    model = build_model(TrainConfig(hidden=(32,), seed=3))
    model.fit(small_images[0], small_images[1], epochs=1, batch_size=64)
    return model


@pytest.fixture(scope="module")
def small_images(dataset):
    return dataset.x_test[:400], dataset.y_test[:400]


@pytest.fixture(scope="module")
def cnn():
    model = Sequential([Rescaling(1 / 255, input_shape=(28, 28)), Reshape((28, 28, 1)), Conv2D(4, 3, activation="relu"),
                        MaxPooling2D(2), Conv2D(6, 3, activation="relu"), Flatten(), Dense(12, activation="relu"),
                        Dense(10, activation="softmax")], seed=5)
    model.compile("adam")
    return model


def test_principal_components_match_numpy_svd():
    x = np.random.default_rng(1).normal(size=(500, 400)) * (5 / (1 + np.arange(400)))  # a falling spectrum
    coords, mean, components, explained = pca.principal_components(x)
    xc = x - x.mean(axis=0)
    _, s, vt = np.linalg.svd(xc, full_matrices=False)
    for k in range(2):
        assert abs(float(np.dot(components[k], vt[k]))) == pytest.approx(1.0, abs=1e-4)
        assert abs(np.corrcoef(coords[:, k], xc @ vt[k])[0, 1]) == pytest.approx(1.0, abs=1e-5)
    np.testing.assert_allclose(explained, s[:2] ** 2 / (s ** 2).sum(), rtol=1e-3)


def test_map_places_a_test_image_where_its_point_is(mlp, small_images):
    images, labels = small_images
    layer = pca.mappable_layers(mlp)[0][0]
    m = pca.pca_map(mlp, images, labels, layer)
    assert m.coords.shape == (400, 2) and (m.labels == labels).all()
    np.testing.assert_allclose(m.place(mlp, images[17] / 255), m.coords[17], atol=1e-3)


def test_wide_layers_are_not_offered_for_a_map(cnn):
    names = [name for name, _ in pca.mappable_layers(cnn)]
    assert "conv2d" not in names and "dense" in names  # 2,704 numbers per image vs 12


def test_switching_a_unit_off_silences_it_and_its_effect(cnn, small_images):
    x = small_images[0][:20]
    twin = lab.edited(cnn, lab.Edits(off={"dense": {3}}))
    outs = dict(layer_outputs(twin, x))
    assert np.all(outs["dense"][:, 3] == 0)
    expected = twin.layers[-1]
    probe = outs["dense"].copy()
    probe[:, 3] = 123.0  # whatever the unit said, the answer would be the same
    logits = probe @ expected.kernel + expected.bias
    np.testing.assert_allclose(np.argmax(logits, 1), np.argmax(outs["dense_1"], 1))
    assert cnn.layers[-2].kernel[:, 3].any()  # the model the other tabs use is untouched


def test_switching_a_feature_map_off_blanks_it(cnn, small_images):
    twin = lab.edited(cnn, lab.Edits(off={"conv2d": {1}, "conv2d_1": {2}}))
    outs = dict(layer_outputs(twin, small_images[0][:10]))
    assert not outs["conv2d"][..., 1].any() and not outs["conv2d_1"][..., 2].any()
    assert not twin.layers[6].kernel[np.arange(twin.layers[6].kernel.shape[0]) % 6 == 2].any()


def test_scale_noise_and_prune_change_the_weights_as_said(cnn):
    pruned = lab.edited(cnn, lab.Edits(prune={"dense": 0.5}))
    k = pruned.layers[6].kernel
    assert np.count_nonzero(k == 0) == pytest.approx(k.size / 2, abs=1)
    original = np.sort(np.abs(cnn.layers[6].kernel).ravel())
    assert np.abs(k[k != 0]).min() >= original[k.size // 2 - 1]  # the smallest went, the largest stayed
    scaled = lab.edited(cnn, lab.Edits(scale={"dense_1": 0.0}))
    assert not scaled.layers[-1].kernel.any()
    a = lab.edited(cnn, lab.Edits(noise={"dense": 0.5}, seed=1)).layers[6].kernel
    b = lab.edited(cnn, lab.Edits(noise={"dense": 0.5}, seed=1)).layers[6].kernel
    np.testing.assert_array_equal(a, b)
    assert not np.array_equal(a, cnn.layers[6].kernel)
    with pytest.raises(ValueError, match="not 'flatten'"):
        lab.edited(cnn, lab.Edits(scale={"flatten": 2.0}))


def test_accuracy_from_a_kept_layer_equals_the_whole_pass(cnn, small_images):
    images, labels = small_images
    acc = lab.Accuracy(cnn, images, labels)
    assert acc.of(lab.Edits()) == pytest.approx(float(np.mean(cnn.predict(images).argmax(1) == labels)))
    for edits in (lab.Edits(off={"dense": {0, 1, 2, 3, 4, 5}}), lab.Edits(prune={"conv2d": 0.7})):
        direct = float(np.mean(lab.edited(cnn, edits).predict(images).argmax(1) == labels))
        assert acc.of(edits) == pytest.approx(direct)


def test_test_images_of_another_size_are_refused_with_both_sizes(mlp):
    images = np.zeros((5, 32, 32), np.uint8)
    with pytest.raises(ValueError, match="32×32 but the network takes 28×28"):
        pca.pca_map(mlp, images, np.zeros(5, int), pca.mappable_layers(mlp)[0][0])
    with pytest.raises(ValueError, match="32×32"):
        lab.Accuracy(mlp, images, np.zeros(5, int)).of(lab.Edits())


def test_an_edited_network_is_kept_as_a_finished_run_with_its_settings(mlp, tmp_path):
    from mnist_gui.core.runs import RunStore
    from mnist_gui.nn import load_model

    trained = lab.copy_model(mlp)
    trained.metadata.update(config={"architecture": "mlp", "hidden": [32]}, test_accuracy=0.97)
    edits = lab.Edits(prune={mlp.layers[-1].name: 0.5})
    twin = lab.edited(trained, edits)
    assert "test_accuracy" not in twin.metadata, "the trained network's accuracy is not the edited one's"
    store = RunStore(tmp_path / "runs")
    run_id, problem = lab.keep_as_run(twin, edits, 0.5, np.zeros((3000, 28, 28), np.uint8), np.zeros(3000), store)
    assert problem is None
    run = store.get(run_id)
    assert run.status == "finished" and run.info["source"] == "lab" and run.info["test_accuracy"] == 0.5
    assert run.info["config"]["hidden"] == [32] and "50% pruned" in run.info["config"]["lab_edits"]
    assert "3,000 test images" in run.info["message"]
    kept = load_model(run.model_path)
    np.testing.assert_array_equal(kept.layers[-1].kernel, twin.layers[-1].kernel)


def test_keeping_on_a_disk_that_refuses_says_why(mlp, small_images, tmp_path):
    from mnist_gui.core.runs import RunStore

    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    run_id, problem = lab.keep_as_run(mlp, lab.Edits(), None, small_images[0][:0], small_images[1][:0],
                                      RunStore(blocker / "runs"))
    assert run_id is None and "not being kept" in problem


def test_growing_a_feature_table_equals_computing_it_whole(cnn, small_images):
    images = small_images[0]
    names = [name for name, _ in pca.mappable_layers(cnn)]
    first = pca.features(cnn, images[:150], names)
    grown = pca.grow_features(cnn, images, first, names)
    whole = pca.features(cnn, images, names)
    for name in names:
        np.testing.assert_allclose(grown[name], whole[name], rtol=1e-5, atol=1e-6)
    again = pca.grow_features(cnn, images[:100], grown, names)
    assert len(again[names[0]]) == 100


def test_a_map_pass_shared_by_threads_gives_the_same_rows_in_order(cnn, dataset):
    from mnist_gui.nn.threads import current_blas_threads

    images = dataset.x_test[:1100]
    names = [name for name, _ in pca.mappable_layers(cnn)]
    limit = current_blas_threads()
    alone = pca.features(cnn, images, names, threads=1)
    shared = pca.features(cnn, images, names, threads=2)
    assert current_blas_threads() == limit  # the threads' limits, set and restored in turn, leave it as it was
    for name in names:
        assert shared[name].shape == alone[name].shape == (1100, dict(pca.mappable_layers(cnn))[name])
        np.testing.assert_allclose(shared[name], alone[name], rtol=1e-5, atol=1e-6)
    whole = pca.features(cnn, images[550:], names, threads=1)  # the second thread's rows, in their order
    np.testing.assert_allclose(shared[names[0]][550:], whole[names[0]], rtol=1e-5, atol=1e-6)


def test_the_default_cnn_map_matches_a_plain_svd_of_its_activations(dataset):
    from mnist_gui.core.paths import resource_path
    from mnist_gui.nn import load_model

    model = load_model(resource_path("models", "default.npz"))
    last_pool = [layer.name for layer in model.layers if type(layer).__name__ == "MaxPooling2D"][-1]
    table = pca.features(model, dataset.x_test[:1000], [last_pool])
    x = table[last_pool]  # (1000, 1600), a slowly falling spectrum: the hard case for a sketch
    coords, mean, components, explained = pca.principal_components(x)
    xc = x.astype(np.float64) - x.mean(axis=0, dtype=np.float64)
    _, s, vt = np.linalg.svd(xc, full_matrices=False)
    assert s[2] / s[0] > 0.7
    for k in range(2):
        assert abs(float(np.dot(components[k], vt[k]))) == pytest.approx(1.0, abs=1e-4)
        spread = s[k] / np.sqrt(len(x))  # the points' standard deviation along the axis
        assert np.abs(np.abs(coords[:, k]) - np.abs(xc @ vt[k])).max() < 0.01 * spread  # under a pixel
    np.testing.assert_allclose(explained, s[:2] ** 2 / (s ** 2).sum(), rtol=1e-3)
