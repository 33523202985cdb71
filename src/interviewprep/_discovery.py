"""
Discovery of installed packs and scorers through entry points.

Entry point groups:

``interviewprep.packs``
    Content packs. The entry point's name is the pack's name. Its value is either a
    module or package whose folder holds ``pack.toml`` / ``pack.json`` (a *data pack*,
    read without importing anything), or ``module:attr`` naming a :class:`Pack`, or a
    zero-argument callable returning a :class:`Pack` or the path of a pack folder (a
    *code pack*, which runs third-party code and is skipped in data-only mode).

``interviewprep.scorers``
    Automatic rubric scorers (see the practice tools).

Every entry point is loaded in its own ``try``: a failure becomes a
:class:`~interviewprep.Problem` naming the entry point and distribution, and never
stops the others. ``KeyboardInterrupt`` still propagates; ``SystemExit`` raised by a
pack module is contained.
"""

from __future__ import annotations

import importlib.util
import os
import re
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Literal

import attrs

from ._loading import PACK_FILES, Limits, Origin, read_pack_with_origin
from ._model import PACK_NAME_PATTERN, Pack
from ._problems import Problem
from .exceptions import PackError

__all__ = ["PACKS_GROUP", "SCORERS_GROUP", "PackSource", "find_pack_sources", "load_source"]

#: The entry point group of content packs.
PACKS_GROUP = "interviewprep.packs"
#: The entry point group of automatic rubric scorers.
SCORERS_GROUP = "interviewprep.scorers"


def normalize_name(name: str) -> str:
    """
    The form of a pack name used to detect clashes (case and ``-``/``_``/``.`` folded).
    """
    return re.sub(r"[-_.]+", "-", name).lower()


@attrs.frozen(kw_only=True)
class PackSource:
    """
    Where a pack comes from.

    Attributes:
        name: The pack's name (the entry point's name, or the folder's pack name).
        kind: ``"data"`` (a folder found through a module), ``"code"`` (a
            ``module:attr`` entry point) or ``"path"`` (a local folder).
        value: The entry point's value, or the folder's path.
        distribution: The distribution that provides it, if installed.
        version: That distribution's version.
    """

    name: str
    kind: Literal["data", "code", "path"]
    value: str
    _distribution: str | None = attrs.field(default=None, alias="distribution")
    _version: str | None = attrs.field(default=None, alias="version")
    entry_point: Any = attrs.field(default=None, eq=False, repr=False)

    # The distribution's name and version are read from its metadata only when asked
    # for: reading METADATA for every pack would double the cost of discovery.

    @property
    def distribution(self) -> str | None:
        """
        The name of the distribution that provides the pack, if installed.
        """
        dist = getattr(self.entry_point, "dist", None)
        if self._distribution is None and dist is not None:
            return str(dist.name)
        return self._distribution

    @property
    def version(self) -> str | None:
        """
        That distribution's version.
        """
        dist = getattr(self.entry_point, "dist", None)
        if self._version is None and dist is not None:
            return str(dist.version)
        return self._version

    def problem(self, message: str, **fields: Any) -> Problem:
        """
        A problem attributed to this source.
        """
        fields.setdefault("pack", self.name or None)
        fields.setdefault("distribution", self.distribution)
        if self.kind == "path":
            fields.setdefault("file", self.value)
        return Problem(message=message, **fields)


_DISCOVERED: dict[tuple[object, ...], tuple[list[PackSource], list[Problem]]] = {}


def _path_state() -> tuple[object, ...]:
    """sys.path with each entry's modification time: installing or removing a
    distribution changes its site directory's time, so a changed state means a rescan."""
    state: list[object] = []
    for entry in sys.path:
        try:
            state.append((entry, os.stat(entry or ".").st_mtime_ns))
        except OSError:
            state.append((entry, None))
    return tuple(state)


def find_pack_sources() -> tuple[list[PackSource], list[Problem]]:
    """
    Find the installed packs' entry points.

    A distribution found twice on ``sys.path`` is seen once (importlib-metadata
    de-duplicates by normalised name, first on the path wins). The result is
    cached in the process, and the entry points are indexed on disk (in the cache
    folder, see :mod:`interviewprep._cache`), until ``sys.path`` or the modification
    time of a directory on it changes.

    Returns:
        The sources, sorted by name, and the problems met
        (malformed entry point names, names claimed twice).
    """
    key = _path_state()
    cached = _DISCOVERED.get(key)
    if cached is None:
        cached = _scan(key)
        _DISCOVERED.clear()
        _DISCOVERED[key] = cached
    return list(cached[0]), list(cached[1])


def _index_file(key: tuple[object, ...]) -> Path | None:
    """Where the on-disk index for this sys.path state lives (None: caching is off)."""
    import hashlib

    from ._cache import cache_dir

    folder = cache_dir()
    if folder is None:
        return None
    digest = hashlib.blake2b(repr((sys.version, key)).encode(), digest_size=20).hexdigest()
    return folder / "discovery" / f"{digest}.json"


def _indexed_entry_points(key: tuple[object, ...]) -> list[Any] | None:
    """
    The entry points recorded for this exact sys.path state, or None on a miss.

    Installing or removing a distribution changes its site directory's modification
    time, hence the key; an entry whose distribution folder is gone, or an unreadable
    index, is a miss and leads to a full scan.
    """
    import json

    index = _index_file(key)
    if index is None:
        return None
    try:
        records = json.loads(index.read_text("utf-8"))
        import importlib_metadata

        found = []
        for record in records:
            location = Path(record["dist"])
            if not location.exists():
                return None
            entry_point = importlib_metadata.EntryPoint(
                record["name"], record["value"], PACKS_GROUP
            )
            dist = importlib_metadata.PathDistribution(location)
            found.append(entry_point._for(dist))  # type: ignore[no-untyped-call]
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None
    return found


def _record_entry_points(key: tuple[object, ...], entry_points: list[Any]) -> None:
    import json

    from ._cache import write_atomic

    index = _index_file(key)
    if index is None:
        return
    records = []
    for entry_point in entry_points:
        location = getattr(entry_point.dist, "_path", None)
        if location is None:
            return  # a distribution not on the file system: do not index
        records.append(
            {"name": entry_point.name, "value": entry_point.value, "dist": str(location)}
        )
    write_atomic(index, json.dumps(records))


def _scan(key: tuple[object, ...]) -> tuple[list[PackSource], list[Problem]]:
    import importlib_metadata

    entry_points = _indexed_entry_points(key)
    if entry_points is None:
        entry_points = list(importlib_metadata.entry_points(group=PACKS_GROUP))
        _record_entry_points(key, entry_points)

    found: list[PackSource] = []
    for entry_point in entry_points:
        kind: Literal["data", "code"] = "code" if ":" in entry_point.value else "data"
        found.append(
            PackSource(
                name=entry_point.name, kind=kind, value=entry_point.value, entry_point=entry_point
            )
        )
    claims: dict[str, list[PackSource]] = {}
    for source in found:
        claims.setdefault(normalize_name(source.name), []).append(source)
    sources: list[PackSource] = []
    problems: list[Problem] = []
    for name, group in sorted(claims.items()):
        if len(group) > 1:
            who = "; ".join(
                sorted(
                    f"{s.name} = {s.value!r} from {s.distribution or 'an unknown distribution'}"
                    for s in group
                )
            )
            for source in group:
                msg = f"pack name {name!r} is claimed more than once ({who}); all are left out"
                problems.append(source.problem(msg))
            continue
        source = group[0]
        if not PACK_NAME_PATTERN.fullmatch(source.name):
            msg = (
                f"entry point name {source.name!r} is not a valid pack name "
                "(lowercase letters, digits and '-')"
            )
            problems.append(source.problem(msg))
            continue
        sources.append(source)
    sources.sort(key=lambda s: (s.name, s.value))
    return sources, problems


class PackLoadError(Exception):
    """A pack source could not be loaded; carries the problems."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__(self.problems)


def _module_folder(source: PackSource) -> Path:
    """The folder of a data pack's module, found without importing any of its code."""
    parts = source.value.strip().split(".")
    dist = source.entry_point.dist if source.entry_point is not None else None
    relative = Path(*parts)
    if dist is not None:
        try:
            candidate = Path(str(dist.locate_file(relative)))
        except (OSError, NotImplementedError, TypeError, ValueError):
            candidate = None
        if candidate is not None and any((candidate / name).is_file() for name in PACK_FILES):
            return candidate
    try:
        spec = importlib.util.find_spec(parts[0])
    except (ImportError, ValueError) as exc:
        msg = f"cannot find module {parts[0]!r} for entry point {source.value!r}: {exc}"
        raise PackLoadError([source.problem(msg)]) from None
    if spec is None:
        msg = f"entry point {source.value!r} names module {parts[0]!r}, which is not installed"
        raise PackLoadError([source.problem(msg)])
    locations = list(spec.submodule_search_locations or [])
    if not locations and spec.origin:
        locations = [str(Path(spec.origin).parent)]
    for location in locations:
        candidate = Path(location, *parts[1:])
        if any((candidate / name).is_file() for name in PACK_FILES):
            return candidate
    msg = (
        f"module {source.value!r} has no {' or '.join(PACK_FILES)} in its folder "
        "(a data pack's module folder must hold the pack file)"
    )
    raise PackLoadError([source.problem(msg)])


def _read(
    source: PackSource, path: str | os.PathLike[str], limits: Limits
) -> tuple[Pack, Origin | None]:
    try:
        pack, origin = read_pack_with_origin(path, limits=limits)
        return pack, origin
    except PackError as exc:
        problems = [
            attrs.evolve(p, pack=source.name, distribution=source.distribution)
            for p in exc.problems
        ]
        raise PackLoadError(problems) from None


def load_source(
    source: PackSource, *, data_only: bool, limits: Limits
) -> tuple[Pack, Origin | None]:
    """
    Load the pack a source points to.

    Args:
        source: Where the pack comes from.
        data_only: Refuse to import third-party code (code packs are skipped).
        limits: Bounds on the pack files.

    Returns:
        The pack, and where its items came from (``None`` for a pack built in code).

    Raises:
        PackLoadError: With the problems; never anything else but ``KeyboardInterrupt``
            (and other non-``Exception`` errors that must end the process).
    """
    if source.kind == "path":
        pack, origin = _read(source, source.value, limits)
    elif source.kind == "data":
        pack, origin = _read(source, _module_folder(source), limits)
    elif data_only:
        msg = f"code pack {source.value!r} skipped: data-only mode does not import third-party code"
        raise PackLoadError([source.problem(msg)])
    else:
        pack, origin = _load_code_pack(source, limits)
    if source.kind != "path" and pack.name != source.name:
        msg = f"the entry point is named {source.name!r} but the pack is named {pack.name!r}"
        raise PackLoadError([source.problem(msg)])
    return pack, origin


def _load_code_pack(source: PackSource, limits: Limits) -> tuple[Pack, Origin | None]:
    what = f"entry point {source.name} = {source.value!r}"
    try:
        loaded = source.entry_point.load()
        if callable(loaded) and not isinstance(loaded, Pack):
            loaded = loaded()
    except SystemExit as exc:
        msg = f"{what} called sys.exit({exc.code!r}) while loading"
        raise PackLoadError([source.problem(msg)]) from None
    except Exception as exc:  # noqa: BLE001 - any failure of third-party code is contained
        msg = f"{what} failed: {type(exc).__name__}: {exc}"
        raise PackLoadError([source.problem(msg)]) from None
    if isinstance(loaded, Pack):
        return loaded, None
    if isinstance(loaded, str | os.PathLike):
        return _read(source, loaded, limits)
    msg = f"{what} gave {type(loaded).__name__}, not a Pack or the path of a pack folder"
    raise PackLoadError([source.problem(msg)])
