"""
Resolving a set of loaded packs into one ordered, checked whole.

Resolution is the one place where packs meet: name clashes (a local folder overrides
an installed pack of its name), selection by name, requirements with version
specifiers, dependency cycles, references between items, ``replaces``, and
translations chosen along a chain of languages. It hands the library a finished
:class:`Resolution`. A pack with a problem of its own is left out whole (and the packs
that require it after it); a translation whose item is gone is left out alone.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

import attrs

from ._discovery import PackSource, normalize_name
from ._languages import language_chain, matches, primary
from ._loading import Origin
from ._model import (
    ITEM_KINDS,
    KIND_NOUNS,
    TEXT_FIELDS,
    Checklist,
    CriterionText,
    ItemText,
    Pack,
    Question,
    Rubric,
    Tip,
    Translation,
    copy_with,
    extra_values,
    parse_requirement,
    translate,
    undeclared,
)
from ._suggest import did_you_mean
from .exceptions import Problem

if TYPE_CHECKING:
    from packaging.requirements import Requirement

__all__ = ["Candidate", "Resolution", "resolve"]

Item = Tip | Question | Checklist | Rubric


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
            the place of the item it replaces, each in the first language of the
            chain that has it (items in none of its languages are left out).
        aliases: For each item kind, the full id of each replaced item (and of each
            translation) and the position of the item it stands for in *items*.
        languages: The chain of languages the items were chosen along.
        translations: For each item kind, the translations accepted, by the full id
            of the item they translate, in pack order.
        originals: For each item kind, every accepted item as written (before
            translation), by full id (a replaced item's id finds its replacement).
        applied: For each item kind, the translation each item is shown in, by the
            item's full id (items shown in their own language are not in it).
    """

    packs: tuple[Pack, ...]
    sources: Mapping[str, PackSource]
    problems: tuple[Problem, ...]
    warnings: tuple[Problem, ...]
    items: Mapping[str, tuple[Any, ...]]
    aliases: Mapping[str, Mapping[str, int]]
    languages: tuple[str, ...] = ("en",)
    translations: Mapping[str, Mapping[str, tuple[Translation, ...]]] = attrs.field(factory=dict)
    originals: Mapping[str, Mapping[str, Any]] = attrs.field(factory=dict)
    applied: Mapping[str, Mapping[str, Translation]] = attrs.field(factory=dict)


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


def _claimant(entry: _Pending) -> str:
    source = entry.candidate.source
    return f"{source.distribution or source.kind} ({source.value})"


def _without_clashes(
    pending: list[_Pending], problems: list[Problem], warnings: list[Problem]
) -> dict[str, _Pending]:
    by_name: dict[str, list[_Pending]] = {}
    for entry in pending:
        by_name.setdefault(entry.name, []).append(entry)
    available: dict[str, _Pending] = {}
    for name, claims in sorted(by_name.items()):
        local = [c for c in claims if c.candidate.source.kind == "path"]
        if len(claims) > 1 and len(local) == 1:
            # The pack author's loop: a folder given with paths= / --pack-path takes
            # the place of the installed copy of the same pack.
            available[name] = local[0]
            for other in claims:
                if other is not local[0]:
                    msg = (
                        f"the local folder {local[0].candidate.source.value} overrides the "
                        f"installed pack {name!r} from {_claimant(other)}"
                    )
                    warnings.append(attrs.evolve(local[0].problem(msg), severity="warning"))
            continue
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
) -> dict[str, _Pending]:
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
    """The items accepted so far, by kind, with replacements in place, and translations."""

    def __init__(self) -> None:
        self.lookups: dict[str, dict[str, Any]] = {kind: {} for kind in ITEM_KINDS}
        self.replaced_by: dict[str, str] = {}
        self.items: dict[str, list[Any]] = {kind: [] for kind in ITEM_KINDS}
        self.positions: dict[str, dict[str, int]] = {kind: {} for kind in ITEM_KINDS}
        self.packs: dict[str, Pack] = {}
        self.translations: dict[str, dict[str, list[Translation]]] = {k: {} for k in ITEM_KINDS}
        self._ids: dict[tuple[str, str], list[str]] = {}

    def add(
        self,
        pack: Pack,
        converted: Iterable[Translation] = (),
        skip: frozenset[tuple[str, str]] | set[tuple[str, str]] = frozenset(),
    ) -> None:
        self.packs[pack.name] = pack
        translations = [*pack.translations, *converted]
        for kind in ITEM_KINDS:
            bucket, positions, lookup = self.items[kind], self.positions[kind], self.lookups[kind]
            for item in getattr(pack, kind):
                if skip and (kind, item.full_id) in skip:
                    continue
                lookup[item.full_id] = item
                if item.replaces is not None:
                    self.replaced_by[item.replaces] = item.full_id
                    lookup[item.replaces] = item
                    bucket[positions[item.replaces]] = item
                    positions[item.full_id] = positions[item.replaces]
                else:
                    positions[item.full_id] = len(bucket)
                    bucket.append(item)
        for translation in translations:
            found = self.translations[translation.item_kind]
            found.setdefault(translation.translates, []).append(translation)

    def language(self, pack: str) -> str | None:
        found = self.packs.get(pack)
        return None if found is None else found.info.language

    def nearest(self, kind: str, full_id: str) -> str:
        """A ``did you mean`` hint: the nearest full id of the same pack and kind."""
        pack = full_id.partition("/")[0]
        ids = self._ids.get((kind, pack))
        if ids is None:
            prefix = f"{pack}/"
            ids = [key for key in self.lookups[kind] if key.startswith(prefix)]
            self._ids[(kind, pack)] = ids
        return did_you_mean(full_id, ids)


#: How many near-miss suggestions one pack gets: each compares against every id of
#: the referenced pack, and a broken pack may hold thousands of references.
_SUGGESTIONS = 20


class _Checked:
    """What checking one pack against the packs before it found."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.item_problems: list[Problem] = []
        self.warnings: list[Problem] = []
        #: Format 1 items translated through replaces, read as translations (those
        #: that fit), and the full ids of all such items, which replace nothing.
        self.converted: list[Translation] = []
        self.translated_through_replaces: set[tuple[str, str]] = set()
        self.suggestions = _SUGGESTIONS

    def hint(self, merged: _Merged, kind: str, full_id: str) -> str:
        if self.suggestions <= 0:
            return ""
        self.suggestions -= 1
        return merged.nearest(kind, full_id)


def _resolve_references(
    entry: _Pending, merged: _Merged, closure: set[str], checked: _Checked
) -> Pack:
    """The pack with its references made full ids; its problems go to *checked*."""
    pack = entry.candidate.pack
    name = pack.name
    problems = checked.problems
    own = {kind: {item.full_id: item for item in getattr(pack, kind)} for kind in ITEM_KINDS}
    direct = {normalize_name(r.name) for r in entry.requirements}

    def reference(kind: str, text: str, path: str) -> str:
        full = text if "/" in text else sys.intern(f"{name}/{text}")
        target = full.partition("/")[0]
        if target != name and target not in closure:
            msg = (
                f"refers to {KIND_NOUNS[kind]} {full!r} of pack {target!r}, which this pack "
                "does not require (add it to requires)"
            )
            problems.append(entry.problem(msg, path))
        elif full not in own[kind] and full not in merged.lookups[kind]:
            hint = (
                checked.hint(merged, kind, full)
                if target != name
                else did_you_mean(full, own[kind])
            )
            msg = f"refers to {KIND_NOUNS[kind]} {full!r}, which does not exist{hint}"
            problems.append(entry.problem(msg, path))
        return full

    resolved: dict[str, list[Any]] = {kind: [] for kind in ITEM_KINDS}
    converted: list[tuple[str, Translation]] = []
    replaced_here: dict[str, str] = {}
    for kind in ITEM_KINDS:
        for index, item in enumerate(getattr(pack, kind)):
            path = f"{kind}[{index}]"
            _check_vocabulary(entry, item, path, merged, closure, problems)
            if item.replaces is not None:
                if _is_cross_language(item.replaces, pack, merged):
                    # Format 1 translated through replaces: read as a translation.
                    converted.append((f"{path}.replaces", _as_translation(kind, item)))
                    resolved[kind].append(item)
                    continue
                message = _replaces_problem(item.replaces, kind, name, direct, merged)
                if message is None and item.replaces in replaced_here:
                    message = (
                        f"{item.replaces!r} is already replaced by "
                        f"{replaced_here[item.replaces]!r} of this pack"
                    )
                if message:
                    problems.append(entry.problem(message, f"{path}.replaces"))
                replaced_here.setdefault(item.replaces, item.full_id)
            if isinstance(item, Question) and item.rubric is not None:
                rubric = reference("rubrics", item.rubric, f"{path}.rubric")
                if rubric != item.rubric:
                    item = copy_with(item, rubric=rubric)
                target = own["rubrics"].get(rubric) or merged.lookups["rubrics"].get(rubric)
                unsuited = _unsuited(item, target)
                if unsuited:
                    problem = entry.problem(unsuited, f"{path}.rubric")
                    checked.warnings.append(attrs.evolve(problem, severity="warning"))
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
    translations = [
        t
        for index, t in enumerate(pack.translations)
        if _translation_fits(entry, t, f"translations[{index}]", merged, closure, checked)
    ]
    checked.translated_through_replaces = {(t.item_kind, t.full_id) for _, t in converted}
    checked.converted = [
        translation
        for path, translation in converted
        if _translation_fits(entry, translation, path, merged, closure, checked)
    ]
    _check_phrases(entry, checked)
    if problems:
        return pack
    changes: dict[str, Any] = {kind: tuple(items) for kind, items in resolved.items()}
    if len(translations) != len(pack.translations):
        changes["translations"] = tuple(translations)
    return copy_with(pack, **changes)


def _check_vocabulary(
    entry: _Pending,
    item: Any,
    path: str,
    merged: _Merged,
    closure: set[str],
    problems: list[Problem],
) -> None:
    """Extra vocabulary values of other packs: required, and declared there."""
    name = entry.candidate.pack.name
    for field, value in extra_values(item):
        owner = value.partition(":")[0]
        if owner == name:
            continue  # checked when the pack was built
        declaring = merged.packs.get(owner)
        if owner not in closure or declaring is None:
            msg = (
                f"{value!r} is a value of pack {owner!r}, which this pack does not require "
                "(add it to requires)"
            )
            problems.append(entry.problem(msg, f"{path}.{field}"))
            continue
        message = undeclared(field, value, declaring.info.vocabulary)
        if message:
            problems.append(entry.problem(f"{message} (of pack {owner!r})", f"{path}.{field}"))


def _check_phrases(entry: _Pending, checked: _Checked) -> None:
    if not entry.candidate.pack.phrases:
        return
    from ._catalogue import check_phrases  # only packs that ship phrases pay for it

    for key, message in check_phrases(entry.candidate.pack.phrases):
        problem = entry.problem(message, f"phrases.{key}")
        checked.warnings.append(attrs.evolve(problem, severity="warning"))


def _is_cross_language(replaces: str, pack: Pack, merged: _Merged) -> bool:
    target = merged.language(replaces.partition("/")[0])
    return target is not None and primary(target) != primary(pack.info.language)


def _as_translation(kind: str, item: Any) -> Translation:
    """A format 1 item that replaces an item in another language, as a translation."""
    texts: dict[str, Any] = {}
    for name in TEXT_FIELDS[kind]:
        value = getattr(item, name)
        if name == "items":
            value = tuple(ItemText(id=entry.id, text=entry.text) for entry in value)
        elif name == "criteria":
            value = tuple(
                CriterionText(
                    id=c.id, name=c.name, description=c.description or None, levels=c.levels
                )
                for c in value
            )
        if value:
            texts[name] = value
    return Translation(
        kind=KIND_NOUNS[kind], translates=item.replaces, id=item.id, pack=item.pack, **texts
    )


def _translation_fits(
    entry: _Pending,
    translation: Translation,
    path: str,
    merged: _Merged,
    closure: set[str],
    checked: _Checked,
) -> bool:
    """Whether *translation* can be used; what is wrong goes to *checked*."""
    pack = entry.candidate.pack
    kind, target = translation.item_kind, translation.translates
    where = path if path.endswith(".replaces") else f"{path}.translates"
    owner = target.partition("/")[0]
    message = None
    if owner == pack.name:
        message = "a translation cannot translate an item of its own pack"
    elif owner not in closure:
        message = (
            f"translates {KIND_NOUNS[kind]} {target!r} of pack {owner!r}, which this pack does "
            "not require (add it to requires)"
        )
    elif target not in merged.lookups[kind]:
        hint = checked.hint(merged, kind, target)
        message = f"translates {KIND_NOUNS[kind]} {target!r}, which does not exist{hint}; left out"
    else:
        source_language = merged.language(owner) or ""
        language = pack.info.language
        if source_language.casefold() == language.casefold():
            message = (
                f"translates {target!r} into its own language {language!r}: use replaces "
                "for another wording"
            )
        else:
            for other in merged.translations[kind].get(target, ()):
                other_language = merged.language(other.pack or "") or ""
                if other_language.casefold() == language.casefold():
                    message = (
                        f"translates {target!r} into {language!r}, as {other.full_id!r} "
                        "already does: keep one translation per language"
                    )
                    break
    if message is not None:
        checked.item_problems.append(entry.problem(message, where))
        return False
    for message in _unmatched(translation, merged.lookups[kind][target]):
        problem = entry.problem(message, path)
        checked.warnings.append(attrs.evolve(problem, severity="warning"))
    return True


def _unmatched(translation: Translation, item: Any) -> list[str]:
    """Parts of *translation* that match nothing in the item it translates."""
    found: list[str] = []
    if translation.items is not None:
        ids = {entry.id for entry in item.items}
        found += [
            f"checklist item {e.id!r} is not in {item.full_id!r}; its text is not used"
            for e in translation.items
            if e.id not in ids
        ]
    if translation.criteria is not None:
        criteria = {c.id: c for c in item.criteria}
        for text in translation.criteria:
            criterion = criteria.get(text.id)
            if criterion is None:
                found.append(f"criterion {text.id!r} is not in {item.full_id!r}; not used")
                continue
            scores = {level.score for level in criterion.levels}
            found += [
                f"criterion {text.id!r} has no level {level.score}; its text is not used"
                for level in text.levels
                if level.score not in scores
            ]
    for name in ("pitfalls", "follow_ups"):
        texts = getattr(translation, name)
        if texts is not None and len(texts) != len(getattr(item, name)):
            found.append(
                f"{name} has {len(texts)} entries where {item.full_id!r} has "
                f"{len(getattr(item, name))}: translate each one, in order"
            )
    return found


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
        hint = merged.nearest(kind, replaces)
        return f"replaces {KIND_NOUNS[kind]} {replaces!r}, which does not exist{hint}"
    return None


def _rank(tag: str, chain: tuple[str, ...]) -> float | None:
    """Where content in *tag* comes in *chain* (lower is better), or ``None``."""
    for index, wanted in enumerate(chain):
        if tag.casefold() == wanted.casefold():
            return 2 * index
        if matches(tag, wanted):
            return 2 * index + 1
    # A sibling variant (de-AT for de-CH) after the chain's own forms of the language.
    same = [index for index, wanted in enumerate(chain) if primary(wanted) == primary(tag)]
    return 2 * same[-1] + 1.5 if same else None


def _in_languages(
    merged: _Merged, chain: tuple[str, ...]
) -> tuple[dict[str, tuple[Any, ...]], dict[str, dict[str, int]], dict[str, dict[str, Any]]]:
    """
    Each kind's items in the first language of *chain* that has them, the aliases,
    and the translation each translated item is shown in.
    """
    ranks: dict[str, float | None] = {
        name: _rank(pack.info.language, chain) for name, pack in merged.packs.items()
    }
    items: dict[str, tuple[Any, ...]] = {}
    aliases: dict[str, dict[str, int]] = {}
    applied: dict[str, dict[str, Any]] = {}
    for kind in ITEM_KINDS:
        translations = merged.translations[kind]
        shown_in = applied[kind] = {}
        chosen: list[Any] = []
        where: dict[str, int] = {}
        for item in merged.items[kind]:
            best = ranks.get(item.pack)
            text = None
            for translation in translations.get(item.full_id, ()):
                rank = ranks.get(translation.pack or "")
                if rank is not None and (best is None or rank < best):
                    best, text = rank, translation
            if best is None:
                continue  # in none of the wanted languages
            where[item.full_id] = len(chosen)
            chosen.append(item if text is None else translate(item, text))
            if text is not None:
                shown_in[item.full_id] = text
            for translation in translations.get(item.full_id, ()):
                where.setdefault(translation.full_id, where[item.full_id])
        kind_aliases = {
            replaced: where[merged.lookups[kind][replaced].full_id]
            for replaced in merged.replaced_by
            if replaced in merged.lookups[kind] and merged.lookups[kind][replaced].full_id in where
        }
        kind_aliases.update(
            {alias: position for alias, position in where.items() if alias not in kind_aliases}
        )
        items[kind] = tuple(chosen)
        aliases[kind] = {k: v for k, v in kind_aliases.items() if k != chosen[v].full_id}
    return items, aliases, applied


def resolve(
    candidates: Iterable[Candidate],
    problems: Iterable[Problem] = (),
    *,
    wanted: Iterable[str] | None = None,
    language: str | Iterable[str] | None = None,
) -> Resolution:
    """
    Resolve loaded packs: clashes, selection, requirements, order, references,
    replaces and translations.

    Args:
        candidates: The loaded packs.
        problems: Problems met before (while finding and reading packs), kept first.
        wanted: Names of the packs to keep, with what they require; ``None`` for all.
        language: The language to show items in: a tag (``"de-CH"``: Swiss German,
            then German, then the base language), a sequence of tags, or ``None``
            for the base language alone. Each item comes in the first language of
            the chain that has it; an item in none of them is left out.

    Returns:
        The resolution; never raises for content problems.
    """
    chain = language_chain(language)
    found = list(problems)
    warnings: list[Problem] = []
    pending = [_Pending(candidate) for candidate in candidates]
    available = _select(_without_clashes(pending, found, warnings), found, wanted)
    _drop_unmet(available, found)
    merged = _Merged()
    closures: dict[str, set[str]] = {}
    sources: dict[str, PackSource] = {}
    for name in _order(available, found):
        entry = available[name]
        missing = sorted(entry.requires - set(closures))
        if missing:
            msg = f"requires pack {missing[0]!r}, which was left out because of its own problems"
            found.append(entry.problem(msg, "pack.requires"))
            continue
        closure = set(entry.requires).union(*(closures[r] for r in entry.requires))
        checked = _Checked()
        pack = _resolve_references(entry, merged, closure, checked)
        if checked.problems:
            found.extend(checked.problems)
            continue
        found.extend(checked.item_problems)
        warnings.extend(checked.warnings)
        closures[name] = closure
        sources[pack.name] = entry.candidate.source
        merged.add(pack, checked.converted, checked.translated_through_replaces)
    items, aliases, applied = _in_languages(merged, chain)
    if chain[:-1] and not any(
        _rank(pack.info.language, chain[:-1]) is not None for pack in merged.packs.values()
    ):
        wanted_text = ", ".join(chain[:-1])
        msg = f"no pack in {wanted_text} is installed: items are shown in {chain[-1]!r}"
        warnings.append(Problem(message=msg, severity="warning"))
    return Resolution(
        packs=tuple(merged.packs.values()),
        sources=sources,
        problems=tuple(found),
        warnings=tuple(warnings),
        items=items,
        aliases=aliases,
        languages=chain,
        translations={
            kind: {target: tuple(found) for target, found in by_target.items()}
            for kind, by_target in merged.translations.items()
        },
        originals=merged.lookups,
        applied=applied,
    )
