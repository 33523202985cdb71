"""
Plans choose through the library's indexes exactly what scoring every item would.

Three checks: the selections of a few plans with every pack of ``packs/`` are pinned
(tests/fixtures/plan-selection.json, recorded before the indexes came); whole plans
equal those built with the straightforward selection of tests/plan_reference.py, for
those interviews and for generated libraries full of ties; and the same holds for
random packs and interviews (Hypothesis).

To record the pinned selections again after a deliberate change of the rules:
``PYTHONPATH=src python tests/test_plan_selection.py``.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import interviewprep._planning as planning
import interviewprep._selection as selecting
import plan_reference
from interviewprep import (
    EarlierAnswer,
    FirstRound,
    Interview,
    Interviewer,
    Library,
    Pack,
    PrepPlan,
    build_plan,
    from_dict,
    load_interview,
    load_library,
    to_json,
)
from interviewprep.testing import interviews, packs

ROOT = Path(__file__).parent.parent
PACKS = sorted((ROOT / "packs").glob("*/src/*"))
PINNED = Path(__file__).parent / "fixtures" / "plan-selection.json"
WHEN = dt.datetime(2026, 12, 3, 10, 0)
TODAY = dt.date(2026, 11, 26)
FOUR = (
    Interviewer(name="Dana Whitfield", title="Head", audience="hiring-manager", met_before=True),
    Interviewer(name="Sam Osei", audience="peer"),
    Interviewer(name="Priya Raman", audience="executive"),
    Interviewer(name="Lee Park", audience="senior-technical"),
)


def _cases() -> dict[str, tuple[str | None, Interview, dict[str, Any]]]:
    """Named interviews: (library language, interview, build_plan options)."""
    example = load_interview(ROOT / "examples" / "interview.toml")
    badly = FirstRound(
        went_badly=["Tell me about a mistake you made", "core/salary-expectations", "nothing"],
        answers=[
            EarlierAnswer(question="core/why-leaving-current-employer", answer="The product.")
        ],
        promised=["Send the deck"],
    )
    teaching = Interview(
        company="Hillside Academy",
        role="Maths teacher",
        when=WHEN,
        format="in-person",
        interviewers=(Interviewer(name="Ann Lee", audience="line-manager"),),
        job_posting="Teach maths at key stage 3 and 4; safeguarding training; behaviour.",
        region="gb",
        seniority="mid",
        situations=["returner"],
    )
    software = Interview(
        company="Acme",
        role="Backend software engineer",
        when=WHEN,
        format="panel",
        interviewers=(
            Interviewer(name="Kim", audience="panel"),
            Interviewer(name="Ola", audience="peer", met_before=True),
        ),
        job_posting="Build APIs in Go; on-call rota; code review; mentor junior engineers.",
        first_round=badly,
        region="us",
    )
    bare = Interview(company="Nowhere", role="Clerk", when=WHEN, format="phone")
    return {
        "example": (None, example, {}),
        "example-everything": (
            None,
            example,
            {"rehearse": None, "questions_per_interviewer": None, "tips": None},
        ),
        "example-few": (None, example, {"rehearse": 3, "questions_per_interviewer": 1, "tips": 2}),
        "teaching": (None, teaching, {}),
        "software-opt-in": (None, software, {"opt_in": ["brainteaser", "presentation"]}),
        "software-four": (None, attrs.evolve(software, interviewers=FOUR), {}),
        "bare": (None, bare, {}),
        "german": ("de", example, {}),
        "french-software": ("fr", software, {"tips": 12}),
    }


def selection(plan: PrepPlan) -> dict[str, Any]:
    """What a plan chose, and why: the part the indexes decide."""
    return {
        "rehearse": [q.full_id for q in plan.questions_to_rehearse],
        "askers": dict(plan.askers),
        "ask": {name: [q.full_id for q in qs] for name, qs in plan.questions_to_ask.items()},
        "tips": [tip.full_id for tip in plan.tips],
        "reasons": dict(plan.reasons),
        "priorities": [[p.source, p.text] for p in plan.priorities],
    }


_LIBRARIES: dict[str | None, Library] = {}


def library_in(language: str | None) -> Library:
    if language not in _LIBRARIES:
        _LIBRARIES[language] = load_library(paths=PACKS, language=language)
    return _LIBRARIES[language]


def reference_plan(library: Library, interview: Interview, **options: Any) -> PrepPlan:
    """The plan built with the straightforward selection of tests/plan_reference.py."""
    with pytest.MonkeyPatch.context() as patch:
        for name in ("_rehearse", "_to_ask", "_tips", "_groundwork", "_step_tips"):
            patch.setattr(planning, name, getattr(plan_reference, name))
        return build_plan(library, interview, **options)


def both(library: Library, interview: Interview, **options: Any) -> tuple[str, str]:
    options.setdefault("today", TODAY)
    indexed = build_plan(library, interview, **options)
    return to_json(indexed), to_json(reference_plan(library, interview, **options))


CASES = _cases()


@pytest.mark.parametrize("name", sorted(CASES))
def test_pinned_selection(name: str) -> None:
    language, interview, options = CASES[name]
    plan = build_plan(library_in(language), interview, today=TODAY, **options)
    assert selection(plan) == json.loads(PINNED.read_text(encoding="utf-8"))[name]


@pytest.mark.parametrize("name", sorted(CASES))
def test_same_plan_as_scoring_everything(name: str) -> None:
    language, interview, options = CASES[name]
    indexed, reference = both(library_in(language), interview, **options)
    assert indexed == reference


# -- generated libraries -----------------------------------------------------------------------

AUDIENCES = ["recruiter", "hiring-manager", "panel", "peer", "senior-technical", "executive"]
WORDS = ["churn", "data", "pricing", "budget", "team", "plan", "risk", "customer"]
WORDS += ["python", "report", "mentor", "goal"]
TYPES = ["story", "hypothetical", "motivation", "knowledge", "opinion", "closing", "salary"]
APPLIES = [
    {},
    {},
    {},
    {"formats": ["video"]},
    {"regions": ["de"]},
    {"regions": ["eu"]},
    {"seniority": ["senior"]},
    {"situations": ["returner"]},
    {"roles": ["data"]},
]


def generated_pack(seed: int, size: int, *, name: str = "gen", scoped: bool = False) -> Pack:
    """A pack with few distinct words and values, so that scores tie often."""
    rng = random.Random(seed)

    def text() -> str:
        return " ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 4))) + "?"

    def common() -> dict[str, Any]:
        roll = rng.random()
        return {
            "audiences": rng.sample(AUDIENCES, rng.choice([0, 0, 1, 1, 2, 3])),
            "stages": [] if roll < 0.3 else ["during"] if roll < 0.8 else ["before"],
            "applies": rng.choice(APPLIES),
            "tags": rng.sample(["brainteaser", "presentation", *WORDS], rng.randint(0, 2)),
        }

    questions = []
    for n in range(size):
        question: dict[str, Any] = {"id": f"q{n}", "text": text(), **common()}
        if n in (0, 7):  # introductions: one of each in every pack
            question["id"] = "tell-me-about-yourself" if n else "walk-through-your-background"
        if rng.random() < 0.7:
            question.update(
                asked_by="interviewer",
                kind="behavioral",
                intent="can-do",
                answer_type=rng.choice([*TYPES, None]),
                rubric="core/star-answer",
            )
            if question["answer_type"] is None:
                del question["answer_type"]
            if rng.random() < 0.3:
                question["talking_points"] = [{"id": "p", "label": text(), "cues": [text()]}]
        else:
            question.update(asked_by="candidate", rubric="core/questions-you-ask")
            if rng.random() < 0.5:
                question["theme"] = rng.choice(["team", "culture", "growth"])
        questions.append(question)
    tips = [
        {
            "id": f"t{n}",
            "title": text(),
            "body": "Body.",
            "topic": rng.choice(["research", "stories", "salary", "technical", "motivation"]),
            **common(),
        }
        for n in range(size // 3)
    ]
    info: dict[str, Any] = {"name": name, "version": "1.0.0", "title": "Generated", "format": 2}
    info["requires"] = ["core"]
    if scoped:
        info["scope"] = [{"id": "data", "title": "Data", "words": ["data analyst"]}]
    return from_dict(Pack, {"pack": info, "questions": questions, "tips": tips})


def generated_interviews(seed: int) -> Iterator[tuple[Interview, dict[str, Any]]]:
    rng = random.Random(seed)
    for _ in range(6):
        people = [
            Interviewer(name=f"P{n}", audience=rng.choice(AUDIENCES), met_before=rng.random() < 0.3)
            for n in range(rng.randint(0, 4))
        ]
        round_one = FirstRound(
            went_badly=rng.sample(["churn data", "gen/q3", "pricing team plan", "core/x"], 2),
            answers=[EarlierAnswer(question=f"gen/q{rng.randrange(60)}", answer="Yes.")],
        )
        interview = Interview(
            company="Co",
            role=rng.choice(["Senior data analyst", "Engineer"]),
            when=WHEN,
            format=rng.choice(["video", "phone", "in-person"]),
            interviewers=people,
            job_posting=" ".join(rng.sample(WORDS, rng.randint(0, 6))),
            first_round=round_one,
            region=rng.choice([None, "de", "fr", "us"]),
            seniority=rng.choice([None, "senior", "mid"]),
            situations=rng.choice([None, [], ["returner"]]),
        )
        limits = rng.choice([{}, {"rehearse": None}, {"tips": None, "rehearse": 20}])
        limits |= rng.choice([{}, {"questions_per_interviewer": None}, {"opt_in": ["brainteaser"]}])
        yield interview, limits


@pytest.mark.parametrize(
    ("at_once", "bits_for"),
    [(True, 128), (False, 128), (False, 8), (False, 0)],
    ids=["counted-at-once", "by-group", "by-group-some-bits", "by-group-no-bits"],
)
@pytest.mark.parametrize("seed", range(6))
def test_generated_libraries(
    seed: int, at_once: bool, bits_for: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every way of counting shared words (the library's size decides) gives the same."""
    monkeypatch.setattr(selecting, "_count_at_once", lambda *_: at_once)
    monkeypatch.setattr(selecting, "_BITS_FOR", bits_for)
    core = library_in(None).packs[0]
    library = Library.from_packs(
        [core, generated_pack(seed, 90), generated_pack(seed + 100, 60, name="dat", scoped=True)]
    )
    assert not library.problems
    for interview, options in generated_interviews(seed):
        indexed, reference = both(library, interview, **options)
        assert indexed == reference


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pack=packs(max_items=6), interview=interviews(), rehearse=st.sampled_from([None, 2, 8]))
def test_random_packs_and_interviews(
    pack: Pack, interview: Interview, rehearse: int | None
) -> None:
    library = Library.from_packs([pack])
    today = interview.when.date() - dt.timedelta(days=5)
    options: dict[str, Any] = {"today": today, "rehearse": rehearse}
    if interview.when.tzinfo is not None:
        options["today"] = interview.when - dt.timedelta(days=5)
    indexed, reference = both(library, interview, **options)
    assert indexed == reference


def record() -> None:
    """Write the pinned selections (run after a deliberate change of the rules)."""
    pinned = {}
    for name, (language, interview, options) in sorted(CASES.items()):
        plan = build_plan(library_in(language), interview, today=TODAY, **options)
        pinned[name] = selection(plan)
    PINNED.write_text(json.dumps(pinned, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    record()
