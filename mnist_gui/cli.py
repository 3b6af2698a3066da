"""The command line: ``mnist-gui`` opens the app; ``train``, ``evaluate`` and ``predict`` work without it.

Every sub-command has ``--help`` and ``--json`` (one machine-readable JSON document on stdout). Bad
arguments or files give one clear line on stderr and exit status 2, never a traceback. The network and the
data come from ``mnist_gui.nn`` and ``mnist_gui.data``; this module only parses, calls and prints.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np

from mnist_gui import __version__

USAGE_ERROR = 2


class CliError(Exception):
    """A problem with the user's arguments or files: printed as one line, exit status 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # one line, exit 2, as argparse does, but without the usage dump
        raise CliError(f"{self.prog}: {message}")


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
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)

    train = sub.add_parser("train", help="train a network and save it",
                           description="Train a network on MNIST (or an MNIST-format folder) and save it.")
    train.add_argument("--preset", default="tutorial",
                       help="starting settings: tutorial, fast, quick-mlp, best-mlp, cnn")
    train.add_argument("--layers", type=_layers, help="hidden layer sizes, e.g. 128 or 512,512")
    train.add_argument("--activation", help="relu, leaky_relu, tanh or sigmoid")
    train.add_argument("--optimizer", help="sgd, adam, adamw or rmsprop")
    train.add_argument("--lr", type=float, help="learning rate")
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

    evaluate = sub.add_parser("evaluate", help="test a saved model",
                              description="Loss, accuracy, per-class accuracy and confusion matrix on the test set.")
    evaluate.add_argument("model", type=Path)
    evaluate.add_argument("--data", type=Path, help="folder with the four MNIST-format IDX files")
    evaluate.add_argument("--json", action="store_true", help="print one JSON document")

    predict = sub.add_parser("predict", help="classify image files",
                             description="Classify PNG/BMP/PGM images of any size and polarity.")
    predict.add_argument("model", type=Path)
    predict.add_argument("images", type=Path, nargs="+")
    predict.add_argument("--json", action="store_true", help="print one JSON document")
    return parser


def _load_model(path: Path):
    from mnist_gui.nn import load_model

    if not path.is_file():
        raise CliError(f"no model file at {path}")
    try:
        return load_model(path)
    except (ValueError, OSError) as exc:
        raise CliError(f"cannot load model {path}: {exc}") from None


def _load_dataset(path: Path | None):
    from mnist_gui.data.mnist import load_dataset

    try:
        return load_dataset(path)
    except (ValueError, OSError) as exc:
        raise CliError(f"cannot load data: {exc}") from None


def _config(args):
    from mnist_gui.nn.presets import PRESETS

    if args.preset not in PRESETS:
        raise CliError(f"unknown preset {args.preset!r}; choose from {', '.join(PRESETS)}")
    base = PRESETS[args.preset].to_dict()
    overrides = {"hidden": args.layers, "activation": args.activation, "optimizer": args.optimizer,
                 "learning_rate": args.lr, "batch_size": args.batch_size, "epochs": args.epochs,
                 "dropout": args.dropout, "l2": args.l2, "schedule": args.schedule, "seed": args.seed,
                 "train_size": args.train_size, "validation_split": args.validation_split,
                 "architecture": args.architecture, "augmentation": args.augment}
    base.update({k: v for k, v in overrides.items() if v is not None})
    cfg = type(PRESETS[args.preset]).from_dict(base)
    try:
        cfg.validate()
    except ValueError as exc:
        raise CliError(str(exc)) from None
    return cfg


def cmd_train(args) -> int:
    from mnist_gui.cli_progress import KerasStyleProgress
    from mnist_gui.nn.presets import build_model, train_arrays

    cfg = _config(args)
    dataset = _load_dataset(args.data)
    x_train, y_train, x_val, y_val = train_arrays(cfg, dataset)
    model = build_model(cfg, input_shape=dataset.x_train.shape[1:], num_classes=len(dataset.class_names),
                        class_names=dataset.class_names)
    callbacks = [] if args.json else [KerasStyleProgress()]
    started = time.perf_counter()
    history = model.fit(x_train, y_train, epochs=cfg.epochs, batch_size=cfg.batch_size,
                        validation_data=None if x_val is None or not len(x_val) else (x_val, y_val),
                        callbacks=callbacks, seed=cfg.seed,
                        augmentation=None if cfg.augmentation == "none" else cfg.augmentation)
    seconds = time.perf_counter() - started
    test_loss, test_acc = model.evaluate(dataset.x_test, dataset.y_test)
    model.metadata.update({"config": cfg.to_dict(), "preset": args.preset, "dataset": dataset.name,
                           "test_loss": float(test_loss), "test_accuracy": float(test_acc),
                           "train_seconds": round(seconds, 2), "stop_reason": history.stop_reason})
    if args.out is not None:
        try:
            model.save(args.out, include_optimizer=not args.weights_only)
        except OSError as exc:
            raise CliError(f"cannot save model to {args.out}: {exc}") from None
    if args.json:
        _print_json({"config": cfg.to_dict(), "history": history.history, "stop_reason": history.stop_reason,
                     "message": history.message, "test_loss": float(test_loss),
                     "test_accuracy": float(test_acc), "train_seconds": seconds,
                     "model": str(args.out) if args.out else None})
    else:
        if history.stop_reason == "diverged":
            print(history.message, file=sys.stderr)
        print(f"test loss {test_loss:.4f} - test accuracy {test_acc:.4f} ({seconds:.1f} s of training)")
        if args.out is not None:
            print(f"saved {args.out}")
    return 0


def cmd_evaluate(args) -> int:
    from mnist_gui.inference import input_from_uint8

    model = _load_model(args.model)
    dataset = _load_dataset(args.data)
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
        _print_json({"model": str(args.model), "loss": loss, "accuracy": accuracy,
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


def cmd_predict(args) -> int:
    from mnist_gui.data.images import load_image
    from mnist_gui.inference import classify_picture

    model = _load_model(args.model)
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
        _print_json({"model": str(args.model), "predictions": results})
        return 0
    for r in results:
        note = "  (blank image)" if r["blank"] else ""
        print(f"{r['image']}: {r['digit']} ({r['probability']:.1%}){note}")
    return 0


def _print_json(document) -> None:
    json.dump(document, sys.stdout, indent=2)
    sys.stdout.write("\n")


def main(argv: list[str]) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
        if args.self_test:
            from mnist_gui.ui.self_test import run_self_test

            return run_self_test()
        if args.command is None:
            from mnist_gui.ui.app import run

            return run()
        return {"train": cmd_train, "evaluate": cmd_evaluate, "predict": cmd_predict}[args.command](args)
    except CliError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return USAGE_ERROR
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
