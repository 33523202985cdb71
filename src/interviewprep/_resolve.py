"""
Resolving a set of loaded packs into one ordered, checked whole.

Resolution is the one place where packs meet: name clashes, selection by name and
language, requirements with version specifiers, dependency cycles, references between
items and ``replaces``. It hands the library a finished :class:`Resolution`; a pack
with any problem is left out whole (and the packs that require it after it).
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

import attrs

from ._discovery import PackSource, normalize_name
from ._loading import Origin
from ._model import (
    ITEM_KINDS,
    Checklist,
    Pack,
    Question,
    Rubric,
    Tip,
    copy_with,
    parse_requirement,
)
from .exceptions import Problem

if TYPE_CHECKING:
    from packaging.requirements import Requirement

__all__ = ["Candidate", "Resolution", "resolve"]

Item = Tip | Question | Checklist | Rubric
_NOUNS = {"tips": "tip", "questions": "question", "checklists": "checklist", "rubrics": "rubric"}


@attrs.frozen
class Candidate:
    """
    A loaded pack waiting to be resolved.

    Attributes:
        source: Where it came from.
        pack: The pack as read.
        origin: Its files, to point problems at lines; ``None`` for packs built in code.
    """

    source: PackSource
    pack: Pack
    origin: Origin | None = None


@attrs.frozen
class Resolution:
    """
    The outcome of resolving packs.

    Attributes:
        packs: The accepted packs, references resolved, a pack after those it requires.
        sources: Where each accepted pack came from, by name.
        problems: Everything that went wrong.
        warnings: Things to look at that did not leave a pack out.
        items: For each item kind, the merged items in order, a replacing item in
            the place of the item it replaces.
        aliases: For each item kind, the full id of each replaced item and the
            position of its replacement in *items*.
    """

    packs: tuple[Pack, ...]
    sources: Mapping[str, PackSource]
    problems: tuple[Problem, ...]
    warnings: tuple[Problem, ...]
    items: Mapping[str, tuple[Any, ...]]
    aliases: Mapping[str, Mapping[str, int]]


def _requirements(pack: Pack) -> list[Requirement]:
    return [parse_requirement(text) for text in pack.info.requires]


class _Pending:
    """A candidate with its requirements parsed once."""

    __slots__ = ("candidate", "name", "requirements", "requires")

    def __init__(self, candidate: Candidate) -> None:
        self.candidate = candidate
        self.name = normalize_name(candidate.pack.name)
        self.requirements = _requirements(candidate.pack)
        self.requires = {normalize_name(r.name) for r in self.requirements}

    def problem(self, message: str, path: str = "") -> Problem:
        candidate = self.candidate
        problem = candidate.source.problem(message, path=path)
        if candidate.origin is None:
            return problem
        if path:
            return candidate.origin.locate(problem)
        return attrs.evolve(problem, file=str(candidate.origin.main))


def _same_language(tag: str, wanted: str) -> bool:
    return tag.split("-")[0].casefold() == wanted.split("-")[0].casefold()


def _without_clashes(pending: list[_Pending], problems: list[Problem]) -> dict[str, _Pending]:
    by_name: dict[str, list[_Pending]] = {}
    for entry in pending:
        by_name.setdefault(entry.name, []).append(entry)
    available: dict[str, _Pending] = {}
    for name, claims in sorted(by_name.items()):
        if len(claims) == 1:
            available[name] = claims[0]
            continue
        claimants = "; ".join(
            f"{c.candidate.source.distribution or c.candidate.source.kind} "
            f"({c.candidate.source.value})"
            for c in claims
        )
        for claim in claims:
            msg = f"pack name {name!r} is claimed more than once: {claimants}; all are left out"
            problems.append(claim.problem(msg))
    return available


def _select(
    available: dict[str, _Pending],
    problems: list[Problem],
    wanted: Iterable[str] | None,
    language: str | None,
) -> dict[str, _Pending]:
    if language is not None:
        in_language = [
            n
            for n, c in available.items()
            if _same_language(c.candidate.pack.info.language, language)
        ]
        if not in_language:
            problems.append(Problem(message=f"no pack in language {language!r} is available"))
        wanted = [n for n in (wanted if wanted is not None else available) if n in in_language]
    if wanted is None:
        return available
    selected: set[str] = set()
    queue = [normalize_name(n) for n in wanted]
    for name in queue:
        if name in selected:
            continue
        if name not in available:
            if not any(normalize_name(p.pack or "") == name for p in problems):
                problems.append(Problem(pack=name, message=f"pack {name!r} is not available"))
            continue
        selected.add(name)
        queue.extend(available[name].requires)
    return {name: entry for name, entry in available.items() if name in selected}


def _drop_unmet(available: dict[str, _Pending], problems: list[Problem]) -> None:
    """Leave out packs whose requirements are missing or mismatched, until stable."""
    changed = True
    while changed:
        changed = False
        for name, entry in sorted(available.items()):
            for requirement in entry.requirements:
                needed = available.get(normalize_name(requirement.name))
                message = None
                if needed is None:
                    message = (
                        f"requires {str(requirement)!r}, but pack {requirement.name!r} "
                        "is not available"
                    )
                else:
                    version = needed.candidate.pack.info.version
                    if not requirement.specifier.contains(version, prereleases=True):
                        message = (
                            f"requires {str(requirement)!r}, but {requirement.name} "
                            f"{version} is loaded"
                        )
                if message:
                    problems.append(entry.problem(message, "pack.requires"))
                    del available[name]
                    changed = True
                    break


def _find_cycle(start: str, graph: Mapping[str, set[str]]) -> list[str]:
    path: list[str] = []
    seen: set[str] = set()
    node = start
    while node not in seen:
        seen.add(node)
        path.append(node)
        following = sorted(graph.get(node, ()))
        if not following:
            return []
        node = following[0]
    return [*path[path.index(node) :], node]


def _order(available: dict[str, _Pending], problems: list[Problem]) -> list[str]:
    """Dependency order (Kahn), ties broken by name; packs in or behind a cycle are out."""
    graph = {name: entry.requires for name, entry in available.items()}
    order: list[str] = []
    placed: set[str] = set()
    while True:
        ready = sorted(n for n in graph if n not in placed and graph[n] <= placed)
        if not ready:
            break
        order.append(ready[0])
        placed.add(ready[0])
    for name in sorted(set(graph) - placed):
        cycle = _find_cycle(name, {n: d - placed for n, d in graph.items() if n not in placed})
        text = " -> ".join(cycle) if cycle else "a pack caught in one"
        problems.append(available[name].problem(f"dependency cycle: {text}", "pack.requires"))
    return order


class _Merged:
    """The items accepted so far, by kind, with replacements in place."""

    def __init__(self) -> None:
        self.lookups: dict[str, dict[str, Any]] = {kind: {} for kind in ITEM_KINDS}
        self.replaced_by: dict[str, str] = {}
        self.items: dict[str, list[Any]] = {kind: [] for kind in ITEM_KINDS}
        self.positions: dict[str, dict[str, int]] = {kind: {} for kind in ITEM_KINDS}

    def add(self, pack: Pack) -> None:
        for kind in ITEM_KINDS:
            bucket, positions, lookup = self.items[kind], self.positions[kind], self.lookups[kind]
            for item in getattr(pack, kind):
                lookup[item.full_id] = item
                if item.replaces is not None:
                    self.replaced_by[item.replaces] = item.full_id
                    lookup[item.replaces] = item
                    bucket[positions[item.replaces]] = item
                    positions[item.full_id] = positions[item.replaces]
                else:
                    positions[item.full_id] = len(bucket)
                    bucket.append(item)


def _resolve_references(
    entry: _Pending, merged: _Merged, closure: set[str], warnings: list[Problem]
) -> tuple[Pack, list[Problem]]:
    """The pack with its references made full ids, or the problems of its items."""
    pack = entry.candidate.pack
    name = pack.name
    problems: list[Problem] = []
    own = {kind: {item.full_id: item for item in getattr(pack, kind)} for kind in ITEM_KINDS}
    direct = {normalize_name(r.name) for r in entry.requirements}

    def reference(kind: str, text: str, path: str) -> str:
        full = text if "/" in text else sys.intern(f"{name}/{text}")
        target = full.partition("/")[0]
        if target != name and target not in closure:
            msg = (
                f"refers to {_NOUNS[kind]} {full!r} of pack {target!r}, which this pack "
                "does not require (add it to requires)"
            )
            problems.append(entry.problem(msg, path))
        elif full not in own[kind] and full not in merged.lookups[kind]:
            msg = f"refers to {_NOUNS[kind]} {full!r}, which does not exist"
            problems.append(entry.problem(msg, path))
        return full

    resolved: dict[str, list[Any]] = {kind: [] for kind in ITEM_KINDS}
    for kind in ITEM_KINDS:
        for index, item in enumerate(getattr(pack, kind)):
            path = f"{kind}[{index}]"
            if item.replaces is not None:
                message = _replaces_problem(item.replaces, kind, name, direct, merged)
                if message:
                    problems.append(entry.problem(message, f"{path}.replaces"))
            if isinstance(item, Question) and item.rubric is not None:
                rubric = reference("rubrics", item.rubric, f"{path}.rubric")
                if rubric != item.rubric:
                    item = copy_with(item, rubric=rubric)
                target = own["rubrics"].get(rubric) or merged.lookups["rubrics"].get(rubric)
                unsuited = _unsuited(item, target)
                if unsuited:
                    problem = entry.problem(unsuited, f"{path}.rubric")
                    warnings.append(attrs.evolve(problem, severity="warning"))
            elif isinstance(item, Checklist):
                entries = []
                for position, checklist_item in enumerate(item.items):
                    tips = tuple(
                        reference("tips", tip, f"{path}.items[{position}].tips[{n}]")
                        for n, tip in enumerate(checklist_item.tips)
                    )
                    changed = tips != checklist_item.tips
                    entries.append(
                        copy_with(checklist_item, tips=tips) if changed else checklist_item
                    )
                if any(new is not old for new, old in zip(entries, item.items, strict=True)):
                    item = copy_with(item, items=tuple(entries))
            resolved[kind].append(item)
    if problems:
        return pack, problems
    return copy_with(pack, **{kind: tuple(items) for kind, items in resolved.items()}), []


def _unsuited(question: Question, rubric: Rubric | None) -> str | None:
    """Why *rubric* does not suit the question's answer type, if it does not."""
    if rubric is None or question.answer_type is None or not rubric.answer_types:
        return None
    if question.answer_type in rubric.answer_types:
        return None
    kinds = ", ".join(sorted(rubric.answer_types))
    return (
        f"rubric {rubric.full_id!r} rates {kinds} answers, not {question.answer_type} "
        "answers: pick a rubric for this answer type, or leave rubric out to use the default"
    )


def _replaces_problem(
    replaces: str, kind: str, name: str, direct: set[str], merged: _Merged
) -> str | None:
    target = replaces.partition("/")[0]
    if target == name:
        return "an item cannot replace an item of its own pack"
    if target not in direct:
        return f"replaces {replaces!r}, but pack {target!r} is not in this pack's requires"
    if replaces in merged.replaced_by:
        return f"{replaces!r} is already replaced by {merged.replaced_by[replaces]!r}"
    if replaces not in merged.lookups[kind]:
        return f"replaces {_NOUNS[kind]} {replaces!r}, which does not exist"
    return None


def resolve(
    candidates: Iterable[Candidate],
    problems: Iterable[Problem] = (),
    *,
    wanted: Iterable[str] | None = None,
    language: str | None = None,
) -> Resolution:
    """
    Resolve loaded packs: clashes, selection, requirements, order, references, replaces.

    Args:
        candidates: The loaded packs.
        problems: Problems met before (while finding and reading packs), kept first.
        wanted: Names of the packs to keep, with what they require; ``None`` for all.
        language: Keep only packs in this language and what they require.

    Returns:
        The resolution; never raises for content problems.
    """
    found = list(problems)
    pending = [_Pending(candidate) for candidate in candidates]
    available = _select(_without_clashes(pending, found), found, wanted, language)
    _drop_unmet(available, found)
    merged = _Merged()
    warnings: list[Problem] = []
    closures: dict[str, set[str]] = {}
    packs: list[Pack] = []
    sources: dict[str, PackSource] = {}
    for name in _order(available, found):
        entry = available[name]
        missing = sorted(entry.requires - set(closures))
        if missing:
            msg = f"requires pack {missing[0]!r}, which was left out because of its own problems"
            found.append(entry.problem(msg, "pack.requires"))
            continue
        closure = set(entry.requires).union(*(closures[r] for r in entry.requires))
        pack_warnings: list[Problem] = []
        pack, pack_problems = _resolve_references(entry, merged, closure, pack_warnings)
        if pack_problems:
            found.extend(pack_problems)
            continue
        warnings.extend(pack_warnings)
        closures[name] = closure
        packs.append(pack)
        sources[pack.name] = entry.candidate.source
        merged.add(pack)
    aliases = {
        kind: {
            replaced: merged.positions[kind][replaced]
            for replaced in merged.replaced_by
            if replaced in merged.positions[kind]
        }
        for kind in ITEM_KINDS
    }
    return Resolution(
        packs=tuple(packs),
        sources=sources,
        problems=tuple(found),
        warnings=tuple(warnings),
        items={kind: tuple(items) for kind, items in merged.items.items()},
        aliases=aliases,
    )
