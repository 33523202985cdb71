"""
Phrase patterns compiled for speed (``interviewprep._regex``): the same matches as the
plain case-insensitive pattern, for any text, and a clear error for a pattern that
cannot be rewritten.
"""

from __future__ import annotations

import re
import string

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from interviewprep._regex import Phrases, folded, led_by, plain


def _spans(pattern: re.Pattern[str] | Phrases, text: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text)]


def _cased_characters() -> str:
    """Every character with a case, in one string."""
    return "".join(
        chr(code)
        for code in range(0x110000)
        if not 0xD800 <= code <= 0xDFFF and chr(code).lower() != chr(code).upper()
    )


def test_the_other_cases_are_all_that_re_folds_onto_an_ascii_letter() -> None:
    cased = _cased_characters()
    for letter in string.ascii_lowercase:
        matched = {c for c in cased if re.fullmatch(letter, c, re.IGNORECASE)}
        assert {c for c in cased if folded(c) == letter} == matched, letter


def test_folding_keeps_every_character_in_its_place() -> None:
    cased = _cased_characters()
    assert len(folded(cased)) == len(cased)
    assert folded("\u0130STANBUL \u212aELVIN \u017fTRASSE \u0131") == "istanbul kelvin strasse i"


def test_phrases_spell_out_leading_groups_in_order() -> None:
    phrases = Phrases(r"\b(?:(?:only|more) interested in|(?:far |much )?better run)\b")
    assert phrases.pattern.pattern == (
        r"\b(?:o(?:nly interested in\b)|m(?:ore interested in\b|uch better run\b)"
        r"|f(?:ar better run\b)|b(?:etter run\b))"
    )


def test_phrases_match_the_text_given_whatever_its_case() -> None:
    phrases = Phrases(r"\b(?:out of touch|never listens)\b")
    text = "Frankly he NEVER Listens, and he is Out Of Touch."
    assert [text[m.start() : m.end()] for m in phrases.finditer(text)] == [
        "NEVER Listens",
        "Out Of Touch",
    ]
    found = phrases.search(text, 30)
    assert found is not None
    assert found.group(0) == "out of touch"  # the groups hold the folded text
    assert phrases.search("he listens") is None


@pytest.mark.parametrize(
    ("pattern", "why"),
    [
        (r"\b(?:\w+n't|never)", "a class opens an alternative"),
        (r"\bs?he", "the first character may be left out"),
        (r"\b(?:a|b)+c", "a repeated group opens it"),
        (r"\b(?:a|b)(c)", "spelling out would repeat a numbered group"),
        (r"\bone|two", "a word boundary before some alternatives only"),
        (r"\bOut of touch", "not in lower case"),
    ],
)
def test_a_pattern_that_cannot_be_gathered_is_refused(pattern: str, why: str) -> None:
    with pytest.raises(ValueError, match=re.escape(repr(pattern))):
        Phrases(pattern)


def test_upper_case_escapes_are_not_upper_case_letters() -> None:
    phrases = Phrases(r"\b(?:not\W+good|bad\S*)\b")
    assert _spans(phrases, "Not   good; BADLY") == [(0, 10), (12, 17)]


def test_the_plain_pattern_is_kept_for_each() -> None:
    phrases = Phrases(r"\bno way\b")
    led = led_by("n", r"\bno way\b")
    assert plain(phrases).pattern == plain(led).pattern == r"\bno way\b"
    assert plain(phrases).flags & re.IGNORECASE
    assert repr(phrases) == "Phrases('\\\\bno way\\\\b')"


#: Pieces of phrase patterns, each a valid alternative in lower case.
_PIECES = [
    "a",
    "ab",
    "ba",
    "i",
    "i'm",
    "it",
    "is",
    "k",
    "s",
    "not",
    "no",
    "not (?:a |very )?good",
    "(?:only|more) in",
    "(?:far |much )?better",
    "(?:a|ab)c?",
    "(?:i|it)(?:'s| is)",
    "s[ae]t",
    "a\\w*",
    "ab\\s+(?:c|d)",
    "- a",
    "' b",
]
_WORDS = ["a", "ab", "abc", "I'm", "it's", "not very good", "only in", "far better", "set", "sat"]
_TEXT = list("abcdiIkKsSt '-.\u0130\u0131\u017f\u212a\u2019\n")


@given(
    st.lists(st.sampled_from(_PIECES), min_size=1, max_size=6),
    st.booleans(),
    st.lists(
        st.one_of(st.text(alphabet=st.sampled_from(_TEXT), max_size=6), st.sampled_from(_WORDS)),
        max_size=12,
    ).map(" ".join),
)
@example(["i", "i'm", "it"], True, "I'M \u0130t i\u2019m \u0131T")
@example(["a", "ab"], False, "AB aB ab")
def test_phrases_find_what_the_plain_pattern_finds(
    alternatives: list[str], bounded: bool, text: str
) -> None:
    pattern = "|".join(("\\b" if bounded else "") + a for a in alternatives)
    phrases = Phrases(pattern)
    assert _spans(phrases, text) == _spans(re.compile(pattern, re.IGNORECASE), text)
    found = phrases.search(text)
    plain = re.compile(pattern, re.IGNORECASE).search(text)
    assert (found and found.span()) == (plain and plain.span())
