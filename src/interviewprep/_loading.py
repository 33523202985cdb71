"""
Reading one pack folder: ``pack.toml`` or ``pack.json`` and the files it includes.
"""

from __future__ import annotations

import errno
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from ._convert import from_dict
from ._files import Document, Limits, read_document
from ._model import ITEM_KINDS, Pack
from .exceptions import PackError, Problem, StructureError, excerpt

if TYPE_CHECKING:
    from ._locate import Locator

__all__ = ["PACK_FILES", "Origin", "load_pack", "load_pack_with_origin"]

#: The names of a pack's main file.
PACK_FILES = ("pack.toml", "pack.json")
_ITEM_PATH = re.compile(r"(tips|questions|checklists|rubrics)\[(\d+)\](.*)")


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

    def locate(self, problem: Problem) -> Problem:
        """
        Point a problem whose path indexes the whole pack at its file, local path and line.
        """
        match = _ITEM_PATH.match(problem.path)
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
            f"{path} holds both {' and '.join(PACK_FILES)}: keep one (a built pack.json "
            "belongs in a folder of its own)"
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


def _included(folder: Path, main: Document, patterns: object) -> Iterator[Path]:
    if not patterns:
        return
    if not isinstance(patterns, list) or not all(isinstance(p, str) for p in patterns):
        raise _RefusedError(main.problem("must be a list of glob patterns", "pack.include"))
    seen: set[Path] = {main.file.resolve()}
    problems = []
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
            matches = sorted(folder.glob(pattern))
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
                yield match
    if problems:
        raise _RefusedError(*problems)


def _unknown_top_level(document: Document, key: str) -> Problem:
    allowed = ", ".join(ITEM_KINDS)
    msg = f"unknown top-level key {excerpt(key)}: a pack file holds [pack] and {allowed}"
    return document.problem(msg, key)


def _read(path: Path, limits: Limits) -> Document:
    try:
        return read_document(path, limits=limits)
    except StructureError as exc:
        raise _RefusedError(*exc.problems) from None


def _assemble(path: Path, limits: Limits) -> tuple[Pack, Origin]:
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
    if not isinstance(manifest, dict):
        raise _RefusedError(_problem(main_file, "missing the [pack] table (the manifest)", line=1))
    manifest = dict(manifest)
    patterns = manifest.pop("include", [])
    merged: dict[str, Any] = {"pack": manifest}
    sources: list[_Source] = []
    problems = [_unknown_top_level(main, k) for k in sorted(set(main.data) - {"pack", *ITEM_KINDS})]
    files = [main_file, *_included(folder, main, patterns)]
    if len(files) > limits.max_files + 1:
        msg = f"the pack includes {len(files) - 1} files, over the limit of {limits.max_files}"
        raise _RefusedError(_problem(main_file, msg, path="pack.include"))
    for file in files:
        document = main if file is main_file else _read(file, limits)
        if file is not main_file:
            unknown = sorted(set(document.data) - set(ITEM_KINDS))
            problems += [_unknown_top_level(document, key) for key in unknown]
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
        problems.append(_problem(main_file, msg))
    if problems:
        raise _RefusedError(*problems)
    origin = Origin(main_file, main.locator, tuple(sources))
    try:
        return from_dict(Pack, merged), origin
    except StructureError as exc:
        raise _RefusedError(*(origin.locate(p) for p in exc.problems)) from None


def load_pack_with_origin(
    path: str | os.PathLike[str], *, limits: Limits | None = None
) -> tuple[Pack, Origin]:
    """
    Load a pack like :func:`load_pack`, also returning where its items came from.

    Raises:
        PackError: With every problem found.
    """
    try:
        return _assemble(Path(path), limits or Limits())
    except _RefusedError as refused:
        raise PackError(refused.problems, summary=f"cannot read the pack at {path}:") from None


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
