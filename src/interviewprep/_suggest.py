"""
Near-miss suggestions ("did you mean ...?") for messages about typos.

:mod:`difflib` is imported on the first suggestion, not with the library: typos are
the exception, and ``import interviewprep`` should not pay for them.
"""

from __future__ import annotations

from collections.abc import Iterable

__all__ = ["close_matches", "did_you_mean"]


def close_matches(word: object, possibilities: Iterable[str], *, cutoff: float = 0.6) -> list[str]:
    """
    The possibility closest to *word*, as a list of at most one (empty if none is close).

    Args:
        word: What was written; anything that is not a string matches nothing.
        possibilities: The allowed values.
        cutoff: How similar a match must be, from 0 to 1 (see
            :func:`difflib.get_close_matches`).
    """
    if not isinstance(word, str):
        return []
    import difflib

    return difflib.get_close_matches(word, list(possibilities), n=1, cutoff=cutoff)


def did_you_mean(word: object, possibilities: Iterable[str], *, cutoff: float = 0.6) -> str:
    """
    ``" (did you mean 'x'?)"`` for the possibility closest to *word*, or ``""``.

    The hint to append to a message about a value that is not allowed.
    """
    close = close_matches(word, possibilities, cutoff=cutoff)
    return f" (did you mean {close[0]!r}?)" if close else ""
