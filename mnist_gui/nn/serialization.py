"""Saving and loading models: one .npz file, never a pickle.

The file holds plain arrays: ``params`` (the flat parameter vector), ``optimizer/<name>`` (the
optimizer's state, when saved) and ``config``, UTF-8 JSON stored as a uint8 array::

    {"format": "mnist-gui-model", "version": 1, "dtype": "float32", "name": ..., "seed": ...,
     "epochs_trained": ..., "input_shape": [28, 28], "layers": [{"class": "Dense", "config": {...}}, ...],
     "param_count": ..., "loss": {...}, "optimizer": {"config": {...}, "iterations": ..., "state": [...]},
     "class_names": [...], "metadata": {...}}

With the optimizer state, the seed and the epoch count saved, training resumed after ``load_model``
continues exactly as if it had not stopped. Loading reads with ``allow_pickle=False`` and checks
everything; any problem raises :class:`ModelFileError` (a ``ValueError``) saying what is wrong.
Saving writes a temporary file next to the target and renames it into place.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from mnist_gui.core.files import atomic_write

from mnist_gui.nn.conv import CONV_LAYER_CLASSES
from mnist_gui.nn.layers import LAYER_CLASSES as _DENSE_LAYER_CLASSES

LAYER_CLASSES = {**_DENSE_LAYER_CLASSES, **CONV_LAYER_CLASSES}

FORMAT = "mnist-gui-model"
VERSION = 1


class ModelFileError(ValueError):
    """A model file that cannot be loaded: missing, truncated, tampered with or not ours."""


def save_model(model, path, include_optimizer: bool = True) -> Path:
    """Write ``model`` to ``path`` (".npz" is appended when missing); returns the path written."""
    if not model.built:
        model.build()
    path = Path(path)
    if path.suffix != ".npz":
        path = path.with_name(path.name + ".npz")
    opt = model.optimizer if include_optimizer else None
    config = {
        "format": FORMAT, "version": VERSION, "dtype": model.dtype.name, "name": model.name,
        "seed": model.seed, "epochs_trained": model.epochs_trained,
        "input_shape": list(model.layers[0].input_shape),
        "layers": [{"class": type(layer).__name__, "config": layer.get_config()} for layer in model.layers],
        "param_count": int(model._params.size),
        "loss": model.loss.get_config() if model.loss is not None else None,
        "optimizer": None if opt is None else {"config": opt.get_config(), "iterations": opt.iterations,
                                               "state": sorted(opt.state)},
        "class_names": list(model.class_names), "metadata": model.metadata,
    }
    try:
        text = json.dumps(config, allow_nan=False)
    except (TypeError, ValueError) as exc:
        raise ValueError(f"cannot save: the model's metadata must be plain JSON values ({exc})") from None
    arrays = {"config": np.frombuffer(text.encode("utf-8"), np.uint8), "params": model._params}
    if opt is not None:
        arrays.update({f"optimizer/{key}": value for key, value in opt.state.items()})
    with atomic_write(path) as f:
        np.savez(f, **arrays)
    return path


def _read_arrays(path: Path) -> dict:
    if not path.is_file():
        raise ModelFileError(f"{path}: no such model file")
    try:
        loaded = np.load(path, allow_pickle=False)
        if not isinstance(loaded, np.lib.npyio.NpzFile):
            raise ModelFileError(f"{path}: not a mnist-gui model file (a single array, not an .npz archive)")
        with loaded as npz:
            arrays = {key: npz[key] for key in npz.files}
        for key, value in arrays.items():
            # NpzFile hands back the raw bytes of members that are not .npy arrays
            if not isinstance(value, np.ndarray):
                raise ModelFileError(f"{path}: entry {key!r} is not an array")
        return arrays
    except ModelFileError:
        raise
    except ValueError as exc:
        if "pickle" in str(exc).lower() or "object arrays" in str(exc).lower():
            raise ModelFileError(f"{path}: the file contains pickled Python objects, which are never loaded") from None
        raise ModelFileError(f"{path}: not a readable model file ({exc})") from None
    except Exception as exc:  # truncated or corrupt archives surface as many different errors
        raise ModelFileError(f"{path}: not a readable model file ({type(exc).__name__}: {exc})") from None


def _check(condition, path, message):
    if not condition:
        raise ModelFileError(f"{path}: {message}")


def _read_config(arrays, path) -> dict:
    raw = arrays.get("config")
    _check(raw is not None, path, "not a mnist-gui model file (no 'config' entry)")
    _check(raw.dtype == np.uint8 and raw.ndim == 1, path, "the 'config' entry is not UTF-8 JSON bytes")
    try:
        config = json.loads(raw.tobytes().decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ModelFileError(f"{path}: the model description is not valid JSON ({exc})") from None
    _check(isinstance(config, dict) and config.get("format") == FORMAT, path, "not a mnist-gui model file")
    version = config.get("version")
    _check(isinstance(version, int), path, "the file has no format version")
    _check(version <= VERSION, path, f"format version {version} is newer than this program reads ({VERSION}); "
                                     "update mnist-gui")
    _check(version == VERSION, path, f"unsupported format version {version}")
    return config


def load_model(path):
    """Read a model written by ``save``; raises ModelFileError (a ValueError) for any bad file."""
    from mnist_gui.nn.model import Sequential

    path = Path(path)
    arrays = _read_arrays(path)
    config = _read_config(arrays, path)
    dtype = config.get("dtype")
    _check(dtype in ("float32", "float64"), path, f"unsupported dtype {dtype!r}")
    layer_specs = config.get("layers")
    _check(isinstance(layer_specs, list) and layer_specs, path, "the model has no layers")
    layers = []
    for i, spec in enumerate(layer_specs):
        _check(isinstance(spec, dict) and isinstance(spec.get("config"), dict), path, f"layer {i + 1} is malformed")
        cls = LAYER_CLASSES.get(spec.get("class"))
        _check(cls is not None, path, f"layer {i + 1} has an unknown type {spec.get('class')!r}")
        try:
            layers.append(cls.from_config(spec["config"]))
        except (TypeError, ValueError) as exc:
            raise ModelFileError(f"{path}: layer {i + 1} ({spec['class']}) has a bad configuration: {exc}") from None
    _check(isinstance(config.get("seed"), int), path, "the model has no seed")
    try:
        model = Sequential(layers, name=str(config.get("name", "sequential")), seed=config.get("seed"),
                           dtype=dtype)
        model.build(config.get("input_shape"))
    except (TypeError, ValueError) as exc:
        raise ModelFileError(f"{path}: the layers do not fit together: {exc}") from None

    params = arrays.get("params")
    _check(params is not None, path, "missing the 'params' array")
    _check(params.dtype == model.dtype and params.ndim == 1, path,
           f"'params' should be a 1-D {dtype} array, got {params.ndim}-D {params.dtype}")
    _check(params.size == model._params.size == config.get("param_count"), path,
           f"'params' holds {params.size} numbers but the architecture needs {model._params.size}")
    _check(bool(np.isfinite(params).all()), path, "the weights contain NaN or infinite values")
    np.copyto(model._params, params)

    expected = {"config", "params"}
    if config.get("loss") is not None:
        opt_spec = config.get("optimizer")
        try:
            from mnist_gui.nn.losses import get_loss
            from mnist_gui.nn.optimizers import get_optimizer

            optimizer = get_optimizer(opt_spec["config"]) if opt_spec is not None else "adam"
            model.compile(optimizer=optimizer, loss=get_loss(config["loss"]))
        except (TypeError, ValueError, KeyError) as exc:
            raise ModelFileError(f"{path}: bad loss or optimizer settings: {exc}") from None
        if opt_spec is not None:
            iterations, names = opt_spec.get("iterations"), opt_spec.get("state")
            _check(isinstance(iterations, int) and iterations >= 0, path, "bad optimizer step count")
            _check(names == sorted(model.optimizer.state), path,
                   f"optimizer state {names} does not match {type(model.optimizer).__name__}")
            state = {}
            for key in names:
                arr = arrays.get(f"optimizer/{key}")
                _check(arr is not None, path, f"missing the optimizer array 'optimizer/{key}'")
                _check(arr.shape == model._params.shape and arr.dtype == model.dtype, path,
                       f"optimizer array '{key}' has shape {arr.shape} and dtype {arr.dtype}, expected "
                       f"{model._params.shape} {dtype}")
                _check(bool(np.isfinite(arr).all()), path, f"optimizer array '{key}' contains NaN or infinity")
                state[key] = arr
                expected.add(f"optimizer/{key}")
            model.optimizer.load_state(state, iterations)
    extra = sorted(set(arrays) - expected)
    _check(not extra, path, f"unexpected entries {extra}")

    epochs, names, metadata = config.get("epochs_trained"), config.get("class_names"), config.get("metadata")
    _check(isinstance(epochs, int) and epochs >= 0, path, "bad epoch count")
    _check(isinstance(names, list) and len(names) == model.num_classes and all(isinstance(n, str) for n in names),
           path, f"class_names should be {model.num_classes} strings")
    _check(isinstance(metadata, dict), path, "metadata should be a JSON object")
    model.epochs_trained, model.class_names, model.metadata = epochs, names, metadata
    return model
