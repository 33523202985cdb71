"""
Using the API for real: clear errors for wrong arguments, web-ready data, time zones.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest

from interviewprep import (
    Interview,
    Library,
    Question,
    StructureError,
    ValidationError,
    build_plan,
    from_dict,
    from_json,
    render_text,
    to_dict,
    to_json,
)


class TestFilterValues:
    @pytest.mark.parametrize(
        ("criteria", "suggestion"),
        [
            ({"audience": "hiring_manager"}, "hiring-manager"),
            ({"kind": "behavioural"}, "behavioral"),
            ({"stage": ["before", "durin"]}, "during"),
        ],
    )
    def test_unknown_value_names_the_nearest(
        self, library: Library, criteria: dict[str, object], suggestion: str
    ) -> None:
        """A value a vocabulary field cannot hold raises ValueError with the nearest match."""
        with pytest.raises(ValueError, match=f"did you mean {suggestion!r}"):
            library.questions.filter(**criteria)

    def test_free_fields_take_any_value(self, library: Library) -> None:
        """Tags and packs are free text: an unknown one simply matches nothing."""
        assert len(library.questions.filter(tag="no-such-tag")) == 0


class TestToDict:
    def test_selection_becomes_a_list_of_items_with_full_ids(self, library: Library) -> None:
        """to_dict takes a selection and gives JSON-ready dicts that carry full_id."""
        data = to_dict(library.questions.filter(tag="salary"))
        assert isinstance(data, list)
        assert data
        assert all(item["full_id"] == f"core/{item['id']}" for item in data)
        json.dumps(data)
        assert [from_dict(Question, item) for item in data] == list(
            library.questions.filter(tag="salary")
        )

    def test_mapping_and_plan(self, library: Library) -> None:
        """Plans and dicts of results turn into plain data too."""
        interview = Interview(company="A", role="Analyst", when=dt.datetime(2026, 12, 3, 10))
        plan = build_plan(library, interview, today=dt.date(2026, 11, 26))
        data = to_dict({"plan": plan})
        assert json.loads(json.dumps(data))["plan"]["interview"]["company"] == "A"

    @pytest.mark.parametrize("value", [5, "text", b"bytes", object()])
    def test_anything_else_is_a_type_error_at_once(self, value: object) -> None:
        """What cannot be written is refused at once, naming its type."""
        with pytest.raises(TypeError, match=type(value).__name__):
            to_dict(value)  # type: ignore[call-overload]

    def test_keep_defaults(self, library: Library) -> None:
        """keep_defaults writes every field, and the result still round-trips."""
        tip = library.tips["core/thank-each-interviewer"]
        full = to_dict(tip, keep_defaults=True)
        assert "replaces" in full
        assert full["replaces"] is None
        assert from_dict(type(tip), full) == tip

    def test_full_id_must_agree(self, library: Library) -> None:
        """A full_id that contradicts the item's pack and id is a problem, never ignored."""
        data = to_dict(library.tips["core/thank-each-interviewer"])
        data["full_id"] = "other/thing"
        with pytest.raises(StructureError, match="full_id"):
            from_dict(type(library.tips["core/thank-each-interviewer"]), data)


class TestWrongArguments:
    def test_today_as_a_string(self, library: Library) -> None:
        """build_plan(today='2026-11-26') says what to pass instead."""
        interview = Interview(company="A", role="B", when=dt.datetime(2026, 12, 3, 10))
        with pytest.raises(TypeError, match="today must be a date, not str"):
            build_plan(library, interview, today="2026-11-26")  # type: ignore[arg-type]

    def test_items_by_position(self, library: Library) -> None:
        """Items[0] says items are looked up by full id."""
        with pytest.raises(TypeError, match="looked up by full id"):
            library.questions[0]  # type: ignore[index]


class TestTimeZones:
    def test_zone_survives_json(self) -> None:
        """An interview at 10:00 Europe/London keeps its zone through JSON."""
        interview = Interview(
            company="A", role="B", when=dt.datetime(2027, 7, 1, 10), timezone="Europe/London"
        )
        again = from_json(Interview, to_json(interview))
        assert again == interview
        assert again.when.tzname() == "BST"
        assert again.when.hour == 10

    def test_plan_follows_daylight_saving(self, library: Library) -> None:
        """A task a week before a summer interview keeps its wall-clock time across the change."""
        interview = Interview(
            company="A", role="B", when=dt.datetime(2027, 4, 2, 10), timezone="Europe/London"
        )
        plan = build_plan(library, interview, today=dt.date(2027, 3, 1))
        again = build_plan(library, from_json(Interview, to_json(interview)), today=plan.today)
        assert again == plan
        offsets = {task.due.utcoffset() for task in plan.tasks}
        assert offsets == {dt.timedelta(0), dt.timedelta(hours=1)}
        assert "BST" in render_text(plan) or "GMT" in render_text(plan)

    def test_aware_time_is_converted(self) -> None:
        """An aware time with a zone is the same moment, held in the zone."""
        interview = Interview(
            company="A",
            role="B",
            when=dt.datetime(2027, 1, 5, 9, tzinfo=dt.UTC),
            timezone="America/New_York",
        )
        assert interview.when.hour == 4
        assert interview.when == dt.datetime(2027, 1, 5, 9, tzinfo=dt.UTC)

    def test_unknown_zone(self) -> None:
        """A misspelt zone is a ValidationError naming the nearest real one."""
        with pytest.raises(ValidationError, match="did you mean 'Europe/London'"):
            Interview(company="A", role="B", when=dt.datetime(2027, 1, 5), timezone="Europe/Londn")
