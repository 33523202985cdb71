"""
The library: installed and local packs merged into one queryable collection.
"""

from __future__ import annotations

import enum
import os
import sys
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, TypeVar, cast, overload

import attrs

from ._discovery import PackLoadError, PackSource, find_pack_sources, load_source, normalize_name
from ._loading import Limits, Origin
from ._model import Checklist, Pack, Question, Rubric, Tip
from ._problems import Problem
from .exceptions import PackError

if TYPE_CHECKING:
    from packaging.requirements import Requirement

__all__ = ["Items", "Library", "load_library"]

T = TypeVar("T", Tip, Question, Checklist, Rubric)
Item = Tip | Question | Checklist | Rubric
_KINDS = ("tips", "questions", "checklists", "rubrics")
_KIND_NAMES = {
    "tips": "tip",
    "questions": "question",
    "checklists": "checklist",
    "rubrics": "rubric",
}

#: Filter names that are the singular of a set-valued field.
_ALIASES = {
    "stage": "stages",
    "audience": "audiences",
    "format": "formats",
    "tag": "tags",
    "cover": "covers",
}
#: Set-valued vocabulary fields where an empty set means "any".
_UNIVERSAL_WHEN_EMPTY = frozenset({"stages", "audiences", "formats"})
_NOT_FILTERABLE = frozenset({"id", "title", "body", "text", "guidance", "pitfalls", "follow_ups"})
_NOT_FILTERABLE |= {"items", "criteria", "scale", "description", "replaces"}


class _Index(Generic[T]):
    """All items of one kind, with lookups by full id and lazily built field indexes."""

    __slots__ = ("fields", "item_type", "items", "lookup", "value_index")

    def __init__(self, item_type: type[T], items: Sequence[T], aliases: Mapping[str, int]) -> None:
        self.item_type: type[T] = item_type
        self.items: tuple[T, ...] = tuple(items)
        self.lookup: dict[str, int] = {item.full_id: n for n, item in enumerate(self.items)}
        self.lookup.update(aliases)
        self.fields: tuple[str, ...] = tuple(
            a.name for a in attrs.fields(item_type) if a.name not in _NOT_FILTERABLE
        )
        self.value_index: dict[str, tuple[dict[str, frozenset[int]], frozenset[int]]] = {}

    def field_index(self, field: str) -> tuple[dict[str, frozenset[int]], frozenset[int]]:
        """Positions by value of *field*, and the positions that match any value."""
        built = self.value_index.get(field)
        if built is not None:
            return built
        buckets: dict[str, set[int]] = {}
        universal: set[int] = set()
        for position, item in enumerate(self.items):
            value = getattr(item, field)
            if isinstance(value, frozenset):
                if not value and field in _UNIVERSAL_WHEN_EMPTY:
                    universal.add(position)
                for member in value:
                    buckets.setdefault(str(member), set()).add(position)
            elif value is not None:
                buckets.setdefault(str(value), set()).add(position)
        built = ({k: frozenset(v) for k, v in buckets.items()}, frozenset(universal))
        self.value_index[field] = built
        return built


class Items(Generic[T]):
    """
    The items of one kind in a library, or a filtered selection of them.

    Iterating yields items in the library's order: packs in dependency order (a pack
    after the packs it requires, ties broken by name), items in file order within a
    pack, and a replacing item in the place of the item it replaces.

    Items are indexable by full id (``items["core/thank-each-interviewer"]``); the
    full id of a replaced item finds its replacement.
    """

    __slots__ = ("_index", "_positions", "_selected", "_selected_built")

    def __init__(self, index: _Index[T], positions: Sequence[int] | None = None) -> None:
        self._index: _Index[T] = index
        self._positions: Sequence[int] = range(len(index.items)) if positions is None else positions
        self._selected: frozenset[int] | None = None
        self._selected_built = positions is None

    def __iter__(self) -> Iterator[T]:
        items = self._index.items
        return (items[position] for position in self._positions)

    def __len__(self) -> int:
        return len(self._positions)

    def __bool__(self) -> bool:
        return bool(self._positions)

    def __repr__(self) -> str:
        return f"<Items of {self._index.item_type.__name__}: {len(self)}>"

    @property
    def _members(self) -> frozenset[int] | None:
        """The positions of a selection as a set, built on first use; ``None`` for all."""
        if not self._selected_built:
            self._selected = frozenset(self._positions)
            self._selected_built = True
        return self._selected

    def _position(self, full_id: str) -> int | None:
        position = self._index.lookup.get(full_id)
        members = self._members
        if position is None or (members is not None and position not in members):
            return None
        return position

    def __getitem__(self, full_id: str) -> T:
        """
        The item with this full id (``pack/id``).

        Raises:
            KeyError: If there is no such item in this selection.
        """
        position = self._position(full_id)
        if position is None:
            kind = self._index.item_type.__name__.lower()
            msg = f"no {kind} {full_id!r}"
            raise KeyError(msg)
        return self._index.items[position]

    def __contains__(self, full_id: object) -> bool:
        return isinstance(full_id, str) and self._position(full_id) is not None

    def get(self, full_id: str, default: T | None = None) -> T | None:
        """
        The item with this full id, or *default*.
        """
        position = self._position(full_id)
        return default if position is None else self._index.items[position]

    def ids(self) -> list[str]:
        """
        The full ids of the items, in order.
        """
        return [item.full_id for item in self]

    def filter(self, **criteria: Any) -> Items[T]:
        """
        The items matching every criterion, in the same order.

        Each keyword names a field (``topic``, ``kind``, ``asked_by``, ``intent``,
        ``stage``/``stages``, ``audience``/``audiences``, ``format``/``formats``,
        ``tag``/``tags``, ``pack``, ``rubric``, ...). A value may be a single value
        or a collection meaning "any of these"; enum members and their string
        values are the same. For stages, audiences and formats an item with none
        listed applies to all and so matches any value.

        Args:
            criteria: Field names and wanted values.

        Returns:
            A new selection; indexes are built once per field and shared.

        Raises:
            TypeError: For a field the items do not have.
        """
        index: _Index[T] = self._index
        # Each criterion matches the union of a few index buckets (plus the items that
        # apply to any value). Start from the smallest candidate set and test membership
        # in the others, so the cost follows the smallest set, not the library's size.
        constraints: list[tuple[int, list[frozenset[int]]]] = []
        for name, wanted in criteria.items():
            field = name if name in index.fields else _ALIASES.get(name, name)
            if field not in index.fields:
                allowed = ", ".join(sorted({*index.fields, *_ALIASES} - {"cover"}))
                kind = index.item_type.__name__
                msg = f"cannot filter {kind} items by {name!r}; use one of: {allowed}"
                raise TypeError(msg)
            values = [wanted] if isinstance(wanted, str | enum.Enum) else list(wanted)
            buckets, universal = index.field_index(field)
            parts = [universal] if universal else []
            for value in values:
                key = value.value if isinstance(value, enum.Enum) else str(value)
                bucket = buckets.get(key)
                if bucket:
                    parts.append(bucket)
            constraints.append((sum(len(p) for p in parts), parts))
        if not constraints:
            return self
        members = self._members
        if members is not None:
            constraints.append((len(members), [members]))
        constraints.sort(key=lambda entry: entry[0])
        smallest = constraints[0][0]
        result: set[int] | frozenset[int] | None = None
        pending: list[list[frozenset[int]]] = []
        for size, parts in constraints:
            if len(parts) == 1 or size <= 4 * smallest:
                merged = parts[0] if len(parts) == 1 else frozenset().union(*parts)
                # Set intersection runs in C and walks the smaller operand.
                result = merged if result is None else result & merged
            else:
                pending.append(parts)
        assert result is not None
        if pending:
            result = {
                p for p in result if all(any(p in part for part in parts) for parts in pending)
            }
        return Items(index, sorted(result))


@attrs.frozen
class _Candidate:
    source: PackSource
    pack: Pack
    origin: Origin | None


class Library:
    """
    Packs merged into one collection of tips, questions, checklists and rubrics.

    Build one with :func:`load_library`, or with :meth:`from_packs` to skip
    discovery (handy in tests).

    Attributes:
        packs: The loaded packs, a pack after the packs it requires.
        sources: Where each loaded pack came from, by pack name.
        problems: Everything that went wrong; a pack with a problem is left out whole.
        tips: The tips.
        questions: The questions, asked of the candidate and to ask.
        checklists: The checklists.
        rubrics: The rubrics.
    """

    __slots__ = ("checklists", "packs", "problems", "questions", "rubrics", "sources", "tips")

    def __init__(
        self,
        packs: Sequence[Pack],
        *,
        sources: Mapping[str, PackSource] | None = None,
        problems: Iterable[Problem] = (),
        aliases: Mapping[str, Mapping[str, int]] | None = None,
    ) -> None:
        self.packs: tuple[Pack, ...] = tuple(packs)
        self.sources: Mapping[str, PackSource] = dict(sources or {})
        self.problems: tuple[Problem, ...] = tuple(problems)
        aliases = aliases or {}
        merged: dict[str, list[Any]] = {kind: [] for kind in _KINDS}
        replaced: dict[str, dict[str, int]] = {kind: {} for kind in _KINDS}
        for pack in self.packs:
            for kind in _KINDS:
                bucket = merged[kind]
                positions = replaced[kind]
                for item in getattr(pack, kind):
                    if item.replaces is not None and item.replaces in positions:
                        bucket[positions[item.replaces]] = item
                        positions[item.full_id] = positions[item.replaces]
                    else:
                        positions[item.full_id] = len(bucket)
                        bucket.append(item)
        self.tips: Items[Tip] = Items(_Index(Tip, merged["tips"], replaced["tips"]))
        self.questions: Items[Question] = Items(
            _Index(Question, merged["questions"], replaced["questions"])
        )
        self.checklists: Items[Checklist] = Items(
            _Index(Checklist, merged["checklists"], replaced["checklists"])
        )
        self.rubrics: Items[Rubric] = Items(_Index(Rubric, merged["rubrics"], replaced["rubrics"]))

    @classmethod
    def from_packs(cls, packs: Iterable[Pack], *, strict: bool = False) -> Library:
        """
        Merge packs given in code, without discovering installed ones.

        The packs go through the same checks as discovered ones (requirements,
        cycles, references, ``replaces``).

        Args:
            packs: The packs, in any order.
            strict: Raise instead of leaving out packs with problems.

        Returns:
            The library.

        Raises:
            PackError: In strict mode, if anything went wrong.
        """
        candidates = [
            _Candidate(PackSource(name=pack.name, kind="code", value="<in memory>"), pack, None)
            for pack in packs
        ]
        return _merge(candidates, [], wanted=None, strict=strict)

    def __repr__(self) -> str:
        names = ", ".join(f"{p.name} {p.info.version}" for p in self.packs)
        return f"<Library [{names}] with {len(self.problems)} problem(s)>"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Library):
            return NotImplemented
        return self.packs == other.packs and all(
            list(getattr(self, kind)) == list(getattr(other, kind)) for kind in _KINDS
        )

    __hash__ = None  # type: ignore[assignment]

    @overload
    def get(self, full_id: str) -> Item | None: ...
    @overload
    def get(self, full_id: str, default: Item) -> Item: ...

    def get(self, full_id: str, default: Item | None = None) -> Item | None:
        """
        The item of any kind with this full id, or *default*.

        Ids are unique per kind, so a tip and a question may share one; ask the
        kind's collection (``library.tips[full_id]``) to pick one.

        Raises:
            LookupError: If items of several kinds have this full id.
        """
        found = [
            item
            for kind in _KINDS
            if (item := cast(Items[Any], getattr(self, kind)).get(full_id)) is not None
        ]
        if len(found) > 1:
            kinds = ", ".join(type(item).__name__ for item in found)
            msg = f"{full_id!r} names items of several kinds ({kinds}): ask one collection"
            raise LookupError(msg)
        return found[0] if found else default


def _requirements(pack: Pack) -> list[Requirement]:
    from packaging.requirements import Requirement

    return [Requirement(text) for text in pack.info.requires]


def _problem(candidate: _Candidate, message: str, path: str = "") -> Problem:
    problem = candidate.source.problem(message, path=path)
    if path and candidate.origin is not None:
        return candidate.origin.locate(problem)
    if candidate.origin is not None:
        return attrs.evolve(problem, file=str(candidate.origin.main))
    return problem


def _resolve(reference: str, pack: str) -> str:
    return reference if "/" in reference else sys.intern(f"{pack}/{reference}")


def _with(item: Any, **changes: Any) -> Any:
    """
    A copy of a validated item with some fields replaced by values known to be valid.

    ``attrs.evolve`` would run every converter and validator again; resolving the
    references of 100 000 questions that way costs seconds.
    """
    cls = type(item)
    copy = object.__new__(cls)
    for attribute in attrs.fields(cls):
        name = attribute.name
        object.__setattr__(copy, name, changes[name] if name in changes else getattr(item, name))
    return copy


def _check_pack(
    candidate: _Candidate,
    lookups: Mapping[str, Mapping[str, Item]],
    replaced_by: Mapping[str, str],
    closure: set[str],
) -> tuple[Pack, list[Problem]]:
    """Resolve references and check ``replaces``; returns the resolved pack and problems."""
    pack = candidate.pack
    name = pack.name
    problems: list[Problem] = []
    direct = {normalize_name(r.name) for r in _requirements(pack)}
    own = {kind: {item.full_id: item for item in getattr(pack, kind)} for kind in _KINDS}

    def find(kind: str, full_id: str) -> Item | None:
        return own[kind].get(full_id) or lookups[kind].get(full_id)

    def check_reference(kind: str, reference: str, path: str) -> str:
        full = _resolve(reference, name)
        target_pack = full.partition("/")[0]
        noun = _KIND_NAMES[kind]
        if target_pack != name and target_pack not in closure:
            msg = (
                f"refers to {noun} {full!r} of pack {target_pack!r}, which this pack "
                "does not require (add it to requires)"
            )
            problems.append(_problem(candidate, msg, path))
        elif find(kind, full) is None:
            problems.append(
                _problem(candidate, f"refers to {noun} {full!r}, which does not exist", path)
            )
        return full

    resolved: dict[str, list[Any]] = {kind: [] for kind in _KINDS}
    for kind in _KINDS:
        for index, item in enumerate(getattr(pack, kind)):
            path = f"{kind}[{index}]"
            if item.replaces is not None:
                target_pack = item.replaces.partition("/")[0]
                noun = _KIND_NAMES[kind]
                if target_pack == name:
                    msg = "an item cannot replace an item of its own pack"
                    problems.append(_problem(candidate, msg, f"{path}.replaces"))
                elif target_pack not in direct:
                    msg = (
                        f"replaces {item.replaces!r}, but pack {target_pack!r} is not in "
                        "this pack's requires"
                    )
                    problems.append(_problem(candidate, msg, f"{path}.replaces"))
                elif item.replaces not in lookups[kind] or item.replaces in replaced_by:
                    if item.replaces in replaced_by:
                        other = replaced_by[item.replaces]
                        msg = f"{item.replaces!r} is already replaced by {other!r}"
                    else:
                        msg = f"replaces {noun} {item.replaces!r}, which does not exist"
                    problems.append(_problem(candidate, msg, f"{path}.replaces"))
            if isinstance(item, Question) and item.rubric is not None:
                rubric = check_reference("rubrics", item.rubric, f"{path}.rubric")
                if rubric != item.rubric:
                    item = _with(item, rubric=rubric)
            elif isinstance(item, Checklist):
                entries = []
                for position, entry in enumerate(item.items):
                    tips = tuple(
                        check_reference("tips", tip, f"{path}.items[{position}].tips[{n}]")
                        for n, tip in enumerate(entry.tips)
                    )
                    entries.append(_with(entry, tips=tips) if tips != entry.tips else entry)
                if any(new is not old for new, old in zip(entries, item.items, strict=True)):
                    item = _with(item, items=tuple(entries))
            resolved[kind].append(item)
    if problems:
        return pack, problems
    changes: dict[str, Any] = {kind: tuple(items) for kind, items in resolved.items()}
    return _with(pack, **changes), []


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


def _same_language(tag: str, wanted: str) -> bool:
    return tag.split("-")[0].casefold() == wanted.split("-")[0].casefold()


def _merge(
    candidates: list[_Candidate],
    problems: list[Problem],
    *,
    wanted: Iterable[str] | None,
    strict: bool,
    language: str | None = None,
) -> Library:
    """Merge loaded packs: clashes, selection, requirements, order, references."""
    by_name: dict[str, list[_Candidate]] = {}
    for candidate in candidates:
        by_name.setdefault(normalize_name(candidate.pack.name), []).append(candidate)
    available: dict[str, _Candidate] = {}
    for name, claims in sorted(by_name.items()):
        if len(claims) == 1:
            available[name] = claims[0]
            continue
        claimants = "; ".join(
            f"{c.source.distribution or c.source.kind} ({c.source.value})" for c in claims
        )
        for claim in claims:
            msg = f"pack name {name!r} is claimed more than once: {claimants}; all are left out"
            problems.append(_problem(claim, msg))

    if language is not None:
        in_language = [
            n for n, c in available.items() if _same_language(c.pack.info.language, language)
        ]
        if not in_language:
            problems.append(Problem(message=f"no pack in language {language!r} is available"))
        wanted = [n for n in (wanted if wanted is not None else available) if n in in_language]
    if wanted is not None:
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
            queue.extend(normalize_name(r.name) for r in _requirements(available[name].pack))
        available = {name: c for name, c in available.items() if name in selected}

    # Requirements: drop packs whose requirements are missing or mismatched, until stable.
    changed = True
    while changed:
        changed = False
        for name, candidate in sorted(available.items()):
            for requirement in _requirements(candidate.pack):
                needed = available.get(normalize_name(requirement.name))
                message = None
                if needed is None:
                    message = (
                        f"requires {str(requirement)!r}, but pack {requirement.name!r} "
                        "is not available"
                    )
                elif not requirement.specifier.contains(needed.pack.info.version, prereleases=True):
                    message = (
                        f"requires {str(requirement)!r}, but {requirement.name} "
                        f"{needed.pack.info.version} is loaded"
                    )
                if message:
                    problems.append(_problem(candidate, message, "pack.requires"))
                    del available[name]
                    changed = True
                    break

    # Dependency order (Kahn), ties broken by name; what is left is in or behind a cycle.
    graph = {
        name: {normalize_name(r.name) for r in _requirements(c.pack)}
        for name, c in available.items()
    }
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
        problems.append(_problem(available[name], f"dependency cycle: {text}", "pack.requires"))

    # References and replacements, pack by pack in order.
    accepted: dict[str, _Candidate] = {}
    lookups: dict[str, dict[str, Item]] = {kind: {} for kind in _KINDS}
    replaced_by: dict[str, str] = {}
    closures: dict[str, set[str]] = {}
    packs: list[Pack] = []
    for name in order:
        candidate = available[name]
        requires = graph[name]
        missing = sorted(requires - set(accepted))
        if missing:
            msg = f"requires pack {missing[0]!r}, which was left out because of its own problems"
            problems.append(_problem(candidate, msg, "pack.requires"))
            continue
        closure = set(requires).union(*(closures[r] for r in requires))
        resolved, found = _check_pack(candidate, lookups, replaced_by, closure)
        if found:
            problems.extend(found)
            continue
        closures[name] = closure
        accepted[name] = candidate
        packs.append(resolved)
        for kind in _KINDS:
            for item in getattr(resolved, kind):
                lookups[kind][item.full_id] = item
                if item.replaces is not None:
                    replaced_by[item.replaces] = item.full_id
                    lookups[kind][item.replaces] = item

    if strict and problems:
        raise PackError(problems)
    sources = {c.pack.name: c.source for c in accepted.values()}
    return Library(packs, sources=sources, problems=problems)


def load_library(
    *,
    packs: Iterable[str] | None = None,
    paths: Iterable[str | os.PathLike[str]] = (),
    strict: bool = False,
    data_only: bool = False,
    limits: Limits | None = None,
    language: str | None = None,
) -> Library:
    """
    Load the installed packs (or those named) and local pack folders into a library.

    A pack that fails in any way — unreadable, invalid, a missing requirement, a
    dangling reference, a clash of names, an exception in its code — is left out
    whole and reported in :attr:`Library.problems`; the others load.

    Args:
        packs: Names of the packs to load; the packs they require come along.
            ``None`` loads every installed pack.
        paths: Local pack folders (or pack files) to load as well.
        strict: Raise :class:`PackError` with every problem instead of leaving
            packs out.
        data_only: Import no third-party code: data packs are read through their
            distribution's files; code packs are skipped with a problem.
        limits: Bounds on pack files (size, nesting, item count).
        language: Keep only packs in this language (``"de"`` matches ``"de-CH"``)
            and the packs they require, so a translation pack's wording wins
            and packs in other languages stay out.

    Returns:
        The library.

    Raises:
        PackError: In strict mode, if anything went wrong.
    """
    limits = limits or Limits()
    sources, problems = find_pack_sources()
    candidates: list[_Candidate] = []
    for source in sources:
        try:
            pack, origin = load_source(source, data_only=data_only, limits=limits)
        except PackLoadError as failure:
            problems.extend(failure.problems)
            continue
        candidates.append(_Candidate(source, pack, origin))
    seen_paths: set[Path] = set()
    for path in paths:
        resolved = Path(path).resolve()
        if resolved in seen_paths:
            continue
        seen_paths.add(resolved)
        source = PackSource(name="", kind="path", value=str(path))
        try:
            pack, origin = load_source(source, data_only=data_only, limits=limits)
        except PackLoadError as failure:
            problems.extend(attrs.evolve(p, pack=p.pack or None) for p in failure.problems)
            continue
        candidates.append(_Candidate(attrs.evolve(source, name=pack.name), pack, origin))
    return _merge(candidates, problems, wanted=packs, strict=strict, language=language)


def with_installed(
    pack: Pack, origin: Origin | None, path: Path, *, data_only: bool = True
) -> Library:
    """
    Merge *pack* (read from *path*) with the installed packs, setting aside any
    installed pack of the same name. Only *pack* and what it requires are kept.
    """
    sources, _ = find_pack_sources()
    candidates: list[_Candidate] = []
    own = normalize_name(pack.name)
    for source in sources:
        if normalize_name(source.name) == own:
            continue
        try:
            loaded, loaded_origin = load_source(source, data_only=data_only, limits=Limits())
        except PackLoadError:
            continue
        candidates.append(_Candidate(source, loaded, loaded_origin))
    source = PackSource(name=pack.name, kind="path", value=str(path))
    candidates.append(_Candidate(source, pack, origin))
    return _merge(candidates, [], wanted=[pack.name], strict=False)


def check_against_installed(pack: Pack, origin: Origin, path: Path) -> list[Problem]:
    """
    The problems of *pack* when merged with the installed packs it requires.
    """
    library = with_installed(pack, origin, path)
    return [p for p in library.problems if p.pack == pack.name]
