"""Scenario interviews for plans: formats, loops, notice, free time, roles and language.

Each scenario is built with every pack of ``packs/`` beside the core pack, as a
candidate with all of them installed would have it.
"""

from __future__ import annotations

import datetime as dt
import itertools
import zoneinfo
from pathlib import Path

import pytest

from interviewprep import (
    EarlierAnswer,
    FirstRound,
    Interview,
    Interviewer,
    Library,
    PrepPlan,
    Task,
    build_plan,
    load_library,
)
from interviewprep._planning import INTRODUCTION, TIME_OFF, TIME_OFF_MARGIN

ROOT = Path(__file__).parent.parent
PACKS = sorted((ROOT / "packs").glob("*/src/*"))
BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")
WHEN = dt.datetime(2026, 12, 3, 10, tzinfo=BERLIN)  # a Thursday
ONE = (Interviewer(name="Dana Whitfield", title="Head of Analytics", audience="hiring-manager"),)
FOUR = (
    Interviewer(
        name="Dana Whitfield", title="Head of Analytics", audience="hiring-manager", met_before=True
    ),
    Interviewer(name="Sam Osei", title="Data engineer", audience="peer"),
    Interviewer(name="Priya Raman", title="VP Finance", audience="executive"),
    Interviewer(name="Lee Park", title="Principal engineer", audience="senior-technical"),
)
ROLES = {
    "data-analytics": ("Senior data analyst", "Own churn reporting with SQL and Python."),
    "software-engineering": ("Backend software engineer", "Build APIs in Go; on-call rota."),
    "teaching": ("Maths teacher", "Teach maths at key stage 3 and 4; safeguarding training."),
}
#: Steps that only make sense when the candidate goes in.
IN_PERSON_ONLY = {"plan-the-route", "pack-your-bag", "morning-review"}


@pytest.fixture(scope="module")
def everything() -> Library:
    return load_library(paths=PACKS, language=None)


def scenario(library: Library, **changes: object) -> tuple[Interview, PrepPlan]:
    role, posting = ROLES[str(changes.pop("role", "data-analytics"))]
    notice = changes.pop("notice", dt.timedelta(days=7))
    assert isinstance(notice, dt.timedelta)
    fields: dict[str, object] = {
        "company": "Northwind",
        "role": role,
        "job_posting": posting,
        "when": WHEN,
        "timezone": "Europe/Berlin",
        "format": "video",
        "interviewers": FOUR,
        "region": "gb",
    }
    options = {key: changes.pop(key) for key in ("rehearse", "tips") if key in changes}
    interview = Interview(**(fields | changes))  # type: ignore[arg-type]
    return interview, build_plan(library, interview, today=WHEN - notice, **options)  # type: ignore[arg-type]


def items(plan: PrepPlan) -> set[str]:
    return {task.source.partition("#")[2] for task in plan.tasks}


@pytest.mark.parametrize("fmt", ["video", "phone", "in-person"])
@pytest.mark.parametrize("people", [ONE, FOUR], ids=["one", "four"])
def test_formats_and_loops(everything: Library, fmt: str, people: tuple[Interviewer, ...]) -> None:
    """No in-person step in a call; one thank-you per interviewer; no question asked twice."""
    _, plan = scenario(everything, format=fmt, interviewers=people)
    if fmt == "in-person":
        assert items(plan) >= IN_PERSON_ONLY
        assert "test-your-setup" not in items(plan)
    else:
        assert not IN_PERSON_ONLY & items(plan)
    thanks = [t for t in plan.tasks if t.source.endswith("#send-thank-you-notes")]
    assert [t.interviewer for t in thanks] == [p.name for p in people]
    asked = [q.full_id for qs in plan.questions_to_ask.values() for q in qs]
    assert len(asked) == len(set(asked))
    assert all(len(qs) <= 3 for qs in plan.questions_to_ask.values())
    assert len(plan.questions_to_rehearse) <= 8
    assert len(plan.tips) <= 8
    assert 1 <= len(plan.priorities) <= 5


@pytest.mark.parametrize(
    "notice",
    [dt.timedelta(hours=12), dt.timedelta(days=3), dt.timedelta(weeks=3)],
    ids=["12-hours", "3-days", "3-weeks"],
)
@pytest.mark.parametrize("free", [None, "any time"], ids=["employed", "not-employed"])
def test_notice_and_free_time(everything: Library, notice: dt.timedelta, free: str | None) -> None:
    """Nothing is overdue while the interview is ahead; what does not fit is optional;
    preparation ends before the interview and never overlaps."""
    _, plan = scenario(everything, notice=notice, availability=free)
    now = WHEN - notice
    assert not plan.overdue
    before = [t for t in plan.tasks if t.stage == "before"]
    assert all(now <= t.due and t.due + t.effort <= WHEN for t in before)
    assert all(t.optional for t in plan.tasks if t.squeezed)
    spans = sorted((t.due, t.due + t.effort) for t in plan.tasks if t.scheduled)
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans))
    essential = [t for t in before if t.scheduled and not t.optional]
    assert essential, "what matters most is fitted into the time left"
    if notice >= dt.timedelta(weeks=3):
        assert not [t for t in plan.tasks if t.squeezed]
    if free == "any time" and notice == dt.timedelta(days=3):
        # Someone not in work prepares in the daytime on weekdays too.
        assert any(t.due.weekday() < 5 and t.due.hour < 17 for t in plan.tasks if t.scheduled)


def test_promises_come_first_and_at_once(everything: Library) -> None:
    round_one = FirstRound(promised=["Send Dana the churn write-up"])
    _, plan = scenario(everything, first_round=round_one, notice=dt.timedelta(days=3))
    [promise] = [t for t in plan.tasks if t.source == "first_round.promised[0]"]
    assert promise.scheduled
    assert promise.due == min(t.due for t in plan.tasks if t.scheduled)
    assert plan.priorities[0].source == "first_round.promised[0]"


@pytest.mark.parametrize("role", sorted(ROLES))
def test_roles(everything: Library, role: str) -> None:
    """Each role gets its own pack's content and none of another role's."""
    _, plan = scenario(everything, role=role)
    chosen = [*plan.questions_to_rehearse, *plan.tips]
    chosen += [q for qs in plan.questions_to_ask.values() for q in qs]
    packs = {item.pack for item in chosen}
    assert role in packs
    assert not packs & (set(ROLES) - {role})


def test_new_interviewers_get_an_introduction(everything: Library) -> None:
    _, plan = scenario(everything)
    assert any(p.source == "interviewers" for p in plan.priorities)
    intro = {"core/tell-me-about-yourself", "core/walk-through-your-background"}
    assert intro & {q.full_id for q in plan.questions_to_rehearse}


def test_brainteasers_stay_out(everything: Library) -> None:
    _, plan = scenario(everything, role="data-analytics")
    assert "core/estimation-curveball" not in {q.full_id for q in plan.questions_to_rehearse}


def test_a_german_interview(everything: Library) -> None:
    """In German, the plan's own words and its content are German."""
    german = load_library(paths=PACKS, language="de")
    round_one = FirstRound(promised=["Dana den Bericht schicken"])
    _, plan = scenario(german, region="de", first_round=round_one)
    assert plan.priorities[0].reason.startswith("In der ersten Runde zugesagt")
    assert all(plan.reasons[q.full_id] for q in plan.questions_to_rehearse)
    assert "Zusage" not in plan.priorities[0].reason
    texts = [t.text for t in plan.tasks if t.source.startswith("core/")]
    assert not [t for t in texts if t.startswith(("Email ", "Research ", "Check "))]


def test_one_sitting_at_most_three_hours(everything: Library) -> None:
    """A free weekend day or an unemployed candidate's day gets one sitting of at most
    three hours of preparation, never seven."""
    for free in (None, "any time"):
        _, plan = scenario(everything, availability=free, notice=dt.timedelta(days=10))
        by_day: dict[dt.date, dt.timedelta] = {}
        for task in plan.tasks:
            if task.scheduled and task.stage == "before":
                by_day[task.due.date()] = by_day.get(task.due.date(), dt.timedelta(0)) + task.effort
        assert max(by_day.values()) <= dt.timedelta(hours=3), free


def test_groundwork_comes_before_the_rework(everything: Library) -> None:
    """When the salary answer went badly, pay research is done before the round-one
    rework it prepares, and says why."""
    round_one = FirstRound(went_badly=["core/salary-expectations"])
    _, plan = scenario(everything, first_round=round_one)
    due = {t.source.partition("#")[2]: t for t in plan.tasks}
    assert due["research-salary"].due < due["review-round-one"].due
    assert due["research-salary"].reason.startswith("Comes first")
    _, calm = scenario(everything)
    due = {t.source.partition("#")[2]: t for t in calm.tasks}
    assert due["research-salary"].due > due["review-round-one"].due


def test_a_technical_interviewer_makes_practice_essential(everything: Library) -> None:
    """The optional technical practice is essential with a senior technical interviewer
    in the loop, and stays optional without one."""
    _, plan = scenario(everything)
    [practice] = [t for t in plan.tasks if t.source.endswith("#refresh-technical-skills")]
    assert not practice.optional
    _, plain = scenario(everything, interviewers=ONE)
    [practice] = [t for t in plain.tasks if t.source.endswith("#refresh-technical-skills")]
    assert practice.optional


def test_the_eve_ends_with_rest(everything: Library) -> None:
    """On the evening before, setting up comes first and "stop preparing" last, all in
    free time."""
    _, plan = scenario(everything)
    eve = [t for t in plan.tasks if t.stage == "before" and t.due.date() == dt.date(2026, 12, 2)]
    assert eve[-1].source.endswith("#pack-and-rest")
    assert all(t.scheduled for t in eve)


def test_the_example_plan_fits_on_two_pages() -> None:
    """`interviewprep plan examples/interview.toml` in text: at most 120 lines of at most
    80 columns, priorities first, the optional steps counted rather than printed; --all
    prints every step."""
    import contextlib
    import io

    from interviewprep._cli import main

    def printed(*extra: str) -> list[str]:
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            args = ["--only", "core", "plan", str(ROOT / "examples" / "interview.toml")]
            assert main([*args, *extra]) == 0  # not a terminal: 80 columns
        return out.getvalue().splitlines()

    for today in ("2026-11-12", "2026-11-19", "2026-11-26", "2026-12-01"):
        lines = printed("--today", today)
        assert len(lines) <= 120, today
        assert max(map(len, lines)) <= 80
        assert lines[3] == "WHAT MATTERS MOST"
        assert any(line.strip().startswith("[Plus ") for line in lines)
    assert len(printed("--today", "2026-11-26", "--all")) > 150


def test_the_short_plan_says_how_to_see_the_rest(everything: Library) -> None:
    """The count of optional steps left out tells a command-line reader to add --all,
    and reads right without it when an app renders the plan."""
    import contextlib
    import io

    from interviewprep import render_text
    from interviewprep._cli import main

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        args = ["--only", "core", "plan", str(ROOT / "examples" / "interview.toml")]
        assert main([*args, "--today", "2026-11-26"]) == 0
    printed = " ".join(out.getvalue().split())
    assert "optional steps, left out here: add --all to print them." in printed
    _, plan = scenario(everything)
    rendered = " ".join(render_text(plan).split())
    assert "optional steps, left out of this short plan." in rendered
    assert "--all" not in rendered


def test_questions_to_ask_follow_what_the_file_knows(everything: Library) -> None:
    """Questions to ask use the posting and the round-one notes: one following up the
    notes comes first for its interviewer, and a question with a blank the plan cannot
    fill loses to any it can fill, so none is printed."""
    posting = (
        "Own churn reporting, run pricing experiments with finance, present findings to the "
        "leadership team and mentor two junior analysts."
    )
    round_one = FirstRound(notes="The team is growing from four to seven analysts.")
    core = load_library(packs=["core"])
    _, plan = scenario(core, job_posting=posting, first_round=round_one)
    asked = {name: [q.id for q in qs] for name, qs in plan.questions_to_ask.items()}
    assert asked["Dana Whitfield"][0] == "how-the-team-will-grow"
    chosen = [qid for ids in asked.values() for qid in ids]
    assert {"mentoring-in-the-role", "from-experiments-to-decisions"} <= set(chosen)
    assert "work-that-lands-with-leadership" in asked["Priya Raman"]
    texts = [q.text for qs in plan.questions_to_ask.values() for q in qs]
    assert not [t for t in texts if "[" in t or "___" in t]
    # Without the posting's words, the questions tied to them give way.
    _, plain = scenario(core, job_posting="", first_round=FirstRound())
    given = {q.id for qs in plain.questions_to_ask.values() for q in qs}
    assert not given & {"how-the-team-will-grow", "from-experiments-to-decisions"}


def test_rehearsal_fits_the_role_and_the_askers(everything: Library) -> None:
    """A question written for software releases is not rehearsed for an analyst, whether
    a role pack recognises the role or (core alone) it is merely unknown; for a software
    engineer it may be. Each question goes to an interviewer it suits, a question for
    non-specialists to the executive rather than to a fellow specialist."""
    core = load_library(packs=["core"])
    release = "core/failure-before-release"
    for library in (core, everything):
        _, plan = scenario(library)
        assert release not in {q.full_id for q in plan.questions_to_rehearse}
    _, engineer = scenario(core, role="software-engineering")
    assert release in {q.full_id for q in engineer.questions_to_rehearse}
    _, plan = scenario(core, rehearse=None)
    people = {p.name: p for p in FOUR}
    for question in plan.questions_to_rehearse:
        asker = people[plan.askers[question.full_id]]
        assert not question.audiences or asker.audience in question.audiences
    assert plan.askers["core/explain-to-non-specialist"] == "Priya Raman"


def test_tips_that_act_on_the_interview_come_first(everything: Library) -> None:
    """Tips on the format, the seniority, the interviewers and the answers that went
    badly in round one beat notices of the law where the job is."""
    round_one = FirstRound(went_badly=["core/salary-expectations"])
    core = load_library(packs=["core"])
    _, plan = scenario(core, region="de", seniority="senior", first_round=round_one)
    regional = [t.id for t in plan.tips if t.applies.regions]
    assert regional == [], regional
    assert any(t.topic == "salary" for t in plan.tips)
    assert any(t.applies.formats for t in plan.tips)
    assert plan.reasons[next(t.full_id for t in plan.tips if t.topic == "salary")] == (
        "Helps with an answer that went badly in round one."
    )


def _in_free_time(plan: PrepPlan, task: Task) -> bool:
    """Whether a scheduled task lies inside one of the plan's free windows."""
    start = dt.datetime.combine(task.due.date(), dt.time(0), tzinfo=task.due.tzinfo)
    windows = plan.availability.slots(start, start + dt.timedelta(days=1))
    return any(a <= task.due and task.due + task.effort <= b for a, b in windows)


def test_an_employed_candidate_books_time_off(everything: Library) -> None:
    """With evening and weekend free time, an interview at 10:00 on a Thursday takes
    time off work: a step at once, with the times (the interview file gives its
    length). The notes on the questions go in the half hour after the interview that
    the time off covers; the other steps after it go there or in free time, never in
    working hours. Someone free all day, or an interview in the evening, books none."""
    _, plan = scenario(everything, duration=dt.timedelta(hours=1))
    [off] = [t for t in plan.tasks if t.source == TIME_OFF]
    assert not off.optional
    assert off.scheduled
    assert "09:30\u201311:30" in off.text
    assert off.due == sorted(t.due for t in plan.tasks if t.scheduled)[0]
    end = WHEN + dt.timedelta(hours=1)
    [log] = [t for t in plan.tasks if t.source.endswith("#log-the-questions")]
    assert log.due == end
    assert log.scheduled
    booked = end + TIME_OFF_MARGIN
    for task in plan.tasks:
        if task.stage in ("after", "offer") and task.scheduled:
            in_time_off = end <= task.due and task.due + task.effort <= booked
            assert in_time_off or _in_free_time(plan, task), (task.source, task.due)
    for free, when in (("any time", WHEN), (None, WHEN.replace(hour=19))):
        _, other = scenario(everything, availability=free, when=when)
        assert not [t for t in other.tasks if t.source == TIME_OFF]
        after = [t for t in other.tasks if t.stage == "after" and t.scheduled]
        assert after
        assert all(_in_free_time(other, t) for t in after)


def test_every_priority_is_carried_out_by_a_scheduled_step(everything: Library) -> None:
    """Each priority names the essential step that carries it out, and that step is in
    the free time before the interview, even at two days' notice when much else is
    squeezed out; new interviewers get a step that prepares the introduction."""
    round_one = FirstRound(
        went_badly=["core/salary-expectations", "Tell me about a mistake you made"],
        promised=["Send Dana the churn write-up"],
        answers=[EarlierAnswer(question="core/why-leaving-current-employer", answer="To own it.")],
    )
    week, two_days = dt.timedelta(days=7), dt.timedelta(days=2)
    for people, notice in ((FOUR, week), (ONE, week), (FOUR, two_days)):
        _, plan = scenario(everything, interviewers=people, first_round=round_one, notice=notice)
        assert plan.priorities
        tasks = {t.source: t for t in plan.tasks}
        for priority in plan.priorities:
            task = tasks[priority.task]
            assert not task.optional, priority
            assert task.scheduled, priority
            assert task.stage == "before", priority
            assert task.due + task.effort <= WHEN, priority
    _, plan = scenario(everything)
    [introduce] = [p for p in plan.priorities if p.source == INTRODUCTION]
    step = next(t for t in plan.tasks if t.source == introduce.task)
    assert step.source == INTRODUCTION
    assert "Sam Osei" in step.text


def test_reading_comes_before_writing_and_the_work_is_spread(everything: Library) -> None:
    """The posting, the company and the interviewers' profiles are read before stories
    and answers are written; a week of evenings and weekend days each holds some of the
    essential work, none more than three hours."""
    round_one = FirstRound(went_badly=["core/salary-expectations"], promised=["Send it"])
    for notice in (dt.timedelta(days=7), dt.timedelta(days=10)):
        _, plan = scenario(everything, first_round=round_one, notice=notice)
        due = {t.source.partition("#")[2]: t for t in plan.tasks if "#" in t.source}
        reading = [due[i] for i in ("research-the-company", "reread-the-job-posting")]
        reading += [t for t in plan.tasks if t.source.endswith("#research-each-interviewer")]
        writing = [
            due[i]
            for i in (
                "prepare-stories-per-interviewer",
                "prepare-motivation-answers",
                "review-round-one",
                "research-salary",
            )
        ]
        writing += [t for t in plan.tasks if t.source == INTRODUCTION]
        assert max(t.due + t.effort for t in reading) <= min(t.due for t in writing)
        load: dict[dt.date, dt.timedelta] = {}
        for task in plan.tasks:
            if task.stage == "before" and task.scheduled and not task.optional:
                day = task.due.date()
                load[day] = load.get(day, dt.timedelta(0)) + task.effort
        week = [WHEN.date() - dt.timedelta(days=n) for n in range(7, 0, -1)]
        assert all(load.get(day, dt.timedelta(0)) >= dt.timedelta(minutes=30) for day in week)
        assert max(load.values()) <= dt.timedelta(hours=3)


def test_a_full_mock_interview_a_day_or_two_before(everything: Library) -> None:
    """A mock interview aloud is essential in a second round, held a day or two before
    the interview (not on the day), whatever the notice."""
    for notice in (dt.timedelta(days=3), dt.timedelta(days=7), dt.timedelta(weeks=3)):
        _, plan = scenario(everything, notice=notice)
        [mock] = [t for t in plan.tasks if t.source.endswith("#timed-practice-run")]
        assert not mock.optional, notice
        assert mock.scheduled, notice
        assert "mock interview" in mock.text
        days = (WHEN.date() - mock.due.date()).days
        assert 1 <= days <= 2, (notice, mock.due)


def test_round_one_answers_are_kept_not_drafted_anew(everything: Library) -> None:
    """The priority to stay consistent quotes what was said in round one (a long answer
    cut after a whole clause); the step drafting motivation answers keeps the reason for
    leaving as given then rather than asking for a new one."""
    said = (
        "My team is being merged into a larger group, and I want to own analysis end to "
        "end again, from the question to the decision it supports."
    )
    round_one = FirstRound(
        answers=[EarlierAnswer(question="core/why-leaving-current-employer", answer=said)]
    )
    _, plan = scenario(everything, first_round=round_one)
    [consistent] = [p for p in plan.priorities if p.source == "core/why-leaving-current-employer"]
    assert "My team is being merged into a larger group" in consistent.reason
    assert consistent.reason.endswith("again…”")
    [draft] = [t for t in plan.tasks if t.source.endswith("#prepare-motivation-answers")]
    assert "why you are leaving" not in draft.text
    assert "as you gave it in round one" in draft.text
    short = FirstRound(answers=[EarlierAnswer(question=round_one.answers[0].question, answer="X.")])
    _, plan = scenario(everything, first_round=short)
    assert any(p.reason.endswith("“X.”") for p in plan.priorities)


def test_known_details_are_not_asked_for(everything: Library) -> None:
    """With the interviewers' names and titles in the file, the email to the recruiting
    contact only confirms the schedule and format; asking who they are stays in the
    plan as an optional step. Without them, it is essential."""
    _, plan = scenario(everything)
    steps = {t.source.partition("#")[2]: t for t in plan.tasks if "#" in t.source}
    assert not steps["confirm-the-schedule"].optional
    assert "name" not in steps["confirm-the-schedule"].text
    assert steps["ask-who-you-will-meet"].optional
    assert steps["get-names-and-titles"].optional
    _, unknown = scenario(everything, interviewers=())
    steps = {t.source.partition("#")[2]: t for t in unknown.tasks if "#" in t.source}
    assert not steps["ask-who-you-will-meet"].optional


def test_call_steps_follow_the_format_and_name_the_link(everything: Library) -> None:
    """On video the join step names the meeting link the file gives, and no essential
    step asks for it; without a link, asking for it is essential. On the phone there is
    no call to join, only the phone to have ready."""
    link = "https://meet.example.org/northwind"
    _, plan = scenario(everything, location=link)
    [join] = [t for t in plan.tasks if t.source.endswith("#join-early")]
    assert join.text.endswith(link)
    asking = [t for t in plan.tasks if not t.optional and "link" in t.text and t is not join]
    assert asking == []
    _, unknown = scenario(everything)
    [ask] = [t for t in unknown.tasks if t.source.endswith("#ask-for-the-link")]
    assert not ask.optional
    _, phone = scenario(everything, format="phone")
    assert not [t for t in phone.tasks if "join the call" in t.text.lower()]
    assert [t for t in phone.tasks if t.source.endswith("#be-ready-for-the-call")]


def test_technical_practice_names_the_skills_the_posting_asks_for(everything: Library) -> None:
    """The step practising for a technical session names the tools the posting lists
    (SQL and Python) with the core pack alone, and with a role pack installed the
    words the posting shares with its technical questions' tags too; a posting naming
    none keeps the general step. Questions of the role pack on a skill the posting
    names (SQL, whose tag is too short for an ordinary word) reach the rehearsal."""
    core = load_library(packs=["core"])
    practice = "#refresh-technical-skills"
    _, plan = scenario(core)
    [step] = [t for t in plan.tasks if t.source.endswith(practice)]
    assert step.text.startswith("Practise the skills the posting names (SQL, Python)")
    _, plan = scenario(everything)
    [step] = [t for t in plan.tasks if t.source.endswith(practice)]
    assert "(SQL, Python, churn, reporting)" in step.text
    tagged = [q for q in plan.questions_to_rehearse if {"sql", "python"} & q.tags]
    assert tagged
    assert all(q.pack == "data-analytics" for q in tagged)
    _, plain = scenario(core, job_posting="Own churn reporting; work with finance.")
    [step] = [t for t in plain.tasks if t.source.endswith(practice)]
    assert step.text.startswith("For a technical role")


def test_time_off_for_an_interview_of_unknown_length(everything: Library) -> None:
    """Without a duration, the plan confirms the schedule first, then books time off
    "at least" around the start and says to extend it once the schedule is confirmed,
    both at once; with one, it books the exact times and the confirmation is optional
    (the file gives the schedule)."""
    _, plan = scenario(everything)
    tasks = {t.source.partition("#")[2] or t.source: t for t in plan.tasks}
    confirm, off = tasks["confirm-the-schedule"], tasks[TIME_OFF]
    assert not confirm.optional
    first = sorted((t for t in plan.tasks if t.scheduled), key=lambda t: t.due)[:2]
    assert first == [confirm, off]
    assert confirm.due + confirm.effort <= off.due
    assert "09:30\u201311:30 at least" in off.text
    assert off.text.endswith("extend it once the schedule is confirmed")
    _, timed = scenario(everything, duration=dt.timedelta(hours=3))
    tasks = {t.source.partition("#")[2] or t.source: t for t in timed.tasks}
    assert "09:30\u201313:30," in tasks[TIME_OFF].text
    assert "at least" not in tasks[TIME_OFF].text
    assert tasks["confirm-the-schedule"].optional
    assert tasks[TIME_OFF].due == min(t.due for t in timed.tasks if t.scheduled)


def test_the_chair_opens_and_closes(everything: Library) -> None:
    """The opening and closing questions ("tell us about yourself", "what questions do
    you have for us?", "why should we choose you?") are asked by whoever chairs the
    loop when they suit the chair: the hiring manager if present, else the line
    manager; without either they are spread like the others."""
    core = load_library(packs=["core"])
    chaired = {
        "core/tell-me-about-yourself",
        "core/walk-through-your-background",
        "core/any-questions-for-us",
        "core/why-choose-you",
        "core/specific-value-you-bring",
    }
    line_manager = Interviewer(name="Ada Moss", title="Team lead", audience="line-manager")
    for chair, loop in ((FOUR[0], FOUR), (line_manager, (line_manager, *FOUR[1:]))):
        _, plan = scenario(core, rehearse=None, interviewers=loop)
        suiting = [
            q.full_id
            for q in plan.questions_to_rehearse
            if q.full_id in chaired and chair.audience in q.audiences
        ]
        assert len(suiting) >= 2, chair.name
        assert {plan.askers[q] for q in suiting} == {chair.name}
    _, plan = scenario(core, rehearse=None, interviewers=FOUR[1:])
    assert len({plan.askers[q] for q in chaired if q in plan.askers}) > 1
    _, plan = scenario(everything)
    assert plan.askers["core/tell-me-about-yourself"] == "Dana Whitfield"


def test_questions_to_ask_fit_each_interviewers_title(everything: Library) -> None:
    """A data engineer and a principal engineer are asked about the data, systems and
    platform their work is about (their job title's words, by stem), before questions
    for anyone in their audience that only share a word with the posting."""
    from interviewprep._planning import _stems_of, _terms, _title_stems

    for library in (load_library(packs=["core"]), everything):
        _, plan = scenario(library, job_posting=ROLES["data-analytics"][1] + " Mentor juniors.")
        people = {p.name: p for p in FOUR}
        for name in ("Sam Osei", "Lee Park"):
            for question in plan.questions_to_ask[name]:
                words = _terms(f"{question.text} {' '.join(question.tags)}")
                assert _title_stems(people[name]) & _stems_of(words), (name, question.id)
        asked = {q.id for q in plan.questions_to_ask["Lee Park"]}
        assert not asked & {"what-concerns-leadership", "what-brought-you-here"}


def test_a_promise_is_checked_and_ready_to_walk_through(everything: Library) -> None:
    """A promise's step says to check that nothing in it is confidential; one short
    step during the interview says to be ready to walk through what was sent, however
    many promises there were, and none without a promise."""
    from interviewprep._planning import PROMISED_WORK

    round_one = FirstRound(promised=["Send Dana the churn write-up", "Send the deck"])
    _, plan = scenario(everything, first_round=round_one)
    [promise] = [t for t in plan.tasks if t.source == "first_round.promised[0]"]
    assert (
        promise.text == "Send Dana the churn write-up, after checking it holds nothing confidential"
    )
    [ready] = [t for t in plan.tasks if t.source == PROMISED_WORK]
    assert ready.stage == "during"
    assert not ready.optional
    assert len(ready.text) <= 70
    assert ready is plan.tasks_for("during")[0]
    _, none = scenario(everything)
    assert not [t for t in none.tasks if t.source == PROMISED_WORK]


def test_three_points_before_the_introduction_and_evenings_not_full(everything: Library) -> None:
    """The three points every interviewer should remember are picked before the
    introduction that carries them, and the introduction before the mock interview;
    free weekend days take the long sittings, so no evening of the example's week is
    filled to the brim."""
    from interviewprep import load_interview

    round_one = FirstRound(went_badly=["core/salary-expectations"], promised=["Send it"])
    _, plan = scenario(everything, first_round=round_one)
    steps = {t.source.partition("#")[2] or t.source: t for t in plan.tasks}
    points, intro = steps["choose-three-messages"], steps[INTRODUCTION]
    assert points.due + points.effort <= intro.due
    assert intro.due + intro.effort <= steps["timed-practice-run"].due
    core = load_library(packs=["core"])
    example = load_interview(ROOT / "examples" / "interview.toml")
    for today in ("2026-11-12", "2026-11-19", "2026-11-26"):
        plan = build_plan(core, example, today=dt.date.fromisoformat(today))
        load: dict[dt.date, dt.timedelta] = {}
        for task in plan.tasks:
            if task.stage == "before" and task.scheduled and not task.optional:
                load[task.due.date()] = load.get(task.due.date(), dt.timedelta(0)) + task.effort
        evenings = [v for day, v in load.items() if day.weekday() < 5]
        weekends = [v for day, v in load.items() if day.weekday() >= 5]
        assert max(evenings) < dt.timedelta(minutes=150), today
        assert max(weekends) == dt.timedelta(hours=3), today
