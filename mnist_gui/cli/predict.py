"""``mnist-gui predict``: classify picture files of any size and polarity.

The picture -> network input rule is the Draw tab's (``mnist_gui.core.pictures``, then ``to_mnist``). A
file that cannot be read gets its own line (``"error"`` in JSON) and the other files are still answered;
the exit status is then 2.
"""

from __future__ import annotations

import sys

import numpy as np

from mnist_gui.cli.common import finite_or_none, load_model, print_json
from mnist_gui.cli.parser import CliError


def _answer(model, names, path) -> dict:
    from mnist_gui.core.inference import classify_picture
    from mnist_gui.data.images import load_image

    try:
        image = load_image(path)
    except (ValueError, OSError, MemoryError) as exc:
        return {"image": str(path), "error": f"cannot read image: {exc.strerror if isinstance(exc, OSError) and exc.strerror else exc}"}
    x, probs = classify_picture(model, image)
    digit = int(np.argmax(probs))
    result = {"image": str(path), "digit": digit, "class_name": names[digit],
              "probability": finite_or_none(probs[digit]), "blank": bool(x.max() == 0),
              "probabilities": [finite_or_none(p) for p in probs]}
    if not np.isfinite(probs).all():
        result["error"] = "the model answers with NaN or infinity"
    return result


def run(args) -> int:
    model = load_model(args.model)
    expected = tuple(model.layers[0].input_shape)
    if expected != (28, 28):
        raise CliError(f"model {args.model} takes {' x '.join(map(str, expected))} inputs; pictures are "
                       f"turned into 28 x 28 digits, so only a model of 28 x 28 images can read them")
    names = list(getattr(model, "class_names", None) or [])
    names += [str(i) for i in range(len(names), model.num_classes)]
    results = [_answer(model, names, path) for path in args.images]
    if args.json:
        print_json({"model": str(args.model), "predictions": results})
    else:
        for r in results:
            if "error" in r:
                print(f"{r['image']}: error: {r['error']}", file=sys.stderr)
                continue
            note = "  (blank image)" if r["blank"] else ""
            print(f"{r['image']}: {r['digit']} ({r['probability']:.1%}){note}")
    return 2 if any("error" in r for r in results) else 0
