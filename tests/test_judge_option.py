"""
Judges by name: load_judge and the command line's --judge NAME and --judge-attach SELECTOR,
with judges installed as fake distributions of the interviewprep.judges group.
"""

from __future__ import annotations

import io
import json
import re
import shlex
from pathlib import Path

import pytest

import answers
from interviewprep import JUDGES_GROUP, JudgeLoadError, Library, load_judge
from interviewprep._cli import main
from packtools import Site

ROOT = Path(__file__).parents[1]
GUIDE = ROOT / "docs" / "how-to" / "use-a-judge.md"

#: A judge module: ``make`` gives a judge that scores every criterion 4 (or fails while
#: scoring when FAKE_JUDGE_DOWN is set), ``needs_key`` fails without FAKE_JUDGE_KEY,
#: ``nothing`` is no factory at all.
JUDGE_MODULE = """
import os

from interviewprep.scorers import Score


class Judge:
    name = "fake-judge"

    def __call__(self, answer, context):
        if os.environ.get("FAKE_JUDGE_DOWN"):
            raise ConnectionError("cannot reach http://127.0.0.1:9/v1")
        return {
            c.id: Score(value=1.0, evidence=("fake",), provenance="fake-model 1")
            for c in context.criteria
        }


def make():
    return Judge()


def needs_key():
    if not os.environ.get("FAKE_JUDGE_KEY"):
        raise RuntimeError("FAKE_JUDGE_KEY is not set:\\nset it to your API key")
    return Judge()


nothing = 42
"""


def install(site: Site, dist: str = "fake-judges", **entry_points: str) -> None:
    """A distribution *dist* registering the module's *entry_points* by name."""
    module = site.unique("fakejudge")
    site.distribution(
        dist,
        entry_points={name: f"{module}:{attr}" for name, attr in entry_points.items()},
        files={f"{module}.py": JUDGE_MODULE},
        group=JUDGES_GROUP,
    )


@pytest.fixture
def judges(site: Site, monkeypatch: pytest.MonkeyPatch) -> Site:
    """Judges installed: fake (works), keyed (needs a variable), odd (no factory)."""
    monkeypatch.delenv("FAKE_JUDGE_DOWN", raising=False)
    monkeypatch.delenv("FAKE_JUDGE_KEY", raising=False)
    install(site, fake="make", keyed="needs_key", odd="nothing")
    return site


@pytest.fixture
def answer(tmp_path: Path) -> str:
    path = tmp_path / "answer.txt"
    path.write_text(answers.STRONG, encoding="utf-8")
    return str(path)


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def scorers_of(output: str) -> dict[str, str | None]:
    """The scorer of each criterion of an assessment printed as JSON."""
    return {c["criterion"]["id"]: c.get("scorer") for c in json.loads(output)["criteria"]}


ASSESS = ["assess", "--rubric", "core/star-answer", "--question", "core/mistake-you-made"]


class TestLoadJudge:
    def test_the_factory_makes_the_judge(self, judges: Site) -> None:
        judge = load_judge("fake")
        assert getattr(judge, "name", None) == "fake-judge"

    def test_an_unknown_name_lists_the_installed_judges(self, judges: Site) -> None:
        with pytest.raises(JudgeLoadError) as raised:
            load_judge("fkae")
        assert raised.value.name == "fkae"
        assert {"fake", "keyed", "odd"} <= set(raised.value.installed)
        assert list(raised.value.installed) == sorted(raised.value.installed)
        message = str(raised.value)
        assert message.startswith("no judge 'fkae' is installed (did you mean 'fake'?)")
        assert "installed judges: " in message
        assert isinstance(raised.value, LookupError)

    def test_no_judges_installed(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """With none installed, the message says so and where the reference judge is."""
        from interviewprep import _entrypoints

        monkeypatch.setattr(_entrypoints, "installed", lambda group: ())
        with pytest.raises(JudgeLoadError, match="no judges are installed") as raised:
            load_judge("openai")
        assert "interviewprep-openai-judge" in str(raised.value)
        assert raised.value.installed == ()

    def test_a_failing_factory_is_one_line_naming_the_judge(self, judges: Site) -> None:
        with pytest.raises(JudgeLoadError) as raised:
            load_judge("keyed")
        message = str(raised.value)
        assert "\n" not in message
        assert message.startswith("judge 'keyed' (fake-judges) could not be made: ")
        assert message.endswith("RuntimeError: FAKE_JUDGE_KEY is not set: set it to your API key")

    def test_something_that_is_not_a_judge(self, judges: Site) -> None:
        with pytest.raises(JudgeLoadError, match=r"judge 'odd' \(fake-judges\): .* gave int"):
            load_judge("odd")

    def test_a_name_registered_twice(self, judges: Site) -> None:
        install(judges, "other-judges", fake="make")
        twice = r"more than one distribution \(fake-judges, other-judges\)"
        with pytest.raises(JudgeLoadError, match=twice):
            load_judge("fake")


class TestAssess:
    def test_the_judge_scores_every_criterion(
        self, judges: Site, answer: str, capsys: pytest.CaptureFixture[str]
    ) -> None:
        code, out, err = run([*ASSESS, answer, "--judge", "fake", "--format", "json"], capsys)
        assert (code, err) == (0, "")
        assert set(scorers_of(out).values()) == {"fake-judge"}
        assert json.loads(out)["total"] == 4

    def test_attached_to_some_criteria(
        self, judges: Site, answer: str, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """--judge-attach limits the judge; the other criteria keep their own scorers."""
        argv = [*ASSESS, answer, "--judge", "fake", "--format", "json"]
        argv += ["--judge-attach", "core/star-answer#candour"]
        argv += ["--judge-attach", "star-answer#delivery"]
        code, out, _ = run(argv, capsys)
        assert code == 0
        scorers = scorers_of(out)
        assert scorers["candour"] == scorers["delivery"] == "fake-judge"
        assert scorers["situation-task"] == "star-structure"
        assert scorers["concision"] == "speaking-time"

    def test_an_unknown_judge_is_a_usage_error(
        self, judges: Site, answer: str, capsys: pytest.CaptureFixture[str]
    ) -> None:
        code, out, err = run([*ASSESS, answer, "--judge", "opneai"], capsys)
        assert (code, out) == (2, "")
        [line] = err.splitlines()
        assert line.startswith("interviewprep: error: --judge: no judge 'opneai' is installed")
        assert re.search(r"installed judges: (\w+, )*fake, keyed, odd", line)

    def test_a_judge_that_cannot_be_made_is_a_usage_error(
        self, judges: Site, answer: str, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """The factory's failure (a missing variable) is one line naming the judge; exit 2."""
        code, out, err = run([*ASSESS, answer, "--judge", "keyed"], capsys)
        assert (code, out) == (2, "")
        [line] = err.splitlines()
        assert line.startswith("interviewprep: error: --judge: judge 'keyed' (fake-judges) ")
        assert line.endswith("FAKE_JUDGE_KEY is not set: set it to your API key")

    def test_the_judge_is_made_before_the_answer_is_read(
        self, judges: Site, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A judge that cannot be made stops the command before it waits for stdin."""
        monkeypatch.setattr("sys.stdin", io.StringIO(""))
        code, _, err = run([*ASSESS, "-", "--judge", "keyed"], capsys)
        assert code == 2
        assert "the answer is empty" not in err

    def test_a_judge_failing_while_scoring_falls_back(
        self,
        judges: Site,
        answer: str,
        monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str],
    ) -> None:
        """The assessment is printed with the own scorers, the problem on stderr; exit 1."""
        monkeypatch.setenv("FAKE_JUDGE_DOWN", "1")
        code, out, err = run([*ASSESS, answer, "--judge", "fake", "--format", "json"], capsys)
        assert code == 1
        assert "fake-judge" not in scorers_of(out).values()
        assert json.loads(out)["total"] is not None
        assert err == (
            "judge 'fake-judge' failed on star-answer (ConnectionError: cannot reach "
            "http://127.0.0.1:9/v1); its criteria fell back to their own scorers\n"
        )

    @pytest.mark.parametrize(
        ("extra", "message"),
        [
            (["--judge-attach", "*"], "--judge-attach needs --judge NAME"),
            (["--judge", "fake", "--data-only"], "--judge fake runs third-party code"),
            (["--judge", "fake", "--judge-attach", "a#b#c"], "--judge-attach: 'a#b#c' selects"),
            (
                ["--judge", "fake", "--judge-attach", "core/star-answer#candor"],
                "--judge-attach 'core/star-answer#candor' selects no criterion of "
                "core/star-answer (did you mean 'core/star-answer#candour'?)",
            ),
            (
                ["--judge", "fake", "--judge-attach", "core/motivation-fit"],
                "selects no criterion of core/star-answer",
            ),
        ],
    )
    def test_usage_errors(
        self,
        judges: Site,
        answer: str,
        extra: list[str],
        message: str,
        capsys: pytest.CaptureFixture[str],
    ) -> None:
        code, out, err = run([*ASSESS, answer, *extra], capsys)
        assert (code, out) == (2, "")
        assert message in err


def labels_file(tmp_path: Path, count: int = 4) -> str:
    """The first *count* labelled answers of the dev set."""
    lines = (ROOT / "benchmarks" / "labels" / "dev.jsonl").read_text("utf-8").splitlines()
    path = tmp_path / "labels.jsonl"
    path.write_text("\n".join(lines[:count]) + "\n", encoding="utf-8")
    return str(path)


class TestCalibrateAndPractice:
    def test_calibrate_with_the_judge(
        self, judges: Site, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """The judge grades every answer 4, so the mean error is the human grades' gap to 4."""
        path = labels_file(tmp_path)
        code, out, err = run(["calibrate", path, "--judge", "fake", "--format", "json"], capsys)
        assert (code, err) == (0, "")
        grades = [json.loads(line)["grade"] for line in Path(path).read_text("utf-8").splitlines()]
        error = sum(4 - grade for grade in grades) / len(grades)
        assert json.loads(out)["overall"]["mean_absolute_error"] == pytest.approx(error)

    def test_calibrate_names_the_answers_a_judge_failed_on(
        self,
        judges: Site,
        tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str],
    ) -> None:
        monkeypatch.setenv("FAKE_JUDGE_DOWN", "1")
        path = labels_file(tmp_path)
        code, out, err = run(["calibrate", path, "--judge", "fake"], capsys)
        assert code == 1
        assert out.strip()  # the figures are printed all the same
        assert err == (
            f"{path}:1: dev-mistake-you-made-1 and 3 more: judge 'fake-judge' failed on "
            "star-answer (ConnectionError: cannot reach http://127.0.0.1:9/v1); its criteria "
            "fell back to their own scorers\n"
        )

    def test_practice_with_the_judge(
        self, judges: Site, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        given = tmp_path / "answers.txt"
        given.write_text(f"{answers.STRONG}\n---\n{answers.STRONG}\n", encoding="utf-8")
        interview = str(ROOT / "examples" / "interview.toml")
        argv = ["practice", interview, "--seed", "1", "--questions", "2", "--answers", str(given)]
        code, out, err = run([*argv, "--judge", "fake"], capsys)
        assert (code, err) == (0, "")
        assert out.count("Total: 4 on a scale of 1-4") == 2
        assert "evidence: fake" in out

    def test_practice_reports_a_failing_judge(
        self,
        judges: Site,
        tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str],
    ) -> None:
        monkeypatch.setenv("FAKE_JUDGE_DOWN", "1")
        given = tmp_path / "answers.txt"
        given.write_text(answers.STRONG, encoding="utf-8")
        interview = str(ROOT / "examples" / "interview.toml")
        argv = ["practice", interview, "--seed", "1", "--questions", "1", "--answers", str(given)]
        code, _, err = run([*argv, "--judge", "fake"], capsys)
        assert code == 1
        assert "judge 'fake-judge' failed on" in err

    def test_practice_checks_selectors_against_every_rubric(
        self, judges: Site, capsys: pytest.CaptureFixture[str]
    ) -> None:
        interview = str(ROOT / "examples" / "interview.toml")
        argv = ["practice", interview, "--judge", "fake", "--judge-attach", "core/nope"]
        code, _, err = run(argv, capsys)
        assert code == 2
        assert "selects no criterion of the loaded rubrics" in err


def guide_commands() -> list[str]:
    """The command lines of the guide's console blocks that use a judge."""
    fences = re.findall(r"^```console\n(.*?)^```", GUIDE.read_text("utf-8"), re.M | re.S)
    return [
        line.removeprefix("$ ")
        for block in fences
        for line in block.splitlines()
        if line.startswith("$ interviewprep ") and "--judge" in line
    ]


class TestGuide:
    def test_the_guide_shows_each_command(self) -> None:
        commands = " ".join(guide_commands())
        for command in ("assess", "calibrate", "practice", "--judge-attach"):
            assert command in commands

    @pytest.mark.parametrize("command", guide_commands())
    def test_the_guide_commands_run(
        self,
        command: str,
        site: Site,
        library: Library,
        tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str],
    ) -> None:
        """Each command of the guide runs with a judge installed as ``openai``."""
        from interviewprep._entrypoints import installed

        if any(entry_point.name == "openai" for entry_point in installed(JUDGES_GROUP)):
            pytest.skip("a real 'openai' judge is installed here")
        install(site, openai="make")
        monkeypatch.chdir(tmp_path)
        (tmp_path / "answer.txt").write_text(answers.STRONG, encoding="utf-8")
        interview = (ROOT / "examples" / "interview.toml").read_text("utf-8")
        (tmp_path / "interview.toml").write_text(interview, encoding="utf-8")
        labels_file(tmp_path, count=6)
        (tmp_path / "labels.jsonl").rename(tmp_path / "my-labels.jsonl")
        monkeypatch.setattr("sys.stdin", io.StringIO(""))  # practice: Ctrl-D at once
        code, _, err = run(shlex.split(command)[1:], capsys)
        assert (code, err) == (0, ""), command
