"""
Language tags and fallback chains (BCP 47, matched the way RFC 4647 "lookup" does).

A library is read in a chain of languages: ``"de-CH"`` means Swiss German, then
German, then the base language. Content and the library's own words follow the same
chain, item by item and phrase by phrase.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .exceptions import InterviewPrepError

__all__ = ["BASE_LANGUAGE", "LANGUAGE_PATTERN", "language_chain", "matches", "primary"]

#: The language content is written in when nothing else is said, and the last
#: link of every chain.
BASE_LANGUAGE = "en"
#: A BCP 47 tag, loosely: a primary subtag of 2-8 letters and subtags of 1-8
#: letters or digits.
LANGUAGE_PATTERN = re.compile(r"[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*", re.ASCII)


def _check(tag: object) -> str:
    if not isinstance(tag, str) or not LANGUAGE_PATTERN.fullmatch(tag):
        msg = f"{tag!r} is not a BCP 47 language tag such as 'en', 'de' or 'de-CH'"
        raise InterviewPrepError(msg)
    return tag


def primary(tag: str) -> str:
    """
    The primary language subtag of *tag*, lowercased (``"de-CH"`` gives ``"de"``).
    """
    return tag.partition("-")[0].casefold()


def matches(tag: str, wanted: str) -> bool:
    """
    Whether content tagged *tag* serves a reader asking for *wanted*.

    *tag* serves *wanted* when it is *wanted* or a more general form of it (``"de"``
    serves ``"de-CH"``; ``"de-AT"`` does not), ignoring case.
    """
    tag, wanted = tag.casefold(), wanted.casefold()
    return wanted == tag or wanted.startswith(tag + "-")


def language_chain(
    language: str | Iterable[str] | None, *, base: str = BASE_LANGUAGE
) -> tuple[str, ...]:
    """
    The languages to try, most wanted first, ending with the base language.

    ``"de-CH"`` gives ``("de-CH", "de", "en")``; a sequence such as ``("fr", "de")``
    gives each tag with its more general forms, in order, then the base language;
    ``None`` gives the base language alone. Tags are kept as written; duplicates
    (ignoring case) are dropped.

    Raises:
        InterviewPrepError: If a tag is not a BCP 47 language tag.
    """
    tags: list[str] = []
    if language is None:
        wanted: list[str] = []
    elif isinstance(language, str):
        wanted = [_check(language)]
    else:
        wanted = [_check(tag) for tag in language]
    for tag in [*wanted, _check(base)]:
        parts = tag.split("-")
        for length in range(len(parts), 0, -1):
            candidate = "-".join(parts[:length])
            # Single-letter subtags (extensions, private use) are never a fallback.
            if length < len(parts) and len(parts[length - 1]) == 1:
                continue
            if candidate.casefold() not in {t.casefold() for t in tags}:
                tags.append(candidate)
    return tuple(tags)
