"""
Writing TOML: the pack shape, with no dependency.

The standard library reads TOML (:mod:`tomllib`) but does not write it, and the
library adds no runtime dependency for it. :func:`dumps` writes what a pack file
holds: tables, arrays of tables, strings (multi-line when they hold a line break),
integers, floats, booleans, dates, arrays and small inline tables. Whatever it
writes, :func:`tomllib.loads` reads back as the same data.

Layout rules, chosen to read like a hand-written pack:

- a table's plain keys come first, in their order, then its sub-tables and its
  arrays of tables (TOML puts no plain key after a table header);
- a list of tables is an array of tables (``[[tips]]``); a table is written inline
  (``scale = { min = 1, max = 5 }``) when it holds only plain values and fits on a
  line, else as a table of its own (``[tips.applies]``); the top level's tables are
  always tables of their own (``[pack]``);
- an array of plain values is one line, or one value a line when that is too long.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Mapping, Sequence
from typing import Any

__all__ = ["dumps", "key", "string"]

#: How long a line of an inline table or array may be before it is laid out otherwise.
_LINE = 88
_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+", re.ASCII)
# Characters a basic string must escape: the quote, the backslash and every control
# character (TOML allows the tab as it is, but an escaped tab is clearer).
_ESCAPES = {'"': '\\"', "\\": "\\\\", "\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f"}
_ESCAPES["\r"] = "\\r"
_SINGLE = re.compile(r'["\\\x00-\x1f\x7f]')
# In a multi-line string a line break stays as it is; a quote needs escaping only where
# it would close the string: before another quote, or as the last character.
_MULTI = re.compile(r'"(?="|\Z)|[\\\x00-\x08\x0b-\x1f\x7f]', re.DOTALL)
_SURROGATE = re.compile("[\ud800-\udfff]")


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    return _ESCAPES.get(char) or f"\\u{ord(char):04x}"


def string(text: str, *, multiline: bool | None = None) -> str:
    """
    *text* as a TOML basic string.

    Args:
        text: The string.
        multiline: Write it as a multi-line string (``\"\"\"``); by default when it
            holds a line break.

    Raises:
        ValueError: For a lone surrogate, which no TOML file (no UTF-8 file) can hold.
    """
    if _SURROGATE.search(text):
        msg = "a string holding a lone surrogate cannot be written as TOML"
        raise ValueError(msg)
    if multiline is None:
        multiline = "\n" in text
    if not multiline:
        return '"' + _SINGLE.sub(_escape, text) + '"'
    # The line break after the opening quotes is not part of the string.
    return '"""\n' + _MULTI.sub(_escape, text) + '"""'


def key(name: str) -> str:
    """*name* as a TOML key: bare when it can be, else quoted."""
    return name if _BARE_KEY.fullmatch(name) else string(name, multiline=False)


def _is_table(value: object) -> bool:
    return isinstance(value, Mapping)


def _is_array_of_tables(value: object) -> bool:
    return (
        isinstance(value, Sequence)
        and not isinstance(value, str | bytes)
        and bool(value)
        and all(isinstance(entry, Mapping) for entry in value)
    )


def _scalar(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return "nan"
        if math.isinf(value):
            return "inf" if value > 0 else "-inf"
        return repr(value)
    if isinstance(value, str):
        return string(value, multiline=False)
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    msg = f"cannot write {type(value).__name__} as TOML"
    raise TypeError(msg)


def _inline(value: object) -> str:
    """*value* on one line: a scalar, an array or an inline table."""
    if isinstance(value, Mapping):
        if not value:
            return "{}"
        return "{ " + ", ".join(f"{key(k)} = {_inline(v)}" for k, v in value.items()) + " }"
    if isinstance(value, Sequence) and not isinstance(value, str | bytes):
        return "[" + ", ".join(_inline(entry) for entry in value) + "]"
    if value is None:
        msg = "cannot write None as TOML (TOML has no null): leave the key out"
        raise TypeError(msg)
    return _scalar(value)


def _plain_only(table: Mapping[str, Any]) -> bool:
    """Whether *table* holds no table and no array of tables (so it reads well inline)."""
    return not any(_is_table(v) or _is_array_of_tables(v) for v in table.values())


def _value(name: str, value: object, indent: str = "") -> str:
    """The line (or lines) ``name = value`` for a value written in place."""
    if isinstance(value, str) and "\n" in value:
        return f"{name} = {string(value)}"
    one_line = f"{name} = {_inline(value)}"
    if (
        len(indent) + len(one_line) <= _LINE
        or not isinstance(value, Sequence)
        or isinstance(value, str | bytes)
        or not value
    ):
        return one_line
    entries = "".join(f"    {_inline(entry)},\n" for entry in value)
    return f"{name} = [\n{entries}]"


def _table(path: tuple[str, ...], table: Mapping[str, Any], lines: list[str]) -> None:
    """Append the body of *table* (at *path*), then its sub-tables and arrays of tables."""
    later: list[tuple[str, Any]] = []
    for name, value in table.items():
        if value is None:
            msg = f"cannot write None as TOML (TOML has no null): leave {name!r} out"
            raise TypeError(msg)
        if _is_array_of_tables(value) or (
            _is_table(value)
            and (
                not path or not _plain_only(value) or len(f"{key(name)} = {_inline(value)}") > _LINE
            )
        ):
            later.append((name, value))
        else:
            lines.append(_value(key(name), value))
    for name, value in later:
        inner = (*path, name)
        header = ".".join(key(part) for part in inner)
        if _is_table(value):
            lines += ["", f"[{header}]"]
            _table(inner, value, lines)
        else:
            for entry in value:
                lines += ["", f"[[{header}]]"]
                _table(inner, entry, lines)


def dumps(data: Mapping[str, Any], *, header: str = "") -> str:
    """
    *data* as a TOML document.

    Args:
        data: The top-level table: string keys; values of the kinds TOML has (no
            ``None``).
        header: Comment lines put first (each line gets its ``#``).

    Returns:
        The document, ending in one newline.

    Raises:
        TypeError: For a value TOML cannot hold (``None``, an object).
        ValueError: For a string holding a lone surrogate.
    """
    lines: list[str] = [f"# {line}".rstrip() for line in header.splitlines()]
    _table((), data, lines)
    while lines and not lines[0]:
        lines.pop(0)
    return "\n".join(lines) + "\n"
