"""The menu entry for pip users: ``mnist-gui --install-desktop-entry`` and ``--uninstall-desktop-entry``.

Writes the bundled ``resources/desktop/<APP_ID>.desktop`` into ``$XDG_DATA_HOME/applications`` (default
``~/.local/share``) with ``Exec`` set to the absolute path of the installed ``mnist-gui-app`` script (menus
do not search a venv's ``bin``), and the icon into the user's hicolor theme: the PNG sizes from
``resources/desktop/icon-theme`` and ``resources/icons/mnist-gui.svg`` as the scalable one. Installing again
rewrites the same files; uninstalling removes exactly those files. The same ``.desktop`` file is what the
stand-alone bundle ships (``packaging/build_bundle.sh``). Linux and the other freedesktop.org desktops only.
Not here: the command-line wording (``mnist_gui/cli/desktop_entry.py``).
"""

from __future__ import annotations

import shutil
import sys
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

from mnist_gui.core.files import write_bytes_atomic
from mnist_gui.core.paths import resource_path, xdg_home

GUI_SCRIPT = "mnist-gui-app"
# characters the desktop entry spec reserves in Exec: an argument holding one must be quoted
_RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")


@dataclass
class DesktopFiles:
    """What an install or uninstall did: the entry's path, the files written or removed, the command run."""

    entry: Path
    files: list[Path] = field(default_factory=list)
    command: list[str] = field(default_factory=list)


def _template() -> Path:
    (desktop,) = resource_path("desktop").glob("*.desktop")
    return desktop


def app_id() -> str:
    """``io.github.mnist_gui.MnistGui``: the name of the bundled desktop file, which the app also announces."""
    return _template().stem


def gui_command() -> list[str]:
    """The command the menu entry runs, its program as an absolute path.

    The bundle's own executable when frozen; else the ``mnist-gui-app`` script this installation of the
    package put in its ``bin`` folder (a venv, ``~/.local/bin``, pipx); else this Python with ``-m mnist_gui``.
    """
    if getattr(sys, "frozen", False):
        return [sys.executable]
    # every copy of the metadata Python sees (a source tree's egg-info lists no scripts)
    for dist in metadata.distributions(name="mnist-gui"):
        for f in dist.files or []:
            if f.name == GUI_SCRIPT and Path(f.locate()).is_file():
                return [str(Path(f.locate()).resolve())]
    beside = Path(sys.executable).parent / GUI_SCRIPT
    found = str(beside) if beside.is_file() else shutil.which(GUI_SCRIPT)
    return [str(Path(found).resolve())] if found else [sys.executable, "-m", "mnist_gui"]


def exec_argument(arg: str) -> str:
    """``arg`` as one argument of an ``Exec`` key: quoted and escaped as the desktop entry spec says."""
    if _RESERVED & set(arg):
        arg = '"' + "".join("\\" + c if c in '"`$\\' else c for c in arg) + '"'
    # the string escape of backslashes comes on top of the quoting; a literal % is %% in Exec
    return arg.replace("\\", "\\\\").replace("%", "%%")


def desktop_entry_text(command: list[str]) -> str:
    """The bundled desktop file with ``Exec`` running ``command`` and ``TryExec`` naming its program."""
    lines = []
    for line in _template().read_text(encoding="utf-8").splitlines():
        if line.startswith("Exec="):
            line = "Exec=" + " ".join(exec_argument(a) for a in command)
        elif line.startswith("TryExec="):
            line = "TryExec=" + command[0].replace("\\", "\\\\")
        lines.append(line)
    return "\n".join(lines) + "\n"


def _targets(data_home: Path) -> tuple[Path, list[tuple[Path, Path]]]:
    """The desktop file's destination, and (source, destination) for every icon."""
    name = app_id()
    hicolor = data_home / "icons" / "hicolor"
    icons = [(png, hicolor / png.parent.parent.name / "apps" / f"{name}.png")
             for png in sorted(resource_path("desktop", "icon-theme").glob(f"*/apps/{name}.png"))]
    icons.append((resource_path("icons", "mnist-gui.svg"), hicolor / "scalable" / "apps" / f"{name}.svg"))
    return data_home / "applications" / f"{name}.desktop", icons


def _data_home(data_home: Path | None) -> Path:
    if sys.platform.startswith(("win", "darwin")):
        raise ValueError("a desktop entry is for Linux and other freedesktop.org desktops; on Windows and "
                         "macOS start the app with mnist-gui-app")
    return Path(data_home) if data_home is not None else xdg_home("XDG_DATA_HOME", ".local/share")


def install(data_home: Path | None = None, command: list[str] | None = None) -> DesktopFiles:
    """Write the menu entry and the icons below ``data_home`` (default: the user's XDG data folder)."""
    root = _data_home(data_home)
    command = command or gui_command()
    entry, icons = _targets(root)
    result = DesktopFiles(entry=entry, command=command)
    for source, target in icons:
        target.parent.mkdir(parents=True, exist_ok=True)
        write_bytes_atomic(target, source.read_bytes(), fsync=False)
        result.files.append(target)
    entry.parent.mkdir(parents=True, exist_ok=True)
    # the entry last: a menu that sees it finds the icon already there
    write_bytes_atomic(entry, desktop_entry_text(command).encode("utf-8"), fsync=False)
    result.files.insert(0, entry)
    return result


def uninstall(data_home: Path | None = None) -> DesktopFiles:
    """Remove what :func:`install` wrote (and nothing else); the result lists what was there."""
    entry, icons = _targets(_data_home(data_home))
    result = DesktopFiles(entry=entry)
    for path in [entry] + [target for _, target in icons]:
        if path.is_file():
            path.unlink()
            result.files.append(path)
    return result
