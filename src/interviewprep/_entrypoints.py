"""
The one loader of entry points, for every group interviewprep reads.

Entry point groups:

``interviewprep.packs`` (:data:`PACKS_GROUP`)
    Content packs. The entry point's name is the pack's name. Its value is either a
    module or package whose folder holds ``pack.toml`` / ``pack.json`` (a *data pack*,
    read without importing anything), or ``module:attr`` naming a :class:`Pack`, or a
    zero-argument callable returning a :class:`Pack` or the path of a pack folder (a
    *code pack*, which runs third-party code and is skipped in data-only mode).

``interviewprep.scorers`` (:data:`SCORERS_GROUP`)
    Automatic rubric scorers, by id. Third-party scorers are skipped in data-only mode.

``interviewprep.judges`` (:data:`JUDGES_GROUP`)
    Judges, by name. The value is a zero-argument factory returning the judge,
    configured from wherever it reads its settings (the reference judge ``openai``
    reads environment variables). Loaded only when asked for by name
    (:func:`interviewprep.load_judge`, ``--judge NAME``), never in data-only mode.

Entry points are found through importlib-metadata's public API. Finding them means
reading every installed distribution's metadata, so the result is kept in an index
in the cache folder, keyed on what installers change: the interpreter, its prefix,
``sys.path`` and, for every distribution on it, the name of its metadata folder and
the content of its ``entry_points.txt``. Any install, uninstall, editable install or
path change gives a new key, whatever the files' modification times. Within one
process the result is also kept until ``sys.path`` or a folder on it changes.

Third-party code runs only in :func:`load_entry_point`: each entry point in its own
``try``, every exception contained (``KeyboardInterrupt`` alone propagates), and
under a time bound, since an import that hangs would otherwise hang every command.
"""

from __future__ import annotations

import hashlib
import os
import sys
import threading
from collections.abc import Callable
from pathlib import Path

import attrs

__all__ = [
    "JUDGES_GROUP",
    "PACKS_GROUP",
    "SCORERS_GROUP",
    "EntryPointError",
    "InstalledEntryPoint",
    "installed",
    "load_entry_point",
]

#: The entry point group of content packs.
PACKS_GROUP = "interviewprep.packs"
#: The entry point group of automatic rubric scorers.
SCORERS_GROUP = "interviewprep.scorers"
#: The entry point group of judges: zero-argument factories returning a judge.
JUDGES_GROUP = "interviewprep.judges"
_GROUPS = (PACKS_GROUP, SCORERS_GROUP, JUDGES_GROUP)
#: The largest index file read; an index of the entry points of our groups is small.
_MAX_INDEX_BYTES = 4 * 1024 * 1024
#: Part of the index's key: a new format (a group added, say) makes every index stale.
_INDEX_FORMAT = 2


@attrs.frozen(kw_only=True)
class InstalledEntryPoint:
    """
    One entry point of an installed distribution, as found (nothing imported).

    Attributes:
        name: The entry point's name.
        value: Its value, ``module`` or ``module:attr``.
        group: Its group.
        distribution: The providing distribution's name.
        version: That distribution's version.
        root: The folder the distribution's files are relative to (its
            ``locate_file("")``), where known.
    """

    name: str
    value: str
    group: str
    distribution: str | None = None
    version: str | None = None
    root: str | None = None


class EntryPointError(Exception):
    """
    Loading an entry point failed; the message says how, naming the entry point.
    """


_IN_PROCESS: dict[tuple[object, ...], dict[str, tuple[InstalledEntryPoint, ...]]] = {}


def _path_state() -> tuple[object, ...]:
    """sys.path with each folder's modification time: cheap, for the in-process cache."""
    state: list[object] = [sys.prefix]
    for entry in sys.path:
        try:
            state.append((entry, os.stat(entry or ".").st_mtime_ns))
        except OSError:
            state.append((entry, None))
    return tuple(state)


def installed(group: str) -> tuple[InstalledEntryPoint, ...]:
    """
    The installed entry points of *group*, in the order importlib-metadata gives.

    A distribution found twice on ``sys.path`` is seen once (importlib-metadata keeps
    the first). Nothing is imported.
    """
    state = _path_state()
    found = _IN_PROCESS.get(state)
    if found is None:
        path = _index_path()
        key = _environment_key() if path is not None else ""
        found = (_from_index(path, key) if path is not None else None) or _scan(path, key)
        _IN_PROCESS.clear()
        _IN_PROCESS[state] = found
    return found.get(group, ())


def _environment_key() -> str:
    """
    A digest of everything an install changes: interpreter, prefix, and for each folder
    on sys.path that holds distributions, its path and each distribution's metadata
    folder name and ``entry_points.txt`` content.
    """
    from ._filesystem import read_regular_file

    digest = hashlib.blake2b(digest_size=20)
    digest.update(f"{_INDEX_FORMAT}\0{sys.version}\0{sys.executable}\0{sys.prefix}".encode())
    for entry in sys.path:
        folder = entry or "."
        try:
            names = sorted(os.listdir(folder))
        except OSError:
            try:  # a zip file or other importable file: its identity is its stat
                info = os.stat(folder)
                digest.update(f"\0file\0{entry}\0{info.st_size}\0{info.st_mtime_ns}".encode())
            except OSError:
                pass
            continue
        # A folder without distributions adds nothing to what is found, so it is left
        # out of the key: running from another folder does not invalidate the index.
        dists = [n for n in names if n.endswith((".dist-info", ".egg-info"))]
        if dists:
            digest.update(f"\0path\0{entry}".encode(errors="surrogatepass"))
        for name in dists:
            digest.update(f"\0dist\0{name}".encode(errors="surrogatepass"))
            try:
                digest.update(
                    read_regular_file(os.path.join(folder, name, "entry_points.txt"), 1 << 20)
                )
            except OSError:
                digest.update(b"\0none")
    return digest.hexdigest()


def _index_path() -> Path | None:
    from ._cache import cache_dir

    folder = cache_dir()
    if folder is None:
        return None
    # One file per interpreter, overwritten on every change: nothing to prune.
    interpreter = hashlib.blake2b(
        f"{sys.executable}\0{sys.prefix}".encode(errors="surrogatepass"), digest_size=10
    ).hexdigest()
    return folder / "entry-points" / f"{interpreter}.json"


_RECORD_KEYS = frozenset(attrs.fields_dict(InstalledEntryPoint))


def _from_index(path: Path, key: str) -> dict[str, tuple[InstalledEntryPoint, ...]] | None:
    from ._cache import read_entry

    index = read_entry(path, _MAX_INDEX_BYTES)
    # Every part of the entry is checked before use; anything odd is a miss.
    if not isinstance(index, dict) or index.get("key") != key:
        return None
    records = index.get("entry_points")
    if not isinstance(records, list):
        return None
    found: dict[str, list[InstalledEntryPoint]] = {}
    for record in records:
        if (
            not isinstance(record, dict)
            or record.keys() != _RECORD_KEYS
            or not all(isinstance(record[k], str) for k in ("name", "value", "group"))
            or not all(
                record[k] is None or isinstance(record[k], str)
                for k in ("distribution", "version", "root")
            )
            or record["group"] not in _GROUPS
        ):
            return None
        found.setdefault(record["group"], []).append(InstalledEntryPoint(**record))
    return {group: tuple(entries) for group, entries in found.items()}


def _scan(path: Path | None, key: str) -> dict[str, tuple[InstalledEntryPoint, ...]]:
    import importlib_metadata

    found: dict[str, list[InstalledEntryPoint]] = {}
    # One pass over every distribution's metadata, whatever the number of groups.
    everything = importlib_metadata.entry_points()
    for group in _GROUPS:
        for entry_point in everything.select(group=group):
            dist = entry_point.dist
            name = version = root = None
            if dist is not None:
                try:
                    name, version = dist.name, dist.version
                    root = str(dist.locate_file(""))
                except Exception:  # noqa: BLE001 - broken metadata: still listed
                    pass
            found.setdefault(group, []).append(
                InstalledEntryPoint(
                    name=entry_point.name,
                    value=entry_point.value,
                    group=group,
                    distribution=name,
                    version=version,
                    root=root,
                )
            )
    result = {group: tuple(entries) for group, entries in found.items()}
    if path is not None:
        from ._cache import write_entry

        records = [attrs.asdict(e) for entries in result.values() for e in entries]
        write_entry(path, {"key": key, "entry_points": records})
    return result


def load_entry_point(
    entry_point: InstalledEntryPoint,
    *,
    call: bool = False,
    seconds: float | None = None,
    accept: Callable[[object], bool] | None = None,
) -> object:
    """
    Import an entry point's object (and call it, if asked), containing every failure.

    Args:
        entry_point: The entry point.
        call: Call the loaded object with no arguments when it is callable and not
            accepted as it is by *accept*.
        seconds: The longest the import and call may take; ``None`` for no bound.
            Past it the entry point is reported as hanging and the work is left to
            finish in a daemon thread (Python cannot stop a thread).
        accept: Whether a loaded object is already the wanted result (not called).

    Returns:
        The object.

    Raises:
        EntryPointError: For any failure, ``SystemExit`` and other
            ``BaseException`` subclasses included; ``KeyboardInterrupt`` alone
            propagates.
    """
    import importlib_metadata

    what = f"entry point {entry_point.name} = {entry_point.value!r}"
    outcome: list[tuple[bool, object]] = []

    def work() -> None:
        try:
            loaded = importlib_metadata.EntryPoint(
                entry_point.name, entry_point.value, entry_point.group
            ).load()
            if call and callable(loaded) and not (accept is not None and accept(loaded)):
                loaded = loaded()
            outcome.append((True, loaded))
        except KeyboardInterrupt:
            outcome.append((False, KeyboardInterrupt))
        except SystemExit as exc:
            outcome.append((False, f"{what} called sys.exit({exc.code!r}) while loading"))
        except BaseException as exc:  # noqa: BLE001 - third-party failures are contained
            text = str(exc)
            text = text if len(text) <= 200 else f"{text[:197]}..."
            outcome.append((False, f"{what} failed: {type(exc).__name__}: {text}"))

    if seconds is None:
        work()
    else:
        thread = threading.Thread(target=work, name=f"interviewprep: {what}", daemon=True)
        thread.start()
        thread.join(seconds)
        if thread.is_alive():
            msg = f"{what} did not finish loading within {seconds:g} seconds; left out"
            raise EntryPointError(msg)
    if not outcome:
        msg = f"{what} stopped without a result"
        raise EntryPointError(msg)
    ok, value = outcome[0]
    if value is KeyboardInterrupt:
        raise KeyboardInterrupt
    if not ok:
        raise EntryPointError(str(value))
    return value
