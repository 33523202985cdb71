"""
The scorers read a long answer in few passes (each cue looked for once in all its
sentences, first-person actions found in one pass, fast patterns led by the letters a
match can start with or gathered under their first letters, the words lowered at
once): each shortcut must find exactly what the plain reading finds.
The plain readings are written out here as the oracles.
"""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from interviewprep import scorers
from interviewprep._matching import (
    _CLAUSE_MARKS,
    _CONTRACTIONS,
    _ELISIONS,
    _NOT_STEMS,
    _PIECES,
    _spelled_out,
    _tokens_and_clauses,
)
from interviewprep._regex import SOURCES, Phrases, plain
from interviewprep.scorers import (
    _CHANGE_WORDS,
    _FIRST_PERSON_ACTION,
    _JOINED_STEP,
    _RESULT_SENTENCE_CUES,
    _SENTENCES,
    _before_and_after,
    _figures,
    _holding,
    _lower_words,
    _own_steps,
    _past_step,
    _results,
    _sizes,
)

LABELS = Path(__file__).parent.parent / "benchmarks" / "labels"

#: Characters that stress the shortcuts: sentence ends, apostrophes of both kinds, the
#: separator the cue search joins sentences with, letters that change length or match
#: another letter when case is ignored (dotted and dotless i, long s, the Kelvin sign), and digits.
_TRICKY = list("aeijnostwIJ .!?,;:'\u2019\n\x00\u0130\u0131\u017f\u212a7-%£")
_WORDS = [
    "i",
    "I",
    "I'd",
    "we",
    "then",
    "wrote",
    "tested",
    "and",
    "from",
    "to",
    "down",
    "cut",
    "reduced",
    "nine",
    "one",
    "in",
    "five",
    "40%",
    "2021",
    "result",
    "as a result",
    "ich habe",
    "j'ai",
    "je vais",
    "learned",
    "since",
    "worked",
    "Never",
    "listens",
    "wasn't",
    "very",
    "competent",
    "accept",
    "on the spot",
    "my part correctly",
]

texts = st.one_of(
    st.text(alphabet=st.sampled_from(_TRICKY), max_size=80),
    st.lists(
        st.one_of(st.sampled_from(_WORDS), st.sampled_from([".", "!", "?", ",", " ", "\n"])),
        max_size=40,
    ).map(" ".join),
    st.text(max_size=60),
)


def _labelled_answers() -> Iterator[str]:
    for path in sorted(LABELS.glob("*.jsonl")):
        with path.open(encoding="utf-8") as lines:
            for line in lines:
                answer = json.loads(line).get("answer")
                if answer:
                    yield answer


ANSWERS = list(_labelled_answers())


def _led_patterns() -> list[tuple[str, re.Pattern[str] | Phrases]]:
    """The scorers' fast patterns (:mod:`interviewprep._regex`), by name."""
    return [
        (name, value)
        for name, value in vars(scorers).items()
        if isinstance(value, re.Pattern | Phrases) and value in SOURCES
    ]


def _spans(pattern: re.Pattern[str] | Phrases, text: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text)]


def test_the_fast_patterns_are_there() -> None:
    names = {name: type(value) for name, value in _led_patterns()}
    assert {"_FIRST_PERSON_ACTION", "_JOINED_STEP"} <= {
        name for name, kind in names.items() if kind is re.Pattern
    }
    assert {"_ENDING", "_OWN_PART", "_VERDICTS_ON_PEOPLE", "_DISOWNS", "_YES_ON_THE_SPOT"} <= {
        name for name, kind in names.items() if kind is Phrases
    }


@pytest.mark.parametrize("name", [name for name, _ in _led_patterns()])
def test_a_fast_pattern_finds_what_the_plain_one_does_in_the_labelled_answers(name: str) -> None:
    pattern = getattr(scorers, name)
    for answer in ANSWERS:
        text = answer.replace("\u2019", "'")
        assert _spans(pattern, text) == _spans(plain(pattern), text)


@given(texts)
@example("\u0130 did it. I'd \u212aeep it. \u017fince then it worked")
def test_a_fast_pattern_finds_what_the_plain_one_does(text: str) -> None:
    for _, pattern in _led_patterns():
        assert _spans(pattern, text) == _spans(plain(pattern), text)


@given(
    st.lists(st.text(alphabet=st.sampled_from(_TRICKY), max_size=12), max_size=12),
    st.lists(
        st.lists(st.text(alphabet=st.sampled_from(_TRICKY), min_size=1, max_size=3), max_size=5),
        max_size=3,
    ),
)
@example(["ab", "cd"], [["b\x00c"]])
@example(["ab", "cd", "ab", "x", "cd"], [["b"], ["d", "x"]])  # a piece said again
def test_holding_is_which_pieces_hold_a_cue(pieces: list[str], lists: list[list[str]]) -> None:
    lists = [[cue for cue in cues if "\x00" not in cue] for cues in lists]
    assert _holding(pieces, *lists) == [
        {index for index, piece in enumerate(pieces) if any(cue in piece for cue in cues)}
        for cues in lists
    ]


def _own_steps_by_sentence(text: str) -> tuple[str, ...]:
    """The oracle: each sentence read on its own."""
    steps: list[str] = []
    for sentence in _SENTENCES.split(text):
        own = list(_FIRST_PERSON_ACTION.finditer(sentence))
        if not own:
            continue
        steps += (m.group() for m in own)
        for joined in _JOINED_STEP.finditer(sentence, own[0].end()):
            word = joined.group(1).lower()
            if _past_step(word):
                steps.append(word)
    return tuple(steps)


@given(texts)
@example("I wrote it, tested it. And then I called, and fixed it!  I'd ask")
@example("I wrote it, and tested it. I called. I wrote it, and tested it. I wrote it.")
def test_own_steps_in_one_pass_are_those_of_each_sentence(text: str) -> None:
    assert _own_steps.__wrapped__(text) == _own_steps_by_sentence(text)


def test_own_steps_in_one_pass_match_each_sentence_in_the_labelled_answers() -> None:
    for answer in ANSWERS:
        text = answer.replace("\u2019", "'")
        assert _own_steps.__wrapped__(text) == _own_steps_by_sentence(text)


def _results_by_sentence(answer: str) -> tuple[tuple[str, ...], bool]:
    """The oracle: every sentence tokenised and searched."""
    import bisect

    found: list[str] = []
    plain_result = False
    for sentence in _SENTENCES.split(answer.strip()):
        tokens = _lower_words(sentence.replace("\u2019", "'"))
        lowered = f" {sentence.lower()} "
        figures = _figures(tokens)
        sizes = _sizes(tokens, set(figures))
        changes = [i for i, t in enumerate(tokens) if t in _CHANGE_WORDS and i not in sizes]
        if any(cue in lowered for cue in _RESULT_SENTENCE_CUES):
            plain_result = True
        for index in figures:
            nearest = bisect.bisect_left(changes, index - 6)
            if nearest < len(changes) and changes[nearest] <= index + 6:
                quoted = " ".join(tokens[max(0, index - 2) : index + 2])
                found.append(quoted)
                if _before_and_after(tokens, figures):
                    found.append(quoted)
                break
    return tuple(found), plain_result


@given(texts)
@example("It went from nine a month down to one. One in five fell. ONE IN TEN rose.")
@example("It fell by 20%. We were 40. It fell by 20%. It went from 9 to 4. It fell by 20%.")
def test_results_read_only_where_a_figure_may_be_are_all_results(answer: str) -> None:
    assert _results.__wrapped__(answer) == _results_by_sentence(answer)


def test_results_match_each_sentence_in_the_labelled_answers() -> None:
    for answer in ANSWERS:
        assert _results.__wrapped__(answer) == _results_by_sentence(answer)


def _spelled_out_one_by_one(word: str) -> list[str]:
    """The oracle: elisions spelled out one at a time, then a contraction."""
    words: list[str] = []
    start = 0
    while True:
        mark = word.find("'", start)
        if mark < 0:
            words.append(word[start:] if start else word)
            return words
        head = word[start:mark]
        if head in _ELISIONS and len(word) - mark - 1 > 1:
            words.append(_ELISIONS[head])
            start = mark + 1
            continue
        break
    rest = word[start:] if start else word
    if rest.endswith("n't") and len(rest) > 3:
        base = rest[:-3]
        return [*words, _NOT_STEMS.get(base, base), "not"]
    head, _, tail = rest.rpartition("'")
    expansion = _CONTRACTIONS.get(f"'{tail}")
    return [*words, head, expansion] if head and expansion else [*words, rest]


@given(st.text(alphabet=st.sampled_from(list("ldjqunscmtoai'\n")), max_size=20))
@example("l'l'l'x")
@example("qu'l'a")
@example("d'l'ab")
@example("don't")
def test_a_run_of_elisions_read_in_one_match_is_spelled_out_the_same(word: str) -> None:
    assert _spelled_out(word) == _spelled_out_one_by_one(word)


_LABELLED = st.lists(
    st.one_of(
        st.sampled_from(["Situation", "TASK", "action", "Result", "transaction", "task"]),
        st.sampled_from([":", " :", ".", "!", " ", "  ", "\n", " \n ", "\n\n", "x", "\t"]),
    ),
    max_size=16,
).map("".join)


@given(st.one_of(_LABELLED, texts))
@example("Situation: x. Task: y.\nAction : z\n\n  Result:")
@example("a.Task: no space, no label")
@example("  \n Task:")
def test_labels_read_at_the_colons_are_those_the_pattern_finds(answer: str) -> None:
    assert scorers._recited_labels(answer) == {
        m.group(1).lower() for m in scorers._STAR_LABELS.finditer(answer)
    }


def test_labels_read_at_the_colons_match_the_pattern_in_the_labelled_answers() -> None:
    for answer in ANSWERS:
        assert scorers._recited_labels(answer) == {
            m.group(1).lower() for m in scorers._STAR_LABELS.finditer(answer)
        }


@given(texts)
@example("I'd \u212aeep it. \u0130t WAS, 40%.. 'quoted' \u2019curly\u2019 £5,000,")
def test_the_words_are_lowered_and_unended_as_one_at_a_time(text: str) -> None:
    assert _lower_words(text) == [
        word.lower().strip(".,'\u2019") for word in scorers._WORDS.findall(text)
    ]


def _tokens_and_clause_numbers(text: str) -> tuple[list[str], list[int]]:
    """The oracle: every piece found in the whole text, each word given the number of
    the clause it is in (a new clause after each run of clause marks)."""
    tokens: list[str] = []
    numbers: list[int] = []
    clause, ended = 0, False
    for piece in _PIECES.findall(text):
        if piece in _CLAUSE_MARKS:
            ended = True
            continue
        if ended:
            clause, ended = clause + 1, False
        spelled = (
            ["percent"] if piece == "%" else _spelled_out(piece.lower().replace("\u2019", "'"))
        )
        tokens += spelled
        numbers += [clause] * len(spelled)
    return tokens, numbers


@given(texts)
@example("Yes. Yes, yes; no! I'm here.. 20% d'l'ab , . x")
@example(". , leading marks. and\ttabs\u2003and\u00a0spaces")
def test_the_words_and_clauses_are_those_of_the_whole_text(text: str) -> None:
    tokens, starts = _tokens_and_clauses(text)
    expected, numbers = _tokens_and_clause_numbers(text)
    assert tokens == expected
    # The clause of each word: how many clauses started at or before it, as numbered.
    assert [bisect.bisect_right(starts, n) for n in range(len(tokens))] == numbers
