"""Hostile files, made for real in tmp_path (see hostile.py): each is refused with a clear ValueError
before anything of the size it claims is allocated. Memory is measured in a fresh subprocess (peak RSS),
which also puts a timeout on anything that would hang. Peak RSS is VmHWM on Linux (ru_maxrss survives
exec there, so a child would report its parent's peak), getrusage elsewhere."""

from __future__ import annotations

import gzip
import json
import os
import struct
import subprocess
import sys
import textwrap
import zlib
from pathlib import Path

import numpy as np
import pytest

import hostile
import mnist_gui.data.mnist as mnist_module
from mnist_gui.data import images, limits
from mnist_gui.data.idx import read_idx, read_idx_header, write_idx
from mnist_gui.data.images import load_image
from mnist_gui.data.mnist import load_dataset

posix_only = pytest.mark.skipif(os.name != "posix", reason="FIFOs, /dev/zero and getrusage are POSIX")
PEAK_MB = 300  # well above the interpreter with NumPy (about 35 MB), far below what the files claim
ROOT = Path(__file__).resolve().parents[2]


def run_isolated(call: str, path) -> tuple[str, float]:
    """Run ``call`` (an expression using ``path``) in a fresh interpreter; (what it raised, peak RSS MB)."""
    code = textwrap.dedent(f"""
        import resource, sys
        from mnist_gui.data.images import load_image
        from mnist_gui.data.idx import read_idx
        from mnist_gui.data.mnist import load_dataset
        path = sys.argv[1]
        try:
            {call}
            outcome = "no error"
        except ValueError as exc:
            outcome = "ValueError: " + str(exc)
        try:  # Linux keeps ru_maxrss across exec (it would be the parent's); VmHWM is this program's
            status = open("/proc/self/status").read()
            peak = int(status.split("VmHWM:")[1].split()[0]) / 1024
        except (OSError, IndexError):
            peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
            peak /= (1 << 20) if sys.platform == "darwin" else 1024
        print(outcome)
        print(peak)
    """)
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    done = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True, timeout=60,
                          env=env, check=True)
    outcome, peak = done.stdout.strip().rsplit("\n", 1)
    return outcome, float(peak)


def assert_refused_lightly(call, path, message):
    outcome, peak = run_isolated(call, path)
    assert outcome.startswith("ValueError") and message in outcome, outcome
    assert str(path) in outcome
    assert peak < PEAK_MB, f"peak RSS {peak:.0f} MB"


# --- pictures ---------------------------------------------------------------------------------------

@posix_only
def test_20000_square_png_is_refused_from_its_header(tmp_path):
    path = tmp_path / "huge.png"
    assert hostile.write_png(path, 20000, 20000) < 500_000  # a 400 KB file claiming 400 MB of pixels
    assert_refused_lightly("load_image(path)", path, "20000 × 20000 pixels is larger than the 40-megapixel limit")


@posix_only
def test_paeth_filtered_12000_square_png_is_refused_before_unfiltering(tmp_path):
    path = tmp_path / "paeth.png"
    hostile.write_png(path, 12000, 12000, filter_type=4)
    assert_refused_lightly("load_image(path)", path, "12000 × 12000 pixels is larger than the 40-megapixel limit")


@posix_only
def test_32_mb_one_bit_bmp_is_refused_before_expanding(tmp_path):
    path = tmp_path / "huge.bmp"
    assert hostile.write_bmp_1bit(path, 16000, 16000) == 32_000_062  # 256 megapixels, all present
    assert_refused_lightly("load_image(path)", path, "16000 × 16000 pixels is larger than the 40-megapixel limit")


def test_a_side_over_the_limit_is_refused_even_under_the_pixel_limit(tmp_path):
    path = tmp_path / "strip.png"
    hostile.write_png(path, limits.MAX_SIDE + 1, 2)
    with pytest.raises(ValueError, match=f"{limits.MAX_SIDE + 1} × 2 pixels: a side is longer than the 16384"):
        load_image(path)


def test_pixel_limit_is_inclusive_and_public():
    assert images.MAX_PIXELS == limits.MAX_PIXELS == 40_000_000 and images.MAX_SIDE == limits.MAX_SIDE
    limits.check_pixels(8000, 5000)
    limits.check_pixels(16384, 2441)
    with pytest.raises(ValueError, match="8001 × 5000 pixels is larger than the 40-megapixel limit"):
        limits.check_pixels(8001, 5000)


@pytest.mark.parametrize("header, samples", [(b"P5 8000 8000 255\n", 64_000_000), (b"P2 6400 6400 9\n", 40_960_000)],
                         ids=["binary", "plain"])
def test_pnm_over_the_pixel_limit_is_refused_before_parsing(tmp_path, header, samples):
    path = tmp_path / "huge.pgm"
    path.write_bytes(header + b"0" * samples)  # under the file-size limit; as many samples as declared
    with pytest.raises(ValueError, match="pixels is larger than the 40-megapixel limit"):
        load_image(path)


def test_plain_pnm_over_its_size_limit_is_refused(tmp_path):
    path = tmp_path / "big.pgm"
    path.write_bytes(b"P2 1500 1500 255\n" + b"0 " * (1500 * 1500))
    with pytest.raises(ValueError, match="plain .text. PGM/PPM files are limited to 4 MB"):
        load_image(path)


def test_pnm_header_must_end_within_its_limit(tmp_path):
    path = tmp_path / "comments.pgm"
    path.write_bytes(b"P5\n" + b"#" * (100 << 10) + b"\n1 1 255\n\0")
    with pytest.raises(ValueError, match="PGM/PPM header longer than the 64 KB limit"):
        load_image(path)
    path.write_bytes(b"P5 " + b"9" * 40 + b" 1 255\n\0")
    with pytest.raises(ValueError, match="a number of 40 digits"):
        load_image(path)


def test_picture_file_over_the_size_limit_is_refused_unread(tmp_path):
    path = tmp_path / "big.png"
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n")
        f.truncate(80 << 20)  # sparse
    with pytest.raises(ValueError, match="the file is 80 MB, larger than the 64 MB limit for a picture"):
        load_image(path)


@posix_only
def test_fifo_is_refused_without_hanging(tmp_path):
    path = tmp_path / "pipe.png"
    hostile.make_fifo(path)
    assert_refused_lightly("load_image(path)", path, "a named pipe (FIFO), not a regular file")
    assert_refused_lightly("read_idx(path)", path, "a named pipe (FIFO), not a regular file")


@posix_only
@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_symlink_to_dev_zero_is_refused_unread(tmp_path):
    path = tmp_path / "zero.png"
    path.symlink_to("/dev/zero")
    assert_refused_lightly("load_image(path)", path, "a device, not a regular file")
    assert_refused_lightly("read_idx(path)", path, "a device, not a regular file")


def test_folder_is_refused(tmp_path):
    (tmp_path / "picture.png").mkdir()
    with pytest.raises(ValueError, match="a folder, not a regular file"):
        load_image(tmp_path / "picture.png")


# --- IDX files and datasets ----------------------------------------------------------------------------

@posix_only
def test_honest_gzip_bomb_is_refused_from_its_header(tmp_path):
    path = tmp_path / "bomb-idx3-ubyte.gz"
    assert hostile.write_gzip_idx(path, (3_061_224, 28, 28), 3_061_224 * 784) < 2_500_000  # 2.4 GB inside
    assert_refused_lightly("read_idx(path)", path, "(2.2 GB), larger than the 1 GB limit for an IDX file")
    with pytest.raises(ValueError, match="larger than the 1 GB limit"):
        read_idx_header(path)


@posix_only
def test_gzip_bomb_behind_a_small_header_stops_one_byte_past_the_declared_data(tmp_path):
    path = tmp_path / "bomb-idx3-ubyte.gz"
    hostile.write_gzip_idx(path, (1000, 28, 28), 3_061_224 * 784)
    assert_refused_lightly("read_idx(path)", path, "trailing bytes after the IDX data of shape (1000, 28, 28)")


def _member_with_a_name(data: bytes, name: bytes) -> bytes:
    body = zlib.compressobj(9, zlib.DEFLATED, -15)
    deflated = body.compress(data) + body.flush()
    return (b"\x1f\x8b\x08\x08" + bytes(6) + name + b"\0" + deflated
            + struct.pack("<II", zlib.crc32(data), len(data)))


@posix_only
def test_gzip_name_fields_and_zero_padding_are_skipped_at_c_speed(tmp_path):
    # the gzip module reads a member's name and the padding after it one byte at a time: about two
    # minutes for this file; here a gigabyte of padding is skipped a megabyte at a time
    idx = b"\0\0\x08\x01\0\0\0\x03abc"
    path = tmp_path / "padded-idx1-ubyte.gz"
    with open(path, "wb") as f:
        f.write(_member_with_a_name(idx[:5], b"n" * (16 << 20)) + gzip.compress(idx[5:]))
        f.truncate(1 << 30)  # zero padding after the last member, as gzip allows (sparse here)
    outcome, _ = run_isolated("print(read_idx(path).tolist())", path)
    assert outcome == "[97, 98, 99]\nno error"


def test_gzip_members_are_concatenated_and_anything_else_after_them_is_an_error(tmp_path):
    idx = b"\0\0\x08\x01\0\0\0\x03abc"
    path = tmp_path / "a.gz"
    path.write_bytes(gzip.compress(idx[:6]) + bytes(3) + gzip.compress(idx[6:]))
    assert read_idx(path).tolist() == [97, 98, 99]
    path.write_bytes(gzip.compress(idx) + b"\x1f")
    with pytest.raises(ValueError, match="broken gzip stream .the file ends inside compressed data"):
        read_idx(path)
    path.write_bytes(gzip.compress(idx) + b"PK")
    with pytest.raises(ValueError, match="data after its end that is not another gzip member"):
        read_idx(path)


def test_idx_file_over_the_size_limit_on_disk_is_refused_unread(tmp_path):
    path = tmp_path / "huge-idx1-ubyte"
    with open(path, "wb") as f:
        f.write(b"\0\0\x08\x01" + (limits.MAX_IDX_BYTES + (2 << 20)).to_bytes(4, "big"))
        f.truncate(2 << 30)  # sparse
    with pytest.raises(ValueError, match="the file is 2 GB, larger than the 1.0 GB limit for an IDX file"):
        read_idx(path)


def test_read_idx_header_reads_the_declaration_only(tmp_path):
    write_idx(tmp_path / "a.gz", np.zeros((5, 3, 2), np.int16))
    assert read_idx_header(tmp_path / "a.gz") == (np.dtype(np.int16), (5, 3, 2))
    (tmp_path / "short").write_bytes(b"\0\0\x08\x01\0\0\0\x09" + bytes(3))
    with pytest.raises(ValueError, match="truncated IDX data"):
        read_idx_header(tmp_path / "short")


def small_dataset(folder: Path, classes: int = 10):
    rng = np.random.default_rng(0)
    folder.mkdir(parents=True, exist_ok=True)
    for key, stem in mnist_module.STANDARD_NAMES.items():
        n = 30 if "train" in key else 10
        a = rng.integers(0, 256, (n, 28, 28), dtype=np.uint8) if key[0] == "x" else (np.arange(n) % classes)
        write_idx(folder / (stem + ".gz"), a.astype(np.uint8))


@posix_only
def test_dataset_folder_with_a_bomb_is_refused_before_inflating(tmp_path):
    small_dataset(tmp_path / "d")
    hostile.write_gzip_idx(tmp_path / "d" / "train-images-idx3-ubyte.gz", (2_000_000, 28, 28), 1_568_000_000)
    assert_refused_lightly(f"load_dataset(path, cache_dir={str(tmp_path / 'cache')!r})", tmp_path / "d",
                           "train-images-idx3-ubyte.gz: the IDX header declares shape (2000000, 28, 28) (1.5 GB)")


def test_dataset_headers_are_checked_before_any_data_is_read(tmp_path, monkeypatch):
    small_dataset(tmp_path / "d")
    write_idx(tmp_path / "d" / "t10k-labels-idx1-ubyte.gz", np.zeros(11, np.uint8))
    read = []
    monkeypatch.setattr(mnist_module, "read_idx", lambda p: read.append(p))
    with pytest.raises(ValueError, match="10 test images but 11 test labels"):
        load_dataset(tmp_path / "d", cache_dir=tmp_path / "cache")
    assert read == []


@pytest.fixture
def cached_folder(tmp_path, monkeypatch):
    """A small dataset folder, loaded once so its cache entry exists; returns (folder, manifest, reads)."""
    small_dataset(tmp_path / "d")
    load_dataset(tmp_path / "d", cache_dir=tmp_path / "cache")
    reads = []
    real = mnist_module.read_idx
    monkeypatch.setattr(mnist_module, "read_idx", lambda p: reads.append(p) or real(p))
    return tmp_path / "d", next((tmp_path / "cache").rglob("manifest.json")), reads


def _wrong_file(manifest: Path) -> str:
    data = json.loads(manifest.read_text())
    data["arrays"]["y_test"]["file"] = "/dev/zero"
    data["arrays"]["y_test"]["size"] = 0
    return json.dumps(data)


MANIFESTS = {
    "nested 100000 deep": lambda m: hostile.nested_json(100_000),
    "2 MB": lambda m: " " * (2 << 20) + m.read_text(),
    "a list": lambda m: "[1, 2, 3]",
    "wrong types": lambda m: m.read_text().replace('"version": 1', '"version": "1"'),
    "names a file outside the entry": _wrong_file,
    "not UTF-8": lambda m: "\udcff",
}


@pytest.mark.parametrize("content", MANIFESTS.values(), ids=MANIFESTS.keys())
def test_unusable_manifest_means_a_rebuild_not_a_crash(tmp_path, cached_folder, content):
    folder, manifest, reads = cached_folder
    manifest.write_bytes(content(manifest).encode("utf-8", "surrogateescape"))
    ds = load_dataset(folder, cache_dir=tmp_path / "cache")
    assert ds.x_train.shape == (30, 28, 28) and len(reads) == 4  # read again from the folder
    assert json.loads(manifest.read_text())["version"] == 1  # repaired
    load_dataset(folder, cache_dir=tmp_path / "cache")
    assert len(reads) == 4  # and the repaired entry is used


def test_manifest_that_is_a_fifo_is_not_opened_for_reading(tmp_path, cached_folder):
    if os.name != "posix":
        pytest.skip("FIFOs are POSIX")
    folder, manifest, reads = cached_folder
    manifest.unlink()
    hostile.make_fifo(manifest)
    assert load_dataset(folder, cache_dir=tmp_path / "cache").x_test.shape == (10, 28, 28)
    assert len(reads) == 4


CLASSES = {
    "nested 100000 deep": (hostile.nested_json(100_000), "nested 100000 levels deep, more than the 32 allowed"),
    "2 MB": (json.dumps(["x" * 100] * 20_000), "larger than the 1 MB limit for a classes.json file"),
    "300 names": (json.dumps([f"c{i}" for i in range(300)]), "300 class names, more than the 256"),
    "a long name": (json.dumps(["a" * 101] + list("bcdefghij")), "class name 0 is 101 characters long"),
    "an empty name": (json.dumps(list("abc") + ["  "] + list("efghij")), "class name 3 is empty"),
    "a long dataset name": (json.dumps({"name": "n" * 500, "class_names": list("abcdefghij")}),
                            "the dataset name is 500 characters long"),
    "numbers": (json.dumps(list(range(10))), "expected a list of class names"),
}


@pytest.mark.parametrize("content, message", CLASSES.values(), ids=CLASSES.keys())
def test_bad_classes_json_is_a_clear_value_error(tmp_path, content, message):
    small_dataset(tmp_path / "d")
    (tmp_path / "d" / "classes.json").write_text(content, encoding="utf-8")
    with pytest.raises(ValueError) as info:
        load_dataset(tmp_path / "d", cache_dir=tmp_path / "cache")
    assert "classes.json" in str(info.value) and message in str(info.value)


def test_class_names_txt_has_the_same_limits(tmp_path):
    small_dataset(tmp_path / "d")
    (tmp_path / "d" / "class_names.txt").write_text("\n".join(f"c{i}" for i in range(257)), encoding="utf-8")
    with pytest.raises(ValueError, match="257 class names, more than the 256"):
        load_dataset(tmp_path / "d", cache_dir=tmp_path / "cache")
    (tmp_path / "d" / "class_names.txt").write_bytes(b"\xff\xfe" + "zero\n".encode("utf-16-le"))
    with pytest.raises(ValueError, match="class_names.txt: not UTF-8 text"):
        load_dataset(tmp_path / "d", cache_dir=tmp_path / "cache")
