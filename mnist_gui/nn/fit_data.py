"""The data side of ``fit``: checking (x, y), the validation split or data, sample weights and the
warning for raw pixels given to a model that does not rescale them.

What is not here: the loop itself (training.py) and the input batching (feed.py).
"""

from __future__ import annotations

import math
import warnings

import numpy as np

from mnist_gui.nn.core_layers import Rescaling
from mnist_gui.nn.prefetch import resolve_augmentation
from mnist_gui.nn.weighting import check_sample_weight, sample_weights


class UnscaledInputWarning(UserWarning):
    """Raw pixel values (0-255) given to a model without a Rescaling layer."""


def check_positive_int(name, value, minimum=1):
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < minimum:
        raise ValueError(f"{name} must be an integer of at least {minimum}, got {value!r}")
    return int(value)


def split_validation(x, y, validation_split, validation_data):
    if validation_data is not None:
        if not isinstance(validation_data, (tuple, list)) or len(validation_data) not in (2, 3):
            raise ValueError("validation_data must be a pair (x_val, y_val) or (x_val, y_val, sample_weight_val)")
        return x, y, validation_data[0], validation_data[1]
    validation_split = float(validation_split)
    if not 0.0 <= validation_split < 1.0:
        raise ValueError(f"validation_split must be in [0, 1), got {validation_split}")
    if validation_split == 0.0:
        return x, y, None, None
    # like Keras: the last fraction of the data, taken before any shuffling
    split_at = int(len(x) * (1.0 - validation_split))
    if split_at < 1 or split_at == len(x):
        raise ValueError(f"validation_split={validation_split} leaves no training or no validation samples")
    return x[:split_at], y[:split_at], x[split_at:], y[split_at:]


def warn_if_unscaled(model, feed):
    if any(isinstance(layer, Rescaling) for layer in model.layers):
        return
    low, high = feed.value_range()
    if feed.mode == "float" and not (math.isfinite(low) and math.isfinite(high)):
        raise ValueError("the inputs contain NaN or infinite values")
    # pixels: integers, or non-negative floats well above 1 (negative values mean someone standardised them)
    if feed.raw_dtype.kind in "ui" or (low >= 0.0 and high > 1.5):
        warnings.warn(
            f"the inputs look like raw pixel values (dtype {feed.raw_dtype}, largest value {high:g}) but the model "
            "has no Rescaling layer, so it will learn slowly or not at all; divide by 255 or add "
            "Rescaling(1/255) as the first layer", UnscaledInputWarning, stacklevel=5)


def prepare_data(model, x, y, validation_split, validation_data, augmentation, sample_weight=None,
                 class_weight=None):
    """(training feed, targets, weights or None, (validation feed, targets, weights or None) or None,
    augmentation or None), all checked; records the augmentation in the model's metadata. A validation
    split splits ``sample_weight`` too (Keras); class weights apply to the training data only."""
    augment = resolve_augmentation(augmentation)
    n_all = len(x) if hasattr(x, "__len__") else 0
    weights_all = None if sample_weight is None else check_sample_weight(sample_weight, n_all)
    x, y, x_val, y_val = split_validation(x, y, validation_split, validation_data)
    feed = model._feed(x)
    targets = model.loss.prepare_targets(y, model.num_classes)
    if len(targets) != feed.n:
        raise ValueError(f"x has {feed.n} samples but y has {len(targets)}")
    if feed.n == 0:
        raise ValueError("cannot train on an empty data set")
    weights = sample_weights(model.loss, targets, None if weights_all is None else weights_all[:feed.n],
                             class_weight, model.num_classes)
    warn_if_unscaled(model, feed)
    if augment is None:
        model.metadata.pop("augmentation", None)
    else:
        feed.images  # noqa: B018  (inputs that are not images raise ValueError here, not in the producer)
        model.metadata["augmentation"] = augment.to_dict()
        if augment.is_identity:
            augment = None  # zero strength leaves the images unchanged: no thread at all
    val = None
    if x_val is not None:
        val_feed, val_targets = model._feed(x_val), model.loss.prepare_targets(y_val, model.num_classes)
        if len(val_targets) != val_feed.n:
            raise ValueError(f"x_val has {val_feed.n} samples but y_val has {len(val_targets)}")
        val_weights = None
        if validation_data is not None and len(validation_data) == 3 and validation_data[2] is not None:
            val_weights = check_sample_weight(validation_data[2], val_feed.n)
        elif validation_data is None and weights_all is not None:
            val_weights = weights_all[feed.n:]
        val = (val_feed, val_targets, val_weights)
    return feed, targets, weights, val, augment
