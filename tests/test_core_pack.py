"""The core pack's content: coverage of every guidance fact, completeness and readability."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from pathlib import Path

import pytest

from interviewprep import (
    AskedBy,
    Audience,
    Intent,
    Library,
    Pack,
    QuestionKind,
    Stage,
    Topic,
)
from interviewprep.pytest_plugin import quality_problems

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


def sentences(text: str) -> list[str]:
    plain = re.sub(r"[*_`#>]", "", text)
    parts = re.split(r"(?<=[.!?:])\s+|\n\s*(?:[-*]|\d+\.)\s+|\n\s*\n", plain)
    return [s for s in parts if s.strip()]


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
        seen: dict[tuple[str, ...], str] = {}
        copied = []
        texts = [(t.full_id, t.body) for t in core.tips] + [
            (q.full_id, q.guidance) for q in core.questions
        ]
        for owner, text in texts:
            words = re.findall(r"[a-z']+", text.lower())
            for start in range(len(words) - 11):
                run = tuple(words[start : start + 12])
                if seen.setdefault(run, owner) != owner:
                    copied.append((owner, seen[run], " ".join(run)))
        assert copied == []

    @pytest.mark.skipif(
        not GUIDANCE.exists(),
        reason="the guidance facts file ../shared/GUIDANCE.md (outside this repository) "
        "is not available: the copied-sentence check needs it",
    )
    def test_no_sentence_copied_from_the_guidance(self, core: Pack) -> None:
        """No run of 8 words of the guidance brief is copied into the pack's prose."""
        brief = re.findall(r"[a-z']+", GUIDANCE.read_text("utf-8").lower())
        runs = {tuple(brief[i : i + 8]) for i in range(len(brief) - 7)}
        texts = [t.body for t in core.tips] + [q.guidance for q in core.questions]
        for text in texts:
            words = re.findall(r"[a-z']+", text.lower())
            copied = [
                " ".join(words[i : i + 8])
                for i in range(len(words) - 7)
                if tuple(words[i : i + 8]) in runs
            ]
            assert copied == []
