"""Honest totals, empty answers, delivery criteria, and scorers or judges attached by selector."""

from __future__ import annotations

from collections.abc import Mapping

import pytest
from hypothesis import given
from hypothesis import strategies as st

import answers
from interviewprep import Criterion, Level, Library, Rubric, Scale, assess, render_text
from interviewprep.scorers import JudgeContext, Score, ScoringContext
from packtools import Site

LEVELS = [Level(score=s, label=f"L{s}", anchor=f"level {s}") for s in (1, 2, 3, 4)]


def rubric(*criteria: tuple[str, float, str | None]) -> Rubric:
    return Rubric(
        id="r",
        title="R",
        scale=Scale(min=1, max=4),
        criteria=[
            Criterion(id=c, name=c.title(), weight=w, scorer=s, levels=LEVELS)
            for c, w, s in criteria
        ],
    )


def const(value: float, name: str = "const") -> object:
    def scorer(answer: str, context: ScoringContext) -> Score:
        return Score(value=value, evidence=(name,), suggestion=f"from {name}")

    scorer.__name__ = name
    return scorer


class Recorder:
    """A judge that records its calls and scores every criterion it is asked for."""

    name = "recorder"

    def __init__(self, value: float = 1.0, leave_out: frozenset[str] = frozenset()) -> None:
        self.calls: list[tuple[str, ...]] = []
        self.value = value
        self.leave_out = leave_out

    def __call__(self, answer: str, context: JudgeContext) -> Mapping[str, Score]:
        self.calls.append(tuple(c.id for c in context.criteria))
        return {
            c.id: Score(value=self.value, confidence=0.7, provenance="test-model 1.0")
            for c in context.criteria
            if c.id not in self.leave_out
        }


class TestHonestTotals:
    def test_coverage_is_the_scored_share_of_the_weight(self) -> None:
        """Three of four equal weights scored: coverage 0.75, the total their mean."""
        r = rubric(("a", 1, "speaking-time"), ("b", 1, None), ("c", 1, "c"), ("d", 1, "d"))
        result = assess(answers.STRONG, r, scorers={"c": const(1.0), "d": const(0.0)})  # type: ignore[dict-item]
        assert result.coverage == 0.75
        assert result.total is not None
        assert result.message == ""

    def test_no_total_below_half_the_weight(self) -> None:
        """Scored criteria carrying less than half the weight give no total, and the message
        names the criteria that need a human."""
        r = rubric(("a", 1, "speaking-time"), ("b", 1.5, None), ("c", 1, None))
        result = assess(answers.STRONG, r)
        assert result.coverage == pytest.approx(1 / 3.5, abs=1e-4)
        assert result.total is None
        assert result.message.startswith("No total: only 29% of the rubric's weight")
        assert "B, C" in result.message
        assert "No total: only 29%" in render_text(result)

    def test_exactly_half_has_a_total(self) -> None:
        r = rubric(("a", 1, "speaking-time"), ("b", 1, None))
        assert assess(answers.STRONG, r).total is not None

    @pytest.mark.parametrize("answer", ["", "   ", "\n\t "])
    def test_empty_answer_gets_no_scores(self, library: Library, answer: str) -> None:
        """An empty answer is not rated as anything: no scores, no suggestions, a message."""
        question = library.questions["core/mistake-you-made"]
        result = assess(answer, question=question, library=library)
        assert result.total is None
        assert result.coverage == 0
        assert all(c.score is None for c in result.criteria)
        assert result.suggestions == ()
        assert result.message == "The answer is empty: there is nothing to assess."
        assert "The answer is empty" in render_text(result)

    def test_every_core_rubric_gets_a_total_for_a_real_answer(self, library: Library) -> None:
        """Salary and closing questions included, every core rubric is scored enough for a
        total once there is a question (consistency needs a first-round answer, so
        motivation answers without one are scored on 5 of 7 weights)."""
        for question in library.questions:
            if question.pack != "core" or question.answer_type is None:
                continue
            text = answers.STRONG
            if library.rubric_for(question).id == "questions-you-ask":
                text = "How will you judge success at six months? What is the team's focus?"
            result = assess(text, question=question, library=library)
            assert result.coverage >= 0.55, question.id
            assert result.total is not None, question.id


class TestDelivery:
    def test_filler_criteria_are_off_by_default(self) -> None:
        """A criterion scored by filler words is off unless delivery is turned on."""
        r = rubric(("fluency", 1, "filler"), ("length", 1, "speaking-time"))
        off = assess("Um, so, basically, I um led the, you know, the work. " * 10, r)
        fluency = off.criteria[0]
        assert fluency.score is None
        assert fluency.note.startswith("off: 'filler' rates delivery")
        on = assess("Um, so, basically, I um led the, you know, the work. " * 10, r, delivery=True)
        assert on.criteria[0].score is not None


class TestAttach:
    def test_a_scorer_attached_to_one_criterion(self, library: Library) -> None:
        """A scorer replaces one criterion's own scorer, without an id of its own, and the
        assessment records its name."""
        question = library.questions["core/mistake-you-made"]
        result = assess(
            answers.STRONG,
            question=question,
            library=library,
            attach={"core/star-answer#relevance": const(0.0, "mine")},  # type: ignore[dict-item]
        )
        by_id = {c.criterion.id: c for c in result.criteria}
        assert (by_id["relevance"].score, by_id["relevance"].scorer) == (1, "mine")
        assert by_id["concision"].scorer == "speaking-time"

    def test_unqualified_and_rubric_wide_selectors(self, library: Library) -> None:
        """ "star-answer" attaches to every criterion of the rubric; a criterion selector is
        more specific and wins."""
        question = library.questions["core/mistake-you-made"]
        result = assess(
            answers.STRONG,
            question=question,
            library=library,
            attach={
                "star-answer": const(1.0, "wide"),  # type: ignore[dict-item]
                "star-answer#candour": const(0.0, "narrow"),  # type: ignore[dict-item]
            },
        )
        names = {c.criterion.id: c.scorer for c in result.criteria}
        assert names["candour"] == "narrow"
        assert set(names.values()) == {"wide", "narrow"}
        assert result.coverage == 1

    @pytest.mark.parametrize("key", ["", "a#b#c", "rubric#", 3])
    def test_bad_selector_is_an_error(self, key: object) -> None:
        r = rubric(("a", 1, None))
        with pytest.raises(ValueError, match="selects nothing"):
            assess("text", r, attach={key: const(1.0)})  # type: ignore[dict-item]


class TestJudges:
    def test_one_call_for_every_criterion(self, library: Library) -> None:
        """A judge attached to a rubric is called once, with all its criteria, and each score
        records the judge, its confidence and its provenance."""
        judge = Recorder(value=2 / 3)
        question = library.questions["core/mistake-you-made"]
        result = assess(
            answers.STRONG, question=question, library=library, judges={"core/star-answer": judge}
        )
        rubric_ = library.rubrics["core/star-answer"]
        assert judge.calls == [tuple(c.id for c in rubric_.criteria)]
        assert {c.scorer for c in result.criteria} == {"recorder"}
        assert {c.score for c in result.criteria} == {3}
        assert {(c.confidence, c.provenance) for c in result.criteria} == {(0.7, "test-model 1.0")}
        assert result.coverage == 1

    def test_a_criterion_left_out_falls_back(self, library: Library) -> None:
        """What the judge leaves out is scored by the criterion's own scorer, and reported."""
        judge = Recorder(leave_out=frozenset({"concision"}))
        question = library.questions["core/mistake-you-made"]
        result = assess(answers.STRONG, question=question, library=library, judges={"*": judge})
        by_id = {c.criterion.id: c for c in result.criteria}
        assert by_id["concision"].scorer == "speaking-time"
        assert by_id["candour"].scorer == "recorder"
        assert any("gave no score for concision" in p.message for p in result.problems)

    def test_a_failing_judge_never_breaks_an_assessment(self, library: Library) -> None:
        def offline(answer: str, context: JudgeContext) -> Mapping[str, Score]:
            raise ConnectionError("no route to host")

        question = library.questions["core/mistake-you-made"]
        result = assess(answers.STRONG, question=question, library=library, judges={"*": offline})
        assert result.total is not None
        assert {c.scorer for c in result.criteria} >= {"star-structure", "speaking-time"}
        [problem] = result.problems
        assert "judge 'offline' failed" in problem.message
        assert "ConnectionError: no route to host" in problem.message

    def test_a_judge_returning_junk_is_reported(self, library: Library) -> None:
        def junk(answer: str, context: JudgeContext) -> Mapping[str, Score]:
            return {"relevance": 3, "nonsense": Score(value=1.0)}  # type: ignore[dict-item]

        question = library.questions["core/mistake-you-made"]
        result = assess(answers.STRONG, question=question, library=library, judges={"*": junk})
        assert any("nonsense, relevance" in p.message for p in result.problems)
        assert next(c for c in result.criteria if c.criterion.id == "relevance").scorer == (
            "relevance"
        )

    def test_a_criterion_selector_beats_a_rubric_wide_judge(self, library: Library) -> None:
        judge = Recorder()
        question = library.questions["core/mistake-you-made"]
        result = assess(
            answers.STRONG,
            question=question,
            library=library,
            judges={"*": judge},
            attach={"star-answer#candour": const(0.0, "mine")},  # type: ignore[dict-item]
        )
        assert "candour" not in judge.calls[0]
        assert next(c for c in result.criteria if c.criterion.id == "candour").scorer == "mine"

    @given(st.dictionaries(st.sampled_from(["a", "b", "c", "zzz"]), st.floats(0, 1)))
    def test_any_judge_output_stays_on_the_scale(self, values: dict[str, float]) -> None:
        """Whatever subset a judge scores, every score lies on the scale and the others fall
        back."""

        def partial(answer: str, context: JudgeContext) -> Mapping[str, Score]:
            return {k: Score(value=v) for k, v in values.items()}

        r = rubric(("a", 1, "speaking-time"), ("b", 1, None), ("c", 1, None))
        result = assess("I led the work and it shipped.", r, judges={"r": partial})
        for item in result.criteria:
            assert item.score is None or 1 <= item.score <= 4
            if item.criterion.id in values:
                assert item.scorer == "partial"


class TestClashes:
    def test_a_clash_with_a_built_in_id_is_reported_in_the_assessment(
        self, site: Site, library: Library
    ) -> None:
        """Registering a built-in scorer's id is a reported problem, never a silent drop."""
        module = site.unique("clash")
        site.distribution(
            "clash-dist",
            entry_points={"relevance": f"{module}:judge"},
            files={f"{module}.py": "def judge(answer, context):\n    raise SystemExit\n"},
            group="interviewprep.scorers",
        )
        question = library.questions["core/mistake-you-made"]
        result = assess(answers.STRONG, question=question, library=library)
        assert any(
            "'relevance' of clash-dist is the id of a built-in scorer" in p.message
            for p in result.problems
        )
        assert next(c for c in result.criteria if c.criterion.id == "relevance").score is not None
