"""Loading models: ``load_model(path)`` reads a file written by ``Sequential.save`` (saving.py).

The file is a zip archive of plain arrays, never a pickle. Loading validates before it allocates: the
archive's directory and each member's declared size (archive.py), then the whole JSON description with
shape arithmetic and a memory budget (model_spec.py), then every array's ``.npy`` header against what the
description implies; only then is the model built and its arrays streamed in, each checked finite.
With the optimizer state, the seed and the epoch count saved, training resumed after ``load_model``
continues exactly as if it had not stopped.

Any problem with the file raises :class:`ModelFileError` (a ``ValueError``) naming the file and what is
wrong; that includes errors nobody foresaw, wrapped at this boundary (KeyboardInterrupt passes through).
What is not here: writing (saving.py), the archive checks (archive.py), the description (model_spec.py).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from mnist_gui.nn.archive import MAX_NPY_HEADER, ModelArchive, ModelFileError
from mnist_gui.nn.divergence import all_finite
from mnist_gui.nn.model import Sequential
from mnist_gui.nn.model_spec import MAX_CONFIG_BYTES, MAX_LOAD_BYTES, ModelSpec, parse_config
from mnist_gui.nn.saving import FORMAT, VERSION, save_model

__all__ = ["FORMAT", "VERSION", "ModelFileError", "load_model", "save_model"]

def load_model(path, max_bytes: int = MAX_LOAD_BYTES) -> Sequential:
    """Read a model written by ``save``; raises ModelFileError (a ValueError) for any bad file.

    ``max_bytes``: the most memory the loaded model may hold (parameters, gradients and optimizer
    state); a file describing a bigger model is refused before anything is allocated.
    """
    path = Path(path)
    if not path.is_file():
        raise ModelFileError(f"{path}: no such model file")
    try:
        return _load(path, max_bytes)
    except ModelFileError as exc:
        raise ModelFileError(f"{path}: {exc}") from None
    except OSError as exc:
        raise ModelFileError(f"{path}: the file cannot be read ({exc.strerror or exc})") from None
    except MemoryError:
        raise ModelFileError(f"{path}: there is not enough memory to load this model") from None
    except Exception as exc:  # the promise is "any bad file gives ModelFileError"; the cause stays attached
        raise ModelFileError(f"{path}: not a readable model file ({exc or 'it could not be read'})") from exc


def _load(path: Path, max_bytes: int) -> Sequential:
    with ModelArchive(path, max_member_bytes=max_bytes + MAX_NPY_HEADER) as archive:
        spec = ModelSpec.from_config(parse_config(_config_bytes(archive)), max_bytes)
        expected = {"config", *spec.array_names}
        for key in spec.array_names:
            if key not in archive.members:
                what = "the 'params' array" if key == "params" else f"the optimizer array {key!r}"
                raise ModelFileError(f"missing {what}")
        extra = sorted(set(archive.members) - expected)
        if extra:
            raise ModelFileError(f"unexpected entries {extra}")
        headers = {key: _array_header(archive, key, spec) for key in spec.array_names}

        model = _build(spec)
        archive.read_into("params", model._params, headers["params"])
        if not all_finite(model._params):
            raise ModelFileError("the weights contain NaN or infinite values")
        for key in spec.state_names:
            archive.read_into(f"optimizer/{key}", model.optimizer.state[key], headers[f"optimizer/{key}"])
            if not all_finite(model.optimizer.state[key]):
                raise ModelFileError(f"optimizer array {key!r} contains NaN or infinity")
        if model.optimizer is not None:
            model.optimizer.iterations = spec.iterations  # 0 when the file holds no optimizer state
    model.epochs_trained, model.class_names, model.metadata = spec.epochs_trained, spec.class_names, spec.metadata
    return model


def _config_bytes(archive: ModelArchive) -> bytes:
    if "config" not in archive.members:
        raise ModelFileError("not a mnist-gui model file (no 'config' entry)")
    dtype, shape, header = archive.array_header("config")
    if dtype != np.uint8 or len(shape) != 1:
        raise ModelFileError("the 'config' entry is not UTF-8 JSON bytes")
    if shape[0] > MAX_CONFIG_BYTES:
        raise ModelFileError(f"the model description is {shape[0]:,} bytes, more than the {MAX_CONFIG_BYTES:,} "
                             "a model file may have")
    archive.check_exact_size("config", header, shape[0])
    raw = np.empty(shape[0], np.uint8)
    archive.read_into("config", raw, header)
    return raw.tobytes()


def _array_header(archive: ModelArchive, key: str, spec: ModelSpec) -> int:
    """Check member ``key``'s header against the description; returns its header's length."""
    dtype, shape, header = archive.array_header(key)
    n = spec.param_count
    if key == "params":
        if dtype != spec.dtype or len(shape) != 1:
            raise ModelFileError(f"'params' should be a 1-D {spec.dtype} array, got {len(shape)}-D {dtype}")
        if shape[0] != n:
            raise ModelFileError(f"'params' holds {shape[0]} numbers but the architecture needs {n}")
    elif dtype != spec.dtype or shape != (n,):
        raise ModelFileError(f"optimizer array {key.split('/', 1)[1]!r} has shape {shape} and dtype {dtype}, "
                             f"expected ({n},) {spec.dtype}")
    archive.check_exact_size(key, header, n * spec.dtype.itemsize)
    return header


def _build(spec: ModelSpec) -> Sequential:
    """The model the description specifies, its weights zero (the caller streams them in)."""
    try:
        model = Sequential(spec.layers, name=spec.name, seed=spec.seed, dtype=spec.dtype)
        model.build(spec.input_shape, initialize=False)
    except (TypeError, ValueError) as exc:
        raise ModelFileError(f"the layers do not fit together: {exc}") from None
    if spec.loss is not None:
        try:
            model.compile(optimizer=spec.optimizer, loss=spec.loss, metrics=spec.metrics)
        except (TypeError, ValueError) as exc:
            raise ModelFileError(f"bad loss or optimizer settings: {exc}") from None
    return model
