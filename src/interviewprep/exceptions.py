"""
Exceptions raised by interviewprep, and the problems they carry.

Every exception derives from :class:`InterviewPrepError`, and each also subclasses the
built-in exception a caller would naturally catch (:class:`ValueError` for bad values),
so ``except ValueError`` keeps working in code that does not know this library.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

import attrs

__all__ = [
    "InterviewPrepError",
    "JudgeLoadError",
    "LabelError",
    "PackError",
    "Problem",
    "StructureError",
    "ValidationError",
]

#: The longest excerpt of an offending value a problem message quotes.
EXCERPT_LENGTH = 80


def excerpt(value: object, limit: int = EXCERPT_LENGTH) -> str:
    """
    The ``repr`` of *value*, cut to about *limit* characters, for problem messages.

    A 4 MB wrong-typed value must not become a 4 MB message.
    """
    if isinstance(value, str | bytes) and len(value) > 4 * limit:
        value = value[: 4 * limit]  # repr of a huge string would copy all of it first
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 4 * limit:
        return f"an integer of about {int(value.bit_length() * 0.30103) + 1} digits"
    text = repr(value) if not isinstance(value, list | dict | tuple) else _short_repr(value, limit)
    if len(text) <= limit:
        return text
    return f"{text[: limit - 5]}...{text[-2:]}"


def _short_repr(value: object, limit: int) -> str:
    import reprlib

    shortener = reprlib.Repr()
    shortener.maxstring = shortener.maxother = limit
    shortener.maxlevel = 3
    return shortener.repr(value)


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
        severity: ``"error"`` (the pack is invalid: loading leaves it out, or, for
            unfinished content such as placeholder text, validation fails it) or
            ``"warning"`` (something to look at; the pack is valid and loads).
    """

    message: str
    pack: str | None = None
    distribution: str | None = None
    file: str | None = None
    line: int | None = None
    path: str = ""
    severity: Literal["error", "warning"] = "error"

    def __str__(self) -> str:
        """
        Format as ``file:line: path: message``, leaving out what is unknown; a
        warning's message starts with ``warning:``.
        """
        location = self.file or (f"<{self.pack}>" if self.pack else "")
        if location and self.line is not None:
            location = f"{location}:{self.line}"
        parts = [part for part in (location, self.path) if part]
        message = f"warning: {self.message}" if self.severity == "warning" else self.message
        return ": ".join([*parts, message])


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


class LabelError(_ProblemsError):
    """
    A file of graded answers (labels) cannot be used for calibration.

    Raised by :func:`interviewprep.load_labels` for a file that cannot be read or holds
    bad lines, and by :func:`interviewprep.calibrate` for labels whose question,
    rubric or criteria the library does not have. Every problem is collected first:
    one error names them all, each with its file, line and field.

    Attributes:
        problems: Every problem found; never empty.
    """

    def __init__(self, problems: Iterable[Problem], *, source: str | None = None) -> None:
        problems = tuple(problems)
        count = len(problems)
        summary = f"{source or 'the labels'} {'have' if source is None else 'has'} {count} "
        summary += f"problem{'s' if count != 1 else ''}:"
        super().__init__(problems, summary=summary)


class JudgeLoadError(InterviewPrepError, LookupError):
    """
    A judge asked for by name cannot be made (:func:`interviewprep.load_judge`).

    No judge of that name is installed, more than one distribution registers it, or its
    factory fails (a setting it needs is missing, say) or returns no judge. The message
    names the judge and says why, on one line.

    Attributes:
        name: The name asked for.
        installed: The names of the installed judges, sorted.
    """

    def __init__(self, message: str, *, name: str, installed: Iterable[str] = ()) -> None:
        super().__init__(message)
        self.name = name
        self.installed: tuple[str, ...] = tuple(installed)
