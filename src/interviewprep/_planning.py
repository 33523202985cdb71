"""
Prep plans: a library's guidance turned into dated tasks for one interview.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

import attrs

from ._interview import Interview, Interviewer
from ._matching import Relevance
from ._model import Checklist, ChecklistItem, Question, Tip
from ._vocabulary import AskedBy, Stage
from ._words import content_words

if TYPE_CHECKING:
    from ._library import Library

__all__ = ["PrepPlan", "Task", "build_plan"]

#: When an undated checklist item falls due, relative to the interview, by stage.
#: A stage a pack declares (``acme:assessment-day``) counts as before the interview.
UNDATED_OFFSETS: Mapping[Stage | str, dt.timedelta] = {
    Stage.BEFORE: dt.timedelta(0),
    Stage.DURING: dt.timedelta(0),
    Stage.AFTER: dt.timedelta(days=2),
    Stage.OFFER: dt.timedelta(days=5),
}
#: When something promised in the first round is due: the day before the interview.
PROMISE_OFFSET = dt.timedelta(days=-1)


@attrs.frozen(kw_only=True)
class Task:
    """
    One dated thing to do for the interview.

    Attributes:
        text: What to do; for a per-interviewer task, followed by ``— name (title)``.
        due: When it is due; aware if the interview's time is aware, naive if not.
        overdue: Whether *due* had passed on the day the plan was built.
        interviewer: The interviewer it concerns, or ``None``.
        source: Where it came from: the checklist's full id and the item's id,
            as ``core/after-interview#send-thank-you-notes``, or
            ``first_round.promised[0]`` for a promise made in the first round.
        stage: Before, during or after the interview, at the offer, or a stage a
            pack declares.
        optional: Whether it is nice to have rather than essential.
        dated: Whether the checklist item gave a due offset; undated items fall due
            at the interview's start (before, during) or two days after (after).
        tips: Full ids of the tips that explain it.
    """

    text: str
    due: dt.datetime
    overdue: bool
    interviewer: str | None
    source: str
    stage: Stage | str
    optional: bool = False
    dated: bool = True
    tips: tuple[str, ...] = ()


@attrs.frozen(kw_only=True)
class PrepPlan:
    """
    A candidate's preparation for one interview.

    Attributes:
        interview: The interview prepared for.
        today: The day the plan was built (overdue tasks are judged against it).
        tasks: Every task, by due time (ties keep checklist order).
        questions_to_rehearse: Questions likely to be asked, weak spots from the
            first round first.
        questions_to_ask: For each interviewer's name, questions to ask them; no
            question is given to two interviewers.
        tips: The tips that apply to this interview.
    """

    interview: Interview
    today: dt.date
    tasks: tuple[Task, ...]
    questions_to_rehearse: tuple[Question, ...]
    questions_to_ask: Mapping[str, tuple[Question, ...]]
    tips: tuple[Tip, ...]

    def tasks_for(self, stage: Stage | str) -> tuple[Task, ...]:
        """
        The tasks of one stage, in due order.
        """
        wanted = Stage._value2member_map_.get(stage, stage)
        return tuple(task for task in self.tasks if task.stage == wanted)

    @property
    def overdue(self) -> tuple[Task, ...]:
        """
        The tasks already overdue when the plan was built.
        """
        return tuple(task for task in self.tasks if task.overdue)


def _terms(text: str) -> set[str]:
    return set(content_words(text))


def _task_texts(
    item: ChecklistItem, interviewers: Sequence[Interviewer]
) -> list[tuple[str, str | None]]:
    if not item.per_interviewer or not interviewers:
        return [(item.text, None)]
    texts: list[tuple[str, str | None]] = []
    for person in interviewers:
        who = f"{person.name} ({person.title})" if person.title else person.name
        texts.append((f"{item.text} — {who}", person.name))
    return texts


def _check_arguments(library: object, interview: object, today: object) -> None:
    from ._library import Library

    for name, value, wanted in (
        ("library", library, Library),
        ("interview", interview, Interview),
        ("today", today, dt.date),
    ):
        if not isinstance(value, wanted):
            hint = " (parse it with datetime.date.fromisoformat)" if name == "today" else ""
            msg = f"{name} must be a {wanted.__name__}, not {type(value).__name__}{hint}"
            raise TypeError(msg)


def _overdue(due: dt.datetime, today: dt.date | dt.datetime) -> bool:
    if isinstance(today, dt.datetime):
        if (today.tzinfo is None) != (due.tzinfo is None):
            msg = (
                "today and the interview's time must both be aware or both naive "
                f"(today={today.isoformat()}, interview={due.isoformat()})"
            )
            raise ValueError(msg)
        return due < today
    return due.date() < today


def _tasks(
    checklists: Iterable[Checklist],
    interview: Interview,
    today: dt.date | dt.datetime,
    relevance: Relevance,
) -> list[Task]:
    tasks: list[tuple[dt.datetime, int, Task]] = []
    order = 0
    for checklist in relevance.select(checklists):
        if checklist.formats and interview.format not in checklist.formats:
            continue
        for item in checklist.items:
            if not relevance.fit(checklist, item.applies).applies:
                continue
            offset = (
                item.due
                if item.due is not None
                else UNDATED_OFFSETS.get(checklist.stage, dt.timedelta(0))
            )
            due = interview.when + offset
            for text, who in _task_texts(item, interview.interviewers):
                task = Task(
                    text=text,
                    due=due,
                    overdue=_overdue(due, today),
                    interviewer=who,
                    source=f"{checklist.full_id}#{item.id}",
                    stage=checklist.stage,
                    optional=item.optional,
                    dated=item.due is not None,
                    tips=item.tips,
                )
                tasks.append((due, order, task))
                order += 1
    for index, promise in enumerate(interview.first_round.promised):
        due = interview.when + PROMISE_OFFSET
        task = Task(
            text=promise,
            due=due,
            overdue=_overdue(due, today),
            interviewer=None,
            source=f"first_round.promised[{index}]",
            stage=Stage.BEFORE,
        )
        tasks.append((due, order, task))
        order += 1
    tasks.sort(key=lambda entry: (entry[0], entry[1]))
    return [task for _, _, task in tasks]


def _weak_spots(questions: Sequence[Question], went_badly: Sequence[str]) -> list[Question]:
    """The questions that went badly, in the order given: by full id, or best text match."""
    by_id = {q.full_id: q for q in questions}
    found: list[Question] = []
    for entry in went_badly:
        match = by_id.get(entry.strip())
        if match is None:
            wanted = _terms(entry)
            best = max(
                ((len(wanted & _terms(q.text)), -n, q) for n, q in enumerate(questions)),
                default=None,
                key=lambda e: e[:2],
            )
            if best is not None and best[0] >= max(1, len(wanted) // 2):
                match = best[2]
        if match is not None and match not in found:
            found.append(match)
    return found


def _rehearse(
    library: Library, interview: Interview, count: int, relevance: Relevance
) -> list[Question]:
    audiences = {person.audience for person in interview.interviewers}
    posting = _terms(interview.job_posting)
    interviewer_questions = library.questions.filter(asked_by=AskedBy.INTERVIEWER)
    asked = relevance.select(interviewer_questions)
    # A question that went badly is rehearsed even if it is opt-in content.
    weak_spots = _weak_spots(
        relevance.select(interviewer_questions, opted_in=True), interview.first_round.went_badly
    )
    scored: list[tuple[float, int, Question]] = []
    for position, question in enumerate(asked):
        if question in weak_spots or (question.stages and Stage.DURING not in question.stages):
            continue
        matching = len(audiences & question.audiences) if question.audiences else 0.5
        if audiences and question.audiences and not matching:
            continue
        overlap = len(posting & _terms(f"{question.text} {' '.join(question.tags)}"))
        score = 10 * matching + min(overlap, 5)
        scored.append((-score, position, question))
    scored.sort(key=lambda entry: (entry[0], entry[1]))
    # Weak spots always, first; then the best of each kind in turn, so that one kind
    # cannot crowd out the rest.
    chosen: list[Question] = list(weak_spots)
    kinds: Counter[str] = Counter(str(q.kind) for q in chosen)
    rest = [q for _, _, q in scored]
    while rest and len(chosen) < count:
        fewest = min(kinds[str(q.kind)] for q in rest)
        pick = next(q for q in rest if kinds[str(q.kind)] == fewest)
        chosen.append(pick)
        kinds[str(pick.kind)] += 1
        rest.remove(pick)
    return chosen


def _to_ask(
    library: Library, interview: Interview, per_person: int, relevance: Relevance
) -> dict[str, tuple[Question, ...]]:
    candidates = relevance.select(library.questions.filter(asked_by=AskedBy.CANDIDATE))
    posting = _terms(f"{interview.job_posting} {interview.company} {interview.role}")
    used: set[str] = set()
    result: dict[str, tuple[Question, ...]] = {}
    for person in interview.interviewers:
        ranked = sorted(
            (
                (
                    -(2 if person.audience in q.audiences else 1 if not q.audiences else 0),
                    -len(posting & _terms(q.text)),
                    position,
                    q,
                )
                for position, q in enumerate(candidates)
                if q.full_id not in used and (not q.audiences or person.audience in q.audiences)
            ),
            key=lambda entry: entry[:3],
        )
        picked = tuple(entry[3] for entry in ranked[:per_person])
        used.update(q.full_id for q in picked)
        result[person.name] = picked
    return result


def _tips(library: Library, interview: Interview, relevance: Relevance) -> list[Tip]:
    audiences = {person.audience for person in interview.interviewers}
    tips = relevance.select(library.tips)
    specific = [t for t in tips if t.audiences and t.audiences & audiences]
    general = [t for t in tips if not t.audiences]
    return specific + general


def build_plan(
    library: Library,
    interview: Interview,
    *,
    today: dt.date | dt.datetime,
    rehearse: int = 10,
    questions_per_interviewer: int = 3,
    opt_in: Iterable[str] = (),
) -> PrepPlan:
    """
    Build a dated preparation plan for one interview from the library's content.

    * Only content that applies to the interview is used: its ``applies`` (formats,
      region, seniority, situations, roles) and its pack's ``scope`` must fit the
      interview (see :func:`interviewprep.applies`); items whose named dimensions
      the interview leaves unknown come after those that fit for sure.
    * Every item of every checklist that applies (a checklist with ``formats``
      applies only to those formats, so the remote variant comes with video and
      phone interviews) becomes a task dated from its ``due`` offset; tasks
      already past are flagged ``overdue``, never dropped. Items marked
      ``per_interviewer`` become one task per interviewer, by name. Whatever was
      promised in the first round becomes a task due the day before.
    * Questions to rehearse: the interviewer questions that went badly in the first
      round, then those likely from the interviewers' audiences, balanced across
      kinds and nudged by the job posting's terms.
    * Questions to ask: for each interviewer, questions suited to their audience;
      no question is given to two interviewers.
    * Tips: those aimed at the interviewers' audiences, then the general ones.
    * Opt-in content (items tagged with one of :data:`interviewprep.OPT_IN_TAGS`,
      such as brainteasers) is left out unless its tag is in *opt_in*; a question
      named as a weak spot of round one is rehearsed all the same.

    The result depends only on the arguments: the same library, interview and day
    give the same plan.

    Args:
        library: The loaded content.
        interview: The interview to prepare for.
        today: The day (or moment) the plan is made, to flag overdue tasks. A
            datetime must be aware exactly when the interview's time is.
        rehearse: How many questions to rehearse (weak spots are always included).
        questions_per_interviewer: How many questions to ask each interviewer.
        opt_in: Opt-in tags whose items to include (``["brainteaser"]``).

    Returns:
        The plan.

    Raises:
        TypeError: If *library*, *interview* or *today* is of the wrong type (a
            date given as a string: parse it with ``datetime.date.fromisoformat``).
        ValueError: If *today* is a datetime whose awareness differs from the
            interview's time.
    """
    _check_arguments(library, interview, today)
    relevance = Relevance(library, interview, opt_in)
    tasks = _tasks(library.checklists, interview, today, relevance)
    day = today.date() if isinstance(today, dt.datetime) else today
    return PrepPlan(
        interview=interview,
        today=day,
        tasks=tuple(tasks),
        questions_to_rehearse=tuple(_rehearse(library, interview, rehearse, relevance)),
        questions_to_ask=_to_ask(library, interview, questions_per_interviewer, relevance),
        tips=tuple(_tips(library, interview, relevance)),
    )
