"""
Phrase patterns compiled for speed: the same matches as the plain pattern, found sooner.

The scorers read answers with long case-insensitive alternations of phrases
(``\\b(?:arrogant|out of touch|(?:only|more) interested in ...)``). Python's ``re``
tries each alternative in turn at every word of an answer. It passes over an
alternative at a glance only when the alternative opens with a character matched with
case: one that opens with a letter matched without case, or with a group, is entered
every time. On a long answer, a hundred alternatives tried at every word are most of
the time an assessment takes.

Two ways out, one for each kind of pattern:

- :class:`Phrases` rewrites a long alternation. Leading groups are spelled out
  (``(?:only|more) interested`` becomes ``only interested|more interested``, in the
  same order), the alternatives are gathered under their first character, and the
  pattern is matched with case in the text folded to lower case (:func:`folded`).
  Alternatives under different first characters can never match at the same place,
  and under one character their order is kept, so the matches are the same: three to
  eight times sooner on a long answer.
- :func:`led_by` puts a short pattern behind a look-ahead for the letters its matches
  start with, which lets ``re`` pass over the other places at once: two to four times
  sooner.

:data:`SOURCES` keeps the plain pattern of each, and :func:`plain` compiles it, for the
tests that check both find the same.
"""

from __future__ import annotations

import functools
import re
import sys
from collections.abc import Iterator

__all__ = ["SOURCES", "Phrases", "folded", "led_by", "plain"]

#: Characters that a lowercase ASCII letter matches in a case-insensitive pattern
#: besides its capital, folded to it by :func:`folded` (``str.lower`` folds the
#: Kelvin sign to ``k`` itself). A test checks them against ``re``.
OTHER_CASES = {"i": "\u0130\u0131", "s": "\u017f"}
#: What may follow a group or a character and repeat it.
_QUANTIFIERS = frozenset("?*+{")
#: The characters an alternative of :class:`Phrases` may open with.
_KEYS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789' -")

#: The plain source of each pattern that :func:`led_by` or :class:`Phrases` arranged,
#: for the tests that check they find the same (:func:`plain`).
SOURCES: dict[re.Pattern[str] | Phrases, str] = {}


def led_by(letters: str, pattern: str) -> re.Pattern[str]:
    """
    *pattern*, compiled case-insensitive behind a look-ahead for the *letters* a match
    can start with (lowercase): the same matches, found sooner.
    """
    compiled = re.compile(f"(?=[{letters}])(?:{pattern})", re.IGNORECASE)
    SOURCES[compiled] = pattern
    return compiled


def plain(arranged: re.Pattern[str] | Phrases) -> re.Pattern[str]:
    """
    The plain pattern that :func:`led_by` or :class:`Phrases` *arranged*, compiled
    case-insensitive: what it must find. For the tests: compiled only when asked, not
    when the scorers are imported.
    """
    return re.compile(SOURCES[arranged], re.IGNORECASE)


@functools.lru_cache(maxsize=8)
def folded(text: str) -> str:
    """
    *text* in lower case, as long as it is: each character where ``re`` would match
    a lowercase ASCII letter without case is that letter. Cached: the scorers match
    several patterns in one answer.
    """
    if not text.isascii():
        for letter, others in OTHER_CASES.items():
            for other in others:
                if other in text:  # replacing is slower than looking, and seldom needed
                    text = text.replace(other, letter)
    return text.lower()


class Phrases:
    """
    A case-insensitive alternation of phrases, rewritten to be found sooner (the
    module's docstring): :meth:`finditer` and :meth:`search` find what
    ``re.compile(pattern, re.IGNORECASE)`` finds. A match's span is its span in the
    text given, and its groups hold that text folded to lower case.

    Args:
        pattern: The alternation, in lower case. Each alternative opens (after any
            ``\\b``, once leading groups are spelled out) with a letter, digit,
            apostrophe, space or hyphen, and either all of them have a ``\\b`` before
            them or none does. A letter beyond ASCII in it matches what ``str.lower``
            makes of the text, which for a few (the Greek final sigma) is not what
            ``re`` matches without case: the scorers' phrases are English.

    Raises:
        ValueError: If *pattern* is not such an alternation.
    """

    __slots__ = ("pattern",)

    def __init__(self, pattern: str) -> None:
        if any(len(token) == 1 and token.isupper() for token in _tokens(pattern)):
            msg = f"a pattern of phrases is written in lower case: {pattern!r}"
            raise ValueError(msg)
        alternatives = _spelled_out(pattern)
        bounded = {bounded for bounded, _ in alternatives or ()}
        if alternatives is None or len(bounded) != 1:
            msg = f"cannot gather the alternatives by their first characters: {pattern!r}"
            raise ValueError(msg)
        by_key: dict[str, list[str]] = {}
        for _, alternative in alternatives:
            by_key.setdefault(alternative[0], []).append(alternative[1:])
        branches = (f"{re.escape(key)}(?:{'|'.join(rests)})" for key, rests in by_key.items())
        #: The rewritten pattern, matched with case in the folded text.
        self.pattern = re.compile(("\\b" if bounded.pop() else "") + f"(?:{'|'.join(branches)})")
        SOURCES[self] = pattern

    def finditer(
        self, text: str, pos: int = 0, endpos: int = sys.maxsize
    ) -> Iterator[re.Match[str]]:
        """The matches in *text*, as ``re.Pattern.finditer`` finds them."""
        return self.pattern.finditer(folded(text), pos, endpos)

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        """The first match in *text*, as ``re.Pattern.search`` finds it."""
        return self.pattern.search(folded(text), pos, endpos)

    def __repr__(self) -> str:
        return f"Phrases({SOURCES[self]!r})"


def _spelled_out(pattern: str) -> list[tuple[bool, str]] | None:
    """
    *pattern*'s alternatives, with leading groups spelled out, so that each opens with
    one of :data:`_KEYS`: each with whether a ``\\b`` stood before it. ``None`` if
    one cannot be.
    """
    found: list[tuple[bool, str]] = []
    for alternative in _alternatives(pattern):
        bounded = alternative.startswith("\\b")
        spelled = _opening_with_a_key(alternative.removeprefix("\\b"), bounded=bounded)
        if spelled is None:
            return None
        found += ((bounded, one) for one in spelled)
    return found


def _opening_with_a_key(alternative: str, *, bounded: bool) -> list[str] | None:
    """
    *alternative* as alternatives that each open with one of :data:`_KEYS`, in the
    same order (a leading group ``(?:a|b)rest`` becomes ``arest|brest``, an optional
    one ``(?:a)?rest`` becomes ``arest|rest``); a ``\\b`` opening a choice of a
    leading group is dropped if one stands before the group (*bounded*). ``None`` if
    it cannot be.
    """
    if bounded and alternative.startswith("\\b"):
        alternative = alternative[2:]
    if alternative[:1] in _KEYS:
        if alternative[1:2] in _QUANTIFIERS:
            return None  # the first character may be left out
        return [alternative]
    if not alternative.startswith("(?:"):
        return None
    end = _group_end(alternative)
    inner, rest = alternative[3:end], alternative[end + 1 :]
    optional = rest[:1] == "?" and rest[1:2] not in ("?", "+")
    if optional:
        rest = rest[1:]
    elif rest[:1] in _QUANTIFIERS:
        return None
    choices = [*_alternatives(inner), *([""] if optional else [])]
    if len(choices) > 1 and _captures(rest):
        return None  # spelling out would repeat a numbered group
    spelled: list[str] = []
    for choice in choices:
        found = _opening_with_a_key(choice + rest, bounded=bounded)
        if found is None:
            return None
        spelled += found
    return spelled


def _tokens(source: str) -> Iterator[str]:
    """*source* split into escapes, character sets and single characters, in order."""
    at = 0
    while at < len(source):
        if source[at] == "\\":
            end = at + 2
        elif source[at] == "[":
            end = at + 1
            end += source[end] == "^"
            end += source[end] == "]"
            while source[end] != "]":
                end += 2 if source[end] == "\\" else 1
            end += 1
        else:
            end = at + 1
        yield source[at:end]
        at = end


def _alternatives(source: str) -> list[str]:
    """The top-level alternatives of *source*."""
    found: list[str] = []
    current, depth = "", 0
    for token in _tokens(source):
        depth += {"(": 1, ")": -1}.get(token, 0)
        if token == "|" and depth == 0:
            found.append(current)
            current = ""
        else:
            current += token
    return [*found, current]


def _group_end(source: str) -> int:
    """Where the group that opens *source* closes."""
    at, depth = 0, 0
    for token in _tokens(source):
        depth += {"(": 1, ")": -1}.get(token, 0)
        if depth == 0:
            return at
        at += len(token)
    msg = f"unbalanced group in {source!r}"
    raise ValueError(msg)


def _captures(source: str) -> bool:
    """Whether *source* holds a numbered or named group."""
    tokens = list(_tokens(source))
    return any(
        token == "(" and (tokens[n + 1 : n + 2] != ["?"] or tokens[n + 2 : n + 3] == ["P"])
        for n, token in enumerate(tokens)
    )
