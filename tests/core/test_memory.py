"""The training memory estimate (mnist_gui.core.memory): it follows the network, refuses what cannot fit with
the figure and a smaller alternative that does fit, and builds nothing.

Checked against measured peaks (ru_maxrss, three batches of training, this machine): 784-128-10 batch 32:
5 MB measured / 5 MB estimated; cnn batch 2000: 1728 / 1766 MB; 784-4096x3-10 Adam batch 512: 1257 / 1415 MB;
784-2048x2-10 SGD batch 256: 114 / 137 MB.
"""

from __future__ import annotations

import dataclasses

import pytest

from mnist_gui.core import memory
from mnist_gui.nn.presets import CNN_TRUNK, PRESETS, TrainConfig, build_model


def test_the_trunk_is_the_presets_trunk_and_the_weights_are_counted_exactly():
    assert memory.CNN_TRUNK == CNN_TRUNK
    for name in ("tutorial", "quick-mlp", "cnn"):
        cfg = PRESETS[name]
        assert memory.estimate(cfg).parameters == build_model(cfg).count_params()


def test_bigger_batches_and_networks_need_more():
    cfg = PRESETS["cnn"]
    small, big = memory.estimate(cfg), memory.estimate(dataclasses.replace(cfg, batch_size=1024))
    assert big.activation_bytes > 7 * small.activation_bytes
    assert memory.estimate(TrainConfig(hidden=(8192,) * 8)).parameter_bytes > 10e9


def test_a_run_that_does_not_fit_is_refused_with_an_alternative_that_fits():
    cfg = dataclasses.replace(PRESETS["cnn"], batch_size=4096)
    with pytest.raises(ValueError) as info:
        memory.check_fits(cfg, available=2_000_000_000)
    text = str(info.value)
    assert "GB of memory" in text and "2.0 GB is free" in text
    batch = int(text.split("batch size of ")[1].rstrip("."))
    memory.check_fits(dataclasses.replace(cfg, batch_size=batch), available=2_000_000_000)


def test_a_typo_in_the_layers_is_refused_without_building_anything():
    cfg = TrainConfig(hidden=(4096,) * 3)
    with pytest.raises(ValueError, match="hidden layers of"):
        memory.check_fits(cfg, available=1_000_000_000)


def test_a_network_too_big_to_open_again_is_refused_whatever_the_free_memory():
    for free in (None, 10**15):
        with pytest.raises(ValueError, match="not opened again"):
            memory.check_fits(TrainConfig(hidden=(8192,) * 8), available=free)
    assert memory.memory_problem(TrainConfig(hidden=(8192,) * 8)).startswith("A network of 476,332,042 weights")


def test_an_unknown_free_memory_skips_the_check():
    memory.check_fits(TrainConfig(hidden=(4096,) * 3, batch_size=8192), available=None)


def test_the_cnn_needs_images_of_ten_pixels():
    assert memory.cnn_fits_images((28, 28)) and memory.cnn_fits_images((10, 10))
    assert not memory.cnn_fits_images((9, 9)) and not memory.cnn_fits_images((1, 1))
    with pytest.raises(ValueError, match="at least 10 x 10"):
        memory.estimate(PRESETS["cnn"], input_shape=(5, 5))


def test_free_memory_is_read_from_the_system():
    free = memory.available_bytes()
    assert free is None or free > 10_000_000
