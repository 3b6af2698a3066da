"""The command line: ``mnist-gui`` opens the app; ``train``, ``evaluate`` and ``predict`` work without it.

Every sub-command has ``--help`` and ``--json`` (one machine-readable JSON document on stdout). Bad
arguments or files give one clear line on stderr and exit status 2, never a traceback. Open ``parser`` for
the arguments, then one module per sub-command; ``main`` below is the boundary where errors become that
one line. The sub-commands only parse, call ``mnist_gui.core``, ``nn`` and ``data``, and print.
"""

from __future__ import annotations

import importlib
import sys

from mnist_gui.cli.parser import CliError, build_parser

USAGE_ERROR = 2
COMMANDS = ("train", "evaluate", "predict")

__all__ = ["main", "build_parser", "CliError", "USAGE_ERROR"]


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
        return importlib.import_module(f"mnist_gui.cli.{args.command}").run(args)
    except CliError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return USAGE_ERROR
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
