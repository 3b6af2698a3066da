"""``mnist-gui predict``: read picture files (one digit or a whole number each) of any size and polarity.

The pipeline is the Draw tab's: Qt decodes (``mnist_gui.ui.decode``: JPEG with its EXIF orientation, PNG,
GIF, TIFF, WebP, ...; the NumPy decoders of ``mnist_gui.data.images`` only when PySide6 cannot be
imported), then ``mnist_gui.core.reading.read_picture`` takes the paper away, cuts the ink into digits and
reads them left to right. For each picture the JSON gives ``digit`` and ``probability`` (the best
single-digit reading), ``text`` (the digits left to right, "" when blank) and ``digits`` (each with its
``box`` [x, y, width, height] in the picture's pixels and its ``probabilities``). A blank picture has no
digit. A file that cannot be read gets its own line (``"error"`` in JSON), the other files are still
answered, and the exit status is then 2.
"""

from __future__ import annotations

import sys

import numpy as np

from mnist_gui.cli.common import finite_or_none, load_model, print_json
from mnist_gui.cli.parser import CliError


def picture_decoder():
    """``decode(path) -> (pixels, (width, height))``: Qt's, or the NumPy fallback where Qt cannot load."""
    try:
        from mnist_gui.ui.decode import decode_file
    except ImportError:
        from mnist_gui.data.images import load_image

        def decode_file(path):
            gray = load_image(path)
            return gray, (gray.shape[1], gray.shape[0])
    return decode_file


def _digit(d, names) -> dict:
    k = d.label()
    return {"box": list(d.box), "digit": k, "class_name": names[k], "probability": finite_or_none(d.probabilities[k]),
            "probabilities": [finite_or_none(p) for p in d.probabilities]}


def _answer(model, names, decode, path) -> dict:
    from mnist_gui.core.reading import read_picture

    try:
        pixels, size = decode(path)
    except (ValueError, OSError, MemoryError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
        return {"image": str(path), "error": f"cannot read image: {reason}"}
    reading = read_picture(model, pixels, size)
    if reading.problem:
        return {"image": str(path), "error": f"cannot read it as a number: {reading.problem}"}
    result = {"image": str(path), "digit": None, "class_name": None, "probability": None,
              "blank": reading.blank, "probabilities": None, "text": reading.text(names), "digits": []}
    if not reading.blank:
        single = _digit(reading.single, names)
        result.update(digit=single["digit"], class_name=single["class_name"], probability=single["probability"],
                      probabilities=single["probabilities"])
        result["digits"] = [_digit(d, names) for d in reading.digits]
        if not all(np.isfinite(d.probabilities).all() for d in reading.digits + [reading.single]):
            result["error"] = "the model answers with NaN or infinity"
    return result


def _line(r) -> str:
    if r["blank"]:
        return f"{r['image']}: (blank image)"
    if len(r["digits"]) == 1:
        return f"{r['image']}: {r['digit']} ({r['probability']:.1%})"
    each = ", ".join(f"{d['digit']} {d['probability']:.0%}" for d in r["digits"])
    return f"{r['image']}: {r['text']} ({len(r['digits'])} digits: {each})"


def run(args) -> int:
    model = load_model(args.model)
    expected = tuple(model.layers[0].input_shape)
    if expected != (28, 28):
        raise CliError(f"model {args.model} takes {' x '.join(map(str, expected))} inputs; pictures are "
                       f"turned into 28 x 28 digits, so only a model of 28 x 28 images can read them")
    names = list(getattr(model, "class_names", None) or [])
    names += [str(i) for i in range(len(names), model.num_classes)]
    decode = picture_decoder()
    results = [_answer(model, names, decode, path) for path in args.images]
    if args.json:
        print_json({"model": str(args.model), "predictions": results})
    else:
        for r in results:
            if "error" in r:
                print(f"{r['image']}: error: {r['error']}", file=sys.stderr)
                continue
            print(_line(r))
    return 2 if any("error" in r for r in results) else 0
