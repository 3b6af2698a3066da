"""to_mnist: the MNIST recipe (20x20 box, centre of mass at the centre), polarity, odd inputs, and
the property the draw tab relies on: a digit drawn big, small or off-centre reads like MNIST."""

from __future__ import annotations

import time

import numpy as np
import pytest

from mnist_gui.data.preprocess import to_mnist

YS = np.arange(28.0)


def centre_of_mass(img):
    mass = img.sum()
    return float(img.sum(axis=1) @ YS / mass), float(img.sum(axis=0) @ YS / mass)


def ink_box(img, level=0.0):
    rows = np.flatnonzero((img > level).any(axis=1))
    cols = np.flatnonzero((img > level).any(axis=0))
    return rows[-1] - rows[0] + 1, cols[-1] - cols[0] + 1


def stroke_image(seed, shape=(280, 280), width=12):
    """A random thick polyline, like a digit drawn on the pad (white on black, uint8)."""
    rng = np.random.default_rng(seed)
    h, w = shape
    img = np.zeros(shape, np.uint8)
    yy, xx = np.mgrid[0:h, 0:w]
    points = rng.uniform([0.1 * h, 0.1 * w], [0.6 * h, 0.5 * w], size=(5, 2)) + rng.uniform(0, 0.3, 2) * shape
    for (y0, x0), (y1, x1) in zip(points[:-1], points[1:]):
        t = np.clip(((yy - y0) * (y1 - y0) + (xx - x0) * (x1 - x0)) / max((y1 - y0) ** 2 + (x1 - x0) ** 2, 1e-9), 0, 1)
        dist = np.hypot(yy - (y0 + t * (y1 - y0)), xx - (x0 + t * (x1 - x0)))
        img = np.maximum(img, (np.clip(width / 2 - dist + 0.5, 0, 1) * 255).astype(np.uint8))
    return img


@pytest.mark.parametrize("seed", range(12))
def test_mnist_recipe_box_and_centre_of_mass(seed):
    out = to_mnist(stroke_image(seed))
    assert out.shape == (28, 28) and out.dtype == np.float32
    assert out.min() == 0.0 and out.max() == 1.0
    h, w = ink_box(out)
    assert max(h, w) == 20 and min(h, w) <= 20
    cy, cx = centre_of_mass(out)
    assert abs(cy - 14.0) <= 0.5 and abs(cx - 14.0) <= 0.5


def test_centre_convention_is_the_one_mnist_uses(dataset):
    x = dataset.x_test[:2000].astype(np.float64)
    mass = x.sum(axis=(1, 2))
    cy = (x.sum(axis=2) @ YS) / mass
    cx = (x.sum(axis=1) @ YS) / mass
    assert np.all(np.abs(cy - 14.0) <= 0.5 + 1e-6) and np.all(np.abs(cx - 14.0) <= 0.5 + 1e-6)


def test_mnist_digits_come_back_almost_unchanged(dataset):
    x = dataset.x_test[:1000]
    out = np.stack([to_mnist(a) for a in x])
    diff = np.abs(out - x / 255.0).mean(axis=(1, 2))
    assert diff.mean() < 0.005
    assert np.mean(diff < 0.01) > 0.98


def _upscale(a, factor):
    """Bilinear enlargement of a uint8 image by a non-integer factor (independent of the code under test)."""
    n = int(round(a.shape[0] * factor))
    src = (np.arange(n) + 0.5) / factor - 0.5
    weights = np.array([np.interp(src, np.arange(a.shape[0]), e) for e in np.eye(a.shape[0])]).T  # (n, 28)
    return weights @ (a / 255.0) @ weights.T


def _place(rng, big, size=400):
    canvas = np.zeros((size, size), np.float32)
    y, x = rng.integers(0, size - big.shape[0] + 1, 2)
    canvas[y:y + big.shape[0], x:x + big.shape[1]] = big
    return canvas


def test_digit_drawn_big_anywhere_on_a_canvas_reads_like_the_original(dataset):
    rng = np.random.default_rng(0)
    x = dataset.x_test[:120]
    for a in x[:30]:  # x10 nearest neighbour: area averaging gives the original back exactly
        canvas = _place(rng, np.repeat(np.repeat(a, 10, axis=0), 10, axis=1) / 255.0)
        np.testing.assert_allclose(to_mnist(canvas), to_mnist(a), atol=1e-4)
    diffs = []
    for a in x:  # smooth enlargement by a factor that is not an integer, dark ink on grey paper
        canvas = 0.85 - 0.7 * _place(rng, _upscale(a, 7.3))
        diffs.append(np.abs(to_mnist(canvas) - to_mnist(a)).mean())
    assert np.mean(diffs) < 0.05


def _nearest_centroid(dataset):
    x = dataset.x_train.reshape(len(dataset.x_train), -1)
    centroids = np.stack([x[dataset.y_train == k].mean(axis=0) for k in range(10)]) / 255.0
    bias = -0.5 * (centroids ** 2).sum(axis=1)
    return lambda imgs: np.argmax(np.asarray(imgs).reshape(len(imgs), -1) @ centroids.T + bias, axis=1)


def test_a_classifier_trained_on_mnist_reads_pad_drawings_through_to_mnist(dataset):
    classify = _nearest_centroid(dataset)
    rng = np.random.default_rng(1)
    x, y = dataset.x_test[:500], dataset.y_test[:500]
    canvases = [_place(rng, _upscale(a, rng.uniform(3, 10)), size=300) for a in x]
    noisy = [np.clip(0.8 - 0.6 * c + rng.normal(0, 0.03, c.shape).astype(np.float32), 0, 1)
             for c in canvases[:100]]
    accuracy = np.mean(classify(x / 255.0) == y)
    assert accuracy > 0.75
    assert np.mean(classify([to_mnist(c) for c in canvases]) == y) > accuracy - 0.03
    assert np.mean(classify([to_mnist(c) for c in noisy]) == y[:100]) > accuracy - 0.1
    # without to_mnist (shrinking the canvas to 28x28) the same classifier is lost: the test can fail
    shrunk = [c[:280, :280].reshape(28, 10, 28, 10).mean(axis=(1, 3)) for c in canvases]
    assert np.mean(classify(shrunk) == y) < 0.4


def test_polarity_is_detected():
    light_on_dark = stroke_image(3)
    dark_on_light = 255 - light_on_dark
    np.testing.assert_allclose(to_mnist(dark_on_light), to_mnist(light_on_dark), atol=1e-6)
    grey_paper = (0.75 - 0.6 * light_on_dark / 255.0).astype(np.float32)  # pencil on grey paper
    np.testing.assert_allclose(to_mnist(grey_paper), to_mnist(light_on_dark), atol=1e-5)


@pytest.mark.parametrize("image", [
    np.zeros((280, 280), np.uint8), np.full((50, 30), 255, np.uint8), np.full((9, 9), 0.5),
    np.zeros((0, 0)), np.zeros((1, 1)), np.zeros((3, 4), bool),
    (np.random.default_rng(0).random((60, 60)) * 0.01).astype(np.float32)],
    ids=["black", "white", "grey", "empty", "1x1", "bool", "faint noise"])
def test_blank_input_gives_zeros(image):
    out, steps = to_mnist(image, return_steps=True)
    assert out.shape == (28, 28) and out.dtype == np.float32 and not out.any()
    assert steps["centred"] is out
    assert steps["cropped"].shape == steps["scaled"].shape == (20, 20)


def test_steps_are_the_intermediate_images():
    img = np.zeros((300, 200), np.uint8)
    img[50:250, 80:120] = 255  # a bar 200 high, 40 wide
    out, steps = to_mnist(img, return_steps=True)
    assert set(steps) == {"cropped", "scaled", "centred"}
    assert all(s.dtype == np.float32 and s.min() >= 0 and s.max() == 1 for s in steps.values())
    assert steps["cropped"].shape == (200, 40)
    assert steps["scaled"].shape == (20, 4)
    assert steps["centred"] is out


@pytest.mark.parametrize("shape, rect, box", [
    ((4000, 3000), (1000, 3000, 500, 2000), (20, 15)),  # huge photo
    ((3, 2), (0, 2, 1, 2), (20, 10)),  # tiny: enlarged
    ((30, 600), (10, 25, 150, 450), (1, 20)),  # wide
    ((600, 45), (100, 500, 10, 40), (20, 2)),  # tall
    ((17, 900), (2, 15, 400, 413), (20, 20)),  # small square in a wide strip
])
def test_huge_tiny_and_non_square_inputs(shape, rect, box):
    img = np.zeros(shape, np.float32)
    y0, y1, x0, x1 = rect
    img[y0:y1, x0:x1] = 1.0
    out = to_mnist(img)
    assert ink_box(out, 0.01) == box
    cy, cx = centre_of_mass(out)
    assert abs(cy - 14.0) <= 0.5 + 1e-6 and abs(cx - 14.0) <= 0.5 + 1e-6  # float32 sums land either side of 0.5


def test_small_input_is_enlarged_smoothly_not_blocky():
    img = np.zeros((6, 6), np.uint8)
    img[1:5, 2] = 255
    img[1, 3] = 255  # a tiny "1" with a flag
    out, steps = to_mnist(img, return_steps=True)
    assert steps["scaled"].shape == (20, 10)
    assert len(np.unique(np.round(steps["scaled"], 3))) > 4  # interpolated, not two-level blocks


@pytest.mark.parametrize("convert", [
    lambda a: a / 255.0, lambda a: (a / 255.0).astype(np.float32), lambda a: a.astype(np.float64),
    lambda a: a > 127, lambda a: a.astype(np.uint16) * 257, lambda a: np.repeat(a[..., None], 3, axis=2),
    lambda a: np.dstack([a, a, a, np.full_like(a, 255)])],
    ids=["float64 0-1", "float32 0-1", "float 0-255", "bool", "uint16", "rgb", "rgba opaque"])
def test_dtypes_and_channels_give_the_same_result(convert):
    img = stroke_image(5)
    expected = to_mnist(img > 127) if convert(img).dtype == bool else to_mnist(img)
    np.testing.assert_allclose(to_mnist(convert(img)), expected, atol=1e-5)


def test_rgba_transparent_background_counts_as_paper():
    ink = stroke_image(6)
    rgba = np.zeros(ink.shape + (4,), np.uint8)  # black ink, transparent elsewhere
    rgba[..., 3] = ink
    np.testing.assert_allclose(to_mnist(rgba), to_mnist(ink), atol=1e-5)


def test_input_is_not_modified():
    img = stroke_image(7).astype(np.float32) / 255
    before = img.copy()
    to_mnist(img)
    np.testing.assert_array_equal(img, before)


@pytest.mark.parametrize("bad, problem", [
    (np.zeros(10), "2-D"), (np.zeros((2, 2, 2, 2)), "2-D"), (np.zeros((5, 5, 7)), "2-D"),
    (np.array([[0.0, np.nan]]), "NaN"), (np.array([["a", "b"]]), "numeric")])
def test_bad_input_is_value_error(bad, problem):
    with pytest.raises(ValueError, match=problem):
        to_mnist(bad)


def test_fast_enough_for_every_stroke_on_the_pad():
    pad = stroke_image(8)
    to_mnist(pad)
    times = []
    for _ in range(50):
        start = time.perf_counter()
        to_mnist(pad)
        times.append(time.perf_counter() - start)
    assert np.median(times) < 0.005  # the draw tab's budget, forward pass included
