"""Augmentation: shapes and scales kept, reproducible, identity at zero strength, each distortion doing
what its name says (checked on patterns and on MNIST digits), and the settings' validation."""

from __future__ import annotations

import json

import numpy as np
import pytest
from numpy.lib.stride_tricks import sliding_window_view

from mnist_gui.data.augment import AUGMENTATION_PRESETS, Augmentation
from mnist_gui.data.warp import elastic_field, warp

AFFINE_ONLY = dict(elastic_alpha=0.0, thickness=0.0)


@pytest.fixture(scope="module")
def digits(dataset):
    """200 training digits, uint8 (200, 28, 28)."""
    return dataset.x_train[:200]


def _rng(seed=0):
    return np.random.default_rng(seed)


def _identity(n):
    return np.tile(np.array([[1, 0, 0], [0, 1, 0]], np.float32), (n, 1, 1))


def _centroid(images):
    """(n, 2) centre of mass (x, y) of each image."""
    images = np.asarray(images, np.float64)
    mass = images.sum(axis=(1, 2))
    ys, xs = np.arange(images.shape[1]), np.arange(images.shape[2])
    return np.stack([images.sum(axis=1) @ xs / mass, images.sum(axis=2) @ ys / mass], axis=1)


def _spread(images):
    """Root-mean-square distance of the ink from its centre of mass, per image."""
    images = np.asarray(images, np.float64)
    cx, cy = _centroid(images).T
    yy, xx = np.mgrid[0:images.shape[1], 0:images.shape[2]]
    d2 = (xx - cx[:, None, None]) ** 2 + (yy - cy[:, None, None]) ** 2
    return np.sqrt((images * d2).sum(axis=(1, 2)) / images.sum(axis=(1, 2)))


@pytest.mark.parametrize("name", ["light", "standard", "strong"])
def test_presets_keep_shape_dtype_and_pixel_scale(digits, name):
    aug = AUGMENTATION_PRESETS[name]
    out = aug(digits, _rng())
    assert out.shape == digits.shape and out.dtype == np.float32
    # still 0-255, not 0-1 (blends of pixel values, so inside the input's range up to float rounding)
    assert out.min() >= 0 and out.max() <= 255.001 and out.max() > 200
    unit = aug(digits / np.float64(255), _rng())
    assert unit.dtype == np.float32 and unit.min() >= 0 and unit.max() <= 1.000001 and unit.max() > 0.8
    assert np.allclose(unit * 255, out, atol=0.05)  # the same distortion on either scale


def test_input_is_left_alone_and_out_is_filled(digits):
    before = digits.copy()
    out = np.full(digits.shape, -1, np.float32)
    result = AUGMENTATION_PRESETS["standard"](digits, _rng(), out=out)
    assert result is out and out.min() >= 0
    assert np.array_equal(digits, before)


def test_same_seed_same_images_bit_for_bit_and_different_seeds_differ(digits):
    aug = AUGMENTATION_PRESETS["strong"]  # every kind of distortion, several chunks
    batch = np.concatenate([digits, digits])  # 400 images: more than one chunk
    a, b = aug(batch, _rng(7)), aug(batch, _rng(7))
    assert np.array_equal(a, b)
    c = aug(batch, _rng(8))
    assert not np.array_equal(a, c)
    assert np.abs(a - c).mean() > 5
    # the same batch twice from one generator: a fresh distortion each time
    rng = _rng(7)
    assert not np.array_equal(aug(digits, rng), aug(digits, rng))


@pytest.mark.parametrize("aug", [Augmentation(strength=0.0), AUGMENTATION_PRESETS["none"],
                                 Augmentation(rotation=0, scale=0, shear=0, translate=0)])
def test_zero_strength_or_zero_ranges_return_the_batch_unchanged(digits, aug):
    assert aug.is_identity
    out = aug(digits, _rng())
    assert out.dtype == np.float32 and np.array_equal(out, digits.astype(np.float32))
    unit = np.random.default_rng(1).random((5, 28, 28))
    assert np.array_equal(aug(unit, _rng()), unit.astype(np.float32))


def test_warp_rotates_by_90_degrees_exactly():
    images = np.random.default_rng(0).integers(0, 256, (3, 28, 28), dtype=np.uint8)
    images[:, 2:6, 20:26] = 255  # an asymmetric patch, to be sure
    # np.rot90 (counter-clockwise): out[i, j] = in[j, 27 - i], i.e. source x = 27 - y, source y = x
    m = np.tile(np.array([[0, -1, 27], [1, 0, 0]], np.float32), (3, 1, 1))
    assert np.array_equal(warp(images, m), np.rot90(images, axes=(1, 2)).astype(np.float32))


@pytest.mark.parametrize("shape", [(28, 28), (20, 33)])
def test_warp_shifts_by_whole_pixels_exactly_with_zeros_coming_in(shape):
    images = np.random.default_rng(0).random((4,) + shape).astype(np.float32) + 0.5
    m = _identity(4)
    m[:, 0, 2], m[:, 1, 2] = -3, 2  # read 3 pixels to the left and 2 below: content moves right and up
    expected = np.zeros_like(images)
    expected[:, :-2, 3:] = images[:, 2:, :-3]
    assert np.array_equal(warp(images, m), expected)
    far = _identity(4)
    far[:, 0, 2] = 1000  # entirely outside: all zeros, no smearing of the edge pixels
    assert not warp(images, far).any()


def test_warp_interpolates_bilinearly_between_pixels():
    image = np.zeros((1, 5, 5), np.float32)
    image[0, 2, 2] = 1.0
    m = _identity(1)
    m[0, 0, 2], m[0, 1, 2] = 0.25, 0.5  # sample a quarter pixel right and half a pixel down
    out = warp(image, m)[0]
    assert out[2, 2] == pytest.approx(0.75 * 0.5)
    assert out[1, 2] == pytest.approx(0.75 * 0.5)
    assert out[1, 1] == pytest.approx(0.25 * 0.5)
    assert out.sum() == pytest.approx(1.0)


def test_thickness_is_a_blend_towards_the_3x3_maximum_or_minimum():
    images = (np.random.default_rng(1).random((5, 28, 28)) > 0.7).astype(np.float32)
    t = np.array([1.0, -1.0, 0.5, -0.5, 0.0], np.float32)
    padded = np.pad(images, ((0, 0), (1, 1), (1, 1)))
    windows = sliding_window_view(padded, (3, 3), axis=(1, 2))
    grown, shrunk = windows.max(axis=(-1, -2)), windows.min(axis=(-1, -2))
    expected = np.stack([grown[0], shrunk[1], (images[2] + grown[2]) / 2, (images[3] + shrunk[3]) / 2, images[4]])
    assert np.allclose(warp(images, _identity(5), thickness=t), expected, atol=1e-6)


def test_matrices_hold_only_the_distortions_asked_for():
    centre = np.array([13.5, 13.5, 1.0])
    rot = Augmentation(rotation=12, scale=0, shear=0, translate=0).matrices(500, _rng())
    a = rot[:, :, :2]
    assert np.allclose(a @ a.transpose(0, 2, 1), np.eye(2), atol=1e-5)  # pure rotations
    angles = np.degrees(np.arctan2(a[:, 0, 1], a[:, 0, 0]))
    assert np.abs(angles).max() <= 12 + 1e-3 and np.abs(angles).max() > 11 and angles.min() < -11
    assert np.allclose(rot @ centre, centre[:2], atol=1e-4)  # about the centre
    size = 1 / Augmentation(rotation=0, scale=0.1, shear=0, translate=0).matrices(500, _rng())[:, 0, 0]
    assert 0.9 - 1e-5 <= size.min() < 0.92 and 1.08 < size.max() <= 1.1 + 1e-5
    shear = Augmentation(rotation=0, scale=0, shear=0.2, translate=0).matrices(500, _rng())
    assert np.allclose(shear[:, 1, :2], [0, 1]) and np.allclose(shear[:, 0, 0], 1)
    assert np.abs(shear[:, 0, 1]).max() <= 0.2 + 1e-6 and np.ptp(shear[:, 0, 1]) > 0.35
    move = Augmentation(rotation=0, scale=0, shear=0, translate=2).matrices(500, _rng())
    assert np.allclose(move[:, :, :2], np.eye(2)) and np.abs(move[:, :, 2]).max() <= 2 + 1e-6


def test_translation_moves_the_centre_of_mass_within_its_range(digits):
    aug = Augmentation(rotation=12, scale=0.12, shear=0.2, translate=2.5, **AFFINE_ONLY)
    shift = _centroid(aug(digits, _rng())) - _centroid(digits)
    # rotation, scale and shear are about the image centre, which is within a pixel of the centroid
    assert np.abs(shift).max() <= 2.5 + 1.0
    assert np.abs(shift).max() > 2.0 and np.abs(shift.mean(axis=0)).max() < 0.5  # random, not biased


def test_scale_makes_digits_bigger_or_smaller_as_drawn(digits):
    aug = Augmentation(rotation=0, scale=0.2, shear=0, translate=0, **AFFINE_ONLY)
    rng_a, rng_b = _rng(3), _rng(3)
    sizes = 1 / aug.matrices(len(digits), rng_a)[:, 0, 0]  # the same draws as the call below
    out = aug(digits, rng_b)
    whole = (out[:, [0, -1]].sum(axis=(1, 2)) + out[:, :, [0, -1]].sum(axis=(1, 2))) == 0  # none cut off
    assert whole.sum() > 150
    ratio = _spread(out[whole]) / _spread(digits[whole])
    assert np.allclose(ratio, sizes[whole], atol=0.02)


def test_elastic_distortion_keeps_the_ink_and_moves_it_locally(digits):
    aug = Augmentation(rotation=0, scale=0, shear=0, translate=0, elastic_alpha=34, elastic_sigma=4)
    out = aug(digits, _rng())
    # a rubber sheet stretched here and squeezed there changes each digit's ink, but not on average
    ratio = out.sum(axis=(1, 2)) / digits.sum(axis=(1, 2), dtype=np.float64)
    assert 0.95 < ratio.mean() < 1.05 and 0.5 < ratio.min() and ratio.max() < 1.6
    shift = np.abs(_centroid(out) - _centroid(digits))
    assert shift.max() < 4 and shift.mean() < 1.5  # local wobbles (field std 1.4 px), no drift
    assert np.abs(out - digits).mean() > 10  # it did change them


def test_elastic_field_has_the_statistics_of_simards_field():
    """Uniform noise at every pixel smoothed by a normalised Gaussian (the paper's recipe, computed
    directly) against the cheaper field: same spread, same correlation length."""
    alpha, sigma, rng = 34.0, 4.0, _rng(5)
    ours = elastic_field(300, 28, 28, alpha, sigma, rng)
    assert ours.shape == (2, 300, 28, 28) and ours.dtype == np.float32
    noise = rng.uniform(-alpha, alpha, (300, 60, 60))  # big enough that the window below sees no edge
    taps = np.arange(-16, 17)
    g = np.exp(-0.5 * (taps / sigma) ** 2)
    g /= g.sum()
    ref = sliding_window_view(noise, 33, axis=1) @ g
    ref = sliding_window_view(ref, 33, axis=2) @ g  # (300, 28, 28)
    assert ours.std() == pytest.approx(ref.std(), rel=0.1)
    lag = int(sigma)
    ours_corr = np.corrcoef(ours[:, :, 14, 10].ravel(), ours[:, :, 14, 10 + lag].ravel())[0, 1]
    ref_corr = np.corrcoef(ref[:, 14, 10], ref[:, 14, 10 + lag])[0, 1]
    assert ours_corr == pytest.approx(ref_corr, abs=0.08)


def test_batches_of_any_size_and_shape_use_their_own_buffers(digits):
    aug = AUGMENTATION_PRESETS["standard"]
    for n in (1, 5, 64, 65, 7, 5):
        assert aug(digits[:n], _rng()).shape == (n, 28, 28)
    m = aug.matrices(130, _rng())
    whole = warp(np.concatenate([digits[:130]]), m)
    parts = np.concatenate([warp(digits[:50], m[:50]), warp(digits[50:130], m[50:])])
    assert np.array_equal(whole, parts)
    odd = aug(np.ones((3, 20, 33), np.uint8) * 200, _rng())
    assert odd.shape == (3, 20, 33)
    assert aug(digits[:0], _rng()).shape == (0, 28, 28)


def test_preview_gives_n_different_copies_on_the_images_scale(digits):
    aug = AUGMENTATION_PRESETS["standard"]
    shots = aug.preview(digits[0], n=16, seed=3)
    assert shots.shape == (16, 28, 28) and shots.dtype == np.float32
    flat = shots.reshape(16, -1)
    assert len({row.tobytes() for row in flat}) == 16
    assert np.array_equal(shots, aug.preview(digits[0], n=16, seed=3))
    assert aug.preview(digits[0] / 255.0, n=4).max() <= 1.0
    with pytest.raises(ValueError, match="one image"):
        aug.preview(digits[:2])


def test_to_dict_is_json_and_round_trips():
    for aug in AUGMENTATION_PRESETS.values():
        d = json.loads(json.dumps(aug.to_dict()))
        assert Augmentation.from_dict(d) == aug
    assert Augmentation.from_dict({"rotation": 5}) == Augmentation(rotation=5)
    with pytest.raises(ValueError, match="unknown augmentation setting"):
        Augmentation.from_dict({"rotate": 5})
    with pytest.raises(ValueError, match="rotation"):
        Augmentation.from_dict({"rotation": 500})


@pytest.mark.parametrize("changes, words", [
    (dict(rotation=181), "rotation must be at most 180"),
    (dict(scale=1.0), "scale must be below 1"),
    (dict(translate=-1), "translate must be zero or positive"),
    (dict(shear=float("nan")), "shear must be zero or positive"),
    (dict(thickness=1.5), "thickness must be at most 1"),
    (dict(elastic_alpha="a lot"), "elastic_alpha must be a number"),
    (dict(strength=True), "strength must be a number"),
    (dict(scale=0.5, strength=2), "scale x strength"),
    (dict(elastic_alpha=10, elastic_sigma=0.5), "elastic_sigma must be at least 1"),
])
def test_validate_refuses_absurd_settings_in_plain_words(changes, words):
    aug = Augmentation(**changes)
    with pytest.raises(ValueError, match=words):
        aug.validate()
    with pytest.raises(ValueError, match=words):  # and a call refuses them too
        aug(np.zeros((2, 28, 28), np.uint8), _rng())


def test_presets_are_valid_and_ordered_by_strength(digits):
    for aug in AUGMENTATION_PRESETS.values():
        aug.validate()
    change = [np.abs(AUGMENTATION_PRESETS[name](digits, _rng()) - digits).mean()
              for name in ("none", "light", "standard", "strong")]
    assert change[0] == 0 and change == sorted(change)


def test_bad_input_is_refused():
    aug = Augmentation()
    with pytest.raises(ValueError, match=r"\(n, height, width\)"):
        aug(np.zeros((28, 28)), _rng())
    with pytest.raises(ValueError, match="out must be float32"):
        aug(np.zeros((2, 28, 28)), _rng(), out=np.zeros((2, 28, 28)))
    with pytest.raises(TypeError, match="numeric"):
        aug(np.zeros((2, 28, 28), dtype=object), _rng())


def test_from_preset_gives_a_copy_and_names_the_presets():
    aug = Augmentation.from_preset("standard")
    assert aug == AUGMENTATION_PRESETS["standard"] and aug is not AUGMENTATION_PRESETS["standard"]
    aug.rotation = 1
    assert AUGMENTATION_PRESETS["standard"].rotation != 1
    with pytest.raises(ValueError, match="none, light, standard, strong"):
        Augmentation.from_preset("extreme")


def test_a_seed_works_in_place_of_a_generator(digits):
    aug = AUGMENTATION_PRESETS["standard"]
    assert np.array_equal(aug(digits[:8], 5), aug(digits[:8], np.random.default_rng(5)))


def test_two_threads_at_once_get_the_same_images_as_one_after_the_other(digits):
    """The training worker and the GUI's preview may augment at the same time; scratch buffers are
    per thread, so neither disturbs the other."""
    import threading

    aug = AUGMENTATION_PRESETS["strong"]
    expected = [aug(digits[:32], _rng(seed)) for seed in range(2)]
    results = [[], []]

    def work(seed):
        for _ in range(20):
            results[seed].append(aug(digits[:32], _rng(seed)))

    threads = [threading.Thread(target=work, args=(seed,)) for seed in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for seed in range(2):
        assert all(np.array_equal(r, expected[seed]) for r in results[seed])
