"""
Pack sources: where each installed or local pack comes from, and reading it from there.

Installed packs are the entry points of the ``interviewprep.packs`` group (see
:mod:`._entrypoints`). A data pack is read from its module's folder without importing
anything; a code pack runs third-party code and is skipped in data-only mode. Every
failure becomes a :class:`~interviewprep.Problem` naming the pack and distribution.
"""

from __future__ import annotations

import importlib.util
import os
import re
from pathlib import Path
from typing import Any, Literal

import attrs

from ._entrypoints import (
    PACKS_GROUP,
    EntryPointError,
    InstalledEntryPoint,
    installed,
    load_entry_point,
)
from ._files import Limits
from ._loading import PACK_FILES, Origin, load_pack_with_origin
from ._model import PACK_NAME_PATTERN, Pack
from .exceptions import PackError, Problem

__all__ = ["PackSource", "find_pack_sources", "load_source", "normalize_name"]


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
    distribution: str | None = None
    version: str | None = None
    entry_point: InstalledEntryPoint | None = attrs.field(default=None, eq=False, repr=False)

    def problem(self, message: str, **fields: Any) -> Problem:
        """
        A problem attributed to this source.
        """
        fields.setdefault("pack", self.name or None)
        fields.setdefault("distribution", self.distribution)
        if self.kind == "path":
            fields.setdefault("file", self.value)
        return Problem(message=message, **fields)


class SourceError(Exception):
    """A pack source could not be loaded; carries its problems."""

    def __init__(self, problems: tuple[Problem, ...]) -> None:
        super().__init__(problems)
        self.problems = problems


def find_pack_sources() -> tuple[list[PackSource], list[Problem]]:
    """
    The installed packs' sources, sorted by name, and the problems met.

    An entry point whose name is not a valid pack name is a problem of its own
    distribution and nothing else. Clashes between names are found when the packs
    are resolved (see :mod:`._resolve`), with local pack folders among them.
    """
    sources: list[PackSource] = []
    problems: list[Problem] = []
    for entry_point in installed(PACKS_GROUP):
        source = PackSource(
            name=entry_point.name,
            kind="code" if ":" in entry_point.value else "data",
            value=entry_point.value,
            distribution=entry_point.distribution,
            version=entry_point.version,
            entry_point=entry_point,
        )
        if PACK_NAME_PATTERN.fullmatch(source.name):
            sources.append(source)
        else:
            msg = (
                f"entry point name {source.name!r} is not a valid pack name (ASCII "
                "lowercase letters, digits and '-'); the entry point is left out"
            )
            problems.append(source.problem(msg, pack=None))
    kept = sources
    kept.sort(key=lambda s: (s.name, s.value))
    return kept, problems


def _module_folder(source: PackSource) -> Path:
    """The folder of a data pack's module, found without importing any of its code."""
    parts = source.value.strip().split(".")
    if not all(part.isidentifier() for part in parts):
        msg = f"entry point {source.value!r} is not a module name"
        raise SourceError((source.problem(msg),))
    root = source.entry_point.root if source.entry_point is not None else None
    if root:
        candidate = Path(root, *parts)
        if any((candidate / name).is_file() for name in PACK_FILES):
            return candidate
    try:
        spec = importlib.util.find_spec(parts[0])
    except (ImportError, ValueError) as exc:
        msg = f"cannot find module {parts[0]!r} for entry point {source.value!r}: {exc}"
        raise SourceError((source.problem(msg),)) from None
    if spec is None:
        msg = f"entry point {source.value!r} names module {parts[0]!r}, which is not installed"
        raise SourceError((source.problem(msg),))
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
    raise SourceError((source.problem(msg),))


def _read(
    source: PackSource, path: str | os.PathLike[str], limits: Limits
) -> tuple[Pack, Origin | None]:
    try:
        pack, origin = load_pack_with_origin(path, limits=limits)
    except PackError as exc:
        problems = tuple(
            attrs.evolve(p, pack=source.name or p.pack, distribution=source.distribution)
            for p in exc.problems
        )
        raise SourceError(problems) from None
    return pack, origin


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
        SourceError: With the problems; never anything else but ``KeyboardInterrupt``.
    """
    try:
        if source.kind == "path":
            pack, origin = _read(source, source.value, limits)
        elif source.kind == "data":
            pack, origin = _read(source, _module_folder(source), limits)
        elif data_only:
            msg = (
                f"code pack {source.value!r} skipped: data-only mode does not import "
                "third-party code"
            )
            raise SourceError((source.problem(msg),))
        else:
            pack, origin = _load_code_pack(source, limits)
    except SourceError:
        raise
    except Exception as exc:  # noqa: BLE001 - whatever a pack source does is contained
        msg = f"cannot load the pack: {type(exc).__name__}: {exc}"
        raise SourceError((source.problem(msg),)) from None
    if source.kind != "path" and pack.name != source.name:
        msg = f"the entry point is named {source.name!r} but the pack is named {pack.name!r}"
        raise SourceError((source.problem(msg),))
    return pack, origin


def _load_code_pack(source: PackSource, limits: Limits) -> tuple[Pack, Origin | None]:
    assert source.entry_point is not None
    try:
        loaded = load_entry_point(
            source.entry_point,
            call=True,
            seconds=limits.code_pack_seconds,
            accept=lambda value: isinstance(value, Pack),
        )
    except EntryPointError as exc:
        raise SourceError((source.problem(str(exc)),)) from None
    if isinstance(loaded, Pack):
        return loaded, None
    if isinstance(loaded, str | os.PathLike):
        return _read(source, loaded, limits)
    what = f"entry point {source.name} = {source.value!r}"
    msg = f"{what} gave {type(loaded).__name__}, not a Pack or the path of a pack folder"
    raise SourceError((source.problem(msg),))
