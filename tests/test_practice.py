"""Mock-interview practice sessions."""

from __future__ import annotations

import datetime as dt

import pytest

import answers
from interviewprep import Interview, Interviewer, Library, PracticeSession

INTERVIEW = Interview(
    company="Acme",
    role="Finance analyst",
    when=dt.datetime(2026, 12, 3, 10),
    format="video",
    interviewers=[
        Interviewer(name="Dana", title="Head of Finance", audience="hiring-manager"),
        Interviewer(name="Sam", title="Analyst", audience="peer"),
    ],
    job_posting="Finance analyst: month-end close, reporting, SQL, process improvement.",
)


class TestPracticeSession:
    def test_seeded_and_deterministic(self, library: Library) -> None:
        """The same seed draws the same questions; another seed draws others."""
        first = PracticeSession(library, INTERVIEW, seed=7, questions=6)
        again = PracticeSession(library, INTERVIEW, seed=7, questions=6)
        other = PracticeSession(library, INTERVIEW, seed=8, questions=6)
        ids = [p.question.full_id for p in first.prompts]
        assert ids == [p.question.full_id for p in again.prompts]
        assert ids != [p.question.full_id for p in other.prompts]

    def test_no_repeats_and_stratified_by_kind(self, library: Library) -> None:
        """No question twice, and the kinds take turns."""
        session = PracticeSession(library, INTERVIEW, seed=1, questions=8)
        ids = [p.question.full_id for p in session.prompts]
        assert len(ids) == len(set(ids)) == 8
        assert len({p.question.kind for p in session.prompts}) == 8

    def test_suits_the_interviewers(self, library: Library) -> None:
        """Each question suits the audience of the interviewer who asks it."""
        session = PracticeSession(library, INTERVIEW, seed=3, questions=8)
        audiences = {p.name: p.audience for p in INTERVIEW.interviewers}
        for prompt in session.prompts:
            assert prompt.interviewer in audiences
            question = prompt.question
            assert not question.audiences or audiences[prompt.interviewer] in question.audiences
            assert prompt.follow_ups == question.follow_ups

    def test_answers_are_assessed_and_summarised(self, library: Library) -> None:
        """Answers are assessed against each question's rubric; the summary ranks them."""
        session = PracticeSession(library, INTERVIEW, seed=2, questions=3)
        strong = session.answer(0, answers.STRONG)
        weak = session.answer(session.prompts[1].question.full_id, answers.VAGUE)
        assert strong.rubric.full_id == session.prompts[0].question.rubric
        assert weak.question == session.prompts[1].question
        summary = session.summary()
        assert summary.answered == 2
        assert summary.average is not None
        assert summary.to_rehearse
        assert summary.to_rehearse[0].startswith(session.prompts[1].question.text)

    def test_unknown_prompt(self, library: Library) -> None:
        """Answering a question that is not in the session is a LookupError."""
        session = PracticeSession(library, INTERVIEW, seed=2, questions=2)
        with pytest.raises(LookupError, match="not a question of this practice session"):
            session.answer("core/nope", "text")
        with pytest.raises(LookupError):
            session.answer(5, "text")
