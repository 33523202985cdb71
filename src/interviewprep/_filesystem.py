"""
Bytes in and out of files: bounded reads of regular files, atomic writes.

Every file interviewprep reads goes through :func:`read_regular_file`, and every file
it writes through :func:`write_atomic`, so a FIFO or a device never hangs a read, a
huge file is refused before it is read, and a reader never sees half a file.
"""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

__all__ = ["FileRefusedError", "FileTooLargeError", "read_regular_file", "write_atomic"]


class FileRefusedError(OSError):
    """
    A file was not read: it is missing, not a regular file, or over the size limit.

    The message is one sentence a user can act on, without the path (callers add it).
    """


class FileTooLargeError(FileRefusedError):
    """
    A file is over the size limit.

    Attributes:
        size: Its size in bytes, or ``None`` when it grew past the limit while read.
        limit: The limit in bytes.
    """

    def __init__(self, size: int | None, limit: int) -> None:
        shown = f"{size:,} bytes" if size is not None else "larger"
        super().__init__(f"the file is {shown}, over the limit of {limit:,} bytes")
        self.size = size
        self.limit = limit


def read_regular_file(path: str | os.PathLike[str], max_bytes: int) -> bytes:
    """
    The bytes of a regular file of at most *max_bytes*.

    The file is opened without blocking (a FIFO cannot hang the call) and checked to
    be a regular file before anything is read.

    Raises:
        FileRefusedError: If the file cannot be opened or is not a regular file;
            :class:`FileTooLargeError` if it is larger than *max_bytes*.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        descriptor = os.open(path, flags)
    except OSError as exc:
        raise FileRefusedError(f"cannot read the file: {exc.strerror or exc}") from None
    try:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode):
            msg = "not a regular file (a folder, device, pipe or socket is never read)"
            raise FileRefusedError(msg)
        if info.st_size > max_bytes:
            raise FileTooLargeError(info.st_size, max_bytes)
        chunks: list[bytes] = []
        size = 0
        while True:
            chunk = os.read(descriptor, min(1 << 20, max_bytes + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
            if size > max_bytes:  # the file grew while being read
                raise FileTooLargeError(None, max_bytes)
    except FileRefusedError:
        raise
    except OSError as exc:
        raise FileRefusedError(f"cannot read the file: {exc.strerror or exc}") from None
    finally:
        os.close(descriptor)
    return b"".join(chunks)


def write_atomic(path: str | os.PathLike[str], text: str) -> None:
    """
    Write *text* (UTF-8) to *path* through a temporary file in the same folder.

    The temporary file is flushed to disk, then renamed over *path*: a reader, or a
    crash half-way, sees either the old file whole or the new one whole.

    Raises:
        OSError: If the file cannot be written; *path* is then unchanged.
        UnicodeEncodeError: If *text* cannot be written as UTF-8 (a lone surrogate);
            *path* is then unchanged.
    """
    target = Path(path)
    data = text.encode("utf-8")
    handle, temporary = tempfile.mkstemp(
        dir=target.parent, prefix=f".{target.name}.", suffix=".tmp"
    )
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        if target.exists():
            os.chmod(temporary, stat.S_IMODE(target.stat().st_mode))
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(temporary, 0o666 & ~umask)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
