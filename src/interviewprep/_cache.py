"""
The on-disk cache of parsed TOML packs.

Parsing TOML is about ten times slower than parsing JSON, so a large TOML pack is
parsed once and its data kept as JSON, keyed on a hash of the file's bytes, the pack
format and interviewprep's version. A changed file, format or library version simply
misses; an unreadable or corrupt entry is ignored and rebuilt. Writes are atomic.

The cache lives in ``$INTERVIEWPREP_CACHE_DIR``, else ``$XDG_CACHE_HOME/interviewprep``,
else ``~/.cache/interviewprep``. Setting ``INTERVIEWPREP_CACHE_DIR`` to an empty
string turns it off.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any

__all__ = ["MIN_BYTES", "cache_dir", "load", "store", "write_atomic"]

#: Files smaller than this parse faster than the cache could be checked.
MIN_BYTES = 256 * 1024
_FORMAT = 1


def cache_dir() -> Path | None:
    """
    The cache folder, or ``None`` when caching is turned off.
    """
    configured = os.environ.get("INTERVIEWPREP_CACHE_DIR")
    if configured is not None:
        return Path(configured) if configured.strip() else None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "interviewprep"


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("interviewprep")
    except PackageNotFoundError:  # pragma: no cover - a bare source tree
        return "unknown"


def _entry(raw: bytes) -> Path | None:
    folder = cache_dir()
    if folder is None:
        return None
    digest = hashlib.blake2b(raw, digest_size=20)
    digest.update(f"|format {_FORMAT}|interviewprep {_version()}".encode())
    return folder / "packs" / f"{digest.hexdigest()}.json"


def load(raw: bytes) -> dict[str, Any] | None:
    """
    The cached parse of a TOML file's bytes, or ``None`` on a miss.
    """
    entry = _entry(raw)
    if entry is None:
        return None
    try:
        data = json.loads(entry.read_bytes())
    except (OSError, ValueError, RecursionError):
        return None
    return data if isinstance(data, dict) else None


def store(raw: bytes, data: dict[str, Any]) -> None:
    """
    Keep the parse of a TOML file's bytes; failures (read-only disk, values JSON
    cannot hold) are ignored, the cache being only an optimisation.
    """
    entry = _entry(raw)
    if entry is None:
        return
    try:
        text = json.dumps(data, ensure_ascii=False)
    except (TypeError, ValueError):
        return
    write_atomic(entry, text)


def write_atomic(path: Path, text: str) -> bool:
    """
    Write *text* to *path* through a temporary file, so readers never see half a file.

    Returns:
        Whether it was written; failures (read-only disk, no space) are ignored,
        the cache being only an optimisation.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as file:
                file.write(text)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError:
        return False
    return True
