"""The story bank: suggesting stories and spreading them over an interview loop."""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from interviewprep import Library, Question, Story, StoryBank, from_dict, load_library, to_dict
from interviewprep import testing as strategies

STORIES = StoryBank(
    stories=[
        Story(
            id="month-end-close",
            title="Cut the month-end close from nine days to four",
            situation="Finance closed the books in nine days.",
            task="Cut the close to five days.",
            action="I mapped the process and built an exception report.",
            result="Four and a half days; 30 hours a month saved.",
            skills=["process improvement", "stakeholder management"],
            metrics=["9 to 4.5 days", "30 hours a month"],
            tags=["achievement"],
        ),
        Story(
            id="disagreement-with-cfo",
            title="Disagreed with the CFO about a forecast",
            situation="The CFO wanted an optimistic forecast.",
            action="I showed the data and proposed a range; we agreed on it.",
            result="The range held within 3%.",
            skills=["conflict", "communication"],
            tags=["disagreement", "conflict"],
        ),
        Story(
            id="failed-migration",
            title="A data migration that failed, and what I changed",
            situation="A migration lost a day of records.",
            action="I owned the mistake, restored the data and added checks.",
            result="No data lost since; the checks caught two issues.",
            skills=["mistake", "resilience"],
            tags=["failure", "mistake"],
        ),
    ]
)


def question(id_: str, text: str, tags: tuple[str, ...] = ()) -> Question:
    return Question(
        id=id_,
        text=text,
        asked_by="interviewer",
        kind="behavioral",
        intent="can-do",
        tags=tags,
        pack="test",
    )


ACHIEVEMENT = question("achievement", "What achievement are you proudest of?", ("achievement",))
CONFLICT = question("conflict", "Tell me about a disagreement with a colleague.", ("conflict",))
MISTAKE = question("mistake", "Tell me about a mistake you made.", ("mistake",))
WEATHER = question("weather", "Which is your favourite season?")


class TestSuggest:
    def test_best_fit_first(self) -> None:
        """The story sharing the question's tags and words comes first."""
        assert [s.id for s in STORIES.suggest(CONFLICT)][:1] == ["disagreement-with-cfo"]
        assert STORIES.suggest(MISTAKE, k=1)[0].id == "failed-migration"

    def test_nothing_fits(self) -> None:
        """A question sharing nothing with any story gets no suggestion."""
        assert STORIES.suggest(WEATHER) == []

    def test_works_on_core_questions(self) -> None:
        """Stories are suggested for the questions of the loaded packs."""
        library: Library = load_library(packs=["core"])
        q = library.questions["core/disagreement-with-colleague"]
        assert STORIES.suggest(q)[0].id == "disagreement-with-cfo"


class TestAssign:
    def test_no_story_told_twice_while_another_fits(self) -> None:
        """Each interviewer hears a different story while fitting unused ones remain."""
        bank = StoryBank(stories=[attrs.evolve(s, tags={"achievement"}) for s in STORIES.stories])
        result = bank.assign(["Dana", "Sam", "Priya"], [ACHIEVEMENT])
        told = result.as_dict()
        assert told["Dana"] == {"test/achievement": "month-end-close"}
        assert len({v for person in told.values() for v in person.values()}) == 3
        assert not any(c.reused for c in result.choices)

    def test_reuse_only_when_nothing_fresh_fits(self) -> None:
        """With one fitting story, the second interviewer hears it again, marked as reused."""
        bank = StoryBank(stories=[STORIES.stories[2]])
        result = bank.assign(["Dana", "Sam"], [MISTAKE])
        assert [c.story for c in result.choices] == ["failed-migration", "failed-migration"]
        assert [c.reused for c in result.choices] == [False, True]
        assert "reused (first told to Dana)" in result.choices[1].reason

    def test_per_interviewer_questions(self) -> None:
        """Questions may differ per interviewer."""
        result = STORIES.assign(["Dana", "Sam"], {"Dana": [CONFLICT], "Sam": [MISTAKE]})
        assert result.as_dict() == {
            "Dana": {"test/conflict": "disagreement-with-cfo"},
            "Sam": {"test/mistake": "failed-migration"},
        }

    def test_explain(self) -> None:
        """explain() gives one line per choice, with the reason."""
        text = STORIES.assign(["Dana"], [CONFLICT, WEATHER]).explain()
        first, second = text.splitlines()
        assert first.startswith("Dana / test/conflict: disagreement-with-cfo — fits on ")
        assert (
            second
            == "Dana / test/weather: no story — no story in the bank fits this question: add one"
        )


class TestFiles:
    def test_round_trip(self) -> None:
        """A bank round-trips through the converter."""
        assert from_dict(StoryBank, to_dict(STORIES)) == STORIES

    def test_save_and_load(self, tmp_path: Path) -> None:
        """save() writes JSON that load() reads back."""
        STORIES.save(tmp_path / "stories.json")
        assert StoryBank.load(tmp_path / "stories.json") == STORIES

    def test_load_toml(self, tmp_path: Path) -> None:
        """A bank can be written by hand in TOML."""
        (tmp_path / "stories.toml").write_text(
            '[[stories]]\nid = "a"\ntitle = "A story"\nskills = ["Public Speaking"]\n',
            encoding="utf-8",
        )
        bank = StoryBank.load(tmp_path / "stories.toml")
        assert bank.stories[0].skills == frozenset({"public speaking"})

    def test_duplicate_ids(self) -> None:
        """Two stories with one id are refused."""
        with pytest.raises(ValueError, match="duplicate story id 'a'"):
            StoryBank(stories=[Story(id="a", title="A"), Story(id="a", title="B")])


words = st.sampled_from(
    ["conflict", "mistake", "achievement", "budget", "team", "customer", "deadline"]
)
stories = st.lists(
    st.builds(
        Story,
        id=strategies.ids(),
        title=st.lists(words, min_size=1, max_size=3).map(" ".join),
        skills=st.frozensets(words, max_size=2),
        tags=st.frozensets(words, max_size=2),
    ),
    max_size=6,
    unique_by=lambda s: s.id,
)
asked = st.lists(
    st.builds(
        lambda n, ws: question(f"q{n}", " ".join(ws) + "?", tuple(ws[:1])),
        st.integers(0, 50),
        st.lists(words, min_size=1, max_size=3),
    ),
    min_size=1,
    max_size=4,
    unique_by=lambda q: q.id,
)


class TestAssignProperties:
    @given(stories=stories, questions=asked, people=st.integers(1, 5))
    @settings(max_examples=100)
    def test_never_repeats_while_a_fitting_story_is_unused(
        self, stories: list[Story], questions: list[Question], people: int
    ) -> None:
        """A story is reused only when every story fitting that question was already told."""
        bank = StoryBank(stories=stories)
        result = bank.assign([f"p{n}" for n in range(people)], questions)
        told: set[str] = set()
        by_question = {q.full_id: q for q in questions}
        heard: dict[str, set[str]] = {}
        for choice in result.choices:
            q = by_question[choice.question]
            fitting = {s.id for s in stories if bank.fit(s, q)[0] > 0}
            if choice.story is None:
                assert fitting <= heard.get(choice.interviewer, set())
            else:
                assert choice.story in fitting
                assert choice.story not in heard.get(choice.interviewer, set())
                if choice.story in told:
                    assert choice.reused
                    assert fitting <= told
            if choice.story is not None:
                told.add(choice.story)
                heard.setdefault(choice.interviewer, set()).add(choice.story)


class TestSaveIsAtomic:
    def test_killed_half_way_leaves_the_old_file(self, tmp_path: Path) -> None:
        """A process killed in the middle of StoryBank.save leaves the old bank whole."""
        import os
        import signal
        import subprocess
        import sys
        import textwrap
        import time

        target = tmp_path / "bank.json"
        old = StoryBank(stories=[Story(id="old", title="Old", result="Kept.")])
        old.save(target)
        before = target.read_bytes()
        child = textwrap.dedent(
            f"""
            import os, time
            from interviewprep import Story, StoryBank
            os.fsync = lambda fd: time.sleep(60)  # stall after writing, before the rename
            stories = [Story(id=f"s{{n}}", title="New", result="x" * 1000) for n in range(500)]
            StoryBank(stories=stories).save({str(target)!r})
            """
        )
        process = subprocess.Popen([sys.executable, "-c", child])
        try:
            deadline = time.monotonic() + 30
            while not list(tmp_path.glob(".bank.json.*.tmp")) and time.monotonic() < deadline:
                time.sleep(0.05)
            assert list(tmp_path.glob(".bank.json.*.tmp")), "the save never started"
        finally:
            os.kill(process.pid, signal.SIGKILL)
            process.wait()
        assert target.read_bytes() == before
        assert StoryBank.load(target) == old
