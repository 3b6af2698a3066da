"""IDX reading and writing: round trips, a corpus of malformed files, and a fuzz test that only
ValueError escapes."""

from __future__ import annotations

import gzip
import os
import struct
import tracemalloc

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mnist_gui.data.idx import read_idx, write_idx


def idx_bytes(code: int, shape, payload: bytes) -> bytes:
    return bytes([0, 0, code, len(shape)]) + struct.pack(f">{len(shape)}I", *shape) + payload


VALID = idx_bytes(0x08, (3, 2, 2), bytes(range(12)))


@pytest.mark.parametrize("dtype", ["uint8", "int8", "int16", "int32", "float32", "float64"])
@pytest.mark.parametrize("name", ["a.idx", "a.idx.gz"])
def test_round_trip_every_type(tmp_path, dtype, name):
    rng = np.random.default_rng(0)
    info = np.iinfo(dtype) if np.issubdtype(dtype, np.integer) else None
    if info is not None:
        a = rng.integers(info.min, info.max, size=(4, 3, 5), endpoint=True).astype(dtype)
    else:
        a = (rng.standard_normal((4, 3, 5)) * 1e3).astype(dtype)
    write_idx(tmp_path / name, a)
    b = read_idx(tmp_path / name)
    assert b.dtype == np.dtype(dtype) and b.dtype.isnative
    np.testing.assert_array_equal(a, b)


@pytest.mark.parametrize("shape", [(0,), (7,), (2, 3), (2, 3, 4), (2, 1, 3, 2)])
def test_round_trip_every_rank(tmp_path, shape):
    a = np.arange(int(np.prod(shape)), dtype=np.uint8).reshape(shape)
    write_idx(tmp_path / "a.gz", a)
    np.testing.assert_array_equal(read_idx(tmp_path / "a.gz"), a)


def test_big_endian_on_disk_and_standard_header(tmp_path):
    write_idx(tmp_path / "a", np.array([1, 256], dtype=np.int32))
    assert (tmp_path / "a").read_bytes() == idx_bytes(0x0C, (2,), b"\0\0\0\x01\0\0\x01\0")


def test_gzip_is_detected_by_content_not_name(tmp_path):
    (tmp_path / "compressed.raw").write_bytes(gzip.compress(VALID))
    (tmp_path / "plain.gz").write_bytes(VALID)
    expected = np.arange(12, dtype=np.uint8).reshape(3, 2, 2)
    np.testing.assert_array_equal(read_idx(tmp_path / "compressed.raw"), expected)
    np.testing.assert_array_equal(read_idx(tmp_path / "plain.gz"), expected)


def test_written_gz_is_gzip_and_plain_is_not(tmp_path):
    write_idx(tmp_path / "a.gz", np.zeros(3, np.uint8))
    write_idx(tmp_path / "a", np.zeros(3, np.uint8))
    assert (tmp_path / "a.gz").read_bytes()[:2] == b"\x1f\x8b"
    assert (tmp_path / "a").read_bytes()[:4] == b"\0\0\x08\x01"


def test_read_array_is_writable(tmp_path):
    (tmp_path / "a").write_bytes(VALID)
    a = read_idx(tmp_path / "a")
    a[0, 0, 0] = 99


@pytest.mark.parametrize("array", [np.zeros(3, np.int64), np.zeros(3, bool), np.zeros(3, np.uint16),
                                   np.array(5, np.uint8), np.zeros((1,) * 5, np.uint8)],
                         ids=["int64", "bool", "uint16", "0-d", "5-d"])
def test_write_rejects_what_idx_cannot_hold(tmp_path, array):
    with pytest.raises(ValueError, match="IDX"):
        write_idx(tmp_path / "a", array)
    assert list(tmp_path.iterdir()) == []


def test_write_is_atomic_when_interrupted(tmp_path, monkeypatch):
    path = tmp_path / "a.gz"
    write_idx(path, np.arange(5, dtype=np.uint8))
    before = path.read_bytes()

    def broken_write(self, data):
        raise OSError("disk full")

    monkeypatch.setattr(gzip.GzipFile, "write", broken_write)
    with pytest.raises(OSError, match="disk full"):
        write_idx(path, np.arange(50, dtype=np.uint8))
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.gz"]  # no temp file left behind


def _gz(data: bytes) -> bytes:
    return gzip.compress(data, mtime=0)


MALFORMED = {
    "empty": (b"", "empty"),
    "two bytes": (b"\0\0", "truncated IDX header"),
    "wrong magic": (b"\x12\x34\x08\x01" + b"\0\0\0\x01x", "not an IDX file"),
    "text file": (b"hello, world\n", "not an IDX file"),
    "unknown type": (idx_bytes(0x07, (2,), b"ab"), "unknown IDX type code 0x07"),
    "zero dims": (bytes([0, 0, 8, 0]), "0 dimensions"),
    "too many dims": (bytes([0, 0, 8, 9]) + b"\0\0\0\x01" * 9 + b"x", "9 dimensions"),
    "truncated sizes": (bytes([0, 0, 8, 3]) + b"\0\0\0\x02\0\0", "truncated IDX header"),
    "truncated data": (VALID[:-1], "truncated IDX data"),
    "trailing bytes": (VALID + b"\0", "trailing bytes"),
    "lying 4 GB header": (idx_bytes(0x08, (0xFFFFFFFF,), b"tiny"), "truncated IDX data"),
    "lying 16 EB header": (idx_bytes(0x0D, (0xFFFFFFFF,) * 4, b"tiny"), "truncated IDX data"),
    "gz empty payload": (_gz(b""), "empty"),
    "gz truncated data": (_gz(VALID[:-3]), "truncated IDX data"),
    "gz trailing bytes": (_gz(VALID + b"\0\0"), "trailing bytes"),
    "gz wrong magic": (_gz(b"\x01\x00\x08\x01" + VALID[4:]), "not an IDX file"),
    "gz lying 4 GB header": (_gz(idx_bytes(0x08, (0xFFFFFFFF,), b"tiny")), "more than this gzip file"),
    "gz cut short": (_gz(VALID)[:-10], "broken gzip stream"),
    "gz bad crc": (_gz(VALID)[:-8] + b"\0\0\0\0" + _gz(VALID)[-4:], "broken gzip stream"),
    "gz magic then junk": (b"\x1f\x8b" + bytes(range(40)), "broken gzip stream"),
    "gz garbage after stream": (_gz(VALID) + b"junk", "broken gzip stream"),
}


@pytest.mark.parametrize("content, problem", MALFORMED.values(), ids=MALFORMED.keys())
def test_malformed_file_gives_value_error_naming_file_and_problem(tmp_path, content, problem):
    path = tmp_path / "broken-file.idx"
    path.write_bytes(content)
    with pytest.raises(ValueError) as info:
        read_idx(path)
    message = str(info.value)
    assert str(path) in message
    assert problem in message


def test_missing_file_is_file_not_found(tmp_path):
    with pytest.raises(FileNotFoundError):
        read_idx(tmp_path / "nope")


def _peak_allocation(fn) -> int:
    tracemalloc.start()
    try:
        fn()
    except ValueError:
        pass
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak


def test_lying_header_does_not_make_us_allocate_what_it_claims(tmp_path):
    raw = tmp_path / "raw"
    raw.write_bytes(idx_bytes(0x0E, (60000, 1000, 1000), b"x" * 1000))  # claims 480 GB
    # a gzip file small enough to pass the deflate-ratio check: 200 MB claimed, 1 MB present
    data = np.random.default_rng(0).integers(0, 256, 1 << 20, dtype=np.uint8).tobytes()
    compressed = tmp_path / "compressed"
    compressed.write_bytes(_gz(idx_bytes(0x08, (50_000, 4096), data)))
    assert _peak_allocation(lambda: read_idx(raw)) < 1 << 20
    assert _peak_allocation(lambda: read_idx(compressed)) < 16 << 20
    with pytest.raises(ValueError, match="truncated IDX data"):
        read_idx(compressed)


def _mutate(data: bytes, edits, cut) -> bytes:
    b = bytearray(data)
    for pos, value in edits:
        if b:
            b[pos % len(b)] = value
    return bytes(b[:cut]) if cut is not None else bytes(b)


def _read_or_value_error(path):
    try:
        a = read_idx(path)
    except ValueError as exc:
        assert str(path) in str(exc)
    else:
        assert isinstance(a, np.ndarray)


_FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@_FUZZ
@given(data=st.binary(max_size=300), compress=st.booleans())
def test_fuzz_random_bytes_only_value_error(tmp_path, data, compress):
    path = tmp_path / "fuzz"
    path.write_bytes(_gz(data) if compress else data)
    _read_or_value_error(path)


@_FUZZ
@given(edits=st.lists(st.tuples(st.integers(0, 40), st.integers(0, 255)), max_size=4),
       cut=st.none() | st.integers(0, 40), compress=st.booleans(), corrupt_gzip=st.booleans())
def test_fuzz_mutated_headers_only_value_error(tmp_path, edits, cut, compress, corrupt_gzip):
    data = _mutate(VALID + idx_bytes(0x0B, (2, 3), bytes(12)), edits, cut)
    if compress:
        data = _gz(data)
        if corrupt_gzip:  # mutate the compressed stream instead, behind the gzip magic
            data = data[:2] + _mutate(data[2:], edits, cut)
    path = tmp_path / "fuzz.gz"
    path.write_bytes(data)
    _read_or_value_error(path)


def test_atomic_write_leaves_no_temp_files(tmp_path):
    write_idx(tmp_path / "a.gz", np.zeros((2, 2), np.uint8))
    write_idx(tmp_path / "a.gz", np.ones((2, 2), np.uint8))
    assert os.listdir(tmp_path) == ["a.gz"]
    np.testing.assert_array_equal(read_idx(tmp_path / "a.gz"), np.ones((2, 2), np.uint8))
