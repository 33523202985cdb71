"""
Problems: what is wrong with a pack, precisely located.
"""

from __future__ import annotations

import attrs

__all__ = ["Problem"]


@attrs.frozen(kw_only=True)
class Problem:
    """
    One thing wrong with a pack or with data, located as precisely as possible.

    Attributes:
        message: What is wrong, in words a pack author can act on.
        pack: The pack's name, where known.
        distribution: The distribution that provides the pack, where known.
        file: The file the problem is in, where known.
        line: The 1-based line in *file*, where the parser knows it.
        path: The field path, such as ``questions[3].rubric``; empty for the
            whole file or pack.
    """

    message: str
    pack: str | None = None
    distribution: str | None = None
    file: str | None = None
    line: int | None = None
    path: str = ""

    def __str__(self) -> str:
        """
        Format as ``file:line: path: message``, leaving out what is unknown.
        """
        location = self.file or (f"<{self.pack}>" if self.pack else "")
        if location and self.line is not None:
            location = f"{location}:{self.line}"
        parts = [part for part in (location, self.path) if part]
        return ": ".join([*parts, self.message])
