"""Atomic file output: write beside the target, then rename over it.

A reader (or a crash) therefore sees either the previous file or the complete new one,
never a half-written export.  The temporary file keeps the target's suffix because some
writers choose their format from it.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


class ExportError(Exception):
    """An export cannot be written (bad target, unknown format, unusable input)."""


def current_umask() -> int:
    """The process umask, read from /proc where it can be (setting it to read it back is not thread-safe)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except OSError:
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


@contextmanager
def atomic_path(target: Path, suffix: str | None = None) -> Iterator[Path]:
    """A temporary path in the target's folder (ending in ``suffix``, default the target's own),
    renamed onto the target when the block succeeds and removed when it fails."""
    target = Path(target)
    folder = target.resolve().parent
    if not folder.is_dir():
        raise ExportError(f"{target}: folder {folder} does not exist")
    try:
        fd, name = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.",
                                    suffix=".part" + (target.suffix if suffix is None else suffix))
    except OSError as error:
        raise ExportError(f"{target}: cannot write in {folder}: {error.strerror or error}") from None
    # mkstemp makes the file 0600 (right for a temporary, wrong for the file it becomes): give it the
    # mode open() would have given a new file, 0666 less the umask.
    os.fchmod(fd, 0o666 & ~current_umask())
    os.close(fd)
    temporary = Path(name)
    try:
        yield temporary
        with open(temporary, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def write_text(target: Path, text: str) -> None:
    with atomic_path(target) as temporary:
        temporary.write_text(text, encoding="utf-8")
