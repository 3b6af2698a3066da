"""Hostile model files, made on the fly for the load_model tests (and for measuring, from the command line).

Each maker writes one file into a folder and returns its path. They build on a small real model and
change one thing, the way an attacker (or a damaged disk) would: a zip bomb, forged sizes, a description
edited to need gigabytes, 10,000 layers, JSON nested 100,000 deep, a huge description, a 5,000-digit
number, a layer whose outputs take 200 MB per image. ``python tests/nn/hostile_models.py FOLDER``
writes them all and prints, for each, the time and peak memory of loading it in a fresh process.
"""

from __future__ import annotations

import json
import struct
import subprocess
import sys
import zipfile
from pathlib import Path

import numpy as np

ZERO_CHUNK = bytes(1 << 24)

LOAD_AND_MEASURE = r"""
import json, resource, sys, time
from mnist_gui.nn import load_model

def peak_mb():
    # VmHWM belongs to this process alone; ru_maxrss can carry the forking parent's figure
    try:
        with open("/proc/self/status") as f:
            return next(int(line.split()[1]) for line in f if line.startswith("VmHWM:")) / 1024
    except (OSError, StopIteration):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

results = []
for path in sys.argv[1:]:
    start = time.perf_counter()
    try:
        model = load_model(path)
        outcome, message = "loaded", f"{model!r} from {sys.modules['mnist_gui'].__file__}"
    except BaseException as exc:  # the test wants to see exactly what escapes
        outcome, message = type(exc).__name__, str(exc)[:300]
    results.append({"file": path, "outcome": outcome, "message": message,
                    "seconds": time.perf_counter() - start,
                    "peak_rss_mb": peak_mb()})
print(json.dumps(results))
"""


def small_model(seed=0, optimizer="adam"):
    from mnist_gui.nn import Dense, Flatten, Rescaling, Sequential

    model = Sequential([Rescaling(1 / 255, input_shape=(28, 28)), Flatten(), Dense(32, activation="relu"),
                        Dense(10, activation="softmax")], seed=seed)
    model.compile(optimizer=optimizer, loss="sparse_categorical_crossentropy")
    return model


def good_file(folder: Path, name="good.npz", optimizer="adam") -> Path:
    return small_model(optimizer=optimizer).save(Path(folder) / name)


def members(path: Path) -> dict:
    with np.load(path) as npz:
        return {key: npz[key] for key in npz.files}


def config_of(arrays: dict) -> dict:
    return json.loads(arrays["config"].tobytes())


def config_array(text: str) -> np.ndarray:
    return np.frombuffer(text.encode("utf-8"), np.uint8)


def write_members(path: Path, arrays: dict) -> Path:
    with open(path, "wb") as f:
        np.savez(f, **arrays)
    return path


def edited(folder: Path, name: str, edit) -> Path:
    """The good model with its description changed by ``edit(config)``."""
    arrays = members(good_file(folder))
    config = config_of(arrays)
    edit(config)
    arrays["config"] = config_array(json.dumps(config))
    return write_members(Path(folder) / name, arrays)


def zip_bomb(folder: Path, nbytes: int = 2 << 30, consistent: bool = True, name="bomb.npz",
             level: int = 6) -> Path:
    """A real .npz whose params member is ``nbytes`` of zeros, deflated (about 1000:1 at ``level`` 6,
    230:1 at the faster level 1), streamed to disk a chunk at a time. ``consistent``: the description is
    edited to need exactly that many parameters (one Dense layer), so only the archive checks can
    tell; otherwise it is the small model's."""
    arrays = members(good_file(folder, optimizer="sgd"))
    config = config_of(arrays)
    n = nbytes // 4
    if consistent:
        units = n // 785
        n = units * 785
        dense = {"name": None, "units": units, "activation": {"name": "softmax"}, "kernel_initializer": "auto",
                 "input_shape": None}
        config["layers"] = [config["layers"][0], config["layers"][1], {"class": "Dense", "config": dense}]
        config["param_count"] = n
        config["class_names"] = [str(i) for i in range(units)]
    path = Path(folder) / name
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as zf:
        with zf.open("config.npy", "w") as f:
            np.lib.format.write_array(f, config_array(json.dumps(config)))
        with zf.open("params.npy", "w", force_zip64=True) as f:
            np.lib.format.write_array_header_1_0(f, {"descr": "<f4", "fortran_order": False, "shape": (n,)})
            left = 4 * n
            while left:
                chunk = ZERO_CHUNK[:min(left, len(ZERO_CHUNK))]
                f.write(chunk)
                left -= len(chunk)
    return path


def forged_size(folder: Path, claimed: int = 0xFFFFFFF0, name="forged.npz") -> Path:
    """The good model with the zip directory claiming ``claimed`` bytes for its params member."""
    arrays = members(good_file(folder))
    path = Path(folder) / name
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for key, value in arrays.items():
            with zf.open(key + ".npy", "w") as f:
                np.lib.format.write_array(f, value)
    data = bytearray(path.read_bytes())
    at = data.find(b"PK\x01\x02")
    while at >= 0:
        name_len = struct.unpack("<H", data[at + 28:at + 30])[0]
        if data[at + 46:at + 46 + name_len] == b"params.npy":
            data[at + 24:at + 28] = struct.pack("<L", claimed)
        at = data.find(b"PK\x01\x02", at + 4)
    path.write_bytes(bytes(data))
    return path


def dense_units(folder: Path, units: int = 300_000) -> Path:
    """One JSON number changed: the hidden Dense layer's units (the file is otherwise intact)."""
    return edited(folder, f"dense{units}.npz", lambda c: c["layers"][2]["config"].update(units=units))


def many_layers(folder: Path, count: int = 10_000) -> Path:
    """``count`` layers, almost all unnamed ReLU layers (no parameters, so the file stays consistent)."""
    def edit(config):
        relu = {"class": "ReLU", "config": {"name": None, "input_shape": None}}
        config["layers"] = config["layers"][:3] + [relu] * (count - 4) + config["layers"][3:]
        for layer in config["layers"][1:]:
            layer["config"]["name"] = None
    return edited(folder, f"layers{count}.npz", edit)


def many_dense(folder: Path, count: int = 10_000, units: int = 16) -> Path:
    """``count`` unnamed Dense layers of ``units`` units, the weights (zeros) and Adam state to match."""
    arrays = members(good_file(folder))
    config = config_of(arrays)
    dense = {"class": "Dense", "config": {"name": None, "units": units, "activation": {"name": "relu"},
                                          "kernel_initializer": "auto", "input_shape": None}}
    config["layers"] = config["layers"][:2] + [dense] * (count - 3) + config["layers"][3:]
    for layer in config["layers"]:
        layer["config"]["name"] = None
    n = 784 * units + units + (count - 4) * (units * units + units) + units * 10 + 10
    config["param_count"] = n
    arrays = {"config": config_array(json.dumps(config)), "params": np.zeros(n, np.float32),
              "optimizer/m": np.zeros(n, np.float32), "optimizer/v": np.zeros(n, np.float32)}
    return write_members(Path(folder) / f"dense-layers{count}.npz", arrays)


def deep_json(folder: Path, depth: int = 100_000) -> Path:
    arrays = members(good_file(folder))
    config = config_of(arrays)
    config["metadata"] = {"deep": "@@"}
    text = json.dumps(config).replace('"@@"', "[" * depth + "]" * depth)
    arrays["config"] = config_array(text)
    return write_members(Path(folder) / "deep.npz", arrays)


def huge_description(folder: Path, size: int = 4 << 20) -> Path:
    return edited(folder, "huge-config.npz", lambda c: c["metadata"].update(notes="x" * size))


def long_number(folder: Path, digits: int = 5000) -> Path:
    arrays = members(good_file(folder))
    text = json.dumps(config_of(arrays)).replace('"seed": 0', '"seed": ' + "9" * digits)
    arrays["config"] = config_array(text)
    return write_members(Path(folder) / "long-number.npz", arrays)


def wide_convolution(folder: Path, filters: int = 65536) -> Path:
    """A consistent CNN file of 3 MB whose Conv2D outputs 784 x ``filters`` values per image (205 MB for
    65,536): it loads, then the first predict on a batch asks for tens of gigabytes."""
    from mnist_gui.nn import Conv2D, Dense, Flatten, MaxPooling2D, Rescaling, Reshape, Sequential

    model = Sequential([Rescaling(1 / 255, input_shape=(28, 28)), Reshape((28, 28, 1)), Conv2D(filters, 1),
                        MaxPooling2D(28), Flatten(), Dense(10, activation="softmax")], seed=0)
    model.compile("sgd")
    return model.save(Path(folder) / "wide-conv.npz", include_optimizer=False)


def big_model(folder: Path) -> Path:
    """Not hostile: the largest model the memory tests train, 784-4096x3-10 with Adam (36.8 M parameters,
    a 442 MB file), to compare honest loading times."""
    from mnist_gui.nn import Dense, Flatten, Sequential

    model = Sequential([Flatten(input_shape=(28, 28))] + [Dense(4096, activation="relu") for _ in range(3)]
                       + [Dense(10, activation="softmax")], seed=0)
    model.compile("adam")
    return model.save(Path(folder) / "big.npz")


def truncated(folder: Path) -> Path:
    good = good_file(folder).read_bytes()
    path = Path(folder) / "truncated.npz"
    path.write_bytes(good[:len(good) // 2])
    return path


def random_bytes(folder: Path) -> Path:
    path = Path(folder) / "random.npz"
    path.write_bytes(np.random.default_rng(0).bytes(100_000))
    return path


ALL = {"the good model (baseline)": good_file,
       "zip bomb (2 GiB of zeros, small description)": lambda d: zip_bomb(d, consistent=False),
       "zip bomb (2 GiB, description to match)": lambda d: zip_bomb(d, name="bomb-consistent.npz"),
       "forged 4 GiB member size": forged_size, "Dense(300000) edit": dense_units,
       "10,000 layers": many_layers, "10,000 Dense(16) layers": many_dense, "JSON nested 100,000 deep": deep_json,
       "4 MiB description": huge_description, "5,000-digit seed": long_number,
       "Conv2D(65536) (205 MB per image)": wide_convolution, "truncated": truncated, "random bytes": random_bytes}


def load_in_subprocess(paths, pythonpath: str, timeout: float = 600) -> list:
    """Load each file in one fresh interpreter; [{file, outcome, message, seconds, peak_rss_mb}, ...]."""
    paths = [Path(p).resolve() for p in paths]
    # run from the files' folder: "-c" puts the working directory first on sys.path
    done = subprocess.run([sys.executable, "-c", LOAD_AND_MEASURE, *map(str, paths)], capture_output=True,
                          text=True, timeout=timeout, cwd=paths[0].parent,
                          env={"PYTHONPATH": pythonpath, "PATH": "/usr/bin:/bin"})
    if done.returncode != 0:
        raise RuntimeError(f"the loader process failed ({done.returncode}): {done.stderr[-2000:]}")
    return json.loads(done.stdout)


if __name__ == "__main__":  # python tests/nn/hostile_models.py FOLDER [PYTHONPATH of the code to measure]
    folder = Path(sys.argv[1])
    folder.mkdir(parents=True, exist_ok=True)
    code = sys.argv[2] if len(sys.argv) > 2 else str(Path(__file__).resolve().parents[2])
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    for label, make in ALL.items():
        path = make(folder)
        (result,) = load_in_subprocess([path], code, timeout=3600)
        print(f"{label:45s} {path.stat().st_size / 2**20:8.2f} MiB  {result['seconds']:8.2f} s  "
              f"{result['peak_rss_mb']:8.0f} MB peak  {result['outcome']}: {result['message'][:150]}", flush=True)
