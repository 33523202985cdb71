"""
Exceptions raised by interviewprep.

Every exception derives from :class:`InterviewPrepError`, and each also subclasses the
built-in exception a caller would naturally catch (:class:`ValueError` for bad values),
so ``except ValueError`` keeps working in code that does not know this library.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ._problems import Problem

__all__ = [
    "InterviewPrepError",
    "PackError",
    "StructureError",
    "ValidationError",
]


class InterviewPrepError(Exception):
    """
    Base class of every exception interviewprep raises on purpose.
    """


class ValidationError(InterviewPrepError, ValueError):
    """
    A model object was given a value that breaks one of its rules.

    Attributes:
        field: The field path inside the object, such as ``"id"`` or
            ``"criteria[0].levels[2].score"``.
        message: What is wrong, in words a pack author can act on.
    """

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


class _ProblemsError(InterviewPrepError, ValueError):
    def __init__(self, problems: Iterable[Problem], *, summary: str) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        lines = [summary, *(f"  {problem}" for problem in self.problems)]
        super().__init__("\n".join(lines))


class StructureError(_ProblemsError):
    """
    Data could not be turned into a model object (``from_dict`` / ``from_json``).

    Attributes:
        problems: Every problem found, each with its field path; never empty.
    """

    def __init__(self, problems: Iterable[Problem], *, target: str = "data") -> None:
        problems = tuple(problems)
        count = len(problems)
        summary = f"{target} has {count} problem{'s' if count != 1 else ''}:"
        super().__init__(problems, summary=summary)


class PackError(_ProblemsError):
    """
    One or more packs could not be loaded (raised in strict mode and by ``load_pack``).

    Attributes:
        problems: Every problem found; never empty.
    """

    def __init__(self, problems: Iterable[Problem], *, summary: str | None = None) -> None:
        problems = tuple(problems)
        if summary is None:
            count = len(problems)
            summary = f"{count} pack problem{'s' if count != 1 else ''}:"
        super().__init__(problems, summary=summary)
