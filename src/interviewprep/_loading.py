"""
Reading one pack folder: ``pack.toml`` or ``pack.json`` and the files it includes.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs

from ._model import Pack
from ._problems import Problem
from .exceptions import PackError

__all__ = ["PACK_FILES", "Limits", "load_pack", "read_pack", "validate_pack"]

#: The names of a pack's main file, in order of preference.
PACK_FILES = ("pack.toml", "pack.json")
_KINDS = ("tips", "questions", "checklists", "rubrics")
_TOML_LINE = re.compile(r"\(at line (\d+), column (\d+)\)")


class _LazyLocator:
    """Builds the TOML line index only when a problem needs a line number."""

    __slots__ = ("_locator", "_text")

    def __init__(self, text: str | bytes) -> None:
        self._text = text
        self._locator: Any = None

    def line(self, path: str) -> int | None:
        if self._locator is None:
            from ._locate import TomlLocator

            text = self._text
            self._locator = TomlLocator(text.decode("utf-8") if isinstance(text, bytes) else text)
        found: int | None = self._locator.line(path)
        return found


@attrs.frozen(kw_only=True)
class Limits:
    """
    Bounds that keep a hostile or broken pack from exhausting memory or the stack.

    Attributes:
        max_file_bytes: The largest pack file read; larger files are refused unread.
        max_depth: The deepest nesting of tables and arrays accepted.
        max_items: The most items (of all kinds together) one pack may hold.
        max_files: The most files one pack may include.
    """

    max_file_bytes: int = 5_000_000
    max_depth: int = 32
    max_items: int = 200_000
    max_files: int = 1_000


class _RefusedError(Exception):
    """A file could not be read; carries the problems."""

    def __init__(self, *problems: Problem) -> None:
        super().__init__(problems)
        self.problems = problems


@attrs.frozen
class _Source:
    """Where the items of one kind came from, to map merged indexes back to files."""

    file: Path
    kind: str
    start: int
    count: int
    locator: Any


def _problem(
    file: Path | None, message: str, *, line: int | None = None, path: str = ""
) -> Problem:
    return Problem(file=str(file) if file else None, line=line, path=path, message=message)


def _decode(file: Path, data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        msg = "the file starts with a byte-order mark: save it as UTF-8 without BOM"
        raise _RefusedError(_problem(file, msg, line=1))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        msg = f"not valid UTF-8 (byte {data[exc.start]:#04x} at offset {exc.start})"
        raise _RefusedError(_problem(file, msg, line=line)) from None
    nul = text.find("\0")
    if nul != -1:
        line = text.count("\n", 0, nul) + 1
        raise _RefusedError(_problem(file, "the file contains a NUL byte", line=line))
    if not text.strip():
        raise _RefusedError(_problem(file, "the file is empty"))
    return text


def _reject_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                msg = f"duplicate key {key!r}"
                raise ValueError(msg)
            seen.add(key)
    return result


def _depth(value: object, limit: int) -> int:
    """The nesting depth of *value*, computed without recursion, stopping past *limit*."""
    deepest = 0
    stack: list[tuple[object, int]] = [(value, 1)]
    while stack:
        current, depth = stack.pop()
        if depth > deepest:
            deepest = depth
            if deepest > limit:
                break
        if isinstance(current, dict):
            stack.extend((child, depth + 1) for child in current.values())
        elif isinstance(current, list):
            stack.extend((child, depth + 1) for child in current)
    return deepest


def _parse(file: Path, limits: Limits) -> tuple[dict[str, Any], Any]:
    """Read and parse one pack file; returns the data and a line locator (or ``None``)."""
    try:
        size = file.stat().st_size
    except OSError as exc:
        raise _RefusedError(_problem(file, f"cannot read the file: {exc.strerror}")) from None
    if size > limits.max_file_bytes:
        msg = f"the file is {size:,} bytes, over the limit of {limits.max_file_bytes:,}"
        raise _RefusedError(_problem(file, msg))
    try:
        raw = file.read_bytes()
    except OSError as exc:
        raise _RefusedError(_problem(file, f"cannot read the file: {exc.strerror}")) from None
    locator = None
    if file.suffix != ".json":
        from . import _cache

        # A hit means these exact bytes were decoded, checked and parsed before.
        cached = _cache.load(raw) if len(raw) >= _cache.MIN_BYTES else None
        if cached is not None:
            return cached, _LazyLocator(raw)
    text = _decode(file, raw)
    try:
        if file.suffix == ".json":
            data = json.loads(text, object_pairs_hook=_reject_duplicate_keys)
        else:
            import tomllib

            locator = _LazyLocator(text)
            data = tomllib.loads(text)
            if len(raw) >= _cache.MIN_BYTES:
                _cache.store(raw, data)
    except RecursionError:
        msg = f"nested too deeply (the limit is {limits.max_depth} levels)"
        raise _RefusedError(_problem(file, msg)) from None
    except json.JSONDecodeError as exc:
        msg = f"invalid JSON: {exc.msg} (column {exc.colno})"
        raise _RefusedError(_problem(file, msg, line=exc.lineno)) from None
    except ValueError as exc:  # tomllib.TOMLDecodeError and duplicate JSON keys
        message = str(exc)
        found = _TOML_LINE.search(message)
        line = int(found.group(1)) if found else None
        message = _TOML_LINE.sub("", message).strip()
        kind = "JSON" if file.suffix == ".json" else "TOML"
        raise _RefusedError(_problem(file, f"invalid {kind}: {message}", line=line)) from None
    if not isinstance(data, dict):
        raise _RefusedError(_problem(file, "the file must hold a table (a JSON object) at the top"))
    return data, locator


def _too_deep(file: Path, data: object, limits: Limits) -> Problem | None:
    """
    The nesting problem of *data*, if any.

    Checked only when a pack fails to structure: the model is shallow, so anything
    nested deeper than the limit fails there anyway, and walking every node of a
    large valid pack would cost more than structuring it.
    """
    if _depth(data, limits.max_depth) > limits.max_depth:
        msg = f"nested too deeply (the limit is {limits.max_depth} levels)"
        return _problem(file, msg)
    return None


def _main_file(path: Path) -> Path:
    if path.is_file() or path.suffix in (".toml", ".json"):
        return path
    for name in PACK_FILES:
        if (path / name).exists():
            return path / name
    if not path.exists():
        msg = f"no pack at {path}: the folder does not exist"
    else:
        msg = f"no pack file in {path}: expected {' or '.join(PACK_FILES)}"
    raise _RefusedError(_problem(path, msg))


def _inside(folder: Path, file: Path) -> bool:
    try:
        file.resolve().relative_to(folder)
    except ValueError:
        return False
    return True


def _included(folder: Path, main: Path, patterns: object, locator: Any) -> Iterator[Path]:
    if not patterns:
        return
    line = locator.line("pack.include") if locator else None
    if not isinstance(patterns, list) or not all(isinstance(p, str) for p in patterns):
        raise _RefusedError(
            _problem(main, "must be a list of glob patterns", line=line, path="pack.include")
        )
    seen: set[Path] = {main.resolve()}
    problems = []
    for index, pattern in enumerate(patterns):
        where = f"pack.include[{index}]"
        if Path(pattern).is_absolute() or ".." in Path(pattern).parts or pattern.startswith("~"):
            msg = f"{pattern!r} reaches outside the pack folder: use a pattern relative to it"
            problems.append(_problem(main, msg, line=line, path=where))
            continue
        matches = sorted(folder.glob(pattern))
        if not matches:
            problems.append(_problem(main, f"{pattern!r} matches no file", line=line, path=where))
            continue
        for match in matches:
            if not _inside(folder, match):
                msg = f"{match.name!r} (matched by {pattern!r}) points outside the pack folder"
                problems.append(_problem(main, msg, line=line, path=where))
            elif match.suffix not in (".toml", ".json"):
                msg = f"{match.name!r} (matched by {pattern!r}) is not a .toml or .json file"
                problems.append(_problem(main, msg, line=line, path=where))
            elif match.resolve() not in seen:
                seen.add(match.resolve())
                yield match
    if problems:
        raise _RefusedError(*problems)


@attrs.frozen
class Origin:
    """
    The files a pack was read from, to point problems at a file and line.

    Attributes:
        main: The pack's main file.
        main_locator: Line lookup for the main file (TOML only).
        sources: Which file each run of items of one kind came from.
    """

    main: Path
    main_locator: Any
    sources: tuple[_Source, ...]

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
                    line = source.locator.line(local) if source.locator else None
                    return attrs.evolve(problem, file=str(source.file), path=local, line=line)
        locator = self.main_locator
        line = locator.line(problem.path) if locator and problem.path else None
        return attrs.evolve(problem, file=str(self.main), line=line)


_ITEM_PATH = re.compile(r"(tips|questions|checklists|rubrics)\[(\d+)\](.*)")


def read_pack(path: str | os.PathLike[str], *, limits: Limits | None = None) -> Pack:
    """
    Read a pack folder (or its ``pack.toml`` / ``pack.json``) into a :class:`Pack`.

    Items come in the order of the main file, then of each included file (files in
    the order of the ``include`` patterns, each pattern's matches sorted by name).

    Args:
        path: The pack folder, or its main file.
        limits: Bounds on file size, nesting and item count.

    Returns:
        The pack, its items stamped with its name. References are not resolved:
        that needs the other packs (see :func:`~interviewprep.load_library`).

    Raises:
        PackError: With every problem found, each naming the file, the line where
            known and the field path.
    """
    return read_pack_with_origin(path, limits=limits)[0]


def read_pack_with_origin(
    path: str | os.PathLike[str], *, limits: Limits | None = None
) -> tuple[Pack, Origin]:
    """
    Read a pack like :func:`read_pack`, also returning where its items came from.

    Args:
        path: The pack folder, or its main file.
        limits: Bounds on file size, nesting and item count.

    Returns:
        The pack and its :class:`Origin`.

    Raises:
        PackError: With every problem found.
    """
    from ._convert import from_dict
    from .exceptions import StructureError

    limits = limits or Limits()
    try:
        main = _main_file(Path(path))
        folder = main.parent.resolve()
        if not _inside(folder, main):
            raise _RefusedError(_problem(main, "the pack file points outside the pack folder"))
        data, main_locator = _parse(main, limits)
        manifest = data.get("pack")
        if not isinstance(manifest, dict):
            deep = _too_deep(main, data, limits)
            if deep is not None:
                raise _RefusedError(deep)
            raise _RefusedError(_problem(main, "missing the [pack] table (the manifest)", line=1))
        manifest = dict(manifest)
        patterns = manifest.pop("include", [])
        merged: dict[str, Any] = {"pack": manifest}
        sources: list[_Source] = []
        extra = sorted(set(data) - {"pack", *_KINDS})
        problems = [_unknown_top_level(main, key, main_locator) for key in extra]
        files = [main, *_included(folder, main, patterns, main_locator)]
        if len(files) > limits.max_files + 1:
            msg = f"the pack includes {len(files) - 1} files, over the limit of {limits.max_files}"
            raise _RefusedError(_problem(main, msg, path="pack.include"))
        for file in files:
            content, locator = (data, main_locator) if file is main else _parse(file, limits)
            if file is not main:
                unknown = sorted(set(content) - set(_KINDS))
                problems += [_unknown_top_level(file, key, locator) for key in unknown]
            for kind in _KINDS:
                items = content.get(kind, [])
                if not isinstance(items, list):
                    line = locator.line(kind) if locator else None
                    msg = "must be an array of tables"
                    problems.append(_problem(file, msg, line=line, path=kind))
                    continue
                bucket = merged.setdefault(kind, [])
                sources.append(_Source(file, kind, len(bucket), len(items), locator))
                bucket.extend(items)
        count = sum(len(merged.get(kind, [])) for kind in _KINDS)
        if count > limits.max_items:
            msg = f"the pack holds {count:,} items, over the limit of {limits.max_items:,}"
            problems.append(_problem(main, msg))
        if problems:
            raise _RefusedError(*problems)
        origin = Origin(main, main_locator, tuple(sources))
        try:
            return from_dict(Pack, merged), origin
        except StructureError as exc:
            deep = _too_deep(main, merged, limits)
            if deep is not None:
                raise _RefusedError(deep) from None
            raise _RefusedError(*(origin.locate(p) for p in exc.problems)) from None
    except _RefusedError as refused:
        raise PackError(refused.problems, summary=f"cannot read the pack at {path}:") from None


def _unknown_top_level(file: Path, key: str, locator: Any) -> Problem:
    line = locator.line(key) if locator else None
    allowed = ", ".join(_KINDS)
    msg = f"unknown top-level key {key!r}: a pack file holds [pack] and {allowed}"
    return _problem(file, msg, line=line, path=key)


def load_pack(path: str | os.PathLike[str], *, limits: Limits | None = None) -> Pack:
    """
    Load one pack folder (or its ``pack.toml`` / ``pack.json``).

    This is :func:`read_pack`: the pack is checked on its own. Use
    :func:`validate_pack` to also check its references against the installed packs.

    Args:
        path: The pack folder or its main file.
        limits: Bounds on file size, nesting and item count.

    Returns:
        The pack.

    Raises:
        PackError: With every problem found.
    """
    return read_pack(path, limits=limits)


def validate_pack(path: str | os.PathLike[str], *, limits: Limits | None = None) -> list[Problem]:
    """
    Check a pack folder and return its problems; never raises for content problems.

    The pack is read (syntax, fields, ids, includes, limits) and then merged with the
    installed packs it requires, so references, ``requires`` and ``replaces`` are
    checked too. An installed pack of the same name is set aside for the check.

    Args:
        path: The pack folder or its main file.
        limits: Bounds on file size, nesting and item count.

    Returns:
        The problems, in file order; empty when the pack is valid.
    """
    try:
        pack, origin = read_pack_with_origin(path, limits=limits)
    except PackError as exc:
        return list(exc.problems)
    from ._library import check_against_installed

    return check_against_installed(pack, origin, Path(path))
