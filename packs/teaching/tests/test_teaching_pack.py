"""
The pack's own tests: the interviewprep pytest plugin checks it in one line, and the
content checks below hold it to the project's rules for questions and rubrics.

The module has a name of its own (not ``test_pack.py``) so that this folder and another
pack's tests can run in one pytest session.
"""

from __future__ import annotations

import re
import tomllib
from importlib import metadata
from pathlib import Path

import pytest

from interviewprep import AskedBy, Pack, find_signals, load_pack
from interviewprep.pytest_plugin import copied_runs, scored_share, sentences, stacked_anchors

ROOT = Path(__file__).parent.parent
FOLDER = ROOT / "src" / "interviewprep_teaching"
DISTRIBUTION = "interviewprep-teaching"
VERSION = "1.1.0"

#: The rubric each answer type is rated with, unless the pack's own rubric rates it.
RUBRIC_FOR = {
    "story": "core/star-answer",
    "hypothetical": "core/situational-judgement",
    "motivation": "core/motivation-fit",
    "opinion": "core/ideas-and-opinions",
    "estimation": "core/estimation-case",
    "salary": "core/salary-conversation",
    "closing": "core/closing-statement",
    "knowledge": "core/knowledge-explanation",
}
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
#: The answer types the pack's own rubrics rate. The rubrics list no answer_types, so
#: that the core pack's rubric stays the library's default for every type.
OWN_RUBRIC_TYPES = {"teaching-scenario": {"hypothetical", "knowledge", "opinion"}}
#: Words too common to show anything on their own in a spoken answer.
TOO_COMMON = {"i", "we", "the", "a", "and", "it", "work", "team", "job", "do", "did", "so"}
#: Ids of version 1.0.0: translations and plans refer to them, so none may disappear.
IDS_1_0 = {
    "tips": {
        "ask-who-you-will-meet-on-the-day",
        "ask-for-the-lesson-brief",
        "refresh-safeguarding-procedures",
        "speak-the-school-behaviour-language",
        "study-the-school-priorities",
        "plan-the-lesson-around-one-outcome",
        "print-plans-for-observers",
        "use-names-from-the-first-minute",
        "reflect-honestly-on-your-lesson",
        "be-yourself-with-the-student-panel",
        "show-heads-and-governors-the-whole-picture",
        "bank-classroom-stories",
        "make-assessment-answers-concrete",
        "treat-the-tour-as-two-way",
        "prepare-questions-for-each-panel",
        "decide-before-the-offer-call",
        "thank-the-school-and-ask-for-feedback",
    },
    "questions": {
        "how-did-your-lesson-go",
        "student-discloses-a-concern",
        "concern-about-a-colleague",
        "student-refuses-to-move-seats",
        "student-being-picked-on",
        "adapt-for-a-mixed-class",
        "checking-for-understanding",
        "plan-a-unit-of-lessons",
        "busy-term-workload",
        "angry-parent-email",
        "worked-with-a-colleague-for-a-student",
        "lesson-that-went-wrong",
        "why-teach-at-this-school",
        "how-students-would-describe-you",
        "contribution-beyond-the-classroom",
        "teaching-career-in-five-years",
        "what-did-you-notice-today",
        "ask-about-induction-and-mentoring",
        "ask-about-curriculum-planning",
        "ask-about-teacher-workload",
        "ask-about-behaviour-support",
        "ask-about-professional-development",
        "ask-what-a-successful-first-year-looks-like",
    },
    "rubrics": {"teaching-scenario"},
}
#: Items that rest on English law, guidance or custom: they apply to the region gb only.
ENGLAND_ONLY = {
    "tips": {
        "refresh-safeguarding-procedures",
        "study-the-school-priorities",
        "expect-safer-recruitment-checks",
        "ask-how-ect-induction-will-run",
        "be-yourself-with-the-student-panel",
        "show-heads-and-governors-the-whole-picture",
        "decide-before-the-offer-call",
    },
    "questions": {
        "student-discloses-a-concern",
        "your-safeguarding-responsibilities",
        "concern-about-a-colleague",
        "student-being-picked-on",
    },
}
#: Words that show an item rests on English guidance or custom.
ENGLISH_TERMS = re.compile(
    r"Keeping Children Safe|KCSIE|Ofsted|LADO|early career teacher|Teachers' Standards|"
    r"\bTLR\b|\bDBS\b|main or upper pay range|designated safeguarding lead",
    re.IGNORECASE,
)


#: Spoken answers, one strong and one weak, for questions where the cues matter most.
#: A strong answer covers at least three quarters of the talking points and shows no red
#: flag; a weak one shows at least one.
SPOKEN = {
    "student-discloses-a-concern": (
        (
            "I'd listen calmly and let them talk, without leading questions, and reassure "
            "them they were right to tell me. I'd explain kindly that I can't keep it secret "
            "because I need to tell someone who can help. Straight afterwards I'd write down "
            "what they said in their own words, with the date and time, and report it to the "
            "designated safeguarding lead the same day, or the deputy if the DSL is out. If "
            "the child was in immediate danger I'd call the police. I wouldn't investigate or "
            "contact the parents myself."
        ),
        (
            "I'd promise to keep it between us so they trust me. Then I'd call the parents to "
            "get the full story, and maybe wait until the end of the week."
        ),
    ),
    "student-refuses-to-move-seats": (
        (
            "I'd start with a look and stand near them, then use his name and a quiet "
            "reminder. I'd ask him privately to move and walk away to give him take-up time. "
            "If he still refused, I'd calmly give him the choice and the consequence under "
            "the behaviour policy, and log it. After the lesson I'd talk to him one to one to "
            "repair things and find out why."
        ),
        (
            "I'd shout and make an example of him in front of everyone. I'd use my own "
            "system, a whole class detention."
        ),
    ),
    "concern-about-a-colleague": (
        (
            "I'd take it seriously as a safeguarding concern, even if the colleague is "
            "popular. I'd write down the facts of what I saw, with dates, keep it "
            "confidential, and report it to the head teacher as the staff code of conduct "
            "says. If it was about the head I'd go to the chair of governors, and if nothing "
            "happened I'd use whistleblowing or the LADO."
        ),
        ("I'd have a quiet word with them first. They're probably innocent, just being kind."),
    ),
    "how-did-your-lesson-go": (
        (
            "Most students reached the learning outcome: on the mini whiteboards about twenty "
            "of twenty-six could explain it with evidence. The modelling worked well. Next "
            "time I'd cut the second example, because the independent task was rushed. One "
            "student at the back needed more support. In the next lesson I'd build on the "
            "exit tickets."
        ),
        ("It went perfectly, exactly as planned, nothing to change."),
    ),
}


@pytest.fixture(scope="module")
def pack() -> Pack:
    return load_pack(FOLDER)


def asked(pack: Pack) -> list:
    return [q for q in pack.questions if q.asked_by == AskedBy.INTERVIEWER]


def installed() -> bool:
    try:
        metadata.distribution(DISTRIBUTION)
    except metadata.PackageNotFoundError:
        return False
    return True


@pytest.mark.skipif(not installed(), reason=f"{DISTRIBUTION} is not installed")
def test_installed_pack_is_valid(check_pack):
    """The installed pack loads, resolves against what it requires, and round-trips."""
    check_pack("teaching")


def test_source_folder_is_valid(check_pack):
    """The pack folder in this repository passes the same checks before it is installed."""
    check_pack(FOLDER)


def test_version(pack: Pack) -> None:
    """pack.toml and pyproject.toml give the same version."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    assert str(pack.info.version) == project["version"] == VERSION


def test_no_id_of_version_1_0_is_gone(pack: Pack) -> None:
    for kind, ids in IDS_1_0.items():
        assert ids <= {item.id for item in getattr(pack, kind)}, kind


class TestQuestions:
    def test_answer_type_and_its_rubric(self, pack: Pack) -> None:
        """Each question asked names an answer type and a rubric that rates it."""
        own = OWN_RUBRIC_TYPES
        assert set(own) == {r.id for r in pack.rubrics}
        for question in asked(pack):
            kind = question.answer_type
            assert kind is not None, question.id
            rubric = question.rubric
            assert rubric is not None, question.id
            if rubric in own:
                assert kind.value in own[rubric], question.id
            else:
                assert rubric == RUBRIC_FOR[kind.value], question.id

    def test_talking_points_and_red_flags(self, pack: Pack) -> None:
        """3-5 talking points and 2-4 red flags, each with 4-10 telling cues."""
        for question in asked(pack):
            assert 3 <= len(question.talking_points) <= 5, question.id
            assert 2 <= len(question.red_flags) <= 4, question.id
            for signal in (*question.talking_points, *question.red_flags):
                where = f"{question.id}/{signal.id}"
                assert signal.label.strip(), where
                assert 4 <= len(signal.cues) <= 10, where
                assert len({c.lower() for c in signal.cues}) == len(signal.cues), where
                assert not {c.lower() for c in signal.cues} & TOO_COMMON, where

    def test_questions_to_ask_use_their_rubric(self, pack: Pack) -> None:
        for question in pack.questions:
            if question.asked_by == AskedBy.CANDIDATE:
                assert question.rubric == "core/questions-you-ask", question.id

    def test_new_items(self, pack: Pack) -> None:
        """The England-specific additions are there."""
        assert {"expect-safer-recruitment-checks", "ask-how-ect-induction-will-run"} <= {
            t.id for t in pack.tips
        }
        assert "your-safeguarding-responsibilities" in {q.id for q in pack.questions}


@pytest.mark.parametrize("question_id", sorted(SPOKEN))
def test_cues_in_spoken_answers(pack: Pack, question_id: str) -> None:
    """Strong answers meet the talking points and no red flag; weak ones trip a red flag."""
    question = next(q for q in pack.questions if q.id == question_id)
    strong, weak = SPOKEN[question_id]
    covered = [m for m in find_signals(strong, question.talking_points) if m.found]
    assert len(covered) >= 0.75 * len(question.talking_points)
    assert [m.evidence for m in find_signals(strong, question.red_flags) if m.found] == []
    assert any(m.found for m in find_signals(weak, question.red_flags))


class TestRubric:
    def test_anchors_describe_one_behaviour(self, pack: Pack) -> None:
        """One sentence of at most 30 words, no semicolon, at most one 'and'."""
        assert stacked_anchors(pack.rubrics) == []

    def test_anchors_are_fair(self, pack: Pack) -> None:
        """No anchor rates accent, fluency or hesitation."""
        unfair = re.compile(
            r"\b(accent|fluen|articulat|hesitat|stammer|stutter|native\b)", re.IGNORECASE
        )
        for rubric in pack.rubrics:
            for criterion in rubric.criteria:
                for level in criterion.levels:
                    assert not unfair.search(level.anchor), f"{rubric.id}/{criterion.id}"

    def test_scorers(self, pack: Pack) -> None:
        """Known scorers, never filler, on at least 60% of the weight; no answer_types."""
        for rubric in pack.rubrics:
            assert not rubric.answer_types, rubric.id
            assert scored_share(rubric) >= 0.6, rubric.id
            for criterion in rubric.criteria:
                assert criterion.scorer is None or criterion.scorer in SCORERS, criterion.id


class TestReadability:
    def test_tip_bodies(self, pack: Pack) -> None:
        lengths = {t.id: len(t.body.split()) for t in pack.tips}
        assert {k: n for k, n in lengths.items() if not 40 <= n <= 150} == {}

    def test_sentences_are_short(self, pack: Pack) -> None:
        """No sentence over 45 words; the average stays under 22."""
        texts = [t.body for t in pack.tips] + [q.guidance for q in pack.questions]
        found = [s for text in texts for s in sentences(text)]
        assert [s for s in found if len(s.split()) > 45] == []
        assert sum(len(s.split()) for s in found) / len(found) < 22

    def test_no_text_copied_between_items(self, pack: Pack) -> None:
        """No run of 12 words appears in two different items."""
        texts = [(t.id, t.body) for t in pack.tips] + [(q.id, q.guidance) for q in pack.questions]
        assert copied_runs(texts) == []


class TestEngland:
    def test_titled_for_england(self, pack: Pack) -> None:
        assert "England" in pack.info.title
        assert "England" in (pack.info.description or "")
        assert "England" in (ROOT / "README.md").read_text("utf-8").split("\n", 3)[2]

    def test_england_only_items_apply_to_gb(self, pack: Pack) -> None:
        for kind, ids in ENGLAND_ONLY.items():
            items = {item.id: item for item in getattr(pack, kind)}
            for item_id in ids:
                assert items[item_id].applies.regions == frozenset({"gb"}), item_id

    def test_items_naming_english_rules_apply_to_gb(self, pack: Pack) -> None:
        """Safeguarding guidance, inspection, induction, pay points: marked for gb."""
        for tip in pack.tips:
            if ENGLISH_TERMS.search(tip.title + tip.body):
                assert "gb" in tip.applies.regions, tip.id
        for question in asked(pack):
            if ENGLISH_TERMS.search(question.text + question.guidance):
                assert "gb" in question.applies.regions, question.id

    def test_no_usb_stick_advice(self, pack: Pack) -> None:
        tip = next(t for t in pack.tips if t.id == "print-plans-for-observers")
        assert "usb" not in (tip.title + tip.body).lower()
        assert "print" in tip.body.lower()
        assert "cloud" in tip.body.lower()
        assert "email" in tip.body.lower()

    def test_offer_call_agrees_with_core(self, pack: Pack) -> None:
        """Decide beforehand, and a short pause (until the next morning) may still be asked."""
        tip = next(t for t in pack.tips if t.id == "decide-before-the-offer-call")
        body = tip.body.lower()
        assert "same day" in body
        assert "next morning" in body
        assert "move on to the next candidate" not in body

    def test_reporting_to_the_dsl_scores_high(self, pack: Pack) -> None:
        """Passing a concern to the safeguarding lead is rated 3 or 4, never marked down."""
        rubric = next(r for r in pack.rubrics if r.id == "teaching-scenario")
        for criterion in rubric.criteria:
            for level in criterion.levels:
                if "safeguarding lead" in level.anchor:
                    assert level.score >= 3, (criterion.id, level.score)
        working = next(c for c in rubric.criteria if c.id == "working-with-others")
        top = {level.score: level.anchor for level in working.levels}
        assert "safeguarding lead" in top[3]
