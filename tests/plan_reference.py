"""
The selection of plans as it was before the library's indexes chose it: every item
scored and sorted, in plain loops. Tests swap these functions into ``_planning`` and
check that plans come out exactly the same (see tests/test_plan_selection.py).

Copied from src/interviewprep/_planning.py as of the commit before the indexes;
change it only to follow a deliberate change of the selection rules.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

import attrs

from interviewprep._interview import Interview
from interviewprep._matching import Relevance
from interviewprep._model import Question, Tip
from interviewprep._planning import (
    _GROUNDWORK_TOPICS,
    _INTRODUCTIONS,
    _MOST_TO_ASK,
    _ROUND_ONE_TIP,
    _ROUND_TWO_TYPES,
    _UNLIKELY_ROLE,
    _askers,
    _blanks,
    _filled,
    _posting_terms,
    _Rehearsal,
    _short_tags,
    _stems_of,
    _terms,
    _tip_applies_weight,
    _tip_reason,
    _title_stems,
)
from interviewprep._vocabulary import AskedBy, Stage

if TYPE_CHECKING:
    from interviewprep._catalogue import Catalogue
    from interviewprep._library import Library


@attrs.define
class _Choice:
    question: Question
    score: float
    reason: str
    why: str


def _question_terms(library: Library, question: Question) -> frozenset[str]:
    points = " ".join(f"{point.label} {' '.join(point.cues)}" for point in question.talking_points)
    tags = " ".join(question.tags)
    return _terms(f"{question.text} {tags} {points}") | _short_tags(question)


def _step_tips(library: Library, relevance: Relevance) -> list[Tip]:
    """What build_plan gave _drafts: every tip that applies."""
    return relevance.select(library.tips)


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
    library: Library,
    interview: Interview,
    count: int | None,
    relevance: Relevance,
    words: Catalogue,
) -> _Rehearsal:
    """The questions to rehearse, who is likely to ask each, and why each was chosen."""
    people = interview.interviewers
    audiences = {person.audience for person in people}
    posting = _posting_terms(interview.job_posting)
    # Applicability is worked out once; a question that went badly is rehearsed even
    # if it is opt-in content, the others only if opted in.
    applicable = relevance.select(
        library.questions.filter(asked_by=AskedBy.INTERVIEWER), opted_in=True
    )
    asked = [q for q in applicable if relevance.wanted(q)]
    weak = _weak_spots(applicable, interview.first_round.went_badly)
    reasons: dict[str, str] = {q.full_id: words.phrase("reason.went_badly") for q in weak}
    why: dict[str, str] = {q.full_id: "went-badly" for q in weak}
    new_people = (
        [p.name for p in people if not p.met_before] if any(p.met_before for p in people) else []
    )
    scored: list[tuple[float, int, _Choice]] = []
    for position, question in enumerate(asked):
        if question in weak or (question.stages and Stage.DURING not in question.stages):
            continue
        matching = len(audiences & question.audiences) if question.audiences else 0.5
        if audiences and question.audiences and not matching:
            continue
        overlap = posting & _question_terms(library, question)
        fit = relevance.fit(question)
        specific = 3.0 if question.applies and not fit.unknown else 0.0
        role = 3.0 if question.pack and relevance.for_role(question) else 0.0
        earlier = interview.first_round.answer_to(question.full_id) is not None
        score = (
            4 * matching
            + 1.5 * min(len(overlap), 4)
            + 2 * _ROUND_TWO_TYPES.get(question.answer_type, 1.0)
            + specific
            + role
            + (6 if earlier else 0)
            - _UNLIKELY_ROLE * relevance.unlikely_role(question)
        )
        if question.id in _INTRODUCTIONS and new_people:
            score += 12
            code = "introduction"
            reason = words.phrase("reason.new_interviewers", names=", ".join(new_people))
        elif earlier:
            code, reason = "consistent", words.phrase("reason.consistent")
        elif len(overlap) >= 2:
            code = "posting"
            reason = words.phrase("reason.posting", terms=", ".join(sorted(overlap)[:3]))
        else:
            # Said once the asker is known: "likely from Sam Osei (peer)".
            code, reason = "asker", ""
        scored.append((-score, position, _Choice(question, score, reason, code)))
    scored.sort(key=lambda entry: (entry[0], entry[1]))
    chosen: list[Question] = list(weak)
    # One introduction at most; then the best of each answer type in turn, so that
    # one type cannot crowd out the rest.
    types: Counter[str] = Counter(str(q.answer_type) for q in chosen)
    rest = [choice for _, _, choice in scored]
    introduced = False
    while rest and (count is None or len(chosen) < count):
        fewest = min(types[str(c.question.answer_type)] for c in rest)
        pick = next(c for c in rest if types[str(c.question.answer_type)] <= fewest + 1)
        rest.remove(pick)
        if pick.question.id in _INTRODUCTIONS:
            if introduced:
                continue
            introduced = True
        chosen.append(pick.question)
        reasons[pick.question.full_id] = pick.reason
        why[pick.question.full_id] = pick.why
        types[str(pick.question.answer_type)] += 1
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


def _to_ask(
    library: Library,
    interview: Interview,
    per_person: int | None,
    relevance: Relevance,
    words: Catalogue,
) -> tuple[dict[str, tuple[Question, ...]], dict[str, str]]:
    if per_person is not None and interview.interviewers:
        # A loop leaves each interviewer time for a question or two: at most
        # _MOST_TO_ASK in all, and never fewer than two each.
        per_person = min(per_person, max(2, _MOST_TO_ASK // len(interview.interviewers)))
    candidates = relevance.select(library.questions.filter(asked_by=AskedBy.CANDIDATE))
    notes = _terms(interview.first_round.notes)
    known = _posting_terms(f"{interview.job_posting} {interview.company} {interview.role}")
    known |= notes
    used: set[str] = set()
    result: dict[str, tuple[Question, ...]] = {}
    reasons: dict[str, str] = {}
    for person in interview.interviewers:
        ranked = sorted(
            (
                (
                    # A blank the plan cannot fill puts a question after every one it
                    # can; then the audience, the words of the notes, all the words.
                    _blanks(q, interview),
                    -(2 if person.audience in q.audiences else 1 if not q.audiences else 0),
                    # Then the words of the interviewer's job title, by stem.
                    -len(_title_stems(person) & _stems_of(_question_terms(library, q))),
                    -len(notes & _question_terms(library, q)),
                    -len(known & _question_terms(library, q)),
                    # Then those written for the role.
                    -(bool(q.pack) and relevance.for_role(q)),
                    position,
                    q,
                )
                for position, q in enumerate(candidates)
                if q.full_id not in used and (not q.audiences or person.audience in q.audiences)
            ),
            key=lambda entry: entry[:7],
        )
        picked: list[Question] = []
        themes: set[str] = set()
        for *_, question in ranked:
            if per_person is not None and len(picked) >= per_person:
                break
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
    audiences = {person.audience for person in interview.interviewers}
    posting = _terms(interview.job_posting)
    scored: list[tuple[float, int, Tip, str]] = []
    for position, tip in enumerate(relevance.select(library.tips)):
        fit = relevance.fit(tip)
        if tip.audiences and audiences and not tip.audiences & audiences:
            continue
        specific = _tip_applies_weight(tip) if tip.applies and not fit.unknown else 0.0
        role = bool(tip.pack) and relevance.for_role(tip)
        overlap = len(posting & _terms(tip.title))
        stages = 1.0 if not tip.stages or {Stage.BEFORE, Stage.DURING} & tip.stages else 0.0
        weak = _ROUND_ONE_TIP if str(tip.topic) in weak_topics else 0.0
        score = specific + 4 * role + 3 * bool(tip.audiences) + min(overlap, 3) + stages + weak
        reason = _tip_reason(tip, relevance, audiences, weak_topics, words)
        scored.append((-score, position, tip, reason))
    scored.sort(key=lambda entry: (entry[0], entry[1]))
    chosen: list[Tip] = []
    reasons: dict[str, str] = {}
    topics: Counter[str] = Counter()
    # At most two tips on one topic while there is room for others.
    for cap in (2, None):
        for _, _, tip, reason in scored:
            if count is not None and len(chosen) >= count:
                break
            if tip in chosen or (cap is not None and topics[str(tip.topic)] >= cap):
                continue
            chosen.append(tip)
            reasons[tip.full_id] = reason
            topics[str(tip.topic)] += 1
    order = {tip.full_id: n for n, (_, _, tip, _) in enumerate(scored)}
    chosen.sort(key=lambda tip: order[tip.full_id])
    return chosen, reasons


# -- tasks -----------------------------------------------------------------------------------


def _groundwork(library: Library, rehearsal: _Rehearsal) -> frozenset[str]:
    """The ids of the tips on the topics of the answers that went badly in round one."""
    topics = {
        _GROUNDWORK_TOPICS.get(str(q.kind))
        for q in rehearsal.questions
        if rehearsal.why.get(q.full_id) == "went-badly"
    }
    return frozenset(tip.id for tip in library.tips if str(tip.topic) in topics)
