"""
Automatic scorers for rubric criteria, and the protocol third-party scorers follow.

A scorer is any callable ``scorer(answer, context) -> Score``. It reads the answer
text (and whatever it needs from the :class:`ScoringContext`) and returns how far up
the criterion's scale the answer sits, as a fraction from 0 to 1, with the words or
figures that earned it and one concrete suggestion. Returning ``Score(value=None)``
means "cannot judge this answer"; the criterion then needs a human rating.

Scorers are found through the ``interviewprep.scorers`` entry point group; the
entry point's name is the scorer id that rubric criteria name in ``scorer``. The
built-in scorers below are registered the same way.

Every built-in scorer runs in time linear in the answer's length.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Protocol

import attrs

from ._matching import SignalMatch, find_signals
from ._model import Signal
from ._regex import Phrases, folded, led_by
from ._words import content_words, stem

if TYPE_CHECKING:
    from ._interview import Interview
    from ._model import Criterion, Question, Rubric

__all__ = [
    "DEFAULT_WORDS_PER_MINUTE",
    "RED_FLAG_ADVICE",
    "TOO_LONG",
    "TOO_SHORT",
    "UNIVERSAL_RED_FLAGS",
    "Flag",
    "Judge",
    "JudgeContext",
    "Score",
    "Scorer",
    "ScoringContext",
    "answer_flags",
    "consistency",
    "evidence",
    "filler",
    "open_question",
    "ownership",
    "reasoning_steps",
    "red_flags",
    "relevance",
    "speaking_time",
    "star_structure",
    "talking_points",
]

#: The speaking pace assumed when turning words into time.
DEFAULT_WORDS_PER_MINUTE = 150
#: The guideline: answer in two minutes or less.
_TWO_MINUTES = 120.0

_WORDS = re.compile(r"[A-Za-z0-9£$€%][A-Za-z0-9£$€%'\u2019.,-]*")
#: The same words without the full stops, commas and apostrophes they end with.
_WORDS_UNENDED = re.compile(r"[A-Za-z0-9£$€%](?:[A-Za-z0-9£$€%'\u2019.,-]*[A-Za-z0-9£$€%-])?")
_SENTENCES = re.compile(r"(?<=[.!?])\s+")
_DIGIT = re.compile(r"[0-9]")


@attrs.frozen(kw_only=True)
class Score:
    """
    What a scorer found.

    Attributes:
        value: How far up the criterion's scale the answer sits, from 0 (lowest
            level) to 1 (highest); ``None`` if the scorer cannot judge it.
        evidence: The words or figures that earned the score.
        suggestion: One concrete change that would raise the score; empty when
            there is nothing to improve.
        confidence: How sure the scorer is, from 0 to 1, if it can say (a
            language-model judge may; the built-in scorers do not).
        provenance: What made the score beyond the scorer's id, such as a model's
            name and version (``"llama3.1:8b @ http://127.0.0.1:11434"``).
    """

    value: float | None
    evidence: tuple[str, ...] = ()
    suggestion: str = ""
    confidence: float | None = None
    provenance: str = ""

    def __attrs_post_init__(self) -> None:
        if self.value is not None and not 0 <= self.value <= 1:
            msg = f"a score's value lies between 0 and 1, not {self.value!r}"
            raise ValueError(msg)
        if self.confidence is not None and not 0 <= self.confidence <= 1:
            msg = f"a score's confidence lies between 0 and 1, not {self.confidence!r}"
            raise ValueError(msg)


@attrs.frozen(kw_only=True)
class ScoringContext:
    """
    What a scorer may use besides the answer.

    Attributes:
        criterion: The criterion being scored.
        rubric: The rubric it belongs to.
        question: The question answered, if known.
        interview: The interview prepared for (its job posting, its first round).
        words_per_minute: The speaking pace to assume.
    """

    criterion: Criterion
    rubric: Rubric
    question: Question | None = None
    interview: Interview | None = None
    words_per_minute: float = DEFAULT_WORDS_PER_MINUTE


class Scorer(Protocol):
    """
    The protocol of automatic scorers: answer text and context in, a :class:`Score` out.
    """

    def __call__(self, answer: str, context: ScoringContext, /) -> Score:
        """
        Score *answer* for ``context.criterion``.
        """


@attrs.frozen(kw_only=True)
class JudgeContext:
    """
    What a judge may use besides the answer.

    Attributes:
        rubric: The rubric the answer is rated against.
        criteria: The criteria this judge is asked to score (all of the rubric's, or
            those it was attached to), in the rubric's order.
        question: The question answered, if known.
        interview: The interview prepared for, if known.
        words_per_minute: The speaking pace to assume.
    """

    rubric: Rubric
    criteria: tuple[Criterion, ...]
    question: Question | None = None
    interview: Interview | None = None
    words_per_minute: float = DEFAULT_WORDS_PER_MINUTE


class Judge(Protocol):
    """
    The protocol of judges: score several criteria of a rubric in one call.

    A judge (a language model behind an HTTP endpoint, say) reads the answer once and
    returns a :class:`Score` per criterion id of ``context.criteria``. A criterion it
    leaves out, or every criterion when it raises, falls back to the criterion's own
    scorer, and the assessment reports the problem.
    """

    def __call__(self, answer: str, context: JudgeContext, /) -> Mapping[str, Score]:
        """
        Score *answer* on each of ``context.criteria``, by criterion id.
        """


def _answer_type(question: Question | None) -> str:
    """The answer type of *question* as a string, or "" with no question or no type."""
    return str(question.answer_type) if question is not None and question.answer_type else ""


def _words(text: str) -> list[str]:
    return _WORDS.findall(text)


def _lower_words(text: str) -> list[str]:
    """
    The words of *text* (:data:`_WORDS`) lowered, without the full stops, commas and
    apostrophes they end with. A word holds no space, so all are lowered at once.
    """
    words = _WORDS_UNENDED.findall(text)
    return " ".join(words).lower().split(" ") if words else []


@functools.lru_cache(maxsize=4)
def _answer_words(answer: str) -> tuple[str, ...]:
    """
    The words of *answer*, lowered, with curly apostrophes straight. Cached: the
    length, the fillers and the flags all read them.
    """
    return tuple(_lower_words(answer.replace("\u2019", "'")))


def _word_count(answer: str) -> int:
    """How many words *answer* has."""
    return len(_answer_words(answer))


@functools.lru_cache(maxsize=4)
def _sentences(answer: str) -> tuple[str, ...]:
    """
    The sentences of *answer* (with no white space around it), as split at the white
    space after a full stop, a question mark or an exclamation mark; none for an empty
    answer. Cached: the story's shape, its results and its ending all read them.
    """
    return tuple(sentence for sentence in _SENTENCES.split(answer.strip()) if sentence)


_content_terms = content_words
_stem = stem


def _times(count: int) -> str:
    return {1: "once", 2: "twice"}.get(count, f"{count} times")


def _band(value: float, thresholds: tuple[float, float, float]) -> float:
    """Map a measure to 1, 2/3, 1/3 or 0 by three descending thresholds."""
    high, middle, low = thresholds
    if value >= high:
        return 1.0
    if value >= middle:
        return 2 / 3
    if value >= low:
        return 1 / 3
    return 0.0


def _quote(sentence: str, limit: int = 60) -> str:
    sentence = " ".join(sentence.split())
    return f"“{sentence[:limit]}…”" if len(sentence) > limit else f"“{sentence}”"


# -- speaking time ------------------------------------------------------------------------


#: Speaking-time bands in seconds by answer type: the top band, the next, the one
#: below; outside all three is the lowest. A story needs room; a pay answer or a
#: reason for leaving is better short.
LENGTH_BANDS: dict[str, tuple[tuple[float, float], tuple[float, float], tuple[float, float]]] = {
    "motivation": ((20, 120), (15, 150), (10, 200)),
    "salary": ((8, 60), (5, 90), (3, 120)),
}
_DEFAULT_BANDS = ((45.0, 120.0), (30.0, 150.0), (15.0, 200.0))
_GRACE = 0.1
#: How a suggestion to say more opens (the too-short flag's advice too). Feedback leaves
#: out the speaking-time scorer's request when another criterion's suggestion already
#: says what to add; a too-short flag's advice, given after that, always stands.
_SAY_MORE = "Say more:"
#: How the advice on talking points the cues did not find begins (see
#: :func:`_come_through`).
_COME_THROUGH = "Make sure "


def speaking_time(answer: str, context: ScoringContext) -> Score:
    """
    Speaking time from the word count, against the band for the question's answer type
    (:data:`LENGTH_BANDS`; 45 seconds to two minutes when the type is unknown).

    Inside the top band (give or take a tenth: the pace is an estimate) earns the top
    level; a little shorter or longer the next; far too short or far too long the lowest.
    """
    wpm = context.words_per_minute
    count = _word_count(answer)
    seconds = count / wpm * 60
    question = context.question
    kind = _answer_type(question)
    top, middle, low = LENGTH_BANDS.get(kind, _DEFAULT_BANDS)
    # The pace is an estimate: within a tenth of the top band counts as inside it.
    inside = top[0] * (1 - _GRACE) <= seconds <= top[1] * (1 + _GRACE)
    value = (
        1.0
        if inside
        else 2 / 3
        if middle[0] <= seconds <= middle[1]
        else 1 / 3
        if low[0] <= seconds <= low[1]
        else 0.0
    )
    minutes, rest = divmod(round(seconds), 60)
    evidence = (f"{count} words, about {minutes} min {rest:02d} s at {wpm:g} words a minute",)
    limit = round(top[1] / 60 * wpm)
    if inside:
        suggestion = ""
    elif seconds > top[1]:
        suggestion = (
            f"Cut about {count - limit} words to finish within {_duration(top[1])} "
            f"({limit} words): keep what answers the question and drop the rest."
        )
    elif seconds < top[0]:
        # What to add, not only that more is wanted: coaches found "say more" alone
        # unhelpful whenever the content was at fault.
        needs = _what_it_needs(kind)
        suggestion = (
            f"{_SAY_MORE} give {needs}; at {count} words the answer is over in "
            f"{int(seconds)} seconds, and this kind of question needs about "
            f"{_duration(top[0])} or more."
        )
    else:
        suggestion = ""
    return Score(value=value, evidence=evidence, suggestion=suggestion)


def _duration(seconds: float) -> str:
    minutes, rest = divmod(round(seconds), 60)
    if not minutes:
        return f"{rest} seconds"
    if not rest:
        return {1: "one minute", 2: "two minutes", 3: "three minutes"}.get(
            minutes, f"{minutes} minutes"
        )
    return f"{minutes} min {rest} s"


# -- STAR structure -----------------------------------------------------------------------

_SITUATION_CUES = (
    "when i was",
    "at my last",
    "at my previous",
    "in my previous",
    "in my last",
    "in my role",
    "last year",
    "the situation",
    "at the time",
    "was facing",
    "were facing",
    "had been",
    "our team",
    "the company",
    "background",
    "we had",
    "there was",
    "in 20",
    "last spring",
    "last summer",
    "last autumn",
    "last winter",
    "last month",
    "years ago",
    "months ago",
    "when i worked",
    "when i started",
)
_TASK_CUES = (
    "my goal",
    "i needed to",
    "i had to",
    "i was asked",
    "i was responsible",
    "my task",
    "the goal",
    "my job was",
    "the challenge",
    "needed to",
    "responsible for",
    "target",
    "i was tasked",
    "my role was",
    "the task",
)
_ACTION_CUES = (
    "i decided",
    "i started",
    "i set up",
    "i created",
    "i organised",
    "i organized",
    "i proposed",
    "i built",
    "i led",
    "i wrote",
    "i met",
    "i worked",
    "i analysed",
    "i analyzed",
    "i spoke",
    "i negotiated",
    "i introduced",
    "i redesigned",
    "i ran",
    "i designed",
    "i mapped",
    "i interviewed",
    "i trained",
    "i rewrote",
    "i automated",
    "i called",
    "i pulled",
    "i chose",
    "i tested",
    "i asked",
    "i brought",
    "i persuaded",
    "i took",
    "i made",
    "i put",
    "i drafted",
    "i presented",
    "i reviewed",
    "so i",
    "then i",
    "first, i",
    "first i",
    "next, i",
    "next i",
    "i then",
)
_RESULT_CUES = (
    "as a result",
    "result",
    "which meant",
    "led to",
    "reduced",
    "increased",
    "saved",
    "improved",
    "grew",
    "outcome",
    "in the end",
    "by the end",
    "%",
    "percent",
    "doubled",
    "halved",
    "cut ",
    "dropped",
    "rose",
    "went from",
    "fell",
    "shipped",
    "launched",
    "delivered",
    "won",
    "since then",
    "ever since",
    "no longer",
    "turned out",
    "ended up",
)
#: Words of an ending: how it turned out, or what it taught (looked for in the last
#: third), plain ones included ("by Christmas the queue was back to normal", "the
#: auditors accepted the method", "it went live on time", "they asked me to train two
#: other stores"); not "after that", which as often leads to the next step.
_ENDING = Phrases(
    r"\b(?:learn\w*|lesson\w*|taught|took from|since|now|today|these days|from then on|"
    r"agreed|worked|resolved|fine|no harm|never|again|went well|happy|thanked|adopted|"
    r"stuck|still|became|ended|finally|in the end|turned out|afterwards|relationship|"
    r"accepted|approved|back to normal|on time|asked me to|stopped|disappeared|"
    r"after (?:that|this|the (?:release|launch|change|fix|rollout|switch))(?!,? (?:i|we)\b)|"
    r"by (?:christmas|easter|the summer|the spring|the autumn|the winter|the time|then|"
    r"(?:the )?(?:next|following) (?:day|week|month|year|morning)|"
    r"january|february|march|april|may|june|july|august|september|october|november|"
    r"december))\b",
)
_PART_NAMES = ("situation", "task", "action", "result")
#: The parts a story needs, each with the sentence classes that make it.
_PARTS = {"set-up": ("situation", "task"), "action": ("action",), "result": ("result",)}


_INTENT_CUES = (
    "my goal",
    "the goal",
    "i needed to",
    "i had to",
    "i was asked",
    "i was tasked",
    "my task",
    "my job was",
    "the challenge",
    "my role was",
    "i was responsible",
)


def _padded(sentences: Iterable[str]) -> list[str]:
    """*sentences* lowered, with a space either side, as their cues are looked for."""
    return [f" {sentence.lower()} " for sentence in sentences]


def _holding(pieces: Sequence[str], *cue_lists: Iterable[str]) -> list[set[int]]:
    """
    For each list of cues, the indexes of the *pieces* of text that hold one of them
    (``cue in piece``). Each cue is looked for once in all the pieces (joined by a
    character no cue holds), not once a piece: a long answer has thousands of sentences,
    and a list may have a hundred cues.
    """
    distinct = list(dict.fromkeys(pieces))  # a piece said again is looked in once
    if len(distinct) < len(pieces):
        held = [{distinct[n] for n in found} for found in _holding(distinct, *cue_lists)]
        if not any(held):
            return [set() for _ in held]
        where: dict[str, list[int]] = {}
        for index, piece in enumerate(pieces):
            where.setdefault(piece, []).append(index)
        return [set(itertools.chain.from_iterable(map(where.__getitem__, found))) for found in held]
    text = "\x00".join(pieces)
    starts = list(itertools.accumulate((len(piece) + 1 for piece in pieces), initial=0))
    holding = []
    for cues in cue_lists:
        found: set[int] = set()
        for cue in cues:
            at = text.find(cue)
            while at >= 0:
                index = bisect.bisect_right(starts, at) - 1
                found.add(index)
                at = text.find(cue, starts[index + 1])  # on from the next piece
        holding.append(found)
    return holding


def _classes(sentences: Sequence[str]) -> list[str | None]:
    """
    The class of each of *sentences* by its cues, the first that applies: a goal ("my
    goal was to cut costs" names a result not reached yet) is a task; then a result, an
    action (a cue or a first-person action), a task, a situation; or none.

    Each cue is looked for once in all the sentences (:func:`_holding`), and a
    sentence said again is classed once.
    """
    distinct = list(dict.fromkeys(sentences))
    if len(distinct) < len(sentences):
        class_of = dict(zip(distinct, _classes(distinct), strict=True))
        return [class_of[sentence] for sentence in sentences]
    intent, result, action, task, situation = _holding(
        _padded(sentences), _INTENT_CUES, _RESULT_CUES, _ACTION_CUES, _TASK_CUES, _SITUATION_CUES
    )
    classes: list[str | None] = []
    for index, sentence in enumerate(sentences):
        if index in intent:
            classes.append("task")
        elif index in result:
            classes.append("result")
        elif index in action or _FIRST_PERSON_ACTION.search(sentence.replace("\u2019", "'")):
            classes.append("action")
        elif index in task:
            classes.append("task")
        elif index in situation:
            classes.append("situation")
        else:
            classes.append(None)
    return classes


def star_structure(answer: str, context: ScoringContext) -> Score:
    """
    Set-up (situation or task), action and result: present, and in proportion.

    Each sentence is classed by its cues (a result's figures and verbs, first-person
    actions, goals, context). The opening sentence of a story of three or more is its
    set-up, and a sentence in the last third that says how it ended or what it taught
    ("since then", "I learned") is its result. All three parts earn the top band if
    the action is at least a fifth of the answer (or the answer tells five steps of
    the candidate's own: action enough, however its sentences were classed) and the
    set-up at most half; a missing result caps the score.
    """
    sentences = _sentences(answer)
    lengths = [len(s.split()) for s in sentences]
    words: Counter[str] = Counter()
    first: dict[str, str] = {}
    ending = _last_third(len(sentences))
    for index, (sentence, part) in enumerate(zip(sentences, _classes(sentences), strict=True)):
        if index == 0 and len(sentences) > 2:
            part = "situation"  # a story's opening sentence sets the scene
        elif part in (None, "action", "situation") and index >= ending and _ENDING.search(sentence):
            part = "result"  # how it ended, or what it taught, in the last third
        if part is None:
            continue
        words[part] += lengths[index]
        first.setdefault(part, sentence)
    total = sum(lengths) or 1
    # The set-up is one part: a situation, a task, or both.
    present = [part for part in _PARTS if any(name in first for name in _PARTS[part])]
    value = len(present) / len(_PARTS)
    problems = []
    if (
        "action" in first
        and words["action"] / total < 0.2
        and len(_own_steps(answer)) < _WHOLE_STEPS
    ):
        # Five own steps or more are action enough, however the sentences were classed.
        value -= 0.25
        problems.append("spend more of the answer on what you did")
    if (words["situation"] + words["task"]) / total > 0.5:
        value -= 0.25
        problems.append("shorten the set-up to a sentence or two")
    if "result" not in first:
        value = min(value, 0.5)
    value = max(0.0, min(1.0, value))
    evidence = tuple(f"{part}: {_quote(first[part])}" for part in _PART_NAMES if part in first)
    missing = [part for part in _PARTS if part not in present]
    advice = {
        "set-up": "open with a sentence or two of context: where, when, and what was at stake",
        "action": "walk through the steps you took, in the first person",
        "result": "end with the result: how it turned out",
    }
    changes = [advice[part] for part in missing] + problems
    suggestion = ("To complete the STAR shape, " + "; ".join(changes) + ".") if changes else ""
    return Score(
        value=round(value, 4),
        evidence=evidence or ("no STAR parts recognised",),
        suggestion=suggestion,
    )


# -- evidence -------------------------------------------------------------------------------

#: Numbers spelled out, and fractions and multiples, which count like figures.
_NUMBER_WORDS = frozenset(
    [
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "fifteen",
        "twenty",
        "thirty",
        "forty",
        "fifty",
        "hundred",
        "hundreds",
        "thousand",
        "thousands",
        "million",
        "half",
        "third",
        "quarter",
        "fifth",
        "tenth",
        "twice",
        "doubled",
        "halved",
        "tripled",
        "threefold",
        "dozen",
        "zero",
    ]
)
#: Words that report what changed: a figure near one of them is a result.
_CHANGE_WORDS = frozenset(
    [
        "reduced",
        "cut",
        "saved",
        "increased",
        "improved",
        "grew",
        "rose",
        "fell",
        "dropped",
        "doubled",
        "halved",
        "tripled",
        "shortened",
        "lowered",
        "raised",
        "boosted",
        "caught",
        "fixed",
        "prevented",
        "avoided",
        "recovered",
        "won",
        "earlier",
        "faster",
        "sooner",
        "fewer",
        "less",
        "more",
        "down",
        "up",
        "from",
        "than",
        "within",
        "instead",
        "finished",
        "delivered",
        "shipped",
        "launched",
        "passed",
        "kept",
        "stopped",
    ]
)
_YEAR = re.compile(r"^(19|20)\d\d$")
#: The words a figure in words may be (:func:`_figures`): the number words and "one".
_FIGURE_WORDS = _NUMBER_WORDS | {"one"}
#: Phrases of a sentence that says what came of it, with or without a figure.
_RESULT_SENTENCE_CUES = (
    "as a result",
    "which meant",
    "in the end",
    "by the end",
    "since then",
    "the result",
    "led to",
    "so that",
    "afterwards",
    "ended up",
    "on time",
)


def _figures(tokens: list[str]) -> list[int]:
    """Where the figures are: digits (not years), money, percentages, spelled-out numbers."""
    found = []
    for index, token in enumerate(tokens):
        # A word of letters alone (most words) holds no digit: no letter is a digit.
        if (
            token in _NUMBER_WORDS
            or (token == "one" and tokens[index + 1 : index + 2] == ["in"])  # a rate
            or (
                not token.isalpha()
                and any(ch.isdigit() for ch in token)
                and not _YEAR.match(token.strip("£$€%,."))
            )
        ):
            found.append(index)
    return found


@functools.lru_cache(maxsize=4)
def _results(answer: str) -> tuple[tuple[str, ...], bool]:
    """
    The figures tied to a change, one per sentence at most (each with the words around
    it), and whether any sentence says what came of it without a figure. A sentence
    with a before and after ("from 61 to 74 percent") counts twice.
    """
    found: list[str] = []
    sentences = _sentences(answer)
    padded = _padded(sentences)
    said_result, spelled = _holding(padded, _RESULT_SENTENCE_CUES, _FIGURE_WORDS)
    # Only a sentence with a digit or a number word, and a word of change, may hold a
    # result: most sentences of a long answer have none.
    figured = [i for i, sentence in enumerate(sentences) if i in spelled or _DIGIT.search(sentence)]
    (changing,) = _holding([padded[i] for i in figured], _CHANGE_WORDS)
    read: dict[str, list[str]] = {}  # a sentence said again is read once
    for sentence in (sentences[figured[n]] for n in sorted(changing)):
        if (its := read.get(sentence)) is None:
            its = read[sentence] = _result_in(sentence)
        found += its
    return tuple(found), bool(said_result)


def _result_in(sentence: str) -> list[str]:
    """
    The figure tied to a change in *sentence*, with the words around it, if it has one
    (twice for a before and after); else none.
    """
    tokens = _lower_words(sentence.replace("\u2019", "'"))
    figures = _figures(tokens)
    sizes = _sizes(tokens, set(figures))
    changes = [i for i, t in enumerate(tokens) if t in _CHANGE_WORDS and i not in sizes]
    for index in figures:
        # The first word of change from six words before the figure on (changes are
        # in order): one look per figure, however many the sentence has.
        nearest = bisect.bisect_left(changes, index - 6)
        if nearest < len(changes) and changes[nearest] <= index + 6:
            quoted = " ".join(tokens[max(0, index - 2) : index + 2])
            return [quoted, quoted] if _before_and_after(tokens, figures) else [quoted]
    return []


#: Words of change that size something instead, when a figure follows: "more than 200
#: suppliers", "fewer than ten", "up to 25 people".
_SIZE_WORDS = {"more": "than", "less": "than", "fewer": "than", "up": "to"}
_UNTIL = frozenset({"until", "till", "through"})


def _sizes(tokens: list[str], figures: set[int]) -> set[int]:
    """
    Where *tokens* hold words of change that size something or span time rather than
    tell a change: "more than" or "up to" just before a figure (both words), "from" in
    a range ("from 6 up to 25 people") or a span of time ("from March 2021 until May
    2022"). "20% more than last year" and "from 9 to 4" are changes still.
    """
    found: set[int] = set()
    for index, word in enumerate(tokens):
        second = _SIZE_WORDS.get(word)
        if second and tokens[index + 1 : index + 2] == [second] and index + 2 in figures:
            found |= {index, index + 1}
        elif word == "from" and (
            not _UNTIL.isdisjoint(tokens[index + 2 : index + 5])
            or any(tokens[j : j + 2] == ["up", "to"] for j in range(index + 2, index + 4))
        ):
            found.add(index)
    return found


def _last_third(count: int) -> int:
    """Where the last third of *count* sentences starts (at least the last one)."""
    return count - max(1, count // 3)


def _ends_with_outcome(answer: str) -> bool:
    """Whether a sentence in the last third of *answer* says how it ended or what it taught."""
    return bool(_last_ending(answer))


def _last_ending(answer: str) -> str:
    """The words of the first sentence in the last third of *answer* that says how it
    ended or what it taught ("" when none does)."""
    sentences = _sentences(answer)
    for sentence in sentences[_last_third(len(sentences)) :]:
        if found := _ENDING.search(sentence):
            return sentence[found.start() : found.end()]
    return ""


#: Words that carry a figure to its new value: "nine a month down to one".
#: Not "up to": that is mostly "as many as" ("teams of up to 30").
_MOVED = frozenset({"down", "dropped", "fell", "rose", "cut", "reduced", "increased"})


def _before_and_after(tokens: list[str], figures: list[int]) -> bool:
    """
    Whether *tokens* hold a before and after: "from" up to three words before a figure,
    then "to" up to four words after it and a figure up to three words after that
    ("from around forty a day to almost zero", "from about one in five to one in
    eight"); or a figure, then "down to", "fell to" (:data:`_MOVED`) up to six words
    after it and a figure ("nine errors a month down to one or two"). *figures*: where
    the figures are.
    """
    at = set(figures)
    for i in figures:
        since = "from" in tokens[max(0, i - 3) : i]
        for j in range(i + 1, min(i + 7, len(tokens))):
            if tokens[j] != "to" or at.isdisjoint(range(j + 1, j + 4)):
                continue
            if (since and j < i + 5) or tokens[j - 1] in _MOVED:
                return True
    return False


#: Talking point ids that ask for a result: a question with one wants figures.
_RESULT_POINT = re.compile(r"result|outcome|impact|achiev")
#: Talking point ids that ask for the candidate's own part in a story.
_OWN_PART_POINT = re.compile(r"own-part|my-part|your-part|own-actions|what-you-did|steps-taken")
#: The first-person steps that tell the candidate's own part whatever its words.
_OWN_PART_STEPS = 3


@functools.lru_cache(maxsize=4)
def _heard_points(answer: str, question: Question) -> tuple[SignalMatch, ...]:
    """
    The question's talking points in *answer*: found by their cues
    (:func:`~interviewprep.find_signals`) or, in a story, by what the scorers read in
    any words. A point that asks for the result (its id holds "result", "outcome",
    "impact" or "achiev") is heard in a story with a result tied to a change or an
    ending in its last third ("the road reopened one day late"); one that asks for the
    candidate's own part ("own-part", "my-part", "your-part", "own-actions",
    "what-you-did", "steps-taken") in a story with three first-person steps or more;
    both only when the cues hear another point of the question (a story none of
    whose points they hear is most often one told for another question).
    Cues miss such points told in plain words (coaches found four in ten of the
    points fully covered on held-out-7 that the cues did not hear). Cached: relevance,
    the talking points, the answer's flags and the assessment all ask.
    """
    matches = find_signals(answer, question.talking_points)
    if _answer_type(question) != "story" or not any(m.found for m in matches):
        # A story none of whose points the cues hear is most often told for another
        # question: its ending and its steps say nothing of what this one asks.
        return matches
    heard = []
    for match in matches:
        point_id = match.signal.id
        if not match.found and _RESULT_POINT.search(point_id):
            results = _results(answer)[0]
            ending = _last_ending(answer)
            if results or ending:
                match = SignalMatch(
                    signal=match.signal, found=True, evidence=results[0] if results else ending
                )
        elif not match.found and _OWN_PART_POINT.search(point_id):
            steps = _own_steps(answer)
            if len(steps) >= _OWN_PART_STEPS:
                match = SignalMatch(signal=match.signal, found=True, evidence=steps[0])
        heard.append(match)
    return tuple(heard)


def _asks_for_figures(question: Question | None) -> bool:
    """
    Whether figures belong in an answer to *question*: any question but a fit question
    ("how did you handle a disagreement") or one whose talking points ask for no result
    ("tell me about a mistake": owning it, telling someone, repairing, changing).
    """
    if question is None or not question.talking_points:
        return True
    if str(question.intent) == "fit":
        return False
    return any(_RESULT_POINT.search(point.id) for point in question.talking_points)


_SAY_HOW_IT_ENDED = "Say how it turned out: what changed because of what you did."
#: A closing statement has no story to end; its reasons want proof.
_BACK_A_REASON = "Back your strongest reason with proof: one thing you did and what it changed."


def evidence(answer: str, context: ScoringContext) -> Score:
    """
    Results tied to the candidate's actions: figures (digits, money, percentages, or
    numbers in words: "a fifth", "two weeks earlier") next to a word of change
    ("reduced", "caught", "from … to", "within"), in a sentence that says what changed.

    Years, tenure, headcounts and other background figures do not count, nor do sizes
    and spans ("more than 200 suppliers", "teams of up to 25", "from March 2021 until
    May 2022", :func:`_sizes`). Two such
    results (or one before and after: "from 9 to 4", "nine a month, down to one") earn
    the top band; one, the next; a result told without a figure, the one below; none,
    the lowest. An answer that tells its outcome gets no suggestion (whether a figure
    fits it is for a human to say); one that tells none is asked what changed, and a
    closing statement for proof behind its strongest reason. Hypothetical answers are not
    asked for figures, nor answers to questions that want none (a fit question, or
    one whose talking points name no result, such as a mistake): there a result in
    words is all the scorer can hear, and how convincing it is needs a human.
    """
    found, plain_result = _results(answer)
    plain_result = plain_result or _ends_with_outcome(answer)
    count = len(found)
    value = 1.0 if count >= 2 else 2 / 3 if count == 1 else 1 / 3 if plain_result else 0.0
    hollow, _ = _substance_flag(answer)
    if hollow:
        value = min(value, 1 / 3)  # figures recited with nothing behind them
    question = context.question
    kind = _answer_type(question)
    if value == 1:
        suggestion = ""
    elif kind in ("hypothetical", "opinion"):
        suggestion = "Say what you would expect to change, and how you would know it had."
    elif hollow:
        suggestion = RED_FLAG_ADVICE[_BUZZ.id]
    elif not _asks_for_figures(question):
        if count or plain_result:
            return Score(
                value=None,
                evidence=(
                    *found[:6],
                    "says how it turned out; this question asks for no figures, so how "
                    "convincing the outcome is needs a human",
                ),
            )
        suggestion = _BACK_A_REASON if kind == "closing" else _SAY_HOW_IT_ENDED
    elif count or plain_result:
        # The outcome is told. Whether a figure (or a firmer one) fits it takes a human:
        # coaches found advice to add one wrong in 9 of 12 such answers over three reads.
        suggestion = ""
    elif kind == "closing":
        suggestion = _BACK_A_REASON
    else:
        suggestion = (
            "Say what changed because of what you did, with a figure where you have one "
            "(time saved, errors caught, a share that moved)."
        )
    return Score(
        value=value,
        evidence=tuple(found[:6]) or ("no result tied to a figure",),
        suggestion=suggestion,
    )


# -- ownership ------------------------------------------------------------------------------

#: First-person action: "I added", "I then told", "I'd ask", "I have set up", "I had to
#: call", "I usually ask"; German "ich habe/ich bin/ich + verb", French "j'ai", "je +
#: verb". Not a thought or a feeling ("I think", "I felt"), an ability, a need or a duty
#: ("I can adapt", "I need structure", "I should delegate"), a state ("I've been", "I
#: have a lot of experience", "I never panic", "I care about quality") nor a framing ("I'd
#: say my strength is"; "I'd say to them" is a step): labelled weak answers tell those in
#: place of steps.
_FIRST_PERSON_ACTION = led_by(
    "ij",
    r"\b(?:i(?:'d|'ll|'ve| would| will| have| had)?(?:,? (?:uh|um|er|erm|uhm),?)?"
    r"(?: (?:had|have|needed) to)?"
    r"(?: (?:then|also|first|immediately|quickly|personally|just|now|still|later|finally|"
    r"always|really|actually|basically|genuinely|honestly|kind of|sort of|usually|often|"
    r"sometimes|normally|generally|typically))? "
    r"(?!am\b|was\b|think\b|guess\b|feel\b|believe\b|mean\b|know\b|like\b|love\b|"
    r"hope\b|want\b|wanted\b|felt\b|thought\b|knew\b|liked\b|loved\b|hoped\b|"
    r"were\b|don't\b|didn't\b|can't\b|couldn't\b|'m\b|"
    r"can\b|cannot\b|could\b|should\b|would\b|will\b|must\b|might\b|may\b|need\b|needed\b|been\b|be\b|"
    r"have\b|has\b|had\b|to\b|never\b|care\b|suppose\b|remember\b|prefer\b|"
    r"understand\b|understood\b|received\b|enjoy\b|enjoyed\b|thrive\b|"
    r"(?<='ve )got\b|(?<=have )got\b|"
    r"say\b(?! to\b))[a-z]{2,}|"
    r"ich (?:habe|hatte|bin|war|werde|würde)? ?[a-zäöüß]{3,}|j'ai [a-zéèêàç]{3,}|"
    r"je (?:vais |voudrais |ferais |ai )?[a-zéèêàç]{3,})",
)
_ANY_FIRST_PERSON = led_by(
    "ijm",
    r"\b(?:i|me|my|ich|mir|mich|je|j'|moi)\b",
)
_WE = led_by(
    "nouw",
    r"\b(?:we|our|us|wir|unser\w*|nous|notre|nos)\b",
)


#: "We" as the one who acts: "we decided", "we then built", "nous avons", "wir haben".
_WE_ACTION = led_by(
    "nw",
    r"\b(?:we(?:'d|'ll|'ve| would| will| have| had)?(?: (?:then|also|first|all|just|"
    r"finally))? (?!are\b|were\b|was\b|think\b|felt\b|knew\b|could\w*|couldn\w*|"
    r"didn\w*|don\w*|can\w*|would\w*|need\w*|want\w*|had\b|have\b|really\b|both\b|"
    r"sort\b|kind\b|all\b)[a-z]{2,}|"
    r"wir (?:haben|hatten|sind|waren)? ?[a-zäöüß]{3,}|nous (?:avons )?[a-zéèêàç]{3,})",
)
#: A step joined to an own step in the same sentence: "…, wrote a guide and tested it".
#: Only past forms count (regular ones and the common irregular ones), so "and then the
#: team" or "and a report" are not steps.
_JOINED_STEP = led_by(
    ",a",
    r"(?:,\s*(?:and\s+)?|\band\s+)(?:then\s+|also\s+)?([a-z]+)\b",
)
_IRREGULAR_PAST = frozenset(
    [
        "wrote",
        "sent",
        "told",
        "made",
        "ran",
        "built",
        "took",
        "set",
        "met",
        "spoke",
        "gave",
        "got",
        "went",
        "put",
        "found",
        "brought",
        "kept",
        "led",
        "began",
        "chose",
        "drew",
        "rang",
        "sat",
        "said",
        "held",
        "paid",
        "sold",
        "bought",
        "taught",
        "caught",
        "rebuilt",
        "rewrote",
        "split",
        "cut",
        "shut",
        "left",
        "sought",
        "won",
        "read",
    ]
)
#: Past forms that describe a state of mind, not a step.
_STATES = frozenset(
    [
        "interested",
        "worried",
        "tired",
        "excited",
        "frustrated",
        "bored",
        "annoyed",
        "stressed",
        "surprised",
        "scared",
        "confused",
        "involved",
        "based",
        "related",
        "supposed",
        "used",
        "pleased",
        "impressed",
        "concerned",
        "embarrassed",
        "ashamed",
        "relieved",
        "disappointed",
        "exhausted",
        "overwhelmed",
    ]
)


def _past_step(word: str) -> bool:
    """Whether a lower-case *word* is the past form of a step: "wrote", "tested", not
    "worried"."""
    return word in _IRREGULAR_PAST or (
        len(word) > 4 and word.endswith("ed") and word not in _STATES
    )


@functools.lru_cache(maxsize=4)
def _own_steps(answer: str) -> tuple[str, ...]:
    """
    The first-person actions of *answer*, each sentence's own steps followed by the past
    forms joined to them ("I interviewed six people, wrote a guide and tested it"), read
    with curly apostrophes straight. Cached: ownership, the story's shape and the
    answer's flags (:func:`_whole_account`) all ask.

    The actions are found in one pass over the answer (none spans two sentences: none
    holds the punctuation that ends one) and grouped by sentence; a sentence said again
    is read once.
    """
    text = answer.replace("\u2019", "'")
    actions = _FIRST_PERSON_ACTION.finditer(text)
    if (first := next(actions, None)) is None:
        return ()
    breaks = list(_SENTENCES.finditer(text))
    starts = [0, *(b.end() for b in breaks)]
    ends = [*(b.start() for b in breaks), len(text)]
    steps: list[str] = []
    read: dict[str, list[str]] = {}
    actions = itertools.chain((first,), actions)
    for index, own in itertools.groupby(actions, lambda m: bisect.bisect_right(starts, m.start())):
        sentence = text[starts[index - 1] : ends[index - 1]]
        if (its := read.get(sentence)) is None:
            its = read[sentence] = _steps_in(sentence, own, starts[index - 1])
        steps += its
    return tuple(steps)


def _steps_in(sentence: str, actions: Iterator[re.Match[str]], start: int) -> list[str]:
    """
    The first-person *actions* found in *sentence* (which starts at *start* in the text
    they were found in), followed by the past forms joined to the first of them.
    """
    first = next(actions)
    steps = [m.group() for m in (first, *actions)]
    for joined in _JOINED_STEP.finditer(sentence, first.end() - start):
        word = joined.group(1).lower()
        if _past_step(word):
            steps.append(word)
    return steps


#: What a first-person step sounds like for each kind of answer, how many earn the top,
#: and the advice to an answer that already tells one (coaches found "in the first
#: person" wrong for an answer that says "I'd"): it is short of steps, not of "I". An
#: explanation that tells its practice in the first person gets none (see ownership).
_OWN_STEPS: dict[str, tuple[int, str, str]] = {
    "story": (
        5,
        "Say which steps were yours: what you decided, whom you told, what you did "
        "next, each in the first person.",
        "Say more of what you did, step by step: what you decided, whom you told, what "
        "you did next.",
    ),
    "hypothetical": (
        3,
        "Say what you would do yourself, step by step, in the first person "
        "(“I'd first…”, “then I'd…”).",
        "Say what you would do, step by step: what first, whom you would tell, and what next.",
    ),
    "knowledge": (
        2,
        "Show your own practice: say what you do yourself, in the first person "
        "(“I check…”, “I ask…”).",
        "",
    ),
}


#: A question put to the candidate's own practice ("how do you…", "why did you…").
_TO_YOUR_PRACTICE = re.compile(r"\b(?:do|did|would|will) you\b", re.IGNORECASE)


def _asks_for_practice(question: Question | None) -> bool:
    """
    Whether *question* asks how the candidate works ("how do you keep your knowledge
    current?", "why did you make those choices?") rather than for a concept explained
    ("explain a complex idea from your field"). Without a question, it may. English: a
    question in another language is taken as asking for a concept.
    """
    return question is None or bool(_TO_YOUR_PRACTICE.search(question.text))


def ownership(answer: str, context: ScoringContext) -> Score:
    """
    First-person decisions and actions: how many times the answer says what *you* did
    or would do ("I told my manager", "I'd ask", "ich habe", "j'ai"), not how often it
    says "I". Steps joined to one of them count too ("I interviewed six people, wrote
    a guide and tested it" is three). Crediting the team costs nothing.

    In a story, five such actions earn the top band, three the next, two the one
    below; in a hypothetical three, in an explanation two. Three or more that outnumber
    the team's ("we decided") also earn it. An explanation is advised to show its own
    practice only when the question asks how the candidate works ("how do you…") and
    the answer tells that practice as the team's (two or more actions of "we", as many
    as its own).
    """
    text = answer.replace("\u2019", "'")
    actions = _own_steps(answer)
    count = len(actions)
    if count == 0 and not _WE.search(text) and not _ANY_FIRST_PERSON.search(text):
        return Score(
            value=None,
            evidence=("no one acts in the answer",),
            suggestion="Tell it as your story: say what you did, in the first person.",
        )
    question = context.question
    kind = _answer_type(question)
    top, advice, more = _OWN_STEPS.get(kind, _OWN_STEPS["story"])
    team = len(_WE_ACTION.findall(text))
    if team < count:
        advice = more  # the answer says what it did in the first person, if too little
    if count >= top or (count >= 3 and team < count):
        value = 1.0
    else:
        value = 2 / 3 if count >= 3 else 1 / 3 if count >= 2 else 0.0
    evidence_ = (
        f"{count} first-person action{'' if count == 1 else 's'}: "
        f"{'; '.join(a.strip() for a in actions[:4])}",
        f"{team} actions of “we”",
    )
    if value == 1 or (
        kind == "knowledge" and (team < max(count, 2) or not _asks_for_practice(question))
    ):
        # The knowledge advice is for practice told as the team's. An explanation told
        # plainly hides nothing behind "we", and the "we" of a concept explained ("we put
        # in an accrual") is anyone's: coaches found "say it with I" wrong there.
        advice = ""
    return Score(value=value, evidence=evidence_, suggestion=advice)


# -- filler and hedging --------------------------------------------------------------------

_FILLER_WORDS = frozenset(
    [
        "um",
        "uh",
        "erm",
        "er",
        "basically",
        "actually",
        "literally",
        "honestly",
        "maybe",
        "probably",
        "just",
        "really",
        "stuff",
        "perhaps",
        "hopefully",
        "somewhat",
    ]
)
_FILLER_PHRASES = (
    "you know",
    "sort of",
    "kind of",
    "i guess",
    "i think",
    "i mean",
    "or something",
    "a bit",
)


def filler(answer: str, context: ScoringContext) -> Score:
    """
    Filler and hedging words ("basically", "sort of", "I guess") per hundred words.

    One or fewer per hundred words earns the top band; more than five, the lowest.
    """
    tokens = _answer_words(answer)
    counts: Counter[str] = Counter(t for t in tokens if t in _FILLER_WORDS)
    for first, second in itertools.pairwise(tokens):
        pair = f"{first} {second}"
        if pair in _FILLER_PHRASES:
            counts[pair] += 1
    total = sum(counts.values())
    rate = total / max(len(tokens), 1) * 100
    value = 1.0 if rate <= 1 else 2 / 3 if rate <= 2.5 else 1 / 3 if rate <= 5 else 0.0
    top = counts.most_common(3)
    evidence_ = tuple(f"“{word}” {_times(n)}" for word, n in top) or ("no filler words",)
    suggestion = (
        ""
        if value == 1
        else "Drop "
        + ", ".join(f"“{word}” ({_times(n)})" for word, n in top)
        + " and state each point plainly: it sounds more certain."
    )
    return Score(value=value, evidence=evidence_, suggestion=suggestion)


# -- relevance ------------------------------------------------------------------------------


def _points(labels: list[str]) -> str:
    """The first two of *labels* (talking points), quoted: their wording varies."""
    return " and ".join(f"“{label}”" for label in labels[:2])


def _come_through(points: list[str]) -> str:
    """
    The advice for talking points the cues did not find (the first two). Cues cannot
    hear every paraphrase, so it asks for them to come through rather than calling
    them absent.
    """
    points = points[:2]
    these = "these come" if len(points) > 1 else "this comes"
    return f"{_COME_THROUGH}{these} through clearly: {_points(points)}."


@functools.lru_cache(maxsize=4)
def _said(answer: str) -> frozenset[str]:
    """
    The stems of the content words of *answer*. Cached: relevance and the answer's
    flags both ask.
    """
    return frozenset(map(_stem, set(_content_terms(answer))))


def _named_missing(answer: str, matches: tuple[SignalMatch, ...]) -> list[str]:
    """
    The talking points a suggestion names as missing: those the answer never touches
    (:func:`_untouched`), and none at all in an answer of a minute or more whose cues
    already find three in ten of the points. On the coaches' labels of the dev and
    held-out sets, most points called missing in such answers were there in other
    words, fully or in part (10 of 15), against 32 of 116 over all answers.
    """
    found = sum(1 for m in matches if m.found)
    if found >= 0.3 * len(matches) and _word_count(answer) >= _LONG_ON_SUBJECT:
        return []
    return _untouched(answer, matches)


def _untouched(answer: str, matches: tuple[SignalMatch, ...]) -> list[str]:
    """
    The labels of the talking points in *matches* not found whose words (of the label
    and the cues) the answer never uses either. Cues miss many paraphrases (the coaches'
    labels found about three in ten points called missing were there in other words);
    a point none of whose words appear is rarely there, so only these are named as
    missing in a suggestion.
    """
    said = _said(answer)
    return [
        m.signal.label for m in matches if not m.found and said.isdisjoint(_point_words(m.signal))
    ]


@functools.lru_cache(maxsize=1024)
def _point_words(point: Signal) -> frozenset[str]:
    """The stems of the content words of a talking point's label and cues."""
    return frozenset(_stem(t) for text in (point.label, *point.cues) for t in _content_terms(text))


def _key_terms(text: str, limit: int) -> list[str]:
    counts = Counter(_stem(t) for t in _content_terms(text))
    return [term for term, _ in sorted(counts.items(), key=lambda e: (-e[1], e[0]))[:limit]]


def _surface(text: str) -> dict[str, str]:
    """Each stem of *text*'s content words, with the first word it came from."""
    words: dict[str, str] = {}
    for term in _content_terms(text):
        words.setdefault(_stem(term), term)
    return words


def relevance(answer: str, context: ScoringContext) -> Score:
    """
    Coverage of the key terms of the question asked, the labels of its talking points
    and the job posting (when there is one), or of the question's talking points
    themselves (found by their cues), whichever is higher.

    Half or more earns the top band. With neither a question nor a
    job posting there is nothing to compare, and the criterion needs a human rating.
    The suggestion names the talking points not covered (found by their cues) unless
    a talking-points criterion of the rubric does, else the posting's words not used,
    else (with no posting) asks for the question to be answered first.
    """
    terms: list[str] = []
    question, interview = context.question, context.interview
    posting = interview.job_posting if interview is not None else ""
    if question is not None:
        terms += _key_terms(question.text, 4)
        for point in question.talking_points:
            terms += [t for t in _key_terms(point.label, 2) if t not in terms]
    posting_terms = (
        [t for t in _key_terms(posting, 10) if t not in terms] if posting.strip() else []
    )
    terms += posting_terms
    if not terms:
        return Score(value=None, evidence=("no question or job posting to compare with",))
    said = _said(answer)
    found = [t for t in terms if t in said]
    points = _heard_points(answer, question) if question is not None else ()
    missing_points = [m.signal.label for m in points if not m.found]
    share = len(found) / len(terms)
    if points:
        share = max(share, 1 - len(missing_points) / len(points))
    value = _band(share, (0.5, 0.3, 0.15))
    evidence_ = (f"mentions {len(found)} of {len(terms)} key terms: {', '.join(found) or 'none'}",)
    unsaid = [t for t in posting_terms if t not in said]
    if value == 1:
        suggestion = ""
    elif missing_points and not any(
        c.scorer == "talking-points" for c in context.rubric.criteria
    ):  # else the talking-points criterion names them
        unheard = _named_missing(answer, points)
        suggestion = _come_through(unheard) if unheard else ""
    elif unsaid:
        words = _surface(posting)
        suggestion = (
            "Link the answer to the role: the posting asks for "
            f"{', '.join(words.get(t, t) for t in unsaid[:3])}."
        )
    else:
        suggestion = ""  # nothing specific to say
    return Score(value=value, evidence=evidence_, suggestion=suggestion)


# -- talking points and red flags --------------------------------------------------------------


def talking_points(answer: str, context: ScoringContext) -> Score:
    """
    The share of the question's talking points the answer covers, found by their cues.

    Three in five or more earn the top band (three of four, three of five). A
    question with no talking points gives nothing to compare, and the criterion needs
    a human rating. The suggestion names only points none of whose words the answer
    uses (one told in other words than its cues is not called missing), and none in an
    answer of a minute or more whose cues already find three in ten of the points.
    """
    question = context.question
    if question is None or not question.talking_points:
        return Score(value=None, evidence=("the question lists no talking points",))
    matches = _heard_points(answer, question)
    found = [m for m in matches if m.found]
    unheard = _named_missing(answer, matches)
    value = _band(len(found) / len(matches), (0.6, 0.3, 0.01))
    evidence_ = tuple(f"{m.signal.label}: “{m.evidence}”" for m in found)
    suggestion = _come_through(unheard) if value < 1 and unheard else ""
    return Score(value=value, evidence=evidence_, suggestion=suggestion)


#: Red flags of any answer to any question: blaming others, attacking a former employer
#: or colleague, and bending the rules or breaking trust (skipping a review, going
#: around a control, taking clients to a rival). Looked for beside the question's own.
UNIVERSAL_RED_FLAGS = (
    Signal(
        id="blames-others",
        label="puts the blame on other people",
        cues=(
            "wasn't on me",
            "wasn't really on me",
            "not my fault",
            "wasn't my fault",
            "wasn't my call",
            "was his problem",
            "is his problem",
            "was her problem",
            "is her problem",
            "was their problem",
            "is their problem",
            "their fault",
            "his fault",
            "her fault",
            "wouldn't listen",
            "thinks he's always right",
            "thinks she's always right",
            "can't trust other people",
            "can't rely on other people",
            "who broke it",
            "whose fault",
            "who to blame",
            "who is to blame",
            "who was to blame",
            "not on me",
            "not my problem",
            "not our problem",
            "don't get blamed",
            "nothing i could have done",
            "nothing i could do",
            "was unfair",
            "no one told me",
            "nobody told me",
            "threw me under the bus",
            "won't always deliver",
            "never deliver",
            "i was the one left",
            "left explaining",
            "left to explain",
            "left holding the baby",
            "pick up the pieces",
            "no fault of my own",
            "nothing to do with me",
        ),
    ),
    Signal(
        id="attacks-employer",
        label="attacks a former employer or colleague",
        cues=(
            "a joke",
            "clueless",
            "incompetent",
            "useless",
            "idiots",
            "idiot",
            "hopeless",
            "a shambles",
            "a circus",
            "a clown",
            "clowns",
            "a nightmare to work",
            "couldn't run a",
            "couldn't organise a",
            "no idea what they were doing",
            "no idea what he was doing",
            "no idea what she was doing",
            "lazy",
            "greedy",
            "stingy",
            "penny-pinching",
            "a dinosaur",
            "dinosaurs",
            "couldn't care less",
            "don't care about their staff",
            "don't care about the staff",
            "don't care about us",
            "treat us like",
            "treat their staff like",
            "treat staff like",
            "pathetic",
            "a disgrace",
            "out of their depth",
            "out of his depth",
            "out of her depth",
            "shouldn't be running",
            "run by grown-ups",
            "too weak to",
            "there for the salary",
            "there for the money",
            "do the bare minimum",
            "does the bare minimum",
            "do the minimum",
            "does the minimum",
            "terrible manager",
            "awful manager",
            "worst manager",
            "worst boss",
            "toxic",
        ),
    ),
    Signal(
        id="breaks-trust",
        label="bends the rules or breaks trust",
        cues=(
            "skipped the review",
            "skip the review",
            "skipped the legal",
            "skip the legal",
            "skipped legal",
            "skipped the checks",
            "skip the checks",
            "skipped the approval",
            "skipped the sign-off",
            "without legal",
            "bypassed",
            "bypass the",
            "went around the",
            "go around the",
            "went behind",
            "behind their back",
            "behind his back",
            "behind her back",
            "without telling anyone",
            "without asking anyone",
            "keep it quiet",
            "kept it quiet",
            "keep it to myself",
            "kept it to myself",
            "keep it under wraps",
            "kept it under wraps",
            "without permission",
            "without approval",
            "nobody would notice",
            "no one would notice",
            "nobody noticed",
            "no one noticed",
            "cut corners",
            "cutting corners",
            "directly in production",
            "directly on production",
            "directly into production",
            "straight into production",
            "without review",
            "without a review",
            "without any review",
            "no time for the review",
            "no time for the normal process",
            "time for the normal process",
            "skip the normal process",
            "bent the rules",
            "bend the rules",
            "broke the rules",
            "fudged",
            "fudge the",
            "backdated the",
            "backdated it",
            "backdate the",
            "off the books",
            "poach",
            "poached",
            "take my clients",
            "take the clients",
            "take clients with me",
            "take my customers",
            "take the customers",
            "client list with me",
            "customer list with me",
            "a rival firm",
            "a rival company",
            "a competing business",
            "a competing firm",
            "disable the check",
            "disabled the check",
            "turn off the check",
            "turned off the check",
            "turn off the tests",
            "turned off the tests",
            "skip the tests",
            "skipped the tests",
            "skip qa",
            "skipped qa",
            "skip the sign-off",
            "without sign-off",
            "without the sign-off",
            "without waiting for sign-off",
            "get around the approval",
            "get round the approval",
            "under the approval limit",
            "below the approval limit",
            "avoid the approval",
            "never get enforced",
            "never enforced",
            "export my contacts",
            "exported my contacts",
            "exported the client",
            "exported the customer",
            "copied the client",
            "copied the customer",
            "into my personal",
            "to my personal email",
            "to my personal drive",
            "my personal google",
            "export all the",
            "exported all the",
            "bring them with me",
            "share the list with",
            "shared the list with",
            "took the client list",
            "took the customer list",
            "took my client list",
            "kept the client list",
            "kept a copy of the client",
            "kept a copy of the customer",
            "a copy of the client list",
            "a copy of the customer list",
            "downloaded the client",
            "downloaded the customer",
            "forwarded the client",
            "forwarded the customer",
            "to my gmail",
            "to my private email",
            "to my home email",
            "onto a usb",
            "onto my own laptop",
            "used his password",
            "used her password",
            "used their password",
            "using his password",
            "using her password",
            "using their password",
            "with his password",
            "with her password",
            "his admin password",
            "her admin password",
            "borrowed his login",
            "borrowed her login",
            "logged in as him",
            "logged in as her",
            "logged in with his",
            "logged in with her",
            "under his login",
            "under her login",
            "just sign it",
            "sign it anyway",
            "signed it anyway",
            "sign it off anyway",
            "signed it off anyway",
            "sign it without checking",
            "signed it without checking",
            "sign it without reading",
            "signed it without reading",
            "nobody ever checks",
            "no one ever checks",
        ),
    ),
    Signal(
        id="humble-brag",
        label="a strength dressed up as a flaw",
        cues=(
            "too much of a perfectionist",
            "too high a standard",
            "too high standards",
            "standards too high",
            "standards are too high",
            "set the bar too high",
            "set the bar very high",
            "i care too much",
            "i work too hard",
            "i just work too hard",
            "keep up with my pace",
            "keep up with me",
        ),
    ),
    Signal(
        id="commits-too-soon",
        label="commits before there is an offer to weigh",
        cues=(
            "whatever you're offering is fine",
            "whatever you offer is fine",
            "whatever you propose is fine",
            "whatever you offer",
            "i'd take whatever",
            "i'll take whatever",
            "i would take whatever",
            "i will accept directly",
            "i would accept directly",
            "accept straight away",
            "i'd say yes right now",
            "i would say yes right now",
            "don't need to see the contract",
            "don't need to see the offer",
            "salary is not so important",
            "salary doesn't matter",
            "the salary does not matter",
            "money doesn't matter",
        ),
    ),
)
#: What to do instead of each universal red flag (and of claims without substance), by
#: flag id: the feedback names the flag and then this. A question's own flag for the same
#: fault (:data:`_SAME_FAULT`) takes the advice of the universal one; other flags of a
#: question are named alone.
RED_FLAG_ADVICE: dict[str, str] = {
    "blames-others": (
        "Tell your own part in what went wrong and what you do differently now; leave "
        "the others' faults out."
    ),
    "attacks-employer": (
        "Keep to plain facts about the work, with no verdict on people, and turn to what "
        "you want next."
    ),
    "breaks-trust": (
        "Choose an example where you got there within the rules, or say plainly that it "
        "was wrong and what you do now."
    ),
    "humble-brag": "Name a real fault of yours, what it cost, and what you changed because of it.",
    "commits-too-soon": (
        "Say you are interested, and that you will decide once you have the whole offer "
        "in front of you."
    ),
    "buzzwords": (
        "Replace the claims with one real occasion: what you did, and what changed because of it."
    ),
}


#: What to do instead of a red flag in an answer of one type, where the advice for any
#: answer does not fit, by flag id and answer type: claims without substance in an
#: answer that is not asked for an occasion (a plan, a view or a self-portrait, a way
#: of working: coaches found "one real occasion" wrong for a plan for the first three
#: months, and "one view of your own" wrong for how colleagues would describe you), and
#: a yes before there is an offer in an answer about pay (coaches found "decide once
#: you have the whole offer" no answer to "what salary are you expecting?"). A
#: motivation answer is asked for a goal or reason of its own and one thing done that
#: shows it: "one real occasion" was right for "tell us about yourself" but wrong or
#: beside the point for career goals, growth here and thoughts since round one.
_ADVICE_BY_TYPE = {
    "buzzwords": {
        "motivation": (
            "Replace the claims with specifics: one concrete goal or reason, and one thing "
            "you have already done that backs it up."
        ),
        "hypothetical": (
            "Replace the claims with what you would actually do, step by step, and why."
        ),
        "opinion": (
            "Replace the claims with something of your own: what you actually think or do, "
            "and one moment that shows it."
        ),
        "knowledge": (
            "Replace the claims with what you actually do, and one time it made a difference."
        ),
    },
    "commits-too-soon": {
        "salary": (
            "Name the range your research supports, say you are interested, and decide once "
            "you have the whole offer in front of you."
        ),
    },
}


#: What to do instead of a red flag where the question did not invite it, by flag id:
#: a strength dressed up as a flaw in an answer that was not asked for a flaw (a
#: walk-through of a take-home task), blame where no flaw or mistake was asked for (a
#: proudest achievement), and verdicts on people outside a question about moving on
#: (coaches found "name a real fault of yours", "tell your own part in what went wrong"
#: and "turn to what you want next" beside the point there).
_UNASKED_ADVICE = {
    "humble-brag": (
        "Leave out the flaw that is really a strength, and spend the time on what the "
        "question asks."
    ),
    "blames-others": (
        "Keep to your own part, what you did and decided, and leave the others' faults out."
    ),
    "attacks-employer": (
        "Leave out the verdicts on the people you work with, and keep to what the question asks."
    ),
}
#: Answer types in which a former employer comes up as the reason to move on.
_MOVING_ON = frozenset({"motivation", ""})


def _asks_for_a_flaw(question: Question | None) -> bool:
    """
    Whether *question* asks for a flaw or a mistake of the candidate's: it has a red
    flag of its own for a strength dressed up as one (:data:`_SAME_FAULT`).
    """
    return question is not None and any(
        _SAME_FAULT.get(flag.id, flag.id) == "humble-brag" for flag in question.red_flags
    )


def _instead(flag: Signal, question: Question | None) -> str:
    """What to do instead of the red flag *flag* in an answer to *question*."""
    key, kind = _SAME_FAULT.get(flag.id, flag.id), _answer_type(question)
    if kind in (by_type := _ADVICE_BY_TYPE.get(key, {})):
        return by_type[kind]
    if key in ("humble-brag", "blames-others") and not _asks_for_a_flaw(question):
        return _UNASKED_ADVICE[key]
    if key == "attacks-employer" and kind not in _MOVING_ON:
        return _UNASKED_ADVICE[key]
    return RED_FLAG_ADVICE.get(key, "")


def _red_flag_advice(flags: list[Signal], question: Question | None) -> str:
    """
    The feedback on the red flags *flags* in an answer to *question*: their names, and
    what to do instead of the first that has advice, fitted to the question: a flaw
    that is a strength, or blame, where no flaw or mistake was asked for, and verdicts
    on people outside a question about moving on, get advice of their own
    (:data:`_UNASKED_ADVICE`).
    """
    names = "; ".join(flag.label for flag in flags[:2])
    heading = "Red flag" if len(flags) == 1 else "Red flags"
    instead = next((advice for flag in flags if (advice := _instead(flag, question))), "")
    return f"{heading}: {names}. {instead}".rstrip()


#: Words of claims without substance: corporate buzzwords and self-praise with nothing
#: behind them. Two distinct ones (or the STAR labels recited) raise the flag. Cues read
#: "%" as "percent", so "110 percent" hears "110%" too.
_BUZZWORDS = (
    "synergy",
    "synergies",
    "leverage",
    "leveraging",
    "leveraged",
    "spearheaded",
    "best-in-class",
    "world-class",
    "holistic",
    "paradigm",
    "customer-centric",
    "data-driven",
    "cross-functional",
    "at scale",
    "unlock value",
    "outside the box",
    "game-changer",
    "game changer",
    "move the needle",
    "low-hanging fruit",
    "rapidly evolving",
    "thought leadership",
    "results-driven",
    "results-oriented",
    "go-getter",
    "team player",
    "passionate about",
    "hard-working",
    "hardworking",
    "perfectionist",
    "detail-oriented",
    "self-starter",
    "dynamic",
    "proactive",
    "empowered",
    "championed",
    "value-add",
    "best practices",
    "drive growth",
    "innovative",
    "strategic thinking",
    "bring a lot to the table",
    "think outside",
    "hundred and ten percent",
    "110 percent",
    "fast learner",
    "quick learner",
    "above and beyond",
    "extra mile",
    "can-do attitude",
    "people person",
    "positivity",
    "100 percent",
    "hundred percent",
    "best version of myself",
    "this journey",
    "values really align",
    "values align",
    "add a lot of value",
    "add value",
    "amazing culture",
    "great energy",
    "natural communicator",
    "thrive in",
)
#: A STAR label ("Situation:") at the start of the answer, of a line or of a sentence. A
#: match starts at the first character of the white space before the label (or at the
#: mark that ends the sentence), never at a later newline of the same white space, so a
#: run of blank lines is read once rather than again from each of its newlines.
_STAR_LABELS = re.compile(
    r"(?:^\s*"  # the start of the answer
    r"|[.!?]\s+"  # the end of a sentence
    r"|\n(?<!\s\s)\s*"  # white space that opens with a line break
    r"|[^\S\n](?<!\s\s)[^\S\n]*\n\s*)"  # white space with a line break further on
    r"(situation|task|action|result)\s*:",
    re.IGNORECASE,
)
#: A STAR label's word just before where *endpos* is (with ``search(text, pos, endpos)``).
_LABEL_WORD = re.compile(r"(?:situation|task|action|result)\Z", re.IGNORECASE)


def _recited_labels(answer: str) -> set[str]:
    """
    The STAR labels *answer* recites ("Situation:"), lowered: those :data:`_STAR_LABELS`
    finds. Every such label ends at a colon, with a label's word before it and the
    white space (or the mark ending a sentence) that opens the match before that; so
    the pattern is tried only there, once per colon, rather than read through a long
    answer.
    """
    labels: set[str] = set()
    at = answer.find(":")
    while at >= 0:
        end = at
        while end and answer[end - 1].isspace():
            end -= 1
        word = _LABEL_WORD.search(answer, max(0, end - len("situation")), end)
        if word:
            run = word.start()
            while run and answer[run - 1].isspace():
                run -= 1
            for begin in (run, run - 1) if run else (0,):
                label = _STAR_LABELS.match(answer, begin)
                if label and label.end() == at + 1:
                    labels.add(label.group(1).lower())
                    break
        at = answer.find(":", at + 1)
    return labels


_BUZZ = Signal(id="buzzwords", label="claims without substance", cues=_BUZZWORDS)
#: Distinct buzzwords (the forms of one word count once) that make an answer claims
#: without substance. On the labelled sets no answer graded 3 or 4 has two.
_HOLLOW_AT = 2
#: One signal per buzzword, so one pass over the answer counts the distinct ones.
_BUZZWORD_SIGNALS = tuple(
    Signal(id=f"buzzword-{n}", label=word, cues=(word,)) for n, word in enumerate(_BUZZWORDS)
)


@functools.lru_cache(maxsize=4)
def _substance_flag(answer: str) -> tuple[bool, str]:
    """Whether the answer is claims without substance, and the words that show it."""
    if len(_recited_labels(answer)) >= 3:
        return True, "recites the STAR labels"
    # One word found by several forms of a buzzword ("leverage", "leveraged") is one hit,
    # quoted as the answer says it.
    hits = list(
        dict.fromkeys(
            m.evidence.lower() for m in find_signals(answer, _BUZZWORD_SIGNALS) if m.found
        )
    )
    if len(hits) >= _HOLLOW_AT:
        return True, ", ".join(hits[:4])
    return False, ""


#: Ids a question's own red flag may have for the fault of a universal one.
_SAME_FAULT = {"fake-mistake": "humble-brag"}


@functools.lru_cache(maxsize=256)
def _with_universal(own: tuple[Signal, ...]) -> tuple[Signal, ...]:
    """
    A question's red flags and the universal ones: a universal flag the question has
    under the same id (or one for the same fault, :data:`_SAME_FAULT`) is one flag,
    with the question's id and label and both sets of cues.
    """
    universal = {flag.id: flag for flag in UNIVERSAL_RED_FLAGS}
    merged = []
    for flag in own:
        same = universal.pop(_SAME_FAULT.get(flag.id, flag.id), None)
        merged.append(flag if same is None else attrs.evolve(flag, cues=(*flag.cues, *same.cues)))
    return (*merged, *universal.values())


#: Someone else failing: another person or group ("she", "the supplier", "colleagues
#: who", "the IT team") and, up to three words on, a failure ("didn't", "should have",
#: "never", "failed to", "had not", "were behind"), not one done to them ("they had
#: never been asked") nor a view they did not hold ("people weren't against it"); or,
#: up to five words on, lateness or a change made without telling anyone. English only.
_OTHERS_FAILED = Phrases(
    r"\b(?:he|she|they|colleagues|people|others|"
    r"(?:one|another|the other|the second|the third) (?:guy|girl|person|colleague|"
    r"teammate|member)|"
    r"(?:the|my|our) (?:[\w-]+ ){0,2}?(?:team|department|supplier|vendor|consultant|client|"
    r"manager|lead|leader|director|contractor|developers?|people|others|colleagues?|staff|"
    r"board|agency|boss|predecessor|teammates?|writer|analyst|engineers?|designers?|"
    r"partners?|group)(?:'s [\w-]+)?)"
    r"(?:(?:\s+[\w'-]+){0,3}?\s+(?:didn't|did not|don't|do not|doesn't|does not|wasn't|"
    r"weren't|never|should have|should've|failed to|forgot|ignored|refused|wouldn't|"
    r"hadn't|had not|(?:was|were) behind|"
    r"kept (?:changing|missing|moving|cancelling|ignoring)|disappeared|vanished|"
    r"went (?:quiet|missing|silent)|had pulled (?:their|his|her) weight|"
    r"(?:was|were) (?:(?:quite|very|too|badly|hopelessly) )?(?:out of date|late|junior|"
    r"inexperienced|unrealistic|incomplete|wrong))\b(?!\s+(?:been|against)\b)"
    r"|(?:\s+[\w'-]+){1,5}?\s+(?:late|a long time|too long|without (?:telling|asking|"
    r"checking|testing|running|warning|consulting|informing))\b)",
)
#: The candidate's own part in what went wrong ("that was on me"; not "the team leaned
#: on me", nor "it wasn't on me").
_OWN_PART = Phrases(
    r"\b(?:my fault|my mistake|my part in|my share of the (?:blame|responsibility)|"
    r"i should have|i should've|i didn't|"
    r"i did not|i missed|i forgot|i got (?:it |that |this )?wrong|i was wrong|"
    r"(?:that|it|this)(?:'s| was| is) (?:all |entirely |really |totally )?on me|"
    r"i take responsibility|i own|i underestimated|i assumed|i failed)\b",
)


def _blame_told_politely(answer: str, kind: str) -> str:
    """
    The evidence of blame told in calm words in an answer of type *kind*: two or more
    statements of someone else failing ("the supplier should have queried it",
    "colleagues who didn't do their jobs") and not one word of the candidate's own part
    ("I should have", "my mistake"); empty otherwise. A hypothetical is left alone: a
    teammate who "doesn't deliver" is what such a question asks about.
    """
    if kind == "hypothetical":
        return ""
    text = answer.replace("\u2019", "'")
    failed = [text[m.start() : m.end()] for m in _OTHERS_FAILED.finditer(text)]
    if len(failed) < 2 or _OWN_PART.search(text):
        return ""
    return "; ".join(dict.fromkeys(failed))


#: Other people a verdict may be passed on, named in the clause before it.
_SOMEONE_ELSE = re.compile(
    r"\b(?:he|she|they|him|her|them|his|their|manager|managers|boss|lead|leader|leaders|"
    r"director|directors|supervisor|supervisors|management|leadership|team|colleagues?|"
    r"people|staff|company|firm|owner|founder|ceo|head|client|clients|contractor|supplier|"
    r"predecessor|co-?workers?|person|guy|others|everyone|everybody|nobody)\b",
    re.IGNORECASE,
)
#: The candidate in the clause before a word ("I was lazy about it", "I'm not very
#: technical"): a verdict on oneself, not on anyone else.
_ONESELF = re.compile(r"\b(?:i|i'm|i've|i'd|me|myself)\b", re.IGNORECASE)
#: The English contractions with "n't", spelled out so that a pattern opening with one
#: can be read as :class:`Phrases`.
_NOT = (
    r"(?:ai|are|ca|could|dare|did|does|do|had|has|have|is|might|must|need|ought|sha|should|"
    r"was|were|wo|would)n't"
)
#: Verdicts on other people's character, ability or motives, in any tone: a word of
#: contempt ("arrogant", "clueless", "out of touch"), a name for a kind of colleague
#: ("passengers", "deadwood", "yes-men"), a virtue denied ("not a very competent
#: person", "not someone you could trust"), or a motive or habit imputed ("only
#: interested in their bonus", "promoted because he was friends with the owner",
#: "never listens", "thinks she knows best", "took the credit", "has his favourites",
#: "very little understanding of", "communication was poor", "the team is switched
#: off", "somewhere more professional", "I have to carry the others", "quite attached
#: to her own ideas", "little grasp of the detail", "would struggle in a more demanding
#: environment", "gets on best with the senior team"). English only.
_VERDICTS_ON_PEOPLE = Phrases(
    r"\b(?:arrogant|incompetent|inept|lazy|useless|stupid|dim|dense|clueless|hopeless|rude|"
    r"selfish|petty|vindictive|spiteful|dishonest|untrustworthy|two-faced|sneaky|"
    r"manipulative|condescending|patroni[sz]ing|spineless|cowardly|gutless|paranoid|"
    r"unprofessional|unqualified|mediocre|passive-aggressive|narcissistic|egotistical|"
    r"self-important|power-hungry|entitled|ignorant|small-minded|narrow-minded|pig-headed|"
    r"bone idle|work-shy|greedy|incapable|pathetic|spoilt|amateurish|backstabbing|"
    r"out of touch|checked out|past it|behind the times|stuck in the past|"
    r"passengers|deadwood|dead wood|dead weight|freeloaders?|slackers?|clock-watchers?|"
    r"jobsworths?|yes-m[ae]n|a bully|bullies|micromanager|bean[- ]counters?|pen-pushers?|"
    r"box-tickers?|backstabbers?|cowboys|amateurs|clipboard|empire-build\w*|all talk|"
    r"no common sense|know-it-all)\b"
    rf"|\b(?:not|never|{_NOT})\s+(?:(?:a|an|very|that|particularly|really|exactly|the most|"
    r"always|so|even|remotely|someone|anyone|somebody|a person|person|you could|one could)"
    r"\s+){0,4}(?:competent|bright|smart|clever|capable|professional|trustworthy|sharp|trust|"
    r"committed|motivated|engaged)"
    r"|\b(?:only (?:cared|cares|care) about (?:their|his|her)|(?:only|more) interested in "
    r"(?:their|his|her)|there for the (?:money|salary|pension|pay ?cheque)|promoted "
    r"(?:only |just |purely )?because|friends with the (?:director|boss|owner|ceo|md)|"
    r"counting down to|coasting|couldn't be bothered|can't be bothered|never (?:worked|"
    r"handled|done|run|managed|served|used|touched) an? [\w-]+ in (?:his|her|their) "
    r"li(?:fe|ves)|never listen(?:s|ed)?|(?:doesn't|didn't|won't) listen|you (?:couldn't|"
    r"can't) tell (?:him|her|them) anything|thinks? (?:he|she|they) knows? (?:everything|"
    r"best|better)|knows it all|always (?:found|finds|find) someone (?:else )?to blame|"
    r"blamed everyone|took (?:the )?credit|takes? (?:the )?credit for|stole (?:the )?credit|"
    r"parroted|rubber-stamp\w*|(?:poorly|badly) (?:managed|run)|(?:far |much )?better run|"
    r"make (?:them|me) look bad|who (?:genuinely|actually|really) want to be there|"
    r"not (?:a )?(?:very )?good (?:manager|leader|boss|supervisor|colleague|communicator|"
    r"listener)|(?:has|had|have) (?:his|her|their) favourites|play(?:s|ed)? favourites|"
    r"as (?:his|her|their) (?:own )?idea|(?:very )?little understanding of|"
    r"no understanding of|communication (?:was|is|were) (?:\w+ ){0,2}(?:poor|terrible|awful|"
    rf"non-existent)|in bad faith|(?:not|{_NOT}) (?:\w+ )?(?:engaging|acting|working|negotiating) "
    r"in good faith|switched off|somewhere more (?:professional|serious)|(?:much|far) more "
    r"(?:professional|serious)|actually listens|(?:have|had|having) to carry (?:the others|the "
    r"rest|the team|everyone)|who was really doing the work|attached to (?:his|her|their) "
    r"own ideas|(?:little|no|poor|limited|not much|a weak|a poor) grasp of|"
    r"(?:would|will|might) struggle (?:in|at|with) (?:a|any) (?:more|real|proper|properly)|"
    r"(?:gets?|got) on (?:best )?with the (?:senior|boss|owner|director|management)|"
    r"(?:difficult|hard) for (?:him|her|them) to (?:accept|take) (?:feedback|"
    r"criticism)|more (?:of )?an? [\w-]+ than an? (?:leader|manager|boss)|"
    r"(?:sees?|saw|treats?|treated|views?|viewed) (?:new |any |fresh |our |my )?"
    r"(?:ideas|change|suggestions|feedback|questions) as (?:a )?(?:threat|nuisance|"
    r"criticism)s?|culture of (?:doing the (?:bare )?minimum|blame|fear|mediocrity|"
    r"complacency|presenteeism)|doing the (?:bare )?minimum|(?:few|none|not many) of "
    r"(?:them|the \w+) (?:have|has|had) (?:any )?real|(?:decisions )?(?:are|were|get|got|tend "
    r"to be) made on (?:instinct|a whim|gut feel\w*))",
)
#: Disowning an outcome, in calm words: the decision was "not really mine" ("not my
#: call"), "I did my part correctly", "they let the project down", "left me to deal
#: with the fallout", "a staffing issue, not a me issue", and the defences of someone
#: expecting blame ("protect yourself", "I keep all the emails", "a paper trail"); "not
#: a problem that I created", "I was put in a difficult position", "the previous one
#: left no documentation", "it never got the backing it needed", "the process let us
#: down", "that's on the product side", "I gave her every chance", "I wouldn't do much
#: differently", and "I told you so" said calmly: "the call was his to make", "as I had
#: predicted", "if my recommendation had been followed", "could have been avoided if
#: the trades...", "I've learned a lot about what not to do". English only.
_DISOWNS = Phrases(
    r"\b(?:(?:decision|call|choice|fault|mistake|responsibility|problem)\s+(?:was|is)"
    r"(?:n't|\s+not)\s+(?:really\s+|entirely\s+|strictly\s+|actually\s+)?mine|"
    r"(?:was|is)(?:n't|\s+not)\s+(?:really\s+|entirely\s+|strictly\s+|actually\s+)?my\s+"
    r"(?:decision|call|choice|responsibility)|"
    r"did my (?:part|job|bit) (?:correctly|properly|right|perfectly|fine)|"
    r"(?:they|he|she|them|others|people|colleagues|the process|the system|the spec|the "
    r"business) (?:\w+ ){0,2}?let (?:the|us|me|our) "
    r"(?:[\w-]+ ){0,2}?down|left me (?:to (?:deal|pick|clean|handle|sort|carry)|with the "
    r"(?:fallout|mess|blame))|set up to fail|(?:not|wasn't|isn't) a fair reflection|"
    r"(?:staffing|management|resourcing|leadership) (?:issue|problem) than|"
    r"(?:not|than) a me (?:issue|problem)|(?:i|you) can only be as good as|"
    r"protect (?:yourself|myself)|cover (?:myself|yourself|my back)|"
    r"(?:keep|kept|keeping) (?:all )?the emails|paper trail|"
    r"not (?:really )?(?:a|the) (?:problem|mess|situation) (?:that )?i (?:created|caused|made)|"
    r"(?:i was|i am|i'm|we were) put in (?:a|an) (?:difficult|impossible|awkward) position|"
    r"left no (?:documentation|notes|handover)|(?:wasn't|weren't|was not|were not|isn't|"
    r"is not) ready for change|never (?:really )?got the (?:backing|support|buy-in)|"
    r"(?:that's|that is|it's|it is|it was|that was) on (?:the|their) [\w-]+ side|"
    r"a gap between (?:the )?teams|(?:i )?gave (?:him|her|them) every chance|"
    r"(?:wouldn't|would not|won't) do (?:much|anything) differently|"
    r"nothing to do with (?:us|me|my team|our team|our side|my side)|"
    r"(?:wasn't|isn't|was not|is not|was never|is never|never was)\s+(?:really\s+)?"
    r"(?:on|down to)\s+(?:us|me|my (?:side|team|shift)|our (?:side|team|shift|end))|"
    r"(?:problem|issue|fault)\s+(?:was|is)\s+never\s+(?:really\s+)?(?:mine|ours|my|our)|"
    r"(?:(?:outside|beyond)(?: of)?|out of) (?:my|our) control|"
    r"only so much (?:one person|i|you|we|anyone) (?:can|could) do|"
    r"(?:didn't|did not|doesn't|does not|don't) (?:really )?reflect (?:the (?:quality|"
    r"standard|amount) of )?(?:my|our)|where (?:the )?responsibility (?:lies|lay)|"
    r"where the (?:problem|fault|blame|issue) (?:actually |really )?(?:was|lay|lies)|"
    r"(?:i've|i have|i had|i'd) got (?:all )?(?:the|my) emails|"
    r"can't control what (?:other|others)|"
    r"(?:decision|call|choice) was (?:his|hers|theirs|(?:her|their|management's|"
    r"the [\w-]+'s) (?:to make|alone))|"
    r"if (?:my|our) (?:recommendations?|advice|suggestions?|warnings?|concerns?|plan) "
    r"(?:had|have) been (?:followed|listened to|heeded|taken|acted on)|"
    r"as i (?:had )?(?:anticipated|predicted|foreseen|warned|expected|said it would|feared)|"
    r"(?:could|would) (?:all )?have been avoided if (?:they|he|she|the [\w-]+|someone|"
    r"people|management|my manager)|"
    r"(?:learned|learnt|taught me) (?:\w+ ){0,3}?(?:about )?what not to do)\b",
)
#: The flags a run of verdicts on others raises; one of them raised by its cues is enough.
_RUN_DOWN = frozenset({"attacks-employer", "blames-others"})
#: Distinct verdicts on others and disownings that make a red flag: on the labelled
#: sets one is told in good answers too (a colleague "could be condescending"), two
#: in none graded 3 or 4.
_RUNS_DOWN_AT = 2


#: Where a clause ends, and where a sentence does (a semicolon too), for
#: :func:`_lead_up`.
_CLAUSE_BREAK = re.compile(r"[.,;:!?]")
_SENTENCE_BREAK = re.compile(r"[.!?;]")


def _lead_up(text: str, at: int, width: int, breaks: re.Pattern[str]) -> str:
    """
    The words of *text* just before *at*: at most *width* characters, and none from
    before the last of *breaks* in them (the clause or the sentence of what stands at
    *at*, as far back as *width* reaches).
    """
    return breaks.split(text[max(0, at - width) : at])[-1]


#: A verdict that opens with a negation: a virtue denied ("not a good manager",
#: "wasn't very bright").
_DENIED = re.compile(r"(?:not|never|\w+n't)\b", re.IGNORECASE)


def _verdicts_on_others(text: str) -> list[str]:
    """
    The distinct verdicts on other people in *text* (:data:`_VERDICTS_ON_PEOPLE`),
    lowered: not one passed on oneself (the clause names the candidate and no one
    else) nor one denied in its clause ("he was never lazy").
    """
    verdicts = []
    for match in _VERDICTS_ON_PEOPLE.finditer(text):
        clause = _lead_up(text, match.start(), 120, _CLAUSE_BREAK)
        if _ONESELF.search(clause) and not _SOMEONE_ELSE.search(clause):
            continue
        word = match.group(0)
        # A negation earlier in the same clause denies the verdict, unless the verdict
        # is itself a virtue denied ("not someone you could trust").
        if not _DENIED.match(word) and _NEGATED_BEFORE.search(clause[-25:]):
            continue
        verdicts.append(word.lower())
    return list(dict.fromkeys(verdicts))


def _runs_down_others(text: str) -> tuple[str, str]:
    """
    The red flag (``attacks-employer`` or ``blames-others``) for an answer, *text*
    with straight apostrophes, that passes two or more verdicts on other people or
    disowns its outcome in calm words (:data:`_VERDICTS_ON_PEOPLE`, :data:`_DISOWNS`),
    and the words that show it; empty strings otherwise. Verdicts name an attack,
    disowning alone names blame.
    """
    verdicts = _verdicts_on_others(text)
    disowned = list(dict.fromkeys(m.group(0).lower() for m in _DISOWNS.finditer(text)))
    if len(verdicts) + len(disowned) < _RUNS_DOWN_AT:
        return "", ""
    flag = "attacks-employer" if verdicts else "blames-others"
    return flag, "; ".join([*verdicts, *disowned][:5])


#: Virtues a candidate may offer as a flaw ("too much of a perfectionist", "too
#: dedicated"). Faults that are real in excess ("too direct", "too independent", "too
#: nice") are not among them: owning one of those is a fair answer.
_VIRTUES = (
    r"perfectionist|perfectionism|detail[- ]oriented|detail[- ]focused|thorough|meticulous|"
    r"conscientious|committed|dedicated|devoted|passionate|hard[- ]?working|driven|ambitious|"
    r"honest|generous|helpful|caring|loyal|responsible|invested|diligent|eager|enthusiastic|"
    r"reliable|demanding of myself|hard on myself"
)
#: A strength dressed up as a flaw, in the shapes people say it: the candidate's virtue
#: in excess ("I am too much perfectionist", "being a bit too committed"), effort in
#: excess ("caring too much", "I care maybe a little too much", "I push myself too
#: hard", "I take on too much") or one's own standards too high. English only.
_STRENGTH_AS_FLAW = Phrases(
    rf"\b(?:i|i'm|me|being|myself)\b(?:\W+(?!not\b|never\b)\w+(?!'t)){{0,4}}?\W+"
    r"(?:too|overly|excessively)\s+"
    rf"(?:much\s+(?:of\s+)?(?:a\s+)?)?(?:{_VIRTUES})\b"
    r"|\b(?:care[sd]?|caring|work(?:s|ed|ing)?|tr(?:y|ies|ied|ying)|give[sn]?|giving|gave|"
    r"push(?:es|ed|ing)?|take[sn]? on|took on|taking on)\s+"
    r"(?:(?:myself|maybe|perhaps|probably|a little|a bit|just|really|"
    r"sometimes|simply|honestly)\s+){0,3}too\s+(?:much|hard)\b"
    r"|\bmy\s+(?:own\s+)?(?:standards?|bar|expectations)\s+(?:(?:are|is|were|was|very|so|"
    r"really|quite|always|maybe|a bit|extremely)\s+){0,3}(?:too\s+)?high\b",
)
#: "I'm a perfectionist": offered as a flaw when the question asks for one; elsewhere
#: (how do you make sure your work is right?) it is a claim, for the buzzword count to
#: weigh, not a disguise (coaches called the flag wrong there).
_PERFECTIONIST = Phrases(
    r"\bi(?:'m| am| was)\s+(?:a\s+|a bit of a\s+|something of a\s+|kind of a\s+|quite a\s+)?"
    r"perfectionist\b",
)
#: One's own high standards offered as the flaw ("the truer answer is that I hold
#: myself to a really high standard"): heard, like "I'm a perfectionist", only where a
#: flaw is asked for or told.
_HIGH_STANDARDS = Phrases(
    r"\b(?:hold|holds|holding|held) myself to (?:a )?(?:(?:very|really|extremely|such a|"
    r"quite|so|too) )?high(?:er)? (?:standards?|bar)\b",
)
#: Having been right all along, offered as the flaw: "I should have trusted my own
#: judgement from the start", "back myself more", "I'd push harder for what I wanted in
#: the first place", "stuck to my original plan". Heard, like "I'm a perfectionist",
#: only where a flaw is asked for or told.
_RIGHT_ALL_ALONG = Phrases(
    r"\b(?:trust(?:ed|ing)?|back(?:ed|ing)?|follow(?:ed|ing)?|listen(?:ed|ing)? to) "
    r"(?:myself|my own (?:judgements?|judgments?|instincts?|gut|views?|ideas?)|my "
    r"(?:judgements?|judgments?|instincts?|gut))(?: (?:a bit|a little|much|a lot))? "
    r"(?:more|sooner|earlier|from the (?:start|beginning|outset))"
    r"|\bpush(?:ed)? (?:harder|more) for (?:what|the thing|the option|the plan|the idea) i "
    r"(?:wanted|proposed|suggested|recommended)"
    r"|\b(?:stuck|stick|stayed|stay) (?:to|with) my (?:first|original|own|initial) "
    r"(?:idea|plan|instinct|proposal|recommendation|design|call)",
)
#: An answer that says it is telling a flaw ("when you asked about my biggest
#: weakness", "the weakness part is"), whatever the question.
_TELLS_A_FLAW = led_by(
    "mt",
    r"\b(?:my|the) (?:(?:biggest|main|greatest|real|one|only) )?weakness(?:es)?\b",
)
#: A yes to an offer before it is on paper ("I'd say yes on the spot", "I will accept
#: immediately", "I wouldn't even negotiate", "I'd just sign"), told politely too ("I'd
#: be happy to accept it straight away", "I'm not looking to negotiate", "whatever you
#: feel is right", "I will accept what you think is fair", "I'm ready to say yes",
#: "don't feel you need to stretch the budget", "I can sign today", "I don't need time
#: to think", "if this is too much, I can accept 40,000"). English only.
_YES_ON_THE_SPOT = Phrases(
    r"\bi(?:'d| would| will|'ll| can| could)?\s+(?:just\s+|happily\s+|gladly\s+|simply\s+)?"
    r"(?:accept|sign|say yes|take it)\w*\s+(?:it\s+|this\s+|the offer\s+|the contract\s+)?"
    r"(?:immediately|straight away|right away|on the spot|right now|today|at once|without "
    r"(?:hesitating|hesitation|negotiating|thinking|question))"
    r"|\bi\s+(?:wouldn't|won't|would not|will not|don't|do not)\s+(?:even\s+)?(?:need to\s+|"
    r"want to\s+|try to\s+|bother to\s+)?negotiate\b"
    r"|\bi(?:'d| would| will|'ll) just sign\b"
    r"|\bi\s+(?:don't|do not) need (?:time to think|to think about it|to see the (?:other )?"
    r"(?:details|contract|offer|numbers|figures|benefits|package))\b"
    r"|\bif (?:this|that|it)(?:'s| is) too (?:much|high),? i (?:can|could|would|will)\b"
    r"|\baccept(?:ing)?\s+(?:it\s+|this\s+|the offer\s+|that\s+)?(?:immediately|straight away|"
    r"right away|on the spot|at once|without (?:hesitat|negotiat|question))"
    r"|\b(?:not looking to|no need to|not going to)\s+(?:even\s+)?negotiate\b(?!\s+against)"
    r"|\bready to say yes\b|\bwhatever you (?:feel|think|decide|consider) is (?:right|fair)\b"
    r"|\b(?:accept|take)\s+what you (?:feel|think|decide|consider) is (?:right|fair)\b"
    r"|\bdon't (?:feel you )?need to stretch\b"
    r"|\bi(?:'m| am|'d| would|'ll| will)? (?:be )?(?:happy|glad|ready|delighted) to accept"
    r"(?: it| the offer| an offer| the job| the role| the position)?"
    r"(?=\s*(?:[.!,;]|$|straight|right|today|now|immediately|on the spot))"
    r"(?![^.]{0,60}\b(?:once|after|subject to|provided|as long as|depending|when i|if the|"
    r"but|although|though))"
    r"|\btake (?:this|that|it) as (?:a|my) (?:firm )?(?:yes|commitment)\b"
    r"|\bconsider (?:this|that|it) (?:a|my) (?:firm )?(?:yes|commitment)\b",
)
#: Answer types in which a yes can be given to this employer: a story tells of offers
#: taken in the past.
_COMMITS_IN = frozenset({"salary", "motivation", "closing"})
#: A negation within the four words before a phrase ("I would never accept on the spot").
_NEGATED_BEFORE = re.compile(r"(?:\bnot|\bnever|\bno|n't)\W+(?:\w+\W+){0,3}$", re.IGNORECASE)
#: Praise or a prize for the candidate ("the store beat the Christmas target, and I got
#: the award", "the CEO called it out at the all-hands", "the sponsor called it the
#: smoothest delivery", "the CFO singled it out", "the best project the team had
#: delivered"): told as the end of a flaw or a mistake, it makes a success
#: story of it. Heard only where the question asks for a flaw. English only.
_PRAISED = Phrases(
    r"\b(?:awards?|awarded|called (?:it|me|us) out|singled (?:it|me|us|them|the [\w-]+) out|"
    r"called it the (?:best|most \w+|\w+est)|"
    r"the best (?:\w+ ){0,3}in (?:the|our|my) (?:area|region|company|team|department|firm|"
    r"country)|the best (?:project|work|delivery|launch|result|release) (?:the|our|my) "
    r"(?:team|company|department|firm) (?:had |has )?(?:ever )?(?:delivered|done|seen|had|run)|"
    r"beat (?:\w+ ){0,3}targets?|(?:was|got) promoted|shout-?out)\b",
)
#: Red flags also heard in the shapes of a pattern, beyond their cues: flag id, pattern,
#: the answer types it is heard in (empty: every type), and whether only in answers to
#: a question that has a flag of its own for that fault (one that asks for a flaw) or
#: that say they tell a flaw (:data:`_TELLS_A_FLAW`).
_PHRASED_FLAGS: tuple[tuple[str, Phrases, frozenset[str], bool], ...] = (
    ("humble-brag", _STRENGTH_AS_FLAW, frozenset(), False),
    ("humble-brag", _PERFECTIONIST, frozenset(), True),
    ("humble-brag", _HIGH_STANDARDS, frozenset(), True),
    ("humble-brag", _PRAISED, frozenset(), True),
    ("humble-brag", _RIGHT_ALL_ALONG, frozenset(), True),
    ("commits-too-soon", _YES_ON_THE_SPOT, _COMMITS_IN, False),
)


def _phrased(pattern: Phrases, text: str) -> str:
    """
    The first phrase of *text* that *pattern* finds with no negation just before it in
    the same sentence ("I'd never accept on the spot"; not "That was not easy. I'd
    accept on the spot").
    """
    for match in pattern.finditer(text):
        before = _lead_up(text, match.start(), 40, _SENTENCE_BREAK)
        if not _NEGATED_BEFORE.search(before):
            return text[match.start() : match.end()]
    return ""


@functools.lru_cache(maxsize=4)
def _raised_red_flags(answer: str, question: Question | None) -> tuple[SignalMatch, ...]:
    """
    The question's red flags and the universal ones that *answer* raises (by their
    cues, or for a strength dressed up as a flaw or a yes on the spot, by the shapes of
    :data:`_PHRASED_FLAGS`), and blame told politely (:func:`_blame_told_politely`) when
    nothing else is raised. Cached: both the red-flags scorer and the answer's flags
    ask, and each would otherwise read the answer for every cue and pattern again.
    """
    own = tuple(question.red_flags) if question is not None else ()
    signals = _with_universal(own)
    found = [m for m in find_signals(answer, signals) if m.found]
    kind = _answer_type(question)
    text = answer.replace("\u2019", "'")
    # Where a flaw is asked for (a flag of the question's own) or told, whatever the question.
    own_ids = {f.id for f in own}
    tells_a_flaw = _TELLS_A_FLAW.search(text) is not None
    for flag_id, pattern, kinds, asked in _PHRASED_FLAGS:
        signal = next(s for s in signals if flag_id in (s.id, _SAME_FAULT.get(s.id)))
        if any(m.signal.id == signal.id for m in found) or (kinds and kind not in kinds):
            continue
        if asked and signal.id not in own_ids and not tells_a_flaw:
            continue
        if phrase := _phrased(pattern, text):
            found.append(SignalMatch(signal=signal, found=True, evidence=phrase))
    hollow, words = _substance_flag(answer)
    if hollow:
        found.append(SignalMatch(signal=_BUZZ, found=True, evidence=words))
    if not any(m.signal.id in _RUN_DOWN for m in found):
        flag_id, words = _runs_down_others(text)
        if flag_id:
            signal = next(s for s in signals if s.id == flag_id)
            found.append(SignalMatch(signal=signal, found=True, evidence=words))
    if not found and (blame := _blame_told_politely(answer, kind)):
        signal = next(s for s in signals if s.id == "blames-others")
        found.append(SignalMatch(signal=signal, found=True, evidence=blame))
    return tuple(found)


def red_flags(answer: str, context: ScoringContext) -> Score:
    """
    Whether the answer shows a red flag: one of the question's, found by their cues,
    or one of any answer (:data:`UNIVERSAL_RED_FLAGS`: blaming others, attacking a
    former employer, bending the rules or breaking trust, a strength dressed up as a
    flaw, committing before there is an offer; and claims without substance: two or
    more distinct buzzwords, or the STAR labels recited; and, when nothing else is raised, blame
    told in calm words, outside a hypothetical: two or more statements of someone else
    failing, none of the candidate's own part). A question's own flag with the id of a
    universal one (or ``fake-mistake`` for ``humble-brag``) is one flag with both sets
    of cues.

    None earns the top band, one the second lowest, two or more the lowest.
    """
    found = _raised_red_flags(answer, context.question)
    value = {0: 1.0, 1: 1 / 3}.get(len(found), 0.0)
    evidence_ = tuple(f"{m.signal.label}: “{m.evidence}”" for m in found)
    if not found:
        return Score(value=value, evidence=("none of the red flags",))
    return Score(
        value=value,
        evidence=evidence_,
        suggestion=_red_flag_advice([m.signal for m in found], context.question),
    )


# -- flags on the answer as a whole ------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Flag:
    """
    A serious problem with an answer as a whole, whatever its polish: a red flag
    (blaming, attacking a former employer, claims without substance, or one of the
    question's own), an answer that misses what the question asks (or answers another),
    an answer far too short or far too long, or figures with no result.

    :func:`interviewprep.assess` holds the total of an answer with a flag at the second
    level of the scale (2 of 1 to 4) at most, and lowers the criteria scored by the
    scorers in :attr:`lowers` to that level, with :attr:`advice` as their suggestion.

    Attributes:
        id: What kind of flag: a red flag's id, or ``off-question``,
            ``misses-the-points``, ``too-short``, ``rambling``, ``no-example``,
            ``numbers-without-result``.
        label: The flag in a few words, for the feedback.
        evidence: What in the answer raised it.
        advice: What to change, in one sentence.
        lowers: The ids of the built-in scorers whose criteria the flag lowers.
    """

    id: str
    label: str
    evidence: str = ""
    advice: str
    lowers: tuple[str, ...]


#: Below this speaking time (seconds) an answer is too short to show what the question
#: asks, by answer type. A pay answer may be one sentence ("45 to 50 thousand, from what
#: similar roles in Leeds pay", 10 words): a coach found flagging one of that length wrong.
TOO_SHORT: dict[str, float] = {"salary": 4.0}
_TOO_SHORT_DEFAULT = 24.0
#: Past this speaking time (seconds) the point of an answer is lost, by answer type: a
#: quarter past two minutes, two and a half for an explanation, which may need the room.
TOO_LONG: dict[str, float] = {"knowledge": 150.0}
_TOO_LONG_DEFAULT = 135.0
#: What an answer of each type has to show, for the advice on a short one.
_WHAT_IT_NEEDS = {
    "story": "what happened, what you did and how it ended",
    "hypothetical": "what you would weigh, what you would do and why",
    "motivation": "your reason and how this role fits it",
    "opinion": "your view and what it rests on",
    "estimation": "your assumptions, your working and where they lead",
    "salary": "a figure, a range or your priorities on pay, and what they are based on",
    "closing": "your reasons and the proof behind each",
    "knowledge": "the idea, an example and why it matters",
}


def _what_it_needs(kind: str) -> str:
    """What an answer of type *kind* has to show (:data:`_WHAT_IT_NEEDS`)."""
    return _WHAT_IT_NEEDS.get(kind, "what the question asks")


#: Answer types that tell of the candidate's own record, where figures should be results.
_RECORD_TYPES = frozenset({"story", "motivation", "closing"})
#: Figures past which an account not told whole needs two results or more of its own.
_NUMBERS_WITHOUT_RESULT = 10
#: Figures past which such an account is a list of them even with up to three results
#: (a migration "from Sage to NetSuite", "I onboarded two of the new joiners"): on the
#: labelled sets every answer with fourteen or more, not told whole, was graded 2.
_DENSE_FIGURES = 14
_RESULTS_IN_A_LIST = 3


def _numbers(counts: Counter[str]) -> int:
    """How many figures of any kind, of the words *counts*: digits (years too) and
    numbers in words."""
    return sum(n for t, n in counts.items() if t in _NUMBER_WORDS or _DIGIT.search(t))


#: Common English words, to tell an English answer from one in another language.
_ENGLISH = frozenset(["the", "and", "i", "to", "of", "my", "it", "that", "with", "we"])
#: Past forms of "be", "have", "do" and other common irregular verbs, beyond the steps.
_OTHER_PAST = frozenset(
    [
        "was",
        "were",
        "had",
        "did",
        "came",
        "saw",
        "knew",
        "thought",
        "felt",
        "became",
        "heard",
        "lost",
        "meant",
        "stood",
        "understood",
        "grew",
        "fell",
        "drove",
        "flew",
        "spent",
        "let",
        "showed",
    ]
)
#: Words that anchor a story in time: "last winter", "two years ago", "once", "in 2021".
_OCCASION = Phrases(
    r"\b(?:last (?:year|month|week|spring|summer|autumn|fall|winter|quarter|term)|ago|"
    r"in (?:19|20)\d\d|once|one (?:day|time|morning|evening|night|week)|when i was|"
    r"at my (?:last|previous|old|first)|yesterday|recently|for example|for instance)\b",
)


def _tells_an_occasion(answer: str, counts: Counter[str]) -> bool:
    """
    Whether an English *answer*, whose words *counts* counts, tells of something that
    happened: three past forms and a word that anchors it in time, or four past forms.
    (Answers in other languages are given the benefit of the doubt.)
    """
    if sum(n for t, n in counts.items() if t in _ENGLISH) < 0.08 * counts.total():
        return True
    past = sum(n for t, n in counts.items() if t in _OTHER_PAST or _past_step(t))
    return past >= 4 or (past >= 3 and _OCCASION.search(answer) is not None)


#: Words (about a minute of speech) past which an answer on the subject that uses the
#: words of two talking points is not said to miss them, nor one whose cues find three
#: in ten of the points told that any other is missing.
_LONG_ON_SUBJECT = 140


#: Answer types whose substance is an account of the candidate's own steps: a story and
#: a practice. Told whole, they are on the point whatever words they use.
_ACCOUNTS = frozenset({"story", "knowledge"})
#: The own steps that make an account whole (with an ending).
_WHOLE_STEPS = 5


def _whole_account(answer: str, kind: str) -> bool:
    """
    Whether *answer*, of type *kind*, is a story or a practice told whole: five or more
    first-person steps, and an ending (how it turned out, or what it taught) in its
    last third.
    """
    if kind not in _ACCOUNTS:
        return False
    return len(_own_steps(answer)) >= _WHOLE_STEPS and _ends_with_outcome(answer)


def _off_question(answer: str, question: Question) -> Flag | None:
    """
    The flag of an answer that misses what the question asks: it covers none of the
    question's talking points, or only one of four or more. With neither a point nor a
    key word of the question it answers another question (``off-question``); otherwise
    it is on the subject but leaves out what the question is for
    (``misses-the-points``), unless it runs to a minute or more and uses the words of
    two points or more (said in other words than the cues), or is a story or a practice
    told whole (:func:`_whole_account`). Questions with fewer than three talking points
    are never flagged.

    One point of four or more is not enough even when the answer uses the question's
    key words: an excellent answer to a neighbouring question ("how I make decisions
    as a lead" for "your manager makes a wrong call") uses them and may touch a point
    by chance. On the labelled sets such answers were graded 1 or 2 in 36 of 42.
    """
    points = question.talking_points
    if len(points) < 3:
        return None
    matches = _heard_points(answer, question)
    found = sum(1 for m in matches if m.found)
    if found >= 2:
        return None
    said = _said(answer)
    on_subject = any(t in said for t in _key_terms(question.text, 4))
    if found == 1 and len(points) < 4:
        return None
    # Only points the answer never touches are named (see _untouched); with none, the
    # advice says what an answer of this type has to give. (Naming the points touched
    # but not heard instead named, on the coaches' point labels, 8 present of 30.)
    unheard = _untouched(answer, matches)
    kind = _answer_type(question)
    what = _points(unheard) if unheard else _what_it_needs(kind)
    if (
        (found == 1 or on_subject)
        and len(points) - len(unheard) >= 2
        and _word_count(answer) >= _LONG_ON_SUBJECT
    ):
        # A minute or more on the subject that uses the words of two points or more:
        # on questions the cues were not tuned to, that is a paraphrase more often than
        # an answer off the point.
        return None
    if (found == 1 or on_subject) and _whole_account(answer, kind):
        # A story or a practice told whole, on the subject: the cues missed its words.
        return None
    if found == 1 or on_subject:
        # On the subject (a point or a key word), but without what an answer to it is for.
        id_, label, advice = (
            "misses-the-points",
            "leaves out what this question is looking for",
            f"Build the answer around {what}.",
        )
    else:
        id_, label, advice = (
            "off-question",
            "misses what the question asks",
            f"Answer what was asked: {what}.",
        )
    return Flag(
        id=id_,
        label=label,
        evidence=f"covers {found} of the question's {len(points)} talking points",
        advice=advice,
        lowers=("relevance", "talking-points"),
    )


def answer_flags(
    answer: str,
    question: Question | None = None,
    *,
    words_per_minute: float = DEFAULT_WORDS_PER_MINUTE,
) -> tuple[Flag, ...]:
    """
    The serious problems of *answer* as a whole (see :class:`Flag`).

    Red flags are looked for in any answer: the question's own and
    :data:`UNIVERSAL_RED_FLAGS`, claims without substance, and (when none of these is
    raised, outside a hypothetical) blame told in calm words: two or more statements of
    someone else failing and none of the candidate's own part. The rest need a question
    asked of the candidate:

    - ``off-question``: none of the question's talking points and none of its key words
      (``misses-the-points``: none of the points though on the question's subject, or
      one of four or more; unless it runs to 140 words and uses the words of two
      points, or is a story or a practice told whole);
    - ``too-short``: under 24 seconds of speech (4, ten words, for a pay answer, :data:`TOO_SHORT`);
    - ``rambling``: over two and a quarter minutes (two and a half for an explanation,
      :data:`TOO_LONG`);
    - ``numbers-without-result``: in an account of the candidate's own record (a story,
      a motivation or a closing answer), ten or more figures of which at most one is a
      result tied to a change, or fourteen or more with at most three, unless it is a
      story told whole (five own steps and an ending: its figures are its timeline);
    - ``no-example``: a story in English that tells of nothing that happened (fewer
      than three past forms, or three and no word that places them in time).

    Args:
        answer: The answer's text.
        question: The question answered, if known.
        words_per_minute: The speaking pace to assume.

    Returns:
        The flags raised, red flags first.
    """
    flags = [
        Flag(
            id=m.signal.id,
            label=m.signal.label,
            evidence=m.evidence,
            advice=_red_flag_advice([m.signal], question),
            lowers=("red-flags",),
        )
        for m in _raised_red_flags(answer, question)
    ]
    if question is None or str(question.asked_by) != "interviewer":
        return tuple(flags)
    kind = _answer_type(question)
    count = _word_count(answer)
    seconds = count / words_per_minute * 60
    needs = _what_it_needs(kind)
    if seconds < TOO_SHORT.get(kind, _TOO_SHORT_DEFAULT):
        flags.append(
            Flag(
                id="too-short",
                label="too short to show anything",
                evidence=f"about {round(seconds)} seconds",
                advice=f"{_SAY_MORE} give {needs}.",
                lowers=("speaking-time",),
            )
        )
    elif seconds > TOO_LONG.get(kind, _TOO_LONG_DEFAULT):
        limit = round(_TWO_MINUTES / 60 * words_per_minute)
        flags.append(
            Flag(
                id="rambling",
                label="goes on so long the point is lost",
                evidence=f"about {_duration(seconds)}",
                advice=(
                    f"Cut about {count - limit} words to finish within two "
                    f"minutes ({limit} words): the answer to the question first, then only "
                    "the detail that supports it."
                ),
                lowers=("speaking-time",),
            )
        )
    off = _off_question(answer, question)
    if off is not None:
        flags.append(off)
    counts = Counter(_answer_words(answer))
    short = any(f.id == "too-short" for f in flags)
    if kind == "story" and not short and not _tells_an_occasion(answer, counts):
        flags.append(
            Flag(
                id="no-example",
                label="claims with no real occasion behind them",
                evidence="tells of nothing that happened",
                advice=(
                    "Tell one real occasion: when it was, what you did yourself and how "
                    "it turned out."
                ),
                lowers=("star-structure", "evidence"),
            )
        )
    figures = _numbers(counts) if kind in _RECORD_TYPES else 0
    # A story told whole has its outcome in words; its figures are its timeline.
    if figures >= _NUMBERS_WITHOUT_RESULT and not _whole_account(answer, kind):
        results, _ = _results(answer)
        # A before and after is one result, listed twice.
        distinct = len(set(results))
        if distinct <= 1 or (figures >= _DENSE_FIGURES and distinct <= _RESULTS_IN_A_LIST):
            flags.append(
                Flag(
                    id="numbers-without-result",
                    label="figures, but no result of your own work",
                    evidence=f"{figures} figures, {len(results)} tied to a result",
                    advice=(
                        "Trade the dates, headcounts and durations for one result of your "
                        "own: what changed because of what you did."
                    ),
                    lowers=("evidence",),
                )
            )
    return tuple(flags)


# -- the candidate's own questions ----------------------------------------------------------

_QUESTION_END = re.compile(r"(?<=[.!?])\s+|\n+")
#: Words that open an open question, in English, German and French.
_OPEN_STARTS = frozenset(
    [
        "what",
        "how",
        "why",
        "which",
        "who",
        "whom",
        "whose",
        "where",
        "when",
        "was",
        "wie",
        "warum",
        "weshalb",
        "welche",
        "welcher",
        "welches",
        "wer",
        "wo",
        "wann",
        "inwiefern",
        "comment",
        "pourquoi",
        "quel",
        "quelle",
        "quels",
        "quelles",
        "qui",
        "où",
        "quand",
        "que",
        "qu'est-ce",
    ]
)
#: Requests that work as open questions ("could you walk me through...").
_OPEN_REQUESTS = re.compile(
    r"^(?:tell me|talk me|walk me|(?:could|can|would) you (?:tell|talk|walk|describe|explain|"
    r"share|give))\b",
    re.IGNORECASE,
)


def _questions_in(answer: str) -> list[str]:
    parts = [p.strip() for p in _QUESTION_END.split(answer) if p.strip()]
    return [p for p in parts if p.endswith("?") or _asks(p)]


def _asks(sentence: str) -> bool:
    """Whether *sentence* asks something though it has no question mark."""
    return (
        _opens_clause(sentence)
        or bool(_OPEN_REQUESTS.match(sentence))
        or bool(_ASKED_INSIDE.search(sentence))
    )


#: Words a question may open with before its question word ("So, what's the culture
#: like?", "And finally, how do teachers...?", "First, how does a week look?"). English,
#: German and French.
_LEAD_INS = frozenset(
    [
        "first",
        "firstly",
        "second",
        "secondly",
        "third",
        "thirdly",
        "so",
        "and",
        "but",
        "also",
        "then",
        "finally",
        "lastly",
        "next",
        "okay",
        "ok",
        "well",
        "um",
        "uh",
        "right",
        "one",
        "more",
        "last",
        "thing",
        "my",
        "question",
        "is",
        "und",
        "dann",
        "noch",
        "et",
        "alors",
        "donc",
        "enfin",
    ]
)
#: A question asked inside a request or a wish to know ("I'd love to hear what you
#: think has driven that"). English only.
_ASKED_INSIDE = re.compile(
    r"\b(?:hear|know|understand|curious|wondering|wonder|tell me|say|explain|share|describe)"
    r"\s+(?:(?:a bit|a little|more)\s+)?(?:about\s+)?(?:what|how|why|which)\b",
    re.IGNORECASE,
)


def _opens_clause(clause: str) -> bool:
    """Whether *clause*, past its lead-ins ("So", "Second,"), starts with a question word."""
    words = [w.lower().strip(",.:;\u201c\"'\u2019") for w in clause.split()]
    lead = 0
    while lead < len(words) - 1 and words[lead] in _LEAD_INS:
        lead += 1
    first = words[lead].replace("\u2019", "'") if words else ""
    return first in _OPEN_STARTS or first.split("'")[0] in _OPEN_STARTS  # "what's"


def _opens_question(sentence: str) -> bool:
    """
    Whether the question *sentence* is open: a clause of it starts with a question
    word ("Second, for you personally: when you think of ..., what did they do
    differently?"), or it asks to be told something.
    """
    return _asks(sentence) or any(map(_opens_clause, _CLAUSE_BREAK.split(sentence)))


def open_question(answer: str, context: ScoringContext) -> Score:
    """
    For the candidate's own questions: the share that are open rather than yes/no.

    A question is open when it starts with a question word (what, how, why, ... in
    English, German or French) or asks to be told or walked through something. Three
    quarters or more earns the top band; with no question found, there is nothing to
    judge and the criterion needs a human rating.
    """
    questions = _questions_in(answer)
    if not questions:
        return Score(value=None, evidence=("no question found in the answer",))
    closed = [q for q in questions if not _opens_question(q)]
    share = 1 - len(closed) / len(questions)
    value = _band(share, (0.75, 0.5, 0.25))
    evidence_ = (f"{len(questions) - len(closed)} of {len(questions)} questions are open",)
    suggestion = (
        ""
        if not closed
        else f"Open up {_quote(closed[0])}: start with how, what or why, so the answer "
        "tells you more than yes or no."
    )
    return Score(value=value, evidence=evidence_, suggestion=suggestion)


# -- estimates and cases --------------------------------------------------------------------

#: The steps of a worked estimate or case, each with the phrases that show it.
_REASONING_STEPS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    (
        "assumptions",
        "state your assumptions out loud (“let's assume…”)",
        (
            "assume",
            "assuming",
            "assumption",
            "assumptions",
            "let's say",
            "let us say",
            "suppose",
            "my guess is",
            "estimate",
            "I'd guess",
            "I would guess",
            "call it",
            "roughly",
            "around",
            "based on",
            "clarify",
            "pin down",
            "I'd ask",
            "I would ask",
            "depends on",
            "I think",
            "maybe",
            "perhaps",
        ),
    ),
    (
        "steps",
        "break the problem into steps and work through them",
        (
            "times",
            "multiply",
            "divided by",
            "divide",
            "per",
            "break it down",
            "break this down",
            "split it",
            "segment",
            "first",
            "hypothesis",
            "each",
            "split",
            "a day",
            "a week",
            "which gives",
            "so about",
            "then I'd",
        ),
    ),
    (
        "conclusion",
        "finish with your answer: one figure, the most likely cause, or a recommendation",
        (
            "most likely",
            "likeliest",
            "my bet",
            "my first guess",
            "my money is on",
            "top of my list",
            "that gives",
            "which gives",
            "comes to",
            "comes out at",
            "in total",
            "my estimate",
            "my answer",
            "recommend",
            "recommendation",
            "next step",
            "I'd suggest",
            "my recommendation",
            "so roughly",
            "so about",
            "so around",
            "give or take",
            "ballpark",
            "in the region of",
            "that's about",
            "that's roughly",
            "that's around",
            "that makes",
            "I'd land on",
            "so the answer",
            "call it",
            "so I'd say",
            "I'd go with",
            "round it",
            "rounded up",
            "rounded down",
            "rounding",
        ),
    ),
    (
        "check",
        "say how you would check the result, or which assumption you trust least",
        (
            "sanity check",
            "check",
            "cross-check",
            "compare",
            "validate",
            "verify",
            "trust least",
            "sensitive to",
            "biggest uncertainty",
        ),
    ),
)
#: The steps as signals, looked for like talking points, and what to say when one is missing.
_REASONING_SIGNALS = tuple(
    Signal(id=name, label=name, cues=cues) for name, _, cues in _REASONING_STEPS
)
_REASONING_ADVICE = {name: text for name, text, _ in _REASONING_STEPS}
#: The conclusion an estimate ("how many cups...") and a case ("why did sales fall?")
#: each finish with.
_FIGURE_CONCLUSION = "finish with your estimate as one round figure (“so roughly 3,000 a week”)"
_CASE_CONCLUSION = (
    "finish with your conclusion: the cause you think most likely and the next step "
    "you would recommend"
)
#: Questions that ask for a figure: an estimate rather than a case.
_ASKS_FOR_AN_ESTIMATE = re.compile(
    r"\b(?:how many|how much|how big|how large|how often|estimate|roughly|size of)\b",
    re.IGNORECASE,
)
#: The figures a worked estimate holds at least: one figure alone is a guess.
_WORKED_FIGURES = 2


def reasoning_steps(answer: str, context: ScoringContext) -> Score:
    """
    For estimates and cases: stated assumptions, worked steps, a conclusion and a check.

    Each step counts when one of its phrases appears (English); for a question that
    asks for a figure ("how many", "roughly", "estimate"), the steps also need two
    figures or more: one figure alone is a guess. All four earn the top band, three
    the next, two the one below. The conclusion asked for is one round figure for such
    a question, the likeliest cause and a next step for a case.
    """
    if not answer.strip():
        return Score(value=None, evidence=("no answer",))
    question = context.question
    estimate = question is not None and bool(_ASKS_FOR_AN_ESTIMATE.search(question.text))
    matches = find_signals(answer, _REASONING_SIGNALS)
    if estimate and len(_figures(list(_answer_words(answer)))) < _WORKED_FIGURES:
        # "Maybe 2,000 cups a week": one figure is a guess, whatever words come with it.
        matches = tuple(m for m in matches if m.signal.id != "steps")
    found = {m.signal.id: m for m in matches if m.found}
    value = {4: 1.0, 3: 2 / 3, 2: 1 / 3}.get(len(found), 0.0)
    evidence_ = tuple(f"{m.signal.id}: “{m.evidence}”" for m in found.values())
    advice = dict(_REASONING_ADVICE)
    if question is not None:
        advice["conclusion"] = _FIGURE_CONCLUSION if estimate else _CASE_CONCLUSION
    missing = [advice[name] for name in advice if name not in found]
    suggestion = "" if not missing else missing[0][0].upper() + missing[0][1:] + "."
    return Score(value=value, evidence=evidence_, suggestion=suggestion)


# -- consistency ----------------------------------------------------------------------------


def consistency(answer: str, context: ScoringContext) -> Score:
    """
    For a question already answered in round one, overlap with the earlier answer.

    Half or more of the earlier answer's key terms earns the top band. With no
    earlier answer recorded there is nothing to compare, and the criterion needs a
    human rating.
    """
    interview, question = context.interview, context.question
    earlier = None
    if interview is not None and question is not None:
        earlier = interview.first_round.answer_to(
            question.full_id if question.pack else question.id
        )
        earlier = earlier or interview.first_round.answer_to(question.text)
    if not earlier:
        return Score(value=None, evidence=("no earlier answer to this question recorded",))
    terms = _key_terms(earlier, 20)
    said = _said(answer)
    kept = [t for t in terms if t in said]
    dropped = [t for t in terms if t not in said]
    share = len(kept) / len(terms) if terms else 1.0
    value = _band(share, (0.5, 0.3, 0.15))
    evidence_ = (
        f"keeps {len(kept)} of {len(terms)} key points of the first answer: "
        f"{', '.join(kept[:6]) or 'none'}",
    )
    suggestion = (
        ""
        if value == 1
        else f"In round one you spoke of {', '.join(dropped[:4])}: keep the story consistent, "
        "or say plainly what has changed since."
    )
    return Score(value=value, evidence=evidence_, suggestion=suggestion)


#: What the scorers keep of the last few answers they read, so that one assessment reads
#: an answer once however many scorers ask. Timings of a fresh answer empty them first.
_PER_ANSWER_CACHES = (
    _answer_words,
    _sentences,
    _results,
    _own_steps,
    _said,
    _substance_flag,
    _raised_red_flags,
    folded,
)


#: The built-in scorers by id (also registered through the entry point group).
BUILTIN: dict[str, Scorer] = {
    "speaking-time": speaking_time,
    "star-structure": star_structure,
    "evidence": evidence,
    "ownership": ownership,
    "filler": filler,
    "relevance": relevance,
    "consistency": consistency,
    "talking-points": talking_points,
    "red-flags": red_flags,
    "open-question": open_question,
    "reasoning-steps": reasoning_steps,
}
