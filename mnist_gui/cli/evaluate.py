"""``mnist-gui evaluate``: a saved model's loss, accuracy, per-class accuracy and confusion matrix on the test set.

The loss and accuracy are the model's own ``evaluate``; the confusion matrix is the Dataset tab's
(``mnist_gui.core.dataset_filters``), so the window and the command line count the same way.
"""

from __future__ import annotations

import numpy as np

from mnist_gui.cli.common import load_dataset, load_model, print_json
from mnist_gui.cli.parser import CliError


def run(args) -> int:
    from mnist_gui.core.inference import input_from_uint8

    model = load_model(args.model)
    dataset = load_dataset(args.data)
    x, y = dataset.x_test, dataset.y_test
    try:
        probs = model.predict(input_from_uint8(model, x))
    except ValueError as exc:
        raise CliError(f"model {args.model} does not fit this data: {exc}") from None
    k = probs.shape[1]
    pred = probs.argmax(axis=1)
    loss = float(-np.mean(np.log(np.clip(probs[np.arange(len(y)), y], 1e-7, 1.0))))
    accuracy = float(np.mean(pred == y))
    confusion = np.zeros((k, k), dtype=np.int64)
    np.add.at(confusion, (y, pred), 1)
    per_class = confusion.diagonal() / np.maximum(confusion.sum(axis=1), 1)
    names = list(getattr(model, "class_names", None) or dataset.class_names)
    if args.json:
        print_json({"model": str(args.model), "loss": loss, "accuracy": accuracy,
                     "per_class_accuracy": dict(zip(names, map(float, per_class))),
                     "confusion_matrix": confusion.tolist(), "class_names": names})
        return 0
    print(f"test loss {loss:.4f} - test accuracy {accuracy:.4f} on {len(y)} images")
    print("per-class accuracy:")
    for i, name in enumerate(names):
        print(f"  {i} {name:<8} {per_class[i]:.4f}")
    print("confusion matrix (rows: true label, columns: predicted):")
    print("      " + "".join(f"{j:>6}" for j in range(k)))
    for i in range(k):
        print(f"{i:>6}" + "".join(f"{confusion[i, j]:>6}" for j in range(k)))
    return 0


