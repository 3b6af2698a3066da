"""``mnist-gui runs``: list the kept training runs, show one, delete one (``mnist_gui.core.runs``)."""

from __future__ import annotations

import sys

from mnist_gui.cli.common import print_json
from mnist_gui.cli.parser import CliError


def _pct(value) -> str:
    return "–" if value is None else f"{100 * value:.2f}%"


def run(args) -> int:
    from mnist_gui.core.runs import RunStore

    store = RunStore()
    if args.action == "list":
        runs = store.runs()
        for problem in store.problems:
            print(f"note: {problem}", file=sys.stderr)
        if args.json:
            print_json([r.summary() for r in runs])
            return 0
        if not runs:
            print(f"no runs kept yet in {store.folder}")
        else:
            print(f"{'id':<{len(runs[0].id)}}  {'started':19}  {'status':<12} {'test':>12}  name")
        for r in runs:
            doc = r.summary()
            print(f"{r.id}  {doc['started'] or '':19}  {r.status:<12} {_pct(doc['test_accuracy']):>12}  "
                  f"{r.name}")
        return 0
    if not args.id:
        raise CliError(f"runs {args.action} needs a run id (see `mnist-gui runs`)")
    try:
        found = store.delete(args.id) if args.action == "delete" else store.get(args.id)
    except KeyError as exc:
        raise CliError(str(exc.args[0])) from None
    doc = found.summary()
    if args.action == "delete":
        print(f"deleted run {found.id} ({found.name})") if not args.json else print_json({"deleted": doc})
        return 0
    doc["history"] = found.epochs()
    if args.json:
        print_json(doc)
        return 0
    for key, value in _shown_fields(doc):
        print(f"{key:>14}: {value}")
    for logs in doc["history"]:
        print(f"{'':>14}  epoch {logs.get('epoch')}: " +
              ", ".join(f"{k} {v:.4f}" for k, v in logs.items() if k != "epoch" and v is not None))
    return 0


def _shown_fields(doc) -> list[tuple[str, str]]:
    """(name, value as read) of a run's record for ``runs show``: the time rounded, the test accuracy as a
    percentage, and fields the run has no value for left out rather than printed empty."""
    shown = []
    for key in ("id", "name", "status", "started", "seconds", "test_accuracy", "model", "message"):
        value = doc.get(key)
        if value is None or (isinstance(value, str) and not value.strip()):
            continue
        if key == "seconds":
            value = f"{float(value):.1f}"
        elif key == "test_accuracy":
            value = _pct(value)
        shown.append((key, str(value)))
    return shown
