"""``mnist-gui finetune MODEL DIR --out OUT``: teach a saved model the handwriting in DIR.

DIR is an image folder (``DIR/0/*.png`` ... ``DIR/9/*.jpg``, read through the pipeline of ``predict``, with
its Qt decoder or the NumPy fallback) or a My digits folder (the IDX pair). The work is
``mnist_gui.core.finetune``'s; this module checks everything it can first (the model, its input, OUT's
folder, the digits), prints a line per phase and epoch, then a before/after table, saves OUT atomically
(``Sequential.save``, via ``core.files``) and keeps the result as a run unless ``--no-record``. Ctrl+C
stops after the current batch: nothing is written, exit status 130 (a second Ctrl+C interrupts at once).
"""

from __future__ import annotations

import contextlib
import signal
import sys

from mnist_gui.cli.common import load_dataset, load_model, model_file, print_json
from mnist_gui.cli.parser import CliError
from mnist_gui.core.words import count

STOPPED = 130


@contextlib.contextmanager
def _ctrl_c_stops(control):
    """The first Ctrl+C asks ``control`` to stop; the next one is the usual KeyboardInterrupt."""
    def handler(signum, frame):
        signal.signal(signal.SIGINT, previous)
        control.stop()

    try:
        previous = signal.signal(signal.SIGINT, handler)
    except ValueError:  # not the main thread: Ctrl+C keeps its usual meaning
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def _pct(value, digits=1) -> str:
    return "–" if value is None else f"{100 * value:.{digits}f}%"


def _table(result) -> str:
    mark = "held-out digits" if result.n_held_out else "digits (no held-out part)"
    n = result.n_held_out or result.n_train
    rows = [("", "before", "after", ""),
            (f"your {mark}", _pct(result.before["personal"]), _pct(result.after["personal"]), count(n, "digit")),
            ("MNIST test", _pct(result.before["mnist"], 2), _pct(result.after["mnist"], 2), "")]
    width = max(len(r[0]) for r in rows)
    return "\n".join(f"{a:<{width}}  {b:>7}  {c:>7}  {d}".rstrip() for a, b, c, d in rows)


def _progress(quiet: bool):
    shown = [None]

    def show(p):
        if not quiet and p.message != shown[0]:
            shown[0] = p.message
            print(p.message, flush=True)
    return show


def run(args) -> int:
    from mnist_gui.cli.predict import picture_decoder
    from mnist_gui.cli.train import out_path
    from mnist_gui.core.digit_folders import read_digits
    from mnist_gui.core.finetune import check_model, finetune
    from mnist_gui.nn import TrainingControl

    model = load_model(args.model)
    problem = check_model(model)
    if problem:
        raise CliError(f"model {args.model}: {problem}")
    out = out_path(args.out)
    if out.exists() and out.resolve() == model_file(args.model).resolve():
        raise CliError(f"--out {args.out} is the model being fine-tuned; give another file name")
    try:
        read = read_digits(args.dir, picture_decoder())
    except ValueError as exc:
        raise CliError(str(exc)) from None
    if not len(read):
        raise CliError(read.message())
    if not args.json:
        print(read.message(), flush=True)
    mnist = load_dataset(None)
    control = TrainingControl()
    with _ctrl_c_stops(control):
        try:
            result = finetune(model, read.images, read.labels, seed=args.seed, control=control,
                              progress=_progress(args.json), mnist=mnist)
        except ValueError as exc:
            raise CliError(str(exc)) from None
    if result.stopped:
        print(f"stopped: nothing was written ({args.model} is unchanged)", file=sys.stderr)
        return STOPPED
    try:
        saved = result.model.save(out)
    except OSError as exc:
        raise CliError(f"cannot save the model to {out}: {exc.strerror or exc}") from None
    run_id = None
    if not args.no_record:
        from mnist_gui.core.finetune import save_result_as_run

        try:
            run_id = save_result_as_run(result, name=args.name).id
        except OSError as exc:
            print(f"note: {exc}", file=sys.stderr)
    if args.json:
        print_json({"personal": {"before": result.before["personal"], "after": result.after["personal"]},
                    "mnist_test": {"before": result.before["mnist"], "after": result.after["mnist"]},
                    "mnist_check": {"before": result.before.get("mnist_check"),
                                    "after": result.after.get("mnist_check")},
                    "mnist_kept": result.mnist_kept, "tries": result.tries,
                    "n_train": result.n_train, "n_held_out": result.n_held_out,
                    "skipped": [{"file": str(p), "reason": r} for p, r in read.skipped], "ignored": read.ignored,
                    "several_digits": [{"file": str(p), "digits": n} for p, n in read.several],
                    "duplicates": read.duplicates + result.duplicates, "advice": result.advice,
                    "epochs": result.epochs_run, "seconds": result.seconds, "kind": read.kind,
                    "out": str(saved), "run": run_id})
        return 0
    print(_table(result))
    print(result.advice)
    print(f"saved {saved}" + (f"; kept as run {run_id}" if run_id else ""))
    return 0
