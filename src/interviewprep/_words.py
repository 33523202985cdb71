"""
Words of free text: the content words that matching and scoring compare.

Shared by prep plans (matching a job posting), the story bank (matching stories to
questions) and the scorers (relevance and consistency). Every function runs in time
linear in the text's length.
"""

from __future__ import annotations

import re

__all__ = ["STOPWORDS", "content_words", "stem"]

#: Common words that say nothing about a topic.
STOPWORDS = frozenset(
    [
        "able",
        "about",
        "above",
        "across",
        "after",
        "again",
        "against",
        "along",
        "also",
        "among",
        "answer",
        "asked",
        "because",
        "been",
        "before",
        "being",
        "below",
        "between",
        "both",
        "candidate",
        "company",
        "could",
        "describe",
        "does",
        "doing",
        "down",
        "during",
        "each",
        "every",
        "example",
        "experience",
        "first",
        "from",
        "further",
        "give",
        "good",
        "great",
        "have",
        "having",
        "here",
        "into",
        "just",
        "like",
        "made",
        "make",
        "might",
        "more",
        "most",
        "much",
        "must",
        "only",
        "onto",
        "other",
        "ours",
        "over",
        "question",
        "really",
        "role",
        "same",
        "shall",
        "should",
        "since",
        "skills",
        "some",
        "still",
        "such",
        "taken",
        "team",
        "tell",
        "than",
        "that",
        "their",
        "them",
        "then",
        "there",
        "these",
        "they",
        "thing",
        "things",
        "think",
        "this",
        "those",
        "though",
        "three",
        "through",
        "time",
        "today",
        "under",
        "until",
        "using",
        "very",
        "want",
        "well",
        "were",
        "what",
        "when",
        "where",
        "which",
        "while",
        "whole",
        "whose",
        "will",
        "with",
        "within",
        "work",
        "working",
        "would",
        "year",
        "years",
        "you'll",
        "you're",
        "your",
        "yours",
    ]
)
_WORDS = {n: re.compile(rf"[a-z][a-z'-]{{{n - 1},}}") for n in (4, 5)}


def content_words(text: str, *, min_length: int = 4) -> list[str]:
    """
    The lowercase words of *text* of at least *min_length* letters, without stopwords.

    Args:
        text: Any text.
        min_length: The shortest word kept (4 or 5).
    """
    pattern = _WORDS.get(min_length) or re.compile(rf"[a-z][a-z'-]{{{min_length - 1},}}")
    return [word for word in pattern.findall(text.lower()) if word not in STOPWORDS]


def stem(word: str) -> str:
    """
    A crude English stem: ``-ing``, ``-ed``, ``-es`` or ``-s`` removed from long words.
    """
    if len(word) < 5 or not word.endswith(_SUFFIXES):  # most words: one look
        return word
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


#: The endings :func:`stem` removes, the first that fits.
_SUFFIXES = ("ing", "ed", "es", "s")
