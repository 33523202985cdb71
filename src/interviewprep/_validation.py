"""
Validating packs: the one definition of a valid pack.

:func:`validate_pack`, the ``validate`` command and the pytest plugin's ``check_pack``
all ask this module, so they never disagree. A pack is valid when it has no problem of
severity ``"error"``:

1. it reads cleanly: files, fields, ids, includes, limits (what loading checks);
2. it resolves with the packs it requires, installed or given as folders alongside:
   ``requires`` met, references and ``replaces`` pointing at existing items;
3. its content is finished: no placeholder text (``TODO``, ``TBD``, ``FIXME``,
   ``XXX``, ``lorem ipsum``, a leading or trailing ``...``), no blank text, no two
   items of a kind with the same title or text; and it round-trips losslessly
   through :func:`~interviewprep.to_dict` / :func:`~interviewprep.from_dict` and JSON.

Loading checks only the first two: a published pack with, say, two tips of the same
title still loads for its users; the content checks are for its author.

Warnings (``severity="warning"``) are things to look at that do not make a pack
invalid: a question no rubric can rate, a checklist item due more than 60 days from the
interview, a rubric that rates other answer types than its question's, a question
whose answers nothing can rate.

Every problem is found in one pass: a pack with broken items still has its ids,
references and content checked on the items that are fine.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs

from ._discovery import PackSource, normalize_name
from ._files import Limits, from_json, to_json
from ._library import load_candidates
from ._loading import Reading, file_order, read_pack
from ._model import KEY, KIND_NOUNS, Pack, parse_requirement, text_revision
from ._resolve import Candidate, Resolution, resolve
from .exceptions import Problem, StructureError

__all__ = [
    "PLACEHOLDER",
    "Report",
    "check_folders",
    "check_installed",
    "content_problems",
    "validate_pack",
]

#: Text a pack must not be published with. The words are matched in capitals only
#: ("todo" is Spanish for "all"); an ellipsis only at the very start or end.
PLACEHOLDER = re.compile(r"\b(?:TODO|TBD|FIXME|XXX)\b|\b(?i:lorem ipsum)\b|\A\s*\.\.\.|\.\.\.\s*\Z")
#: Fields holding text people read, by name (``Criterion.name`` is one too; an
#: item's ``id`` or a pack's ``name`` is not).
_TEXT_FIELDS = frozenset(
    {"title", "body", "text", "guidance", "pitfalls", "follow_ups", "description", "label"}
    | {"anchor", "authors", "attribution"}
)
_TEXT_FIELDS_OF = {"Criterion": frozenset({"name"})}
#: The fields of each kind that no two items of the kind may share.
_DISTINCT = {
    "tips": ("title", "body"),
    "questions": ("text",),
    "checklists": ("title",),
    "rubrics": ("title",),
}
_MAX_DUE = dt.timedelta(days=60)
_QUOTED = 72


@attrs.frozen
class Report:
    """
    What validating packs found.

    Attributes:
        problems: The errors, in file order, then the warnings.
        packs: The packs checked, by name: resolved where they resolved, else as
            read (a pack with errors in its items holds the items that are fine).
    """

    problems: tuple[Problem, ...]
    packs: Mapping[str, Pack]

    @property
    def errors(self) -> tuple[Problem, ...]:
        """
        The problems that make a pack invalid.
        """
        return tuple(p for p in self.problems if p.severity == "error")

    @property
    def warnings(self) -> tuple[Problem, ...]:
        """
        The things to look at that do not make a pack invalid.
        """
        return tuple(p for p in self.problems if p.severity == "warning")


def validate_pack(
    path: str | os.PathLike[str],
    *,
    paths: Iterable[str | os.PathLike[str]] = (),
    limits: Limits | None = None,
    data_only: bool = True,
) -> list[Problem]:
    """
    Check a pack folder and return its problems; never raises for content problems.

    The pack is read (syntax, fields, ids, includes, limits), resolved with the packs
    it requires (so references, ``requires`` and ``replaces`` are checked too), and its
    content is checked (placeholder, blank or duplicated text; a lossless round trip).
    Every problem is found in one pass: items with problems are reported and the
    others still checked. This is the one definition of a valid pack: the
    ``validate`` command and the pytest plugin's ``check_pack`` apply the same checks.

    Args:
        path: The pack folder or its main file.
        paths: Other pack folders to check it with, such as the base pack of a
            translation that is not installed yet. Each takes the place of an
            installed pack of the same name; problems that keep one from loading are
            reported too, as they keep *path* from being checked.
        limits: Bounds on file size, nesting and item count.
        data_only: Read the installed packs without importing third-party code
            (code packs it requires are then missing).

    Returns:
        The problems, in file order, then the warnings (``severity="warning"``:
        things to look at that do not make the pack invalid); empty when the pack
        is valid and nothing needs a look.
    """
    report = check_folders([path], paths=paths, limits=limits, data_only=data_only)
    return list(report.problems)


# -- checking folders and installed packs -------------------------------------------------


@attrs.frozen
class _Local:
    """A pack folder read for checking, and whether its content is checked."""

    path: str
    reading: Reading
    checked: bool

    @property
    def pack(self) -> Pack | None:
        """The pack to check: the whole pack, else the parts of it that are fine."""
        # Not ``or``: a pack without items is falsy (its length is 0).
        return self.reading.pack if self.reading.pack is not None else self.reading.partial

    def locate(self, problem: Problem) -> Problem:
        """A problem whose path indexes the pack as read, pointed at its file and line."""
        whole = attrs.evolve(problem, path=self.reading.whole_path(problem.path))
        origin = self.reading.origin
        located = origin.locate(whole) if origin is not None else whole
        return located if located.pack else attrs.evolve(located, pack=self.reading.name)


def _unique_folders(paths: Iterable[str | os.PathLike[str]], seen: set[Path]) -> list[str]:
    found = []
    for path in paths:
        try:
            key = Path(path).resolve()
        except (OSError, RuntimeError, ValueError):
            key = Path(os.fspath(path))
        if key not in seen:
            seen.add(key)
            found.append(os.fspath(path))
    return found


def _requirement_names(packs: Iterable[Pack]) -> list[str]:
    return [parse_requirement(text).name for pack in packs for text in pack.info.requires]


def check_folders(
    targets: Iterable[str | os.PathLike[str]],
    *,
    paths: Iterable[str | os.PathLike[str]] = (),
    limits: Limits | None = None,
    data_only: bool = True,
) -> Report:
    """
    Check pack folders as one set, with the installed packs and more folders.

    Every target gets every check. The folders of *paths* are read alongside
    (taking the place of installed packs of the same name); their problems are
    reported only where they keep them from loading, and their content is not checked.

    Returns:
        The report: the problems of every target, then those of *paths*.
    """
    limits = limits or Limits()
    seen: set[Path] = set()
    locals_ = [_Local(p, read_pack(p, limits=limits), True) for p in _unique_folders(targets, seen)]
    locals_ += [_Local(p, read_pack(p, limits=limits), False) for p in _unique_folders(paths, seen)]
    problems = [problem for local in locals_ for problem in local.reading.problems]
    loaded = [(local, local.pack) for local in locals_ if local.pack is not None]
    by_name = {normalize_name(pack.name): (local, pack) for local, pack in loaded}
    own = [
        Candidate(PackSource(name=pack.name, kind="path", value=local.path), pack)
        for local, pack in loaded
    ]
    names = [pack.name for _, pack in loaded]
    wanted = [*names, *_requirement_names(pack for _, pack in loaded)]
    installed, _ = load_candidates(data_only=data_only, limits=limits, skip=names, wanted=wanted)
    checked = [pack.name for local, pack in loaded if local.checked]
    resolution = resolve([*installed, *own], wanted=checked)
    broken = frozenset(full for local in locals_ for full in local.reading.broken)
    warnings: list[Problem] = []
    for found, into in ((resolution.problems, problems), (resolution.warnings, warnings)):
        for problem in found:
            entry = by_name.get(normalize_name(problem.pack or ""))
            if entry is not None and not _names_broken(entry[1], problem, broken):
                into.append(entry[0].locate(problem))
    resolved = {pack.name: pack for pack in resolution.packs}
    packs: dict[str, Pack] = {}
    for local, read in loaded:
        if not local.checked:
            continue
        pack = packs[read.name] = resolved.get(read.name, read)
        for problem in [*content_problems(pack), *stale_translations(pack, resolution)]:
            (warnings if problem.severity == "warning" else problems).append(local.locate(problem))
    for local in locals_:
        origin = local.reading.origin
        if local.checked and origin is not None:
            problems += map(origin.locate, _left_out_problems(local.reading))
    return Report(
        tuple(_in_file_order(problems, locals_) + _in_file_order(warnings, locals_)), packs
    )


def check_installed(
    name: str,
    *,
    paths: Iterable[str | os.PathLike[str]] = (),
    limits: Limits | None = None,
    data_only: bool = False,
) -> Report:
    """
    Check an installed pack, with the installed packs and the folders of *paths*.

    The same checks as :func:`check_folders`, on the pack as its distribution holds it.
    """
    limits = limits or Limits()
    context = [_Local(p, read_pack(p, limits=limits), False) for p in _unique_folders(paths, set())]
    problems = [p for local in context for p in local.reading.problems]
    loaded = [local for local in context if local.reading.pack is not None]
    own = [
        Candidate(
            PackSource(name=local.reading.pack.name, kind="path", value=local.path),
            local.reading.pack,
            local.reading.origin,
        )
        for local in loaded
        if local.reading.pack is not None
    ]
    skip = [candidate.pack.name for candidate in own]
    wanted = [name, *_requirement_names(c.pack for c in own)]
    installed, failures = load_candidates(
        data_only=data_only, limits=limits, skip=skip, wanted=wanted
    )
    key = normalize_name(name)
    interesting = {key, *(normalize_name(n) for n in skip)}
    problems += [p for p in failures if normalize_name(p.pack or "") in interesting]
    resolution = resolve([*installed, *own], wanted=[name])
    problems += [p for p in resolution.problems if normalize_name(p.pack or "") in interesting]
    warnings = [p for p in resolution.warnings if normalize_name(p.pack or "") == key]
    packs: dict[str, Pack] = {}
    pack = next((p for p in resolution.packs if normalize_name(p.name) == key), None)
    if pack is not None:
        packs[pack.name] = pack
        candidate = next((c for c in installed if normalize_name(c.pack.name) == key), None)
        origin = candidate.origin if candidate is not None else None
        distribution = candidate.source.distribution if candidate is not None else None
        for problem in [*content_problems(pack), *stale_translations(pack, resolution)]:
            located = origin.locate(problem) if origin is not None else problem
            (warnings if problem.severity == "warning" else problems).append(
                attrs.evolve(located, distribution=distribution)
            )
    return Report(tuple(problems + warnings), packs)


def _in_file_order(problems: list[Problem], locals_: Sequence[_Local]) -> list[Problem]:
    """The problems folder by folder, each folder's in the order of its files and lines."""
    return sorted(problems, key=file_order(f for local in locals_ for f in local.reading.files))


def _names_broken(pack: Pack, problem: Problem, broken: frozenset[str]) -> bool:
    """
    Whether *problem* is about a reference to an item that has problems of its own.

    Such an item was left out of the check, so a reference to it looks dangling; the
    item's own problems are reported instead.
    """
    if not broken:
        return False
    value = _value_at(pack, problem.path)
    if not isinstance(value, str):
        return False
    full = value if "/" in value else f"{pack.name}/{value}"
    target = full.partition("/")[0]
    own = target == pack.name
    required = {normalize_name(n) for n in _requirement_names([pack])}
    return full in broken and (own or normalize_name(target) in required)


_PATH_PART = re.compile(r"\.?([A-Za-z_][A-Za-z0-9_-]*)|\[(\d+)\]")


def _value_at(obj: Any, path: str) -> Any:
    """The value at a field path (``questions[3].rubric``) of a model object, or ``None``."""
    position = 0
    while position < len(path):
        part = _PATH_PART.match(path, position)
        if part is None:
            return None
        position = part.end()
        name, index = part.groups()
        if index is not None:
            if not isinstance(obj, tuple) or int(index) >= len(obj):
                return None
            obj = obj[int(index)]
        elif attrs.has(type(obj)):
            fields = {f.metadata.get(KEY, f.name): f.name for f in attrs.fields(type(obj))}
            if name not in fields:
                return None
            obj = getattr(obj, fields[name])
        else:
            return None
    return obj


# -- content -----------------------------------------------------------------------------


def _texts(obj: Any, path: str) -> Iterator[tuple[str, str]]:
    """Every text people read in a model object, with its field path."""
    stack: list[tuple[Any, str]] = [(obj, path)]
    while stack:
        current, where = stack.pop()
        cls = type(current)
        extra = _TEXT_FIELDS_OF.get(cls.__name__, frozenset())
        found = []
        for field in attrs.fields(cls):
            key = field.metadata.get(KEY, field.name)
            value = getattr(current, field.name)
            at = f"{where}.{key}" if where else key
            is_text = field.name in _TEXT_FIELDS or field.name in extra
            if isinstance(value, str):
                if is_text:
                    found.append((at, value))
            elif isinstance(value, tuple):
                for index, entry in enumerate(value):
                    if isinstance(entry, str):
                        if is_text:
                            found.append((f"{at}[{index}]", entry))
                    elif attrs.has(type(entry)):
                        stack.append((entry, f"{at}[{index}]"))
            elif attrs.has(type(value)):
                stack.append((value, at))
        yield from found


def _plain_texts(data: Any, path: str) -> Iterator[tuple[str, str]]:
    """Every text people read in plain data (a part of a pack that is not valid)."""
    stack: list[tuple[Any, str, str]] = [(data, path, "")]
    while stack:
        current, where, parent = stack.pop()
        if isinstance(current, list):
            stack.extend((entry, f"{where}[{n}]", parent) for n, entry in enumerate(current))
        elif isinstance(current, dict):
            for key, value in current.items():
                if not isinstance(key, str):
                    continue
                at = f"{where}.{key}"
                is_text = key in _TEXT_FIELDS or (parent == "criteria" and key == "name")
                if is_text and isinstance(value, str):
                    yield at, value
                elif is_text and isinstance(value, list):
                    yield from (
                        (f"{at}[{n}]", v) for n, v in enumerate(value) if isinstance(v, str)
                    )
                elif isinstance(value, list | dict):
                    stack.append((value, at, key))


def _text_problem(path: str, text: str) -> Problem | None:
    if text and not text.strip():
        return Problem(path=path, message="is blank: write the text, or leave the field out")
    if PLACEHOLDER.search(text):
        msg = f"placeholder text {_quote(text)}: replace it with the finished text"
        return Problem(path=path, message=msg)
    return None


def _left_out_problems(reading: Reading) -> list[Problem]:
    """The placeholder and blank texts of the parts of a pack that are not valid."""
    found = []
    for path, data in reading.left_out:
        for where, text in _plain_texts(data, path):
            problem = _text_problem(where, text)
            if problem is not None:
                found.append(attrs.evolve(problem, pack=reading.name))
    return found


def _quote(text: str) -> str:
    flat = " ".join(text.split())
    return repr(flat if len(flat) <= _QUOTED else flat[: _QUOTED - 3] + "...")


def _text_problems(pack: Pack) -> Iterator[Problem]:
    for path, text in _texts(pack, ""):
        problem = _text_problem(path, text)
        if problem is not None:
            yield problem


def _duplicates(pack: Pack) -> Iterator[Problem]:
    for kind, fields in _DISTINCT.items():
        noun = KIND_NOUNS[kind]
        for field in fields:
            first: dict[str, Any] = {}
            for index, item in enumerate(getattr(pack, kind)):
                value = getattr(item, field, None)
                if not isinstance(value, str) or not value.strip():
                    continue
                key = " ".join(value.casefold().split())
                if key in first:
                    msg = (
                        f"the same {field} as {noun} {first[key].id!r}: merge the two "
                        f"{kind}, or make each say something of its own"
                    )
                    yield Problem(path=f"{kind}[{index}].{field}", message=msg)
                else:
                    first[key] = item


def _warnings(pack: Pack) -> Iterator[Problem]:
    for index, question in enumerate(pack.questions):
        unrated = question.rubric is None and getattr(question, "answer_type", None) is None
        if question.asked_by == "interviewer" and unrated:
            msg = (
                "answers to this question cannot be rated: name a rubric, or an answer_type "
                "(the library's rubric for that type of answer rates it)"
            )
            yield Problem(path=f"questions[{index}]", message=msg, severity="warning")
    for index, checklist in enumerate(pack.checklists):
        for position, item in enumerate(checklist.items):
            if item.due is not None and abs(item.due) > _MAX_DUE:
                days = abs(item.due).days
                msg = f"is {days} days from the interview (more than 60): is that meant?"
                path = f"checklists[{index}].items[{position}].due"
                yield Problem(path=path, message=msg, severity="warning")


def _round_trip(pack: Pack) -> Iterator[Problem]:
    from ._convert import from_dict, to_dict

    for how in ("to_dict/from_dict", "JSON"):
        try:
            if how == "JSON":
                same = from_json(Pack, to_json(pack)) == pack
            else:
                same = from_dict(Pack, to_dict(pack)) == pack
        except (StructureError, ValueError, TypeError):
            same = False
        if not same:
            msg = (
                f"the pack does not round-trip through {how}: please report this as a bug "
                "(of interviewprep, or of the code that builds the pack)"
            )
            yield Problem(message=msg)


def stale_translations(pack: Pack, resolution: Resolution) -> list[Problem]:
    """
    Warnings for the translations of *pack* that do not follow their source's text.

    A translation records the :func:`~interviewprep.text_revision` of the text it
    translates; when the source is edited, its revision changes, and the warning
    names the new one to record once the translation is brought in step.
    """
    found: list[Problem] = []
    for index, translation in enumerate(pack.translations):
        source = resolution.originals.get(translation.item_kind, {}).get(translation.translates)
        if source is None:
            continue
        revision = text_revision(source)
        if translation.revision == revision:
            continue
        if translation.revision is None:
            msg = (
                f"records no revision of {translation.translates!r}: once it matches the "
                f"source, set revision = {revision!r} so later edits of the source are noticed"
            )
        else:
            msg = (
                f"{translation.translates!r} has changed since this translation was made "
                f"(revision {translation.revision!r}, now {revision!r}): bring the text in "
                f"step, then set revision = {revision!r}"
            )
        path = f"translations[{index}].revision"
        found.append(Problem(message=msg, path=path, pack=pack.name, severity="warning"))
    return found


def content_problems(pack: Pack) -> list[Problem]:
    """
    The problems of a pack's content that reading it does not find.

    Errors: placeholder or blank text, two items of a kind with the same title or
    text, a failed round trip. Warnings: a question asked of the candidate with
    neither a rubric nor an answer type (nothing can rate the answers), a checklist
    item due more than 60 days from the interview.

    Args:
        pack: The pack.

    Returns:
        The problems, each with its field path in the pack (``tips[2].title``).
    """
    found = [
        *_text_problems(pack),
        *_duplicates(pack),
        *_round_trip(pack),
        *_warnings(pack),
    ]
    return [attrs.evolve(p, pack=pack.name) for p in found]
