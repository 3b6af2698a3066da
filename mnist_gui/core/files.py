"""The one way mnist-gui writes a file: to a temporary name in the same folder, then renamed into place.

Models, IDX files, the MNIST cache, My digits, exports and settings all go through ``atomic_write`` (a
binary file object) or ``atomic_path`` (a temporary path, for writers such as Qt's that want a file name).
Either way an exception, a full disk or a ``kill -9`` leaves the old file (or none) under the final name,
never half a file: the data is flushed and fsync'ed before the rename, the rename is atomic on POSIX and
Windows, and the temporary file is removed on failure.

Temporary names follow one pattern, ``.<name>.<pid>-<random>.mnist-gui.tmp``, unique per writer so two
writers never share one, and recognisable so that ``remove_stale_temps`` can delete what an interrupted
save left behind without touching anything that is not the app's own.

Also here, the one lock between app instances: ``locked`` (a short critical section, e.g. a My digits
keep) and ``try_lock`` / ``unlock`` (held for as long as something runs, e.g. a training run), both
``fcntl.flock`` on a lock file; where flock is unavailable (Windows, some network file systems) or the
lock file cannot be created (a read-only folder) they lock nothing and say so by returning None.

Standard library only: the engine and the data layer write through this module too.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import secrets
import time
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows: no flock
    fcntl = None

TEMP_SUFFIX = ".mnist-gui.tmp"
_TEMP_NAME = re.compile(r"^\..+\.(\d+)-[0-9a-f]{8}" + re.escape(TEMP_SUFFIX) + r"$")
STALE_AFTER_S = 24 * 3600  # a temporary file older than this is stale even if its writer's pid is reused


def temp_path_for(path: Path) -> Path:
    """A fresh temporary name next to ``path`` (not created)."""
    return path.with_name(f".{path.name}.{os.getpid()}-{secrets.token_hex(4)}{TEMP_SUFFIX}")


def _fsync_folder(folder: Path) -> None:
    # makes the rename itself durable; not possible (nor needed) on every platform and file system
    with contextlib.suppress(OSError, AttributeError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


@contextlib.contextmanager
def atomic_path(path, fsync: bool = True):
    """Yield a temporary path next to ``path``; when the block ends without an exception and the temporary
    file exists, it is fsync'ed and renamed to ``path``. On any exception it is removed and the old file is
    left as it was. Raises ``OSError`` if the writer produced no file."""
    path = Path(path)
    tmp = temp_path_for(path)
    try:
        yield tmp
        if not tmp.is_file():
            raise OSError(f"could not write {path}")
        if fsync:
            fd = os.open(tmp, os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    if fsync:
        _fsync_folder(path.parent)


@contextlib.contextmanager
def atomic_write(path, fsync: bool = True):
    """Open a temporary file next to ``path`` for binary writing; rename it into place on success."""
    path = Path(path)
    with atomic_path(path, fsync=False) as tmp:
        with open(tmp, "xb") as f:
            yield f
            if fsync:
                f.flush()
                os.fsync(f.fileno())
    if fsync:
        _fsync_folder(path.parent)


def write_bytes_atomic(path, data: bytes, fsync: bool = True) -> None:
    """``path.write_bytes(data)``, atomically."""
    with atomic_write(path, fsync=fsync) as f:
        f.write(data)


def _writer_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True  # someone else's live process, or a platform that cannot tell: leave it
    return True


def remove_stale_temps(folder, now: float | None = None) -> list[Path]:
    """Delete the app's own temporary files in ``folder`` whose writer is gone (or that are a day old).

    Only names of the ``temp_path_for`` pattern are considered, never other files, and never a
    directory or a link. Returns what was removed; a folder that cannot be read removes nothing.
    """
    folder = Path(folder)
    now = time.time() if now is None else now
    removed = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        match = _TEMP_NAME.match(entry.name)
        if match is None:
            continue
        try:
            if not entry.is_file(follow_symlinks=False):
                continue
            age = now - entry.stat(follow_symlinks=False).st_mtime
            if _writer_alive(int(match.group(1))) and age < STALE_AFTER_S:
                continue
            os.unlink(entry.path)
            removed.append(Path(entry.path))
        except OSError:
            continue
    return removed


def try_lock(path) -> int | None:
    """Lock ``path`` (created if needed) without waiting: its descriptor, None where locking is impossible.
    Raises ``BlockingIOError`` if another process holds it."""
    if fcntl is None:
        return None
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0), 0o644)
    except OSError:
        return None  # a folder nobody may write: there is no writer to wait for
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        raise
    except OSError:
        os.close(fd)
        return None  # a file system without flock (ENOLCK, EINVAL)
    return fd


def unlock(fd: int | None) -> None:
    if fd is not None:
        with contextlib.suppress(OSError):
            os.close(fd)


def is_locked(path) -> bool:
    """Whether another process holds the lock on ``path`` now (False where locking is impossible)."""
    try:
        fd = try_lock(path)
    except BlockingIOError:
        return True
    unlock(fd)
    return False


def _same_file(fd: int, path: Path) -> bool:
    try:
        here, there = os.fstat(fd), os.stat(path)
    except OSError:
        return False
    return (here.st_dev, here.st_ino) == (there.st_dev, there.st_ino)


@contextlib.contextmanager
def locked(path, timeout_s: float = 3.0):
    """Hold the lock on ``path`` for the block, waiting at most ``timeout_s`` (then ``TimeoutError``).

    The lock file is removed on release, while still held, so the folder keeps only its own files; a
    waiter that opened the removed file notices (it is no longer the file at ``path``) and tries again.
    """
    path = Path(path)
    deadline = time.monotonic() + timeout_s
    while True:
        try:
            fd = try_lock(path)
        except BlockingIOError:
            if time.monotonic() >= deadline:
                raise TimeoutError(errno.ETIMEDOUT, "another mnist-gui window kept the folder busy") from None
            time.sleep(0.005)
            continue
        if fd is None or _same_file(fd, path):
            break
        unlock(fd)
    try:
        yield
    finally:
        if fd is not None:
            with contextlib.suppress(OSError):
                os.unlink(path)
            unlock(fd)
