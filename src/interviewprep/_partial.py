"""
Reading a pack with problems part by part, so that one pass reports every problem.

A pack that structures as a whole never comes here; one that does not is structured
manifest first, then item by item, then rebuilt from what is fine, so that its ids,
references and texts can still be checked. Imported only when a pack has problems.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, Protocol

import attrs

from ._convert import from_dict, structure_entry
from ._model import ITEM_KINDS, ITEM_PATH, PACK_NAME_PATTERN, Pack, PackInfo, Translation
from .exceptions import Problem, StructureError, ValidationError, excerpt

__all__ = ["Collector", "Parts"]


class _Locating(Protocol):
    def locate(self, problem: Problem) -> Problem: ...


@attrs.frozen(kw_only=True)
class Parts:
    """
    What reading a pack part by part found (see ``_loading.Reading`` for each field).
    """

    problems: tuple[Problem, ...]
    partial: Pack | None
    positions: Mapping[str, tuple[int, ...]]
    broken: frozenset[str]
    name: str | None
    left_out: tuple[tuple[str, Any], ...]


#: How many times a pack is rebuilt, leaving out one more item each time, to find the
#: problems the pack as a whole checks (beyond duplicate ids, which are found at once).
_MAX_REBUILDS = 50


class Collector:
    """Structures a pack's parts one by one, to report every problem in one pass."""

    def __init__(self, merged: dict[str, Any], origin: _Locating, *, manifest: bool) -> None:
        self.merged = merged
        self.manifest = manifest
        self.origin = origin
        self.problems: list[Problem] = []
        self.broken: set[str] = set()
        self.left_out: list[tuple[str, Any]] = []

    def report(self, problems: Iterable[Problem], prefix: str) -> None:
        for problem in problems:
            path = f"{prefix}.{problem.path}" if problem.path else prefix
            if problem.path.startswith("["):
                path = f"{prefix}{problem.path}"
            self.problems.append(self.origin.locate(attrs.evolve(problem, path=path)))

    def collect(self) -> Parts:
        manifest = self.merged["pack"]
        info: PackInfo | None = None
        if self.manifest:
            try:
                info = from_dict(PackInfo, manifest)
            except StructureError as exc:
                self.report(exc.problems, "pack")
                info = _without_bad_keys(manifest, exc.problems)
        raw_name = manifest.get("name")
        name = info.name if info else raw_name if isinstance(raw_name, str) else None
        if name is not None and not PACK_NAME_PATTERN.fullmatch(name):
            name = None
        kept = {kind: self._items(kind, name) for kind in ITEM_KINDS}
        partial = None if info is None else self._build(info, kept)
        if partial is None and self.manifest:
            self.left_out.insert(0, ("pack", manifest))
            self.left_out += [
                (f"{kind}[{position}]", self.merged[kind][position])
                for kind, entries in kept.items()
                for position, _ in entries
            ]
        return Parts(
            problems=tuple(self.problems),
            partial=partial,
            positions={kind: tuple(i for i, _ in entries) for kind, entries in kept.items()},
            broken=frozenset(self.broken),
            name=name,
            left_out=tuple(self.left_out),
        )

    def _items(self, kind: str, name: str | None) -> list[tuple[int, Any]]:
        kept: list[tuple[int, Any]] = []
        first: dict[str, int] = {}
        for index, data in enumerate(self.merged.get(kind, ())):
            where = f"{kind}[{index}]"
            item = None
            try:
                item = structure_entry(kind, data)
            except StructureError as exc:
                self.report(exc.problems, where)
                self.left_out.append((where, data))
            raw_id = (
                item.id if item is not None else data.get("id") if isinstance(data, dict) else None
            )
            if not isinstance(raw_id, str):
                continue
            if raw_id in first:
                earlier = self.origin.locate(
                    Problem(message="", path=f"{kind}[{first[raw_id]}].id")
                )
                at = f"{Path(earlier.file or '').name}:{earlier.line}" if earlier.line else ""
                msg = (
                    f"duplicate id {excerpt(raw_id)}: ids must be unique per kind within a "
                    f"pack{f' (the first is at {at})' if at else ''}"
                )
                self.report([Problem(message=msg)], f"{where}.id")
                continue
            first[raw_id] = index
            if item is not None:
                kept.append((index, item))
            elif name is not None:
                self.broken.add(f"{name}/{raw_id}")
        return kept

    def _build(self, info: PackInfo, kept: dict[str, list[tuple[int, Any]]]) -> Pack | None:
        """The pack of the items kept, leaving out each item the pack refuses."""
        for _ in range(_MAX_REBUILDS):
            try:
                return _pack_of(info, kept, self.merged.get("phrases"))
            except ValidationError as exc:
                match = ITEM_PATH.match(exc.field)
                if match is None:
                    self.report([Problem(message=exc.message)], exc.field)
                    return None
                kind, index, rest = match.group(1), int(match.group(2)), match.group(3)
                position, item = kept[kind].pop(index)
                self.report([Problem(message=exc.message)], f"{kind}[{position}]{rest}")
                self.left_out.append((f"{kind}[{position}]", self.merged[kind][position]))
                if info.name and getattr(item, "id", None):
                    self.broken.add(f"{info.name}/{item.id}")
        return None


def _pack_of(info: PackInfo, kept: dict[str, list[tuple[int, Any]]], phrases: object) -> Pack:
    """A pack of the entries kept: items of each kind, and translations."""
    fields: dict[str, Any] = {kind: [] for kind in ITEM_KINDS}
    translations: list[Translation] = []
    for kind, entries in kept.items():
        for _, entry in entries:
            (translations if isinstance(entry, Translation) else fields[kind]).append(entry)
    if isinstance(phrases, dict) and all(type(v) is str for v in phrases.values()):
        fields["phrases"] = phrases
    return Pack(info=info, translations=translations, **fields)


#: Manifest keys without which the items cannot be checked as they are meant.
_ESSENTIAL_KEYS = frozenset({"", "name", "requires", "format"})


def _without_bad_keys(manifest: dict[str, Any], problems: Iterable[Problem]) -> PackInfo | None:
    """
    The manifest without its keys that have problems, so that the items can still be
    checked; ``None`` when one of them is essential.
    """
    bad = {re.split(r"[.\[]", problem.path, maxsplit=1)[0] for problem in problems}
    if bad & _ESSENTIAL_KEYS:
        return None
    try:
        return from_dict(PackInfo, {k: v for k, v in manifest.items() if k not in bad})
    except StructureError:
        return None
