"""
The on-disk cache: parsed TOML packs and the index of installed entry points.

Parsing TOML is about ten times slower than parsing JSON, so a large TOML pack is
parsed once and its data kept as JSON, keyed on a hash of the file's bytes, the cache
format and interviewprep's version. The cache never overrides the files: only regular
files of bounded size are read, every entry's shape is checked before use, and an
entry that fails a check is a miss (and is rebuilt). Old entries are pruned.

The cache lives in ``$INTERVIEWPREP_CACHE_DIR``, else ``$XDG_CACHE_HOME/interviewprep``,
else ``~/.cache/interviewprep``. Setting ``INTERVIEWPREP_CACHE_DIR`` to an empty
string turns it off.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from pathlib import Path
from typing import Any

from ._distribution import installed_version
from ._filesystem import read_regular_file, write_atomic

__all__ = ["MIN_BYTES", "cache_dir", "load", "read_entry", "store", "write_entry"]

#: Files smaller than this parse faster than the cache could be checked.
MIN_BYTES = 256 * 1024
#: How many parsed packs are kept; the least recently written go first.
MAX_PACK_ENTRIES = 32
_FORMAT = 2
# A JSON escape of a surrogate code point (\ud800 to \udfff), in the bytes of an entry.
_SURROGATE_ESCAPE = re.compile(rb"\\u[dD][89abcdefABCDEF]")


def cache_dir() -> Path | None:
    """
    The cache folder, or ``None`` when caching is turned off.
    """
    configured = os.environ.get("INTERVIEWPREP_CACHE_DIR")
    if configured is not None:
        return Path(configured) if configured.strip() else None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "interviewprep"


def read_entry(path: Path, max_bytes: int) -> Any:
    """
    The JSON data of a cache entry, or ``None`` if it is missing, not a regular file,
    too large or not valid JSON.
    """
    try:
        return json.loads(read_regular_file(path, max_bytes))
    except (OSError, ValueError, RecursionError):
        return None


def write_entry(path: Path, data: object) -> None:
    """
    Write a cache entry atomically; failures (read-only disk, values JSON cannot
    hold) are ignored, the cache being only an optimisation.
    """
    try:
        text = json.dumps(data, ensure_ascii=False)
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, text)
    except (OSError, TypeError, ValueError):
        return


def _digest(raw: bytes) -> str:
    digest = hashlib.blake2b(raw, digest_size=20)
    digest.update(f"|format {_FORMAT}|interviewprep {installed_version()}".encode())
    return digest.hexdigest()


def load(raw: bytes) -> dict[str, Any] | None:
    """
    The cached parse of a TOML file's bytes, or ``None`` on a miss.

    The entry must be ``{"source": <digest of raw>, "data": {...}}`` and hold no
    surrogate escape (TOML cannot make one, so such an entry is forged or corrupt).
    """
    folder = cache_dir()
    if folder is None:
        return None
    digest = _digest(raw)
    path = folder / "packs" / f"{digest}.json"
    try:
        # Parsed TOML as JSON is rarely more than three times the TOML's size.
        text = read_regular_file(path, 4 * len(raw) + 4096)
    except OSError:
        return None
    if _SURROGATE_ESCAPE.search(text):
        return None
    try:
        entry = json.loads(text)
    except (ValueError, RecursionError):
        return None
    if not isinstance(entry, dict) or entry.get("source") != digest:
        return None
    data = entry.get("data")
    return data if isinstance(data, dict) and data else None


def store(raw: bytes, data: dict[str, Any]) -> None:
    """
    Keep the parse of a TOML file's bytes, and prune the oldest entries.
    """
    folder = cache_dir()
    if folder is None:
        return
    digest = _digest(raw)
    packs = folder / "packs"
    write_entry(packs / f"{digest}.json", {"source": digest, "data": data})
    try:
        entries = sorted(packs.glob("*.json"), key=lambda p: p.stat().st_mtime_ns)
        for old in entries[:-MAX_PACK_ENTRIES]:
            old.unlink(missing_ok=True)
    except OSError:
        return
