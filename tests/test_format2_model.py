"""
Pack format 2, part 2: applicability, answer types, talking points, red flags, scope.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from interviewprep import (
    Applicability,
    PackError,
    Question,
    Scope,
    Signal,
    ValidationError,
    from_dict,
    load_pack,
    to_dict,
    validate_pack,
)
from packtools import write_files

FORMAT_2 = """
[pack]
name = "roles"
version = "1.0.0"
title = "Role pack"
format = 2

[[pack.scope]]
id = "data"
title = "Data and analytics"
words = ["data analyst", "SQL", "dashboards"]

[[tips]]
id = "pay-law"
title = "Know the salary-history rules"
body = "Many US states bar the question."
topic = "salary"
applies = { regions = ["us"], situations = ["career-changer"] }

[[questions]]
id = "why-leaving"
text = "Why are you leaving?"
asked_by = "interviewer"
kind = "motivational"
intent = "will-do"
answer_type = "motivation"
theme = "growth"

[[questions.talking_points]]
id = "forward"
label = "a forward-looking reason"
cues = ["grow", "next step", "looking for"]

[[questions.red_flags]]
id = "blame"
label = "blaming a former employer"
cues = ["my manager was", "toxic", "a joke"]

[[questions]]
id = "ask-remote"
text = "How does the team work across locations?"
asked_by = "candidate"
theme = "remote-work"
"""


class TestModel:
    def test_applicability_defaults_to_everywhere(self) -> None:
        """An item without applies applies everywhere; the empty object is false."""
        assert not Applicability()
        assert Applicability(formats=["video"])

    @pytest.mark.parametrize(
        ("fields", "path"),
        [
            ({"regions": ["Germany"]}, "regions"),
            ({"regions": ["DE"]}, "regions"),
            ({"situations": ["student"]}, "situations"),
            ({"seniority": ["junior"]}, "seniority"),
            ({"roles": ["Data Analyst"]}, "roles[0]"),
        ],
    )
    def test_malformed_applicability(self, fields: dict[str, list[str]], path: str) -> None:
        """A malformed applicability value names its field."""
        with pytest.raises(ValidationError) as info:
            Applicability(**fields)  # type: ignore[arg-type]
        assert info.value.field == path

    def test_questions_to_ask_need_no_kind_or_intent(self) -> None:
        """A question for the candidate to ask needs no kind or intent; one asked of them does."""
        assert Question(id="q", text="How?", asked_by="candidate").kind is None
        with pytest.raises(ValidationError, match="required for a question asked"):
            Question(id="q", text="Why?", asked_by="interviewer")

    def test_signal_ids_are_unique(self) -> None:
        """Two talking points of one question cannot share an id."""
        point = Signal(id="a", label="A", cues=["x"])
        with pytest.raises(ValidationError) as info:
            Question(
                id="q",
                text="Q?",
                asked_by="interviewer",
                kind="behavioral",
                intent="can-do",
                talking_points=[point, point],
            )
        assert info.value.field == "talking_points[1].id"

    def test_round_trip(self) -> None:
        """Format 2 fields survive to_dict / from_dict."""
        question = Question(
            id="q",
            text="Q?",
            asked_by="interviewer",
            kind="behavioral",
            intent="can-do",
            answer_type="story",
            talking_points=[Signal(id="a", label="A", cues=["x"])],
            applies=Applicability(regions=["eu"], formats=["video"]),
            theme="team",
        )
        assert from_dict(Question, to_dict(question)) == question
        assert to_dict(question)["applies"] == {"formats": ["video"], "regions": ["eu"]}

    def test_scope(self) -> None:
        """A scope needs an id and a title; its words recognise the role."""
        assert Scope(id="teaching", title="Teaching", words=["teacher"]).words == ("teacher",)


class TestPackFiles:
    def test_format_2_pack_loads(self, tmp_path: Path) -> None:
        """A format 2 pack with every new field loads."""
        pack = load_pack(write_files(tmp_path, {"pack.toml": FORMAT_2}))
        assert pack.info.scope[0].words == ("data analyst", "SQL", "dashboards")
        [leaving, ask] = pack.questions
        assert leaving.red_flags[0].label == "blaming a former employer"
        assert ask.kind is None
        assert pack.tips[0].applies.regions == {"us"}

    def test_format_1_pack_cannot_use_format_2_fields(self, tmp_path: Path) -> None:
        """A format 1 pack using a format 2 field is told to say format = 2, at the field."""
        text = FORMAT_2.replace("format = 2\n", "")
        folder = write_files(tmp_path, {"pack.toml": text})
        with pytest.raises(PackError) as info:
            load_pack(folder)
        [problem] = info.value.problems
        assert "set format = 2" in problem.message

    @pytest.mark.parametrize(
        ("old", "new", "path"),
        [
            ('regions = ["us"]', 'regions = ["USA"]', "tips[0].applies.regions"),
            ('answer_type = "motivation"', 'answer_type = "feelings"', "questions[0].answer_type"),
            (
                'label = "a forward-looking reason"',
                'label = ""',
                "questions[0].talking_points[0].label",
            ),
        ],
    )
    def test_malformed_values_are_located(
        self, tmp_path: Path, old: str, new: str, path: str
    ) -> None:
        """A malformed format 2 value is a problem with file, line and path."""
        folder = write_files(tmp_path, {"pack.toml": FORMAT_2.replace(old, new)})
        [problem] = validate_pack(folder)
        assert problem.path == path
        assert problem.file is not None
        assert problem.line is not None
        line = (folder / "pack.toml").read_text().splitlines()[problem.line - 1]
        assert new.split(" = ")[0].strip() in line or new in line
