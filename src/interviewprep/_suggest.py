"""
Near-miss suggestions ("did you mean ...?") for messages about typos.

:mod:`difflib` is imported on the first suggestion, not with the library: typos are
the exception, and ``import interviewprep`` should not pay for them.
"""

from __future__ import annotations

from collections.abc import Iterable

__all__ = ["close_matches"]


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
