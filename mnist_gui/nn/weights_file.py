"""A weights-only file (``model.save_weights`` / ``load_weights``, ModelCheckpoint's
``save_weights_only``): the arrays of ``get_weights()`` as ``w0``, ``w1``, ... in one .npz, never a pickle.

The file carries no architecture: loading checks that it holds exactly as many arrays, with the shapes,
as the model it is loaded into. What is not here: whole model files (saving.py, serialization.py).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from mnist_gui.core.files import atomic_write
from mnist_gui.nn.archive import ModelFileError


def save_weights(model, path) -> Path:
    """The weights alone, ``w0``, ``w1``, ... in ``get_weights()`` order, in one .npz written atomically."""
    path = Path(path)
    with atomic_write(path) as f:
        np.savez(f, **{f"w{i}": w for i, w in enumerate(model.get_weights())})
    return path


def load_weights_into(model, path) -> None:
    """Fill ``model`` from a ``save_weights`` file: plain arrays only (no pickle), as many and as shaped
    as the model's; ModelFileError otherwise."""
    path = Path(path)
    if not path.is_file():
        raise ModelFileError(f"{path}: no such weights file")
    expected = [w.shape for w in model.get_weights()]
    try:
        with np.load(path, allow_pickle=False) as data:
            names = sorted(data.files, key=lambda n: int(n[1:]) if n[1:].isdigit() else -1)
            if names != [f"w{i}" for i in range(len(expected))]:
                raise ModelFileError(f"{path}: not a weights file for this model ({len(names)} arrays, "
                                     f"{len(expected)} expected)")
            shapes = [tuple(data[n].shape) for n in names]
            if shapes != [tuple(s) for s in expected]:
                raise ModelFileError(f"{path}: the weights' shapes {shapes} do not match the model's {expected}")
            weights = [data[n] for n in names]
    except ModelFileError:
        raise
    except (OSError, ValueError) as exc:
        raise ModelFileError(f"{path}: not a readable weights file ({exc})") from None
    if not all(np.isfinite(w).all() for w in weights):
        raise ModelFileError(f"{path}: the weights contain NaN or infinite values")
    model.set_weights(weights)
