"""``mnist-gui predict``: classify picture files of any size and polarity.

The picture -> network input rule is the Draw tab's (``mnist_gui.core.pictures``).
"""

from __future__ import annotations

import numpy as np

from mnist_gui.cli.common import load_model, print_json
from mnist_gui.cli.parser import CliError


def run(args) -> int:
    from mnist_gui.data.images import load_image
    from mnist_gui.core.inference import classify_picture

    model = load_model(args.model)
    names = list(getattr(model, "class_names", None) or [str(i) for i in range(10)])
    results = []
    for path in args.images:
        try:
            image = load_image(path)
        except (ValueError, OSError) as exc:
            raise CliError(f"cannot read image {path}: {exc}") from None
        x, probs = classify_picture(model, image)
        digit = int(np.argmax(probs))
        results.append({"image": str(path), "digit": digit, "class_name": names[digit],
                        "probability": float(probs[digit]), "blank": bool(x.max() == 0),
                        "probabilities": [float(p) for p in probs]})
    if args.json:
        print_json({"model": str(args.model), "predictions": results})
        return 0
    for r in results:
        note = "  (blank image)" if r["blank"] else ""
        print(f"{r['image']}: {r['digit']} ({r['probability']:.1%}){note}")
    return 0


