"""The pytest plugin pack authors use: one line checks a whole pack."""

from __future__ import annotations

from pathlib import Path

import pytest

from interviewprep import load_pack
from interviewprep.pytest_plugin import (
    copied_runs,
    quality_problems,
    scored_share,
    sentences,
    stacked_anchors,
)
from packtools import TIP, manifest, simple_pack, write_files


class TestCheckPack:
    def test_good_pack_passes(self, pytester: pytest.Pytester, tmp_path: Path) -> None:
        """check_pack on a good folder passes."""
        folder = write_files(
            tmp_path / "good", {"pack.toml": simple_pack("good", requires=("core",))}
        )
        pytester.makepyfile(
            f"""
            def test_pack(check_pack):
                pack = check_pack({str(folder)!r})
                assert pack.name == "good"
            """
        )
        pytester.runpytest_inprocess().assert_outcomes(passed=1)

    def test_installed_pack_by_name(self, pytester: pytest.Pytester) -> None:
        """check_pack accepts an installed pack's name."""
        pytester.makepyfile("def test_core(check_pack):\n    check_pack('core')\n")
        pytester.runpytest_inprocess().assert_outcomes(passed=1)

    def test_broken_pack_fails_with_problems(
        self, pytester: pytest.Pytester, tmp_path: Path
    ) -> None:
        """check_pack on a broken folder fails, listing the problem."""
        folder = write_files(
            tmp_path / "bad", {"pack.toml": manifest("bad") + TIP.format(id="Bad")}
        )
        pytester.makepyfile(f"def test_pack(check_pack):\n    check_pack({str(folder)!r})\n")
        result = pytester.runpytest_inprocess()
        result.assert_outcomes(failed=1)
        result.stdout.fnmatch_lines(
            ["*the pack at * has problems:*", "*tips[[]0[]].id: 'Bad' is not a valid id*"]
        )

    def test_placeholder_fails(self, pytester: pytest.Pytester, tmp_path: Path) -> None:
        """Placeholder text fails the check, as validate reports it."""
        content = manifest("lazy") + TIP.format(id="t").replace("Do the thing", "TODO write")
        folder = write_files(tmp_path / "lazy", {"pack.toml": content})
        pytester.makepyfile(f"def test_pack(check_pack):\n    check_pack({str(folder)!r})\n")
        result = pytester.runpytest_inprocess()
        result.assert_outcomes(failed=1)
        result.stdout.fnmatch_lines(["*pack.toml:10: tips[[]0[]].body: placeholder text*"])


class TestQualityProblems:
    def test_duplicates_and_missing_rubric(self, tmp_path: Path) -> None:
        """Duplicate titles are errors, questions nothing can rate are warnings."""
        content = (
            manifest("dup")
            + TIP.format(id="a")
            + TIP.format(id="b").replace("Tip b", "Tip a")
            + '\n[[questions]]\nid = "q"\ntext = "Why?"\nasked_by = "interviewer"\n'
            + 'kind = "reflection"\nintent = "fit"\n'
        )
        pack = load_pack(write_files(tmp_path, {"pack.toml": content}))
        assert quality_problems(pack) == [
            "tips[1].title: the same title as tip 'a': merge the two tips, or make each say "
            "something of its own",
            "questions[0]: warning: answers to this question cannot be rated: name a rubric, "
            "or an answer_type (the library's rubric for that type of answer rates it)",
        ]

    def test_core_pack_is_clean(self) -> None:
        """The core pack has no quality problems."""
        from interviewprep import load_library

        [core] = load_library(packs=["core"], strict=True).packs
        assert quality_problems(core) == []


class TestContentHelpers:
    """The readability and rubric checks pack tests share with the core pack's."""

    def test_sentences(self) -> None:
        text = "*First* one. Second: a colon.\n\nA paragraph\n- a bullet"
        assert sentences(text) == ["First one.", "Second:", "a colon.", "A paragraph", "a bullet"]

    def test_copied_runs(self) -> None:
        run = "one two three four five six seven eight nine ten eleven twelve"
        texts = [("a", f"Start {run}."), ("b", f"{run} again"), ("a", f"{run} twice in a")]
        assert copied_runs(texts) == [("b", "a", run)]
        assert copied_runs([("a", "short text"), ("b", "short text")], length=2) == [
            ("b", "a", "short text")
        ]

    def test_stacked_anchors_and_scored_share(self) -> None:
        from interviewprep import Criterion, Level, Rubric, Scale

        def criterion(cid: str, anchor: str, scorer: str | None, weight: float) -> Criterion:
            level = Level(score=1, label="L", anchor=anchor)
            return Criterion(id=cid, name=cid, levels=[level], scorer=scorer, weight=weight)

        rubric = Rubric(
            id="r",
            title="R",
            scale=Scale(min=1, max=4),
            criteria=[
                criterion("one", "Names the result and why it mattered.", "evidence", 3.0),
                criterion("two", "Names it. Then explains it.", None, 1.0),
                criterion("three", "Says this and that and more", None, 1.0),
                criterion("four", "Plans; then acts.", None, 1.0),
            ],
        )
        assert [where for where, _ in stacked_anchors([rubric])] == [
            "r/two/1",
            "r/three/1",
            "r/four/1",
        ]
        assert scored_share(rubric) == 0.5
