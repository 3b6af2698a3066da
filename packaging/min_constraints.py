"""The declared minimum versions as a pip constraints file, and the check that a venv really has them.

    python packaging/min_constraints.py test onnx > build/min-constraints.txt   # the extras to include
    pip install -c build/min-constraints.txt -e '.[test,onnx]'
    python packaging/min_constraints.py --check build/min-constraints.txt        # exit 1 if any differs

Every ``name>=X`` of ``[project] dependencies`` (and of the named optional extras) becomes ``name==X``, so the
test suite runs against exactly the oldest versions pyproject.toml promises to work with (``make test-min``
and ``.ci/run`` do this). ``!=`` exclusions are kept as they are; a requirement with no lower bound is left
out. Standard library only (``tomllib``: Python 3.11+).
"""

from __future__ import annotations

import re
import sys
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_REQUIREMENT = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[[^\]]*\])?\s*([^;]*)")


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def minimums(extras: list[str]) -> dict[str, str]:
    """Project name -> the version of its ``>=`` bound, for the dependencies and ``extras``."""
    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10
        sys.exit("min_constraints.py needs Python 3.11 or newer (tomllib)")
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    optional = project.get("optional-dependencies", {})
    unknown = [e for e in extras if e not in optional]
    if unknown:
        sys.exit(f"unknown extra(s) {', '.join(unknown)}; pyproject.toml has {', '.join(optional)}")
    found: dict[str, str] = {}
    for requirement in project["dependencies"] + [r for e in extras for r in optional[e]]:
        match = _REQUIREMENT.match(requirement)
        if not match:
            sys.exit(f"cannot read the requirement {requirement!r}")
        name, specifiers = match.groups()
        for spec in (s.strip() for s in specifiers.split(",")):
            if spec.startswith(">="):
                found[name] = spec[2:].strip()
    return found


def _release(version: str) -> tuple[int, ...]:
    """``6.6`` -> (6, 6, 0, 0): so that 6.6 and 6.6.0 compare equal."""
    numbers = [int(n) for n in re.findall(r"\d+", version)[:4]]
    return tuple(numbers + [0] * (4 - len(numbers)))


def check(constraints: Path) -> int:
    """Compare the installed versions with ``constraints``; print each and return 1 if any differs."""
    status = 0
    for line in constraints.read_text(encoding="utf-8").splitlines():
        if "==" not in line:
            continue
        name, wanted = (part.strip() for part in line.split("=="))
        try:
            installed = metadata.version(name)
        except metadata.PackageNotFoundError:
            installed = "not installed"
        same = _release(installed) == _release(wanted)
        print(f"  {name:<20} wanted {wanted:<10} installed {installed}{'' if same else '   <- DIFFERENT'}")
        status |= not same
    return status


if __name__ == "__main__":
    if sys.argv[1:2] == ["--check"] and len(sys.argv) == 3:
        sys.exit(check(Path(sys.argv[2])))
    for name, version in minimums(sys.argv[1:]).items():
        print(f"{name}=={version}")
