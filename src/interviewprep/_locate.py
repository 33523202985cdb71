"""
Finding the line of a field in a TOML or JSON file, for problems that name a field path.

Neither tomllib nor json reports where values came from. For TOML this module scans
the text for table headers (``[pack]``, ``[[questions]]``,
``[[rubrics.criteria.levels]]``) and ``key =`` lines; it understands the shapes pack
files use, and for anything it cannot place it returns the nearest enclosing table.
For JSON it walks the tokens once. Both count only real line breaks (``\n``), as the
parsers' own error positions do, so a U+2028 or U+0085 inside a string never shifts a
line number.
"""

from __future__ import annotations

import json
import re
from typing import Any, Protocol

__all__ = ["JsonLocator", "Locator", "TomlLocator"]

# The name neither starts nor ends with a space, so the spaces around it have one reading
# (a name that could end in spaces made a line such as "[" + 20,000 spaces + "1]," in a
# multi-line array take minutes to reject).
_HEADER = re.compile(
    r"^\s*(\[\[?)\s*([A-Za-z0-9_.\-\"'](?:[A-Za-z0-9_.\- \"']*[A-Za-z0-9_.\-\"'])?)"
    r"\s*\]\]?\s*(?:#.*)?$"
)
_KEY_PART = r"(?:[A-Za-z0-9_\-]+|\"[^\"\n]*\"|'[^'\n]*')"
# A key, dotted or not (``applies.formats = ...``); the possessive repeat keeps a long
# run of dots linear.
_KEY = re.compile(rf"^\s*({_KEY_PART}(?:[ \t]*\.[ \t]*{_KEY_PART})*+)\s*=")
_KEY_PARTS = re.compile(_KEY_PART)
_SEGMENT = re.compile(r"\[\d+\]$")


class TomlLocator:
    """
    Maps field paths such as ``questions[3].rubric`` to 1-based lines of a TOML text.

    Args:
        text: The TOML text.
    """

    __slots__ = ("_lines", "_pending")

    def __init__(self, text: str) -> None:
        self._lines: dict[str, int] = {}
        self._pending: list[str] = []
        counters: dict[str, int] = {}
        table = ""
        open_string: str | None = None
        for number, line in enumerate(text.split("\n"), start=1):
            inside = open_string is not None
            open_string = _string_open_after(line, open_string)
            if inside:  # the line starts inside a multi-line string
                continue
            header = _HEADER.match(line)
            if header:
                table = self._enter(header.group(1) == "[[", header.group(2), counters)
                self._lines.setdefault(table, number)
                for pending in self._pending:
                    self._lines[pending] = number
                self._pending.clear()
                continue
            key = _KEY.match(line)
            if key:
                path = table
                for part in _KEY_PARTS.findall(key.group(1))[:_MAX_STEPS]:
                    name = part.strip("\"'")
                    path = f"{path}.{name}" if path else name
                    self._lines.setdefault(path, number)

    def _enter(self, is_array: bool, dotted: str, counters: dict[str, int]) -> str:
        parts = [part.strip().strip("\"'") for part in dotted.split(".")]
        path = ""
        for depth, part in enumerate(parts):
            path = f"{path}.{part}" if path else part
            last = depth == len(parts) - 1
            if last and is_array:
                if path not in self._lines:
                    self._lines[path] = 0
                    self._pending.append(path)
                index = counters.get(path, -1) + 1
                counters[path] = index
                # A new element restarts the numbering of the arrays nested in it.
                prefix = f"{path}[{index}]"
                for key in [k for k in counters if k.startswith(f"{path}[")]:
                    del counters[key]
                path = prefix
            elif path in counters:
                path = f"{path}[{counters[path]}]"
        return path

    def line(self, path: str) -> int | None:
        """
        The line of *path*, or of the nearest enclosing field or table that was found.

        Args:
            path: A field path, such as ``rubrics[0].criteria[1].levels[2].score``.

        Returns:
            The 1-based line, or ``None`` if not even the top-level table was found.
        """
        return _nearest(self._lines, path)


#: How many enclosing fields a lookup tries. Real paths are far shorter; a key made of
#: 200,000 dotted parts would otherwise cost a copy of the path per part (minutes).
_MAX_STEPS = 64


_STRING_START = re.compile(r"\"\"\"|'''|[\"'#]")


def _string_open_after(line: str, quote: str | None) -> str | None:
    """
    The multi-line string delimiter (``\"\"\"`` or ``'''``) still open at the end of
    *line*, given the one open at its start.

    Strings and comments are skipped whole, so quotes inside them open nothing, and a
    multi-line string opens wherever it starts (a key line or an array's line alike).
    """
    position = 0
    while True:
        if quote is not None:
            position = _toml_string_end(line, position, quote)
            if position == -1:
                return quote if len(quote) == 3 else None
            quote = None
        found = _STRING_START.search(line, position)
        if found is None or found.group() == "#":
            return None
        quote, position = found.group(), found.end()


def _toml_string_end(line: str, start: int, quote: str) -> int:
    """The index just past the *quote* that closes a string at *start*, or -1."""
    position = start
    while True:
        found = line.find(quote, position)
        if found == -1 or quote.startswith("'"):  # literal strings have no escapes
            return found if found == -1 else found + len(quote)
        backslashes = 0
        while found - backslashes > start and line[found - backslashes - 1] == "\\":
            backslashes += 1
        if backslashes % 2 == 0:
            return found + len(quote)
        position = found + 1


def _nearest(lines: dict[str, int], path: str) -> int | None:
    for _ in range(_MAX_STEPS):
        if not path:
            return None
        found = lines.get(path)
        if found:
            return found
        path = _SEGMENT.sub("", path) if _SEGMENT.search(path) else path.rpartition(".")[0]
    return None


class JsonLocator:
    """
    Maps field paths such as ``questions[3].rubric`` to 1-based lines of a JSON text.

    The text is walked once, token by token, without recursion; a key's line is the
    line of the key itself, an array element's line the line where it starts. The
    walk works on invalid JSON too, as far as the text goes, and records the first
    key that appears twice in one object.

    Args:
        text: The JSON text.
    """

    __slots__ = ("_lines", "duplicate")

    def __init__(self, text: str) -> None:
        self._lines: dict[str, int] = {}
        #: The path and line of the first repeated key, if any.
        self.duplicate: tuple[str, int] | None = None
        # Each frame: [is_object, path, current key or index, keys seen].
        frames: list[list[Any]] = []
        expect_key = False
        line = 1
        position = 0
        size = len(text)
        while position < size:
            char = text[position]
            if char == "\n":
                line += 1
                position += 1
                continue
            if char in " \t\r:":
                position += 1
                continue
            frame = frames[-1] if frames else None
            if char == ",":
                expect_key = bool(frame and frame[0])
                position += 1
                continue
            if char in "}]":
                if frames:
                    frames.pop()
                expect_key = False
                position += 1
                continue
            if char == '"':
                end = _string_end(text, position)
                if frame is not None and frame[0] and expect_key:
                    try:
                        key = json.loads(text[position:end])
                    except ValueError:
                        key = text[position + 1 : end - 1]
                    frame[2] = key
                    path = f"{frame[1]}.{key}" if frame[1] else str(key)
                    if key in frame[3] and self.duplicate is None:
                        self.duplicate = (path, line)
                    frame[3].add(key)
                    self._lines.setdefault(path, line)
                    expect_key = False
                    position = end
                    continue
            # The start of a value.
            path = self._value_path(frame, line)
            if char in "{[":
                frames.append([char == "{", path, -1, set()])
                expect_key = char == "{"
                position += 1
            elif char == '"':
                position = _string_end(text, position)
            else:
                position += 1
                while position < size and text[position] not in ',]}\n \t\r:"':
                    position += 1

    def _value_path(self, frame: list[Any] | None, line: int) -> str:
        if frame is None:
            return ""
        if frame[0]:
            key = frame[2]
            return f"{frame[1]}.{key}" if frame[1] else str(key)
        frame[2] += 1
        path = f"{frame[1]}[{frame[2]}]"
        self._lines.setdefault(path, line)
        return path

    def line(self, path: str) -> int | None:
        """
        The line of *path*, or of the nearest enclosing field that was found.

        Args:
            path: A field path, such as ``questions[3].rubric``.

        Returns:
            The 1-based line, or ``None`` if nothing on the way was found.
        """
        return _nearest(self._lines, path)


def _string_end(text: str, start: int) -> int:
    """The index just past the JSON string starting at *start* (a quote)."""
    position = start + 1
    while True:
        quote = text.find('"', position)
        newline = text.find("\n", position, quote if quote != -1 else len(text))
        if quote == -1 or newline != -1:
            # Unterminated: stop at the line's end so the walk goes on.
            return newline if newline != -1 else len(text)
        backslashes = 0
        before = quote - 1
        while before > start and text[before] == "\\":
            backslashes += 1
            before -= 1
        if backslashes % 2 == 0:
            return quote + 1
        position = quote + 1


class Locator(Protocol):
    """
    Anything that finds the line of a field path in a file.
    """

    def line(self, path: str) -> int | None:
        """
        The 1-based line of *path* (or of its nearest enclosing field), or ``None``.
        """
