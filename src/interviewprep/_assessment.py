"""
Assessing an answer against a rubric, criterion by criterion.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from typing import TYPE_CHECKING

import attrs

from ._model import Criterion, Level, Question, Rubric
from ._problems import Problem

if TYPE_CHECKING:
    from ._interview import Interview
    from .scorers import Scorer

__all__ = ["Assessment", "CriterionAssessment", "assess", "load_scorers"]

NEEDS_A_HUMAN = "needs a human rating"


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
    """

    rubric: Rubric
    answer: str
    criteria: tuple[CriterionAssessment, ...]
    total: float | None
    question: Question | None = None

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


_CACHE: dict[tuple[str, ...], tuple[dict[str, Scorer], list[Problem]]] = {}


def load_scorers() -> tuple[dict[str, Scorer], list[Problem]]:
    """
    The scorers registered through the ``interviewprep.scorers`` entry point group.

    Each entry point is loaded in its own ``try``; a failure (an import error, a
    value that is not callable, two distributions claiming one id) becomes a
    problem and never stops the others. The result is cached until ``sys.path``
    changes.

    Returns:
        The scorers by id, and the problems met.
    """
    key = tuple(sys.path)
    cached = _CACHE.get(key)
    if cached is not None:
        return cached
    import importlib_metadata

    from ._discovery import SCORERS_GROUP
    from .scorers import BUILTIN

    found: dict[str, list[importlib_metadata.EntryPoint]] = {}
    for entry_point in importlib_metadata.entry_points(group=SCORERS_GROUP):
        found.setdefault(entry_point.name, []).append(entry_point)
    scorers: dict[str, Scorer] = {}
    problems: list[Problem] = []
    for name, entry_points in sorted(found.items()):
        dists = ", ".join(sorted(ep.dist.name if ep.dist else "?" for ep in entry_points))
        if len(entry_points) > 1:
            msg = f"scorer id {name!r} is claimed more than once ({dists}); all are left out"
            problems.append(Problem(message=msg))
            continue
        [entry_point] = entry_points
        where = entry_point.dist.name if entry_point.dist else None
        try:
            loaded = entry_point.load()
        except SystemExit as exc:
            msg = (
                f"scorer {name} = {entry_point.value!r} called sys.exit({exc.code!r}) while loading"
            )
            problems.append(Problem(message=msg, distribution=where))
            continue
        except Exception as exc:  # noqa: BLE001 - third-party failures are contained
            msg = f"scorer {name} = {entry_point.value!r} failed: {type(exc).__name__}: {exc}"
            problems.append(Problem(message=msg, distribution=where))
            continue
        if not callable(loaded):
            msg = f"scorer {name} = {entry_point.value!r} is {type(loaded).__name__}, not callable"
            problems.append(Problem(message=msg, distribution=where))
            continue
        scorers[name] = loaded
    for name, scorer in BUILTIN.items():
        # Running from a source tree without installed metadata still has the built-ins.
        if name not in found:
            scorers[name] = scorer
    _CACHE.clear()
    _CACHE[key] = (scorers, problems)
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
    rubric: Rubric,
    *,
    question: Question | None = None,
    interview: Interview | None = None,
    scorers: Mapping[str, Scorer] | None = None,
    words_per_minute: float | None = None,
) -> Assessment:
    """
    Rate an answer against a rubric, criterion by criterion.

    A criterion naming a ``scorer`` is scored automatically by that scorer (built
    in, installed through the ``interviewprep.scorers`` entry point group, or given
    in *scorers*); its score is the level nearest the scorer's verdict. A criterion
    without a scorer, or whose scorer cannot judge this answer, is reported as
    "needs a human rating", never guessed. Every criterion below its top level gets
    one concrete suggestion.

    Args:
        answer: The answer, as spoken or written.
        rubric: The rubric to rate it against.
        question: The question answered (used for relevance and consistency).
        interview: The interview (its job posting and first-round answers).
        scorers: Scorers by id, used before the installed ones.
        words_per_minute: The speaking pace to assume (150 by default).

    Returns:
        The assessment, with a weighted total on the rubric's scale.
    """
    from .scorers import DEFAULT_WORDS_PER_MINUTE, ScoringContext

    available, _ = load_scorers()
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
    return Assessment(
        rubric=rubric, answer=answer, criteria=tuple(results), total=total, question=question
    )
