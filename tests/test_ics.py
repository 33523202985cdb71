"""Prep plans as iCalendar files."""

from __future__ import annotations

import datetime as dt

import pytest

from interviewprep import Interview, Interviewer, Library, build_plan, load_library, plan_to_ics

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


def interview(
    fmt: str = "in-person", people: tuple[Interviewer, ...] = LOOP[:1], **changes: object
) -> Interview:
    fields: dict[str, object] = {
        "company": "Northwind",
        "role": "Senior data analyst",
        "when": WHEN,
        "format": fmt,
        "interviewers": people,
    }
    return Interview(**(fields | changes))  # type: ignore[arg-type]


class TestICalendar:
    def test_parses_with_an_independent_parser(self, library: Library) -> None:
        """The .ics file parses with the icalendar library, with every task due as planned."""
        icalendar = pytest.importorskip("icalendar")
        plan = build_plan(
            library,
            interview("video", LOOP, location="https://meet.example/x; room 1"),
            today=TODAY,
        )
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
        text = plan_to_ics(build_plan(library, interview("video", LOOP), today=TODAY))
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
        plan = build_plan(library, interview(when=naive), today=TODAY)
        calendar = icalendar.Calendar.from_ical(plan_to_ics(plan))
        [event] = [c for c in calendar.walk() if c.name == "VEVENT"]
        assert event.decoded("DTSTART") == naive
