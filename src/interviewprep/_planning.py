"""
Prep plans: a library's guidance turned into a short, prioritised plan for one
interview, scheduled in the candidate's own free time.

How a plan is made (:func:`build_plan`):

* Priorities: at most five, each with its reason: promises from round one, questions
  that went badly, a short introduction for interviewers who are new, answers to keep
  consistent (quoting what was said in round one), and the question that best matches
  what the job posting stresses. Each is carried out by an essential step of the plan
  (:attr:`Priority.task`): the promise itself, the preparation step covering the
  priority's guidance fact (reworking answers, keeping to round one, preparing
  examples), or a step of its own (the introduction). A promise's step says to check
  that nothing in it is confidential, and a step during the interview says to be ready
  to walk through what was sent.
* Selection: only content that applies to the interview (format, region,
  seniority, situations, role); opt-in content (brainteasers) only when asked for.
  At most eight questions to rehearse (weak spots first, then by fit with the
  interviewers, the posting (its short skill words such as "SQL" too) and round one,
  spread over the interviewers, the opening and closing questions to whoever chairs:
  the hiring manager if present; those written for roles the interview probably is
  not, last), two or three questions to ask per interviewer (never one question twice
  in a loop; those fitting the interviewer's job title first, then those following up
  the posting and the round-one notes, none with a blank the plan cannot fill while
  another will do), and six tips (those acting on this interview first: its
  format, the candidate, the interviewers, the answers that went badly). ``None`` as
  a limit means everything that applies.
* Scheduling: every task has an effort (the checklist item's, or a default by stage).
  Preparation is placed into the candidate's free time (weekday evenings and weekend
  daytime unless the interview or the caller says otherwise): promises and booking
  time off at once, then the essential steps in the order of preparation (the
  content's due offsets: reading the posting and the interviewers' profiles before
  writing stories and answers; groundwork before the rework it prepares), spread
  evenly over the free windows from the earliest step's day (each filled to the same
  share of its length: a free weekend day takes a longer sitting than an evening),
  never overfilling one; steps due in the last two days (a mock interview) on their
  days; the evening before ends with rest. Optional steps fill the time left near
  their days. Steps on the day itself keep their time. With short notice the plan is
  compressed: the steps carrying priorities, the evening's rest, the groundwork, the
  last days' checks and then the others are kept while they fit (and done in order);
  what does not fit is kept but marked optional ("if time allows"); nothing is overdue
  while the interview is still ahead. Waits after the interview count working days.
* Time off: a candidate at work when the interview is (it falls on a weekday in
  :data:`WORKING_HOURS`, outside their free time) gets a step to book time off from
  half an hour before it to half an hour after. When the interview does not give its
  length, an hour is assumed and booked "at least", to be extended once the schedule
  is confirmed: the step asking for the schedule is then done at once, just before
  the booking. That last half hour is where the first notes on the interview go;
  every other step after the interview goes in the candidate's free time, never in
  working hours. Someone free at the time (``any
  time``, or an evening interview) books nothing.
* What the interview already says: a step asking for details the interview gives
  (its interviewers' names and titles, the meeting link, its length) is kept as
  optional, and a step naming the location prints it. The step practising for a
  deeper technical part names the skills the posting asks for, when it names any
  (the tools it lists, and the words it shares with the tags of the role packs'
  technical questions).
* No duplicates: tasks that say the same thing become one task.
* Every chosen item carries its reason (:attr:`Task.reason`, :attr:`PrepPlan.reasons`).

The plan depends only on its arguments: the same library, interview, day and options
give the same plan.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Hashable, Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING

import attrs

from ._interview import Interview, Interviewer
from ._matching import OPT_IN_TAGS, Fit, Relevance, named_skills
from ._model import Checklist, ChecklistItem, Question, Tip
from ._schedule import DEFAULT_AVAILABILITY, Availability, Calendar, Request, add_working_days
from ._selection import Key, Shortlist, Stream, WordBits, bits_of, members_of, merged
from ._vocabulary import AnswerType, AskedBy, Audience, QuestionKind, Stage
from ._words import content_words, stem

if TYPE_CHECKING:
    from ._catalogue import Catalogue
    from ._library import Library

__all__ = ["DEFAULT_EFFORT", "PrepPlan", "Priority", "Task", "build_plan"]

#: How long a checklist item takes when it does not say, by stage. Steps during the
#: interview take none of the candidate's free time.
DEFAULT_EFFORT: Mapping[Stage | str, dt.timedelta] = {
    Stage.BEFORE: dt.timedelta(minutes=30),
    Stage.DURING: dt.timedelta(0),
    Stage.AFTER: dt.timedelta(minutes=15),
    Stage.OFFER: dt.timedelta(minutes=20),
}
#: The effort of something promised in round one.
PROMISE_EFFORT = dt.timedelta(minutes=30)
#: When an undated checklist item falls due, by stage: before it, the day before the
#: interview; after it, two working days on; at the offer, five working days on.
UNDATED_OFFSETS: Mapping[Stage | str, dt.timedelta] = {
    Stage.BEFORE: dt.timedelta(days=-1),
    Stage.DURING: dt.timedelta(0),
    Stage.AFTER: dt.timedelta(days=2),
    Stage.OFFER: dt.timedelta(days=5),
}
#: Steps due this close to the start are about the day itself (or the evening
#: before) and keep their time; earlier ones are placed in free time.
_ON_THE_DAY = dt.timedelta(hours=14)
#: A step due between this long and _ON_THE_DAY before the start closes the evening
#: before ("lay out your clothes, then stop preparing"): it is placed after the others.
_THE_EVE = dt.timedelta(hours=20)
#: The most questions to ask in all: a loop of interviews leaves each interviewer time
#: for a question or two, so four interviewers get two each.
_MOST_TO_ASK = 8
#: The longest sitting of preparation placed in one window of free time (a free
#: weekend day gets a morning's work, not seven hours).
LONGEST_SITTING = dt.timedelta(hours=3)
#: The effort of such a step when it does not say.
_QUICK_STEP = dt.timedelta(minutes=10)
#: After the interview, an offset of this many days or more is a wait, counted in
#: working days; a shorter one is a deadline ("within 24 hours").
_A_WAIT = dt.timedelta(days=3)
#: Preparation ends by the evening before (twelve hours before the start) ...
_PREPARED_BY = dt.timedelta(hours=12)
#: ... or, with short notice, an hour before the start.
_LAST_CALL = dt.timedelta(hours=1)
#: With less free time than this before the interview, the two hours before the last
#: call count as free time: the candidate will make time for what matters most.
_SHORT_NOTICE = dt.timedelta(hours=1)
#: How far after the interview tasks are looked for a free window.
_FOLLOW_UP_HORIZON = dt.timedelta(days=21)
#: The most priorities a plan shows.
MAX_PRIORITIES = 5
#: Weekday hours a candidate whose free time leaves them out is at work: an interview
#: in them needs time off.
WORKING_HOURS = (dt.time(9), dt.time(17))
#: The time off booked either side of an interview in working hours: to settle in
#: before, and to note down the questions after, while the memory is fresh.
TIME_OFF_MARGIN = dt.timedelta(minutes=30)
#: The :attr:`Task.source` of the step that books the time off, and of the step that
#: prepares an introduction for interviewers who are new.
TIME_OFF = "time-off"
INTRODUCTION = "interviewers"
_TIME_OFF_EFFORT = dt.timedelta(minutes=10)
#: The :attr:`Task.source` of the step during the interview that reminds the candidate
#: to be ready to walk through what they promised (and sent) after round one.
PROMISED_WORK = "first_round.promised"
#: The guidance fact of the preparation step that practises for a deeper technical
#: part (F4): when the posting names skills, the step names them.
_SKILLS_FACT = "F4"
#: Steps due this close to the interview (a mock interview, the last checks) are not
#: done before their day: they are the final run-through, not groundwork.
_KEEPS_ITS_DAY = dt.timedelta(days=2)
_PLACEHOLDER = re.compile(r"\[([^\[\]]{1,80})\]")


@attrs.frozen(kw_only=True)
class Task:
    """
    One dated thing to do for the interview.

    Attributes:
        text: What to do; for a per-interviewer task, followed by ``— name (title)``.
        due: When to do it: its place in the candidate's free time, or its fixed
            time (steps on the day); aware if the interview's time is aware.
        overdue: Whether *due* had passed when the plan was built and there was no
            time left at all (the interview had begun).
        interviewer: The interviewer it concerns, or ``None``.
        source: Where it came from: the checklist's full id and the item's id,
            as ``core/after-interview#send-thank-you-notes``;
            ``first_round.promised[0]`` for a promise made in the first round, and
            ``first_round.promised`` for being ready to walk through what was sent;
            ``time-off`` and ``interviewers`` for the plan's own steps (booking time
            off, preparing an introduction).
        stage: Before, during or after the interview, at the offer, or a stage a
            pack declares.
        optional: Whether it is nice to have rather than essential, or did not fit
            into the time left (see *squeezed*).
        dated: Whether the checklist item gave a due offset.
        tips: Full ids of the tips that explain it.
        effort: How long it takes.
        scheduled: Whether it was placed into the candidate's free time (rather
            than kept at a fixed time).
        squeezed: Whether it did not fit into the free time before the interview
            and is therefore optional: do it if you can.
        also: The sources of tasks that said the same thing, merged into this one.
        reason: Why it is in the plan.
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
    effort: dt.timedelta = dt.timedelta(0)
    scheduled: bool = False
    squeezed: bool = False
    also: tuple[str, ...] = ()
    reason: str = ""


@attrs.frozen(kw_only=True)
class Priority:
    """
    One of the few things that matter most for this interview, with its reason.

    Attributes:
        text: What to do.
        reason: Why it matters for this interview.
        source: What it comes from: ``first_round.promised[0]``, a question's full
            id, or ``interviewers``.
        task: The :attr:`~Task.source` of the essential task that carries it out
            (every priority has one in :attr:`PrepPlan.tasks`).
    """

    text: str
    reason: str
    source: str
    task: str = ""


@attrs.frozen(kw_only=True)
class PrepPlan:
    """
    A candidate's preparation for one interview.

    Attributes:
        interview: The interview prepared for.
        today: The day the plan was built.
        tasks: Every task, by due time (ties keep checklist order).
        questions_to_rehearse: Questions likely to be asked, weak spots from the
            first round first.
        questions_to_ask: For each interviewer's name, questions to ask them; no
            question is given to two interviewers.
        tips: The tips chosen for this interview.
        priorities: What matters most, in order (at most five), each with its reason.
        availability: The free time the tasks were placed in.
        askers: For each question to rehearse (by full id), the interviewer most
            likely to ask it.
        reasons: For each question and tip chosen (by full id), why it was chosen.
        brief: Whether renderers print only the essential steps, counting the
            optional ones (which stay in :attr:`tasks`); ``False`` prints them all.
    """

    interview: Interview
    today: dt.date
    tasks: tuple[Task, ...]
    questions_to_rehearse: tuple[Question, ...]
    questions_to_ask: Mapping[str, tuple[Question, ...]]
    tips: tuple[Tip, ...]
    priorities: tuple[Priority, ...] = ()
    availability: Availability = DEFAULT_AVAILABILITY
    askers: Mapping[str, str] = attrs.field(factory=dict)
    reasons: Mapping[str, str] = attrs.field(factory=dict)
    brief: bool = True

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


# -- arguments -------------------------------------------------------------------------------


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


def _now(today: dt.date | dt.datetime, when: dt.datetime) -> dt.datetime:
    """The moment the plan is made, in the interview's zone (a day means its start)."""
    if isinstance(today, dt.datetime):
        if (today.tzinfo is None) != (when.tzinfo is None):
            msg = (
                "today and the interview's time must both be aware or both naive "
                f"(today={today.isoformat()}, interview={when.isoformat()})"
            )
            raise ValueError(msg)
        return today if today.tzinfo is None else today.astimezone(when.tzinfo)
    return dt.datetime.combine(today, dt.time(0), tzinfo=when.tzinfo)


def _availability(given: Availability | str | None, interview: Interview) -> Availability:
    if isinstance(given, Availability):
        return given
    if isinstance(given, str):
        return Availability.parse(given)
    if given is not None:
        msg = f"availability must be an Availability or its text, not {type(given).__name__}"
        raise TypeError(msg)
    if interview.availability is not None:
        return Availability.parse(interview.availability)
    return DEFAULT_AVAILABILITY


def _limit(name: str, value: int | None) -> int | None:
    if value is not None and (not isinstance(value, int) or isinstance(value, bool) or value < 0):
        msg = f"{name} must be a count of at least 0, or None for no limit, not {value!r}"
        raise ValueError(msg)
    return value


# -- words -----------------------------------------------------------------------------------


def _terms(text: str) -> frozenset[str]:
    return frozenset(content_words(text))


#: Words of two or three letters and digits: too short for :func:`content_words`, but a
#: tag that short names a skill (``sql``, ``dbt``) that a posting may ask for.
_SHORT_WORD = re.compile(r"(?<![\w'-])[a-z0-9][a-z0-9+#]{1,2}(?![\w'-])")


def _short_words(text: str) -> frozenset[str]:
    return frozenset(_SHORT_WORD.findall(text.lower()))


def _short_tags(question: Question) -> frozenset[str]:
    """A question's tags of two or three letters (``sql``), which name skills."""
    return frozenset(tag for tag in question.tags if _SHORT_WORD.fullmatch(tag))


def _posting_terms(text: str) -> frozenset[str]:
    """The words of a job posting (or anything the interview file says) to match
    content by: its content words, and its short words, which only short tags use."""
    return _terms(text) | _short_words(text)


def _other_terms(question: Question) -> frozenset[str]:
    """The words of a question's tags (short ones too) and talking points (its text
    aside)."""
    points = " ".join(f"{point.label} {' '.join(point.cues)}" for point in question.talking_points)
    return _terms(f"{' '.join(question.tags)} {points}") | _short_tags(question)


def _stems_of(words: Iterable[str]) -> frozenset[str]:
    return frozenset(stem(word) for word in words)


def _title_stems(person: Interviewer) -> frozenset[str]:
    """The stems of the words of an interviewer's job title ("Data engineer": ``data``,
    ``engineer``), which the questions to ask them are matched by."""
    return _stems_of(_terms(person.title))


def _question_terms(library: Library, question: Question) -> frozenset[str]:
    """A question's words (text, tags, talking points), worked out once per library."""
    memo: dict[str, frozenset[str]] = library._memo.setdefault("planning.terms", {})
    key = question.full_id
    found = memo.get(key)
    if found is None:
        found = _terms(question.text) | _other_terms(question)
        memo[key] = found
    return found


# -- the library's indexes for plans ---------------------------------------------------------


@attrs.frozen
class _Indexes:
    """
    What plans choose from, worked out once per library (items never change once
    loaded, so nothing here goes stale): see :mod:`interviewprep._selection`.
    """

    #: Questions asked of the candidate during an interview, grouped by answer type,
    #: audiences and what applicability can add, with their words.
    rehearse: Shortlist
    #: The groups of *rehearse* by answer type (``str(answer_type)``) and audiences:
    #: each group's index, and what its type and applicability add to a score.
    rehearse_types: Mapping[str, Mapping[frozenset[Audience | str], Sequence[tuple[int, float]]]]
    #: The positions of the questions to ask; their numbers here are their codes.
    ask_positions: Sequence[int]
    #: The words of the questions to ask, with the codes using each, also as bits.
    ask_words: WordBits
    #: The same by the words' stems, to match an interviewer's job title.
    ask_stems: WordBits
    #: The questions to ask written for each audience, and for anyone, as bits.
    ask_audiences: Mapping[str, int]
    ask_anyone: int
    #: Tips, grouped by audiences, stages and what applicability can add, by title words.
    tips: Shortlist
    #: The words of the texts of questions asked of the candidate: their positions.
    texts: Mapping[str, Sequence[int]]
    #: By position, whether a question, and a tip, applies to every interview for
    #: everyone (no applicability, no role pack, no opt-in tag).
    plain_questions: bytes
    plain_tips: bytes
    #: Positions of the introductions in *rehearse*.
    introductions: tuple[int, ...]
    #: Positions of the tips that explain a checklist step (an item's first tip).
    step_tips: tuple[int, ...]
    #: For each role pack (a pack with a scope), the positions of its technical
    #: questions asked by the interviewer, whose tags name skills (see :func:`_skills`).
    skill_questions: Mapping[str, tuple[int, ...]] = attrs.field(factory=dict)


def _indexes(library: Library) -> _Indexes:
    """
    The library's indexes for plans, built on first use and kept with the library
    (two threads building them at once build the same; one is kept).
    """
    found: _Indexes | None = library._memo.get("planning.indexes")
    if found is None:
        found = _build_indexes(library)
        library._memo["planning.indexes"] = found
    return found


def _stages_weight(tip: Tip) -> float:
    """What a tip's stages add to its score: tips for before or during the interview."""
    return 1.0 if not tip.stages or {Stage.BEFORE, Stage.DURING} & tip.stages else 0.0


def _tip_applies_weight(tip: Tip) -> float:
    """
    What a tip written for some interviews adds to its score when it surely fits: 6
    when it acts on how the interview is held or on who the candidate is (its format,
    seniority, situations or role); nothing when it only names regions (a notice of
    the law where the job is ranks as a general tip).
    """
    applies = tip.applies
    if applies.formats or applies.seniority or applies.situations or applies.roles:
        return 6.0
    return 0.0


#: What a tip on the topic of an answer that went badly in round one adds to its score.
_ROUND_ONE_TIP = 4.0


def _build_indexes(library: Library) -> _Indexes:
    """Read every question and tip once: their words, groups and what they apply to."""
    questions = library.questions._index.items
    tips = library.tips._index.items
    scoped = {pack.name for pack in library.packs if pack.info.scope}

    def plain(item: Question | Tip) -> bool:
        return not item.applies and item.pack not in scoped and OPT_IN_TAGS.isdisjoint(item.tags)

    def role_pack(item: Question | Tip) -> bool:
        return bool(item.pack) and item.pack in scoped

    # Every question's words worked out once: its text for matching what went badly,
    # with its tags and talking points for matching the posting.
    texts: dict[str, list[int]] = {}
    asked_words: dict[str, list[int]] = {}
    to_ask_words: dict[str, list[int]] = {}
    to_ask_stems: dict[str, list[int]] = {}
    rehearsed: list[int] = []
    to_ask: list[int] = []
    for position, question in enumerate(questions):
        text = _terms(question.text)
        words = text | _other_terms(question)
        if question.asked_by == AskedBy.INTERVIEWER:
            for word in text:
                texts.setdefault(word, []).append(position)
            if not question.stages or Stage.DURING in question.stages:
                rehearsed.append(position)
                for word in words:
                    asked_words.setdefault(word, []).append(position)
        else:
            for word in words:
                to_ask_words.setdefault(word, []).append(len(to_ask))
            for word in _stems_of(words):
                to_ask_stems.setdefault(word, []).append(len(to_ask))
            to_ask.append(position)

    def rehearsal_group(position: int) -> tuple[Hashable, float]:
        question = questions[position]
        weight = _ROUND_TWO_TYPES.get(question.answer_type, 1.0)
        bonus = 3.0 * bool(question.applies) + 3.0 * role_pack(question)
        return (str(question.answer_type), question.audiences, weight), bonus

    def tip_group(position: int) -> tuple[Hashable, float]:
        tip = tips[position]
        bonus = _tip_applies_weight(tip) + 4.0 * role_pack(tip)
        return (tip.audiences, _stages_weight(tip), str(tip.topic)), bonus

    rehearse = Shortlist(rehearsed, rehearsal_group, asked_words)
    types: dict[str, dict[frozenset[Audience | str], list[tuple[int, float]]]] = {}
    for index, group in enumerate(rehearse.groups):
        kind, suited, weight = group.key
        by_audiences = types.setdefault(kind, {})
        by_audiences.setdefault(suited, []).append((index, 2 * weight + group.bonus))
    audiences: dict[str, list[int]] = {}
    for code, position in enumerate(to_ask):
        for audience in questions[position].audiences:
            audiences.setdefault(str(audience), []).append(code)
    tip_words: dict[str, list[int]] = {}
    for position, tip in enumerate(tips):
        for word in _terms(tip.title):
            tip_words.setdefault(word, []).append(position)
    first_tips = {
        item.tips[0].rpartition("/")[2]
        for checklist in library.checklists
        for item in checklist.items
        if item.tips
    }
    return _Indexes(
        rehearse=rehearse,
        rehearse_types=types,
        ask_positions=to_ask,
        ask_words=WordBits(len(to_ask), to_ask_words),
        ask_stems=WordBits(len(to_ask), to_ask_stems),
        ask_audiences={name: bits_of(codes, len(to_ask)) for name, codes in audiences.items()},
        ask_anyone=bits_of(
            (code for code, p in enumerate(to_ask) if not questions[p].audiences), len(to_ask)
        ),
        tips=Shortlist(range(len(tips)), tip_group, tip_words),
        texts=texts,
        plain_questions=bytes(map(plain, questions)),
        plain_tips=bytes(map(plain, tips)),
        introductions=tuple(p for p in rehearsed if questions[p].id in _INTRODUCTIONS),
        step_tips=tuple(p for p, tip in enumerate(tips) if tip.id in first_tips),
        skill_questions=_skill_questions(questions, scoped),
    )


def _skill_questions(questions: Sequence[Question], scoped: set[str]) -> dict[str, tuple[int, ...]]:
    """The positions of the role packs' technical questions asked by the interviewer,
    by pack."""
    found: dict[str, list[int]] = {}
    for position, question in enumerate(questions):
        if (
            question.pack in scoped
            and question.asked_by == AskedBy.INTERVIEWER
            and question.kind == QuestionKind.TECHNICAL_DEPTH
            and question.tags
        ):
            found.setdefault(question.pack, []).append(position)
    return {pack: tuple(positions) for pack, positions in found.items()}


def _skills(library: Library, interview: Interview, relevance: Relevance) -> tuple[str, ...]:
    """
    The skills the job posting names (see :func:`interviewprep._matching.named_skills`):
    the tools it lists, then the words it shares with the tags of the technical
    questions of the role packs written for the interview's role that apply to it.
    """
    if not interview.job_posting.strip():
        return ()
    questions = library.questions._index.items
    tags: dict[str, None] = {}
    for positions in _indexes(library).skill_questions.values():
        if not relevance.for_role(questions[positions[0]]):
            continue
        for position in positions:
            question = questions[position]
            if _fit(relevance, question, 0) is not None:
                tags.update(dict.fromkeys(question.tags))
    return named_skills(interview, tags)


#: How an item that applies everywhere fits every interview.
_FITS_ANY = Fit(applies=True)


def _fit(relevance: Relevance, item: Question | Tip, plain: int) -> Fit | None:
    """
    How *item* fits the interview, or ``None`` if it does not apply or is opt-in
    content left out; *plain* (non-zero) says it applies everywhere for everyone.
    """
    if plain:
        return _FITS_ANY
    if not relevance.wanted(item):
        return None
    fit = relevance.fit(item)
    return fit if fit.applies else None


#: Runs of spaces and line breaks, but not the no-break spaces French puts before "?".
_SPACES = re.compile(r"[ \t\n\r\f\v]+")


def _one_line(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


def _quote(text: str, limit: int = 70) -> str:
    text = _one_line(text)
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _gist(text: str, limit: int) -> str:
    """*text* on one line, cut after its last whole clause (or word) within *limit*."""
    text = _one_line(text)
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    clause = max(cut.rfind(mark) for mark in (", ", "; ", ". ", ": "))
    end = clause + 1 if clause >= limit // 2 else cut.rfind(" ")
    return cut[: max(end, 1)].rstrip(" ,;:") + "…"


# -- questions to rehearse -------------------------------------------------------------------


def _weak_spots(
    library: Library, relevance: Relevance, went_badly: Sequence[str]
) -> list[Question]:
    """
    The questions that went badly, in the order given: by full id, or best text match.

    The best text match is the applicable question whose text shares the most words
    with the entry (at least half of them), the first in the order of
    :meth:`Relevance.select` among equals; only questions sharing a word are read.
    """
    index = library.questions._index
    questions = index.items
    texts = _indexes(library).texts
    found: list[Question] = []
    for entry in went_badly:
        match: Question | None = None
        position = index.lookup.get(entry.strip())
        if position is not None:
            question = questions[position]
            if (
                question.full_id == entry.strip()
                and question.asked_by == AskedBy.INTERVIEWER
                and relevance.fit(question).applies
            ):
                match = question
        if match is None:
            wanted = _terms(entry)
            shared: Counter[int] = Counter()
            for word in wanted:
                shared.update(texts.get(word, ()))
            least = max(1, len(wanted) // 2)
            for level in sorted(set(shared.values()), reverse=True):
                if level < least:
                    break
                best: tuple[int, int] | None = None
                for position in sorted(p for p, n in shared.items() if n == level):
                    fit = relevance.fit(questions[position])
                    if fit.applies and (best is None or fit.unknown < best[0]):
                        best = (fit.unknown, position)
                        if not fit.unknown:
                            break
                if best is not None:
                    match = questions[best[1]]
                    break
        if match is not None and match not in found:
            found.append(match)
    return found


#: Answer types a second round asks for most, and how much each counts when ranking.
_ROUND_TWO_TYPES: Mapping[AnswerType | None, float] = {
    AnswerType.STORY: 2.0,
    AnswerType.MOTIVATION: 2.0,
    AnswerType.HYPOTHETICAL: 1.5,
    AnswerType.KNOWLEDGE: 1.5,
    AnswerType.OPINION: 1.0,
    AnswerType.CLOSING: 1.0,
    AnswerType.SALARY: 1.0,
    AnswerType.ESTIMATION: 0.5,
    None: 1.0,
}
#: What a question written for roles the interview probably is not takes off its
#: score (see :meth:`Relevance.unlikely_role`): two interviewers' worth, so that an
#: incident before a software release is not rehearsed for an analyst's interview.
_UNLIKELY_ROLE = 8.0
#: Questions that introduce the candidate, for interviewers who are new to them.
_INTRODUCTIONS = ("tell-me-about-yourself", "walk-through-your-background")


@attrs.frozen
class _Rehearsal:
    questions: list[Question]
    askers: dict[str, str]
    reasons: dict[str, str]
    #: Why each question was chosen, as a code: ``went-badly``, ``introduction``,
    #: ``consistent``, ``posting`` or ``asker`` (the likely focus of its asker).
    why: dict[str, str]


def _rehearse(
    library: Library,
    interview: Interview,
    count: int | None,
    relevance: Relevance,
    words: Catalogue,
) -> _Rehearsal:
    """
    The questions to rehearse, who is likely to ask each, and why each was chosen.

    Each question asked during an interview scores by how many interviewers' audiences
    it suits, the words it shares with the posting, its answer type, whether it is
    written for this kind of interview or role (and less if it is written for roles
    the interview probably is not), and whether it was answered in round one
    (introductions score highest when there are new interviewers); ties go to the
    order of :meth:`Relevance.select`. The library's indexes yield them best first for
    each answer type (see :mod:`interviewprep._selection`), so only the few that can
    still be chosen are scored.
    """
    people = interview.interviewers
    audiences = {person.audience for person in people}
    posting = _posting_terms(interview.job_posting)
    indexes = _indexes(library)
    questions = library.questions._index.items
    plain = indexes.plain_questions
    # A question that went badly is rehearsed even if it is opt-in content; the
    # others only if opted in.
    weak = _weak_spots(library, relevance, interview.first_round.went_badly)
    reasons: dict[str, str] = {q.full_id: words.phrase("reason.went_badly") for q in weak}
    why: dict[str, str] = {q.full_id: "went-badly" for q in weak}
    new_people = (
        [p.name for p in people if not p.met_before] if any(p.met_before for p in people) else []
    )
    lookup = library.questions._index.lookup
    answered: set[int] = set()
    for earlier in interview.first_round.answers:
        said = " ".join(earlier.question.lower().split())
        position = lookup.get(said)
        if position is not None and questions[position].full_id == said:
            answered.add(position)
    # Questions scored apart from the others: those answered in round one, and the
    # introductions when there are new interviewers.
    special = answered | set(indexes.introductions if new_people else ())
    weak_positions = {lookup[q.full_id] for q in weak}
    skipped = special | weak_positions
    matchings: dict[frozenset[Audience | str], float | None] = {}

    def matching(suited: frozenset[Audience | str]) -> float | None:
        """How many interviewers' audiences a question suits; ``None``: none of them."""
        if suited not in matchings:
            found: float | None = len(audiences & suited) if suited else 0.5
            matchings[suited] = None if audiences and suited and not found else found
        return matchings[suited]

    def key(position: int, shared: int) -> Key | None:
        """The question's exact key: ``(-score, unknown dimensions, position)``."""
        question = questions[position]
        fit = _fit(relevance, question, plain[position])
        suits = matching(question.audiences)
        if fit is None or suits is None:
            return None
        specific = 3.0 if question.applies and not fit.unknown else 0.0
        role = 3.0 if question.pack and relevance.for_role(question) else 0.0
        earlier = position in answered
        score = (
            4 * suits
            + 1.5 * min(shared, 4)
            + 2 * _ROUND_TWO_TYPES.get(question.answer_type, 1.0)
            + specific
            + role
            + (6 if earlier else 0)
            - _UNLIKELY_ROLE * relevance.unlikely_role(question)
        )
        if question.id in _INTRODUCTIONS and new_people:
            score += 12
        return -score, fit.unknown, position

    def evaluate(position: int, shared: int) -> Key | None:
        return None if position in skipped else key(position, shared)

    # The groups of each answer type by the most their questions can score before
    # their words: by audiences and type, and what where they apply can add.
    tiers: dict[str, dict[float, list[int]]] = {}
    for kind, by_audiences in indexes.rehearse_types.items():
        tier: dict[float, list[int]] = {}
        tiers[kind] = tier
        for suited, groups in by_audiences.items():
            suits = matching(suited)
            if suits is not None:
                for index, top in groups:
                    tier.setdefault(4 * suits + top, []).append(index)

    extra: dict[str, list[tuple[Key, int]]] = {}
    for position in sorted(special - weak_positions):
        question = questions[position]
        if question.asked_by != AskedBy.INTERVIEWER or (
            question.stages and Stage.DURING not in question.stages
        ):
            continue
        exact = key(position, len(posting & _question_terms(library, question)))
        if exact is not None:
            extra.setdefault(str(question.answer_type), []).append((exact, position))
    overlap = indexes.rehearse.overlap(posting, lambda shared: 1.5 * min(shared, 4))
    # Best first, for each answer type.
    ranked_by_type = {
        kind: merged(evaluate, overlap=overlap, tiers=tiers[kind], extra=extra.get(kind, ()))
        for kind in indexes.rehearse_types
    }
    heads = {kind: next(order, None) for kind, order in ranked_by_type.items()}
    chosen: list[Question] = list(weak)
    # One introduction at most; then the best of each answer type in turn, so that
    # one type cannot crowd out the rest.
    types: Counter[str] = Counter(str(q.answer_type) for q in chosen)
    introduced = False
    while count is None or len(chosen) < count:
        live = {kind: head for kind, head in heads.items() if head is not None}
        if not live:
            break
        fewest = min(types[kind] for kind in live)
        kind = min((k for k in live if types[k] <= fewest + 1), key=lambda k: live[k][0])
        position = live[kind][1]
        heads[kind] = next(ranked_by_type[kind], None)
        question = questions[position]
        if question.id in _INTRODUCTIONS:
            if introduced:
                continue
            introduced = True
        chosen.append(question)
        shared = posting & _question_terms(library, question)
        if question.id in _INTRODUCTIONS and new_people:
            code = "introduction"
            reason = words.phrase("reason.new_interviewers", names=", ".join(new_people))
        elif position in answered:
            code, reason = "consistent", words.phrase("reason.consistent")
        elif len(shared) >= 2:
            code = "posting"
            reason = words.phrase("reason.posting", terms=", ".join(sorted(shared)[:3]))
        else:
            # Said once the asker is known: "likely from Sam Osei (peer)".
            code, reason = "asker", ""
        reasons[question.full_id] = reason
        why[question.full_id] = code
        types[kind] += 1
    askers = _askers(chosen, people)
    by_name = {person.name: person for person in people}
    for question in chosen:
        if why[question.full_id] != "asker":
            continue
        asker = by_name.get(askers.get(question.full_id, ""))
        reasons[question.full_id] = (
            words.phrase("reason.common")
            if asker is None
            else words.phrase("reason.asker", name=asker.name, audience=words.label(asker.audience))
        )
    return _Rehearsal(chosen, askers, reasons, why)


#: Who chairs a loop of interviews and so opens and closes it, in order of preference.
_CHAIRS = (Audience.HIRING_MANAGER, Audience.LINE_MANAGER)


def _chair(people: Sequence[Interviewer]) -> Interviewer | None:
    """Who chairs the interview: the hiring manager if one takes part, else the line
    manager; ``None`` when neither does."""
    for audience in _CHAIRS:
        for person in people:
            if person.audience == audience:
                return person
    return None


def _opens_or_closes(question: Question) -> bool:
    """Whether the question opens the interview (an introduction) or closes it (its
    answer type is ``closing``: "What questions do you have for us?")."""
    return question.id in _INTRODUCTIONS or question.answer_type == AnswerType.CLOSING


def _askers(questions: Sequence[Question], people: Sequence[Interviewer]) -> dict[str, str]:
    """
    Spread the questions over the interviewers whose audience suits each. The
    questions that open or close the interview go to whoever chairs it (the hiring
    manager if present, else the line manager) when they suit the chair; the others
    are given out fewest suitable interviewers first, each to the suitable
    interviewer with the fewest so far (the first of the loop among equals), so that
    a question only one of them would ask goes to that one.
    """
    if not people:
        return {}
    load: Counter[str] = Counter()
    askers: dict[str, str] = {}
    suiting = {
        question.full_id: [p for p in people if p.audience in question.audiences]
        if question.audiences
        else list(people)
        for question in questions
    }
    chair = _chair(people)
    if chair is not None:
        for question in questions:
            if _opens_or_closes(question) and chair in suiting[question.full_id]:
                askers[question.full_id] = chair.name
                load[chair.name] += 1
    for question in sorted(questions, key=lambda q: len(suiting[q.full_id]) or len(people)):
        if question.full_id in askers:
            continue
        choices = suiting[question.full_id] or list(people)
        pick = min(choices, key=lambda p: (load[p.name], people.index(p)))
        askers[question.full_id] = pick.name
        load[pick.name] += 1
    return {question.full_id: askers[question.full_id] for question in questions}


# -- questions to ask ------------------------------------------------------------------------


def _filling(inside: str, interview: Interview) -> str | None:
    """What fills the placeholder ``[inside]`` from the interview: the company or the
    role; ``None`` when the interview cannot say."""
    lowered = inside.lower()
    if "company" in lowered or "organisation" in lowered or "organization" in lowered:
        return interview.company
    if lowered in ("role", "the role", "job", "the job", "position"):
        return interview.role
    return None


def _blanks(question: Question, interview: Interview) -> bool:
    """Whether the question has a placeholder the interview cannot fill."""
    return any(
        _filling(found.group(1), interview) is None
        for found in _PLACEHOLDER.finditer(question.text)
    )


def _filled(question: Question, interview: Interview) -> Question:
    """The question with its placeholders filled from the interview; one the interview
    cannot fill stays as written, in brackets, for the candidate to fill
    ("your value of [name the value]")."""

    def fill(match: re.Match[str]) -> str:
        found = _filling(match.group(1), interview)
        return match.group(0) if found is None else found

    text = _PLACEHOLDER.sub(fill, question.text)
    return question if text == question.text else attrs.evolve(question, text=text)


#: Taken from the second part of a key, it puts a question written for the role before
#: any as good that is not, whatever their unknown dimensions (at most five).
_ROLE_FIRST = 8


def _to_ask(
    library: Library,
    interview: Interview,
    per_person: int | None,
    relevance: Relevance,
    words: Catalogue,
) -> tuple[dict[str, tuple[Question, ...]], dict[str, str]]:
    """
    Questions to ask each interviewer: those written for their audience first, then
    those for anyone; then those sharing most words with the interviewer's job title
    (by stem: "Data engineer" and data quality, engineering); then by the words they
    share with what the interview file knows (the posting, the company, the role and
    the notes from round one), those following up the round-one notes first. A
    question with a placeholder the plan cannot fill comes after every one it can.
    Ties go to those written for the role (a role pack's), then to the order of
    :meth:`Relevance.select`. No question twice.
    """
    if per_person is not None and interview.interviewers:
        # A loop leaves each interviewer time for a question or two: at most
        # _MOST_TO_ASK in all, and never fewer than two each.
        per_person = min(per_person, max(2, _MOST_TO_ASK // len(interview.interviewers)))
    indexes = _indexes(library)
    questions = library.questions._index.items
    notes = _terms(interview.first_round.notes)
    known = _posting_terms(f"{interview.job_posting} {interview.company} {interview.role}")
    known |= notes
    # The questions to ask by how many of the words they use, as bits: those using
    # at least 1, 2, ... of them, and so exactly 0, 1, 2, ... (of all the words the
    # file gives, and of the notes' words).
    asked = indexes.ask_positions

    def exactly(words_: frozenset[str], bits: WordBits) -> list[tuple[int, int]]:
        at_least = [-1, *bits.levels(words_), 0]  # -1: every question
        return [(n, at_least[n] & ~at_least[n + 1]) for n in range(len(at_least) - 1)]

    by_words = exactly(known, indexes.ask_words)
    by_notes = exactly(notes, indexes.ask_words) if notes else [(0, -1)]
    # Scores: the audience first, then the words of the interviewer's job title (by
    # `title_weight`), then the words of the notes (by `weight`), then all the words
    # shared, each weight above the most the parts after it can add; a blank the plan
    # cannot fill takes three audience weights off, below any question it can fill.
    weight = len(known) + 1
    title_weight = (len(notes) + 1) * weight
    fits: dict[int, Fit | None] = {}
    used: set[str] = set()
    result: dict[str, tuple[Question, ...]] = {}
    reasons: dict[str, str] = {}

    def stream(suited: int, count: int, bits: int, audience_weight: int) -> Stream:
        """The questions suiting the person this well and using these words (*count*:
        the title's words times `title_weight`, the notes' words times `weight`, plus
        all the words)."""
        for code in members_of(bits):
            position = asked[code]
            yield (-(suited * audience_weight + count), -_ROLE_FIRST, position), position, count

    def order(person: Interviewer) -> Iterator[tuple[Key, int]]:
        audience = str(person.audience)
        title = _title_stems(person)
        by_title = exactly(title, indexes.ask_stems) if title else [(0, -1)]
        audience_weight = (len(title) + 1) * title_weight
        streams = [
            stream(
                suited,
                titled * title_weight + followed * weight + count,
                bits & audiences & named & also,
                audience_weight,
            )
            for suited, audiences in (
                (2, indexes.ask_audiences.get(audience, 0)),
                (1, indexes.ask_anyone),
            )
            for titled, named in by_title
            for followed, also in by_notes
            for count, bits in by_words
        ]

        def evaluate(position: int, count: int) -> Key | None:
            question = questions[position]
            if question.full_id in used:
                return None
            if position not in fits:
                fits[position] = _fit(relevance, question, indexes.plain_questions[position])
            fit = fits[position]
            if fit is None:
                return None
            suited = 2 if person.audience in question.audiences else 1
            score = suited * audience_weight + count
            score -= 3 * audience_weight * _blanks(question, interview)
            role = _ROLE_FIRST if question.pack and relevance.for_role(question) else 0
            return -score, fit.unknown - role, position

        return merged(evaluate, streams=streams)

    for person in interview.interviewers:
        picked: list[Question] = []
        themes: set[str] = set()
        for _, position in order(person):
            if per_person is not None and len(picked) >= per_person:
                break
            question = questions[position]
            theme = str(question.theme) if question.theme is not None else None
            if theme is not None and theme in themes and per_person is not None:
                continue
            picked.append(question)
            if theme is not None:
                themes.add(theme)
        used.update(q.full_id for q in picked)
        label = words.label(person.audience)
        for question in picked:
            shared = sorted(known & _question_terms(library, question))
            reason = (
                words.phrase(
                    "reason.ask_known",
                    name=person.name,
                    audience=label,
                    terms=", ".join(shared[:3]),
                )
                if shared
                else words.phrase("reason.ask", name=person.name, audience=label)
            )
            reasons.setdefault(question.full_id, reason)
        result[person.name] = tuple(_filled(q, interview) for q in picked)
    return result, reasons


# -- tips ------------------------------------------------------------------------------------


def _tips(
    library: Library,
    interview: Interview,
    count: int | None,
    relevance: Relevance,
    words: Catalogue,
    weak_topics: frozenset[str] = frozenset(),
) -> tuple[list[Tip], dict[str, str]]:
    """
    The tips, those that act on this interview first: written for how it is held or
    for the candidate (format, seniority, situations, role) or for the interviewers'
    audiences, or on the topic of an answer that went badly in round one (*weak_topics*);
    then by title words shared with the posting and by stage. A tip that only names
    the regions it holds in (a general notice of the law) gains little. Ties go to the
    order of :meth:`Relevance.select`. At most two on one topic while there is room for
    others; shown in the order of their scores.
    """
    audiences = {person.audience for person in interview.interviewers}
    posting = _terms(interview.job_posting)
    indexes = _indexes(library)
    tips = library.tips._index.items

    tiers: dict[float, list[int]] = {}
    for index, group in enumerate(indexes.tips.groups):
        suited, stages, topic = group.key
        if not (suited and audiences and not suited & audiences):
            weak = _ROUND_ONE_TIP * (topic in weak_topics)
            tiers.setdefault(3 * bool(suited) + stages + weak + group.bonus, []).append(index)

    def evaluate(position: int, shared: int) -> Key | None:
        tip = tips[position]
        fit = _fit(relevance, tip, indexes.plain_tips[position])
        if fit is None:
            return None
        specific = _tip_applies_weight(tip) if tip.applies and not fit.unknown else 0.0
        role = bool(tip.pack) and relevance.for_role(tip)
        weak = _ROUND_ONE_TIP * (str(tip.topic) in weak_topics)
        score = specific + 4 * role + 3 * bool(tip.audiences) + min(shared, 3)
        score += _stages_weight(tip) + weak
        return -score, fit.unknown, position

    overlap = indexes.tips.overlap(posting, lambda shared: min(shared, 3))
    order = merged(evaluate, overlap=overlap, tiers=tiers)
    ranking: list[Tip] = []  # best first, as far as looked at

    def nth(index: int) -> Tip | None:
        while len(ranking) <= index:
            following = next(order, None)
            if following is None:
                return None
            ranking.append(tips[following[1]])
        return ranking[index]

    chosen: list[Tip] = []
    place: dict[str, int] = {}
    topics: Counter[str] = Counter()
    # At most two tips on one topic while there is room for others.
    for cap in (2, None):
        index = 0
        while count is None or len(chosen) < count:
            tip = nth(index)
            if tip is None:
                break
            index += 1
            if tip.full_id in place or (cap is not None and topics[str(tip.topic)] >= cap):
                continue
            chosen.append(tip)
            place[tip.full_id] = index
            topics[str(tip.topic)] += 1
    reasons: dict[str, str] = {}
    for tip in chosen:  # in the order chosen
        reasons[tip.full_id] = _tip_reason(tip, relevance, audiences, weak_topics, words)
    chosen.sort(key=lambda tip: place[tip.full_id])
    return chosen, reasons


def _tip_reason(
    tip: Tip,
    relevance: Relevance,
    audiences: set[Audience],
    weak_topics: frozenset[str],
    words: Catalogue,
) -> str:
    """Why a tip was chosen, by the first of its reasons that counts most."""
    if tip.applies and not relevance.fit(tip).unknown and _tip_applies_weight(tip):
        return words.phrase("reason.tip_specific")
    if tip.pack and relevance.for_role(tip):
        return words.phrase("reason.tip_role")
    if str(tip.topic) in weak_topics:
        return words.phrase("reason.tip_round_one")
    if tip.audiences:
        labels = sorted(words.label(a) for a in tip.audiences & audiences)
        return words.phrase("reason.tip_audience", audiences=", ".join(labels))
    if tip.applies and not relevance.fit(tip).unknown:
        return words.phrase("reason.tip_region")
    return words.phrase("reason.tip_general")


def _step_tips(library: Library, relevance: Relevance) -> list[Tip]:
    """
    The tips that apply among those that explain a checklist step (an item's first
    tip): all that :func:`_drafts` looks for among the tips that apply.
    """
    tips = library.tips._index.items
    return relevance.select(tips[position] for position in _indexes(library).step_tips)


# -- tasks -----------------------------------------------------------------------------------


@attrs.define
class _Draft:
    text: str
    interviewer: str | None
    source: str
    stage: Stage | str
    optional: bool
    dated: bool
    tips: tuple[str, ...]
    effort: dt.timedelta
    order: int
    #: 0: at once (promises, time off); 1: carries a priority or prepares one; 2: other
    #: essential steps; 3: optional steps; 4: closes the evening before.
    rank: int
    reason: str
    #: Where it falls in the order of preparation: its offset from the interview's
    #: start (the content's ``due``), ``None`` for what is done at once.
    offset: dt.timedelta | None = None
    #: Whether it prepares an answer that went badly (groundwork): it comes before the
    #: rework, whatever its offset.
    groundwork: bool = False
    covers: frozenset[str] = frozenset()
    fixed: dt.datetime | None = None
    earliest: dt.datetime | None = None
    latest: dt.datetime | None = None
    also: list[str] = attrs.field(factory=list)


def _own_step(
    *,
    text: str,
    source: str,
    effort: dt.timedelta,
    order: int,
    reason: str,
    now: dt.datetime,
    interview: Interview,
    rank: int = 0,
    offset: dt.timedelta | None = None,
) -> _Draft:
    """
    An essential step of the candidate's own, from now until the evening before: done
    at once (a promise, time off: rank 0, no offset), or placed by its *offset* (a
    priority's own step: rank 1).
    """
    return _Draft(
        text=text,
        interviewer=None,
        source=source,
        stage=Stage.BEFORE,
        optional=False,
        dated=False,
        tips=(),
        effort=effort,
        order=order,
        rank=rank,
        reason=reason,
        offset=offset,
        earliest=now,
        latest=interview.when - _PREPARED_BY,
    )


def _task_texts(
    item: ChecklistItem, text: str, interviewers: Sequence[Interviewer]
) -> list[tuple[str, str | None]]:
    if not item.per_interviewer or not interviewers:
        return [(text, None)]
    texts: list[tuple[str, str | None]] = []
    for person in interviewers:
        who = f"{person.name} ({person.title})" if person.title else person.name
        texts.append((f"{text} — {who}", person.name))
    return texts


def _keeps_its_time(stage: Stage | str, offset: dt.timedelta | None) -> bool:
    """Whether a step is done at a fixed time (during the interview, or on the day or
    evening before it) rather than placed in free time."""
    if stage == Stage.DURING:
        return True
    if stage in (Stage.AFTER, Stage.OFFER) or offset is None:
        return False
    return offset > -_ON_THE_DAY


def _effort_of(item: ChecklistItem, stage: Stage | str) -> dt.timedelta:
    if stage == Stage.DURING:
        return dt.timedelta(0)
    if item.effort is not None:
        return item.effort
    if _keeps_its_time(stage, item.due):
        return _QUICK_STEP
    return DEFAULT_EFFORT.get(stage, dt.timedelta(minutes=30))


def _whole_days(offset: dt.timedelta) -> int | None:
    if offset > dt.timedelta(0) and offset % dt.timedelta(days=1) == dt.timedelta(0):
        return offset.days
    return None


def _start_of_day(moment: dt.datetime) -> dt.datetime:
    return dt.datetime.combine(moment.date(), dt.time(0), tzinfo=moment.tzinfo)


def _time(
    draft: _Draft, offset: dt.timedelta | None, interview: Interview, now: dt.datetime
) -> None:
    """Set when *draft* is done: a fixed time, or a span to place it in free time."""
    when, end = interview.when, interview.end
    stage = draft.stage
    if _keeps_its_time(stage, offset):
        draft.fixed = when + (offset or dt.timedelta(0))
        return
    if offset is None:
        offset = UNDATED_OFFSETS.get(stage, dt.timedelta(days=-1))
    draft.offset = offset
    if stage in (Stage.AFTER, Stage.OFFER):
        days = _whole_days(offset) if offset >= _A_WAIT else None
        target = add_working_days(when, days) if days is not None else when + offset
        if days is not None:
            # A wait: its day, counted in working days, is the earliest it is done.
            draft.earliest = max(end, _start_of_day(target))
            draft.latest = draft.earliest + dt.timedelta(days=3)
        else:
            draft.earliest, draft.latest = end, max(end + draft.effort, target)
        return
    draft.earliest = max(now, _start_of_day(when + offset))
    draft.latest = when - _PREPARED_BY


#: The tip topic that prepares an answer of each question kind.
_GROUNDWORK_TOPICS = {
    "salary": "salary",
    "behavioral": "stories",
    "technical-depth": "technical",
    "motivational": "motivation",
}


def _weak_topics(rehearsal: _Rehearsal) -> frozenset[str]:
    """The tip topics that prepare the answers that went badly in round one."""
    return frozenset(
        _GROUNDWORK_TOPICS[str(q.kind)]
        for q in rehearsal.questions
        if rehearsal.why.get(q.full_id) == "went-badly" and str(q.kind) in _GROUNDWORK_TOPICS
    )


def _groundwork(library: Library, rehearsal: _Rehearsal) -> frozenset[str]:
    """
    The ids of the tips on the topics of the answers that went badly in round one,
    among the tips that explain a checklist step (the only ones :func:`_drafts` asks
    about).
    """
    topics = _weak_topics(rehearsal)
    tips = library.tips._index.items
    steps = (tips[position] for position in _indexes(library).step_tips)
    return frozenset(tip.id for tip in steps if str(tip.topic) in topics)


def _drafts(
    checklists: Iterable[Checklist],
    interview: Interview,
    relevance: Relevance,
    now: dt.datetime,
    words: Catalogue,
    applicable_tips: Iterable[Tip] = (),
    groundwork: frozenset[str] = frozenset(),
    time_off: tuple[dt.datetime, dt.datetime] | None = None,
    skills: Sequence[str] = (),
) -> list[_Draft]:
    """
    The drafts of every task that applies: promises first (each checked for anything
    confidential, with a reminder during the interview to be ready to walk through
    what was sent), then checklist steps and the time off work.

    A preparation step the content marks optional becomes essential when the tip that
    explains it (its first tip) applies and is written for one of the interviewers'
    audiences (a deeper technical round for a senior technical interviewer, say): the
    people the candidate will meet make it matter. A step that asks for details the
    interview already gives (see :attr:`ChecklistItem.asks_for`) is kept, as optional.
    The step practising for a deeper technical part (covering :data:`_SKILLS_FACT`)
    names the skills the posting asks for (*skills*), when it names any.

    Time off for an interview whose length is not given is booked "at least" around
    its start, to be extended once the schedule is confirmed: the essential step that
    asks for the schedule is then done at once, just before the booking.
    """
    audiences = {person.audience for person in interview.interviewers}
    chosen = {tip.id for tip in applicable_tips if tip.audiences & audiences}
    known = _known_details(interview)
    drafts: list[_Draft] = []
    order = 0
    for index, promise in enumerate(interview.first_round.promised):
        draft = _own_step(
            text=words.phrase("task.promise", promise=_one_line(promise)),
            source=f"first_round.promised[{index}]",
            effort=PROMISE_EFFORT,
            order=order,
            reason=words.phrase("reason.promise"),
            now=now,
            interview=interview,
        )
        drafts.append(draft)
        order += 1
    if interview.first_round.promised:
        draft = _Draft(
            text=words.phrase("task.walk_through_promised"),
            interviewer=None,
            source=PROMISED_WORK,
            stage=Stage.DURING,
            optional=False,
            dated=False,
            tips=(),
            effort=dt.timedelta(0),
            order=order,
            rank=2,
            reason=words.phrase("reason.promise_sent"),
        )
        _time(draft, dt.timedelta(0), interview, now)
        drafts.append(draft)
        order += 1
    schedule: _Draft | None = None
    for checklist in relevance.select(checklists):
        if checklist.formats and interview.format not in checklist.formats:
            continue
        reason = words.phrase("reason.checklist", title=" ".join(checklist.title.split()))
        for item in checklist.items:
            fit = relevance.fit(checklist, item.applies)
            if not fit.applies:
                continue
            # An item for situations the interview leaves unknown (adjustments, say)
            # is kept, as an optional step.
            optional = item.optional or bool(fit.unknown)
            why = reason
            first_tip = item.tips[0].rpartition("/")[2] if item.tips else ""
            if (
                item.optional
                and not fit.unknown
                and checklist.stage == Stage.BEFORE
                and first_tip in chosen
            ):
                optional = False
                why = words.phrase("reason.backed_by_tip")
            if item.asks_for and item.asks_for <= known:
                optional = True
                why = words.phrase("reason.already_known")
            rank = 3 if optional else 2
            if item.due is not None and -_THE_EVE < item.due <= -_ON_THE_DAY:
                rank = 4  # closes the evening before: placed after everything else
            prepares = (
                checklist.stage == Stage.BEFORE
                and first_tip in groundwork
                and not optional
                # The final run-through is not groundwork: it keeps its day.
                and (item.due is None or item.due <= -_KEEPS_ITS_DAY - dt.timedelta(days=1))
            )
            if prepares:
                rank = 1
                why = words.phrase("reason.groundwork")
            text = item.text
            if (
                skills
                and checklist.stage == Stage.BEFORE
                and _SKILLS_FACT in item.covers
                and not item.per_interviewer
            ):
                text = words.phrase("task.practise_skills", skills=", ".join(skills))
            for task_text, who in _task_texts(item, text, interview.interviewers):
                if item.names_location and interview.location.strip():
                    task_text = f"{task_text} — {' '.join(interview.location.split())}"
                draft = _Draft(
                    text=task_text,
                    interviewer=who,
                    source=f"{checklist.full_id}#{item.id}",
                    stage=checklist.stage,
                    optional=optional,
                    dated=item.due is not None,
                    tips=item.tips,
                    effort=_effort_of(item, checklist.stage),
                    order=order,
                    rank=rank,
                    reason=why,
                    groundwork=prepares,
                    covers=item.covers | checklist.covers,
                )
                _time(draft, item.due, interview, now)
                drafts.append(draft)
                order += 1
                if (
                    schedule is None
                    and "schedule" in item.asks_for
                    and checklist.stage == Stage.BEFORE
                    and not optional
                    and draft.fixed is None
                    and who is None
                ):
                    schedule = draft
    if time_off is not None:
        start, end = time_off
        key = "task.time_off" if interview.remote else "task.time_off_travel"
        if interview.duration is None:
            key += "_at_least"
            if schedule is not None:
                # Book once the schedule has been asked for: both at once, in order.
                schedule.rank, schedule.offset = 0, None
                schedule.earliest, schedule.latest = now, interview.when - _PREPARED_BY
        text = words.phrase(key, day=words.date(start.date()), start=_clock(start), end=_clock(end))
        draft = _own_step(
            text=text,
            source=TIME_OFF,
            effort=_TIME_OFF_EFFORT,
            order=order,
            reason=words.phrase("reason.time_off"),
            now=now,
            interview=interview,
        )
        drafts.append(draft)
        order += 1
    return _merge_duplicates(drafts)


def _known_details(interview: Interview) -> frozenset[str]:
    """The details an item can ask for (see :attr:`ChecklistItem.asks_for`) that the
    interview gives: every interviewer with a title, a location, its duration (the
    schedule)."""
    known = set()
    if interview.interviewers and all(p.title.strip() for p in interview.interviewers):
        known.add("interviewers")
    if interview.location.strip():
        known.add("location")
    if interview.duration is not None:
        known.add("schedule")
    return frozenset(known)


def _clock(moment: dt.datetime) -> str:
    return moment.strftime("%H:%M")


def _time_off(
    interview: Interview, availability: Availability
) -> tuple[dt.datetime, dt.datetime] | None:
    """
    The time off work the interview takes, from :data:`TIME_OFF_MARGIN` before it to as
    long after it, if the candidate is at work then: it falls on a weekday, within
    :data:`WORKING_HOURS`, and outside their free time. ``None`` otherwise.
    """
    start = interview.when
    end = interview.end
    if start.weekday() >= 5 or end.date() != start.date():
        return None
    opens, closes = (
        dt.datetime.combine(start.date(), t, tzinfo=start.tzinfo) for t in WORKING_HOURS
    )
    if end <= opens or start >= closes:
        return None
    day = _start_of_day(start)
    if any(a <= start and end <= b for a, b in availability.slots(day, day + dt.timedelta(days=1))):
        return None
    return start - TIME_OFF_MARGIN, end + TIME_OFF_MARGIN


def _merge_duplicates(drafts: list[_Draft]) -> list[_Draft]:
    """One task for tasks that say the same thing (same words, or nearly all the same)."""
    kept: list[_Draft] = []
    seen: list[tuple[frozenset[str], _Draft]] = []
    for draft in drafts:
        words = _terms(draft.text)
        twin = next(
            (
                other
                for terms, other in seen
                if other.interviewer == draft.interviewer
                and other.stage == draft.stage
                and (
                    " ".join(other.text.lower().split()) == " ".join(draft.text.lower().split())
                    or (len(words) >= 4 and len(words & terms) / len(words | terms) >= 0.8)
                )
            ),
            None,
        )
        if twin is not None:
            twin.also.append(draft.source)
            twin.optional = twin.optional and draft.optional
            continue
        kept.append(draft)
        seen.append((words, draft))
    return kept


def _sequence(draft: _Draft) -> tuple[dt.timedelta, int, int]:
    """Where a step falls in the order of preparation: by its offset, groundwork before
    the steps it prepares, then in the content's order."""
    offset = draft.offset if draft.offset is not None else -dt.timedelta(days=36500)
    return offset, 0 if draft.groundwork else 1, draft.order


def _schedule(
    drafts: list[_Draft],
    interview: Interview,
    availability: Availability,
    now: dt.datetime,
    words: Catalogue,
    time_off: tuple[dt.datetime, dt.datetime] | None = None,
) -> list[Task]:
    """
    Place the drafts: promises and the time off at once; the essential preparation in
    the order of preparation, spread evenly over the free time (see
    :meth:`Calendar.spread`); then the optional steps near their days; the steps after
    the interview in the free time after it (the time off's last half hour first).
    """
    when = interview.when
    end = interview.end
    horizon = end + _FOLLOW_UP_HORIZON
    free = sum((b - a for a, b in availability.slots(now, when - _LAST_CALL)), dt.timedelta(0))
    extra: list[tuple[dt.datetime, dt.datetime]] = []
    if free < _SHORT_NOTICE:
        extra = [(max(now, when - _LAST_CALL - dt.timedelta(hours=2)), when - _LAST_CALL)]
    if time_off is not None:
        # Time off booked for the interview runs on after it: the first notes are
        # written there, while the memory is fresh.
        extra.append((max(now, end), time_off[1]))
    calendar = Calendar(availability, now, horizon, extra, longest=LONGEST_SITTING)
    placed: dict[int, tuple[dt.datetime, bool, bool]] = {}
    before: list[_Draft] = []
    after: list[_Draft] = []
    for draft in drafts:
        if draft.fixed is not None:
            due = draft.fixed
            if due < now < when:
                due = now  # a step on the day already past: do it now
            placed[draft.order] = (due, False, False)
        elif draft.stage in (Stage.AFTER, Stage.OFFER):
            after.append(draft)
        else:
            before.append(draft)

    def place(draft: _Draft) -> None:
        """The first free time within its bounds, else earlier, else squeezed in."""
        assert draft.earliest is not None
        assert draft.latest is not None
        earliest, latest = draft.earliest, draft.latest
        start = calendar.place(Request(effort=draft.effort, earliest=earliest, latest=latest))
        if start is None and now < earliest:
            # Its day is full: the nearest earlier free time will do.
            early = Request(effort=draft.effort, earliest=now, latest=latest)
            start = calendar.place(early, latest_first=True)
        if start is None:
            # Short notice: fit it in right up to the last call.
            start = calendar.place(
                Request(effort=draft.effort, earliest=max(now, earliest), latest=when - _LAST_CALL)
            )
        if start is not None:
            placed[draft.order] = (start, True, False)
        else:
            placed[draft.order] = (max(now, min(latest, when - _LAST_CALL)), False, True)

    for draft in before:
        if draft.rank == 0:
            place(draft)
    essential = sorted((d for d in before if d.rank in (1, 2, 4)), key=_sequence)
    offsets = [d.offset for d in before if d.offset is not None]
    # Preparation starts on the day of the earliest step (a week before, say), or now.
    opens = max(now, _start_of_day(when + min(offsets))) if offsets else now
    # A step done for each interviewer is one sitting: its tasks stay together.
    units: list[list[_Draft]] = []
    for draft in essential:
        if units and draft.interviewer is not None and units[-1][0].source == draft.source:
            units[-1].append(draft)
        else:
            units.append([draft])
    requests = []
    for unit in units:
        first = unit[0]
        assert first.earliest is not None
        assert first.latest is not None
        keeps = first.offset is not None and first.offset >= -_KEEPS_ITS_DAY
        earliest = first.earliest if keeps or first.rank == 4 else min(first.earliest, opens)
        effort = sum((draft.effort for draft in unit), dt.timedelta(0))
        requests.append(Request(effort=effort, earliest=earliest, latest=first.latest))

    # What fits: every step if the time allows; else the steps carrying priorities,
    # the evening's rest, the groundwork, the last days' steps (the last first: the
    # checks of the evening before have no later chance) and then the others, each
    # taken if it still fits with those taken before; the steps taken are then done in
    # the order of preparation, spread out.
    def importance(index: int) -> tuple[int, int]:
        first = units[index][0]
        if first.rank == 1 and not first.groundwork:
            return 0, index
        if first.rank == 4:
            return 1, index
        if first.groundwork:
            return 2, index
        if first.offset is not None and first.offset >= -_KEEPS_ITS_DAY:
            return 3, -index
        return 4, index

    taken = list(range(len(units)))
    if not calendar.fits(requests):
        taken = []
        for index in sorted(taken or range(len(units)), key=importance):
            trial = sorted([*taken, index])
            if calendar.fits([requests[n] for n in trial]):
                taken = trial
    starts = calendar.spread([requests[n] for n in taken]) or []
    for index, start in zip(taken, starts, strict=True):
        unit = units[index]
        for draft in unit:
            placed[draft.order] = (start, True, False)
            start += draft.effort
        if unit[0].rank == 4:
            calendar.close(start - unit[-1].effort)
    left = [draft for n, unit in enumerate(units) if n not in taken for draft in unit]
    for draft in left:
        if draft.rank != 4:
            place(draft)  # squeezed in where it still fits, if anywhere
    for draft in sorted((d for d in before if d.rank == 3), key=_sequence):
        place(draft)
    for draft in left:
        if draft.rank == 4:
            place(draft)
    for draft in sorted(after, key=lambda d: (d.earliest or now, d.order)):
        assert draft.earliest is not None
        assert draft.latest is not None
        request = Request(effort=draft.effort, earliest=draft.earliest, latest=draft.latest)
        # Nothing free in time: the first free time after it will do.
        later = Request(effort=draft.effort, earliest=draft.earliest, latest=horizon)
        found = calendar.place(request) or calendar.place(later)
        placed[draft.order] = (found, True, False) if found else (draft.latest, False, False)
    tasks: list[tuple[dt.datetime, int, Task]] = []
    started = now >= when
    for draft in drafts:
        due, scheduled, squeezed = placed[draft.order]
        reason = words.phrase("reason.squeezed") if squeezed else draft.reason
        task = Task(
            text=draft.text,
            due=due,
            overdue=started and due < now and draft.stage not in (Stage.AFTER, Stage.OFFER),
            interviewer=draft.interviewer,
            source=draft.source,
            stage=draft.stage,
            optional=draft.optional or squeezed,
            dated=draft.dated,
            tips=draft.tips,
            effort=draft.effort,
            scheduled=scheduled,
            squeezed=squeezed,
            also=tuple(draft.also),
            reason=reason,
        )
        tasks.append((due, draft.order, task))
    tasks.sort(key=lambda entry: (entry[0], entry[1]))
    return [task for _, _, task in tasks]


# -- priorities ------------------------------------------------------------------------------


#: For each kind of priority, the guidance fact (see ``covers`` in the core pack) of the
#: preparation step that carries it out: reworking the answers that went badly (F15),
#: keeping to what was said in round one (F11), preparing an example (F19).
_PRIORITY_STEPS = {"went-badly": "F15", "consistent": "F11", "prepare": "F19"}
#: Where a step the plan makes for a priority falls in the order of preparation (as a
#: content offset) and how long it takes: an introduction once the stories are written.
_INTRODUCTION_OFFSET = -dt.timedelta(days=3)
_PRIORITY_OFFSET = -dt.timedelta(days=4)
_PRIORITY_EFFORT = dt.timedelta(minutes=30)
#: The longest round-one answer quoted in full in a priority; a longer one is cut after
#: its last whole clause within it.
_ANSWER_QUOTED = 120


@attrs.define
class _Wanted:
    """A priority while the plan is made: its kind (a code of :class:`_Rehearsal`, or
    ``promise`` or ``introduce``)."""

    priority: Priority
    kind: str


def _priorities(interview: Interview, rehearsal: _Rehearsal, words: Catalogue) -> list[_Wanted]:
    found: list[_Wanted] = []
    for index, promise in enumerate(interview.first_round.promised):
        source = f"first_round.promised[{index}]"
        priority = Priority(text=promise, reason=words.phrase("reason.promise"), source=source)
        found.append(_Wanted(priority, "promise"))
    chosen = rehearsal.questions
    for question in chosen:
        if rehearsal.why.get(question.full_id) == "went-badly":
            priority = Priority(
                text=words.phrase("priority.rework", question=_quote(question.text)),
                reason=words.phrase("reason.went_badly"),
                source=question.full_id,
            )
            found.append(_Wanted(priority, "went-badly"))
    people = interview.interviewers
    new = [p.name for p in people if not p.met_before]
    if any(p.met_before for p in people) and new:
        priority = Priority(
            text=words.phrase("priority.introduce", names=", ".join(new)),
            reason=words.phrase("reason.new_interviewers", names=", ".join(new)),
            source=INTRODUCTION,
        )
        found.append(_Wanted(priority, "introduce"))
    for question in chosen:
        if rehearsal.why.get(question.full_id) == "consistent":
            said = interview.first_round.answer_to(question.full_id)
            said = said or interview.first_round.answer_to(question.text)
            reason = (
                words.phrase("reason.consistent_said", answer=_gist(said, _ANSWER_QUOTED))
                if said
                else words.phrase("reason.consistent")
            )
            priority = Priority(
                text=words.phrase("priority.consistent", question=_quote(question.text)),
                reason=reason,
                source=question.full_id,
            )
            found.append(_Wanted(priority, "consistent"))
            break
    # What the posting stresses, then the likely focus of each interviewer, until
    # there are three priorities at least.
    ranked = sorted(chosen, key=lambda q: rehearsal.why.get(q.full_id) != "posting")
    posting = False
    for question in ranked:
        code = rehearsal.why.get(question.full_id)
        if code in ("went-badly", "consistent"):
            continue
        if code == "posting":
            if posting:
                continue
            posting = True
        elif len(found) >= 3:
            break
        priority = Priority(
            text=words.phrase("priority.prepare", question=_quote(question.text)),
            reason=rehearsal.reasons[question.full_id],
            source=question.full_id,
        )
        found.append(_Wanted(priority, "prepare"))
    return found[:MAX_PRIORITIES]


def _carry_out(
    wanted: list[_Wanted], drafts: list[_Draft], interview: Interview, now: dt.datetime
) -> list[Priority]:
    """
    Name the step that carries out each priority (:attr:`Priority.task`), making it
    essential and placing it among the first: the promise itself; the first
    preparation step covering the priority's guidance fact (:data:`_PRIORITY_STEPS`),
    an essential one if there is one; else a step of its own (the introduction for new
    interviewers, always). Groundwork comes before the rework it prepares.
    """
    preparation = [d for d in drafts if d.stage == Stage.BEFORE and d.fixed is None]
    order = max((d.order for d in drafts), default=-1) + 1
    done: list[Priority] = []
    for entry in wanted:
        priority = entry.priority
        step: _Draft | None = None
        if entry.kind == "promise":
            step = next((d for d in drafts if d.source == priority.source), None)
        fact = _PRIORITY_STEPS.get(entry.kind)
        if fact is not None:
            covering = [d for d in preparation if fact in d.covers and not d.groundwork]
            step = next((d for d in covering if not d.optional), None)
            step = step or next(iter(covering), None)
        if step is None:
            step = next((d for d in drafts if d.source == priority.source), None)
        if step is None:
            introduction = entry.kind == "introduce"
            step = _own_step(
                text=priority.text,
                source=priority.source,
                effort=_PRIORITY_EFFORT,
                order=order,
                reason=priority.reason,
                now=now,
                interview=interview,
                rank=1,
                offset=_INTRODUCTION_OFFSET if introduction else _PRIORITY_OFFSET,
            )
            drafts.append(step)
            preparation.append(step)
            order += 1
        if step.optional:
            step.optional = False
            step.rank = 2
        if step.rank == 2:
            step.rank = 1
        if entry.kind == "went-badly" and step.offset is not None:
            # Groundwork comes just before the rework it prepares.
            for draft in preparation:
                if draft.groundwork and draft.offset is not None:
                    draft.offset = min(draft.offset, step.offset)
        done.append(attrs.evolve(priority, task=step.source))
    return done


# -- the plan --------------------------------------------------------------------------------


def build_plan(
    library: Library,
    interview: Interview,
    *,
    today: dt.date | dt.datetime,
    rehearse: int | None = 8,
    questions_per_interviewer: int | None = 3,
    tips: int | None = 6,
    availability: Availability | str | None = None,
    opt_in: Iterable[str] = (),
    brief: bool = True,
) -> PrepPlan:
    """
    Build a short, prioritised, scheduled preparation plan for one interview.

    See the module's documentation for the rules: what is chosen, in what order,
    and how tasks are placed in the candidate's free time.

    Args:
        library: The loaded content.
        interview: The interview to prepare for.
        today: The day (or moment) the plan is made. A datetime must be aware
            exactly when the interview's time is.
        rehearse: How many questions to rehearse at most (weak spots from round one
            are always included); ``None`` for every one that applies.
        questions_per_interviewer: How many questions to ask each interviewer at
            most; ``None`` for every suitable one.
        tips: How many tips at most; ``None`` for every one that applies.
        availability: When the candidate is free to prepare: an
            :class:`~interviewprep.Availability` or its text (``"any time"``);
            by default the interview's, else weekday evenings and weekend daytime.
        opt_in: Opt-in tags whose items to include (``["brainteaser"]``); see
            :data:`interviewprep.OPT_IN_TAGS`.
        brief: Whether renderers print only the essential steps (the optional ones
            are counted, and stay in the plan's tasks); see :attr:`PrepPlan.brief`.

    Returns:
        The plan.

    Raises:
        TypeError: If *library*, *interview* or *today* is of the wrong type (a
            date given as a string: parse it with ``datetime.date.fromisoformat``).
        ValueError: If *today* is a datetime whose awareness differs from the
            interview's time, or a limit is negative.
        ValidationError: If *availability* is text that cannot be read.
    """
    _check_arguments(library, interview, today)
    for name, value in (
        ("rehearse", rehearse),
        ("questions_per_interviewer", questions_per_interviewer),
        ("tips", tips),
    ):
        _limit(name, value)
    free = _availability(availability, interview)
    now = _now(today, interview.when)
    words = library.catalogue
    relevance = Relevance(library, interview, opt_in)
    rehearsal = _rehearse(library, interview, rehearse, relevance, words)
    to_ask, ask_reasons = _to_ask(library, interview, questions_per_interviewer, relevance, words)
    weak_topics = _weak_topics(rehearsal)
    chosen_tips, tip_reasons = _tips(library, interview, tips, relevance, words, weak_topics)
    time_off = _time_off(interview, free)
    drafts = _drafts(
        library.checklists,
        interview,
        relevance,
        now,
        words,
        _step_tips(library, relevance),
        _groundwork(library, rehearsal),
        time_off,
        _skills(library, interview, relevance),
    )
    priorities = _carry_out(_priorities(interview, rehearsal, words), drafts, interview, now)
    tasks = _schedule(drafts, interview, free, now, words, time_off)
    day = today.date() if isinstance(today, dt.datetime) else today
    return PrepPlan(
        interview=interview,
        today=day,
        tasks=tuple(tasks),
        questions_to_rehearse=tuple(rehearsal.questions),
        questions_to_ask=to_ask,
        tips=tuple(chosen_tips),
        priorities=tuple(priorities),
        availability=free,
        askers=rehearsal.askers,
        reasons={**rehearsal.reasons, **ask_reasons, **tip_reasons},
        brief=brief,
    )
