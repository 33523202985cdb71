"""
Assessing an answer against a rubric, criterion by criterion.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

import attrs

from ._entrypoints import InstalledEntryPoint
from ._matching import SignalMatch
from ._model import Criterion, Level, Question, Rubric
from .exceptions import Problem

if TYPE_CHECKING:
    from ._interview import Interview
    from ._library import Library
    from .scorers import Scorer

__all__ = ["Assessment", "CriterionAssessment", "assess", "load_scorers"]

NEEDS_A_HUMAN = "needs a human rating"
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
        scorer: The id of the scorer used, if any.
        note: Why there is no score (``"needs a human rating"`` and the reason).
    """

    criterion: Criterion
    score: int | None
    level: Level | None = None
    evidence: tuple[str, ...] = ()
    suggestion: str = ""
    scorer: str | None = None
    note: str = ""


@attrs.frozen(kw_only=True)
class Assessment:
    """
    An answer rated against a rubric.

    Attributes:
        rubric: The rubric used.
        answer: The answer rated.
        criteria: One result per criterion, in the rubric's order.
        total: The weighted mean of the scored criteria on the rubric's scale,
            rounded to two decimals; ``None`` when nothing could be scored.
        question: The question answered, if given.
        talking_points: Each of the question's talking points, looked for in the
            answer (see :func:`interviewprep.find_signals`).
        red_flags: Each of the question's red flags, looked for in the answer.
    """

    rubric: Rubric
    answer: str
    criteria: tuple[CriterionAssessment, ...]
    total: float | None
    question: Question | None = None
    talking_points: tuple[SignalMatch, ...] = ()
    red_flags: tuple[SignalMatch, ...] = ()

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


def _nearest_level(criterion: Criterion, rubric: Rubric, value: float) -> Level:
    target = rubric.scale.min + value * (rubric.scale.max - rubric.scale.min)
    return min(criterion.levels, key=lambda level: (abs(level.score - target), level.score))


def _fallback_suggestion(criterion: Criterion, level: Level) -> str:
    better = sorted(
        (lvl for lvl in criterion.levels if lvl.score > level.score), key=lambda x: x.score
    )
    if not better:
        return ""
    step = better[0]
    return f"To reach “{step.label}” on {criterion.name.lower()}: {step.anchor}"


def assess(
    answer: str,
    rubric: Rubric | None = None,
    *,
    question: Question | None = None,
    library: Library | None = None,
    interview: Interview | None = None,
    scorers: Mapping[str, Scorer] | None = None,
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
    one concrete suggestion.

    The question's talking points and red flags are looked for in the answer with
    the shared matcher (:func:`interviewprep.find_signals`) and reported in the
    assessment.

    Args:
        answer: The answer, as spoken or written.
        rubric: The rubric to rate it against; by default the question's own, or the
            library's rubric for the question's answer type
            (:meth:`Library.rubric_for`).
        question: The question answered (used for relevance and consistency).
        library: Where to find the default rubric when none is given.
        interview: The interview (its job posting and first-round answers).
        scorers: Scorers by id, used before the installed ones.
        words_per_minute: The speaking pace to assume (150 by default).
        data_only: Run no third-party code: only built-in scorers and those
            given in *scorers*.

    Returns:
        The assessment, with a weighted total on the rubric's scale.

    Raises:
        TypeError: If no rubric is given and none can be found (no question, or no
            library that has one for it).
    """
    from ._matching import find_signals
    from .scorers import DEFAULT_WORDS_PER_MINUTE, ScoringContext

    if rubric is None and question is not None and library is not None:
        rubric = library.rubric_for(question)
    if rubric is None:
        msg = (
            "assess needs a rubric: give one, or a question and a library that has a "
            "rubric for its answer type"
        )
        raise TypeError(msg)

    available, _ = load_scorers(data_only=data_only)
    if scorers:
        available = {**available, **scorers}
    results: list[CriterionAssessment] = []
    for criterion in rubric.criteria:
        if criterion.scorer is None:
            results.append(CriterionAssessment(criterion=criterion, score=None, note=NEEDS_A_HUMAN))
            continue
        scorer = available.get(criterion.scorer)
        if scorer is None:
            note = f"{NEEDS_A_HUMAN}: scorer {criterion.scorer!r} is not installed"
            results.append(
                CriterionAssessment(
                    criterion=criterion, score=None, scorer=criterion.scorer, note=note
                )
            )
            continue
        context = ScoringContext(
            criterion=criterion,
            rubric=rubric,
            question=question,
            interview=interview,
            words_per_minute=words_per_minute or DEFAULT_WORDS_PER_MINUTE,
        )
        try:
            verdict = scorer(answer, context)
            value = verdict.value
        except Exception as exc:  # noqa: BLE001 - a broken scorer never breaks an assessment
            note = (
                f"{NEEDS_A_HUMAN}: scorer {criterion.scorer!r} failed ({type(exc).__name__}: {exc})"
            )
            results.append(
                CriterionAssessment(
                    criterion=criterion, score=None, scorer=criterion.scorer, note=note
                )
            )
            continue
        if value is None:
            reason = "; ".join(verdict.evidence) or "the scorer cannot judge this answer"
            results.append(
                CriterionAssessment(
                    criterion=criterion,
                    score=None,
                    evidence=verdict.evidence,
                    scorer=criterion.scorer,
                    note=f"{NEEDS_A_HUMAN}: {reason}",
                )
            )
            continue
        level = _nearest_level(criterion, rubric, value)
        top = max(lvl.score for lvl in criterion.levels)
        suggestion = ""
        if level.score < top:
            suggestion = verdict.suggestion or _fallback_suggestion(criterion, level)
        results.append(
            CriterionAssessment(
                criterion=criterion,
                score=level.score,
                level=level,
                evidence=verdict.evidence,
                suggestion=suggestion,
                scorer=criterion.scorer,
            )
        )
    scored = [(r.criterion.weight, r.score) for r in results if r.score is not None]
    weight = sum(w for w, _ in scored)
    total = round(sum(w * s for w, s in scored) / weight, 2) if scored else None
    points = find_signals(answer, question.talking_points) if question is not None else ()
    flags = find_signals(answer, question.red_flags) if question is not None else ()
    return Assessment(
        rubric=rubric,
        answer=answer,
        criteria=tuple(results),
        total=total,
        question=question,
        talking_points=points,
        red_flags=flags,
    )
