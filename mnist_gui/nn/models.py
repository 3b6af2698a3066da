"""``keras.models``: Sequential, load_model and save_model."""

from mnist_gui.nn.model import Sequential
from mnist_gui.nn.serialization import load_model


def save_model(model, filepath, include_optimizer=True):
    """``keras.models.save_model(model, 'x.keras')``: the same as ``model.save``."""
    return model.save(filepath, include_optimizer=include_optimizer)


Model = Sequential

__all__ = ["Model", "Sequential", "load_model", "save_model"]
