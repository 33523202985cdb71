"""Prep plans as iCalendar files: RFC 5545 lines, escaped text, four-digit years."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest

from interviewprep import (
    Interview,
    Interviewer,
    Library,
    PrepPlan,
    ValidationError,
    build_plan,
    load_library,
    plan_to_ics,
)

BERLIN = dt.timezone(dt.timedelta(hours=1))
WHEN = dt.datetime(2026, 12, 3, 10, 0, tzinfo=BERLIN)
TODAY = dt.date(2026, 11, 30)
LOOP = (
    Interviewer(name="Dana Whitfield", title="Head of Analytics", audience="hiring-manager"),
    Interviewer(name="Sam Osei", title="Data engineer", audience="peer"),
    Interviewer(name="Priya Raman", title="VP Finance", audience="executive"),
    Interviewer(name="Lee Park", title="Principal engineer", audience="senior-technical"),
)


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library(packs=["core"], strict=True)


def plan_for(library: Library, today: dt.date = TODAY, **fields: object) -> PrepPlan:
    values: dict[str, object] = {
        "company": "Northwind",
        "role": "Senior data analyst",
        "when": WHEN,
        "format": "video",
        "interviewers": LOOP,
    }
    interview = Interview(**(values | fields))  # type: ignore[arg-type]
    return build_plan(library, interview, today=today)


def unfolded(text: str) -> list[str]:
    """The calendar's content lines, folded lines joined again."""
    return text.replace("\r\n ", "").split("\r\n")[:-1]


def value(text: str, name: str) -> str:
    return next(line for line in unfolded(text) if line.startswith(f"{name}:"))[len(name) + 1 :]


class TestICalendar:
    def test_parses_with_an_independent_parser(self, library: Library) -> None:
        """The .ics file parses with the icalendar library, with every task due as planned."""
        icalendar = pytest.importorskip("icalendar")
        plan = plan_for(library, location="https://meet.example/x; room 1")
        text = plan_to_ics(plan)
        calendar = icalendar.Calendar.from_ical(text)
        todos = [c for c in calendar.walk() if c.name == "VTODO"]
        events = [c for c in calendar.walk() if c.name == "VEVENT"]
        assert len(todos) == len(plan.tasks)
        assert len(events) == 1
        assert events[0].decoded("DTSTART") == WHEN
        assert str(events[0]["LOCATION"]) == "https://meet.example/x; room 1"
        assert [t.decoded("DUE") for t in todos] == [task.due for task in plan.tasks]
        assert [str(t["SUMMARY"]) for t in todos] == [task.text for task in plan.tasks]
        assert len({str(t["UID"]) for t in todos}) == len(todos)

    def test_rfc5545_lines(self, library: Library) -> None:
        """CRLF line endings and no line over 75 octets."""
        text = plan_to_ics(plan_for(library))
        assert text.endswith("\r\n")
        lines = text.split("\r\n")[:-1]
        assert all(len(line.encode("utf-8")) <= 75 for line in lines)
        assert lines[0] == "BEGIN:VCALENDAR"
        assert lines[-1] == "END:VCALENDAR"
        assert "\n" not in text.replace("\r\n", "")

    def test_naive_times_are_floating(self, library: Library) -> None:
        """A naive interview time is written as floating local time."""
        icalendar = pytest.importorskip("icalendar")
        naive = WHEN.replace(tzinfo=None)
        calendar = icalendar.Calendar.from_ical(plan_to_ics(plan_for(library, when=naive)))
        [event] = [c for c in calendar.walk() if c.name == "VEVENT"]
        assert event.decoded("DTSTART") == naive
        assert "DTSTART:20261203T100000\r\n" in plan_to_ics(plan_for(library, when=naive))

    def test_aware_times_are_utc(self, library: Library) -> None:
        """An aware interview time is written in UTC."""
        text = plan_to_ics(plan_for(library))
        assert value(text, "DTSTART") == "20261203T090000Z"
        assert value(text, "DTEND") == "20261203T100000Z"

    def test_same_plan_same_file(self, library: Library) -> None:
        """The same plan gives the same file, stamped with the plan's day."""
        plan = plan_for(library)
        assert plan_to_ics(plan) == plan_to_ics(plan)
        assert value(plan_to_ics(plan), "DTSTAMP") == "20261130T000000Z"


class TestEscaping:
    @pytest.mark.parametrize(
        "separator", ["\r\n", "\r", "\n", "\u2028", "\u2029", "\x85", "\x0b", "\x0c"]
    )
    def test_every_line_separator_is_escaped(self, library: Library, separator: str) -> None:
        """CR, LF, CRLF, U+2028, U+2029, NEL, VT and FF each become one escaped newline."""
        text = plan_to_ics(plan_for(library, location=f"Room 1{separator}Floor 2"))
        assert value(text, "LOCATION") == "Room 1\\nFloor 2"
        for raw in ("\u2028", "\u2029", "\x85", "\x0b", "\x0c"):
            assert raw not in text
        assert "\n" not in text.replace("\r\n", "")

    def test_other_controls_are_dropped(self, library: Library) -> None:
        """Other control characters are dropped; tabs stay."""
        text = plan_to_ics(plan_for(library, location="a\x00b\x1b[31mc\x7fd\x9be\tf"))
        assert value(text, "LOCATION") == "ab[31mcde\tf"

    def test_text_specials_are_escaped(self, library: Library) -> None:
        """Backslashes, semicolons and commas are escaped."""
        text = plan_to_ics(plan_for(library, location="C:\\temp; room 1, floor 2"))
        assert value(text, "LOCATION") == "C:\\\\temp\\; room 1\\, floor 2"

    def test_folding_keeps_characters_whole(self, library: Library) -> None:
        """Lines fold at 75 octets without splitting a multi-byte character."""
        location = "€ü😀" * 60
        text = plan_to_ics(plan_for(library, location=location))
        lines = text.encode("utf-8").split(b"\r\n")[:-1]
        assert all(len(line) <= 75 for line in lines)
        assert all(line.decode("utf-8") for line in lines)
        assert value(text, "LOCATION") == location
        assert max(len(line) for line in lines) > 70


class TestYears:
    @pytest.mark.parametrize(
        "when",
        [dt.datetime(999, 1, 1), dt.datetime(1899, 12, 31, 23, 30), dt.datetime(9999, 12, 31)],
    )
    def test_interviews_outside_the_plannable_years_are_refused(self, when: dt.datetime) -> None:
        """An interview in a year no calendar can hold is a ValidationError naming the year."""
        with pytest.raises(ValidationError, match=f"{when.year} is outside the years"):
            Interview(company="Acme", role="Analyst", when=when)

    @pytest.mark.parametrize("year", [999, 10_000 - 1])
    def test_task_dates_outside_four_digit_years_are_refused(
        self, library: Library, year: int
    ) -> None:
        """A task due in a year iCalendar cannot write is a clear ValueError naming the date."""
        plan = plan_for(library)
        due = dt.datetime(year, 12, 31, 23, 30, tzinfo=dt.timezone(dt.timedelta(hours=-1)))
        if year < 1000:
            due = dt.datetime(year, 1, 1)
        task = attrs.evolve(plan.tasks[0], due=due)
        odd = attrs.evolve(plan, tasks=(task,))
        with pytest.raises(ValueError, match=r"cannot write .* to an iCalendar file"):
            plan_to_ics(odd)

    def test_a_stamp_outside_the_range_is_refused(self, library: Library) -> None:
        """A DTSTAMP before the year 1000 is refused too."""
        with pytest.raises(ValueError, match="0999"):
            plan_to_ics(plan_for(library), stamp=dt.datetime(999, 6, 1, tzinfo=dt.UTC))
