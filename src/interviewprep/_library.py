"""
The library: installed and local packs merged into one queryable collection.
"""

from __future__ import annotations

import enum
import os
import typing
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, Generic, TypeVar, cast, overload

import attrs

from ._discovery import PackSource, SourceError, find_pack_sources, load_source, normalize_name
from ._files import Limits
from ._model import (
    ITEM_KINDS,
    KIND_OF,
    NAMESPACED_PATTERN,
    Checklist,
    Pack,
    PackInfo,
    Question,
    Rubric,
    Tip,
    Translation,
    parse_requirement,
)
from ._resolve import Candidate, Resolution, resolve
from ._suggest import did_you_mean

if typing.TYPE_CHECKING:
    from ._catalogue import Catalogue
from .exceptions import PackError, Problem

__all__ = ["Items", "Library", "load_library"]

T = TypeVar("T", Tip, Question, Checklist, Rubric)
Item = Tip | Question | Checklist | Rubric

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

    __slots__ = ("fields", "item_type", "items", "lookup", "value_index", "vocabularies")

    def __init__(self, item_type: type[T], items: Sequence[T], aliases: Mapping[str, int]) -> None:
        self.item_type: type[T] = item_type
        self.items: tuple[T, ...] = tuple(items)
        self.lookup: dict[str, int] = {item.full_id: n for n, item in enumerate(self.items)}
        self.lookup.update(aliases)
        self.fields: tuple[str, ...] = tuple(
            a.name for a in attrs.fields(item_type) if a.name not in _NOT_FILTERABLE
        )
        self.value_index: dict[str, tuple[dict[str, frozenset[int]], frozenset[int]]] = {}
        self.vocabularies: dict[str, type[enum.StrEnum] | None] | None = None

    def vocabulary(self, field: str) -> type[enum.StrEnum] | None:
        """The vocabulary enum of *field* (or of its elements), if it has one."""
        if self.vocabularies is None:
            hints: dict[str, Any] = typing.get_type_hints(self.item_type)
            found: dict[str, type[enum.StrEnum] | None] = {}
            for name in self.fields:
                annotation: Any = hints[name]
                candidates = [annotation, *typing.get_args(annotation)]
                candidates += [a for c in candidates[1:] for a in typing.get_args(c)]
                found[name] = next(
                    (c for c in candidates if isinstance(c, type) and issubclass(c, enum.StrEnum)),
                    None,
                )
            self.vocabularies = found
        return self.vocabularies.get(field)

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


def _check_values(vocabulary: type[enum.StrEnum], name: str, values: Iterable[object]) -> None:
    allowed = [member.value for member in vocabulary]
    for value in values:
        if isinstance(value, vocabulary) or value in vocabulary._value2member_map_:
            continue
        if isinstance(value, str) and NAMESPACED_PATTERN.fullmatch(value):
            continue  # a value a pack declares
        hint = did_you_mean(str(value), allowed, cutoff=0.5)
        msg = f"{value!r} is not a value of {name}{hint}; use one of: {', '.join(allowed)}"
        raise ValueError(msg)


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
            TypeError: If *full_id* is not a string (items are not indexed by position).
        """
        if not isinstance(full_id, str):
            msg = (
                f"items are looked up by full id such as 'core/some-id', not by "
                f"{type(full_id).__name__}; for the first item use next(iter(items))"
            )
            raise TypeError(msg)
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
            ValueError: For a value a vocabulary field cannot hold (``"hiring_manager"``),
                with the allowed values and the nearest match.
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
            vocabulary = index.vocabulary(field)
            if vocabulary is not None:
                _check_values(vocabulary, name, values)
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


class Library:
    """
    Packs merged into one collection of tips, questions, checklists and rubrics.

    Build one with :func:`load_library`, or with :meth:`from_packs` to skip
    discovery (handy in tests). A library is immutable: it is safe to share between
    threads; to see newly installed packs, load a new one.

    Attributes:
        packs: The loaded packs, a pack after the packs it requires.
        sources: Where each loaded pack came from, by pack name.
        problems: Everything that went wrong; a pack with a problem is left out whole.
        warnings: Things a pack author should look at (a rubric that does not suit a
            question's answer type); they leave nothing out.
        tips: The tips.
        questions: The questions, asked of the candidate and to ask.
        checklists: The checklists.
        rubrics: The rubrics.
        languages: The chain of languages items are shown in, most wanted first,
            ending with the base language (``("de-CH", "de", "en")``).
        catalogue: The library's own words (headings, labels, dates) along the same
            chain, with the phrases the packs ship; pass it to the renderers.
        translations: For each item kind, the translations installed, by the full
            id of the item they translate (every language, not only the chain's).
    """

    __slots__ = (
        "_applied",
        "_catalogue",
        "_memo",
        "checklists",
        "languages",
        "packs",
        "problems",
        "questions",
        "rubrics",
        "sources",
        "tips",
        "translations",
        "warnings",
    )

    def __init__(self, resolution: Resolution) -> None:
        self.packs: tuple[Pack, ...] = resolution.packs
        self.sources: Mapping[str, PackSource] = dict(resolution.sources)
        self.problems: tuple[Problem, ...] = resolution.problems
        self.warnings: tuple[Problem, ...] = resolution.warnings
        self.languages: tuple[str, ...] = resolution.languages
        self.translations: Mapping[str, Mapping[str, tuple[Translation, ...]]] = (
            resolution.translations
        )
        self._catalogue: Catalogue | None = None
        #: What tools work out once per library (a plan's word sets and indexes), by the
        #: tool's key; items never change, so nothing here goes stale.
        self._memo: dict[str, Any] = {}
        self._applied = resolution.applied
        items, aliases = resolution.items, resolution.aliases
        self.tips: Items[Tip] = Items(_Index(Tip, items["tips"], aliases["tips"]))
        self.questions: Items[Question] = Items(
            _Index(Question, items["questions"], aliases["questions"])
        )
        self.checklists: Items[Checklist] = Items(
            _Index(Checklist, items["checklists"], aliases["checklists"])
        )
        self.rubrics: Items[Rubric] = Items(_Index(Rubric, items["rubrics"], aliases["rubrics"]))

    def translation_of(self, item: Item) -> Translation | None:
        """
        The translation *item* is shown in, or ``None`` when it is in its own language.
        """
        kind = KIND_OF.get(type(item))
        return None if kind is None else self._applied.get(kind, {}).get(item.full_id)

    def credits(self, items: Iterable[Item]) -> tuple[PackInfo, ...]:
        """
        The manifests of the packs whose words *items* show, in library order.

        An item's own pack, and the pack of the translation it is shown in: a
        translation's licence and attribution must be given wherever its text is.
        """
        names: set[str | None] = set()
        for item in items:
            names.add(item.pack)
            translation = self.translation_of(item)
            if translation is not None:
                names.add(translation.pack)
        return tuple(pack.info for pack in self.packs if pack.name in names)

    @property
    def catalogue(self) -> Catalogue:
        """
        The library's own words along :attr:`languages`, with the phrases packs ship.
        """
        if self._catalogue is None:
            from ._catalogue import catalogue

            self._catalogue = catalogue(
                self.languages,
                extra=[(pack.info.language, pack.phrases) for pack in self.packs if pack.phrases],
            )
        return self._catalogue

    @classmethod
    def from_packs(
        cls,
        packs: Iterable[Pack],
        *,
        strict: bool = False,
        language: str | Iterable[str] | None = None,
    ) -> Library:
        """
        Merge packs given in code, without discovering installed ones.

        The packs go through the same checks as discovered ones (requirements,
        cycles, references, ``replaces``, translations).

        Args:
            packs: The packs, in any order.
            strict: Raise instead of leaving out packs with problems.
            language: The language chain to show items in, as for
                :func:`load_library`.

        Returns:
            The library.

        Raises:
            PackError: In strict mode, if anything went wrong.
        """
        candidates = [
            Candidate(PackSource(name=pack.name, kind="code", value="<in memory>"), pack)
            for pack in packs
        ]
        return _library(resolve(candidates, language=language), strict=strict)

    def rubric_for(self, question: Question) -> Rubric | None:
        """
        The rubric that rates answers to *question*.

        The question's own ``rubric`` wins; else the first rubric of the library (in
        library order) that names the question's ``answer_type``.

        Returns:
            The rubric, or ``None`` when the library has none for it.
        """
        if question.rubric is not None:
            found = self.rubrics.get(question.rubric)
            if found is not None:
                return found
        if question.answer_type is None:
            return None
        buckets, _ = self.rubrics._index.field_index("answer_types")
        positions = buckets.get(question.answer_type.value)
        return self.rubrics._index.items[min(positions)] if positions else None

    def __repr__(self) -> str:
        names = ", ".join(f"{p.name} {p.info.version}" for p in self.packs)
        return f"<Library [{names}] with {len(self.problems)} problem(s)>"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Library):
            return NotImplemented
        return self.packs == other.packs and all(
            list(getattr(self, kind)) == list(getattr(other, kind)) for kind in ITEM_KINDS
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
            for kind in ITEM_KINDS
            if (item := cast(Items[Any], getattr(self, kind)).get(full_id)) is not None
        ]
        if len(found) > 1:
            kinds = ", ".join(type(item).__name__ for item in found)
            msg = f"{full_id!r} names items of several kinds ({kinds}): ask one collection"
            raise LookupError(msg)
        return found[0] if found else default


def _library(resolution: Resolution, *, strict: bool) -> Library:
    if strict and resolution.problems:
        raise PackError(resolution.problems)
    return Library(resolution)


def load_candidates(
    *,
    paths: Iterable[str | os.PathLike[str]] = (),
    data_only: bool = False,
    limits: Limits | None = None,
    skip: Iterable[str] = (),
    wanted: Iterable[str] | None = None,
) -> tuple[list[Candidate], list[Problem]]:
    """
    Load the installed packs and the local pack folders.

    Args:
        paths: Local pack folders, always loaded.
        data_only: Run no third-party code.
        limits: Bounds on the pack files.
        skip: Names of installed packs not to load.
        wanted: Names of the installed packs to load, with the packs they require
            (found as they load); ``None`` for every installed pack. Packs that are
            not wanted are not read at all, and their problems are not reported.

    Returns:
        The loaded packs, and the problems of those that failed to load.
    """
    limits = limits or Limits()
    skipped = {normalize_name(name) for name in skip}
    sources, found_problems = find_pack_sources()
    candidates: list[Candidate] = []
    problems: list[Problem] = []

    def load(source: PackSource) -> Pack | None:
        try:
            pack, origin = load_source(source, data_only=data_only, limits=limits)
        except SourceError as failure:
            problems.extend(failure.problems)
            return None
        loaded = source if source.kind != "path" else attrs.evolve(source, name=pack.name)
        candidates.append(Candidate(loaded, pack, origin))
        return pack

    local: list[Pack] = []
    seen_paths: set[Path] = set()
    for path in paths:
        resolved = Path(path).resolve()
        if resolved not in seen_paths:
            seen_paths.add(resolved)
            pack = load(PackSource(name="", kind="path", value=str(path)))
            if pack is not None:
                local.append(pack)
    installed = [s for s in sources if normalize_name(s.name) not in skipped]
    if wanted is None:
        problems[:0] = found_problems
        for source in installed:
            load(source)
        return _installed_first(candidates), problems
    by_name: dict[str, list[PackSource]] = {}
    for source in installed:
        by_name.setdefault(normalize_name(source.name), []).append(source)
    queue = [normalize_name(name) for name in wanted]
    queue += [_requirement_name(text) for pack in local for text in pack.info.requires]
    done: set[str] = set()
    while queue:
        name = queue.pop(0)
        if name in done:
            continue
        done.add(name)
        for source in by_name.get(name, ()):
            pack = load(source)
            if pack is not None:
                queue += [_requirement_name(text) for text in pack.info.requires]
    return _installed_first(candidates), problems


def _requirement_name(text: str) -> str:
    return normalize_name(parse_requirement(text).name)


def _installed_first(candidates: list[Candidate]) -> list[Candidate]:
    """Installed packs (by name), then local folders, as discovery finds them."""
    return sorted(candidates, key=lambda c: (c.source.kind == "path", c.source.name))


def load_library(
    *,
    packs: Iterable[str] | None = None,
    paths: Iterable[str | os.PathLike[str]] = (),
    strict: bool = False,
    data_only: bool = False,
    limits: Limits | None = None,
    language: str | Iterable[str] | None = None,
) -> Library:
    """
    Load the installed packs (or those named) and local pack folders into a library.

    A pack that fails in any way — unreadable, invalid, a missing requirement, a
    dangling reference, a clash of names, an exception in its code — is left out
    whole and reported in :attr:`Library.problems`; the others load.

    Args:
        packs: Names of the packs to load; the packs they require come along, and
            no other installed pack is read (nor its problems reported). ``None``
            loads every installed pack.
        paths: Local pack folders (or pack files) to load as well.
        strict: Raise :class:`PackError` with every problem instead of leaving
            packs out.
        data_only: Import no third-party code: data packs are read through their
            distribution's files; code packs are skipped with a problem.
        limits: Bounds on pack files (size, nesting, item count) and on the time a
            code pack may take.
        language: The language to show items in: a BCP 47 tag (``"de-CH"`` means
            Swiss German, then German, then the base language, English), a
            sequence of tags (``["fr", "de"]``), or ``None`` for the base language
            alone. Each item comes in the first language of the chain that has it
            (its own, or a translation's), so a language with few translations
            falls back item by item and never gives an empty library; items of
            packs in no language of the chain are left out. The library's own
            words (:attr:`Library.catalogue`) follow the same chain.

    Returns:
        The library.

    Raises:
        PackError: In strict mode, if anything went wrong.
    """
    wanted = None if packs is None else list(packs)
    candidates, problems = load_candidates(
        paths=paths, data_only=data_only, limits=limits, wanted=wanted
    )
    resolution = resolve(candidates, problems, wanted=wanted, language=language)
    return _library(resolution, strict=strict)
