"""
Finding the line of a field in a TOML pack file, for problems that name a field path.

tomllib does not report where values came from, so this module scans the text for
table headers (``[pack]``, ``[[questions]]``, ``[[rubrics.criteria.levels]]``) and
``key =`` lines, and records the line of each field path. It understands the shapes
pack files use; for anything it cannot place it returns the nearest enclosing table.
"""

from __future__ import annotations

import re

__all__ = ["TomlLocator"]

_HEADER = re.compile(r"^\s*(\[\[?)\s*([A-Za-z0-9_.\- \"']+?)\s*\]\]?\s*(?:#.*)?$")
_KEY = re.compile(r"^\s*([A-Za-z0-9_\-]+|\"[^\"]*\")\s*=")
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
        in_multiline: str | None = None
        for number, line in enumerate(text.splitlines(), start=1):
            if in_multiline:
                if line.count(in_multiline) % 2 == 1:
                    in_multiline = None
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
                name = key.group(1).strip('"')
                self._lines.setdefault(f"{table}.{name}" if table else name, number)
                for quote in ('"""', "'''"):
                    if line.count(quote) % 2 == 1:
                        in_multiline = quote

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
        while path:
            found = self._lines.get(path)
            if found is not None:
                return found
            path = _SEGMENT.sub("", path) if _SEGMENT.search(path) else path.rpartition(".")[0]
        return None
