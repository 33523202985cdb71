"""
Assessing an answer against a rubric, criterion by criterion.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable, Mapping
from typing import TYPE_CHECKING, TypeVar

import attrs

from ._entrypoints import InstalledEntryPoint
from ._matching import SignalMatch
from ._model import Criterion, Level, Question, Rubric
from .exceptions import Problem
from .scorers import _BUZZ, _COME_THROUGH, _SAME_FAULT, _SAY_MORE, UNIVERSAL_RED_FLAGS, Flag

if TYPE_CHECKING:
    from ._interview import Interview
    from ._library import Library
    from .scorers import Judge, JudgeContext, Score, Scorer, ScoringContext

__all__ = [
    "DELIVERY_SCORERS",
    "Assessment",
    "CriterionAssessment",
    "assess",
    "load_judge",
    "load_scorers",
]

_T = TypeVar("_T")

NEEDS_A_HUMAN = "needs a human rating"
#: The share of a rubric's weight that must be scored for an assessment to have a total.
MIN_COVERAGE = 0.5
#: Scorers that rate delivery in ways that penalise non-native speakers and people who
#: stammer (filler words, hesitation); their criteria are off unless ``delivery=True``.
DELIVERY_SCORERS = frozenset({"filler"})
#: What an empty answer gets instead of scores.
EMPTY_ANSWER = "The answer is empty: there is nothing to assess."
#: How long a third-party scorer may take to import.
_SCORER_SECONDS = 10.0


@attrs.frozen(kw_only=True)
class CriterionAssessment:
    """
    How an answer did on one criterion.

    Attributes:
        criterion: The criterion.
        score: The level's score, or ``None`` when it needs a human rating.
        level: The level reached, or ``None``.
        evidence: The words or figures that earned the score.
        suggestion: One concrete change, given whenever the score is below the top
            level (and empty otherwise).
        scorer: Which scorer or judge made the score (or was asked to): the id a
            criterion names, or the name of one attached by ``attach`` or ``judges``.
        note: Why there is no score (``"needs a human rating"`` and the reason).
        confidence: How sure the scorer was, when it says (judges may).
        provenance: What made the score beyond the scorer's name (a model and its
            version, say), when the scorer says.
    """

    criterion: Criterion
    score: int | None
    level: Level | None = None
    evidence: tuple[str, ...] = ()
    suggestion: str = ""
    scorer: str | None = None
    note: str = ""
    confidence: float | None = None
    provenance: str = ""


@attrs.frozen(kw_only=True)
class Assessment:
    """
    An answer rated against a rubric.

    Attributes:
        rubric: The rubric used.
        answer: The answer rated.
        criteria: One result per criterion, in the rubric's order.
        total: The weighted mean of the scored criteria on the rubric's scale,
            rounded to two decimals; ``None`` when less than half of the rubric's
            weight could be scored (see :attr:`coverage`).
        coverage: The share of the rubric's weight that was scored, from 0 to 1.
        question: The question answered, if given.
        talking_points: Each of the question's talking points, looked for in the
            answer (see :func:`interviewprep.find_signals`).
        red_flags: Each of the question's red flags, looked for in the answer.
        flags: The serious problems of the answer as a whole (red flags, an answer
            that misses what the question asks, far too short or long, figures without a result;
            see :func:`interviewprep.scorers.answer_flags`). Any flag puts the total
            in the weak band, the second level of the scale at most (from 1 to 1.5 of
            4 for a red flag, from 1.5 to 2 for flags of coverage and shape alone),
            unless judges or attached scorers rated every criterion.
        message: What the assessment as a whole needs said: why there is no
            total, or that the answer is empty.
        problems: What went wrong on the way (a judge that failed, a third-party
            scorer that could not load); the assessment stands without them.
    """

    rubric: Rubric
    answer: str
    criteria: tuple[CriterionAssessment, ...]
    total: float | None
    coverage: float = 0.0
    question: Question | None = None
    talking_points: tuple[SignalMatch, ...] = ()
    red_flags: tuple[SignalMatch, ...] = ()
    flags: tuple[Flag, ...] = ()
    message: str = ""
    problems: tuple[Problem, ...] = ()

    @property
    def missing_points(self) -> tuple[str, ...]:
        """
        The labels of the question's talking points the answer does not cover.
        """
        return tuple(m.signal.label for m in self.talking_points if not m.found)

    @property
    def raised_flags(self) -> tuple[str, ...]:
        """
        The labels of the question's red flags the answer shows.
        """
        return tuple(m.signal.label for m in self.red_flags if m.found)

    @property
    def needs_human(self) -> tuple[CriterionAssessment, ...]:
        """
        The criteria that need a human rating.
        """
        return tuple(c for c in self.criteria if c.score is None)

    @property
    def suggestions(self) -> tuple[str, ...]:
        """
        Every suggestion, in the rubric's order.
        """
        return tuple(c.suggestion for c in self.criteria if c.suggestion)


def load_scorers(*, data_only: bool = False) -> tuple[dict[str, Scorer], list[Problem]]:
    """
    The built-in scorers and those registered through the ``interviewprep.scorers``
    entry point group.

    Each third-party entry point is loaded in its own ``try`` (see
    :mod:`interviewprep._entrypoints`); a failure (an import error, a value that is not
    callable, two distributions claiming one id, an id a built-in scorer has) becomes
    a problem and never stops the others. Built-in scorers always win their ids.

    Args:
        data_only: Load no third-party code: only the built-in scorers.

    Returns:
        The scorers by id, and the problems met.
    """
    from ._entrypoints import SCORERS_GROUP, installed
    from .scorers import BUILTIN

    if data_only:
        return dict(BUILTIN), []
    registered = installed(SCORERS_GROUP)
    cached = _LOADED.get(registered)
    if cached is None:
        cached = _load_third_party(registered)
        _LOADED.clear()
        _LOADED[registered] = cached
    return dict(cached[0]), list(cached[1])


_LOADED: dict[tuple[InstalledEntryPoint, ...], tuple[dict[str, Scorer], list[Problem]]] = {}


def _load_third_party(
    registered: tuple[InstalledEntryPoint, ...],
) -> tuple[dict[str, Scorer], list[Problem]]:
    from ._distribution import DISTRIBUTION
    from ._entrypoints import EntryPointError, load_entry_point
    from .scorers import BUILTIN

    scorers: dict[str, Scorer] = dict(BUILTIN)
    problems: list[Problem] = []
    found: dict[str, list[InstalledEntryPoint]] = {}
    for entry_point in registered:
        if entry_point.distribution == DISTRIBUTION and entry_point.name in BUILTIN:
            continue  # our own registration of a built-in scorer
        found.setdefault(entry_point.name, []).append(entry_point)
    for name, entry_points in sorted(found.items()):
        dists = ", ".join(sorted(ep.distribution or "?" for ep in entry_points))
        if name in BUILTIN:
            msg = (
                f"scorer id {name!r} of {dists} is the id of a built-in scorer; "
                "it is left out (register it under an id of its own)"
            )
            problems.append(Problem(message=msg, distribution=entry_points[0].distribution))
            continue
        if len(entry_points) > 1:
            msg = f"scorer id {name!r} is claimed more than once ({dists}); all are left out"
            problems.append(Problem(message=msg))
            continue
        [entry_point] = entry_points
        try:
            loaded = load_entry_point(entry_point, seconds=_SCORER_SECONDS)
        except EntryPointError as exc:
            problems.append(Problem(message=f"scorer {exc}", distribution=entry_point.distribution))
            continue
        if not callable(loaded):
            msg = f"scorer {name} = {entry_point.value!r} is {type(loaded).__name__}, not callable"
            problems.append(Problem(message=msg, distribution=entry_point.distribution))
            continue
        scorers[name] = loaded
    return scorers, problems


def load_judge(name: str) -> Judge:
    """
    Make the judge registered as *name* in the ``interviewprep.judges`` entry point
    group, as ``interviewprep assess --judge NAME`` does.

    The entry point names a zero-argument factory returning the judge, configured from
    wherever it reads its settings: the reference judge ``openai``
    (``interviewprep-openai-judge``) reads ``INTERVIEWPREP_JUDGE_URL`` and
    ``INTERVIEWPREP_JUDGE_MODEL``. The factory is imported and called with every failure
    contained (see :mod:`interviewprep._entrypoints`) and within a time bound. Attach
    the judge with :func:`assess`'s *judges*: ``judges={"*": load_judge("openai")}``.

    Args:
        name: The entry point's name.

    Returns:
        The judge.

    Raises:
        JudgeLoadError: If no judge of that name is installed (its ``installed`` lists
            those that are), more than one distribution registers it, or its factory
            fails, hangs or returns something that is not callable; the message names
            the judge and says why, on one line.
    """
    from ._entrypoints import JUDGES_GROUP, EntryPointError, installed, load_entry_point
    from ._suggest import did_you_mean
    from .exceptions import JudgeLoadError

    registered = installed(JUDGES_GROUP)
    names = sorted({entry_point.name for entry_point in registered})
    found = [entry_point for entry_point in registered if entry_point.name == name]
    if not found:
        if names:
            listed = f"installed judges: {', '.join(names)}"
        else:
            listed = (
                "no judges are installed (the reference judge is interviewprep-openai-judge, "
                "in integrations/openai-judge of the repository)"
            )
        msg = f"no judge {name!r} is installed{did_you_mean(name, names)}; {listed}"
        raise JudgeLoadError(msg, name=name, installed=names)
    if len(found) > 1:
        dists = ", ".join(sorted(ep.distribution or "?" for ep in found))
        msg = f"judge {name!r} is registered by more than one distribution ({dists})"
        raise JudgeLoadError(msg, name=name, installed=names)
    [entry_point] = found
    where = f"judge {name!r} ({entry_point.distribution or 'unknown distribution'})"
    try:
        judge = load_entry_point(entry_point, call=True, seconds=_SCORER_SECONDS)
    except EntryPointError as exc:
        msg = " ".join(f"{where} could not be made: {exc}".split())
        raise JudgeLoadError(msg, name=name, installed=names) from None
    if not callable(judge):
        msg = f"{where}: {entry_point.value} gave {type(judge).__name__}, not a judge"
        raise JudgeLoadError(msg, name=name, installed=names)
    return judge


def _nearest_level(criterion: Criterion, rubric: Rubric, value: float) -> Level:
    target = rubric.scale.min + value * (rubric.scale.max - rubric.scale.min)
    return min(criterion.levels, key=lambda level: (abs(level.score - target), level.score))


def _fallback_suggestion(criterion: Criterion, level: Level) -> str:
    """What the criterion's top level describes, for a scorer that has no advice of its own."""
    top = max(criterion.levels, key=lambda lvl: lvl.score)
    if top.score <= level.score:
        return ""
    return f"{criterion.name} at its best: {top.anchor}"


def _name(obj: object) -> str:
    """The name an attached scorer or judge is recorded under."""
    name = getattr(obj, "name", None)
    if isinstance(name, str) and name:
        return name
    return str(getattr(obj, "__name__", type(obj).__name__))


def _selectors(rubric: Rubric, criterion: Criterion) -> tuple[str, ...]:
    """The keys that select *criterion*, the most specific first."""
    qualified = rubric.full_id if rubric.pack else rubric.id
    keys = [f"{qualified}#{criterion.id}", f"{rubric.id}#{criterion.id}"]
    keys += [qualified, rubric.id, "*"]
    return tuple(dict.fromkeys(keys))


def _check_selectors(keys: Iterable[str], argument: str) -> None:
    for key in keys:
        if not isinstance(key, str) or not key or key.count("#") > 1 or key.endswith("#"):
            msg = (
                f"{argument}: {key!r} selects nothing; use '*', a rubric id "
                "('core/star-answer') or a criterion ('core/star-answer#relevance')"
            )
            raise ValueError(msg)


def _attached(
    rubric: Rubric, criterion: Criterion, mapping: Mapping[str, _T]
) -> tuple[int, _T] | None:
    """The most specific entry of *mapping* that selects *criterion*, with its rank (0 = most)."""
    for rank, key in enumerate(_selectors(rubric, criterion)):
        if key in mapping:
            return rank, mapping[key]
    return None


@attrs.define
class _Rating:
    """The score of one criterion as it is being worked out."""

    criterion: Criterion
    score: Score | None = None
    scorer: str | None = None
    note: str = ""


def _run_scorer(
    scorer: Scorer, name: str, answer: str, context: ScoringContext
) -> tuple[Score | None, str]:
    try:
        return scorer(answer, context), ""
    except Exception as exc:  # noqa: BLE001 - a broken scorer never breaks an assessment
        return None, f"{NEEDS_A_HUMAN}: scorer {name!r} failed ({type(exc).__name__}: {exc})"


def _run_judges(
    answer: str,
    rubric: Rubric,
    asked: Mapping[int, list[Criterion]],
    judges: Mapping[int, Judge],
    make_context: Callable[[tuple[Criterion, ...]], JudgeContext],
    problems: list[Problem],
) -> dict[str, tuple[str, Score]]:
    """Each judge called once for its criteria; the scores by criterion id."""
    from .scorers import Score

    scored: dict[str, tuple[str, Score]] = {}
    for key, criteria in asked.items():
        judge = judges[key]
        name = _name(judge)
        wanted = {c.id for c in criteria}
        try:
            result = judge(answer, make_context(tuple(criteria)))
            items = dict(result.items())
        except Exception as exc:  # noqa: BLE001 - a failing judge never breaks an assessment
            msg = (
                f"judge {name!r} failed on {rubric.id} ({type(exc).__name__}: {exc}); "
                "its criteria fell back to their own scorers"
            )
            problems.append(Problem(message=msg))
            continue
        for criterion_id, score in items.items():
            if criterion_id in wanted and isinstance(score, Score):
                scored[criterion_id] = (name, score)
        left_out = sorted(wanted - scored.keys())
        if left_out:
            msg = (
                f"judge {name!r} gave no score for {', '.join(left_out)}; "
                "they fell back to their own scorers"
            )
            problems.append(Problem(message=msg))
        wrong = sorted(
            str(k) for k, v in items.items() if k not in wanted or not isinstance(v, Score)
        )
        if wrong:
            msg = f"judge {name!r} returned what was not asked for, or no Score: {', '.join(wrong)}"
            problems.append(Problem(message=msg))
    return scored


def _result(rating: _Rating, rubric: Rubric, *, fallback: bool = True) -> CriterionAssessment:
    """
    The assessment of one rated criterion. Below the top level, the suggestion is the
    scorer's own, else (with *fallback*: for judges and third-party scorers, whose
    silence says nothing) what the criterion's top level describes. A built-in scorer
    with nothing specific to say gives no suggestion.
    """
    criterion, score = rating.criterion, rating.score
    if score is None:
        return CriterionAssessment(
            criterion=criterion, score=None, scorer=rating.scorer, note=rating.note
        )
    if score.value is None:
        reason = "; ".join(score.evidence) or "the scorer cannot judge this answer"
        return CriterionAssessment(
            criterion=criterion,
            score=None,
            evidence=score.evidence,
            scorer=rating.scorer,
            note=f"{NEEDS_A_HUMAN}: {reason}",
            confidence=score.confidence,
            provenance=score.provenance,
        )
    level = _nearest_level(criterion, rubric, score.value)
    top = max(lvl.score for lvl in criterion.levels)
    suggestion = ""
    if level.score < top:
        suggestion = score.suggestion or (
            _fallback_suggestion(criterion, level) if fallback else ""
        )
    return CriterionAssessment(
        criterion=criterion,
        score=level.score,
        level=level,
        evidence=score.evidence,
        suggestion=suggestion,
        scorer=rating.scorer,
        confidence=score.confidence,
        provenance=score.provenance,
    )


def _weak(rubric: Rubric) -> float:
    """The second level of the rubric's scale: 2 of 1 to 4."""
    return rubric.scale.min + (rubric.scale.max - rubric.scale.min) / 3


def _lowered(
    results: tuple[CriterionAssessment, ...],
    rubric: Rubric,
    flags: Iterable[Flag],
    own: set[str],
) -> tuple[CriterionAssessment, ...]:
    """
    *results* with each criterion a flag lowers held at the second level: those whose
    scores come from the built-in scorer a flag names (*own*: the criteria scored by
    their own scorer, not by a judge or an attached scorer). The first of them takes
    the flag's advice as its suggestion, unless that already names the flag.
    """
    lowered = list(results)
    for flag in flags:
        advised = False
        for index, result in enumerate(lowered):
            criterion = result.criterion
            if criterion.scorer not in flag.lowers or criterion.id not in own:
                continue
            if result.score is None or result.level is None:
                continue
            level = _nearest_level(criterion, rubric, 1 / 3)
            if result.score > level.score:
                result = attrs.evolve(result, score=level.score, level=level)
            if advised or flag.label in result.suggestion:
                lowered[index] = result
                continue
            advised = True
            lowered[index] = attrs.evolve(
                result,
                evidence=(f"{flag.label}: {flag.evidence}", *result.evidence),
                suggestion=flag.advice,
            )
    return tuple(lowered)


#: Built-in scorers of a story's shape and steps: with claims without substance their
#: advice would polish claims; the flag asks for one real occasion instead.
_SHAPE = frozenset({"star-structure", "ownership"})
#: The scorers of :data:`_SHAPE` and of the figures: with a red flag of conduct their
#: advice would polish an answer whose fault is elsewhere.
_POLISH = _SHAPE | {"evidence"}
#: The red flags of conduct: the universal ones (blame, an attack, broken trust, a
#: strength dressed up as a flaw, committing too soon), under their own ids or a
#: question's id for the same fault.
_CONDUCT = frozenset({flag.id for flag in UNIVERSAL_RED_FLAGS} | _SAME_FAULT.keys())


def _focused(
    results: tuple[CriterionAssessment, ...], flags: Iterable[Flag], own: set[str]
) -> tuple[CriterionAssessment, ...]:
    """
    *results* without the suggestions of built-in scorers (*own*) that point away from
    the answer's real fault, as a coach would leave them out:

    - with a red flag of conduct (:data:`_CONDUCT`), the advice on the story's shape,
      its steps and its figures: a tidier account of a disqualifying act is no better
      an answer, and the flag's own advice says what part to tell (unless the answer
      is claims without substance too: then the evidence advice asks for a real
      occasion, which is the fix);
    - with claims without substance, the advice on the story's shape and steps (the
      flag asks for one real occasion: what you did);
    - a suggestion to say more, whenever another criterion's suggestion says what to
      add;
    - with no flag at all, the advice that talking points the cues did not find should
      come through (:data:`~interviewprep.scorers._COME_THROUGH`): in an answer with
      no serious problem the missing points were mostly there in other words. Over
      eight coach reads (v11 to v18, 35 such suggestions still given) it was wrong 16
      times, unhelpful 9 and right 10; the score stands.
    """
    ids = {flag.id for flag in flags}
    conduct, hollow = bool(ids & _CONDUCT), _BUZZ.id in ids
    if conduct and not hollow:
        waits = _POLISH
    elif conduct or hollow:
        waits = _SHAPE
    else:
        waits = frozenset()
    kept = [
        attrs.evolve(result, suggestion="")
        if result.criterion.id in own
        and (result.scorer in waits or (not ids and result.suggestion.startswith(_COME_THROUGH)))
        else result
        for result in results
    ]
    more = [
        index
        for index, result in enumerate(kept)
        if result.criterion.id in own and result.suggestion.startswith(_SAY_MORE)
    ]
    if any(r.suggestion and i not in more for i, r in enumerate(kept)):
        for index in more:
            kept[index] = attrs.evolve(kept[index], suggestion="")
    return tuple(kept)


#: A quoted name in a suggestion: a talking point, a red flag.
_QUOTED = re.compile(r"“([^”]+)”")


def _once(results: tuple[CriterionAssessment, ...]) -> tuple[CriterionAssessment, ...]:
    """
    *results* without repeats: a suggestion an earlier criterion already gave, one
    whose quoted talking points an earlier suggestion already named, or one that
    another suggestion says in full (a red flag's advice says what the evidence advice
    on claims without substance says) is left out.
    """
    seen: set[str] = set()
    named: set[str] = set()
    kept = []
    for result in results:
        quoted = set(_QUOTED.findall(result.suggestion))
        if result.suggestion in seen or (quoted and quoted <= named):
            result = attrs.evolve(result, suggestion="")
        seen.add(result.suggestion)
        named |= quoted
        kept.append(result)
    given = [result.suggestion for result in kept if result.suggestion]
    return tuple(
        attrs.evolve(result, suggestion="")
        if result.suggestion
        and any(other != result.suggestion and result.suggestion in other for other in given)
        else result
        for result in kept
    )


#: The flags of coverage and shape: an answer that misses what the question asks, runs
#: on, or recites figures with no result. On the labelled sets 10% to 19% of the
#: answers they were raised on were graded 3 or 4 (more on sets the cues were not tuned
#: to), against at most 7% for any other flag, so alone they place an answer higher in
#: the weak band than a red flag does.
_SOFT_FLAGS = frozenset({"misses-the-points", "off-question", "rambling", "numbers-without-result"})


def _totals(
    results: Iterable[CriterionAssessment], rubric: Rubric, *, flags: Collection[str] = ()
) -> tuple[float | None, float]:
    """
    The weighted total (``None`` below :data:`MIN_COVERAGE`) and the coverage.

    An answer with flags (their ids, *flags*) is weak however polished the rest: its
    weighted mean is moved into the weak band, where it still orders the answers. With
    flags of coverage and shape alone (:data:`_SOFT_FLAGS`) the band runs from halfway
    between the first two levels of the scale to the second (1.5 to 2 of 1 to 4); with
    any other flag, from the first level to halfway (1 to 1.5). Without a flag, a
    red-flags criterion at the second level or below holds the total at that level.
    """
    results = list(results)
    weight = sum(r.criterion.weight for r in results)
    scored = [(r.criterion.weight, r.score) for r in results if r.score is not None]
    scored_weight = sum(w for w, _ in scored)
    coverage = round(scored_weight / weight, 4) if weight else 0.0
    if not scored or coverage < MIN_COVERAGE:
        return None, coverage
    total = sum(w * s for w, s in scored) / scored_weight
    low, weak = rubric.scale.min, _weak(rubric)
    half = (low + weak) / 2
    if flags:
        bottom, top = (half, weak) if _SOFT_FLAGS.issuperset(flags) else (low, half)
        share = (total - low) / (rubric.scale.max - low)
        total = bottom + (top - bottom) * share
    elif any(r.scorer == "red-flags" and r.score is not None and r.score <= weak for r in results):
        total = min(total, weak)
    return round(total, 2), coverage


def _no_total_message(results: Iterable[CriterionAssessment], coverage: float) -> str:
    human = [r.criterion.name for r in results if r.score is None]
    return (
        f"No total: only {coverage:.0%} of the rubric's weight could be scored "
        f"automatically. These criteria need a human rating: {', '.join(human)}."
    )


def assess(
    answer: str,
    rubric: Rubric | None = None,
    *,
    question: Question | None = None,
    library: Library | None = None,
    interview: Interview | None = None,
    scorers: Mapping[str, Scorer] | None = None,
    attach: Mapping[str, Scorer] | None = None,
    judges: Mapping[str, Judge] | None = None,
    delivery: bool = False,
    words_per_minute: float | None = None,
    data_only: bool = False,
) -> Assessment:
    """
    Rate an answer against a rubric, criterion by criterion.

    A criterion naming a ``scorer`` is scored automatically by that scorer (built
    in, installed through the ``interviewprep.scorers`` entry point group, or given
    in *scorers*); its score is the level nearest the scorer's verdict. A criterion
    without a scorer, or whose scorer cannot judge this answer, is reported as
    "needs a human rating", never guessed. Every criterion below its top level gets
    one concrete suggestion, unless the answer's real fault makes it beside the point,
    as a coach would leave it out: with a red flag of conduct, the advice on the
    story's shape, steps and figures; a request to say more, when another suggestion says
    what to add.

    Scorers and judges can also be attached to criteria without any id of their own,
    by a *selector*: ``"*"`` (every criterion), a rubric id (``"core/star-answer"``
    or ``"star-answer"``: all its criteria) or a criterion
    (``"core/star-answer#relevance"``). The most specific selector wins. A judge
    scores all the criteria it is attached to in one call; what it leaves out, or
    everything when it fails, falls back to the criteria's own scorers, and
    :attr:`Assessment.problems` says so.

    The total is the weighted mean of the scored criteria, given only when they
    carry at least half of the rubric's weight, and at most the second level of the
    scale (2 of 1-4) when the answer raises a red flag (:attr:`Assessment.coverage`);
    otherwise :attr:`Assessment.message` names the criteria that need a human. An
    empty answer gets no scores at all, only that message.

    The question's talking points and red flags are looked for in the answer with
    the shared matcher (:func:`interviewprep.find_signals`) and reported in the
    assessment.

    Args:
        answer: The answer, as spoken or written.
        rubric: The rubric to rate it against; by default the question's own, or the
            library's rubric for the question's answer type
            (:meth:`Library.rubric_for`).
        question: The question answered; its answer type, talking points and red
            flags guide the scorers.
        library: Where to find the default rubric when none is given.
        interview: The interview (its job posting and first-round answers).
        scorers: Scorers by the id criteria name, used before the installed ones.
        attach: Scorers by selector, used instead of the criteria's own.
        judges: Judges by selector, used instead of the criteria's own scorers.
        delivery: Also score the criteria whose scorers rate delivery
            (:data:`DELIVERY_SCORERS`: filler words), which penalise non-native
            speakers and people who stammer; off by default.
        words_per_minute: The speaking pace to assume (150 by default).
        data_only: Run no third-party code: only built-in scorers and those
            given in *scorers*, *attach* and *judges*.

    Returns:
        The assessment.

    Raises:
        TypeError: If no rubric is given and none can be found (no question, or no
            library that has one for it).
        ValueError: If a key of *attach* or *judges* is not a selector.
    """
    from ._matching import reading_once

    if rubric is None and question is not None and library is not None:
        rubric = library.rubric_for(question)
    if rubric is None:
        msg = (
            "assess needs a rubric: give one, or a question and a library that has a "
            "rubric for its answer type"
        )
        raise TypeError(msg)
    attach, judges = dict(attach or {}), dict(judges or {})
    _check_selectors(attach, "attach")
    _check_selectors(judges, "judges")
    if not answer.strip():
        empty = tuple(
            CriterionAssessment(criterion=c, score=None, note=EMPTY_ANSWER) for c in rubric.criteria
        )
        return Assessment(
            rubric=rubric,
            answer=answer,
            criteria=empty,
            total=None,
            question=question,
            message=EMPTY_ANSWER,
        )
    with reading_once():  # the scorers look for signals in one answer: read it once
        return _assess(
            answer,
            rubric,
            question=question,
            interview=interview,
            scorers=scorers,
            attach=attach,
            judges=judges,
            delivery=delivery,
            words_per_minute=words_per_minute,
            data_only=data_only,
        )


def _assess(
    answer: str,
    rubric: Rubric,
    *,
    question: Question | None,
    interview: Interview | None,
    scorers: Mapping[str, Scorer] | None,
    attach: Mapping[str, Scorer],
    judges: Mapping[str, Judge],
    delivery: bool,
    words_per_minute: float | None,
    data_only: bool,
) -> Assessment:
    """:func:`assess` once the rubric is known and the answer is not empty."""
    from ._matching import find_signals
    from .scorers import (
        BUILTIN,
        DEFAULT_WORDS_PER_MINUTE,
        JudgeContext,
        ScoringContext,
        _heard_points,
        answer_flags,
    )

    available, loading = load_scorers(data_only=data_only)
    problems = list(loading)
    if scorers:
        available = {**available, **scorers}
    wpm = words_per_minute or DEFAULT_WORDS_PER_MINUTE
    ratings = [_Rating(criterion=c, scorer=c.scorer) for c in rubric.criteria]
    attached: dict[str, Scorer] = {}
    own: set[str] = set()  # the criteria scored by their own built-in scorer
    asked: dict[int, list[Criterion]] = {}
    judge_by_key: dict[int, Judge] = {}
    for rating in ratings:
        criterion = rating.criterion
        by_scorer = _attached(rubric, criterion, attach)
        by_judge = _attached(rubric, criterion, judges)
        # The most specific selector wins; at equal rank an attached scorer wins.
        if by_judge is not None and (by_scorer is None or by_judge[0] < by_scorer[0]):
            judge_by_key[id(by_judge[1])] = by_judge[1]
            asked.setdefault(id(by_judge[1]), []).append(criterion)
        elif by_scorer is not None:
            attached[criterion.id] = by_scorer[1]
    judged = _run_judges(
        answer,
        rubric,
        asked,
        judge_by_key,
        lambda criteria: JudgeContext(
            rubric=rubric,
            criteria=criteria,
            question=question,
            interview=interview,
            words_per_minute=wpm,
        ),
        problems,
    )
    for rating in ratings:
        criterion = rating.criterion
        if criterion.id in judged:
            rating.scorer, rating.score = judged[criterion.id]
            continue
        scorer = attached.get(criterion.id)
        if scorer is not None:
            rating.scorer = _name(scorer)
        elif criterion.scorer is None:
            rating.note = NEEDS_A_HUMAN
            continue
        elif criterion.scorer in DELIVERY_SCORERS and not delivery:
            rating.note = (
                f"off: {criterion.scorer!r} rates delivery in a way that penalises non-native "
                "speakers and people who stammer (turn it on with delivery=True)"
            )
            continue
        else:
            scorer = available.get(criterion.scorer)
            if scorer is None:
                rating.note = f"{NEEDS_A_HUMAN}: scorer {criterion.scorer!r} is not installed"
                continue
        context = ScoringContext(
            criterion=criterion,
            rubric=rubric,
            question=question,
            interview=interview,
            words_per_minute=wpm,
        )
        rating.score, rating.note = _run_scorer(scorer, rating.scorer or "?", answer, context)
        if scorer is BUILTIN.get(criterion.scorer or ""):
            own.add(criterion.id)
    results = tuple(
        _result(rating, rubric, fallback=rating.criterion.id not in own) for rating in ratings
    )
    flags = answer_flags(answer, question, words_per_minute=wpm)
    results = _once(_lowered(_focused(results, flags, own), rubric, flags, own))
    total, coverage = _totals(results, rubric, flags=[f.id for f in flags] if own else ())
    points = _heard_points(answer, question) if question is not None else ()
    raised = find_signals(answer, question.red_flags) if question is not None else ()
    return Assessment(
        rubric=rubric,
        answer=answer,
        criteria=results,
        total=total,
        coverage=coverage,
        question=question,
        talking_points=points,
        red_flags=raised,
        flags=flags,
        message="" if total is not None else _no_total_message(results, coverage),
        problems=tuple(problems),
    )
