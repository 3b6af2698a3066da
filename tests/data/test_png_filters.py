"""PNG row unfiltering (png_filters.unfilter) against a byte-by-byte reference written from the spec."""

from __future__ import annotations

import numpy as np
import pytest

from mnist_gui.data.png_filters import unfilter


def reference(table: np.ndarray, bpp: int) -> np.ndarray:
    """The PNG spec's reconstruction, one byte at a time."""
    height, width = table.shape[0], table.shape[1] - 1
    out = np.zeros((height, width), np.int64)
    for y in range(height):
        kind = int(table[y, 0])
        for x in range(width):
            a = int(out[y, x - bpp]) if x >= bpp else 0
            b = int(out[y - 1, x]) if y else 0
            c = int(out[y - 1, x - bpp]) if y and x >= bpp else 0
            p = a + b - c
            pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
            paeth = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
            predictor = [0, a, b, (a + b) // 2, paeth][kind]
            out[y, x] = (int(table[y, x + 1]) + predictor) % 256
    return out.astype(np.uint8)


def filtered(rng, kinds, width_bytes, low=0, high=256):
    table = rng.integers(low, high, (len(kinds), width_bytes + 1), dtype=np.uint8)
    table[:, 0] = kinds
    return table


@pytest.mark.parametrize("bpp", [1, 2, 3, 4, 6, 8])
@pytest.mark.parametrize("kinds", [
    [0, 1, 2, 1, 2, 0],  # no Average or Paeth: row by row only
    [4, 4, 4, 4, 4],  # all Paeth: one wavefront
    [3, 3, 3, 3],  # all Average
    [1, 2, 4, 0, 3, 2, 1, 4, 2, 0],  # mixed, the wavefront band in the middle
    [2, 2, 3, 2, 2],  # one Average row between Up rows
    [4], [3]],  # a single row
    ids=["none-sub-up", "paeth", "average", "mixed", "one-average", "one-paeth-row", "one-average-row"])
def test_unfilter_matches_the_spec(bpp, kinds):
    rng = np.random.default_rng(bpp * 31 + len(kinds))
    for pixels in (1, 2, 7, 13):
        table = filtered(rng, kinds, pixels * bpp)
        expected = reference(table, bpp)
        np.testing.assert_array_equal(unfilter(table, bpp), expected)


def test_ties_follow_the_spec_order():
    # few distinct values: pa, pb and pc are often equal, where Paeth must prefer a, then b
    rng = np.random.default_rng(3)
    table = filtered(rng, [4] * 12, 15, high=3)
    np.testing.assert_array_equal(unfilter(table.copy(), 1), reference(table, 1))


def test_tall_and_wide_bands():
    rng = np.random.default_rng(4)
    for shape in ((40, 3), (3, 40)):
        table = filtered(rng, rng.integers(0, 5, shape[0]), shape[1] * 3)
        np.testing.assert_array_equal(unfilter(table.copy(), 3), reference(table, 3))


def test_unfilter_works_in_place_and_rejects_unknown_filters():
    table = np.array([[1, 5, 5, 5]], np.uint8)
    rows = unfilter(table, 1)
    assert rows.base is table or np.shares_memory(rows, table)
    assert table[0, 1:].tolist() == [5, 10, 15]
    with pytest.raises(ValueError, match="bad PNG filter type 7"):
        unfilter(np.array([[0, 1], [7, 2]], np.uint8), 1)
