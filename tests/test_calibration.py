"""
Calibration: the statistics, the labels file, calibrate() and the calibrate command.
"""

from __future__ import annotations

import json
import math
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import interviewprep
from interviewprep import (
    Calibration,
    Criterion,
    InterviewPrepError,
    Label,
    LabelError,
    Level,
    Library,
    Pack,
    PackInfo,
    Question,
    Rubric,
    Scale,
    ValidationError,
    calibrate,
    catalogue,
    load_labels,
    render_markdown,
    render_text,
    to_dict,
)
from interviewprep._calibration import pairwise_accuracy, quadratic_kappa, spearman
from interviewprep._cli import main
from interviewprep.scorers import Score, ScoringContext

FIXTURE = Path(__file__).parent / "fixtures" / "labels" / "graded.jsonl"
LEVELS = (1, 2, 3, 4)

#: The property tests of this file share these settings.
SETTINGS = settings(max_examples=100, deadline=None)


def line(**fields: Any) -> str:
    """One line of a labels file: a valid label, with *fields* changed (None drops one)."""
    data: dict[str, Any] = {
        "id": "a",
        "question": "core/mistake-you-made",
        "answer": "I did it.",
        "grade": 3,
        "reason": "fine",
    }
    data.update(fields)
    return json.dumps({key: value for key, value in data.items() if value is not None})


def labels_file(tmp_path: Path, *lines: str, name: str = "labels.jsonl") -> Path:
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def problems_of(path: Path) -> list[str]:
    with pytest.raises(LabelError) as caught:
        load_labels(path)
    return [str(problem) for problem in caught.value.problems]


def judge(values: Mapping[str, float | None]) -> Any:
    """A scorer that gives each answer the value *values* holds for it."""

    def score(answer: str, context: ScoringContext) -> Score:
        return Score(value=values[answer], evidence=("the judge said so",), suggestion="")

    return score


def judged(library: Library, values_by_id: Mapping[str, float | None]) -> dict[str, Any]:
    """Every scorer id of the library's rubrics, judged by *values_by_id* (label id -> value)."""
    by_answer = {label.answer: values_by_id[label.id] for label in load_labels(FIXTURE)}
    scorer = judge(by_answer)
    ids = {c.scorer for rubric in library.rubrics for c in rubric.criteria if c.scorer}
    return dict.fromkeys(ids, scorer)


def faithful(grade: int) -> float:
    """The judge's value that puts an answer at *grade* on a 1-4 rubric."""
    return (grade - 1) / 3


GRADES_BY_ID = {label.id: label.grade for label in load_labels(FIXTURE)}


# -- statistics --------------------------------------------------------------------------


class TestSpearman:
    def test_same_order(self) -> None:
        """Samples in the same order correlate perfectly."""
        assert spearman([1, 2, 3, 4], [10, 20, 30, 45]) == pytest.approx(1.0)

    def test_reversed(self) -> None:
        """Samples in opposite orders correlate at -1."""
        assert spearman([1, 2, 3, 4], [4, 3, 2, 1]) == pytest.approx(-1.0)

    def test_ties_take_their_mean_rank(self) -> None:
        """Tied values share the mean of their ranks: ranks 1, 2.5, 2.5, 4 against 1-4."""
        # dx = (-1.5, 0, 0, 1.5), dy = (-1.5, -0.5, 0.5, 1.5): 4.5 / sqrt(4.5 * 5)
        assert spearman([1, 2, 2, 3], [1, 2, 3, 4]) == pytest.approx(3 / math.sqrt(10))

    def test_known_value(self) -> None:
        """One swap in five: 1 - 6 * 2 / (5 * 24) = 0.9."""
        assert spearman([1, 2, 3, 4, 5], [1, 2, 3, 5, 4]) == pytest.approx(0.9)

    def test_too_few_pairs(self) -> None:
        """Fewer than three pairs give no correlation."""
        assert spearman([1, 2], [2, 1]) is None
        assert spearman([], []) is None

    def test_constant_side(self) -> None:
        """A constant side has no order to compare."""
        assert spearman([2, 2, 2], [1, 2, 3]) is None
        assert spearman([1, 2, 3], [3.5, 3.5, 3.5]) is None

    def test_unpaired(self) -> None:
        """Samples of different lengths are refused."""
        with pytest.raises(ValueError, match="differ in length"):
            spearman([1, 2, 3], [1, 2])

    @SETTINGS
    @given(st.lists(st.tuples(st.integers(1, 4), st.floats(0, 10)), max_size=40))
    def test_bounded_and_symmetric(self, pairs: list[tuple[int, float]]) -> None:
        """The correlation lies in [-1, 1] and does not depend on which sample comes first."""
        first = [a for a, _ in pairs]
        second = [b for _, b in pairs]
        forward, backward = spearman(first, second), spearman(second, first)
        assert forward == backward
        assert forward is None or -1 <= forward <= 1


class TestQuadraticKappa:
    def test_identical(self) -> None:
        """Identical grades agree perfectly."""
        assert quadratic_kappa([1, 2, 3, 4], [1, 2, 3, 4], LEVELS) == 1.0

    def test_reversed(self) -> None:
        """Grades 1-4 against 4-1 disagree as much as they can: observed 20/9, expected 10/9."""
        assert quadratic_kappa([1, 2, 3, 4], [4, 3, 2, 1], LEVELS) == pytest.approx(-1.0)

    def test_known_value(self) -> None:
        """On three levels, two one-level misses in four: 1 - 0.5 / 1.375 = 7/11."""
        assert quadratic_kappa([1, 2, 3, 3], [1, 3, 3, 2], (1, 2, 3)) == pytest.approx(7 / 11)

    def test_distance_costs_its_square(self) -> None:
        """A miss by two levels costs four times a miss by one."""
        near = quadratic_kappa([1, 2, 3, 4, 4], [1, 2, 3, 4, 3], LEVELS)
        far = quadratic_kappa([1, 2, 3, 4, 4], [1, 2, 3, 4, 2], LEVELS)
        assert near is not None
        assert far is not None
        assert 1 - near == pytest.approx((1 - far) / 4, rel=0.3)
        assert far < near < 1

    def test_undefined(self) -> None:
        """Fewer than two pairs, or one level throughout on both sides, give no kappa."""
        assert quadratic_kappa([], [], LEVELS) is None
        assert quadratic_kappa([1], [4], LEVELS) is None
        assert quadratic_kappa([3, 3], [3, 3], LEVELS) is None

    def test_value_off_the_scale(self) -> None:
        """A value that is not a level is refused."""
        with pytest.raises(ValueError, match="not one of the levels"):
            quadratic_kappa([1, 5], [1, 2], LEVELS)

    @SETTINGS
    @given(st.lists(st.integers(1, 4), min_size=2, max_size=40).filter(lambda g: len(set(g)) > 1))
    def test_identical_is_one(self, grades: list[int]) -> None:
        """Any grades with two levels or more agree perfectly with themselves."""
        assert quadratic_kappa(grades, grades, LEVELS) == 1.0


class TestPairwiseAccuracy:
    def test_same_order(self) -> None:
        """Every pair ordered as the person did counts fully."""
        assert pairwise_accuracy([[(1, 1.5), (2, 2.0), (4, 3.9)]]) == (1.0, 3)

    def test_opposite_order(self) -> None:
        """A pair ordered the other way counts nothing."""
        assert pairwise_accuracy([[(1, 3.0), (4, 2.0)]]) == (0.0, 1)

    def test_machine_tie_counts_half(self) -> None:
        """A pair the machine grades alike counts half."""
        assert pairwise_accuracy([[(1, 2.5), (4, 2.5)]]) == (0.5, 1)

    def test_human_ties_do_not_count(self) -> None:
        """Pairs graded alike by the person are left out."""
        assert pairwise_accuracy([[(2, 1.0), (2, 4.0), (3, 3.0)]]) == (0.5, 2)

    def test_only_within_a_group(self) -> None:
        """Answers to different questions are never paired."""
        assert pairwise_accuracy([[(1, 4.0)], [(4, 1.0)]]) == (None, 0)

    @SETTINGS
    @given(
        st.lists(st.lists(st.tuples(st.integers(1, 4), st.floats(1, 4)), max_size=8), max_size=5)
    )
    def test_bounded(self, groups: list[list[tuple[int, float]]]) -> None:
        """The share lies in [0, 1], or is None without a pair."""
        share, pairs = pairwise_accuracy(groups)
        assert (share is None) == (pairs == 0)
        assert share is None or 0 <= share <= 1


# -- the labels file ---------------------------------------------------------------------


class TestLoadLabels:
    def test_fixture(self) -> None:
        """Every line becomes a label with its line; blank lines are skipped."""
        labels = load_labels(FIXTURE)
        assert [label.id for label in labels] == ["m1", "m2", "m3", "m4", "e1", "e2", "t1", "w1"]
        assert labels[3].line == 5  # after the blank line 4
        assert labels[0].criteria == {"candour": 4, "result-evidence": 4}
        assert labels[2].criteria["result-evidence"] is None
        assert labels[3].trap == "fake-mistake"
        assert labels[3].style == "spoken"
        assert labels[6].question is None
        assert labels[6].question_text == "How would you explain recursion to a child?"

    def test_unknown_fields_are_ignored(self, tmp_path: Path) -> None:
        """A field a label does not have is ignored, even one named like an attribute."""
        path = labels_file(tmp_path, line(reviewer="kim", line=99))
        [label] = load_labels(path)
        assert label.line == 1

    def test_grade_out_of_range(self, tmp_path: Path) -> None:
        """The problem names the file, the line and the field."""
        lines = [line(id=f"a{n}") for n in range(11)] + [line(id="z", grade=5)]
        path = labels_file(tmp_path, *lines)
        assert problems_of(path) == [f"{path}:12: grade: expected an integer from 1 to 4, got 5"]

    @pytest.mark.parametrize(
        ("fields", "expected"),
        [
            ({"grade": "3"}, "grade: expected an integer from 1 to 4, got '3'"),
            ({"grade": 2.0}, "grade: expected an integer from 1 to 4, got 2.0"),
            ({"grade": True}, "grade: expected an integer from 1 to 4, got true"),
            ({"answer": None}, "answer: is required but missing"),
            ({"reason": ""}, "reason: expected a non-empty string, got ''"),
            ({"id": 7}, "id: expected a non-empty string, got 7"),
            ({"question": None}, "question: is required unless question_text is given"),
            ({"question_text": ["a"]}, "question_text: expected a non-empty string, got a list"),
            (
                {"criteria": [3]},
                "criteria: expected an object of criterion ids and grades from 1 to 4 (or "
                "null), got a list",
            ),
            (
                {"criteria": {"candour": 0}},
                "criteria.candour: expected an integer from 1 to 4 or null, got 0",
            ),
            (
                {"trap": "fake-mistakes"},
                "trap: 'fake-mistakes' is not a kind of trap (did you mean 'fake-mistake'?)",
            ),
            ({"style": "sung"}, "style: 'sung' is not a style: use one of non-native, spoken"),
            ({"question": "\ud800"}, "question: holds a lone surrogate (U+D800)"),
        ],
    )
    def test_field_problems(self, tmp_path: Path, fields: dict[str, Any], expected: str) -> None:
        """Each wrong field is named with what is wrong."""
        path = labels_file(tmp_path, line(**fields))
        [problem] = problems_of(path)
        assert problem.startswith(f"{path}:1: {expected}")

    def test_every_problem_at_once(self, tmp_path: Path) -> None:
        """One error lists the problems of every line, and of every field of a line."""
        path = labels_file(
            tmp_path,
            line(id="a"),
            "{not json",
            "[1, 2]",
            line(id="b", grade=9, reason=None),
            line(id="a"),
        )
        with pytest.raises(LabelError) as caught:
            load_labels(path)
        error = caught.value
        assert [(p.line, p.path) for p in error.problems] == [
            (2, ""),
            (3, ""),
            (4, "reason"),
            (4, "grade"),
            (5, "id"),
        ]
        messages = [p.message for p in error.problems]
        assert messages[0].startswith("invalid JSON: ")
        assert messages[1] == "expected a JSON object, got a list"
        assert messages[4] == "duplicate id 'a' (the first is on line 1)"
        assert str(error).startswith(f"{path} has 5 problems:\n  {path}:2: invalid JSON")

    def test_key_twice_on_a_line(self, tmp_path: Path) -> None:
        """A key given twice in one object is refused, not silently overwritten."""
        path = labels_file(tmp_path, line()[:-1] + ', "grade": 1}')
        [problem] = problems_of(path)
        assert "duplicate key 'grade'" in problem

    def test_not_utf8(self, tmp_path: Path) -> None:
        """A file that is not UTF-8 is a problem naming its line, not a crash."""
        path = tmp_path / "labels.jsonl"
        path.write_bytes(line().encode() + b"\n" + line(id="b").encode("utf-8")[:-2] + b"\xff}\n")
        [problem] = problems_of(path)
        assert problem.startswith(f"{path}:2: not valid UTF-8")

    def test_empty(self, tmp_path: Path) -> None:
        """A file without a label is a problem."""
        path = labels_file(tmp_path, "", "  ")
        assert problems_of(path) == [f"{path}: the file holds no label"]

    def test_missing_file(self, tmp_path: Path) -> None:
        """A file that cannot be read is a problem naming it."""
        [problem] = problems_of(tmp_path / "nope.jsonl")
        assert problem.startswith(f"{tmp_path / 'nope.jsonl'}: cannot read the file")

    def test_error_classes(self) -> None:
        """LabelError is the library's own error and a ValueError."""
        assert issubclass(LabelError, InterviewPrepError)
        assert issubclass(LabelError, ValueError)

    @SETTINGS
    @given(
        st.one_of(
            st.binary(max_size=300),
            st.lists(
                st.dictionaries(
                    st.sampled_from(["id", "question", "answer", "grade", "reason", "criteria"]),
                    st.recursive(
                        st.none() | st.booleans() | st.integers(-2, 6) | st.text(max_size=8),
                        lambda inner: (
                            st.lists(inner, max_size=3)
                            | st.dictionaries(st.text(max_size=5), inner, max_size=3)
                        ),
                        max_leaves=6,
                    ),
                ).map(lambda data: json.dumps(data).encode()),
                max_size=4,
            ).map(b"\n".join),
        )
    )
    def test_any_bytes(self, content: bytes) -> None:
        """Whatever the file holds, the result is labels or a LabelError with located problems."""
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "labels.jsonl"
            path.write_bytes(content)
            labels: tuple[Label, ...] = ()
            error: LabelError | None = None
            try:
                labels = load_labels(path)
            except LabelError as exc:
                error = exc
        if error is not None:
            assert error.problems
            assert all(problem.file == str(path) for problem in error.problems)
        else:
            assert all(isinstance(label, Label) for label in labels)


class TestLabel:
    def test_built_in_code(self) -> None:
        """A label made in code is checked like one read from a file."""
        label = Label(id="x", question="core/q", answer="A.", grade=2, reason="r")
        assert label.line is None
        assert label.criteria == {}
        with pytest.raises(ValidationError, match="grade: expected an integer from 1 to 4"):
            Label(id="x", question="core/q", answer="A.", grade=0, reason="r")
        with pytest.raises(ValidationError, match="question: is required unless question_text"):
            Label(id="x", answer="A.", grade=2, reason="r")

    def test_equal_wherever_read(self) -> None:
        """The line a label was read from does not make it differ."""
        first = Label(id="x", question="q", answer="A.", grade=2, reason="r", line=3)
        assert first == Label(id="x", question="q", answer="A.", grade=2, reason="r")


# -- calibrate ---------------------------------------------------------------------------


class TestCalibrate:
    def test_a_faithful_judge_agrees_perfectly(self, library: Library) -> None:
        """A judge that gives every answer its human grade agrees on every measure."""
        values = {key: faithful(grade) for key, grade in GRADES_BY_ID.items()}
        result = calibrate(FIXTURE, library=library, scorers=judged(library, values))
        assert result.labels == 8
        assert result.unscored == ()
        overall = result.overall
        assert overall.n == 8
        assert overall.spearman == pytest.approx(1.0)
        assert overall.kappa == pytest.approx(1.0)
        assert (overall.pairwise, overall.pairs) == (1.0, 6 + 1)  # mistake: 6 pairs, explain: 1
        assert overall.mean_absolute_error == 0
        assert list(result.by_answer_type) == ["story", "motivation", "knowledge"]
        assert result.by_answer_type["knowledge"].n == 3  # t1 counts, by its rubric
        assert result.traps_missed == ()

    def test_by_criterion(self, library: Library) -> None:
        """Criteria are compared where the person and the machine both graded them."""
        values = {key: faithful(grade) for key, grade in GRADES_BY_ID.items()}
        result = calibrate(FIXTURE, library=library, scorers=judged(library, values))
        assert list(result.by_criterion) == [
            "core/star-answer#result-evidence",
            "core/star-answer#candour",
        ]
        candour = result.by_criterion["core/star-answer#candour"]
        assert candour.n == 3  # m1, m2, m3
        evidence = result.by_criterion["core/star-answer#result-evidence"]
        assert evidence.n == 2  # m3 says null
        # The judge put m2 at 3 on every criterion; the person said 2 on its evidence.
        assert evidence.mean_absolute_error == pytest.approx(0.5)

    def test_worst_and_traps(self, library: Library) -> None:
        """Disagreements come largest first (ties by id); traps graded above 2 are listed."""
        values = {key: faithful(grade) for key, grade in GRADES_BY_ID.items()}
        values |= {"m4": 1.0, "w1": 2 / 3, "e1": 1 / 3}  # 1 -> 4, 1 -> 3, 4 -> 2
        result = calibrate(FIXTURE, library=library, scorers=judged(library, values), worst=3)
        assert [(d.id, d.human, d.machine) for d in result.worst] == [
            ("m4", 1, 4.0),
            ("e1", 4, 2.0),
            ("w1", 1, 3.0),
        ]
        assert result.worst[0].question == "core/mistake-you-made"
        assert result.worst[0].reason == "a humble-brag given for a mistake"
        assert result.worst[0].difference == 3
        assert [(d.id, d.trap) for d in result.traps_missed] == [
            ("m4", "fake-mistake"),
            ("w1", "attacks-employer"),
        ]
        # m4 (machine 4) now ties m1 and tops m2 and m3; e1 (machine 2) ties e2.
        assert result.overall.pairwise == pytest.approx((3 + 0.5 + 0.5) / 7)

    def test_unscored_are_left_out(self, library: Library) -> None:
        """An answer the machine gives no total is counted apart, in no statistic."""
        values = {key: faithful(grade) for key, grade in GRADES_BY_ID.items()}
        values |= {"m1": None, "t1": None}
        result = calibrate(FIXTURE, library=library, scorers=judged(library, values))
        assert result.unscored == ("m1", "t1")
        assert result.overall.n == 6
        assert "m1" not in [d.id for d in result.worst]

    def test_question_text_alone(self, library: Library) -> None:
        """A label with only the question's text is asked as a question of its own."""
        seen: list[Question | None] = []

        def spy(answer: str, context: ScoringContext) -> Score:
            seen.append(context.question)
            return Score(value=1.0)

        label = Label(
            id="t",
            question_text="How would you explain recursion to a child?",
            rubric="knowledge-explanation",
            answer="Russian dolls, one inside the other.",
            grade=4,
            reason="clear",
        )
        ids = {c.scorer for rubric in library.rubrics for c in rubric.criteria if c.scorer}
        result = calibrate([label], library=library, scorers=dict.fromkeys(ids, spy))
        assert result.overall.n == 1
        assert list(result.by_answer_type) == ["knowledge"]
        question = seen[0]
        assert question is not None
        assert question.text == "How would you explain recursion to a child?"
        assert question.answer_type == "knowledge"
        assert result.worst[0].question is None

    def test_posting_reaches_the_scorers(self, library: Library) -> None:
        """A label's job posting is the interview's posting the scorers read."""
        postings: list[str] = []

        def spy(answer: str, context: ScoringContext) -> Score:
            postings.append(context.interview.job_posting if context.interview else "")
            return Score(value=0.0)

        ids = {c.scorer for rubric in library.rubrics for c in rubric.criteria if c.scorer}
        calibrate(FIXTURE, library=library, scorers=dict.fromkeys(ids, spy))
        assert "Data analyst: SQL, dashboards, stakeholder reporting." in postings

    def test_unknown_references_stop_before_assessing(
        self, library: Library, tmp_path: Path
    ) -> None:
        """Labels naming what the library lacks are all reported, by line, before any scoring."""
        path = labels_file(
            tmp_path,
            line(id="a", question="core/mistake-you-mad"),
            line(id="b", rubric="core/nope"),
            line(id="c", criteria={"candor": 2}),
            line(id="d", question=None, question_text="Why?"),
            line(id="e", question="mistake-you-made"),
        )
        calls: list[str] = []

        def spy(answer: str, context: ScoringContext) -> Score:
            calls.append(answer)
            return Score(value=1.0)

        with pytest.raises(LabelError) as caught:
            calibrate(path, library=library, scorers={"star-structure": spy})
        assert calls == []
        assert [str(p) for p in caught.value.problems] == [
            f"{path}:1: question: no question 'core/mistake-you-mad' in the loaded packs "
            "(did you mean 'core/mistake-you-made'?)",
            f"{path}:2: rubric: no rubric 'core/nope' in the loaded packs",
            f"{path}:3: criteria.candor: rubric core/star-answer has no criterion 'candor' "
            "(did you mean 'candour'?)",
            f"{path}:4: rubric: a label with question_text alone needs a rubric: give its id",
        ]

    def test_labels_made_in_code_are_named_by_position(self, library: Library) -> None:
        """Problems of labels given in code name the label's place in the sequence."""
        label = Label(id="x", question="nope", answer="A.", grade=2, reason="r")
        with pytest.raises(LabelError) as caught:
            calibrate([label, label], library=library)
        assert [p.path for p in caught.value.problems] == [
            "labels[0].question",
            "labels[1].question",
        ]

    def test_bare_id_in_two_packs(self) -> None:
        """A bare id that two loaded packs have is ambiguous: the full id is asked for."""
        packs = [_pack("one"), _pack("two", rubric=False)]
        library = Library.from_packs(packs)
        label = Label(id="x", question="q", answer="A.", grade=2, reason="r")
        with pytest.raises(LabelError, match=r"'q' names several questions \(one/q, two/q\)"):
            calibrate([label], library=library)

    def test_scale_is_moved_onto_the_grades(self) -> None:
        """Totals on a rubric's 0-8 scale are compared on the human 1-4 scale."""
        library = Library.from_packs([_pack("one")])
        labels = [
            Label(id=str(n), question="one/q", answer=f"answer {n}", grade=n, reason="r")
            for n in (1, 2, 3, 4)
        ]
        # Levels 0, 4, 6 and 8 of 8: 1, 2.5, 3.25 and 4 on the human scale.
        values = {"answer 1": 0.0, "answer 2": 0.5, "answer 3": 0.75, "answer 4": 1.0}
        result = calibrate(labels, library=library, scorers={"judge": judge(values)})
        assert [(d.id, d.machine) for d in result.worst] == [
            ("2", 2.5),
            ("3", 3.25),
            ("1", 1.0),
            ("4", 4.0),
        ]
        assert result.overall.spearman == pytest.approx(1.0)

    def test_not_a_label(self, library: Library) -> None:
        """Anything but labels is refused, naming its type."""
        with pytest.raises(TypeError, match="not dict"):
            calibrate([{"id": "x"}], library=library)  # type: ignore[list-item]

    def test_negative_worst(self, library: Library) -> None:
        """A negative number of disagreements to list is refused."""
        with pytest.raises(ValueError, match="worst must be 0 or more"):
            calibrate(FIXTURE, library=library, worst=-1)

    def test_plain_data(self, library: Library) -> None:
        """A calibration turns into plain data, every field written."""
        values = {key: faithful(grade) for key, grade in GRADES_BY_ID.items()}
        result = calibrate(FIXTURE, library=library, scorers=judged(library, values), worst=1)
        data = to_dict(result)
        assert set(data) == {
            "labels",
            "overall",
            "by_answer_type",
            "by_criterion",
            "unscored",
            "worst",
            "traps_missed",
        }
        assert data["overall"]["n"] == 8
        assert set(data["worst"][0]) == {
            "id",
            "question",
            "human",
            "machine",
            "reason",
            "suggestions",
            "trap",
        }
        json.dumps(data)


def _pack(name: str, *, rubric: bool = True) -> Pack:
    """A pack with question ``q`` rated by rubric ``r`` (0-8, scored by ``judge``)."""
    levels = [Level(score=s, label=str(s), anchor=f"Level {s}.") for s in range(9)]
    criterion = Criterion(id="all", name="Everything", scorer="judge", levels=levels)
    rubrics = [Rubric(id="r", title="Rubric", scale=Scale(min=0, max=8), criteria=[criterion])]
    question = Question(
        id="q",
        text="Why?",
        asked_by="interviewer",
        kind="motivational",
        intent="will-do",
        rubric="r" if rubric else None,
    )
    return Pack(
        info=PackInfo(name=name, version="1.0.0", title=name),
        questions=[question],
        rubrics=rubrics if rubric else [],
    )


# -- rendering and the command -----------------------------------------------------------


@pytest.fixture
def faithful_result(library: Library) -> Calibration:
    """The fixture calibrated with a judge that is faithful but for m4, a trap it passes."""
    values = {key: faithful(grade) for key, grade in GRADES_BY_ID.items()}
    values |= {"m4": 1.0}
    return calibrate(FIXTURE, library=library, scorers=judged(library, values))


class TestRendering:
    def test_text_is_a_compact_table(self, faithful_result: Calibration) -> None:
        """Plain text shows the agreement as a grid, then the disagreements and the traps."""
        text = render_text(faithful_result, width=80)
        lines = text.splitlines()
        assert lines[0] == "CALIBRATION"
        header = next(line for line in lines if line.startswith("Answers"))
        assert header.split() == ["Answers", "n", "Spearman", "Kappa", "Pairwise", "Pairs", "MAE"]
        assert any(line.split()[:2] == ["all", "8"] for line in lines)
        assert any(line.split()[:2] == ["story", "4"] for line in lines)
        assert "core/star-answer" in text
        assert any(line.split()[:2] == ["candour", "3"] for line in lines)
        assert "m4: core/mistake-you-made" in text
        assert "trap: fake-mistake" in text
        assert max(len(line) for line in lines) <= 80

    def test_narrow_text_reads_row_by_row(self, faithful_result: Calibration) -> None:
        """When the grid does not fit, each row is read as labelled lines."""
        text = render_text(faithful_result, width=30)
        assert "  all: 8" not in text
        assert "    Spearman: 1.00" in text

    def test_markdown_tables(self, faithful_result: Calibration) -> None:
        """Markdown shows the figures as tables."""
        markdown = render_markdown(faithful_result)
        assert "| Answers | n | Spearman | Kappa | Pairwise | Pairs | MAE |" in markdown
        assert "| all | 8 |" in markdown

    def test_german_headings(self, faithful_result: Calibration) -> None:
        """The fixed words come from the catalogue."""
        text = render_text(faithful_result, width=100, catalogue=catalogue("de"))
        assert text.startswith("KALIBRIERUNG")
        assert "Anzahl" in text


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


class TestCommand:
    def test_text(self, capsys: pytest.CaptureFixture[str]) -> None:
        """calibrate FILE prints the agreement table and the largest disagreements."""
        code, out, err = run(["calibrate", str(FIXTURE), "--only", "core"], capsys)
        assert (code, err) == (0, "")
        assert out.startswith("CALIBRATION\n")
        assert "graded by hand: 8" in out
        assert "LARGEST DISAGREEMENTS" in out

    def test_json(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--format json writes every field of the calibration."""
        argv = ["calibrate", str(FIXTURE), "--format", "json", "--worst", "2", "--only", "core"]
        code, out, _ = run(argv, capsys)
        assert code == 0
        data = json.loads(out)
        assert data["labels"] == 8
        assert len(data["worst"]) == 2
        assert set(data["overall"]) == {
            "n",
            "spearman",
            "kappa",
            "pairwise",
            "pairs",
            "mean_absolute_error",
        }

    def test_markdown_to_a_file(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """--format md -o FILE writes the Markdown report to the file, nothing to stdout."""
        output = tmp_path / "calibration.md"
        code, out, _ = run(["calibrate", str(FIXTURE), "--format", "md", "-o", str(output)], capsys)
        assert (code, out) == (0, "")
        assert output.read_text("utf-8").startswith("# Calibration")

    def test_bad_file(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """A bad labels file exits 1, each problem on a line of its own on stderr."""
        path = labels_file(tmp_path, line(id="a"), line(id="b", grade=5), "{")
        code, out, err = run(["calibrate", str(path)], capsys)
        assert (code, out) == (1, "")
        assert err.splitlines() == [
            f"{path}:2: grade: expected an integer from 1 to 4, got 5",
            f"{path}:3: invalid JSON: Expecting property name enclosed in double quotes (column 2)",
        ]

    def test_unknown_question(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """A label naming a question no loaded pack has exits 1, naming its line."""
        path = labels_file(tmp_path, line(question="core/nope"))
        code, _, err = run(["calibrate", str(path), "--only", "core"], capsys)
        assert code == 1
        assert err.startswith(f"{path}:1: question: no question 'core/nope'")

    def test_missing_file(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """A file that does not exist is a usage error, as for every command."""
        code, _, err = run(["calibrate", str(tmp_path / "nope.jsonl")], capsys)
        assert code == 2
        assert err.strip().endswith("nope.jsonl: it does not exist")

    def test_worst_must_be_a_number(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--worst takes a whole number; anything else is a usage error."""
        code, _, _ = run(["calibrate", str(FIXTURE), "--worst", "many"], capsys)
        assert code == 2

    def test_public_names(self) -> None:
        """The calibration API is importable from interviewprep."""
        for name in ("calibrate", "load_labels", "Calibration", "Agreement", "Label"):
            assert name in interviewprep.__all__
        assert "Disagreement" in interviewprep.__all__
        assert "LabelError" in interviewprep.__all__
