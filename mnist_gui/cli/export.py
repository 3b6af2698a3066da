"""``mnist-gui export MODEL --onnx OUT``: a saved model as an ONNX file, for onnxruntime and other tools.

The conversion is ``mnist_gui.nn.onnx_export`` (opset 17; the file computes what ``predict`` gives, from
float32 pixels 0-255 for the app's models). The output is written to a temporary name and renamed, so a
failure leaves any earlier file at OUT as it was. Without the optional extra the command says what to
install (``pip install mnist-gui[onnx]``), exit status 2 like every other refusal.
"""

from __future__ import annotations

import os

from mnist_gui.cli.common import load_model, print_json
from mnist_gui.cli.parser import CliError


def check_out(out) -> None:
    """Refuse, before any work, an OUT that cannot become a file."""
    if out.is_dir():
        raise CliError(f"--onnx {out} is a folder; give a file name such as {out / 'model.onnx'}")
    folder = out.parent
    if not folder.is_dir():
        raise CliError(f"--onnx {out}: the folder {folder} does not exist")
    if not os.access(folder, os.W_OK):
        raise CliError(f"--onnx {out}: the folder {folder} cannot be written to")


def run(args) -> int:
    from mnist_gui.core.training_text import file_error
    from mnist_gui.nn.onnx_export import OPSET, export_onnx

    check_out(args.onnx)
    model = load_model(args.model)
    try:
        path = export_onnx(model, args.onnx)
    except ImportError as exc:
        raise CliError(str(exc)) from None
    except OSError as exc:
        raise CliError(file_error("the model could not be exported", args.onnx, exc)) from None
    except ValueError as exc:
        raise CliError(f"cannot export {args.model}: {exc}") from None
    size = path.stat().st_size
    if args.json:
        print_json({"model": str(args.model), "onnx": str(path), "opset": OPSET, "bytes": size,
                    "summary": model.summary_line()})
    else:
        print(f"exported {args.model} to {path} (ONNX opset {OPSET}, {size:,} bytes): {model.summary_line()}")
    return 0
