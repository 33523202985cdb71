"""The core pack's content: coverage of every guidance fact, completeness and readability."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from interviewprep import (
    AskedBy,
    Audience,
    Intent,
    Library,
    Pack,
    Question,
    QuestionKind,
    Situation,
    Stage,
    Topic,
)
from interviewprep.pytest_plugin import (
    copied_runs,
    quality_problems,
    scored_share,
    sentences,
    stacked_anchors,
)

FACTS = [f"F{n}" for n in range(1, 47)]
GUIDANCE = Path(__file__).parent.parent.parent / "shared" / "GUIDANCE.md"


@pytest.fixture(scope="module")
def core(library: Library) -> Pack:
    return library.packs[0]


def covers(pack: Pack) -> Counter[str]:
    found: Counter[str] = Counter()
    for kind in ("tips", "questions", "checklists", "rubrics"):
        for item in getattr(pack, kind):
            found.update(item.covers)
    for checklist in pack.checklists:
        for entry in checklist.items:
            found.update(entry.covers)
    return found


def prose(pack: Pack) -> list[str]:
    """Every text a reader sees in *pack*: titles, bodies, guidance, lists, anchors."""
    texts: list[str] = []
    for tip in pack.tips:
        texts += [tip.title, tip.body]
    for question in pack.questions:
        texts += [question.text, question.guidance, *question.pitfalls, *question.follow_ups]
        texts += [s.label for s in (*question.talking_points, *question.red_flags)]
    for checklist in pack.checklists:
        texts += [checklist.title, *(entry.text for entry in checklist.items)]
    for rubric in pack.rubrics:
        texts += [rubric.title, rubric.description]
        for criterion in rubric.criteria:
            texts += [criterion.name, criterion.description]
            texts += [t for level in criterion.levels for t in (level.label, level.anchor)]
    return [t for t in texts if t]


class TestCoverage:
    def test_every_fact_is_covered(self, core: Pack) -> None:
        """Every fact F1-F46 of the guidance is covered by at least one item."""
        found = covers(core)
        assert [fact for fact in FACTS if not found[fact]] == []

    def test_only_known_facts(self, core: Pack) -> None:
        """covers names only facts that exist."""
        assert set(covers(core)) <= set(FACTS)

    @pytest.mark.skipif(
        not GUIDANCE.exists(),
        reason="the guidance facts file ../shared/GUIDANCE.md (outside this repository) "
        "is not available: the fact-id check needs it",
    )
    def test_facts_match_the_guidance(self) -> None:
        """The fact ids checked here are exactly those of the guidance brief."""
        ids = re.findall(r"^- (F\d+) ", GUIDANCE.read_text("utf-8"), re.MULTILINE)
        assert ids == FACTS

    def test_reported_questions_are_there(self, core: Pack) -> None:
        """F35-F43, the questions reported in second rounds, are each an interviewer question."""
        asked = [q for q in core.questions if q.asked_by == AskedBy.INTERVIEWER]
        for fact in (f"F{n}" for n in range(35, 44)):
            assert any(fact in q.covers for q in asked), fact


class TestCompleteness:
    def test_tips(self, core: Pack) -> None:
        """At least 40 tips, across every topic and every stage."""
        assert len(core.tips) >= 40
        assert {t.topic for t in core.tips} == set(Topic)
        assert set().union(*(t.stages for t in core.tips)) == set(Stage)

    def test_tip_bodies_are_40_to_150_words(self, core: Pack) -> None:
        """Each tip body says what to do and why in 40-150 words."""
        lengths = {t.id: len(t.body.split()) for t in core.tips}
        assert {k: n for k, n in lengths.items() if not 40 <= n <= 150} == {}

    def test_interviewer_questions(self, core: Pack) -> None:
        """At least 40 questions asked of the candidate, across every kind and intent."""
        asked = [q for q in core.questions if q.asked_by == AskedBy.INTERVIEWER]
        assert len(asked) >= 40
        assert {q.kind for q in asked} == set(QuestionKind)
        assert {q.intent for q in asked} == set(Intent)
        for question in asked:
            assert question.guidance.strip(), question.id
            assert question.pitfalls, question.id
            assert 1 <= len(question.follow_ups) <= 3, question.id
            assert question.rubric, question.id

    def test_questions_to_ask(self, core: Pack) -> None:
        """At least 25 questions to ask, each saying whom it suits best."""
        to_ask = [q for q in core.questions if q.asked_by == AskedBy.CANDIDATE]
        assert len(to_ask) >= 25
        assert all(q.audiences for q in to_ask)
        assert set().union(*(q.audiences for q in to_ask)) == set(Audience)

    def test_checklists(self, library: Library) -> None:
        """Before (dated, a week out to the morning), during, after and a remote variant."""
        before = library.checklists["core/before-timeline"]
        dues = [item.due for item in before.items]
        assert all(due is not None for due in dues)
        assert min(d for d in dues if d is not None) <= -dt.timedelta(days=6)
        assert max(d for d in dues if d is not None) >= -dt.timedelta(hours=6)
        assert {c.stage for c in library.checklists} == set(Stage)
        remote = [c for c in library.checklists if c.formats]
        assert remote
        assert remote[0].formats <= {"video", "phone"}
        after = library.checklists.filter(stage="after")
        thanks = [i for c in after for i in c.items if "thank" in i.text.lower()]
        assert any(i.due is not None and i.due <= dt.timedelta(hours=24) for i in thanks)

    def test_rubrics_are_anchored(self, library: Library) -> None:
        """The four rubrics exist and every level of every criterion has an anchor."""
        ids = set(library.rubrics.ids())
        assert {
            "core/star-answer",
            "core/motivation-fit",
            "core/questions-you-ask",
            "core/salary-conversation",
        } <= ids
        for rubric in library.rubrics:
            for criterion in rubric.criteria:
                assert {level.score for level in criterion.levels} == set(
                    range(rubric.scale.min, rubric.scale.max + 1)
                )
        star = library.rubrics["core/star-answer"]
        assert {c.scorer for c in star.criteria} >= {
            "star-structure",
            "ownership",
            "evidence",
            "speaking-time",
        }


class TestReadability:
    def test_quality(self, core: Pack) -> None:
        """No placeholders, duplicates, missing rubrics or odd due offsets."""
        assert quality_problems(core) == []

    def test_sentences_are_short(self, core: Pack) -> None:
        """No sentence in a tip or guidance runs past 45 words; the average stays under 22."""
        texts = [t.body for t in core.tips] + [q.guidance for q in core.questions]
        all_sentences = [s for text in texts for s in sentences(text)]
        long = [s for s in all_sentences if len(s.split()) > 45]
        assert long == []
        average = sum(len(s.split()) for s in all_sentences) / len(all_sentences)
        assert average < 22

    def test_no_text_copied_between_items(self, core: Pack) -> None:
        """No run of 12 words appears in two different items."""
        texts = [(t.full_id, t.body) for t in core.tips] + [
            (q.full_id, q.guidance) for q in core.questions
        ]
        assert copied_runs(texts) == []

    @pytest.mark.skipif(
        not GUIDANCE.exists(),
        reason="the guidance facts file ../shared/GUIDANCE.md (outside this repository) "
        "is not available: the copied-sentence check needs it",
    )
    def test_no_sentence_copied_from_the_guidance(self, core: Pack) -> None:
        """No run of 8 words of the guidance brief is copied into any of the pack's text."""
        brief = re.findall(r"[a-z']+", GUIDANCE.read_text("utf-8").lower())
        runs = {tuple(brief[i : i + 8]) for i in range(len(brief) - 7)}
        for text in prose(core):
            words = re.findall(r"[a-z']+", text.lower())
            copied = [
                " ".join(words[i : i + 8])
                for i in range(len(words) - 7)
                if tuple(words[i : i + 8]) in runs
            ]
            assert copied == []


ANSWER_TYPE_RUBRICS = {
    "story": "core/star-answer",
    "hypothetical": "core/situational-judgement",
    "motivation": "core/motivation-fit",
    "opinion": "core/ideas-and-opinions",
    "estimation": "core/estimation-case",
    "salary": "core/salary-conversation",
    "closing": "core/closing-statement",
    "knowledge": "core/knowledge-explanation",
}


def asked_questions(pack: Pack) -> list[Question]:
    return [q for q in pack.questions if q.asked_by == AskedBy.INTERVIEWER]


class TestAnswerTypes:
    def test_every_question_asked_says_what_a_good_answer_holds(self, core: Pack) -> None:
        """An answer type, three to five talking points and two to four red flags each."""
        for question in asked_questions(core):
            assert question.answer_type is not None, question.id
            assert 3 <= len(question.talking_points) <= 5, question.id
            assert 2 <= len(question.red_flags) <= 4, question.id
            for signal in (*question.talking_points, *question.red_flags):
                assert len(signal.cues) >= 3, (question.id, signal.id)

    def test_every_answer_type_has_its_rubric(self, library: Library) -> None:
        """Each answer type's default rubric is the core one made for it."""
        for answer_type, rubric in ANSWER_TYPE_RUBRICS.items():
            assert answer_type in library.rubrics[rubric].answer_types, rubric

    def test_questions_use_the_rubric_of_their_type(self, core: Pack) -> None:
        """No question is judged by a rubric made for another kind of answer."""
        for question in asked_questions(core):
            expected = ANSWER_TYPE_RUBRICS[str(question.answer_type)]
            if question.id == "any-questions-for-us":
                expected = "core/questions-you-ask"
            rubric = question.rubric or ""
            assert (rubric if "/" in rubric else f"core/{rubric}") == expected, question.id

    def test_the_reviewed_rubric_mismatches_are_gone(self, core: Pack) -> None:
        """Hobby, book and closing questions are off motivation-fit; hypotheticals off STAR."""
        by_id = {q.id: q for q in core.questions}
        for qid in ("interests-outside-work", "book-that-stayed-with-you", "any-questions-for-us"):
            assert by_id[qid].rubric != "motivation-fit", qid
        for qid in ("first-three-months", "two-urgent-requests", "explain-to-non-specialist"):
            assert by_id[qid].rubric != "star-answer", qid


class TestRubricAnchors:
    def test_one_behaviour_per_anchor(self, library: Library) -> None:
        """One sentence of at most 30 words, no semicolon, at most one "and"."""
        assert stacked_anchors(r for r in library.rubrics if r.pack == "core") == []

    def test_scorers_cover_most_of_each_rubric(self, library: Library) -> None:
        """Automatic scorers rate at least 60% of every core rubric's weight."""
        for rubric in library.rubrics:
            if rubric.pack != "core":
                continue
            assert scored_share(rubric) >= 0.6, rubric.id

    def test_no_criterion_rates_fluency(self, library: Library) -> None:
        """Fillers, accent and fluency penalise non-native speakers and people who stammer."""
        for rubric in library.rubrics:
            if rubric.pack != "core":
                continue
            for criterion in rubric.criteria:
                assert criterion.scorer != "filler", (rubric.id, criterion.id)
                text = " ".join(level.anchor.lower() for level in criterion.levels)
                for word in ("filler", "accent", "fluent", "fluency", "stammer", "eye contact"):
                    assert word not in text, (rubric.id, criterion.id, word)


def item(library: Library, full_id: str) -> Any:
    return library.get(full_id)


class TestReviewedPoints:
    """Each point of the coach's review (issue 15), checked by the item it names."""

    def test_questions_they_should_not_ask(self, library: Library) -> None:
        """A universal tip on the candidate's options, and the rules in the US, GB and EU."""
        general = item(library, "core/handle-questions-they-should-not-ask")
        assert not general.applies
        assert "decline" in general.body.lower()
        for region in ("us", "gb", "eu"):
            tip = item(library, f"core/know-{region}-rules-on-personal-questions")
            assert tip.applies.regions == {region}
        gb = item(library, "core/know-gb-rules-on-personal-questions").body
        assert "section 60" in gb.lower()

    def test_odd_questions_are_not_answered_whatever_they_are(self, library: Library) -> None:
        """Offbeat is fine to play along with; protected characteristics need not be answered."""
        during = item(library, "core/during-interview")
        [odd] = [i for i in during.items if i.id == "roll-with-odd-questions"]
        assert "decline" in odd.text.lower()
        tip = item(library, "core/stay-calm-with-offbeat-questions")
        assert re.search(r"need not|do not have to|don't have to", tip.body)

    def test_pay_history_and_transparency(self, library: Library) -> None:
        """Pay history bans and the EU directive are named, with their regions and dates."""
        current = item(library, "core/current-compensation")
        assert "2023/970" in current.guidance
        assert "June 2026" in current.guidance
        assert "states" in current.guidance
        expectations = item(library, "core/salary-expectations")
        assert not any("earning" in f.lower() for f in expectations.follow_ups)
        eu = item(library, "core/use-eu-pay-transparency-rights")
        assert eu.applies.regions == {"eu"}
        assert "2023/970" in eu.body
        assert item(library, "core/check-us-pay-transparency-rules").applies.regions == {"us"}

    def test_pay_can_be_asked_at_any_stage_of_anyone_suitable(self, library: Library) -> None:
        for qid in ("salary-range-late-stage", "benefits-package-late-stage"):
            question = item(library, f"core/{qid}")
            assert "hiring-manager" in question.audiences, qid
            assert "not the panel" not in question.guidance, qid
            assert "late-stage" not in question.tags, qid

    def test_brainteasers_are_opt_in(self, library: Library) -> None:
        """The coffee-cup estimate is tagged, so default plans and practice leave it out."""
        assert "brainteaser" in item(library, "core/estimation-curveball").tags

    @pytest.mark.parametrize(
        "qid",
        [
            "tell-me-about-yourself",
            "greatest-strengths",
            "weakness-you-are-working-on",
            "what-frustrates-you",
            "disagreed-with-your-manager",
        ],
    )
    def test_classic_questions(self, library: Library, qid: str) -> None:
        question = item(library, f"core/{qid}")
        assert question.asked_by == AskedBy.INTERVIEWER

    @pytest.mark.parametrize(
        ("qid", "theme"),
        [
            ("how-remote-and-hybrid-work-is-decided", "remote-work"),
            ("team-size-and-seniority-mix", "team"),
            ("how-one-to-ones-work", "management"),
            ("how-probation-is-reviewed", "performance"),
            ("how-pay-is-reviewed", "pay"),
            ("funding-and-recent-restructuring", "business"),
        ],
    )
    def test_questions_to_ask(self, library: Library, qid: str, theme: str) -> None:
        question = item(library, f"core/{qid}")
        assert question.asked_by == AskedBy.CANDIDATE
        assert question.theme == theme

    def test_every_question_to_ask_has_a_theme(self, core: Pack) -> None:
        assert [q.id for q in core.questions if q.asked_by == "candidate" and not q.theme] == []

    @pytest.mark.parametrize(
        "tid",
        [
            "speak-to-the-whole-panel",
            "prepare-a-presentation-round",
            "talk-through-a-case-interview",
            "explain-your-take-home-task",
            "thrive-at-an-assessment-centre",
            "record-a-one-way-video-interview",
            "handle-camera-lag-and-screen-sharing",
        ],
    )
    def test_formats(self, library: Library, tid: str) -> None:
        """Each interview format the review found missing has its tip."""
        assert item(library, f"core/{tid}").body

    def test_every_situation_has_its_tip(self, core: Pack) -> None:
        """Graduates, career changers, internal candidates, returners, adjustments."""
        named = set().union(*(t.applies.situations for t in core.tips))
        assert named == set(Situation)

    def test_senior_candidates_have_their_tip(self, core: Pack) -> None:
        assert any({"senior", "lead"} <= t.applies.seniority for t in core.tips)

    @pytest.mark.parametrize(
        "words",
        ["referee", "counter-offer", "deadline", "vest"],
    )
    def test_offer_stage_coverage(self, core: Pack, words: str) -> None:
        """Briefing referees, counter-offers, short deadlines and equity basics."""
        assert any(words in f"{t.title} {t.body}".lower() for t in core.tips), words

    def test_in_person_steps_stay_out_of_remote_interviews(self, core: Pack) -> None:
        """Route, reception, printed CVs and business cards only where the candidate goes in."""
        physical = re.compile(r"\broute\b|reception|printed|cv copies|business card|journey")
        for checklist in core.checklists:
            for entry in checklist.items:
                formats = entry.applies.formats or checklist.applies.formats
                text = entry.text.lower()
                if physical.search(text) and "in person" not in text and "call" not in text:
                    assert formats, entry.id
                    assert not formats & {"video", "phone"}, entry.id
