"""Image files: PNG (every colour type, bit depth and filter), BMP, PGM/PPM, corrupt files, save_png.

The PNG files are made by a small encoder here that applies the five row filters as the spec defines
them, plus two files written by Qt's libpng (base64 below) as an independent reference."""

from __future__ import annotations

import base64
import struct
import zlib

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mnist_gui.data.images import load_image, save_png

LUMA = np.array([0.299, 0.587, 0.114])
CHANNELS = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}


def chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def paeth(a, b, c):
    p = a + b - c
    pa, pb, pc = np.abs(p - a), np.abs(p - b), np.abs(p - c)
    return np.where((pa <= pb) & (pa <= pc), a, np.where(pb <= pc, b, c))


def png_bytes(samples, color, depth, filters, palette=None, trns=None, interlace=0, extra=b""):
    """Encode (H, W, C) integer samples; ``filters``: one PNG filter type per row."""
    h, w, c = samples.shape
    if depth == 16:
        rows = samples.astype(">u2").reshape(h, w * c).view(np.uint8)
    elif depth == 8:
        rows = samples.astype(np.uint8).reshape(h, w * c)
    else:
        bits = (samples[..., 0, None] >> np.arange(depth - 1, -1, -1)) & 1
        rows = np.packbits(bits.reshape(h, w * depth).astype(np.uint8), axis=1)
    rows = rows.astype(np.int64)
    bpp = max(1, c * depth // 8)
    scan, prev = [], np.zeros(rows.shape[1], np.int64)
    for y, kind in enumerate(filters):
        x = rows[y]
        a = np.concatenate([np.zeros(bpp, np.int64), x[:-bpp]])
        up_left = np.concatenate([np.zeros(bpp, np.int64), prev[:-bpp]])
        predictor = [0, a, prev, (a + prev) // 2, paeth(a, prev, up_left)][kind]
        scan.append(bytes([kind]) + ((x - predictor) % 256).astype(np.uint8).tobytes())
        prev = x
    data = zlib.compress(b"".join(scan))
    idat = chunk(b"IDAT", data[:len(data) // 2]) + chunk(b"IDAT", data[len(data) // 2:])  # split in two
    out = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, depth, color, 0, 0, interlace))
    out += chunk(b"tEXt", b"Comment\0made by the tests") + extra
    if palette is not None:
        out += chunk(b"PLTE", palette.astype(np.uint8).tobytes())
    if trns is not None:
        out += chunk(b"tRNS", trns)
    return out + idat + chunk(b"IEND", b"")


def expected_gray(samples, maxval, channels):
    x = samples / maxval
    gray = x[..., 0] if channels <= 2 else x[..., :3] @ LUMA
    if channels in (2, 4):
        gray = gray * x[..., -1] + 1 - x[..., -1]
    return gray


@pytest.mark.parametrize("color, depth", [(0, 1), (0, 2), (0, 4), (0, 8), (0, 16), (4, 8), (4, 16),
                                          (2, 8), (2, 16), (6, 8), (6, 16)])
@pytest.mark.parametrize("filter_set", [(0,), (0, 1, 2), (0, 1, 2, 3, 4)], ids=["none", "sub-up", "all"])
def test_png_every_colour_type_depth_and_filter(tmp_path, color, depth, filter_set):
    rng = np.random.default_rng(color * 100 + depth)
    h, w, c = 9, 13, CHANNELS[color]
    samples = rng.integers(0, 1 << depth, (h, w, c))
    filters = rng.choice(filter_set, h)
    (tmp_path / "a.png").write_bytes(png_bytes(samples, color, depth, filters))
    got = load_image(tmp_path / "a.png")
    assert got.dtype == np.float32 and got.shape == (h, w)
    np.testing.assert_allclose(got, expected_gray(samples, (1 << depth) - 1, c), atol=1e-6)


@pytest.mark.parametrize("depth", [1, 2, 4, 8])
@pytest.mark.parametrize("transparent", [False, True])
def test_png_palette(tmp_path, depth, transparent):
    rng = np.random.default_rng(depth)
    n = 1 << depth
    palette = rng.integers(0, 256, (n, 3))
    index = rng.integers(0, n, (7, 11, 1))
    alpha = rng.integers(0, 256, n - 1)  # tRNS may be shorter than the palette: the rest is opaque
    trns = alpha.astype(np.uint8).tobytes() if transparent else None
    (tmp_path / "p.png").write_bytes(png_bytes(index, 3, depth, rng.integers(0, 5, 7), palette, trns))
    rgba = np.concatenate([palette, np.append(alpha if transparent else np.full(n - 1, 255), 255)[:, None]], 1)
    np.testing.assert_allclose(load_image(tmp_path / "p.png"), expected_gray(rgba[index[..., 0]], 255, 4),
                               atol=1e-6)


@pytest.mark.parametrize("color, depth, key", [(0, 8, b"\0\x07"), (0, 16, b"\x01\x02"),
                                               (2, 8, b"\0\x07\0\x03\0\x05")])
def test_png_transparent_colour_key_becomes_white(tmp_path, color, depth, key):
    c = CHANNELS[color]
    key_value = np.frombuffer(key, ">u2").astype(np.int64)
    samples = np.zeros((4, 5, c), np.int64) + key_value
    samples[1:3, 1:4] = 0  # opaque black ink
    (tmp_path / "k.png").write_bytes(png_bytes(samples, color, depth, [4, 3, 1, 0], trns=key))
    expected = np.ones((4, 5))
    expected[1:3, 1:4] = 0
    np.testing.assert_allclose(load_image(tmp_path / "k.png"), expected, atol=1e-6)


# written by Qt 6 (libpng, adaptive filters: Sub, Average and Paeth rows), see the formulas below
QT_GRAY16 = (
    "iVBORw0KGgoAAAANSUhEUgAAAAwAAAAJEAAAAABzQ07LAAAACXBIWXMAAA9hAAAPYQGoP6dpAAAA6klEQVQImQXBPyhEcQAH8PfLS/l9v9/fcLr3"
    "uMEZTGLiJPVsmOhsb5DIQEa3XExkuRj9KWSUiZ5BbpMFOYtJkoGY1DMoEp3Px3he04e16LCDNsaCXccBzu0DPhva0mA864JathJcBn54EdbDKPxp"
    "6TfRE05Qwxs85NCLMc5hhXs8NRO3aGY3RjDNJWzymNd84R9DP59yBgkPWeIjChpiJ2NOquznUxaZMMMSIxW4pTXGqipnqjvsU5HzWuW+znSndzWq"
    "XQPmvqJtJrrRq+pqVY8b1axb1q75KutbGXVp2E1p0W24I125Z/f7DyL1P1RGVFOiAAAAAElFTkSuQmCC")
QT_RGBA8 = (
    "iVBORw0KGgoAAAANSUhEUgAAAAwAAAAJCAYAAAAGuM1UAAAACXBIWXMAAA9hAAAPYQGoP6dpAAAAWUlEQVQYlWNkYGD4L8LAwEAsZmGQYWBgYGD/"
    "RyxG0sD3hxiMpkH0FyGMRYPMD3wYhwblb5jY7RsDg/I3PBq0vkCwxRcEW+sLAQ2Gn9AxHg0WUA0WHxDY9wMAsOthSTzxexIAAAAASUVORK5CYII=")


def test_png_written_by_libpng(tmp_path):
    y, x = np.mgrid[0:9, 0:12]
    gray16 = (x * 2531 + y * 7919 + x * y * 97 + x * x * 13) % 65536
    rgba = np.stack([(x * 20) % 256, (y * 28) % 256, (x * y * 7) % 256, (255 - x * y * 2) % 256], axis=-1)
    (tmp_path / "g.png").write_bytes(base64.b64decode(QT_GRAY16))
    (tmp_path / "c.png").write_bytes(base64.b64decode(QT_RGBA8))
    np.testing.assert_allclose(load_image(tmp_path / "g.png"), gray16 / 65535, atol=1e-6)
    np.testing.assert_allclose(load_image(tmp_path / "c.png"), expected_gray(rgba, 255, 4), atol=1e-6)


GOOD_PNG = png_bytes(np.arange(12 * 9).reshape(9, 12, 1) % 256, 0, 8, [0, 1, 2, 3, 4, 4, 3, 2, 1])
IEND_AT = GOOD_PNG.index(b"IEND") - 4


def _with_bad_crc(png: bytes) -> bytes:
    i = png.index(b"IDAT") + 10
    return png[:i] + bytes([png[i] ^ 1]) + png[i + 1:]


def _idat_only(scanlines: bytes, ihdr=(12, 9, 8, 0)) -> bytes:
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", *ihdr, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(scanlines)) + chunk(b"IEND", b""))


CORRUPT = {
    "empty": (b"", "empty file"),
    "unknown format": (b"GIF89a" + bytes(20), "not a PNG, BMP, PGM or PPM"),
    "jpeg": (b"\xff\xd8\xff\xe0" + bytes(30), "JPEG is not supported"),
    "png signature only": (GOOD_PNG[:8], "no IEND"),
    "png cut in a chunk": (GOOD_PNG[:60], "truncated PNG chunk"),
    "png without IEND": (GOOD_PNG[:IEND_AT], "no IEND"),
    "png bad crc": (_with_bad_crc(GOOD_PNG), "CRC"),
    "png interlaced": (png_bytes(np.zeros((2, 2, 1), int), 0, 8, [0, 0], interlace=1), "interlaced"),
    "png bad depth": (_idat_only(bytes(9 * 13), (12, 9, 3, 0)), "bit depth 3"),
    "png zero width": (_idat_only(b"", (0, 9, 8, 0)), "bad PNG size"),
    "png bad filter": (_idat_only(b"\x05" + bytes(12) + bytes(8 * 13)), "filter type 5"),
    "png too little data": (_idat_only(bytes(8 * 13)), "wrong size"),
    "png too much data": (_idat_only(bytes(10 * 13)), "wrong size"),
    "png no IDAT": (GOOD_PNG[:GOOD_PNG.index(b"IDAT") - 4] + chunk(b"IEND", b""), "no image data"),
    "png data not zlib": (GOOD_PNG.replace(b"IDAT", b"IDAT", 1)[:33] + chunk(b"IDAT", b"junk junk")
                          + chunk(b"IEND", b""), "corrupt image"),
    "png lying 2^31 size": (_idat_only(bytes(10), (2**31 - 1, 2**31 - 1, 16, 6)), "truncated PNG image data"),
    "png unknown critical chunk": (GOOD_PNG[:33] + chunk(b"ABCD", b"") + GOOD_PNG[33:], "critical"),
    "png palette without PLTE": (_idat_only(bytes(9 * 13), (12, 9, 8, 3)), "PLTE"),
    "png palette index too big": (png_bytes(np.full((2, 2, 1), 3), 3, 8, [0, 0], np.zeros((2, 3))),
                                  "palette index out of range"),
    "bmp truncated header": (b"BM" + bytes(10), "truncated BMP header"),
    "pgm truncated header": (b"P5\n12 ", "malformed PGM/PPM header"),
    "pgm truncated data": (b"P5\n4 4\n255\n" + bytes(10), "truncated PGM/PPM pixel data"),
    "pgm zero size": (b"P5\n0 4\n255\n", "bad PGM/PPM header"),
    "pgm maxval 0": (b"P2\n1 1\n0\n0", "bad PGM/PPM header"),
    "pgm sample above maxval": (b"P2\n2 1\n15\n3 16\n", "above the declared maximum 15"),
    "pgm words in data": (b"P2\n2 1\n15\n3 x\n", "malformed PGM/PPM pixel data"),
    "ppm huge header": (b"P6\n99999999 99999999\n255\n" + bytes(30), "truncated PGM/PPM pixel data"),
}


@pytest.mark.parametrize("content, problem", CORRUPT.values(), ids=CORRUPT.keys())
def test_corrupt_or_unsupported_file_is_value_error_naming_it(tmp_path, content, problem):
    path = tmp_path / "picture.img"
    path.write_bytes(content)
    with pytest.raises(ValueError) as info:
        load_image(path)
    assert str(path) in str(info.value) and problem in str(info.value)


def test_missing_file_is_file_not_found(tmp_path):
    with pytest.raises(FileNotFoundError):
        load_image(tmp_path / "nope.png")


def bmp_bytes(rows_bytes, width, height, bits, palette=None, top_down=False, dib=40, compression=0,
              masks=None):
    """``rows_bytes``: the pixel rows, top row first, already in the file's byte layout."""
    stride = (width * bits + 31) // 32 * 4
    rows = [r.ljust(stride, b"\0") for r in rows_bytes]
    pixels = b"".join(rows if top_down else rows[::-1])
    if dib == 12:
        header = struct.pack("<IHHHH", 12, width, height, 1, bits)
    else:
        header = struct.pack("<IiiHHIIiiII", dib, width, -height if top_down else height, 1, bits, compression,
                             len(pixels), 2835, 2835, 0 if palette is None else len(palette), 0)
        extra = struct.pack("<4I", *masks) if masks is not None else b""
        header = (header + extra).ljust(dib, b"\0")
    table = b"" if palette is None else b"".join(bytes([b, g, r] + ([] if dib == 12 else [0]))
                                                 for r, g, b in palette)
    offset = 14 + len(header) + len(table)
    return b"BM" + struct.pack("<IHHI", offset + len(pixels), 0, 0, offset) + header + table + pixels


RGB = np.random.default_rng(5).integers(0, 256, (6, 5, 3))  # 5 wide: rows need padding


@pytest.mark.parametrize("dib, top_down", [(12, False), (40, False), (40, True), (124, False), (124, True)])
def test_bmp_24_bit(tmp_path, dib, top_down):
    rows = [r[:, ::-1].astype(np.uint8).tobytes() for r in RGB]  # BGR
    (tmp_path / "a.bmp").write_bytes(bmp_bytes(rows, 5, 6, 24, top_down=top_down, dib=dib))
    np.testing.assert_allclose(load_image(tmp_path / "a.bmp"), RGB @ LUMA / 255, atol=1e-6)


def test_bmp_32_bit_plain_ignores_the_unused_byte(tmp_path):
    bgrx = np.concatenate([RGB[..., ::-1], np.full((6, 5, 1), 7)], axis=-1).astype(np.uint8)
    (tmp_path / "a.bmp").write_bytes(bmp_bytes([r.tobytes() for r in bgrx], 5, 6, 32))
    np.testing.assert_allclose(load_image(tmp_path / "a.bmp"), RGB @ LUMA / 255, atol=1e-6)


def test_bmp_32_bit_bitfields_with_alpha(tmp_path):
    alpha = np.random.default_rng(6).integers(0, 256, (6, 5))
    rgba = np.concatenate([RGB, alpha[..., None]], axis=-1)
    words = (rgba[..., 0] << 24 | rgba[..., 1] << 16 | rgba[..., 2] << 8 | rgba[..., 3]).astype("<u4")
    masks = (0xFF000000, 0xFF0000, 0xFF00, 0xFF)  # R, G, B, A
    (tmp_path / "a.bmp").write_bytes(bmp_bytes([r.tobytes() for r in words], 5, 6, 32, dib=108,
                                               compression=3, masks=masks))
    np.testing.assert_allclose(load_image(tmp_path / "a.bmp"), expected_gray(rgba, 255, 4), atol=1e-6)


@pytest.mark.parametrize("bits", [1, 4, 8])
def test_bmp_palette(tmp_path, bits):
    rng = np.random.default_rng(bits)
    palette = rng.integers(0, 256, (1 << bits, 3))
    index = rng.integers(0, 1 << bits, (6, 7))
    rows = [np.packbits(((r[:, None] >> np.arange(bits - 1, -1, -1)) & 1).astype(np.uint8)).tobytes()
            for r in index]
    (tmp_path / "p.bmp").write_bytes(bmp_bytes(rows, 7, 6, bits, palette=palette.tolist()))
    np.testing.assert_allclose(load_image(tmp_path / "p.bmp"), palette[index] @ LUMA / 255, atol=1e-6)


@pytest.mark.parametrize("content, problem", [
    (bmp_bytes([b"\0" * 15] * 6, 5, 6, 24)[:-20], "truncated BMP pixel data"),
    (bmp_bytes([b"\0" * 10] * 6, 5, 6, 16), "16-bit BMP is not supported"),
    (bmp_bytes([b"\0" * 5] * 6, 5, 6, 8, compression=1, palette=[(0, 0, 0)] * 256), "compressed BMP"),
    (bmp_bytes([b"\x09" * 5] * 6, 5, 6, 8, palette=[(0, 0, 0)] * 4), "colour index out of range"),
    (bmp_bytes([b"\0" * 15] * 6, 0, 6, 24), "bad BMP size"),
])
def test_bad_bmp(tmp_path, content, problem):
    (tmp_path / "b.bmp").write_bytes(content)
    with pytest.raises(ValueError, match=problem):
        load_image(tmp_path / "b.bmp")


@pytest.mark.parametrize("content, expected", [
    (b"P5\n# a comment\n3 2\n255\n" + bytes([0, 51, 255, 102, 0, 255]), [[0, 0.2, 1], [0.4, 0, 1]]),
    (b"P5 3 2 65535\n" + np.array([0, 13107, 65535, 0, 0, 65535], ">u2").tobytes(), [[0, 0.2, 1], [0, 0, 1]]),
    (b"P2\n# plain\n3 2 # size\n10\n0 2 10\n4 # mid-data comment\n 0 10\n", [[0, 0.2, 1], [0.4, 0, 1]]),
    (b"P6\n2 1\n255\n" + bytes([255, 0, 0, 0, 0, 255]), [[0.299, 0.114]]),
    (b"P3\n2 1\n255\n255 0 0  0 0 255\n", [[0.299, 0.114]]),
])
def test_pgm_ppm(tmp_path, content, expected):
    (tmp_path / "a.pnm").write_bytes(content)
    np.testing.assert_allclose(load_image(tmp_path / "a.pnm"), expected, atol=1e-6)


@pytest.mark.parametrize("image", [
    np.linspace(0, 1, 35).reshape(5, 7), np.arange(35, dtype=np.uint8).reshape(7, 5) * 7,
    np.eye(4, dtype=bool), np.arange(6, dtype=np.int64).reshape(2, 3)], ids=["float", "uint8", "bool", "int"])
def test_save_png_round_trip(tmp_path, image):
    save_png(tmp_path / "out.png", image)
    expected = image.astype(np.float64) if image.dtype.kind == "f" else image / (1 if image.dtype == bool else 255)
    np.testing.assert_allclose(load_image(tmp_path / "out.png"), expected, atol=0.5 / 255 + 1e-6)
    assert [p.name for p in tmp_path.iterdir()] == ["out.png"]  # written via a temp file, nothing left over


@pytest.mark.parametrize("image, problem", [
    (np.zeros((2, 2, 3)), "2-D"), (np.zeros((0, 5)), "2-D"), (np.array([[np.nan]]), "NaN"),
    (np.array([[300]]), "uint8, bool or float")])
def test_save_png_rejects_what_it_cannot_write(tmp_path, image, problem):
    with pytest.raises(ValueError, match=problem):
        save_png(tmp_path / "out.png", image)
    assert not list(tmp_path.iterdir())


def test_save_png_replaces_existing_file_atomically(tmp_path):
    save_png(tmp_path / "a.png", np.zeros((3, 3)))
    save_png(tmp_path / "a.png", np.ones((2, 4)))
    assert load_image(tmp_path / "a.png").tolist() == np.ones((2, 4)).tolist()


SAMPLES = [GOOD_PNG, png_bytes(np.arange(24).reshape(2, 3, 4), 6, 16, [4, 3]),
           png_bytes(np.arange(6).reshape(2, 3, 1) % 4, 3, 2, [1, 4], np.arange(12).reshape(4, 3), b"\x10\x20"),
           bmp_bytes([bytes(range(15))] * 3, 5, 3, 24), bmp_bytes([b"\x01\x02"] * 3, 2, 3, 8, palette=[(1, 2, 3)] * 4),
           b"P5\n3 2\n255\n" + bytes(6), b"P2\n2 2\n9\n1 2 3 4\n", b"P6 1 1 65535\n" + bytes(6)]
_FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def _load_or_value_error(path):
    try:
        image = load_image(path)
    except ValueError as exc:
        assert str(path) in str(exc)
    else:
        assert image.dtype == np.float32 and image.ndim == 2
        assert np.all((image >= 0) & (image <= 1))


@_FUZZ
@given(sample=st.sampled_from(SAMPLES), edits=st.lists(st.tuples(st.integers(0, 400), st.integers(0, 255)),
                                                         max_size=4), cut=st.none() | st.integers(0, 400))
def test_fuzz_mutated_images_only_value_error(tmp_path, sample, edits, cut):
    data = bytearray(sample)
    for pos, value in edits:
        data[pos % len(data)] = value
    path = tmp_path / "fuzz"
    path.write_bytes(bytes(data[:cut] if cut is not None else data))
    _load_or_value_error(path)


@_FUZZ
@given(prefix=st.sampled_from([b"\x89PNG\r\n\x1a\n", b"BM", b"P2", b"P3", b"P5", b"P6", b""]),
       body=st.binary(max_size=200))
def test_fuzz_random_bytes_behind_a_magic_only_value_error(tmp_path, prefix, body):
    path = tmp_path / "fuzz"
    path.write_bytes(prefix + body)
    _load_or_value_error(path)
