"""``mnist-gui train``: settings from a preset and the flags, checks, training with live progress, test, save.

Everything that can be known before training is checked first, so a mistake costs seconds, not an hour:
the settings (``TrainConfig.validate``), the data, whether the CNN fits the images, whether the run fits
in memory (``mnist_gui.core.memory``) and whether ``--out`` can be written. A run that diverges keeps the
engine's last good weights; a model whose outputs are not finite is never saved.

Not here: the settings' rules (``mnist_gui.nn.presets``) and the progress line (``mnist_gui.cli.progress``).
"""

from __future__ import annotations

import math
import os
import sys
import time
from pathlib import Path


from mnist_gui.cli.common import finite_or_none, load_dataset, print_json
from mnist_gui.cli.parser import CliError

SANITY_IMAGES = 64  # images run through the trained model to check that its answers are numbers


def _config(args, n_train: int):
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
    if args.train_size is None:
        base["train_size"] = min(base["train_size"], n_train)  # a smaller folder: all of its images
    cfg = type(PRESETS[args.preset]).from_dict(base)
    try:
        cfg.validate()
    except ValueError as exc:
        raise CliError(str(exc)) from None
    if cfg.train_size > n_train:
        raise CliError(f"--train-size is {cfg.train_size} but the data has only {n_train} training images")
    return cfg


def _check_fits(cfg, dataset) -> None:
    from mnist_gui.core.memory import check_fits, cnn_fits_images

    shape = tuple(dataset.x_train.shape[1:])
    if cfg.architecture == "cnn" and not cnn_fits_images(shape):
        raise CliError(f"the cnn architecture needs images of at least 10 x 10 pixels, but this data's images "
                       f"are {' x '.join(map(str, shape))}; use --architecture mlp")
    try:
        check_fits(cfg, shape, len(dataset.class_names))
    except ValueError as exc:
        raise CliError(str(exc)) from None


def out_path(out: Path) -> Path:
    """Where ``model.save(out)`` writes (it keeps ".keras" and ".npz" and adds ".npz" to any other name),
    checked before any training is done."""
    path = out if out.suffix in (".npz", ".keras") else out.with_name(out.name + ".npz")
    if out.is_dir() or path.is_dir():
        raise CliError(f"--out {out} is a folder; give a file name such as {out / 'model.npz'}")
    folder = path.parent
    if not folder.is_dir():
        raise CliError(f"--out {out}: the folder {folder} does not exist")
    if not os.access(folder, os.W_OK):
        raise CliError(f"--out {out}: the folder {folder} cannot be written to")
    if len(path.name.encode()) > 255:
        raise CliError(f"--out {out}: the file name is too long")
    return path


def _outputs_finite(model, history, x) -> bool:
    """Whether the trained network answers with numbers (the engine's check of its raw outputs)."""
    from mnist_gui.core.inference import input_from_uint8
    from mnist_gui.nn import model_outputs_finite

    return bool(getattr(history, "weights_ok", True)) and \
        model_outputs_finite(model, input_from_uint8(model, x[:SANITY_IMAGES]))


def _fit(cfg, model, dataset, quiet: bool, recorder):
    from mnist_gui.cli.progress import KerasStyleProgress
    from mnist_gui.nn.presets import train_arrays

    from mnist_gui.core.learning_watch import LearningWatch

    x_train, y_train, x_val, y_val = train_arrays(cfg, dataset)
    watch = LearningWatch(cfg.to_dict(), len(dataset.class_names),
                          on_verdict=lambda text: print(f"\nwarning: {text}", file=sys.stderr))
    callbacks = ([] if quiet else [KerasStyleProgress()]) + [watch] + ([recorder] if recorder is not None else [])
    epoch_test = None
    if x_val is None or not len(x_val):    # no validation split: the test set after each epoch, as the tab does
        from mnist_gui.core.epoch_test import EpochTest

        epoch_test = EpochTest(lambda m, final: m.evaluate(dataset.x_test, dataset.y_test, batch_size=256, verbose=0))
        callbacks.insert(0, epoch_test)
    started = time.perf_counter()
    try:
        history = model.fit(x_train, y_train, epochs=cfg.epochs, batch_size=cfg.batch_size, verbose=0,
                            validation_data=None if x_val is None or not len(x_val) else (x_val, y_val),
                            callbacks=callbacks, seed=cfg.seed,
                            augmentation=None if cfg.augmentation == "none" else cfg.augmentation)
    except BaseException as exc:
        if recorder is not None:
            stopped = isinstance(exc, KeyboardInterrupt)
            recorder.finish("stopped" if stopped else "interrupted",
                            "stopped with Ctrl+C" if stopped else f"training failed: {exc}",
                            time.perf_counter() - started)
        raise
    history.not_learning = watch.verdict
    history.last_test = epoch_test.last if epoch_test is not None else None
    return history, time.perf_counter() - started


def _start_recording(args, cfg):
    if args.no_record:
        return None
    from mnist_gui.core.run_recorder import start_run
    from mnist_gui.core.run_table import default_name

    config = cfg.to_dict()
    recorder, problem = start_run(config, name=args.name or default_name(config), source="cli")
    if problem:
        print(f"note: {problem}", file=sys.stderr)
    return recorder


def run(args) -> int:
    from mnist_gui.nn.presets import build_model

    out = out_path(args.out) if args.out is not None else None
    dataset = load_dataset(args.data)
    cfg = _config(args, len(dataset.x_train))
    _check_fits(cfg, dataset)
    model = build_model(cfg, input_shape=dataset.x_train.shape[1:], num_classes=len(dataset.class_names),
                        class_names=dataset.class_names)
    recorder = _start_recording(args, cfg)
    history, seconds = _fit(cfg, model, dataset, args.json, recorder)
    usable = _outputs_finite(model, history, dataset.x_test)
    test_loss = test_acc = math.nan
    if usable:
        last = history.last_test     # the test after the last epoch is the final test: not done twice
        if last is not None and last[0] == len(history.history.get("loss", [])) and \
                history.stop_reason != "diverged":
            test_loss, test_acc = last[1], last[2]
        else:
            test_loss, test_acc = (float(v) for v in model.evaluate(dataset.x_test, dataset.y_test, batch_size=256, verbose=0))
    model.metadata.update({"config": cfg.to_dict(), "preset": args.preset, "dataset": dataset.name,
                           "test_loss": finite_or_none(test_loss), "test_accuracy": finite_or_none(test_acc),
                           "train_seconds": round(seconds, 2), "stop_reason": history.stop_reason})
    saved = None
    if out is not None and usable:
        try:
            saved = model.save(out, include_optimizer=not args.weights_only)
        except OSError as exc:
            raise CliError(f"cannot save model to {out}: {exc.strerror or exc}") from None
    problem = None if usable else "the trained network answers with NaN or infinity; it was not saved"
    kept = _finish_recording(recorder, history, seconds, test_loss, test_acc, model if usable else None)
    if args.json:
        print_json({"config": cfg.to_dict(), "history": history.history, "stop_reason": history.stop_reason,
                    "message": history.message or history.not_learning, "test_loss": test_loss, "test_accuracy": test_acc,
                    "train_seconds": seconds, "model": str(saved or kept or "") or None, "problem": problem,
                    "run": recorder.run.id if recorder is not None else None})
    else:
        _report(history, test_loss, test_acc, seconds, saved, problem, kept, recorder)
    return 0 if usable else 2


def _finish_recording(recorder, history, seconds, test_loss, test_acc, model):
    """The run's outcome in the store; returns the kept model's path, or None."""
    if recorder is None:
        return None
    from mnist_gui.core.run_recorder import run_status

    status, message = run_status(history.stop_reason, history.not_learning, history.message)
    recorder.finish(status, message, seconds, test_loss, test_acc, model)
    if recorder.problem:
        print(f"note: {recorder.problem}", file=sys.stderr)
    return recorder.run.model_path


def _report(history, test_loss, test_acc, seconds, saved, problem, kept, recorder) -> None:
    if history.stop_reason == "diverged" and history.message:
        print(history.message, file=sys.stderr)
    if problem:
        print(f"error: {problem}", file=sys.stderr)
        return
    print(f"test loss {test_loss:.4f} - test accuracy {test_acc:.4f} ({seconds:.1f} s of training)")
    if saved is not None:
        print(f"saved {saved}")
    if recorder is not None and recorder.problem is None:
        print(f"kept as run {recorder.run.id}" + (f"; its model is {kept}" if kept else ""))
    elif saved is None:
        print("the model was not saved (give --out FILE to keep it)", file=sys.stderr)
