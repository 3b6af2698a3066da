"""``mnist-gui evaluate``: a saved model's loss, accuracy, per-class accuracy and confusion matrix on the test set.

The loss and accuracy are the model's own ``evaluate``; the confusion matrix and per-class accuracy are the
Dataset tab's (``mnist_gui.core.dataset_filters``), so the window and the command line count the same way.
"""

from __future__ import annotations

import numpy as np

from mnist_gui.cli.common import load_dataset, load_model, print_json
from mnist_gui.cli.parser import CliError
from mnist_gui.core.words import count


def check_fits_data(model, model_path, images: np.ndarray, labels: np.ndarray) -> None:
    """Refuse, in plain words, data the model cannot be scored on (image size, number of classes)."""
    expected = tuple(model.layers[0].input_shape)
    if tuple(images.shape[1:]) != expected:
        raise CliError(f"model {model_path} takes {' x '.join(map(str, expected))} images, but this data's "
                       f"images are {' x '.join(map(str, images.shape[1:]))}")
    top = int(labels.max()) if len(labels) else -1
    if top >= model.num_classes:
        raise CliError(f"model {model_path} knows {model.num_classes} classes (0-{model.num_classes - 1}), "
                       f"but this data has labels up to {top}")


def run(args) -> int:
    from mnist_gui.core.dataset_filters import confusion_matrix, per_class_accuracy
    from mnist_gui.core.inference import input_from_uint8

    model = load_model(args.model)
    dataset = load_dataset(args.data)
    x, y = dataset.x_test, dataset.y_test
    check_fits_data(model, args.model, x, y)
    if model.loss is None:
        model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    features = input_from_uint8(model, x)
    loss, accuracy = (float(v) for v in model.evaluate(features, y, batch_size=256, verbose=0))
    k = model.num_classes
    confusion = confusion_matrix(y, model.predict(features, batch_size=256, verbose=0).argmax(axis=1), k)
    per_class = per_class_accuracy(confusion)
    names = list(getattr(model, "class_names", None) or dataset.class_names)[:k]
    names += [str(i) for i in range(len(names), k)]
    if args.json:
        print_json({"model": str(args.model), "loss": loss, "accuracy": accuracy,
                    "per_class_accuracy": dict(zip(names, map(float, per_class))),
                    "confusion_matrix": confusion.tolist(), "class_names": names})
        return 0
    print(f"test loss {loss:.4f} - test accuracy {accuracy:.4f} on {count(len(y), 'image')}")
    print("per-class accuracy:")
    for i, name in enumerate(names):
        print(f"  {i} {name:<8} {per_class[i]:.4f}")
    print("confusion matrix (rows: true label, columns: predicted):")
    print("      " + "".join(f"{j:>6}" for j in range(k)))
    for i in range(k):
        print(f"{i:>6}" + "".join(f"{confusion[i, j]:>6}" for j in range(k)))
    return 0
