"""
Calibration: how well the automatic scorers agree with answers graded by hand.

A file of graded answers (JSON Lines, one :class:`Label` a line; the format is
``benchmarks/labels/GRADING.md``) is read by :func:`load_labels`; :func:`calibrate`
assesses every answer and compares the automatic totals with the human grades. The
statistics are computed here, in plain Python: :func:`spearman`,
:func:`quadratic_kappa` and :func:`pairwise_accuracy`.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import os
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

import attrs

from ._model import Question, Rubric, Scale
from ._vocabulary import AnswerType, AskedBy, Intent, QuestionKind
from .exceptions import LabelError, Problem, ValidationError, excerpt

if TYPE_CHECKING:
    from ._assessment import Assessment
    from ._files import Limits
    from ._library import Items, Library
    from .scorers import Scorer

__all__ = [
    "GRADES",
    "STYLES",
    "TRAPS",
    "Agreement",
    "Calibration",
    "Disagreement",
    "Label",
    "calibrate",
    "load_labels",
    "pairwise_accuracy",
    "quadratic_kappa",
    "spearman",
]

#: The scale of the human grades: 1 (poor) to 4 (strong).
GRADES = Scale(min=1, max=4)
#: The kinds of trap a label may name (see ``GRADING.md``).
TRAPS = frozenset(
    {
        "attacks-employer",
        "blames-others",
        "fake-mistake",
        "buzzword-template",
        "off-question",
        "no-substance",
        "too-short",
        "rambling",
        "numbers-without-result",
        "premature-commitment",
    }
)
#: How an answer was given: written, transcribed speech, or by a non-native speaker.
STYLES = frozenset({"written", "spoken", "non-native"})
#: How many of the largest disagreements a calibration lists unless told otherwise.
WORST = 10
#: The id of a question built from a label's ``question_text``.
AD_HOC_QUESTION = "question-text"


# -- labels ------------------------------------------------------------------------------


def _shown(value: object) -> str:
    """*value* as a JSON reader would name it in a message."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return excerpt(value)


def _grade_problem(value: object, *, null: bool = False) -> str | None:
    if (value is None and null) or (
        type(value) is int and GRADES.min <= value <= GRADES.max  # not a bool, not 2.0
    ):
        return None
    wanted = f"an integer from {GRADES.min} to {GRADES.max}" + (" or null" if null else "")
    return f"expected {wanted}, got {_shown(value)}"


def _text_problem(value: object) -> str | None:
    if isinstance(value, str) and value.strip():
        return None
    return f"expected a non-empty string, got {_shown(value)}"


def _one_of(values: frozenset[str], what: str) -> Callable[[object], str | None]:
    def check(value: object) -> str | None:
        if not isinstance(value, str):
            return f"expected a string, got {_shown(value)}"
        if value in values:
            return None
        from ._suggest import did_you_mean

        hint = did_you_mean(value, values)
        return f"{excerpt(value)} is not a {what}{hint}: use one of {', '.join(sorted(values))}"

    return check


def _criteria_problems(value: object) -> list[tuple[str, str]]:
    """The problems of a ``criteria`` value, each with its field path."""
    if not isinstance(value, Mapping):
        wanted = f"an object of criterion ids and grades from {GRADES.min} to {GRADES.max}"
        return [("criteria", f"expected {wanted} (or null), got {_shown(value)}")]
    problems = []
    for key, grade in value.items():
        if not isinstance(key, str) or not key.strip():
            problems.append(("criteria", f"expected criterion ids as keys, got {_shown(key)}"))
            continue
        message = _grade_problem(grade, null=True)
        if message is not None:
            problems.append((f"criteria.{key}", message))
    return problems


#: The check of each field a label file may hold (a message, or ``None`` when fine).
_CHECKS: Mapping[str, Callable[[object], str | None]] = {
    "id": _text_problem,
    "question": _text_problem,
    "question_text": _text_problem,
    "answer": _text_problem,
    "grade": _grade_problem,
    "reason": _text_problem,
    "rubric": _text_problem,
    "trap": _one_of(TRAPS, "kind of trap"),
    "style": _one_of(STYLES, "style"),
    "posting": _text_problem,
}
_REQUIRED = ("id", "answer", "grade", "reason")


def _validate(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None and attribute.default is None:
        return
    message = _CHECKS[attribute.name](value)
    if message is not None:
        raise ValidationError(attribute.name, message)


def _validate_criteria(_: object, __: attrs.Attribute[Any], value: Mapping[str, Any]) -> None:
    for path, message in _criteria_problems(value):
        raise ValidationError(path, message)


def _read_only(value: Mapping[str, int | None]) -> Mapping[str, int | None]:
    if isinstance(value, MappingProxyType):
        return value
    return MappingProxyType(dict(value))


@attrs.frozen(kw_only=True)
class Label:
    """
    An answer graded by a person: one line of a labels file.

    Attributes:
        id: Unique in its file.
        answer: The answer as a candidate gave it.
        grade: The overall grade, from 1 (poor) to 4 (strong).
        reason: Why this grade, in one line.
        question: The full id (``core/mistake-you-made``) or bare id of the question
            answered; required unless *question_text* is given.
        question_text: The question's wording, for a question no pack has.
        criteria: A grade from 1 to 4 per criterion of the rubric, by criterion id;
            ``None`` where text alone cannot tell.
        rubric: The id of the rubric to rate the answer against, when not the one
            for the question's answer type.
        trap: The kind of trap the answer is (one of :data:`TRAPS`), if it is one.
        style: ``written``, ``spoken`` (transcribed speech) or ``non-native``.
        posting: The job posting the answer was given against.
        line: The line of the file it was read from (``None`` when made in code);
            labels equal in everything else are equal wherever they were read.
    """

    id: str = attrs.field(validator=_validate)
    answer: str = attrs.field(validator=_validate)
    grade: int = attrs.field(validator=_validate)
    reason: str = attrs.field(validator=_validate)
    question: str | None = attrs.field(default=None, validator=_validate)
    question_text: str | None = attrs.field(default=None, validator=_validate)
    criteria: Mapping[str, int | None] = attrs.field(
        factory=lambda: MappingProxyType({}), converter=_read_only, validator=_validate_criteria
    )
    rubric: str | None = attrs.field(default=None, validator=_validate)
    trap: str | None = attrs.field(default=None, validator=_validate)
    style: str | None = attrs.field(default=None, validator=_validate)
    posting: str | None = attrs.field(default=None, validator=_validate)
    line: int | None = attrs.field(default=None, eq=False)

    def __attrs_post_init__(self) -> None:
        if self.question is None and self.question_text is None:
            raise ValidationError("question", "is required unless question_text is given")


_FIELDS = tuple(field.name for field in attrs.fields(Label) if field.name != "line")


def _line_problems(data: Mapping[str, Any]) -> list[tuple[str, str]]:
    """Every problem of one parsed line, each with its field path."""
    from ._files import check_text

    problems = [(name, "is required but missing") for name in _REQUIRED if name not in data]
    if "question" not in data and "question_text" not in data:
        problems.append(("question", "is required unless question_text is given"))
    for name in _FIELDS:
        if name not in data:
            continue
        if name == "criteria":
            problems += _criteria_problems(data[name])
            continue
        message = _CHECKS[name](data[name])
        if message is not None:
            problems.append((name, message))
    problems += check_text({name: data[name] for name in _FIELDS if name in data})
    return problems


def _parse_line(text: str) -> tuple[Any, str | None]:
    """The value of one JSON line, or the reason it is not JSON."""
    from ._files import refuse_duplicate_keys

    try:
        return json.loads(text, object_pairs_hook=refuse_duplicate_keys), None
    except RecursionError:
        return None, "nested too deeply to be read"
    except json.JSONDecodeError as exc:
        return None, f"invalid JSON: {exc.msg} (column {exc.colno})"
    except ValueError as exc:  # a key given twice
        return None, f"invalid JSON: {exc}"


def load_labels(path: str | os.PathLike[str], *, limits: Limits | None = None) -> tuple[Label, ...]:
    """
    Read a file of answers graded by hand: JSON Lines, one :class:`Label` a line.

    Blank lines are skipped and fields a label does not have are ignored; every
    other problem is collected, so that one error names them all.

    Args:
        path: The file (UTF-8).
        limits: Bounds on the file's size (``Limits.max_file_bytes``).

    Returns:
        The labels, in file order, each with its line.

    Raises:
        LabelError: If the file cannot be read, is not UTF-8 text, holds no label,
            or has bad lines: invalid JSON, a line that is not an object, a missing
            or wrong-typed field, a grade out of range, a duplicate id. Each problem
            reads ``file:line: field: message``.
    """
    from ._files import read_text
    from .exceptions import StructureError

    file = os.fspath(path)
    try:
        text = read_text(file, limits=limits)
    except StructureError as exc:
        raise LabelError(exc.problems, source=file) from None
    labels: list[Label] = []
    problems: list[Problem] = []
    first_line: dict[str, int] = {}
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        data, error = _parse_line(line)
        if error is None and not isinstance(data, dict):
            error = f"expected a JSON object, got {_shown(data)}"
        if error is not None:
            problems.append(Problem(file=file, line=number, message=error))
            continue
        found = _line_problems(data)
        label_id = data.get("id")
        if isinstance(label_id, str) and not any(path == "id" for path, _ in found):
            if label_id in first_line:
                message = f"duplicate id {excerpt(label_id)} (the first is on line "
                found.append(("id", f"{message}{first_line[label_id]})"))
            else:
                first_line[label_id] = number
        if found:
            problems += [Problem(file=file, line=number, path=p, message=m) for p, m in found]
            continue
        labels.append(Label(**{name: data[name] for name in _FIELDS if name in data}, line=number))
    if not labels and not problems:
        problems.append(Problem(file=file, message="the file holds no label"))
    if problems:
        raise LabelError(problems, source=file)
    return tuple(labels)


# -- statistics --------------------------------------------------------------------------


def _ranks(values: Sequence[float]) -> list[float]:
    """The 1-based rank of each value, tied values sharing the mean of their ranks."""
    order = sorted(range(len(values)), key=lambda index: values[index])
    ranks = [0.0] * len(values)
    start = 0
    while start < len(order):
        end = start
        while end + 1 < len(order) and values[order[end + 1]] == values[order[start]]:
            end += 1
        for position in range(start, end + 1):
            ranks[order[position]] = (start + end) / 2 + 1
        start = end + 1
    return ranks


def spearman(first: Sequence[float], second: Sequence[float]) -> float | None:
    """
    Spearman's rank correlation of two paired samples, tied values given their mean rank.

    Args:
        first: One sample.
        second: The other, paired with *first* value by value.

    Returns:
        The correlation, from -1 (opposite orders) to 1 (the same order); ``None``
        for fewer than three pairs or when one side is constant (no order to compare).

    Raises:
        ValueError: If the samples differ in length.
    """
    if len(first) != len(second):
        msg = f"paired samples differ in length ({len(first)} and {len(second)})"
        raise ValueError(msg)
    if len(first) < 3:
        return None
    xs, ys = _ranks(first), _ranks(second)
    mean_x, mean_y = sum(xs) / len(xs), sum(ys) / len(ys)
    dx = [x - mean_x for x in xs]
    dy = [y - mean_y for y in ys]
    sxx, syy = sum(d * d for d in dx), sum(d * d for d in dy)
    if sxx == 0 or syy == 0:
        return None
    r = sum(a * b for a, b in zip(dx, dy, strict=True)) / math.sqrt(sxx * syy)
    return max(-1.0, min(1.0, r))


def quadratic_kappa(
    first: Sequence[int], second: Sequence[int], levels: Sequence[int]
) -> float | None:
    """
    Cohen's kappa with quadratic weights: agreement between two raters on ordered levels.

    A disagreement costs the square of its distance in levels; 1 is perfect agreement,
    0 the agreement chance alone gives, below 0 worse than chance.

    Args:
        first: One rater's levels.
        second: The other's, paired with *first*.
        levels: Every level of the scale, lowest first.

    Returns:
        The kappa; ``None`` for fewer than two pairs (one pair's kappa is 0 or
        undefined, whatever the grades), or when chance alone would agree on every
        pair (both raters gave one and the same level throughout).

    Raises:
        ValueError: If the samples differ in length or hold a value not in *levels*.
    """
    if len(first) != len(second):
        msg = f"paired samples differ in length ({len(first)} and {len(second)})"
        raise ValueError(msg)
    index = {level: position for position, level in enumerate(levels)}
    outside = [value for value in (*first, *second) if value not in index]
    if outside:
        msg = f"{excerpt(outside[0])} is not one of the levels {list(levels)}"
        raise ValueError(msg)
    count, span = len(first), len(levels) - 1
    if count < 2 or span < 1:
        return None

    def weight(a: int, b: int) -> float:
        return (index[a] - index[b]) ** 2 / span**2

    observed = sum(weight(a, b) for a, b in zip(first, second, strict=True))
    tally_first = dict.fromkeys(levels, 0)
    tally_second = dict.fromkeys(levels, 0)
    for a, b in zip(first, second, strict=True):
        tally_first[a] += 1
        tally_second[b] += 1
    expected = sum(
        weight(a, b) * tally_first[a] * tally_second[b] / count for a in levels for b in levels
    )
    if expected == 0:
        return None
    return 1 - observed / expected


def pairwise_accuracy(
    groups: Iterable[Sequence[tuple[float, float]]],
) -> tuple[float | None, int]:
    """
    The share of pairs the machine orders as the person did, within each group.

    Within each group (the answers to one question), every pair of answers with
    different human grades counts: 1 when the machine orders them the same way, ½
    when it gives both the same grade, 0 when it orders them the other way.

    Args:
        groups: Each group's (human, machine) grade pairs.

    Returns:
        The share, from 0 to 1 (``None`` when no pair has different human grades),
        and how many pairs counted.
    """
    pairs = 0
    agreed = 0.0
    for group in groups:
        for position, (human_a, machine_a) in enumerate(group):
            for human_b, machine_b in group[position + 1 :]:
                if human_a == human_b:
                    continue
                pairs += 1
                if machine_a == machine_b:
                    agreed += 0.5
                elif (machine_a < machine_b) == (human_a < human_b):
                    agreed += 1
    return (agreed / pairs if pairs else None), pairs


def _round_half_up(value: float) -> int:
    return max(GRADES.min, min(GRADES.max, math.floor(value + 0.5)))


# -- results -----------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Agreement:
    """
    How well automatic grades agree with human grades over a set of answers.

    Attributes:
        n: The answers compared (those with both grades).
        spearman: Spearman's rank correlation (-1 to 1); ``None`` for fewer than
            three answers or a constant side.
        kappa: Quadratic weighted kappa between the human grades and the automatic
            ones rounded to the nearest level (half up); ``None`` for fewer than two
            answers, or when both sides give one and the same level throughout.
        pairwise: Of the pairs of answers to one question that the person graded
            differently, the share the machine orders the same way (a tie counts
            half); ``None`` without such pairs.
        pairs: How many pairs *pairwise* counts.
        mean_absolute_error: The mean distance between the two grades, in levels;
            ``None`` for no answers.
    """

    n: int
    spearman: float | None
    kappa: float | None
    pairwise: float | None
    pairs: int
    mean_absolute_error: float | None


@attrs.frozen(kw_only=True)
class Disagreement:
    """
    One answer the machine graded far from the person, or a trap it let through.

    Attributes:
        id: The label's id.
        question: The full id of the question, or ``None`` for a question given
            by its text.
        human: The human grade.
        machine: The automatic total on the human scale (1 to 4).
        reason: Why the person gave their grade.
        suggestions: The assessment's suggestions, in the rubric's order.
        trap: The kind of trap the answer is, if any.
    """

    id: str
    question: str | None
    human: int
    machine: float
    reason: str
    suggestions: tuple[str, ...]
    trap: str | None

    @property
    def difference(self) -> float:
        """
        How far apart the grades are, in levels.
        """
        return abs(self.machine - self.human)


@attrs.frozen(kw_only=True)
class Calibration:
    """
    How well the automatic scorers agree with answers graded by hand.

    Attributes:
        labels: How many graded answers were assessed.
        overall: The agreement over every answer with an automatic total.
        by_answer_type: The agreement per answer type of the questions
            (``"story"``), in the vocabulary's order.
        by_criterion: The agreement per criterion, keyed ``"rubric#criterion"``
            (``"core/star-answer#candour"``), over the answers graded by hand on that
            criterion that the machine scored on it too.
        unscored: The ids of the labels the machine gave no total (it could not
            score enough of the rubric); they are left out of every statistic.
        worst: The largest disagreements, largest first (ties by id).
        traps_missed: The traps (labels naming a ``trap``, graded 1 or 2 by hand)
            the machine graded above 2, highest first.
        problems: What went wrong while assessing (a judge that failed, so its
            criteria fell back to their own scorers; a third-party scorer that could
            not load): each problem once, at the line of the first label it arose on,
            its message led by the ids of the labels (``dev-3 and 11 more: judge
            'openai-judge' failed on star-answer (...)``). The figures stand with
            whatever scored each answer.
    """

    labels: int
    overall: Agreement
    by_answer_type: Mapping[str, Agreement]
    by_criterion: Mapping[str, Agreement]
    unscored: tuple[str, ...]
    worst: tuple[Disagreement, ...]
    traps_missed: tuple[Disagreement, ...]
    problems: tuple[Problem, ...] = ()


@attrs.frozen(kw_only=True)
class _Case:
    """A label with what it is assessed against."""

    label: Label
    question: Question
    rubric: Rubric
    group: Hashable  # the question, for pairwise accuracy


@attrs.frozen(kw_only=True)
class _Graded:
    """A label with its automatic grades, on the human scale."""

    case: _Case
    machine: float | None
    criteria: Mapping[str, float]
    suggestions: tuple[str, ...]


# -- calibrating -------------------------------------------------------------------------

#: The kind and intent of a question built from text, by the answer type of its rubric:
#: a question asked of the candidate needs both (no built-in scorer reads them).
_KIND_AND_INTENT: Mapping[AnswerType | None, tuple[QuestionKind, Intent]] = {
    AnswerType.STORY: (QuestionKind.BEHAVIORAL, Intent.CAN_DO),
    AnswerType.HYPOTHETICAL: (QuestionKind.SITUATIONAL, Intent.CAN_DO),
    AnswerType.MOTIVATION: (QuestionKind.MOTIVATIONAL, Intent.WILL_DO),
    AnswerType.OPINION: (QuestionKind.CULTURE_FIT, Intent.FIT),
    AnswerType.ESTIMATION: (QuestionKind.SITUATIONAL, Intent.CAN_DO),
    AnswerType.SALARY: (QuestionKind.SALARY, Intent.FIT),
    AnswerType.CLOSING: (QuestionKind.MOTIVATIONAL, Intent.WILL_DO),
    AnswerType.KNOWLEDGE: (QuestionKind.TECHNICAL_DEPTH, Intent.CAN_DO),
    None: (QuestionKind.SITUATIONAL, Intent.CAN_DO),
}


def _find(items: Items[Any], kind: str, reference: str, library: Library) -> tuple[Any, str]:
    """
    The item of *kind* a full or bare id names, or ``None`` with why not.

    A bare id is looked up in every loaded pack; it must name exactly one item.
    """
    from ._suggest import did_you_mean

    if "/" in reference:
        found = items.get(reference)
        hint = "" if found is not None else did_you_mean(reference, items.ids())
        return found, f"no {kind} {reference!r} in the loaded packs{hint}"
    matches = {}
    for pack in library.packs:
        item = items.get(f"{pack.name}/{reference}")
        if item is not None:
            matches[item.full_id] = item
    if len(matches) == 1:
        return next(iter(matches.values())), ""
    if matches:
        names = ", ".join(sorted(matches))
        return None, f"{reference!r} names several {kind}s ({names}): give the full id"
    bare = [full_id.partition("/")[2] for full_id in items.ids()]
    return None, f"no {kind} {reference!r} in the loaded packs{did_you_mean(reference, bare)}"


def _ad_hoc_question(label: Label, rubric: Rubric | None) -> Question:
    types = sorted(rubric.answer_types) if rubric is not None else []
    answer_type = types[0] if len(types) == 1 else None
    kind, intent = _KIND_AND_INTENT[answer_type]
    return Question(
        id=AD_HOC_QUESTION,
        text=label.question_text or "",
        asked_by=AskedBy.INTERVIEWER,
        kind=kind,
        intent=intent,
        answer_type=answer_type,
    )


def _case(label: Label, library: Library) -> tuple[_Case | None, list[tuple[str, str]]]:
    """What *label* is assessed against, or the problems (field path, message) in the way."""
    problems: list[tuple[str, str]] = []
    rubric: Rubric | None = None
    if label.rubric is not None:
        rubric, why = _find(library.rubrics, "rubric", label.rubric, library)
        if rubric is None:
            problems.append(("rubric", why))
    question: Question | None = None
    if label.question is not None:
        question, why = _find(library.questions, "question", label.question, library)
        if question is None:
            problems.append(("question", why))
    elif label.rubric is None:
        message = "a label with question_text alone needs a rubric: give its id"
        problems.append(("rubric", message))
    else:
        question = _ad_hoc_question(label, rubric)
    if problems or question is None:
        return None, problems
    if rubric is None:
        rubric = library.rubric_for(question)
        if rubric is None:
            message = f"no rubric rates answers to {question.full_id}: give one in rubric"
            return None, [("rubric", message)]
    known = [criterion.id for criterion in rubric.criteria]
    for criterion_id in label.criteria:
        if criterion_id not in known:
            from ._suggest import did_you_mean

            hint = did_you_mean(criterion_id, known)
            message = f"rubric {rubric.full_id} has no criterion {criterion_id!r}{hint}"
            problems.append((f"criteria.{criterion_id}", message))
    if problems:
        return None, problems
    group = question.full_id if label.question is not None else ("text", question.text)
    return _Case(label=label, question=question, rubric=rubric, group=group), []


def _on_grades(value: float, scale: Scale) -> float:
    """*value* on *scale* moved onto the scale of the human grades."""
    if scale == GRADES:
        return value
    share = (value - scale.min) / (scale.max - scale.min)
    return GRADES.min + share * (GRADES.max - GRADES.min)


def _agreement(graded: Sequence[tuple[float, float, Hashable]]) -> Agreement:
    """The agreement over (human, machine, group) triples."""
    human = [h for h, _, _ in graded]
    machine = [m for _, m, _ in graded]
    groups: dict[Hashable, list[tuple[float, float]]] = {}
    for h, m, group in graded:
        groups.setdefault(group, []).append((h, m))
    pairwise, pairs = pairwise_accuracy(groups.values())
    levels = range(GRADES.min, GRADES.max + 1)
    return Agreement(
        n=len(graded),
        spearman=spearman(human, machine),
        kappa=quadratic_kappa(
            [round(h) for h in human], [_round_half_up(m) for m in machine], levels
        ),
        pairwise=pairwise,
        pairs=pairs,
        mean_absolute_error=(
            sum(abs(h - m) for h, m in zip(human, machine, strict=True)) / len(graded)
            if graded
            else None
        ),
    )


def _disagreement(graded: _Graded, machine: float) -> Disagreement:
    label = graded.case.label
    return Disagreement(
        id=label.id,
        question=graded.case.question.full_id if label.question is not None else None,
        human=label.grade,
        machine=machine,
        reason=label.reason,
        suggestions=graded.suggestions,
        trap=label.trap,
    )


def _grade(case: _Case, assessment: Assessment) -> _Graded:
    scale = case.rubric.scale
    criteria = {
        result.criterion.id: _on_grades(result.score, scale)
        for result in assessment.criteria
        if result.score is not None
    }
    total = assessment.total
    return _Graded(
        case=case,
        machine=None if total is None else _on_grades(total, scale),
        criteria=criteria,
        suggestions=tuple(assessment.suggestions),
    )


def _problems(
    arisen: Mapping[str, tuple[Problem, Sequence[Label]]], source: str | None
) -> tuple[Problem, ...]:
    """Each problem of the assessments once, located at the first label it arose on."""
    found = []
    for problem, labels in arisen.values():
        first = labels[0]
        which = first.id if len(labels) == 1 else f"{first.id} and {len(labels) - 1} more"
        message = f"{which}: {problem.message}"
        found.append(attrs.evolve(problem, file=source, line=first.line, message=message))
    return tuple(found)


def _summary(
    graded: Sequence[_Graded], worst: int, problems: tuple[Problem, ...] = ()
) -> Calibration:
    scored = [(g, g.machine) for g in graded if g.machine is not None]

    def triples(among: Iterable[tuple[_Graded, float]]) -> list[tuple[float, float, Hashable]]:
        return [(g.case.label.grade, machine, g.case.group) for g, machine in among]

    by_type: dict[str, list[tuple[_Graded, float]]] = {}
    for item, machine in scored:
        answer_type = item.case.question.answer_type
        if answer_type is not None:
            by_type.setdefault(str(answer_type.value), []).append((item, machine))
    order = [member.value for member in AnswerType]
    types = sorted(by_type, key=lambda t: (order.index(t) if t in order else len(order), t))

    by_criterion: dict[str, list[tuple[float, float, Hashable]]] = {}
    rubrics: dict[str, Rubric] = {}
    for item in graded:
        rubric = item.case.rubric
        rubrics.setdefault(rubric.full_id, rubric)
        for criterion_id, human in item.case.label.criteria.items():
            automatic = item.criteria.get(criterion_id)
            if human is not None and automatic is not None:
                key = f"{rubric.full_id}#{criterion_id}"
                by_criterion.setdefault(key, []).append((human, automatic, item.case.group))
    criterion_keys = [
        f"{rubric_id}#{criterion.id}"
        for rubric_id, rubric in rubrics.items()
        for criterion in rubric.criteria
        if f"{rubric_id}#{criterion.id}" in by_criterion
    ]

    disagreements = sorted(
        (_disagreement(g, machine) for g, machine in scored), key=lambda d: (-d.difference, d.id)
    )
    traps = sorted(
        (d for d in disagreements if d.trap is not None and d.machine > 2),
        key=lambda d: (-d.machine, d.id),
    )
    return Calibration(
        labels=len(graded),
        overall=_agreement(triples(scored)),
        by_answer_type=MappingProxyType({t: _agreement(triples(by_type[t])) for t in types}),
        by_criterion=MappingProxyType(
            {key: _agreement(by_criterion[key]) for key in criterion_keys}
        ),
        unscored=tuple(g.case.label.id for g in graded if g.machine is None),
        worst=tuple(disagreements[:worst]),
        traps_missed=tuple(traps),
        problems=problems,
    )


def _posting_interview(posting: str) -> Any:
    """An interview that carries nothing but a job posting, for the scorers to read."""
    from ._interview import Interview

    return Interview(
        company="(calibration)",
        role="(calibration)",
        when=dt.datetime(2000, 1, 1),
        job_posting=posting,
    )


def calibrate(
    labels: str | os.PathLike[str] | Iterable[Label],
    *,
    library: Library | None = None,
    scorers: Mapping[str, Scorer] | None = None,
    data_only: bool = False,
    assess_options: Mapping[str, Any] | None = None,
    worst: int = WORST,
) -> Calibration:
    """
    Measure how well the automatic scorers agree with answers graded by hand.

    Each label's answer is assessed with :func:`interviewprep.assess` against its
    ``rubric``, or the library's rubric for its question
    (:meth:`Library.rubric_for`); a label with ``question_text`` alone is asked as a
    question of its own and needs a ``rubric``. A label's ``posting`` reaches the
    scorers as the job posting. The automatic totals (and criterion scores) are moved
    onto the scale of the human grades, 1 to 4, when the rubric's scale differs, and
    compared with the human grades (see :class:`Calibration` and :class:`Agreement`).

    Every label is checked before any answer is assessed.

    Args:
        labels: A labels file (see :func:`load_labels`), or labels.
        library: Where questions and rubrics are looked up (a full id such as
            ``core/mistake-you-made``, or a bare id that one loaded pack has); by
            default every installed pack.
        scorers: Scorers by id, used before the installed ones: pass a judge under
            a built-in scorer's id to measure it in that scorer's place.
        data_only: Run no third-party code (see :func:`interviewprep.assess`).
        assess_options: More keyword arguments for :func:`interviewprep.assess`,
            such as ``{"words_per_minute": 130}``.
        worst: How many of the largest disagreements to list.

    Returns:
        The calibration.

    Raises:
        LabelError: If the file cannot be read or has bad lines, or a label names a
            question, rubric or criterion the library does not have (every problem
            named with its line).
        TypeError: If *labels* holds something that is not a :class:`Label`.
        ValueError: If *worst* is negative.
    """
    from ._assessment import assess
    from ._library import load_library

    if worst < 0:
        msg = f"worst must be 0 or more, not {worst!r}"
        raise ValueError(msg)
    source: str | None = None
    if isinstance(labels, str | os.PathLike):
        source = os.fspath(labels)
        labels = load_labels(source)
    given = tuple(labels)
    for item in given:
        if not isinstance(item, Label):
            msg = f"calibrate takes a labels file or Label objects, not {type(item).__name__}"
            raise TypeError(msg)
    if library is None:
        library = load_library(data_only=data_only)
    cases: list[_Case] = []
    problems: list[Problem] = []
    for index, label in enumerate(given):
        case, found = _case(label, library)
        for path, message in found:
            where = path if source is not None else f"labels[{index}].{path}"
            problems.append(Problem(file=source, line=label.line, path=where, message=message))
        if case is not None:
            cases.append(case)
    if problems:
        raise LabelError(problems, source=source)
    options = dict(assess_options or {})
    graded = []
    arisen: dict[str, tuple[Problem, list[Label]]] = {}
    for case in cases:
        interview = options.get("interview")
        if interview is None and case.label.posting is not None:
            interview = _posting_interview(case.label.posting)
        assessment = assess(
            case.label.answer,
            case.rubric,
            question=case.question,
            library=library,
            scorers=scorers,
            data_only=data_only,
            **{**options, "interview": interview},
        )
        graded.append(_grade(case, assessment))
        for problem in assessment.problems:
            arisen.setdefault(problem.message, (problem, []))[1].append(case.label)
    return _summary(graded, worst, _problems(arisen, source))
