"""``mnist-gui train``: settings from a preset and the flags, train with live progress, test, save.

Not here: the settings' rules (``mnist_gui.nn.presets.TrainConfig``) and the progress line
(``mnist_gui.cli.progress``).
"""

from __future__ import annotations

import sys
import time

from mnist_gui.cli.common import load_dataset, print_json
from mnist_gui.cli.parser import CliError


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


def run(args) -> int:
    from mnist_gui.cli.progress import KerasStyleProgress
    from mnist_gui.nn.presets import build_model, train_arrays

    cfg = _config(args)
    dataset = load_dataset(args.data)
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
        print_json({"config": cfg.to_dict(), "history": history.history, "stop_reason": history.stop_reason,
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


