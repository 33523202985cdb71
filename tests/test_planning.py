"""Prep plans: dated tasks, per-interviewer work, questions, tips."""

from __future__ import annotations

import datetime as dt
import itertools
from collections import Counter
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from interviewprep import (
    OPT_IN_TAGS,
    Audience,
    EarlierAnswer,
    FirstRound,
    Format,
    Interview,
    Interviewer,
    Library,
    PrepPlan,
    StructureError,
    applies,
    build_plan,
    from_dict,
    load_interview,
    to_dict,
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


def applicable_items(library: Library, iv: Interview) -> list[tuple[str, bool]]:
    """Every checklist item that applies to the interview (by the public rules), opt-in
    content left out."""
    return [
        (f"{c.full_id}#{i.id}", i.per_interviewer)
        for c in library.checklists
        if (not c.formats or iv.format in c.formats)
        and applies(c.applies, iv).applies
        and OPT_IN_TAGS.isdisjoint(c.tags)
        for i in c.items
        if applies(i.applies, iv).applies
    ]


def in_free_time(task_due: dt.datetime, effort: dt.timedelta) -> bool:
    """Whether a task lies inside the default free time: weekday evenings, weekend days."""
    start, end = task_due.time(), (task_due + effort).time()
    if task_due.weekday() < 5:
        return dt.time(18, 30) <= start and end <= dt.time(21)
    return dt.time(10) <= start and end <= dt.time(17)


class TestTasks:
    def test_steps_on_the_day_keep_their_time(self, library: Library) -> None:
        """A step due within the day before keeps its offset; the rest go in free time."""
        plan = build_plan(library, interview(), today=TODAY)
        for task in plan.tasks:
            assert task.due.tzinfo is BERLIN
            if task.stage != "before" or "#" not in task.source:
                continue  # promises, time off and the plan's own steps are placed apart
            checklist_id, item_id = task.source.split("#")
            item = next(i for i in library.checklists[checklist_id].items if i.id == item_id)
            if item.due is not None and item.due > -dt.timedelta(hours=14):
                assert task.due == WHEN + item.due
                assert not task.scheduled
            else:
                assert task.scheduled or task.squeezed, task.source

    def test_preparation_is_placed_in_free_time(self, library: Library) -> None:
        """Scheduled tasks sit in weekday evenings or weekend daytime, or in the time off
        booked for the interview (the half hour after it), never overlapping."""
        plan = build_plan(library, interview("video", LOOP), today=dt.date(2026, 11, 19))
        scheduled = [t for t in plan.tasks if t.scheduled]
        assert scheduled
        end = WHEN + dt.timedelta(hours=1)
        for task in scheduled:
            booked = end <= task.due and task.due + task.effort <= end + dt.timedelta(minutes=30)
            assert in_free_time(task.due, task.effort) or booked, (task.source, task.due)
        spans = sorted((t.due, t.due + t.effort) for t in scheduled)
        for (_, end), (start, _) in itertools.pairwise(spans):
            assert end <= start
        before = [t for t in scheduled if t.stage == "before"]
        assert all(t.due + t.effort <= WHEN - dt.timedelta(hours=12) for t in before)

    def test_tasks_are_in_due_order(self, library: Library) -> None:
        """Tasks come sorted by due time."""
        plan = build_plan(library, interview(), today=TODAY)
        assert [t.due for t in plan.tasks] == sorted(t.due for t in plan.tasks)

    def test_short_notice_compresses_instead_of_flagging_overdue(self, library: Library) -> None:
        """Three days ahead nothing is overdue: what does not fit is kept as optional."""
        plan = build_plan(library, interview(), today=TODAY)
        early = build_plan(library, interview(), today=dt.date(2026, 11, 1))
        assert len(plan.tasks) == len(early.tasks)
        assert not plan.overdue
        assert not early.overdue
        assert not [t for t in early.tasks if t.squeezed]
        squeezed = [t for t in plan.tasks if t.squeezed]
        assert all(t.optional for t in squeezed)
        # What matters most was fitted in first.
        essential = [t for t in plan.tasks if t.stage == "before" and not t.optional]
        assert essential

    def test_overdue_only_once_the_interview_has_begun(self, library: Library) -> None:
        late = build_plan(library, interview(), today=dt.datetime(2026, 12, 3, 12, tzinfo=BERLIN))
        assert late.overdue
        assert all(t.stage in ("before", "during") for t in late.overdue)

    def test_one_interviewer_in_person(self, library: Library) -> None:
        """In person with one interviewer: no remote checklist, one thank-you task by name."""
        plan = build_plan(library, interview(), today=TODAY)
        assert not [t for t in plan.tasks if t.source.startswith("core/remote-interview")]
        thanks = [t for t in plan.tasks if t.source.endswith("#send-thank-you-notes")]
        assert [t.interviewer for t in thanks] == ["Dana Whitfield"]
        assert thanks[0].text.endswith("— Dana Whitfield (Head of Analytics)")
        end = WHEN + dt.timedelta(hours=1)
        assert end <= thanks[0].due <= WHEN + dt.timedelta(hours=24)

    def test_four_interviewers_on_video(self, library: Library) -> None:
        """On video with four interviewers: the remote checklist, four thank-you tasks."""
        plan = build_plan(library, interview("video", LOOP), today=TODAY)
        assert [t for t in plan.tasks if t.source.startswith("core/remote-interview")]
        thanks = [t for t in plan.tasks if t.source.endswith("#send-thank-you-notes")]
        assert [t.interviewer for t in thanks] == [p.name for p in LOOP]
        assert all(t.due <= WHEN + dt.timedelta(hours=24) for t in thanks)

    def test_no_interviewers_keeps_one_task(self, library: Library) -> None:
        """Without interviewers, per-interviewer items stay one task."""
        plan = build_plan(library, interview(people=()), today=TODAY)
        thanks = [t for t in plan.tasks if t.source.endswith("#send-thank-you-notes")]
        assert [t.interviewer for t in thanks] == [None]

    def test_naive_interview_gives_naive_dates(self, library: Library) -> None:
        """A naive interview time gives naive task dates."""
        plan = build_plan(library, interview(when=WHEN.replace(tzinfo=None)), today=TODAY)
        assert all(t.due.tzinfo is None for t in plan.tasks)

    def test_mixed_awareness_is_refused(self, library: Library) -> None:
        """A naive 'today' against an aware interview is a clear error."""
        with pytest.raises(ValueError, match="both be aware or both naive"):
            build_plan(library, interview(), today=dt.datetime(2026, 11, 30, 9))

    def test_promises_are_due_at_once(self, library: Library) -> None:
        """Something promised in round one goes into the first free time, checked for
        anything confidential, and leads."""
        iv = interview(first_round=FirstRound(promised=["Send the dashboard write-up"]))
        plan = build_plan(library, iv, today=TODAY)
        [task] = [t for t in plan.tasks if t.source == "first_round.promised[0]"]
        assert task.text == (
            "Send the dashboard write-up, after checking it holds nothing confidential"
        )
        assert task.due == dt.datetime(2026, 11, 30, 18, 30, tzinfo=BERLIN)
        assert plan.priorities[0].text == "Send the dashboard write-up"

    def test_waits_count_working_days(self, library: Library) -> None:
        """A wait after a Thursday interview never ends on a weekend."""
        plan = build_plan(library, interview(), today=TODAY)
        after = [t for t in plan.tasks if t.stage in ("after", "offer") and t.scheduled]
        assert after
        assert all(t.due.weekday() < 5 or t.due - WHEN < dt.timedelta(days=1) for t in after)


class TestQuestions:
    def test_no_question_to_ask_is_repeated(self, library: Library) -> None:
        """Each interviewer gets their own questions to ask; none is given twice. A loop of
        four leaves each interviewer time for two (eight in all); one interviewer gets
        three."""
        plan = build_plan(library, interview("video", LOOP), today=TODAY)
        given_out = [q.full_id for qs in plan.questions_to_ask.values() for q in qs]
        assert len(given_out) == len(set(given_out)) == 8
        alone = build_plan(library, interview("video", LOOP[:1]), today=TODAY)
        assert [len(qs) for qs in alone.questions_to_ask.values()] == [3]
        assert list(plan.questions_to_ask) == [p.name for p in LOOP]

    def test_questions_suit_the_interviewer(self, library: Library) -> None:
        """Questions to ask suit the interviewer's audience (or any audience)."""
        plan = build_plan(library, interview("video", LOOP), today=TODAY)
        for person in LOOP:
            for question in plan.questions_to_ask[person.name]:
                assert not question.audiences or person.audience in question.audiences

    def test_placeholders_are_filled_or_left_as_prompts(self, library: Library) -> None:
        """The company and the role are filled in; what the plan cannot fill stays a
        bracketed prompt for the candidate ("[name the value]"), never a raw blank."""
        plan = build_plan(
            library, interview("video", LOOP), today=TODAY, questions_per_interviewer=None
        )
        for questions in plan.questions_to_ask.values():
            for question in questions:
                assert "___" not in question.text, question.text
                assert "[company" not in question.text.lower(), question.text
                assert "[role]" not in question.text.lower(), question.text

    def test_weak_spots_come_first(self, library: Library) -> None:
        """Questions that went badly in round one lead the rehearsal list."""
        weak = FirstRound(
            went_badly=["core/salary-expectations", "Why are you leaving your current job?"]
        )
        plan = build_plan(library, interview(first_round=weak), today=TODAY)
        ids = [q.full_id for q in plan.questions_to_rehearse]
        assert ids[:2] == ["core/salary-expectations", "core/why-leaving-current-employer"]
        assert len(ids) == len(set(ids)) == 8
        assert [p.source for p in plan.priorities[:2]] == ids[:2]

    def test_rehearsal_spreads_over_answer_types_and_interviewers(self, library: Library) -> None:
        """The rehearsal list covers several kinds of answer, spread over the loop."""
        plan = build_plan(library, interview("video", LOOP), today=TODAY)
        assert len({q.answer_type for q in plan.questions_to_rehearse}) >= 4
        askers = [plan.askers[q.full_id] for q in plan.questions_to_rehearse]
        assert set(askers) == {p.name for p in LOOP}

    def test_limits(self, library: Library) -> None:
        """At most 8 questions and 6 tips by default; None asks for everything."""
        plan = build_plan(library, interview("video", LOOP), today=TODAY)
        assert len(plan.questions_to_rehearse) == 8
        assert len(plan.tips) == 6
        everything = build_plan(
            library, interview("video", LOOP), today=TODAY, rehearse=None, tips=None
        )
        assert len(everything.questions_to_rehearse) > 8
        assert len(everything.tips) > 8

    def test_tips_suit_the_loop(self, library: Library) -> None:
        """Tips aimed at an audience are only there for an interviewer of it; at most two
        tips share a topic."""
        plan = build_plan(library, interview("video", LOOP), today=TODAY)
        audiences = {p.audience for p in LOOP}
        assert all(t.audiences & audiences for t in plan.tips if t.audiences)
        topics = Counter(t.topic for t in plan.tips)
        assert max(topics.values()) <= 2

    def test_every_choice_says_why(self, library: Library) -> None:
        plan = build_plan(library, interview("video", LOOP), today=TODAY)
        chosen = [*plan.questions_to_rehearse, *plan.tips]
        chosen += [q for qs in plan.questions_to_ask.values() for q in qs]
        assert all(plan.reasons[item.full_id] for item in chosen)
        assert all(task.reason for task in plan.tasks)


class TestInterviewFiles:
    def test_round_trip(self) -> None:
        """An interview round-trips through the converter."""
        iv = interview(
            "video",
            LOOP,
            job_posting="SQL",
            first_round=FirstRound(
                went_badly=["core/salary-expectations"],
                promised=["x"],
                answers=[
                    EarlierAnswer(question="core/why-leaving-current-employer", answer="Growth.")
                ],
            ),
        )
        assert from_dict(Interview, to_dict(iv)) == iv

    def test_a_length_not_given_is_not_known(self) -> None:
        """Without a duration the interview's length is unknown (``None``), and what
        follows it assumes an hour; a given duration is kept and round-trips."""
        iv = interview("video", LOOP)
        assert iv.duration is None
        assert iv.end == WHEN + dt.timedelta(hours=1)
        timed = attrs.evolve(iv, duration=dt.timedelta(hours=3))
        assert timed.end == WHEN + dt.timedelta(hours=3)
        assert to_dict(timed)["duration"] == "PT3H"
        assert "duration" not in to_dict(iv)
        assert from_dict(Interview, to_dict(timed)) == timed

    def test_load_toml(self, tmp_path: Path) -> None:
        """An interview file in TOML loads, with a TOML date-time."""
        path = tmp_path / "interview.toml"
        path.write_text(
            'company = "Acme"\nrole = "Analyst"\n'
            'when = 2026-12-03T10:00:00+01:00\nformat = "phone"\n'
            '[[interviewers]]\nname = "Dana"\naudience = "recruiter"\n',
            encoding="utf-8",
        )
        iv = load_interview(path)
        assert iv.when == WHEN
        assert iv.format is Format.PHONE
        assert iv.interviewers[0].audience is Audience.RECRUITER

    def test_bad_file_names_field_and_line(self, tmp_path: Path) -> None:
        """A bad value in an interview file names the file, line and field."""
        path = tmp_path / "interview.toml"
        path.write_text(
            'company = "Acme"\nrole = "Analyst"\nwhen = 2026-12-03T10:00:00\n'
            '[[interviewers]]\nname = "Dana"\naudience = "boss"\n',
            encoding="utf-8",
        )
        with pytest.raises(StructureError) as info:
            load_interview(path)
        [problem] = info.value.problems
        assert (problem.line, problem.path) == (6, "interviewers[0].audience")
        assert problem.file == str(path)

    def test_duplicate_interviewer_names(self) -> None:
        """Two interviewers with one name are refused (tasks are keyed by name)."""
        with pytest.raises(ValueError, match="listed twice"):
            interview(people=(LOOP[0], LOOP[0]))


interviewers = st.lists(
    st.builds(
        Interviewer,
        name=st.text(alphabet="abcdefghij ", min_size=1, max_size=12).filter(str.strip),
        title=st.text(max_size=10),
        audience=st.sampled_from(Audience),
    ),
    max_size=5,
    unique_by=lambda p: p.name.casefold(),
).map(tuple)


class TestPlanProperties:
    @given(
        people=interviewers,
        fmt=st.sampled_from(Format),
        when=st.datetimes(min_value=dt.datetime(2020, 1, 1), max_value=dt.datetime(2035, 1, 1)),
        today=st.dates(min_value=dt.date(2019, 1, 1), max_value=dt.date(2036, 1, 1)),
    )
    @settings(max_examples=60)
    def test_deterministic_and_lossless(
        self,
        library: Library,
        people: tuple[Interviewer, ...],
        fmt: Format,
        when: dt.datetime,
        today: dt.date,
    ) -> None:
        """The same inputs give the same plan; no applicable checklist item is lost (it is
        a task, or merged into one that says the same); nothing is overdue while the
        interview is ahead; scheduled tasks never overlap."""
        iv = interview(fmt, people, when=when)
        plan = build_plan(library, iv, today=today)
        assert plan == build_plan(library, iv, today=today)
        sources = [source for t in plan.tasks for source in (t.source, *t.also)]
        for source, per_person in applicable_items(library, iv):
            assert sources.count(source) == (max(len(people), 1) if per_person else 1)
        ahead = dt.datetime.combine(today, dt.time(0)) < when
        assert not (ahead and plan.overdue)
        assert all(t.optional for t in plan.tasks if t.squeezed)
        spans = sorted((t.due, t.due + t.effort) for t in plan.tasks if t.scheduled)
        for (_, end), (start, _) in itertools.pairwise(spans):
            assert end <= start
        asked = [q.full_id for qs in plan.questions_to_ask.values() for q in qs]
        assert len(asked) == len(set(asked))


assert PrepPlan


class TestFormatsOfItems:
    @pytest.mark.parametrize(
        ("fmt", "present", "absent"),
        [
            ("video", "set-up-the-room", "plan-the-route"),
            ("video", "test-your-setup", "settle-for-a-phone-call"),
            ("phone", "settle-for-a-phone-call", "test-your-setup"),
            ("in-person", "plan-the-route", "set-up-the-room"),
        ],
    )
    def test_steps_follow_the_format(
        self, library: Library, fmt: str, present: str, absent: str
    ) -> None:
        """A checklist item for one format reaches only plans for interviews in it."""
        plan = build_plan(library, interview(Format(fmt)), today=TODAY)
        items = {task.source.partition("#")[2] for task in plan.tasks}
        assert present in items
        assert absent not in items


class TestOptIn:
    """Brainteasers and other opt-in content stay out unless the user asks for them."""

    @pytest.fixture
    def puzzles(self, library: Library) -> Library:
        from interviewprep import Pack, PackInfo, Question

        puzzle = Question(
            id="golf-balls",
            text="How many golf balls fit in a school bus?",
            asked_by="interviewer",
            kind="situational",
            intent="can-do",
            answer_type="estimation",
            tags=["brainteaser"],
        )
        extra = Pack(
            info=PackInfo(
                name="puzzles", version="1.0", title="Puzzles", requires=["core"], format=2
            ),
            questions=(puzzle,),
        )
        return Library.from_packs([*library.packs, extra], strict=True)

    def test_left_out_by_default(self, puzzles: Library) -> None:
        plan = build_plan(puzzles, interview(people=LOOP), today=TODAY, rehearse=500)
        assert "puzzles/golf-balls" not in {q.full_id for q in plan.questions_to_rehearse}

    def test_included_when_opted_in(self, puzzles: Library) -> None:
        plan = build_plan(
            puzzles, interview(people=()), today=TODAY, rehearse=500, opt_in=["brainteaser"]
        )
        assert "puzzles/golf-balls" in {q.full_id for q in plan.questions_to_rehearse}

    def test_a_weak_spot_is_rehearsed_all_the_same(self, puzzles: Library) -> None:
        """A brainteaser that went badly in round one is the candidate's own choice."""
        round_one = FirstRound(went_badly=["puzzles/golf-balls"])
        plan = build_plan(puzzles, interview(first_round=round_one), today=TODAY)
        assert plan.questions_to_rehearse[0].full_id == "puzzles/golf-balls"

    def test_a_presentation_round_only_when_asked(self, library: Library) -> None:
        """The presentation round's steps come only for an interview that has one."""
        plain = build_plan(library, interview(), today=TODAY)
        asked = build_plan(library, interview(), today=TODAY, opt_in=["presentation"])
        source = "core/presentation-round#rehearse-the-presentation-to-time"
        assert source not in {task.source for task in plain.tasks}
        assert source in {task.source for task in asked.tasks}

    def test_practice_never_draws_them_by_default(self, puzzles: Library) -> None:
        from interviewprep import PracticeSession

        drawn = {
            p.question.full_id
            for seed in range(5)
            for p in PracticeSession(puzzles, interview(people=()), seed=seed, questions=80).prompts
        }
        assert "puzzles/golf-balls" not in drawn
        opted = PracticeSession(
            puzzles, interview(people=()), questions=500, opt_in=["brainteaser"]
        ).prompts
        assert "puzzles/golf-balls" in {p.question.full_id for p in opted}
