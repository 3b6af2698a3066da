"""Writing a model file: one .npz archive of plain arrays, never a pickle.

The archive holds ``params`` (the flat parameter vector), ``optimizer/<name>`` (the optimizer's state,
when saved) and ``config``, UTF-8 JSON stored as a uint8 array::

    {"format": "mnist-gui-model", "version": 1, "dtype": "float32", "name": ..., "seed": ...,
     "epochs_trained": ..., "input_shape": [28, 28], "layers": [{"class": "Dense", "config": {...}}, ...],
     "param_count": ..., "loss": {...}, "metrics": ["accuracy"] (absent from older files, which mean that),
     "optimizer": {"config": {...}, "iterations": ..., "state": [...]},
     "class_names": [...], "metadata": {...}}

The members are stored uncompressed, and the file is written to a temporary name and renamed into
place (mnist_gui.core.files). This module knows a model only through its attributes, so model.py can
import it for ``Sequential.save`` without a cycle. What is not here: reading (serialization.py).
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from mnist_gui.core.files import atomic_write

FORMAT = "mnist-gui-model"
VERSION = 1


def model_config(model, include_optimizer: bool = True) -> dict:
    """The JSON description of a built model, as stored in its file's ``config`` entry."""
    opt = model.optimizer if include_optimizer else None
    return {
        "format": FORMAT, "version": VERSION, "dtype": model.dtype.name, "name": model.name,
        "seed": model.seed, "epochs_trained": model.epochs_trained,
        "input_shape": list(model.layers[0].input_shape),
        "layers": [{"class": type(layer).__name__, "config": layer.full_config()} for layer in model.layers],
        "param_count": int(model._params.size),
        "loss": model.loss.get_config() if model.loss is not None else None,
        "metrics": list(getattr(model, "metric_names", ["accuracy"])),
        "optimizer": None if opt is None else {"config": opt.get_config(), "iterations": opt.iterations,
                                               "state": sorted(opt.state)},
        "class_names": list(model.class_names), "metadata": model.metadata,
    }


def save_model(model, path, include_optimizer: bool = True) -> Path:
    """Write ``model`` to ``path``, which is kept as it is when it ends in ".keras" or ".npz" (the same
    zip of arrays either way; ".npz" is appended to any other name); returns the path written."""
    if not model.built:
        model.build()
    path = Path(path)
    if path.suffix not in (".npz", ".keras"):
        path = path.with_name(path.name + ".npz")
    config = model_config(model, include_optimizer)
    try:
        text = json.dumps(config, allow_nan=False)
    except (TypeError, ValueError) as exc:
        raise ValueError(f"cannot save: the model's metadata must be plain JSON values ({exc})") from None
    arrays = {"config": np.frombuffer(text.encode("utf-8"), np.uint8), "params": model._params}
    if include_optimizer and model.optimizer is not None:
        arrays.update({f"optimizer/{key}": value for key, value in model.optimizer.state.items()})
    with atomic_write(path) as f:
        np.savez(f, **arrays)
    return path
