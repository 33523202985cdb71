"""
Hypothesis strategies for every model, for your own tests.

Every strategy generates *valid* objects only, so a pack author or an app can
property-test code that consumes interviewprep content::

    from hypothesis import given
    from interviewprep import to_dict, from_dict, Question
    from interviewprep.testing import questions

    @given(questions())
    def test_round_trip(question):
        assert from_dict(Question, to_dict(question)) == question

This module needs Hypothesis (``pip install "interviewprep-kit[testing]"``).
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Callable
from typing import Any, TypeVar

import attrs
from hypothesis import strategies as st

from ._interview import EarlierAnswer, FirstRound, Interview, Interviewer
from ._model import (
    INTERVIEW_DETAILS,
    Applicability,
    Checklist,
    ChecklistItem,
    Criterion,
    CriterionText,
    ItemText,
    Level,
    Pack,
    PackInfo,
    Question,
    Rubric,
    Scale,
    Scope,
    Section,
    Signal,
    Source,
    Tip,
    Translation,
)
from ._stories import Story, StoryBank
from ._vocabulary import (
    AnswerType,
    AskedBy,
    Audience,
    Format,
    Intent,
    QuestionKind,
    Seniority,
    Situation,
    Stage,
    Theme,
    Topic,
)

__all__ = [
    "applicabilities",
    "checklist_items",
    "checklists",
    "criteria",
    "durations",
    "first_rounds",
    "ids",
    "interviewers",
    "interviews",
    "levels",
    "pack_infos",
    "pack_names",
    "packs",
    "questions",
    "references",
    "rubrics",
    "scales",
    "signals",
    "stories",
    "story_banks",
    "texts",
    "tips",
    "translations",
]

T = TypeVar("T")


def ids() -> st.SearchStrategy[str]:
    """
    Item ids and pack names: ``[a-z0-9][a-z0-9-]*``, at most 30 characters.
    """
    return st.from_regex(r"[a-z0-9][a-z0-9-]{0,29}", fullmatch=True)


def pack_names() -> st.SearchStrategy[str]:
    """
    Pack names: the id alphabet, starting and ending with a letter or digit.
    """
    return st.from_regex(r"[a-z0-9](?:[a-z0-9-]{0,28}[a-z0-9])?", fullmatch=True)


def references() -> st.SearchStrategy[str]:
    """
    References: a bare id or ``pack/id``.
    """
    return st.one_of(ids(), st.builds(lambda pack, id_: f"{pack}/{id_}", pack_names(), ids()))


def texts(*, max_size: int = 200) -> st.SearchStrategy[str]:
    """
    Non-blank text, any Unicode except surrogates.

    Args:
        max_size: The longest text to generate.
    """
    return st.text(min_size=1, max_size=max_size).filter(str.strip)


def durations() -> st.SearchStrategy[dt.timedelta]:
    """
    ``due`` offsets within four weeks either side of the interview.
    """
    return st.timedeltas(min_value=dt.timedelta(days=-28), max_value=dt.timedelta(days=28))


def _tags() -> st.SearchStrategy[frozenset[str]]:
    return st.frozensets(st.from_regex(r"[a-z][a-z0-9-]{0,15}", fullmatch=True), max_size=4)


def _covers() -> st.SearchStrategy[frozenset[str]]:
    return st.frozensets(st.integers(1, 99).map(lambda n: f"F{n}"), max_size=3)


def _replaces() -> st.SearchStrategy[str | None]:
    full_ids = st.builds(lambda pack, id_: f"{pack}/{id_}", pack_names(), ids())
    return st.none() | full_ids


def _sets(members: type[enum.Enum]) -> st.SearchStrategy[frozenset[Any]]:
    return st.frozensets(st.sampled_from(members))


def _provenance() -> dict[str, st.SearchStrategy[Any]]:
    source = st.builds(
        Source,
        url=st.sampled_from(["https://example.org/guide", "https://example.org/list.html"]),
        revision=st.none() | st.sampled_from(["2026-01-05", "v3", "a1b2c3d"]),
    )
    return {
        "source": st.none() | source,
        "license": st.none() | st.sampled_from(["CC-BY-4.0", "CC-BY-SA-4.0", "CC0-1.0"]),
        "attribution": st.none() | texts(max_size=60),
    }


def _ranking() -> dict[str, st.SearchStrategy[Any]]:
    return {"featured": st.booleans(), "rank": st.none() | st.integers(1, 500)}


def applicabilities() -> st.SearchStrategy[Applicability]:
    """
    Applicability, often empty (everywhere), else naming a few dimensions.
    """
    regions = st.sampled_from(["de", "us", "gb", "fr", "eu", "at"])
    roles = st.sampled_from(["data", "teaching", "software-engineering", "sales"])
    named = st.builds(
        Applicability,
        formats=_sets(Format),
        regions=st.frozensets(regions, max_size=2),
        seniority=_sets(Seniority),
        situations=_sets(Situation),
        roles=st.frozensets(roles, max_size=2),
    )
    return st.just(Applicability()) | named


def signals() -> st.SearchStrategy[tuple[Signal, ...]]:
    """
    Talking points or red flags of one question, ids unique.
    """
    signal = st.builds(
        Signal,
        id=ids(),
        label=texts(max_size=60),
        cues=st.lists(texts(max_size=30), max_size=3).map(tuple),
    )
    return _unique_by_id(signal, max_size=3)


def tips() -> st.SearchStrategy[Tip]:
    """
    Tips not yet in a pack.
    """
    return st.builds(
        Tip,
        id=ids(),
        title=texts(max_size=80),
        body=texts(),
        topic=st.sampled_from(Topic),
        stages=_sets(Stage),
        audiences=_sets(Audience),
        applies=applicabilities(),
        tags=_tags(),
        covers=_covers(),
        replaces=_replaces(),
        **_provenance(),
        **_ranking(),
    )


def questions() -> st.SearchStrategy[Question]:
    """
    Questions of either side, not yet in a pack.
    """
    return st.builds(
        Question,
        id=ids(),
        text=texts(),
        asked_by=st.just(AskedBy.INTERVIEWER),
        kind=st.sampled_from(QuestionKind),
        intent=st.sampled_from(Intent),
        guidance=st.text(max_size=200),
        pitfalls=st.lists(texts(max_size=60), max_size=3).map(tuple),
        follow_ups=st.lists(texts(max_size=60), max_size=3).map(tuple),
        rubric=st.none() | references(),
        answer_type=st.none() | st.sampled_from(AnswerType),
        talking_points=signals(),
        red_flags=signals(),
        theme=st.none() | st.sampled_from(Theme),
        topic=st.none() | st.sampled_from(Topic),
        audiences=_sets(Audience),
        stages=_sets(Stage),
        applies=applicabilities(),
        tags=_tags(),
        covers=_covers(),
        replaces=_replaces(),
        **_provenance(),
        **_ranking(),
    ) | st.builds(
        Question,
        id=ids(),
        text=texts(),
        asked_by=st.just(AskedBy.CANDIDATE),
        kind=st.none() | st.sampled_from(QuestionKind),
        intent=st.none() | st.sampled_from(Intent),
        guidance=st.text(max_size=200),
        theme=st.none() | st.sampled_from(Theme),
        audiences=_sets(Audience),
        applies=applicabilities(),
        replaces=_replaces(),
        **_ranking(),
    )


def _unique_by_id(
    strategy: st.SearchStrategy[T], **kwargs: Any
) -> st.SearchStrategy[tuple[T, ...]]:
    key: Callable[[Any], str] = lambda item: item.id  # noqa: E731
    return st.lists(strategy, unique_by=key, **kwargs).map(tuple)


def checklist_items() -> st.SearchStrategy[ChecklistItem]:
    """
    Checklist items, some with a ``due`` offset.
    """
    return st.builds(
        ChecklistItem,
        id=ids(),
        text=texts(),
        due=st.none() | durations(),
        optional=st.booleans(),
        per_interviewer=st.booleans(),
        applies=applicabilities(),
        asks_for=st.sets(st.sampled_from(sorted(INTERVIEW_DETAILS))).map(frozenset),
        names_location=st.booleans(),
        tips=st.lists(references(), max_size=3).map(tuple),
        covers=_covers(),
    )


def checklists() -> st.SearchStrategy[Checklist]:
    """
    Checklists with one to five items of distinct ids.
    """
    return st.builds(
        Checklist,
        id=ids(),
        title=texts(max_size=80),
        stage=st.sampled_from(Stage),
        items=_unique_by_id(checklist_items(), min_size=1, max_size=5),
        formats=_sets(Format),
        applies=applicabilities(),
        tags=_tags(),
        covers=_covers(),
        replaces=_replaces(),
        **_provenance(),
    )


def scales() -> st.SearchStrategy[Scale]:
    """
    Scales with ``min < max`` between -5 and 10.
    """
    return st.integers(-5, 9).flatmap(
        lambda low: st.integers(low + 1, 10).map(lambda high: Scale(min=low, max=high))
    )


def levels(scale: Scale) -> st.SearchStrategy[Level]:
    """
    Levels whose score lies inside *scale*.

    Args:
        scale: The rubric's scale.
    """
    return st.builds(
        Level,
        score=st.integers(scale.min, scale.max),
        label=texts(max_size=30),
        anchor=texts(),
    )


def criteria(scale: Scale) -> st.SearchStrategy[Criterion]:
    """
    Criteria whose levels have distinct scores inside *scale*.

    Args:
        scale: The rubric's scale.
    """
    return st.builds(
        Criterion,
        id=ids(),
        name=texts(max_size=40),
        description=st.text(max_size=100),
        weight=st.floats(min_value=0.01, max_value=100, allow_nan=False, allow_infinity=False),
        levels=st.lists(
            levels(scale), min_size=1, max_size=4, unique_by=lambda level: level.score
        ).map(tuple),
        scorer=st.none() | ids(),
    )


def rubrics() -> st.SearchStrategy[Rubric]:
    """
    Rubrics with one to four criteria.
    """

    def build(scale: Scale) -> st.SearchStrategy[Rubric]:
        return st.builds(
            Rubric,
            id=ids(),
            title=texts(max_size=80),
            description=st.text(max_size=100),
            scale=st.just(scale),
            criteria=_unique_by_id(criteria(scale), min_size=1, max_size=4),
            answer_types=_sets(AnswerType),
            tags=_tags(),
            covers=_covers(),
            replaces=_replaces(),
            **_ranking(),
        )

    return scales().flatmap(build)


def pack_infos() -> st.SearchStrategy[PackInfo]:
    """
    Pack manifests, some requiring other packs.
    """
    requirement = st.builds(
        lambda name, spec: name + spec,
        pack_names(),
        st.sampled_from(["", ">=1.0", "==2.1.0", ">=1,<3", "~=1.4"]),
    )
    return st.builds(
        PackInfo,
        name=pack_names(),
        version=st.sampled_from(["1.0.0", "0.1", "2.3.4", "1.0.0rc1", "2024.5"]),
        title=texts(max_size=80),
        description=st.text(max_size=100),
        language=st.sampled_from(["en", "de", "en-GB", "pt-BR", "fr"]),
        license=st.none() | st.sampled_from(["CC-BY-4.0", "MIT", "CC0-1.0"]),
        authors=st.lists(texts(max_size=40), max_size=3).map(tuple),
        homepage=st.none() | st.just("https://example.org/pack"),
        format=st.just(2),
        requires=st.lists(requirement, max_size=3).map(tuple),
        scope=_unique_by_id(
            st.builds(
                Scope,
                id=ids(),
                title=texts(max_size=40),
                words=st.lists(texts(max_size=30), max_size=3).map(tuple),
            ),
            max_size=2,
        ),
        source=_provenance()["source"],
        attribution=_provenance()["attribution"],
        sections=_unique_by_id(
            st.builds(Section, id=ids(), title=texts(max_size=40), order=st.integers(-3, 3)),
            max_size=3,
        ),
    )


def translations(kind: str | None = None) -> st.SearchStrategy[Translation]:
    """
    Translations of items of another pack (``core``), of any kind or of *kind*.

    Args:
        kind: ``tip``, ``question``, ``checklist`` or ``rubric``; ``None`` for any.
    """
    translates = ids().map(lambda id_: f"core/{id_}")
    lines = st.lists(texts(max_size=60), max_size=3).map(tuple)
    by_kind: dict[str, st.SearchStrategy[Translation]] = {
        "tip": st.builds(
            Translation,
            kind=st.just("tip"),
            translates=translates,
            title=texts(max_size=80),
            body=st.none() | texts(),
        ),
        "question": st.builds(
            Translation,
            kind=st.just("question"),
            translates=translates,
            text=texts(),
            guidance=st.none() | texts(),
            pitfalls=st.none() | lines,
            follow_ups=st.none() | lines,
            talking_points=st.none() | signals(),
        ),
        "checklist": st.builds(
            Translation,
            kind=st.just("checklist"),
            translates=translates,
            title=st.none() | texts(max_size=80),
            items=_unique_by_id(
                st.builds(ItemText, id=ids(), text=texts()), min_size=1, max_size=3
            ),
        ),
        "rubric": st.builds(
            Translation,
            kind=st.just("rubric"),
            translates=translates,
            title=texts(max_size=80),
            criteria=st.none()
            | _unique_by_id(
                st.builds(CriterionText, id=ids(), name=st.none() | texts(max_size=40)),
                max_size=2,
            ),
        ),
    }
    if kind is not None:
        return by_kind[kind]
    return st.one_of(*by_kind.values())


def _with_sections(pack: Pack) -> st.SearchStrategy[Pack]:
    """Some items placed in the pack's sections (an item may name only those)."""
    kept = pack.translations
    sections = [section.id for section in pack.info.sections]
    if not sections:
        return st.just(attrs.evolve(pack, translations=kept))
    choice = st.none() | st.sampled_from(sections)

    def placed(items: tuple[Any, ...]) -> st.SearchStrategy[tuple[Any, ...]]:
        def place(item: Any) -> st.SearchStrategy[Any]:
            return choice.map(lambda section: attrs.evolve(item, section=section))

        return st.tuples(*[place(item) for item in items])

    def rebuilt(tips: Any, questions: Any, checklists: Any, rubrics: Any) -> Pack:
        return attrs.evolve(
            pack,
            tips=tips,
            questions=questions,
            checklists=checklists,
            rubrics=rubrics,
            translations=kept,
        )

    return st.builds(
        rebuilt,
        placed(pack.tips),
        placed(pack.questions),
        placed(pack.checklists),
        placed(pack.rubrics),
    )


def packs(*, max_items: int = 4) -> st.SearchStrategy[Pack]:
    """
    Packs with up to *max_items* items of each kind, ids unique per kind, some
    translating items of ``core`` and some placed in the pack's sections.

    Args:
        max_items: The most items of each kind.
    """

    def target(translation: Translation) -> tuple[str, str]:
        return (translation.kind, translation.translates)

    def key(translation: Translation) -> tuple[str, str]:
        return (translation.kind, translation.id)

    def build(
        info: PackInfo, items: dict[str, tuple[Any, ...]], texts: list[Translation]
    ) -> st.SearchStrategy[Pack]:
        taken = {(kind, item.id) for kind, entries in items.items() for item in entries}
        kept = tuple(t for t in texts if (t.item_kind, t.id) not in taken)
        pack = Pack(info=info, translations=kept, **items)  # type: ignore[arg-type]
        return _with_sections(pack)

    items = st.fixed_dictionaries(
        {
            "tips": _unique_by_id(tips(), max_size=max_items),
            "questions": _unique_by_id(questions(), max_size=max_items),
            "checklists": _unique_by_id(checklists(), max_size=max_items),
            "rubrics": _unique_by_id(rubrics(), max_size=max_items),
        }
    )
    return st.tuples(
        pack_infos(),
        items,
        st.lists(translations(), max_size=max_items, unique_by=(target, key)),
    ).flatmap(lambda args: build(*args))


# -- interviews and stories --------------------------------------------------------------


def interviewers() -> st.SearchStrategy[Interviewer]:
    """
    Interviewers with a name, maybe a title, and an audience.
    """
    return st.builds(
        Interviewer,
        name=texts(max_size=40),
        title=st.text(max_size=40),
        audience=st.sampled_from(Audience),
    )


def first_rounds() -> st.SearchStrategy[FirstRound]:
    """
    Notes from a first interview: weak spots, promises and earlier answers.
    """
    return st.builds(
        FirstRound,
        went_badly=st.lists(st.one_of(references(), texts(max_size=60)), max_size=3).map(tuple),
        promised=st.lists(texts(max_size=60), max_size=2).map(tuple),
        answers=st.lists(
            st.builds(EarlierAnswer, question=references(), answer=texts()), max_size=2
        ).map(tuple),
        notes=st.text(max_size=100),
    )


def _timezones() -> Any:
    # Typed as Any: Hypothesis' stub accepts only SearchStrategy[None] here.
    return st.none() | st.just(dt.UTC) | st.just(dt.timezone(dt.timedelta(hours=-5)))


def interviews() -> st.SearchStrategy[Interview]:
    """
    Interviews, aware or naive, with up to five interviewers of distinct names.
    """
    moments = st.datetimes(
        min_value=dt.datetime(2000, 1, 1),
        max_value=dt.datetime(2100, 1, 1),
        timezones=_timezones(),
    )
    return st.builds(
        Interview,
        company=texts(max_size=40),
        role=texts(max_size=40),
        when=moments,
        format=st.sampled_from(Format),
        interviewers=st.lists(
            interviewers(), max_size=5, unique_by=lambda person: person.name.casefold()
        ).map(tuple),
        job_posting=st.text(max_size=200),
        first_round=first_rounds(),
        location=st.text(max_size=40),
        region=st.none() | st.sampled_from(["de", "us", "gb", "fr", "at"]),
        seniority=st.none() | st.sampled_from(Seniority),
        situations=st.none() | _sets(Situation),
        sector=st.none() | st.sampled_from(["data", "teaching", "sales"]),
    )


def stories() -> st.SearchStrategy[Story]:
    """
    Stories in the STAR shape, with skills, metrics and tags.
    """
    labels = st.frozensets(st.from_regex(r"[a-z]{3,10}( [a-z]{3,10})?", fullmatch=True), max_size=3)
    return st.builds(
        Story,
        id=ids(),
        title=texts(max_size=60),
        situation=st.text(max_size=80),
        task=st.text(max_size=80),
        action=st.text(max_size=80),
        result=st.text(max_size=80),
        skills=labels,
        metrics=st.lists(texts(max_size=20), max_size=2).map(tuple),
        tags=labels,
    )


def story_banks() -> st.SearchStrategy[StoryBank]:
    """
    Banks of up to six stories with distinct ids.
    """
    return _unique_by_id(stories(), max_size=6).map(lambda items: StoryBank(stories=items))
