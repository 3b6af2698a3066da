"""The command line's arguments: ``build_parser`` and ``CliError``, the one error the sub-commands raise.

Not here: what the sub-commands do (``train``, ``evaluate``, ``predict``) and the error boundary (``main`` in
this package's ``__init__``).
"""

from __future__ import annotations

import argparse
import textwrap
from pathlib import Path

from mnist_gui import __version__


class CliError(Exception):
    """A problem with the user's arguments or files: printed as one line, exit status 2."""


class _Formatter(argparse.HelpFormatter):
    """argparse's help, but never wrapped inside a word with a hyphen ("`mnist-" / "gui runs`")."""

    def _split_lines(self, text, width):
        return textwrap.wrap(self._whitespace_matcher.sub(" ", text).strip(), width, break_on_hyphens=False)


class _Parser(argparse.ArgumentParser):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(*args, **kwargs)

    def error(self, message: str):  # one line, exit 2, as argparse does, but without the usage dump
        raise CliError(f"{message} (see `{self.prog} --help`)")


MODEL_HELP = "a model file saved by mnist-gui (.npz), or a run id from `mnist-gui runs` (or the start of one)"


def _layers(text: str) -> tuple[int, ...]:
    try:
        sizes = tuple(int(part) for part in text.replace(" ", "").split(",") if part)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected sizes like 128 or 512,512, got {text!r}") from None
    return sizes


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="mnist-gui", description="Learn how a neural network learns, on MNIST. "
                     "With no command, opens the desktop app.")
    parser.add_argument("--version", action="version", version=f"mnist-gui {__version__}")
    parser.add_argument("--self-test", action="store_true",
                        help="open the app offscreen, train one short epoch, classify a drawn digit, exit 0")
    parser.add_argument("--install-desktop-entry", action="store_true",
                        help="add mnist-gui to your desktop's application menu (Linux; in ~/.local/share)")
    parser.add_argument("--uninstall-desktop-entry", action="store_true", help="remove that menu entry again")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)

    train = sub.add_parser("train", help="train a network and save it",
                           description="Train a network on MNIST (or an MNIST-format folder) and save it.")
    train.add_argument("--preset", default="tutorial",
                       help="starting settings: tutorial, fast, quick-mlp, best-mlp, cnn")
    train.add_argument("--layers", type=_layers, help="hidden layer sizes, e.g. 128 or 512,512")
    train.add_argument("--activation", help="relu, leaky_relu, tanh or sigmoid")
    train.add_argument("--optimizer", help="sgd, adam, adamw or rmsprop")
    train.add_argument("--lr", "--learning-rate", dest="lr", type=float, help="learning rate")
    train.add_argument("--batch-size", type=int, help="images per training step")
    train.add_argument("--epochs", type=int, help="passes over the training set")
    train.add_argument("--dropout", type=float, help="fraction of hidden units dropped while training")
    train.add_argument("--l2", type=float, help="L2 weight decay")
    train.add_argument("--schedule", help="learning-rate schedule: constant, step or cosine")
    train.add_argument("--seed", type=int, help="random seed (same seed, same result)")
    train.add_argument("--train-size", type=int, help="use only the first N training images")
    train.add_argument("--validation-split", type=float, help="fraction of the training images held out")
    train.add_argument("--data", type=Path, help="folder with the four MNIST-format IDX files")
    train.add_argument("--architecture", choices=("mlp", "cnn"),
                       help="mlp (dense layers only) or cnn (convolutions, then the dense layers)")
    train.add_argument("--augment", metavar="NAME",
                       help="random distortions of the training images: none, light, standard or strong")
    train.add_argument("--out", type=Path, help="where to save the model (.npz)")
    train.add_argument("--weights-only", action="store_true",
                       help="save without the optimizer state (a smaller file that cannot resume training exactly)")
    train.add_argument("--json", action="store_true", help="print one JSON document instead of progress")
    train.add_argument("--name", help="a name for the run (default: its start time)")
    train.add_argument("--no-record", action="store_true",
                       help="do not keep this run in the run store (see `mnist-gui runs`)")

    evaluate = sub.add_parser("evaluate", help="test a saved model",
                              description="Loss, accuracy, per-class accuracy and confusion matrix on the test set.")
    evaluate.add_argument("model", type=Path, help=MODEL_HELP)
    evaluate.add_argument("--data", type=Path, help="folder with the four MNIST-format IDX files")
    evaluate.add_argument("--json", action="store_true", help="print one JSON document")

    predict = sub.add_parser("predict", help="classify image files",
                             description="Read pictures of digits or whole numbers (PNG, JPEG, BMP, GIF, "
                                         "TIFF, WebP, PGM, ...; any size and polarity, photos of paper too).")
    predict.add_argument("model", type=Path, help=MODEL_HELP)
    predict.add_argument("images", type=Path, nargs="+", help="picture files of a digit or a whole number")
    predict.add_argument("--json", action="store_true", help="print one JSON document")

    runs = sub.add_parser("runs", help="list, show or delete kept training runs",
                          description="Every training run is kept (settings, curves, outcome, model) "
                                      "unless trained with --no-record.")
    runs.add_argument("action", nargs="?", choices=("list", "show", "delete"), default="list")
    runs.add_argument("id", nargs="?", help="the run's id (or the start of it), for show and delete")
    runs.add_argument("--json", action="store_true", help="print one JSON document")

    export = sub.add_parser("export", help="write a saved model as an ONNX file",
                            description="Write a saved model as an ONNX file (opset 17) that onnxruntime and "
                                        "other tools run; needs the onnx extra: pip install mnist-gui[onnx].")
    export.add_argument("model", type=Path, help=MODEL_HELP)
    export.add_argument("--onnx", type=Path, required=True, metavar="OUT", help="where to write the .onnx file")
    export.add_argument("--json", action="store_true", help="print one JSON document")

    finetune = sub.add_parser("finetune", help="teach a saved model your own handwriting",
                              description="Fine-tune a saved model on your digits (a folder DIR/0 ... DIR/9 of "
                                          "pictures, or a My digits folder) mixed with MNIST, and report its "
                                          "accuracy before and after on your held-out digits and on MNIST test.")
    finetune.add_argument("model", type=Path, help=MODEL_HELP)
    finetune.add_argument("dir", type=Path, metavar="DIR",
                          help="your digits: a folder DIR/0 ... DIR/9 of pictures, or a My digits folder")
    finetune.add_argument("--out", type=Path, required=True, help="where to save the fine-tuned model (.npz)")
    finetune.add_argument("--seed", type=int, default=0, help="random seed (same seed, same result)")
    finetune.add_argument("--json", action="store_true", help="print one JSON document instead of progress")
    finetune.add_argument("--name", help="a name for the run (default: fine-tuned on N of your digits)")
    finetune.add_argument("--no-record", action="store_true", help="do not keep this as a run in the run store")
    return parser
