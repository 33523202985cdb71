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
FOLDER = ROOT / "src" / "interviewprep_software_engineering"
DISTRIBUTION = "interviewprep-software-engineering"
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
OWN_RUBRIC_TYPES = {"technical-deep-dive": {"knowledge", "hypothetical"}}
#: Words too common to show anything on their own in a spoken answer.
TOO_COMMON = {"i", "we", "the", "a", "and", "it", "work", "team", "job", "do", "did", "so"}
#: Ids of version 1.0.0: translations and plans refer to them, so none may disappear.
IDS_1_0 = {
    "tips": {
        "find-out-the-technical-format",
        "research-the-engineering-organisation",
        "rehearse-in-the-medium-you-will-use",
        "redo-your-first-round-exercise",
        "pick-two-projects-to-go-deep-on",
        "separate-your-work-from-the-teams",
        "prepare-an-incident-story",
        "lead-with-a-two-minute-overview",
        "clarify-before-you-code",
        "open-system-design-with-requirements",
        "name-the-trade-off-out-loud",
        "admit-the-edge-of-your-knowledge",
        "review-code-like-a-teammate",
        "pair-as-a-colleague-not-a-candidate",
        "tailor-questions-to-each-engineer",
        "thank-them-with-a-technical-detail",
    },
    "questions": {
        "walk-through-a-system-you-built",
        "hardest-bug-you-have-fixed",
        "design-a-notification-service",
        "review-this-pull-request",
        "verify-a-skill-on-your-cv",
        "investigate-a-slow-endpoint",
        "testing-a-refund-feature",
        "explain-something-one-layer-down",
        "paged-at-2am",
        "deadline-shorter-than-estimate",
        "disagreed-with-a-technical-decision",
        "incident-that-changed-how-you-work",
        "helped-a-colleague-grow",
        "made-the-case-for-technical-debt",
        "how-you-like-feedback-on-code",
        "improve-your-first-round-solution",
        "improve-in-first-six-months",
        "ask-how-code-review-works",
        "ask-about-on-call",
        "ask-about-technical-debt",
        "ask-how-code-reaches-production",
        "ask-how-technical-decisions-are-made",
        "ask-what-success-looks-like-for-engineers",
    },
    "rubrics": {"technical-deep-dive"},
}


#: Spoken answers, one strong and one weak, for questions where the cues matter most.
#: A strong answer covers at least three quarters of the talking points and shows no red
#: flag; a weak one shows at least one.
SPOKEN = {
    "walk-through-a-system-you-built": (
        (
            "At a high level it's an order pipeline: a request comes in through the API, goes "
            "onto a queue and flows through three services. I owned the pricing service. It "
            "handles about 800 requests per second with a p99 latency of 120 milliseconds. I "
            "chose Postgres rather than Cassandra because we needed transactions. Looking "
            "back, I'd split the pricing rules out earlier."
        ),
        (
            "It was a team effort really, we all did a bit of everything. It just scales, "
            "basically it handles everything."
        ),
    ),
    "paged-at-2am": (
        (
            "First I'd acknowledge the page and post in the incident channel so people know "
            "I'm on it. Then I'd check the dashboard: the error rate, which endpoints, since "
            "when. I'd look for what changed, like a recent deploy or a feature flag. If "
            "there was one I'd roll back straight away to mitigate, and look for the root "
            "cause afterwards. If it's beyond me I'd escalate and wake the service owner, and "
            "keep the status page updated. Later we'd write the post-incident review."
        ),
        (
            "I'd find the root cause first and read the code first. I'd fix it myself, no "
            "need to escalate at 2am, and then find out who did it."
        ),
    ),
    "pair-on-a-small-function": (
        (
            "Can I ask a couple of things first: is the list sorted, and do touching ranges "
            "count as overlapping? Let me write a few tests: an empty list, one range, and a "
            "range inside another, with the expected output. My plan is to sort by start, "
            "then sweep once. Now let's run the tests. They pass. The cost is n log n because "
            "of the sort, and I return a new list rather than changing the input in place."
        ),
        ("I don't need tests, it obviously works. Let me do it my way, I know what I'm doing."),
    ),
    "how-you-use-ai-assistants": (
        (
            "I use Copilot day to day, mostly for boilerplate and tests. I read every line "
            "before I commit it and run the tests, and I check the docs for any API it "
            "suggests, because once it suggested a method that didn't exist. I never paste "
            "secrets or customer data into it, and I follow company policy on which tools are "
            "allowed."
        ),
        (
            "I just paste what it gives me and ship what it gives. It's always right, and "
            "nobody would know anyway."
        ),
    ),
    "made-the-case-for-technical-debt": (
        (
            "Our deployment was a manual deploy script that nobody dared touch. It cost us "
            "about six hours a week and two incidents a month. I wrote a business case for "
            "the product manager, showing the time lost, and proposed an incremental plan: "
            "one step each sprint rather than a big rewrite. It was approved, and deploy time "
            "went down from two hours to ten minutes."
        ),
        (
            "The business never listens, so I wanted to rewrite everything. I proposed a "
            "rewrite and we rewrote the whole thing."
        ),
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
    check_pack("software-engineering")


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
        """Live coding, expectations by level and AI-assistant policies are covered."""
        questions = {q.id: q for q in pack.questions}
        tips = {t.id: t for t in pack.tips}
        assert "live-coding" in questions["pair-on-a-small-function"].tags
        for item in (
            questions["what-changes-at-the-next-level"],
            tips["pitch-your-stories-at-the-level"],
        ):
            assert {s.value for s in item.applies.seniority} == {"mid", "senior", "lead"}
        assert questions["how-you-use-ai-assistants"].asked_by == AskedBy.INTERVIEWER
        assert questions["ask-about-ai-coding-tools"].asked_by == AskedBy.CANDIDATE
        assert "ai-tools" in tips["ask-whether-ai-tools-are-allowed"].tags


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
