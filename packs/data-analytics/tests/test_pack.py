"""The pack's own tests: the interviewprep pytest plugin checks it in one line, and the
rest checks what this pack promises (counts, answers with substance, its scope)."""

from __future__ import annotations

import datetime as dt
import re
from importlib.metadata import entry_points
from pathlib import Path

import pytest

from interviewprep import (
    PACKS_GROUP,
    AskedBy,
    Interview,
    Pack,
    build_plan,
    find_signals,
    load_library,
    load_pack,
)
from interviewprep.pytest_plugin import copied_runs, scored_share, sentences, stacked_anchors

NAME = "data-analytics"
FOLDER = Path(__file__).parent.parent / "src" / "interviewprep_data_analytics"
INSTALLED = any(entry.name == NAME for entry in entry_points(group=PACKS_GROUP))
#: The automatic scorers a criterion of this pack may name.
SCORERS = {
    "talking-points",
    "red-flags",
    "relevance",
    "speaking-time",
    "star-structure",
    "evidence",
    "ownership",
    "consistency",
    "open-question",
    "reasoning-steps",
}
CORE_RUBRICS = {
    "core/star-answer",
    "core/motivation-fit",
    "core/questions-you-ask",
    "core/salary-conversation",
}


@pytest.fixture(scope="module")
def pack() -> Pack:
    return load_pack(FOLDER)


def words(text: str) -> list[str]:
    return re.findall(r"[A-Za-z0-9][A-Za-z0-9'%-]*", text)


@pytest.mark.skipif(not INSTALLED, reason=f"the {NAME} pack is not installed (pip install it)")
def test_installed_pack_is_valid(check_pack):
    """The installed pack loads, resolves against what it requires, and round-trips."""
    check_pack(NAME)


def test_source_folder_is_valid(check_pack):
    """The pack folder in this repository passes the same checks before it is installed."""
    check_pack(FOLDER)


class TestContent:
    def test_counts(self, pack: Pack) -> None:
        """At least 20 questions for the candidate, 3 to ask, 10 tips and one rubric."""
        asked = [q for q in pack.questions if q.asked_by is AskedBy.INTERVIEWER]
        to_ask = [q for q in pack.questions if q.asked_by is AskedBy.CANDIDATE]
        assert len(asked) >= 20
        assert len(to_ask) >= 3
        assert len(pack.tips) >= 10
        assert [r.id for r in pack.rubrics] == ["analysis-answer"]

    def test_questions_asked_have_substance(self, pack: Pack) -> None:
        """Each question asked of the candidate has an answer type, 3-5 talking points,
        2-4 red flags with 4-10 cues each, a rubric, 1-3 follow-ups and guidance of
        60-120 words."""
        for question in pack.questions:
            if question.asked_by is not AskedBy.INTERVIEWER:
                continue
            assert question.answer_type is not None, question.id
            assert 3 <= len(question.talking_points) <= 5, question.id
            assert 2 <= len(question.red_flags) <= 4, question.id
            for signal in (*question.talking_points, *question.red_flags):
                assert 4 <= len(signal.cues) <= 10, (question.id, signal.id)
            assert question.rubric in {"analysis-answer", *CORE_RUBRICS}, question.id
            assert 1 <= len(question.follow_ups) <= 3, question.id
            assert question.pitfalls, question.id
            assert 60 <= len(words(question.guidance)) <= 120, question.id
            assert [stage.value for stage in question.stages] == ["during"], question.id

    def test_stories_use_the_star_rubric(self, pack: Pack) -> None:
        """Stories are rated as stories, motivation as motivation."""
        for question in pack.questions:
            if question.answer_type is not None and question.answer_type.value == "story":
                assert question.rubric == "core/star-answer", question.id
            if question.answer_type is not None and question.answer_type.value == "motivation":
                assert question.rubric == "core/motivation-fit", question.id

    def test_questions_to_ask(self, pack: Pack) -> None:
        """The candidate's questions have a theme and the core questions-you-ask rubric."""
        for question in pack.questions:
            if question.asked_by is AskedBy.CANDIDATE:
                assert question.theme is not None, question.id
                assert question.rubric == "core/questions-you-ask", question.id

    def test_tip_bodies(self, pack: Pack) -> None:
        """Each tip body has 60-140 words."""
        for tip in pack.tips:
            assert 60 <= len(words(tip.body)) <= 140, tip.id

    def test_sentences_are_short(self, pack: Pack) -> None:
        """No sentence runs past 45 words; the average stays under 22."""
        texts = [t.body for t in pack.tips] + [q.guidance for q in pack.questions]
        found = [s for text in texts for s in sentences(text)]
        assert [s for s in found if len(s.split()) > 45] == []
        assert sum(len(s.split()) for s in found) / len(found) < 22

    def test_no_text_shared_between_items(self, pack: Pack) -> None:
        """No run of 12 words appears in two different items."""
        texts = [(t.id, t.body) for t in pack.tips] + [(q.id, q.guidance) for q in pack.questions]
        assert copied_runs(texts) == []


#: Strong spoken answers that once set off red flags meant for weak ones, and a weak
#: answer for each that must still be caught: (question id, strong answer, weak answer).
SPOKEN = [
    (
        "join-returns-too-many-rows",
        "The customer table has more than one row per customer. I group by customer id, "
        "compare the totals, aggregate before the join, and check the result looks right.",
        "I would just add distinct and move on, it looks about right.",
    ),
    (
        "latest-order-and-gap",
        "The obvious approach is group by with max, but that loses the previous order. So "
        "I partition by customer, and for each row lag gives the previous order date.",
        "That's easy, I would loop over the customers.",
    ),
    (
        "check-numbers-before-sending",
        "I eyeball the trend, then a colleague reviews my SQL. You don't need to check "
        "every row, but the totals must tie out with finance.",
        "I never make mistakes, a quick glance is enough.",
    ),
    (
        "stop-the-test-early",
        "Peeking makes a false positive more likely, so let's wait for the end date before "
        "we ship it.",
        "Let's ship it, that's good enough.",
    ),
    (
        "explain-significance-to-sales",
        "If the new script changed nothing, a gap this big would rarely happen by chance. "
        "It does not mean there is a 95% chance that it is true.",
        "It means 95% chance the new script works.",
    ),
    (
        "take-home-debrief",
        "The brief didn't say whether refunds count, so I assumed they don't and said so.",
        "As I already said, I wouldn't change anything.",
    ),
    (
        "decision-your-analysis-changed",
        "The exact figure is confidential, but it was a double-digit share of revenue, and "
        "the talks between us and finance led them to stop the campaign.",
        "Off the record, revenue was 4.2 million.",
    ),
    (
        "helped-a-junior-analyst",
        "I made them a checklist, we paired on a real task, and now she writes it on her own.",
        "Thanks to me she got promoted.",
    ),
]


@pytest.mark.parametrize(("question_id", "strong", "weak"), SPOKEN, ids=[s[0] for s in SPOKEN])
def test_red_flags_spare_strong_answers(
    pack: Pack, question_id: str, strong: str, weak: str
) -> None:
    """Red-flag cues fire on a weak spoken answer, not on a strong one that uses the
    same words in a good sense."""
    [question] = [q for q in pack.questions if q.id == question_id]
    assert [m.signal.id for m in find_signals(strong, question.red_flags) if m.found] == []
    assert any(m.found for m in find_signals(weak, question.red_flags))


class TestRubric:
    def test_anchors_describe_one_behaviour(self, pack: Pack) -> None:
        """Every anchor is one sentence of at most 30 words, with no semicolon and at most
        one 'and'; every criterion has four levels."""
        for rubric in pack.rubrics:
            for criterion in rubric.criteria:
                assert [level.score for level in criterion.levels] == [1, 2, 3, 4]
        assert stacked_anchors(pack.rubrics) == []

    def test_scorers_cover_most_of_the_weight(self, pack: Pack) -> None:
        """Automatic scorers cover at least 60% of the weight; filler is never used."""
        for rubric in pack.rubrics:
            assert scored_share(rubric) >= 0.6
            assert {c.scorer for c in rubric.criteria if c.scorer} <= SCORERS

    def test_fluency_is_not_rated(self, pack: Pack) -> None:
        """No anchor rates accent, fluency, fillers or pauses."""
        for rubric in pack.rubrics:
            for criterion in rubric.criteria:
                for level in criterion.levels:
                    assert not re.search(
                        r"accent|fluen|filler|pause|um\b|eye contact", level.anchor, re.I
                    ), level.anchor


class TestScope:
    WHEN = dt.datetime(2026, 12, 3, 10, 0, tzinfo=dt.UTC)

    def plan_tips(self, role: str, posting: str = "") -> set[str]:
        library = load_library(paths=[FOLDER])
        interview = Interview(
            company="Northwind Traders", role=role, when=self.WHEN, job_posting=posting
        )
        plan = build_plan(library, interview, today=self.WHEN.date() - dt.timedelta(days=7))
        return {tip.pack for tip in plan.tips}

    def test_scope_words(self, pack: Pack) -> None:
        """The pack is scoped to data analytics."""
        [scope] = pack.info.scope
        assert scope.id == NAME
        assert "data analyst" in scope.words

    def test_recognises_a_senior_data_analyst(self) -> None:
        """A 'Senior data analyst' interview gets this pack's tips."""
        assert NAME in self.plan_tips("Senior data analyst")

    def test_recognises_other_data_roles(self) -> None:
        """BI analysts, analytics engineers and junior data scientists are recognised."""
        for role in ("BI analyst", "Analytics engineer", "Junior data scientist"):
            assert NAME in self.plan_tips(role), role

    def test_leaves_out_engineers_who_mention_sql(self) -> None:
        """A backend role whose posting mentions SQL and dashboards is not taken for analytics."""
        posting = "You will own our SQL databases and the Grafana dashboards for on-call."
        assert NAME not in self.plan_tips("Backend developer", posting)
