"""The command line: ``mnist-gui`` opens the app; ``train``, ``evaluate`` and ``predict`` work without it.

Every sub-command has ``--help`` and ``--json`` (one machine-readable JSON document on stdout, never NaN:
a number that is not finite is ``null``). Bad arguments or files give one clear line on stderr and exit
status 2, never a traceback. Open ``parser`` for the arguments, then one module per sub-command; ``main``
below is the one boundary where every anticipated error becomes that one line. The sub-commands only
parse, call ``mnist_gui.core``, ``nn`` and ``data``, and print.
"""

from __future__ import annotations

import importlib
import os
import sys

from mnist_gui.cli.parser import CliError, build_parser

USAGE_ERROR = 2
INTERNAL_ERROR = 1
COMMANDS = ("train", "evaluate", "predict", "runs", "export", "finetune")

__all__ = ["main", "build_parser", "CliError", "USAGE_ERROR", "describe_error"]


def describe_error(exc: BaseException) -> str:
    """One line, in plain words, for an error that reached the command line's boundary."""
    if isinstance(exc, CliError):
        return str(exc)
    if isinstance(exc, MemoryError):
        return "not enough memory for this; try a smaller network, batch size or file"
    if isinstance(exc, RecursionError):
        return "a file is nested too deeply to read"
    if isinstance(exc, BrokenPipeError):
        return "the output was closed before everything was written"
    if isinstance(exc, OSError):
        where = f": {exc.filename}" if exc.filename else ""
        return f"{exc.strerror or exc}{where}"
    return f"{exc}" if str(exc) else type(exc).__name__


def _quiet_stdout() -> None:
    # after a broken pipe, Python would complain again while flushing stdout at exit
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


def main(argv: list[str]) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
        if args.self_test:
            from mnist_gui.ui.self_test import run_self_test

            return run_self_test()
        if args.install_desktop_entry or args.uninstall_desktop_entry:
            from mnist_gui.cli.desktop_entry import run as desktop_entry

            return desktop_entry(args)
        if args.command is None:
            from mnist_gui.ui.app import run

            return run()
        code = importlib.import_module(f"mnist_gui.cli.{args.command}").run(args)
        sys.stdout.flush()
        return code
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except SystemExit:
        raise  # --help and --version
    except (CliError, MemoryError, RecursionError, OSError, ValueError, ArithmeticError, LookupError,
            TypeError) as exc:
        if isinstance(exc, BrokenPipeError):
            _quiet_stdout()
        if os.environ.get("MNIST_GUI_DEBUG") and not isinstance(exc, CliError):
            raise
        print(f"error: {describe_error(exc)}", file=sys.stderr)
        return USAGE_ERROR
    except Exception as exc:  # noqa: BLE001 - the boundary: a bug still ends in one line, not a traceback
        if os.environ.get("MNIST_GUI_DEBUG"):
            raise
        print(f"error: unexpected {type(exc).__name__}: {exc} (set MNIST_GUI_DEBUG=1 for details)",
              file=sys.stderr)
        return INTERNAL_ERROR
