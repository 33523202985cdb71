"""
The one reader of data files: pack files, interview files, story banks, answer files.

Every file goes through the same steps and the same error contract:

1. read as a regular file of bounded size (``Limits.max_file_bytes``);
2. decoded as UTF-8 (no byte-order mark, no NUL byte, not empty);
3. parsed as TOML or JSON by its suffix, duplicate keys refused in both, nesting
   bounded (large TOML files go through the parse cache, see :mod:`._cache`);
4. every string checked for lone surrogates, which JSON escapes can make but no
   UTF-8 writer can write (text the library accepts is text every writer can write).

Anything wrong raises :class:`~interviewprep.StructureError` whose problems name the
file, the line (in TOML and JSON alike) and the field path.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

import attrs

from ._convert import from_dict, to_dict
from ._filesystem import FileRefusedError, FileTooLargeError, read_regular_file
from .exceptions import Problem, StructureError, excerpt

if TYPE_CHECKING:
    from ._locate import Locator

__all__ = [
    "Document",
    "Limits",
    "from_json",
    "locate",
    "read_document",
    "read_model",
    "read_text",
    "to_json",
]

T = TypeVar("T")

_TOML_LINE = re.compile(r"\(at line (\d+), column (\d+)\)")
# Characters no text may hold: lone surrogates (a valid pair is decoded into one
# character by the parsers, so any surrogate left is alone).
_FORBIDDEN = re.compile("[\ud800-\udfff]")
_MEGABYTE = 1024 * 1024


@attrs.frozen(kw_only=True)
class Limits:
    """
    Bounds that keep a hostile or broken file from exhausting memory or the stack.

    Attributes:
        max_file_bytes: The largest file read; larger files are refused unread.
            A large pack can be split into several files with ``include``; on the
            command line, ``--max-file-bytes`` sets this limit.
        max_depth: The deepest nesting of tables and arrays accepted.
        max_items: The most items (of all kinds together) one pack may hold.
        max_files: The most files one pack may include.
        code_pack_seconds: The longest a code pack may take to import and build;
            past it the pack is left out with a problem.
    """

    max_file_bytes: int = 64 * _MEGABYTE
    max_depth: int = 32
    max_items: int = 200_000
    max_files: int = 1_000
    code_pack_seconds: float = 10.0


class _LazyLocator:
    """Builds a line index only when a problem needs a line number."""

    __slots__ = ("_json", "_locator", "_text")

    def __init__(self, text: str, *, is_json: bool) -> None:
        self._text = text
        self._json = is_json
        self._locator: Locator | None = None

    def line(self, path: str) -> int | None:
        if self._locator is None:
            # Imported here: most files never need a line number.
            from ._locate import JsonLocator, TomlLocator

            self._locator = JsonLocator(self._text) if self._json else TomlLocator(self._text)
        return self._locator.line(path)


@attrs.frozen
class Document:
    """
    A parsed data file.

    Attributes:
        file: Where it was read from.
        data: The top-level table.
        locator: Finds the line of a field path in the file.
    """

    file: Path
    data: dict[str, Any]
    locator: Locator = attrs.field(eq=False, repr=False)

    def problem(self, message: str, path: str = "") -> Problem:
        """
        A problem in this file at *path*, with its line where known.
        """
        line = self.locator.line(path) if path else None
        return Problem(file=str(self.file), line=line, path=path, message=message)


def _refuse(
    file: Path | None, message: str, *, line: int | None = None, path: str = ""
) -> NoReturn:
    problem = Problem(file=str(file) if file else None, line=line, path=path, message=message)
    raise StructureError([problem], target=str(file) if file else "data")


def _megabytes(size: int) -> str:
    if size < _MEGABYTE:
        return f"{size:,} bytes"
    return f"{size / _MEGABYTE:,.1f} MB ({size:,} bytes)"


def _refusal(file: Path, exc: FileRefusedError, too_large: str = "") -> str:
    """
    Why *file* was not read; for a file over the size limit, its size, the limit, and
    what to do (*too_large*, by default: raise the limit).
    """
    if not isinstance(exc, FileTooLargeError):
        return str(exc)
    size = _megabytes(exc.size) if exc.size is not None else "larger than that"
    advice = too_large or "raise the limit with Limits(max_file_bytes=...)"
    return f"{file.name} is {size}, over the limit of {_megabytes(exc.limit)}: {advice}"


def _decode(file: Path | None, data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        _refuse(
            file, "the file starts with a byte-order mark: save it as UTF-8 without BOM", line=1
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        msg = f"not valid UTF-8 (byte {data[exc.start]:#04x} at offset {exc.start})"
        _refuse(file, msg, line=line)
    nul = text.find("\0")
    if nul != -1:
        _refuse(file, "the file contains a NUL byte", line=text.count("\n", 0, nul) + 1)
    return text


def refuse_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """
    The ``object_pairs_hook`` that makes :func:`json.loads` refuse a repeated key.
    """
    result = dict(pairs)
    if len(result) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                msg = f"duplicate key {excerpt(key)}"
                raise ValueError(msg)
            seen.add(key)
    return result


def _parse_json(file: Path | None, text: str, limits: Limits) -> Any:
    try:
        return json.loads(text, object_pairs_hook=refuse_duplicate_keys)
    except RecursionError:
        _refuse(file, f"nested too deeply (the limit is {limits.max_depth} levels)")
    except json.JSONDecodeError as exc:
        _refuse(file, f"invalid JSON: {exc.msg} (column {exc.colno})", line=exc.lineno)
    except ValueError as exc:  # a duplicate key: find its line
        from ._locate import JsonLocator

        duplicate = JsonLocator(text).duplicate
        path, line = duplicate if duplicate else ("", None)
        _refuse(file, f"invalid JSON: {exc}", line=line, path=path)


# One part of a TOML key, bare, "basic" or 'literal', and the dot between two parts.
# Possessive quantifiers, and a search that starts only at dots, keep the search linear.
_KEY_PART = r"""(?:[A-Za-z0-9_-]++|"(?:[^"\\\n]|\\.)*+"|'[^'\n]*+')"""
_KEY_DOT = r"[ \t]*+\.[ \t]*+"


def _dotted_key_too_long(text: str, limit: int) -> int | None:
    """
    The line of the first run of more than *limit* dotted key parts, if any.

    tomllib takes time and memory quadratic in the parts of one dotted key (``a.b.c = 1``,
    ``[a.b.c]``): 100,000 parts, a 200 kB file, take minutes and gigabytes. Such a key
    nests tables past the depth limit and would be refused after parsing anyway. (The
    search does not tell keys from strings: a string holding more than *limit* words
    joined by dots is refused too.)
    """
    chain = rf"{_KEY_DOT}{_KEY_PART}"
    found = re.search(rf"\.[ \t]*+{_KEY_PART}(?:{chain}){{{limit - 1}}}", text)
    return None if found is None else text.count("\n", 0, found.start()) + 1


def _parse_toml(file: Path | None, text: str, limits: Limits) -> Any:
    import tomllib

    line = _dotted_key_too_long(text, limits.max_depth)
    if line is not None:
        _refuse(file, f"nested too deeply (the limit is {limits.max_depth} levels)", line=line)
    try:
        return tomllib.loads(text)
    except RecursionError:
        _refuse(file, f"nested too deeply (the limit is {limits.max_depth} levels)")
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        found = _TOML_LINE.search(message)
        line = int(found.group(1)) if found else None
        _refuse(file, f"invalid TOML: {_TOML_LINE.sub('', message).strip()}", line=line)
    except ValueError as exc:  # an integer of more digits than Python converts (4300)
        _refuse(file, f"invalid TOML: {exc}")


def _strings(data: object, path: str = "") -> Iterator[tuple[str, str]]:
    """Every string in *data* (keys too) with its field path, without recursion."""
    stack: list[tuple[object, str]] = [(data, path)]
    while stack:
        value, where = stack.pop()
        if isinstance(value, str):
            yield where, value
        elif isinstance(value, dict):
            for key, child in value.items():
                child_path = f"{where}.{key}" if where else str(key)
                if isinstance(key, str):
                    yield child_path, key
                stack.append((child, child_path))
        elif isinstance(value, list):
            stack.extend((child, f"{where}[{n}]") for n, child in enumerate(value))


def check_text(data: object) -> list[tuple[str, str]]:
    """
    The field paths of strings holding a character no text may hold, with a reason.
    """
    found = []
    for path, value in _strings(data):
        bad = _FORBIDDEN.search(value)
        if bad is not None:
            code = f"U+{ord(bad.group()):04X}"
            found.append((path, f"holds a lone surrogate ({code}), which no file can hold"))
    return found


def _needs_text_check(text: str, is_json: bool) -> bool:
    # Only a JSON escape can make a lone surrogate (tomllib refuses them), so most
    # files skip the walk.
    return is_json and "\\u" in text


def _depth_exceeds(value: object, limit: int) -> bool:
    stack: list[tuple[object, int]] = [(value, 1)]
    while stack:
        current, depth = stack.pop()
        if depth > limit:
            return True
        if isinstance(current, dict):
            stack.extend((child, depth + 1) for child in current.values())
        elif isinstance(current, list):
            stack.extend((child, depth + 1) for child in current)
    return False


def parse_text(
    text: str, *, is_json: bool, file: Path | None = None, limits: Limits | None = None
) -> dict[str, Any]:
    """
    Parse TOML or JSON text into a top-level table, checking every string.

    Raises:
        StructureError: With the problem, its line where known.
    """
    limits = limits or Limits()
    data = (_parse_json if is_json else _parse_toml)(file, text, limits)
    if not isinstance(data, dict):
        _refuse(file, "the file must hold a table (a JSON object) at the top")
    _check_parsed(file, text, data, is_json=is_json, limits=limits)
    return data


def _check_parsed(
    file: Path | None,
    text: str,
    data: dict[str, Any],
    *,
    is_json: bool,
    limits: Limits,
    decoded: bool = True,
) -> None:
    # Text not decoded from UTF-8 here (a str given to from_json) may hold a lone
    # surrogate as it is, not only as an escape.
    if not decoded or _needs_text_check(text, is_json):
        bad = check_text(data)
        if bad:
            locator = _LazyLocator(text, is_json=is_json)
            problems = [
                Problem(file=str(file) if file else None, line=locator.line(p), path=p, message=m)
                for p, m in bad
            ]
            raise StructureError(problems, target=str(file) if file else "data")
    if _depth_exceeds(data, limits.max_depth):
        _refuse(file, f"nested too deeply (the limit is {limits.max_depth} levels)")


def read_document(
    path: str | os.PathLike[str], *, limits: Limits | None = None, too_large: str = ""
) -> Document:
    """
    Read a TOML (or, by its ``.json`` suffix, JSON) file holding a table.

    Args:
        path: The file.
        limits: Bounds on size and nesting.
        too_large: What to do about a file over the size limit, for its problem
            (by default: raise the limit with ``Limits(max_file_bytes=...)``).

    Returns:
        The parsed document, with a line locator.

    Raises:
        StructureError: With the problem, naming the file and the line where known.
    """
    from . import _cache

    limits = limits or Limits()
    file = Path(path)
    is_json = file.suffix == ".json"
    try:
        raw = read_regular_file(file, limits.max_file_bytes)
    except FileRefusedError as exc:
        _refuse(file, _refusal(file, exc, too_large))
    except ValueError as exc:  # os.open refuses a path holding a NUL byte
        _refuse(file, f"cannot read the file: {exc}")
    use_cache = not is_json and len(raw) >= _cache.MIN_BYTES
    text = _decode(file, raw)
    if not text.strip():
        _refuse(file, "the file is empty")
    if use_cache:
        cached = _cache.load(raw)  # checked by the cache: never a lone surrogate
        if cached is not None:
            return Document(file, cached, _LazyLocator(text, is_json=False))
    data = parse_text(text, is_json=is_json, file=file, limits=limits)
    if use_cache:
        _cache.store(raw, data)
    return Document(file, data, _LazyLocator(text, is_json=is_json))


def read_text(path: str | os.PathLike[str], *, limits: Limits | None = None) -> str:
    """
    Read a plain UTF-8 text file (an answer), bounded like every other file.

    Raises:
        StructureError: If the file cannot be read or is not UTF-8 text.
    """
    limits = limits or Limits()
    file = Path(path)
    try:
        raw = read_regular_file(file, limits.max_file_bytes)
    except FileRefusedError as exc:
        _refuse(file, _refusal(file, exc))
    except ValueError as exc:  # os.open refuses a path holding a NUL byte
        _refuse(file, f"cannot read the file: {exc}")
    return _decode(file, raw)


def locate(problems: Iterable[Problem], document: Document) -> list[Problem]:
    """
    The problems, each pointed at *document*'s file and the line of its path.
    """
    return [
        attrs.evolve(
            p,
            file=str(document.file),
            line=p.line if p.line is not None else document.locator.line(p.path) or None,
        )
        for p in problems
    ]


def read_model(cls: type[T], path: str | os.PathLike[str], *, limits: Limits | None = None) -> T:
    """
    Read a file holding one model object (an interview, a story bank).

    Raises:
        StructureError: With every problem, each naming the file, the line where
            known and the field path.
    """
    document = read_document(path, limits=limits)
    try:
        return from_dict(cls, document.data)
    except StructureError as exc:
        raise StructureError(locate(exc.problems, document), target=str(document.file)) from None


def to_json(obj: Any, *, indent: int | None = 2) -> str:
    """
    Serialise a model object to JSON, in the shape of ``pack.json`` files.

    Args:
        obj: A model object.
        indent: Indentation, or ``None`` for the most compact output.

    Returns:
        The JSON text (non-ASCII characters kept as they are).
    """
    return json.dumps(to_dict(obj), indent=indent, ensure_ascii=False)


def from_json(cls: type[T], text: str | bytes) -> T:
    """
    Build a model object from JSON text.

    Args:
        cls: The model class.
        text: JSON text; duplicate keys in an object are refused.

    Returns:
        The object.

    Raises:
        StructureError: If the JSON is malformed or not a valid *cls*; every
            problem gives its line and field path.
        TypeError: If *cls* is not a class of the model.
    """
    decoded = isinstance(text, bytes)
    if isinstance(text, bytes):
        text = _decode(None, text)
    data = _parse_json(None, text, Limits())
    if isinstance(data, dict):
        _check_parsed(None, text, data, is_json=True, limits=Limits(), decoded=decoded)
    try:
        return from_dict(cls, data)
    except StructureError as exc:
        from ._locate import JsonLocator

        locator = JsonLocator(text)
        located = [
            attrs.evolve(p, line=locator.line(p.path) if p.path else p.line) for p in exc.problems
        ]
        raise StructureError(located, target=cls.__name__) from None
