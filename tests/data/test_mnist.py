"""The MNIST loader: the bundled data against the facts in shared/datasets/mnist/README.md, dataset
folders (names, class names, inconsistent files) and the cache (hit, miss, stale, corrupt, unwritable)."""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import struct

import numpy as np
import pytest

import mnist_gui.data.mnist as mnist_module
from mnist_gui.data.idx import write_idx
from mnist_gui.data.mnist import DIGIT_NAMES, Dataset, load_dataset, load_mnist
from mnist_gui.core.paths import resource_path

# from shared/datasets/mnist/README.md
SHA256_DECOMPRESSED = {
    "train-images-idx3-ubyte": "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db",
    "train-labels-idx1-ubyte": "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5",
    "t10k-images-idx3-ubyte": "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7",
    "t10k-labels-idx1-ubyte": "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2",
}
SHA256_GZ = {
    "train-images-idx3-ubyte.gz": "0b367032e93c5d0cea0925647cfdb18614af8ee15f83e6f2fc2ad904a6835971",
    "train-labels-idx1-ubyte.gz": "1787548bbe0bff1ec2ecdc0ef292b02df999e2d1a6002d27500982c652b17203",
    "t10k-images-idx3-ubyte.gz": "1a1a05eab793c14bb050b398624a11b0ffd1a2953baed553b1b9bd079e2a20be",
    "t10k-labels-idx1-ubyte.gz": "b91679a0acfe4ba0e50a2437a903084cba1f5f92592b016a25a7dfd00455798b",
}
TRAIN_COUNTS = [5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949]
TEST_COUNTS = [980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009]


def test_bundled_files_are_the_published_ones():
    for name, digest in SHA256_GZ.items():
        assert hashlib.sha256(resource_path("mnist", name).read_bytes()).hexdigest() == digest


def test_bundled_dataset_matches_the_published_facts(dataset):
    assert dataset.x_train.shape == (60000, 28, 28) and dataset.y_train.shape == (60000,)
    assert dataset.x_test.shape == (10000, 28, 28) and dataset.y_test.shape == (10000,)
    for a in (dataset.x_train, dataset.y_train, dataset.x_test, dataset.y_test):
        assert a.dtype == np.uint8
    assert dataset.y_train[:10].tolist() == [5, 0, 4, 1, 9, 2, 1, 3, 1, 4]
    assert dataset.y_test[:10].tolist() == [7, 2, 1, 0, 4, 1, 4, 9, 5, 9]
    assert np.bincount(dataset.y_train).tolist() == TRAIN_COUNTS
    assert np.bincount(dataset.y_test).tolist() == TEST_COUNTS
    assert dataset.class_names == DIGIT_NAMES == ["zero", "one", "two", "three", "four", "five", "six",
                                                   "seven", "eight", "nine"]
    assert dataset.name == "MNIST" and dataset.num_classes == 10


def test_loaded_arrays_are_byte_for_byte_the_published_contents(dataset):
    arrays = {"train-images-idx3-ubyte": dataset.x_train, "train-labels-idx1-ubyte": dataset.y_train,
              "t10k-images-idx3-ubyte": dataset.x_test, "t10k-labels-idx1-ubyte": dataset.y_test}
    for name, a in arrays.items():
        header = bytes([0, 0, 8, a.ndim]) + struct.pack(f">{a.ndim}I", *a.shape)
        assert hashlib.sha256(header + a.tobytes()).hexdigest() == SHA256_DECOMPRESSED[name], name


def test_load_mnist_is_shaped_like_keras_and_caches_in_the_user_cache_dir(dataset, monkeypatch, tmp_path):
    monkeypatch.setenv("MNIST_GUI_CACHE_DIR", str(tmp_path / "user-cache"))
    (x_train, y_train), (x_test, y_test) = load_mnist()
    assert x_train.shape == (60000, 28, 28) and y_train.shape == (60000,)
    assert x_test.shape == (10000, 28, 28) and y_test.shape == (10000,)
    np.testing.assert_array_equal(x_train, dataset.x_train)
    np.testing.assert_array_equal(y_test, dataset.y_test)
    assert len(list((tmp_path / "user-cache").rglob("manifest.json"))) == 1


# --- a small synthetic dataset folder -------------------------------------------------------------

N_TRAIN = 1500  # 1500 * 784 bytes > 1 MiB, so the image files take the cheap-checksum path


def make_folder(path, names=None, suffix=".gz", n_train=N_TRAIN, n_test=40, classes=10, seed=0):
    rng = np.random.default_rng(seed)
    names = names or {k: v + suffix for k, v in mnist_module.STANDARD_NAMES.items()}
    arrays = {"x_train": rng.integers(0, 256, (n_train, 28, 28), dtype=np.uint8),
              "y_train": rng.integers(0, classes, n_train, dtype=np.uint8),
              "x_test": rng.integers(0, 256, (n_test, 28, 28), dtype=np.uint8),
              "y_test": rng.integers(0, classes, n_test, dtype=np.uint8)}
    path.mkdir(parents=True, exist_ok=True)
    for key, a in arrays.items():
        write_idx(path / names[key], a)
    return arrays


def assert_same(dataset: Dataset, arrays):
    for key, a in arrays.items():
        np.testing.assert_array_equal(getattr(dataset, key), a)


@pytest.mark.parametrize("suffix", ["", ".gz"])
def test_folder_with_standard_names_raw_or_gz(tmp_path, suffix):
    arrays = make_folder(tmp_path / "fashion", suffix=suffix)
    ds = load_dataset(tmp_path / "fashion", cache_dir=tmp_path / "cache")
    assert_same(ds, arrays)
    assert ds.name == "fashion" and ds.class_names == DIGIT_NAMES


def test_folder_with_dotted_names(tmp_path):
    names = {"x_train": "train-images.idx3-ubyte", "y_train": "train-labels.idx1-ubyte",
             "x_test": "t10k-images.idx3-ubyte.gz", "y_test": "t10k-labels.idx1-ubyte"}
    arrays = make_folder(tmp_path / "d", names=names)
    assert_same(load_dataset(tmp_path / "d", cache_dir=tmp_path / "cache"), arrays)


def test_folder_missing_a_file_names_it(tmp_path):
    make_folder(tmp_path / "d")
    (tmp_path / "d" / "t10k-labels-idx1-ubyte.gz").unlink()
    with pytest.raises(ValueError, match="missing t10k-labels-idx1-ubyte"):
        load_dataset(tmp_path / "d", cache_dir=tmp_path / "cache")


def test_path_that_is_not_a_folder(tmp_path):
    with pytest.raises(ValueError, match="not a folder"):
        load_mnist(tmp_path / "nowhere", cache_dir=tmp_path / "cache")


def test_class_names_txt(tmp_path):
    make_folder(tmp_path / "d")
    names = ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag",
             "Ankle boot"]
    (tmp_path / "d" / "class_names.txt").write_text("\n".join(names) + "\n\n", encoding="utf-8")
    assert load_dataset(tmp_path / "d", cache_dir=tmp_path / "cache").class_names == names


@pytest.mark.parametrize("content, name", [
    (json.dumps([f"c{i}" for i in range(10)]), "d"),
    (json.dumps({"name": "KMNIST", "class_names": [f"k{i}" for i in range(10)]}), "KMNIST")])
def test_classes_json(tmp_path, content, name):
    make_folder(tmp_path / "d")
    (tmp_path / "d" / "classes.json").write_text(content, encoding="utf-8")
    ds = load_dataset(tmp_path / "d", cache_dir=tmp_path / "cache")
    assert ds.name == name and len(ds.class_names) == 10 and ds.class_names[0][1] == "0"


@pytest.mark.parametrize("file, content, problem", [
    ("class_names.txt", "a\nb\nc\n", "3 class names, but the labels go up to 9"),
    ("classes.json", "[1, 2]", "expected a list of class names"),
    ("classes.json", "{not json", "not valid JSON")])
def test_bad_class_names_are_value_errors(tmp_path, file, content, problem):
    make_folder(tmp_path / "d")
    (tmp_path / "d" / file).write_text(content, encoding="utf-8")
    with pytest.raises(ValueError, match=problem):
        load_dataset(tmp_path / "d", cache_dir=tmp_path / "cache")


def test_more_than_ten_classes_get_numbered_names(tmp_path):
    make_folder(tmp_path / "d", classes=47, n_train=400, seed=3)
    ds = load_dataset(tmp_path / "d", cache_dir=tmp_path / "cache")
    assert ds.class_names == [str(i) for i in range(47)]


@pytest.mark.parametrize("key, array, problem", [
    ("y_train", np.zeros(N_TRAIN - 1, np.uint8), "1500 train images but 1499 train labels"),
    ("x_test", np.zeros((40, 784), np.uint8), "test images must be 3-D"),
    ("x_train", np.zeros((N_TRAIN, 28, 28), np.float32), "train images must be 3-D unsigned bytes"),
    ("y_test", np.zeros(40, np.int32), "test labels must be 1-D unsigned bytes"),
    ("x_test", np.zeros((40, 32, 32), np.uint8), "train images are (28, 28) but test images are (32, 32)"),
    ("x_test", np.zeros((0, 28, 28), np.uint8), "0 test images but 40"),
])
def test_inconsistent_files_are_value_errors(tmp_path, key, array, problem):
    make_folder(tmp_path / "d")
    write_idx(tmp_path / "d" / (mnist_module.STANDARD_NAMES[key] + ".gz"), array)
    with pytest.raises(ValueError, match=problem.replace("(", r"\(").replace(")", r"\)")):
        load_dataset(tmp_path / "d", cache_dir=tmp_path / "cache")


def test_corrupt_idx_in_folder_names_the_file(tmp_path):
    make_folder(tmp_path / "d")
    bad = tmp_path / "d" / "train-labels-idx1-ubyte.gz"
    bad.write_bytes(gzip.compress(b"\0\0\x08\x01\0\0\x05\xdc" + b"\0" * 10))
    with pytest.raises(ValueError, match="train-labels-idx1-ubyte.gz: truncated IDX data"):
        load_dataset(tmp_path / "d", cache_dir=tmp_path / "cache")


# --- the cache ------------------------------------------------------------------------------------

@pytest.fixture
def counted_reads(monkeypatch):
    """Counts IDX files read from the source folder: zero on a cache hit."""
    calls = []
    real = mnist_module.read_idx

    def counting(path):
        calls.append(path)
        return real(path)

    monkeypatch.setattr(mnist_module, "read_idx", counting)
    return calls


def cache_files(cache):
    return {p.name: p for p in cache.rglob("*") if p.is_file()}


def test_first_load_fills_cache_then_hits_it(tmp_path, counted_reads):
    arrays = make_folder(tmp_path / "d")
    assert_same(load_dataset(tmp_path / "d", cache_dir=tmp_path / "cache"), arrays)
    assert len(counted_reads) == 4
    assert sorted(cache_files(tmp_path / "cache")) == ["manifest.json", "x_test.npy", "x_train.npy",
                                                         "y_test.npy", "y_train.npy"]
    ds = load_dataset(tmp_path / "d", cache_dir=tmp_path / "cache")
    assert len(counted_reads) == 4  # nothing read from the source: a hit
    assert_same(ds, arrays)
    assert ds.x_train.dtype == np.uint8 and type(ds.x_train) is np.ndarray


def test_manifest_records_size_and_sha256(tmp_path):
    make_folder(tmp_path / "d")
    load_mnist(tmp_path / "d", cache_dir=tmp_path / "cache")
    files = cache_files(tmp_path / "cache")
    manifest = json.loads(files["manifest.json"].read_text())
    for key, info in manifest["arrays"].items():
        data = files[info["file"]].read_bytes()
        assert info["size"] == len(data)
        assert info["sha256"] == hashlib.sha256(data).hexdigest()


def test_cached_arrays_are_writable_but_changes_stay_out_of_the_cache(tmp_path):
    arrays = make_folder(tmp_path / "d")
    load_mnist(tmp_path / "d", cache_dir=tmp_path / "cache")
    (x_train, _), _ = load_mnist(tmp_path / "d", cache_dir=tmp_path / "cache")
    x_train[0] = 0
    (again, _), _ = load_mnist(tmp_path / "d", cache_dir=tmp_path / "cache")
    np.testing.assert_array_equal(again, arrays["x_train"])


def flip_bit(path, at):
    data = bytearray(path.read_bytes())
    data[int(at * (len(data) - 1))] ^= 0x10
    path.write_bytes(bytes(data))


def edit_manifest(path, field, value):
    manifest = json.loads(path.read_text())
    manifest["arrays"]["x_train"][field] = value
    path.write_text(json.dumps(manifest))


CORRUPTIONS = {
    "bit flip in images (middle)": lambda f: flip_bit(f["x_train.npy"], 0.5),
    "bit flip in images (last byte)": lambda f: flip_bit(f["x_train.npy"], 1.0),
    "bit flip in the .npy header": lambda f: flip_bit(f["x_train.npy"], 0.0001),
    "bit flip in labels": lambda f: flip_bit(f["y_train.npy"], 0.7),
    "truncated images": lambda f: f["x_train.npy"].write_bytes(f["x_train.npy"].read_bytes()[:-784]),
    "empty test images": lambda f: f["x_test.npy"].write_bytes(b""),
    "bytes appended": lambda f: f["y_test.npy"].write_bytes(f["y_test.npy"].read_bytes() + b"\0"),
    "file deleted": lambda f: f["y_test.npy"].unlink(),
    "manifest garbage": lambda f: f["manifest.json"].write_text("{]"),
    "manifest wrong shape": lambda f: edit_manifest(f["manifest.json"], "shape", [1499, 28, 28]),
    "manifest wrong checksum": lambda f: edit_manifest(f["manifest.json"], "sum64", 12345),
}


@pytest.mark.parametrize("corrupt", CORRUPTIONS.values(), ids=CORRUPTIONS.keys())
def test_corrupt_cache_is_detected_and_rebuilt(tmp_path, counted_reads, corrupt):
    arrays = make_folder(tmp_path / "d")
    load_dataset(tmp_path / "d", cache_dir=tmp_path / "cache")
    corrupt(cache_files(tmp_path / "cache"))
    assert_same(load_dataset(tmp_path / "d", cache_dir=tmp_path / "cache"), arrays)
    assert len(counted_reads) == 8  # the source was read again
    assert_same(load_dataset(tmp_path / "d", cache_dir=tmp_path / "cache"), arrays)
    assert len(counted_reads) == 8  # and the rebuilt cache is used


def test_changed_source_files_are_not_served_from_the_cache(tmp_path, counted_reads):
    make_folder(tmp_path / "d", seed=1)
    load_dataset(tmp_path / "d", cache_dir=tmp_path / "cache")
    newer = make_folder(tmp_path / "d", seed=2)
    stat = (tmp_path / "d" / "train-images-idx3-ubyte.gz").stat()
    os.utime(tmp_path / "d" / "train-images-idx3-ubyte.gz", ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))
    assert_same(load_dataset(tmp_path / "d", cache_dir=tmp_path / "cache"), newer)
    assert len(counted_reads) == 8
    assert len(list((tmp_path / "cache").rglob("manifest.json"))) == 1  # replaced, not accumulated


def test_unwritable_cache_dir_loads_without_caching(tmp_path, counted_reads):
    arrays = make_folder(tmp_path / "d")
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("a file where the cache folder should be")
    for _ in range(2):
        assert_same(load_dataset(tmp_path / "d", cache_dir=blocker), arrays)
    assert len(counted_reads) == 8
    assert blocker.read_text() == "a file where the cache folder should be"


def test_cache_write_failure_midway_leaves_no_usable_entry(tmp_path, monkeypatch, counted_reads):
    arrays = make_folder(tmp_path / "d")
    real_save = np.save

    def failing_save(f, a, **kw):
        if a.shape[0] == 40 and a.ndim == 1:  # the last array: y_test
            raise OSError("disk full")
        real_save(f, a, **kw)

    monkeypatch.setattr(mnist_module.np, "save", failing_save)
    assert_same(load_dataset(tmp_path / "d", cache_dir=tmp_path / "cache"), arrays)
    assert "manifest.json" not in cache_files(tmp_path / "cache")
    assert not [p for p in cache_files(tmp_path / "cache") if p.endswith(".tmp")]
    monkeypatch.setattr(mnist_module.np, "save", real_save)
    assert_same(load_dataset(tmp_path / "d", cache_dir=tmp_path / "cache"), arrays)
    assert len(counted_reads) == 8
