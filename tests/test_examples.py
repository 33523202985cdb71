"""Every example in examples/ runs, and prints what it promises."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from interviewprep import Criterion, Level, Rubric, Scale, assess, load_scorers
from packtools import Site

EXAMPLES = Path(__file__).parent.parent / "examples"


def run(script: str, *args: str) -> str:
    result = subprocess.run(
        [sys.executable, str(EXAMPLES / script), *args],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


class TestExamples:
    def test_every_script_is_tested(self) -> None:
        """Each example script has a test here."""
        scripts = {p.name for p in EXAMPLES.glob("*.py")}
        tested = {"embed_in_app.py", "prep_plan.py", "score_answer.py", "story_bank.py"}
        assert scripts == tested

    def test_embed_in_app(self) -> None:
        """The app example prints panel questions as JSON."""
        import json

        data = json.loads(run("embed_in_app.py"))
        assert data["count"] >= 3
        assert all(q["id"].count("/") == 1 for q in data["questions"])

    def test_prep_plan(self, tmp_path: Path) -> None:
        """The plan example prints a dated plan and writes a calendar."""
        out = run("prep_plan.py", "--ics", str(tmp_path / "plan.ics"))
        assert out.startswith("PREP PLAN: Senior data analyst at Northwind Traders")
        assert "Dana Whitfield" in out
        assert (tmp_path / "plan.ics").read_text("utf-8").startswith("BEGIN:VCALENDAR")

    def test_score_answer(self) -> None:
        """The scoring example shows the specific answer beating the vague one."""
        out = run("score_answer.py")
        total = next(line for line in out.splitlines() if line.startswith("total"))
        vague, specific = (float(x) for x in total.split()[1:3])
        assert specific > vague
        assert "What to change in the vague answer:" in out

    def test_story_bank(self) -> None:
        """The story example spreads four stories over the loop before reusing any."""
        out = run("story_bank.py")
        assert "4 different stories for 8 answers" in out

    def test_custom_scorer(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        """The example scorer distribution plugs into assess through its entry point."""
        monkeypatch.syspath_prepend(str(EXAMPLES / "custom_scorer" / "src"))
        Site(tmp_path, monkeypatch).distribution(
            "interviewprep-customer-focus",
            entry_points={"customer-focus": "customer_focus:score"},
            group="interviewprep.scorers",
        )
        assert "customer-focus" in load_scorers()[0]
        rubric = Rubric(
            id="r",
            title="Customer focus",
            scale=Scale(min=1, max=4),
            criteria=[
                Criterion(
                    id="c",
                    name="Customer focus",
                    scorer="customer-focus",
                    levels=[Level(score=s, label=str(s), anchor=f"level {s}") for s in range(1, 5)],
                )
            ],
        )
        [result] = assess("Our customers and users, and one client, loved it.", rubric).criteria
        assert result.score == 4
