from __future__ import annotations

import datetime as dt
from typing import Any

import attrs
import pytest

from interviewprep import (
    Audience,
    Checklist,
    ChecklistItem,
    Criterion,
    Level,
    Pack,
    PackInfo,
    Question,
    Rubric,
    Scale,
    Stage,
    Tip,
    Topic,
    ValidationError,
)


def tip(**changes: Any) -> Tip:
    fields: dict[str, Any] = {
        "id": "rest-well",
        "title": "Rest well",
        "body": "Sleep.",
        "topic": "logistics",
    }
    return Tip(**(fields | changes))


def question(**changes: Any) -> Question:
    fields: dict[str, Any] = {
        "id": "why-us",
        "text": "Why us?",
        "asked_by": "interviewer",
        "kind": "motivational",
        "intent": "will-do",
    }
    return Question(**(fields | changes))


def levels(*scores: int) -> tuple[Level, ...]:
    return tuple(Level(score=s, label=f"L{s}", anchor=f"Answer at {s}") for s in scores)


def criterion(**changes: Any) -> Criterion:
    fields: dict[str, Any] = {"id": "result", "name": "Result", "levels": levels(1, 2, 3, 4)}
    return Criterion(**(fields | changes))


def rubric(**changes: Any) -> Rubric:
    fields: dict[str, Any] = {
        "id": "star",
        "title": "STAR",
        "scale": Scale(min=1, max=4),
        "criteria": (criterion(),),
    }
    return Rubric(**(fields | changes))


def info(**changes: Any) -> PackInfo:
    fields: dict[str, Any] = {"name": "core", "version": "1.0.0", "title": "Core"}
    return PackInfo(**(fields | changes))


def raises(field: str, match: str) -> Any:
    """Expect a ValidationError on *field* whose message matches *match*."""

    class Check:
        def __enter__(self) -> None:
            self.context = pytest.raises(ValidationError, match=match)
            self.info = self.context.__enter__()

        def __exit__(self, *exc: Any) -> bool:
            handled = self.context.__exit__(*exc)
            assert self.info.value.field == field
            return bool(handled)

    return Check()


class TestModelShape:
    @pytest.mark.parametrize(
        "cls",
        [Tip, Question, ChecklistItem, Checklist, Level, Scale, Criterion, Rubric, PackInfo, Pack],
    )
    def test_frozen_slotted_keyword_only(self, cls: type) -> None:
        """Every model class is frozen, slotted and keyword-only."""
        assert attrs.has(cls)
        assert "__slots__" in cls.__dict__
        assert all(a.kw_only for a in attrs.fields(cls))
        assert cls.__setattr__ is not object.__setattr__

    def test_strings_are_accepted_for_enums(self) -> None:
        """Constructors take vocabulary strings, so user code reads like pack files."""
        made = tip(stages=["before", Stage.AFTER], audiences=["peer"], topic="research")
        assert made.topic is Topic.RESEARCH
        assert made.stages == frozenset({Stage.BEFORE, Stage.AFTER})
        assert made.audiences == frozenset({Audience.PEER})

    def test_collections_become_tuples_and_frozensets(self) -> None:
        """Lists given to constructors are stored as tuples and frozensets."""
        made = question(pitfalls=["a", "b"], tags=["x", "x"])
        assert made.pitfalls == ("a", "b")
        assert made.tags == frozenset({"x"})

    def test_full_id_needs_a_pack(self) -> None:
        """full_id is pack/id once the item is in a pack, and an error before."""
        with raises("pack", "does not belong to a pack"):
            _ = tip().full_id
        assert tip(pack="core").full_id == "core/rest-well"


class TestIds:
    @pytest.mark.parametrize(
        "bad", ["", "Upper", "-lead", "with space", "under_score", "é", "a/b", "x" * 101]
    )
    def test_bad_ids_are_refused(self, bad: str) -> None:
        """Ids use lowercase letters, digits and '-', start with a letter or digit."""
        with raises("id", "valid id|longer than"):
            tip(id=bad)

    def test_good_ids_are_kept(self) -> None:
        """A well-formed id is stored as given."""
        assert tip(id="a-1").id == "a-1"


class TestTextFields:
    @pytest.mark.parametrize("field", ["title", "body"])
    def test_blank_text_is_refused(self, field: str) -> None:
        """Required text fields must not be blank."""
        with raises(field, "must not be empty"):
            tip(**{field: "  "})

    def test_blank_pitfall_is_refused_with_its_index(self) -> None:
        """An empty entry in a list of texts is named by its index."""
        with raises("pitfalls[1]", "must not be empty"):
            question(pitfalls=["fine", ""])


class TestEnums:
    def test_bad_topic(self) -> None:
        """An unknown topic lists the allowed values."""
        with raises("topic", r"not a Topic value \(did you mean .research.\?\): use one of"):
            tip(topic="resarch")

    def test_bad_stage_in_set(self) -> None:
        """An unknown stage in a set is refused."""
        with raises("stages", "not a Stage value"):
            tip(stages=["before", "soon"])

    def test_bad_asked_by(self) -> None:
        """asked_by is interviewer or candidate."""
        with raises("asked_by", "interviewer, candidate"):
            question(asked_by="hr")


class TestReferences:
    def test_bad_rubric_reference(self) -> None:
        """A rubric reference is an id or pack/id."""
        with raises("rubric", "not a reference"):
            question(rubric="core/Star")

    def test_bad_tip_reference_in_checklist_item(self) -> None:
        """A tip reference names its index."""
        with raises("tips[1]", "not a reference"):
            ChecklistItem(id="a", text="Do it", tips=["ok", "a/b/c"])

    def test_replaces_needs_a_full_id(self) -> None:
        """replaces must name the pack of the replaced item."""
        with raises("replaces", "full id"):
            tip(replaces="some-tip")


class TestChecklists:
    def test_due_parses_iso_durations(self) -> None:
        """due accepts a signed ISO 8601 duration."""
        assert ChecklistItem(id="a", text="t", due="-P2D").due == dt.timedelta(days=-2)

    def test_bad_due(self) -> None:
        """A due that is not a signed ISO 8601 duration is refused."""
        with raises("due", "ISO 8601"):
            ChecklistItem(id="a", text="t", due="two days before")

    def test_item_ids_are_unique(self) -> None:
        """Two items with one id in a checklist are refused, naming the second."""
        items = [ChecklistItem(id="a", text="t"), ChecklistItem(id="a", text="u")]
        with raises("items[1].id", "duplicate item id 'a'"):
            Checklist(id="c", title="C", stage="before", items=items)

    def test_needs_items(self) -> None:
        """An empty checklist is refused."""
        with raises("items", "at least one item"):
            Checklist(id="c", title="C", stage="before", items=[])


class TestRubrics:
    def test_scale_min_below_max(self) -> None:
        """A scale's min is below its max."""
        with raises("max", "must be less than"):
            Scale(min=4, max=4)

    def test_levels_inside_scale(self) -> None:
        """A level outside the scale is named by criterion and level index."""
        with raises("criteria[0].levels[3].score", "outside the rubric's scale 1-3"):
            rubric(scale=Scale(min=1, max=3))

    def test_distinct_level_scores(self) -> None:
        """Two levels with one score are refused."""
        with raises("levels[2].score", "duplicate score 2"):
            criterion(levels=levels(1, 2, 2))

    @pytest.mark.parametrize("weight", [0, -1, float("nan"), float("inf")])
    def test_weights_are_positive(self, weight: float) -> None:
        """Weights are positive finite numbers."""
        with raises("weight", "positive number"):
            criterion(weight=weight)

    def test_criterion_ids_are_unique(self) -> None:
        """Two criteria with one id are refused."""
        with raises("criteria[1].id", "duplicate id 'result'"):
            rubric(criteria=(criterion(), criterion()))

    def test_needs_criteria(self) -> None:
        """A rubric without criteria is refused."""
        with raises("criteria", "at least one criterion"):
            rubric(criteria=())

    def test_needs_levels(self) -> None:
        """A criterion without levels is refused."""
        with raises("levels", "at least one level"):
            criterion(levels=())

    def test_scorer_id(self) -> None:
        """A scorer id uses the id alphabet."""
        with raises("scorer", "valid id"):
            criterion(scorer="Star Structure")


class TestPackInfo:
    def test_version_is_pep_440(self) -> None:
        """The version must parse as a PEP 440 version."""
        with raises("version", "not a version"):
            info(version="one")

    @pytest.mark.parametrize(
        ("requirement", "match"),
        [
            ("core>>1", "not a requirement"),
            ("core[x]>=1", "only a pack name"),
            ("Core>=1", "valid pack name"),
        ],
    )
    def test_requires(self, requirement: str, match: str) -> None:
        """requires holds pack names with version specifiers only."""
        with raises("requires[0]", match):
            info(requires=[requirement])

    def test_language(self) -> None:
        """language is a BCP 47 tag."""
        with raises("language", "BCP 47"):
            info(language="english language")

    def test_format(self) -> None:
        """Formats 1 and 2 are read; any other is refused."""
        assert info(format=2).format == 2
        with raises("format", "unsupported pack format 3"):
            info(format=3)

    def test_name(self) -> None:
        """Pack names use the id alphabet."""
        with raises("name", "valid pack name"):
            info(name="Core")

    def test_name_may_not_end_in_hyphen(self) -> None:
        """A pack name ends in a letter or digit, so it can be required."""
        with raises("name", "valid pack name"):
            info(name="core-")


class TestPack:
    def test_items_are_stamped_with_the_pack(self) -> None:
        """Items put in a pack learn its name."""
        pack = Pack(info=info(), tips=[tip()])
        assert pack.tips[0].pack == "core"
        assert pack.tips[0].full_id == "core/rest-well"

    def test_items_of_another_pack_are_refused(self) -> None:
        """An item that already belongs to another pack is refused."""
        with raises("tips[0].pack", "belongs to pack 'other'"):
            Pack(info=info(), tips=[tip(pack="other")])

    def test_ids_are_unique_per_kind(self) -> None:
        """Two tips with one id are refused; a tip and a question may share one."""
        with raises("tips[1].id", "duplicate id 'rest-well'"):
            Pack(info=info(), tips=[tip(), tip(title="Other")])
        pack = Pack(info=info(), tips=[tip(id="x")], questions=[question(id="x")])
        assert len(pack) == 2
