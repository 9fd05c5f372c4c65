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
