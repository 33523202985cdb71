"""
Matching content to interviews (applicability, scope) and answers (talking points, red flags).
"""

from __future__ import annotations

import datetime as dt
import itertools
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from interviewprep import (
    Applicability,
    Checklist,
    ChecklistItem,
    Criterion,
    Interview,
    Level,
    Library,
    Pack,
    PackInfo,
    PracticeSession,
    Question,
    Rubric,
    Scale,
    Scope,
    Signal,
    Tip,
    applies,
    assess,
    build_plan,
    find_signals,
    testing,
    validate_pack,
)
from packtools import write_files

WHEN = dt.datetime(2026, 12, 3, 10)
TODAY = dt.date(2026, 11, 20)


def interview(**fields: object) -> Interview:
    values: dict[str, object] = {"company": "Acme", "role": "Analyst", "when": WHEN}
    return Interview(**(values | fields))  # type: ignore[arg-type]


class TestApplies:
    def test_empty_applies_everywhere(self) -> None:
        """An item that names no dimension applies to any interview, fully known."""
        fit = applies(Applicability(), interview(format="video", region="de"))
        assert fit.applies
        assert (fit.matched, fit.unknown) == (0, 0)

    @pytest.mark.parametrize(
        ("named", "context", "expected"),
        [
            ({"formats": ["video"]}, {"format": "in-person"}, False),
            ({"formats": ["video", "phone"]}, {"format": "phone"}, True),
            ({"regions": ["us"]}, {"region": "de"}, False),
            ({"regions": ["eu"]}, {"region": "de"}, True),
            ({"regions": ["eu"]}, {"region": "gb"}, False),
            ({"seniority": ["senior", "lead"]}, {"seniority": "lead"}, True),
            ({"situations": ["graduate"]}, {"situations": ["returner"]}, False),
            ({"situations": ["graduate", "returner"]}, {"situations": ["returner"]}, True),
            ({"situations": ["graduate"]}, {"situations": []}, False),
            ({"roles": ["teaching"]}, {"sector": "data"}, False),
        ],
    )
    def test_every_named_dimension_must_match(
        self, named: dict[str, list[str]], context: dict[str, object], expected: bool
    ) -> None:
        """An item applies when every dimension it names matches the interview."""
        assert applies(Applicability(**named), interview(**context)).applies is expected  # type: ignore[arg-type]

    def test_unknown_dimension_keeps_the_item_ranked_lower(self) -> None:
        """A dimension the interview leaves unknown keeps the item, counted as unknown."""
        fit = applies(Applicability(regions=["us"], formats=["video"]), interview(format="video"))
        assert fit.applies
        assert (fit.matched, fit.unknown) == (1, 1)

    def test_scope_counts_as_the_roles_of_items_naming_none(self) -> None:
        """A role pack's scope limits its items to interviews of its roles."""
        data = interview(sector="data")
        assert not applies(
            Applicability(), data, roles=frozenset({"data"}), scope=frozenset({"teaching"})
        ).applies
        assert applies(
            Applicability(), data, roles=frozenset({"data"}), scope=frozenset({"data"})
        ).applies

    @given(applicability=testing.applicabilities(), base=testing.interviews(), data=st.data())
    def test_more_context_never_brings_back_a_contradicted_item(
        self, applicability: Applicability, base: Interview, data: st.DataObject
    ) -> None:
        """Filling in unknown context never makes an excluded item apply again."""
        fields = ["region", "seniority", "situations", "sector"]
        order = data.draw(st.permutations(fields))
        steps = [attrs.evolve(base, **dict.fromkeys(fields))]
        for field in order:  # from nothing known to everything known, one field at a time
            steps.append(attrs.evolve(steps[-1], **{field: getattr(base, field)}))
        fits = [applies(applicability, step) for step in steps]
        for less, more in itertools.pairwise(fits):
            if not less.applies:
                assert not more.applies
        if not applicability:
            assert all(fit.applies for fit in fits)


class TestFindSignals:
    POINTS = (
        Signal(id="forward", label="a forward-looking reason", cues=("next step", "grow")),
        Signal(id="blame", label="blaming", cues=("toxic", "my manager was")),
    )

    def test_stems_and_phrases(self) -> None:
        """Cues match by word stem, and phrases as consecutive words."""
        [forward, blame] = find_signals("I am growing; my next steps matter.", self.POINTS)
        assert forward.found
        assert forward.evidence == "next steps"
        assert not blame.found

    def test_negation_within_five_words(self) -> None:
        """A cue soon after a negation in its clause is reported as negated, not found."""
        [_, blame] = find_signals("It was never toxic, honestly.", self.POINTS)
        assert not blame.found
        assert blame.negated
        [_, blame] = find_signals("I'd ask, without assuming it is toxic.", self.POINTS)
        assert blame.negated
        [_, blame] = find_signals("Never once did I say it was toxic.", self.POINTS)
        assert blame.found

    @pytest.mark.parametrize(
        "text",
        [
            "I say so in the note rather than hoping it stays toxic.",
            "Instead of calling it toxic, I asked what had changed.",
            "Statt es toxic zu nennen, fragte ich nach.",
            "Plutôt que toxic, je dirais difficile.",
        ],
    )
    def test_words_that_set_a_cue_aside(self, text: str) -> None:
        """ "Rather than", "instead of": what follows is set aside, as after a negation."""
        [_, blame] = find_signals(text, self.POINTS)
        assert blame.negated

    def test_rather_alone_sets_nothing_aside(self) -> None:
        """ "I'd rather" says what the speaker wants: the cue after it is found."""
        [_, blame] = find_signals("I'd rather call it toxic, to be honest.", self.POINTS)
        assert blame.found

    def test_contractions_are_spelled_out(self) -> None:
        """ "I'm" and "I am", "didn't" and "did not" match the same cues."""
        signals = (Signal(id="look", label="looking", cues=("I'm looking for",)),)
        assert find_signals("I am looking for more scope", signals)[0].found
        assert find_signals("I\u2019m looking for more scope", signals)[0].found
        [_, blame] = find_signals("It wasn't toxic at all", self.POINTS)
        assert blame.negated

    def test_french_elisions(self) -> None:
        """ "l'offre" matches the cue "offre", and "n'ai ... jamais" negates."""
        signals = (Signal(id="offer", label="offer", cues=("offre",)),)
        assert find_signals("J'ai lu l'offre hier", signals)[0].found
        assert find_signals("Je n'ai pas d'offre", signals)[0].negated

    def test_chained_elisions(self) -> None:
        """Elisions chain ("d'l'offre"); a word of thousands of them is read, not recursed."""
        signals = (Signal(id="offer", label="offer", cues=("offre",)),)
        assert find_signals("d'l'offre", signals)[0].found
        word = "l'" * 5_000 + "offre"
        [match] = find_signals(f"J'ai lu {word}.", signals)
        assert match.found
        assert match.evidence == "offre"

    def test_german_and_french_negations(self) -> None:
        signals = (Signal(id="blame", label="blame", cues=("schuld", "faute")),)
        assert find_signals("Es war nicht seine Schuld", signals)[0].negated
        assert find_signals("Ce n'était jamais sa faute", signals)[0].negated

    def test_negation_stops_at_the_end_of_a_sentence(self) -> None:
        """A negation in one sentence does not reach a cue at the start of the next."""
        [forward, _] = find_signals("They don't. Next step: I grow the team.", self.POINTS)
        assert forward.found
        [forward, _] = find_signals("I can't; growing is hard there.", self.POINTS)
        assert forward.found

    def test_a_word_slipped_into_a_phrase_still_matches(self) -> None:
        """Speakers say "what they actually needed" and "they, um, agreed"."""
        signals = (Signal(id="needs", label="needs", cues=("what they needed", "they agreed")),)
        [needs] = find_signals("I asked what they actually needed.", signals)
        assert needs.evidence == "what they actually needed"
        assert find_signals("And they, um, agreed to try it.", signals)[0].found
        assert not find_signals("what they had needed", signals)[0].found
        assert not find_signals("what they actually really needed", signals)[0].found
        assert find_signals("I never asked what they actually needed.", signals)[0].negated

    def test_a_per_cent_sign_reads_as_percent(self) -> None:
        signals = (Signal(id="result", label="result", cues=("percent",)),)
        assert find_signals("Usage rose from 60% to 85%.", signals)[0].found

    @given(st.text(max_size=200))
    def test_no_text_breaks_matching(self, text: str) -> None:
        signals = (Signal(id="a", label="a", cues=("what they needed", "per cent", "all of")),)
        assert len(find_signals(text, signals)) == 1


def _rubric(rubric_id: str, answer_types: list[str]) -> Rubric:
    levels = [
        Level(score=1, label="Weak", anchor="Vague."),
        Level(score=2, label="Good", anchor="Specific."),
    ]
    return Rubric(
        id=rubric_id,
        title=rubric_id,
        scale=Scale(min=1, max=2),
        criteria=[Criterion(id="c", name="C", levels=levels)],
        answer_types=answer_types,  # type: ignore[arg-type]
    )


def _question(question_id: str, **fields: object) -> Question:
    values: dict[str, object] = {
        "id": question_id,
        "text": f"Question {question_id}?",
        "asked_by": "interviewer",
        "kind": "behavioral",
        "intent": "can-do",
    }
    return Question(**(values | fields))  # type: ignore[arg-type]


def _library(*packs: Pack) -> Library:
    return Library.from_packs(packs, strict=True)


class TestRubricsByAnswerType:
    def test_answer_type_chooses_the_default_rubric(self) -> None:
        """Without its own rubric, a question is rated by the rubric for its answer type."""
        pack = Pack(
            info=PackInfo(name="demo", version="1", title="Demo", format=2),
            rubrics=[_rubric("stories", ["story"]), _rubric("ideas", ["opinion", "hypothetical"])],
            questions=[_question("q", answer_type="hypothetical")],
        )
        library = _library(pack)
        question = library.questions["demo/q"]
        assert library.rubric_for(question) == library.rubrics["demo/ideas"]
        result = assess("I would first listen to the team.", question=question, library=library)
        assert result.rubric.id == "ideas"

    def test_no_rubric_is_a_clear_error(self) -> None:
        """assess without a rubric it can find says what it needs."""
        with pytest.raises(TypeError, match="assess needs a rubric"):
            assess("An answer.")

    def test_unsuited_rubric_is_a_warning(self, tmp_path: Path) -> None:
        """A question whose rubric rates other answer types gets a warning; the pack still loads."""
        text = """
[pack]
name = "demo"
version = "1.0.0"
title = "Demo"
format = 2

[[rubrics]]
id = "stories"
title = "Stories"
scale = { min = 1, max = 2 }
answer_types = ["story"]

[[rubrics.criteria]]
id = "c"
name = "C"

[[rubrics.criteria.levels]]
score = 1
label = "Weak"
anchor = "Vague."

[[questions]]
id = "estimate"
text = "How many piano tuners are there in Berlin?"
asked_by = "interviewer"
kind = "technical-depth"
intent = "can-do"
answer_type = "estimation"
rubric = "stories"
"""
        folder = write_files(tmp_path, {"pack.toml": text})
        [warning] = validate_pack(folder)
        assert warning.severity == "warning"
        assert warning.path == "questions[0].rubric"
        assert warning.line == text.splitlines().index('rubric = "stories"') + 1
        assert "rates story answers, not estimation answers" in warning.message
        assert str(warning).endswith(warning.message)
        assert "warning: " in str(warning)


class TestPlansAndPractice:
    def _packs(self) -> tuple[Pack, ...]:
        core = Pack(
            info=PackInfo(name="base", version="1", title="Base", format=2),
            tips=[
                Tip(
                    id="route",
                    title="Plan the route",
                    body="Check it.",
                    topic="logistics",
                    applies=Applicability(formats=["in-person"]),
                ),
                Tip(
                    id="us-pay",
                    title="US pay law",
                    body="Know it.",
                    topic="salary",
                    applies=Applicability(regions=["us"]),
                ),
                Tip(id="general", title="Rest well", body="Sleep.", topic="logistics"),
            ],
            checklists=[
                Checklist(
                    id="before",
                    title="Before",
                    stage="before",
                    items=[
                        ChecklistItem(
                            id="route",
                            text="Check the route",
                            applies=Applicability(formats=["in-person"]),
                        ),
                        ChecklistItem(
                            id="camera",
                            text="Test the camera",
                            applies=Applicability(formats=["video"]),
                        ),
                    ],
                ),
            ],
            questions=[_question("general")],
        )
        teaching = Pack(
            info=PackInfo(
                name="teaching",
                version="1",
                title="Teaching",
                format=2,
                scope=[
                    Scope(id="teaching", title="Teaching", words=["teacher", "school", "pupils"])
                ],
            ),
            tips=[Tip(id="safeguarding", title="Safeguarding", body="Know it.", topic="technical")],
            questions=[_question("behaviour", text="How do you manage a class?")],
        )
        return core, teaching

    def test_plan_uses_only_what_applies(self) -> None:
        """A video interview for a data analyst in Germany gets no route, no US law, no teaching."""
        library = _library(*self._packs())
        iv = interview(format="video", region="de", job_posting="SQL and dashboards")
        plan = build_plan(library, iv, today=TODAY)
        assert [t.id for t in plan.tips] == ["general"]
        assert [t.text for t in plan.tasks if t.source.startswith("base/before")] == [
            "Test the camera"
        ]
        assert [q.id for q in plan.questions_to_rehearse] == ["general"]

    def test_role_pack_is_used_for_its_roles(self) -> None:
        """A teacher's interview gets the teaching pack's items, recognised from the posting."""
        library = _library(*self._packs())
        iv = interview(role="Maths teacher", job_posting="A school of 900 pupils")
        plan = build_plan(library, iv, today=TODAY)
        assert "safeguarding" in [t.id for t in plan.tips]
        session = PracticeSession(library, iv, questions=5)
        assert "teaching/behaviour" in [p.question.full_id for p in session.prompts]

    def test_unknown_region_ranks_region_items_last(self) -> None:
        """With no region, region-specific tips stay but come after the general ones."""
        library = _library(*self._packs())
        plan = build_plan(library, interview(format="in-person"), today=TODAY)
        assert [t.id for t in plan.tips] == ["route", "general", "us-pay"]


class TestNamedSkills:
    """The skills a job posting names, as the step practising for them prints them."""

    def test_a_list_of_tools(self) -> None:
        """Names listed together, one written as a tool, are skills, in the posting's
        spelling and order."""
        from interviewprep._matching import named_skills

        posting = "Build dashboards with SQL and Python, and work with finance."
        assert named_skills(interview(job_posting=posting)) == ("SQL", "Python")
        posting = "Experience with PostgreSQL, Airflow or C++; AWS/GCP a plus."
        assert named_skills(interview(job_posting=posting)) == (
            "PostgreSQL",
            "Airflow",
            "C++",
            "AWS",
        )

    def test_people_places_and_teams_are_not_skills(self) -> None:
        """Names after an article, capitalised words with nothing written as a tool,
        a sentence's first word and the names the file gives are left out."""
        from interviewprep._matching import named_skills

        for posting in (
            "Report to the CFO and CEO.",
            "Partner with Product, Engineering and Finance in London and Berlin.",
            "Python and pandas daily.",
            "One SQL test.",
        ):
            assert named_skills(interview(job_posting=posting)) == (), posting
        iv = interview(company="ACME Data", job_posting="Join ACME and Contoso with SQL.")
        assert named_skills(iv) == ()

    def test_tags_of_content_for_the_role(self) -> None:
        """Words the posting shares with the tags given (by stem, a hyphen read as a
        space) follow the tools, at most four in all."""
        from interviewprep._matching import MOST_SKILLS, named_skills

        posting = "Own churn reporting with SQL and Python; run pricing experiments."
        iv = interview(job_posting=posting)
        assert named_skills(iv, ["experiment", "sql"]) == ("SQL", "Python", "experiments")
        assert named_skills(iv, ["pricing-experiments"]) == (
            "SQL",
            "Python",
            "pricing experiments",
        )
        many = named_skills(iv, ["churn", "reporting", "pricing", "experiments"])
        assert len(many) == MOST_SKILLS
        assert many[:2] == ("SQL", "Python")
