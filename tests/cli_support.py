"""What the command-line tests share: running ``mnist-gui`` in-process, and the one-line-error promise."""

from __future__ import annotations

from mnist_gui.cli import main


def run(capsys, *argv):
    """``mnist-gui ARGV`` in this process: (exit status, stdout, stderr)."""
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def one_line_error(code, err, fragment, case_blind: bool = False, alone: bool = False):
    """Exit status 2, no traceback, exactly one ``error:`` line holding ``fragment`` (``case_blind``: in any
    case; ``alone``: and nothing else on stderr)."""
    assert code == 2, err
    assert "Traceback" not in err
    lines = [line for line in err.strip().splitlines() if line.startswith("error:")]
    assert len(lines) == 1, err
    if alone:
        assert len(err.strip().splitlines()) == 1, err
    assert fragment in (lines[0].lower() if case_blind else lines[0]), lines[0]
