"""
Reading one pack folder: ``pack.toml`` or ``pack.json`` and the files it includes.
"""

from __future__ import annotations

import errno
import os
import re
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from ._convert import from_dict
from ._files import Document, Limits, read_document
from ._model import ITEM_KINDS, ITEM_PATH, Pack
from ._suggest import close_matches
from .exceptions import PackError, Problem, StructureError, excerpt

if TYPE_CHECKING:
    from ._locate import Locator

__all__ = [
    "PACK_FILES",
    "Origin",
    "Reading",
    "file_order",
    "load_pack",
    "load_pack_with_origin",
    "read_pack",
]

#: The names of a pack's main file.
PACK_FILES = ("pack.toml", "pack.json")
_TRANSLATION_PATH = re.compile(r"translations\[(\d+)\](.*)")


@attrs.frozen
class _Source:
    """Where the items of one kind came from, to map merged indexes back to files."""

    file: Path
    kind: str
    start: int
    count: int
    locator: Locator


@attrs.frozen
class Origin:
    """
    The files a pack was read from, to point problems at a file and line.

    Attributes:
        main: The pack's main file.
        main_locator: Line lookup for the main file.
        sources: Which file each run of items of one kind came from.
    """

    main: Path
    main_locator: Locator = attrs.field(eq=False, repr=False)
    sources: tuple[_Source, ...] = attrs.field(eq=False, repr=False)
    #: Where the pack's items and translations sit in the files' arrays, when the
    #: files mix translations among the items of a kind; else ``None``.
    entries: Mapping[str, tuple[int, ...]] | None = attrs.field(default=None, eq=False, repr=False)
    translation_entries: tuple[tuple[str, int], ...] = attrs.field(default=(), eq=False, repr=False)

    def locate(self, problem: Problem) -> Problem:
        """
        Point a problem whose path indexes the whole pack at its file, local path and line.

        Paths index the :class:`Pack`: ``tips[3]`` is its fourth tip and
        ``translations[0]`` its first translation, wherever they sit in the files.
        """
        path = problem.path
        translation = _TRANSLATION_PATH.match(path)
        if translation and int(translation.group(1)) < len(self.translation_entries):
            kind, position = self.translation_entries[int(translation.group(1))]
            path = f"{kind}[{position}]{translation.group(2)}"
        elif self.entries is not None:
            item = ITEM_PATH.match(path)
            if item and int(item.group(2)) < len(self.entries.get(item.group(1), ())):
                position = self.entries[item.group(1)][int(item.group(2))]
                path = f"{item.group(1)}[{position}]{item.group(3)}"
        return self._locate_entry(attrs.evolve(problem, path=path))

    def _locate_entry(self, problem: Problem) -> Problem:
        match = ITEM_PATH.match(problem.path)
        if match:
            kind, index, rest = match.group(1), int(match.group(2)), match.group(3)
            for source in self.sources:
                if source.kind == kind and source.start <= index < source.start + source.count:
                    local = f"{kind}[{index - source.start}]{rest}"
                    line = source.locator.line(local)
                    return attrs.evolve(problem, file=str(source.file), path=local, line=line)
        line = self.main_locator.line(problem.path) if problem.path else problem.line
        return attrs.evolve(problem, file=str(self.main), line=line)


class _RefusedError(Exception):
    def __init__(self, *problems: Problem) -> None:
        super().__init__(problems)
        self.problems = problems


@attrs.frozen(kw_only=True)
class Reading:
    """
    Everything reading one pack folder found: the pack, or every problem and what is fine.

    A pack with problems is never loaded, but a validator still checks what it can:
    *partial* holds the manifest and the items that are fine on their own, so their
    ids and references can be checked in the same pass.

    Attributes:
        pack: The pack, when nothing is wrong with it.
        origin: Where its items came from; ``None`` when the main file is unreadable.
        problems: Every problem found, each naming its file, line and field path, in
            file order.
        partial: When there are problems and the manifest is fine: a pack of the items
            that are fine; else ``None``.
        positions: For each kind, the index in the whole pack of each item of *partial*.
        broken: The full ids (``pack/id``) of the items left out of *partial*, so that
            a reference to one is not reported as dangling as well.
        name: The pack's name, when the manifest gives a valid one.
        left_out: The field path and data, as read, of each part of the pack left out
            of *partial* (an item, or the manifest), for checks of plain data.
        files: The pack's files, in the order they were read (the main file first).
    """

    pack: Pack | None = None
    origin: Origin | None = None
    problems: tuple[Problem, ...] = ()
    partial: Pack | None = None
    positions: Mapping[str, tuple[int, ...]] = attrs.field(factory=dict)
    broken: frozenset[str] = frozenset()
    name: str | None = None
    left_out: tuple[tuple[str, Any], ...] = ()
    files: tuple[str, ...] = ()

    def whole_path(self, path: str) -> str:
        """A field path of *partial* (``tips[2].title``) as a path of the whole pack."""
        match = ITEM_PATH.match(path)
        if match is None or self.partial is None:
            return path
        kind, index, rest = match.group(1), int(match.group(2)), match.group(3)
        positions = self.positions.get(kind, ())
        return f"{kind}[{positions[index]}]{rest}" if index < len(positions) else path


def _problem(file: Path, message: str, *, line: int | None = None, path: str = "") -> Problem:
    return Problem(file=str(file), line=line, path=path, message=message)


def _main_file(path: Path) -> Path:
    if path.suffix in (".toml", ".json") and not path.is_dir():
        return path
    present = [path / name for name in PACK_FILES if (path / name).exists()]
    if len(present) == 1:
        return present[0]
    if present:
        msg = (
            f"{path} holds both {' and '.join(PACK_FILES)}: a folder holds one pack file. "
            "If pack.json was written by 'interviewprep build', delete it and build into a "
            f"folder of its own: interviewprep build {path / 'pack.toml'} -o OTHER/pack.json"
        )
    elif not path.exists():
        msg = f"no pack at {path}: the folder does not exist"
    else:
        msg = f"no pack file in {path}: expected {' or '.join(PACK_FILES)}"
    raise _RefusedError(_problem(path, msg))


def _inside(folder: Path, file: Path) -> bool:
    try:
        file.resolve().relative_to(folder)
    except (ValueError, OSError, RuntimeError):
        return False
    return True


def _is_link_loop(path: Path) -> bool:
    # Without strict, resolve() reports a loop as RuntimeError on 3.11 and not at all
    # later; a strict realpath raises ELOOP on every version.
    try:
        os.path.realpath(path, strict=True)
    except OSError as exc:
        return exc.errno == errno.ELOOP
    return False


def _included(
    folder: Path, main: Document, patterns: object, problems: list[Problem]
) -> list[Path]:
    """The files the ``include`` patterns match; the problems of the patterns go to *problems*."""
    if not patterns:
        return []
    if not isinstance(patterns, list) or not all(isinstance(p, str) for p in patterns):
        problems.append(main.problem("must be a list of glob patterns", "pack.include"))
        return []
    seen: set[Path] = {main.file.resolve()}
    files = []
    for index, pattern in enumerate(patterns):
        where = f"pack.include[{index}]"
        shown = excerpt(pattern)
        parts = Path(pattern).parts
        if not pattern.strip() or not parts or all(part == "." for part in parts):
            msg = f"{shown} is not a pattern of files: use one such as 'questions/*.toml'"
            problems.append(main.problem(msg, where))
            continue
        if Path(pattern).is_absolute() or ".." in parts or pattern.startswith("~"):
            msg = f"{shown} reaches outside the pack folder: use a pattern relative to it"
            problems.append(main.problem(msg, where))
            continue
        try:
            matches = sorted(main.file.parent.glob(pattern))  # named as the user names the pack
        except (ValueError, OSError, RuntimeError, IndexError, NotImplementedError) as exc:
            # An OSError's text repeats the path the glob built from the pattern.
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            msg = f"{shown} cannot be used as a pattern: {reason[:200]}"
            problems.append(main.problem(msg, where))
            continue
        if not matches:
            problems.append(main.problem(f"{shown} matches no file", where))
            continue
        for match in matches:
            if _is_link_loop(match):
                msg = f"{excerpt(match.name)} (matched by {shown}) is a loop of symbolic links"
                problems.append(main.problem(msg, where))
            elif not _inside(folder, match):
                msg = f"{excerpt(match.name)} (matched by {shown}) points outside the pack folder"
                problems.append(main.problem(msg, where))
            elif match.suffix not in (".toml", ".json") or match.is_dir():
                msg = f"{excerpt(match.name)} (matched by {shown}) is not a .toml or .json file"
                problems.append(main.problem(msg, where))
            elif match.resolve() not in seen:
                seen.add(match.resolve())
                files.append(match)
    return files


def _unknown_top_level(document: Document, key: str, allowed: tuple[str, ...]) -> Problem:
    close = close_matches(key, allowed) if isinstance(key, str) else []
    hint = f"did you mean {close[0]!r}?" if close else f"a pack file holds {', '.join(allowed)}"
    msg = f"unknown top-level key {excerpt(key)}: {hint}"
    return document.problem(msg, key)


#: What to do about a pack file over the size limit.
_SPLIT = (
    "split the pack into several files listed in 'include' in its [pack] table, or raise "
    "the limit with --max-file-bytes on the command line or Limits(max_file_bytes=...) "
    "in Python"
)


def _read(path: Path, limits: Limits) -> Document:
    try:
        return read_document(path, limits=limits, too_large=_SPLIT)
    except StructureError as exc:
        raise _RefusedError(*exc.problems) from None


def file_order(files: Iterable[Path | str]) -> Callable[[Problem], tuple[int, int]]:
    """The sort key of problems in the order of *files*, then of lines."""
    order: dict[str, int] = {}
    for file in files:
        order.setdefault(str(file), len(order))

    def key(problem: Problem) -> tuple[int, int]:
        return (order.get(problem.file or "", -1), problem.line or 0)

    return key


def _assemble(path: Path, limits: Limits) -> Reading:
    try:
        main_file = _main_file(path)
        folder = main_file.parent.resolve()
    except (OSError, ValueError) as exc:  # a name too long, a NUL byte
        msg = f"cannot read the pack: {getattr(exc, 'strerror', None) or exc}"
        raise _RefusedError(_problem(path, msg)) from None
    if not _inside(folder, main_file):
        raise _RefusedError(_problem(main_file, "the pack file points outside the pack folder"))
    main = _read(main_file, limits)
    manifest = main.data.get("pack")
    problems: list[Problem] = []
    has_manifest = isinstance(manifest, dict)
    if not isinstance(manifest, dict):
        problems.append(_problem(main_file, "missing the [pack] table (the manifest)", line=1))
        manifest = {}
    manifest = dict(manifest)
    patterns = manifest.pop("include", [])
    merged: dict[str, Any] = {"pack": manifest}
    sources: list[_Source] = []
    allowed = ("pack", *ITEM_KINDS, "phrases")
    unknown = sorted(set(main.data) - set(allowed))
    problems += [_unknown_top_level(main, key, allowed) for key in unknown]
    files = [main_file, *_included(folder, main, patterns, problems)]
    if len(files) > limits.max_files + 1:
        msg = f"the pack includes {len(files) - 1} files, over the limit of {limits.max_files}"
        raise _RefusedError(_problem(main_file, msg, path="pack.include"))
    for file in files:
        if file is main_file:
            document = main
        else:
            try:
                document = _read(file, limits)
            except _RefusedError as refused:
                problems += refused.problems
                continue
            unknown = sorted(set(document.data) - {*ITEM_KINDS, "phrases"})
            problems += [
                _unknown_top_level(document, key, (*ITEM_KINDS, "phrases")) for key in unknown
            ]
        phrases = document.data.get("phrases")
        if phrases is not None:
            if not isinstance(phrases, dict):
                problems.append(document.problem("must be a table of phrases", "phrases"))
            else:
                merged_phrases = merged.setdefault("phrases", {})
                for key in sorted(phrases.keys() & merged_phrases.keys()):
                    msg = f"phrase {excerpt(key)} is given in two files of the pack"
                    problems.append(document.problem(msg, f"phrases.{key}"))
                merged_phrases.update(phrases)
        for kind in ITEM_KINDS:
            items = document.data.get(kind, [])
            if not isinstance(items, list):
                problems.append(document.problem("must be an array of tables", kind))
                continue
            bucket = merged.setdefault(kind, [])
            sources.append(_Source(file, kind, len(bucket), len(items), document.locator))
            bucket.extend(items)
    count = sum(len(merged.get(kind, [])) for kind in ITEM_KINDS)
    if count > limits.max_items:
        msg = f"the pack holds {count:,} items, over the limit of {limits.max_items:,}"
        raise _RefusedError(*problems, _problem(main_file, msg))
    origin = Origin(main_file, main.locator, tuple(sources))
    if not problems:
        try:
            pack = from_dict(Pack, merged)
            if pack.translations:
                origin = _with_entries(origin, merged)
            return Reading(pack=pack, origin=origin, name=pack.name, files=tuple(map(str, files)))
        except StructureError as exc:
            found = [origin.locate(p) for p in exc.problems]
    else:
        found = []
    from ._partial import Collector  # only a pack with problems is read part by part

    parts = Collector(merged, origin, manifest=has_manifest).collect()
    reading = Reading(origin=origin, **attrs.asdict(parts, recurse=False))
    if reading.problems or problems:
        found = [*problems, *reading.problems]
    found.sort(key=file_order(files))
    if reading.name is not None:
        found = [p if p.pack else attrs.evolve(p, pack=reading.name) for p in found]
    return attrs.evolve(reading, problems=tuple(found), files=tuple(map(str, files)))


def _with_entries(origin: Origin, merged: Mapping[str, Any]) -> Origin:
    """*origin* knowing where each item and translation sits in the files' arrays."""
    entries: dict[str, tuple[int, ...]] = {}
    translations: list[tuple[str, int]] = []
    for kind in ITEM_KINDS:
        data = merged.get(kind, ())
        is_translation = [isinstance(e, Mapping) and "translates" in e for e in data]
        entries[kind] = tuple(i for i, t in enumerate(is_translation) if not t)
        translations += [(kind, i) for i, t in enumerate(is_translation) if t]
    return attrs.evolve(origin, entries=entries, translation_entries=tuple(translations))


def read_pack(path: str | os.PathLike[str], *, limits: Limits | None = None) -> Reading:
    """
    Read one pack folder and report everything wrong with it; never raises for content.

    Every file is read and every item structured on its own, so that one pass finds
    every problem: those of the files, of each item's fields, of ids, with what is
    fine kept aside (:attr:`Reading.partial`) for the checks that need other packs.
    """
    try:
        return _assemble(Path(path), limits or Limits())
    except _RefusedError as refused:
        return Reading(problems=refused.problems)


def load_pack_with_origin(
    path: str | os.PathLike[str], *, limits: Limits | None = None
) -> tuple[Pack, Origin]:
    """
    Load a pack like :func:`load_pack`, also returning where its items came from.

    Raises:
        PackError: With every problem found.
    """
    reading = read_pack(path, limits=limits)
    if reading.pack is None or reading.origin is None or reading.problems:
        raise PackError(reading.problems, summary=f"cannot read the pack at {path}:")
    return reading.pack, reading.origin


def load_pack(path: str | os.PathLike[str], *, limits: Limits | None = None) -> Pack:
    """
    Load one pack folder (or its ``pack.toml`` / ``pack.json``) on its own.

    Items come in the order of the main file, then of each included file (files in
    the order of the ``include`` patterns, each pattern's matches sorted by name).
    References are not resolved: that needs the other packs (see
    :func:`~interviewprep.load_library`, and :func:`~interviewprep.validate_pack`
    to check a pack together with the installed packs it requires).

    Args:
        path: The pack folder, or its main file.
        limits: Bounds on file size, nesting and item count.

    Returns:
        The pack, its items stamped with its name.

    Raises:
        PackError: With every problem found, each naming the file, the line where
            known and the field path.
    """
    return load_pack_with_origin(path, limits=limits)[0]
