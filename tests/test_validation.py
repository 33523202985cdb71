"""
The pack author's loop: one definition of a valid pack, every problem in one pass,
folders checked as one set, and messages that say what to do.

``validate_pack``, ``interviewprep validate`` and the pytest plugin's ``check_pack``
must agree on every pack here.
"""

from __future__ import annotations

import glob
import json
import re
from pathlib import Path

import pytest

from interviewprep import (
    Limits,
    Pack,
    PackError,
    Problem,
    load_library,
    load_pack,
    validate_pack,
)
from interviewprep._cli import main
from packtools import QUESTION, RUBRIC, TIP, manifest, simple_pack, write_files


def line_of(content: str, needle: str, nth: int = 1) -> int:
    """The 1-based line of the *nth* line containing *needle*."""
    return [n for n, line in enumerate(content.splitlines(), start=1) if needle in line][nth - 1]


def located(problems: list[Problem]) -> list[tuple[str, int | None, str, str]]:
    """(file name, line, path, severity) of each problem."""
    return [(Path(p.file or "").name, p.line, p.path, p.severity) for p in problems]


def cli(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def plugin(pytester: pytest.Pytester, call: str) -> pytest.RunResult:
    """
    Run a test that calls check_pack as *call* in a fresh pytest session (once per test:
    a second in-process session cannot find the distributions' metadata).
    """
    pytester.makepyfile(f"from pathlib import Path\n\ndef test_pack(check_pack):\n    {call}\n")
    return pytester.runpytest_inprocess("-W", "default::interviewprep.pytest_plugin.PackWarning")


#: Packs that are invalid only by the content checks loading does not make.
UNFINISHED = {
    "placeholder": TIP.format(id="a").replace("Do the thing", "TODO: say what to do"),
    "lorem ipsum": TIP.format(id="a").replace("Do the thing", "Lorem ipsum dolor"),
    "trailing ellipsis": TIP.format(id="a").replace("because it helps.", "because..."),
    "same title": TIP.format(id="a") + TIP.format(id="b").replace("Tip b", "tip  A"),
    "same question": RUBRIC.format(id="r")
    + QUESTION.format(id="q1", rubric="r")
    + QUESTION.format(id="q2", rubric="r").replace("Question q2?", "Question q1?"),
}


class TestOneDefinitionOfValid:
    @pytest.mark.parametrize("body", UNFINISHED.values(), ids=list(UNFINISHED))
    def test_validate_reports_what_the_plugin_fails(
        self,
        body: str,
        tmp_path: Path,
        pytester: pytest.Pytester,
        capsys: pytest.CaptureFixture[str],
    ) -> None:
        """An unfinished pack is an error for validate_pack, the command and check_pack alike."""
        folder = write_files(tmp_path / "demo", {"pack.toml": manifest("demo") + body})
        load_pack(folder)  # loading does not refuse it: the content checks are the author's
        [problem] = validate_pack(folder)
        assert problem.severity == "error"
        assert problem.line is not None
        code, out, _ = cli(["validate", str(folder)], capsys)
        assert (code, out.strip()) == (1, str(problem))
        result = plugin(pytester, f"check_pack({str(folder)!r})")
        result.assert_outcomes(failed=1)
        result.stdout.fnmatch_lines([f"*{glob.escape(str(problem))}*"])

    def test_placeholder_message_says_what_to_replace(self, tmp_path: Path) -> None:
        """A placeholder is quoted, with its file, line and field path."""
        content = manifest("demo") + UNFINISHED["placeholder"]
        folder = write_files(tmp_path, {"pack.toml": content})
        [problem] = validate_pack(folder)
        assert (problem.line, problem.path, problem.pack) == (
            line_of(content, "TODO"),
            "tips[0].body",
            "demo",
        )
        assert problem.message == (
            "placeholder text 'TODO: say what to do called a, because it helps.': replace it "
            "with the finished text"
        )

    @pytest.mark.parametrize(
        "text",
        [
            "Todo el equipo estuvo de acuerdo.",  # Spanish "all", not a placeholder
            "Use the STAR method… then stop.",
            "Say what you learned (not only what went wrong).",
        ],
    )
    def test_ordinary_text_is_not_a_placeholder(self, text: str, tmp_path: Path) -> None:
        """Only the placeholder words in capitals, and a leading or trailing '...', count."""
        body = TIP.format(id="a").replace("Do the thing called a, because it helps.", text)
        folder = write_files(tmp_path, {"pack.toml": manifest("demo") + body})
        assert validate_pack(folder) == []

    def test_manifest_text_is_checked(self, tmp_path: Path) -> None:
        """The manifest's description and authors are content too."""
        content = manifest("demo", description='"TBD"', authors='["FIXME"]') + TIP.format(id="a")
        folder = write_files(tmp_path, {"pack.toml": content})
        assert [p.path for p in validate_pack(folder)] == ["pack.description", "pack.authors[0]"]

    def test_blank_guidance_is_an_error(self, tmp_path: Path) -> None:
        """Text that is only white space is reported where the model lets it pass."""
        body = RUBRIC.format(id="r") + QUESTION.format(id="q", rubric="r") + 'guidance = "  "\n'
        folder = write_files(tmp_path, {"pack.toml": manifest("demo") + body})
        [problem] = validate_pack(folder)
        assert (problem.path, problem.severity) == ("questions[0].guidance", "error")
        assert problem.message.startswith("is blank")

    def test_duplicate_names_the_first_item(self, tmp_path: Path) -> None:
        """The second of two equal titles is reported, naming the first by id."""
        content = manifest("demo") + UNFINISHED["same title"]
        [problem] = validate_pack(write_files(tmp_path, {"pack.toml": content}))
        assert (problem.path, problem.line) == ("tips[1].title", line_of(content, "tip  A"))
        assert problem.message.startswith("the same title as tip 'a'")


class TestEmptyPack:
    def test_a_pack_without_items_is_valid(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A manifest alone is a valid (if useless) pack."""
        folder = write_files(tmp_path, {"pack.toml": manifest("empty")})
        assert validate_pack(folder) == []
        assert cli(["validate", str(folder)], capsys)[:2] == (0, "1 pack valid\n")


class TestWarnings:
    UNRATED = '\n[[questions]]\nid = "q"\ntext = "Why?"\nasked_by = "interviewer"\n'
    UNRATED += 'kind = "reflection"\nintent = "fit"\n'
    FAR = (
        '\n[[checklists]]\nid = "c"\ntitle = "Long before"\nstage = "before"\n'
        '\n[[checklists.items]]\nid = "i"\ntext = "Start a course."\ndue = "-P90D"\n'
    )

    def test_warnings_do_not_make_a_pack_invalid(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A question nothing rates and a far due date are warnings: exit 0."""
        content = manifest("demo") + self.UNRATED + self.FAR
        folder = write_files(tmp_path, {"pack.toml": content})
        problems = validate_pack(folder)
        assert located(problems) == [
            ("pack.toml", line_of(content, "[[questions]]"), "questions[0]", "warning"),
            ("pack.toml", line_of(content, "due ="), "checklists[0].items[0].due", "warning"),
        ]
        code, out, _ = cli(["validate", str(folder)], capsys)
        assert code == 0
        assert out.splitlines()[-1] == "1 pack valid"

    def test_answer_type_or_candidate_question_needs_no_rubric(self, tmp_path: Path) -> None:
        """A question rated by its answer type, or asked by the candidate, is fine."""
        typed = self.UNRATED.replace('intent = "fit"', 'intent = "fit"\nanswer_type = "story"')
        asked = '\n[[questions]]\nid = "c"\ntext = "How is success measured?"\n'
        asked += 'asked_by = "candidate"\n'
        content = manifest("demo", format="2") + typed + asked
        assert validate_pack(write_files(tmp_path, {"pack.toml": content})) == []

    def test_plugin_warns(self, tmp_path: Path, pytester: pytest.Pytester) -> None:
        """check_pack passes with a PackWarning, which pytest lists."""
        folder = write_files(tmp_path, {"pack.toml": manifest("demo") + self.UNRATED})
        result = plugin(pytester, f"check_pack({str(folder)!r})")
        result.assert_outcomes(passed=1, warnings=1)
        result.stdout.fnmatch_lines(["*PackWarning*answers to this question cannot be rated*"])

    def test_plugin_strict_fails_on_warnings(
        self, tmp_path: Path, pytester: pytest.Pytester
    ) -> None:
        """check_pack(strict=True) fails on a warning."""
        folder = write_files(tmp_path, {"pack.toml": manifest("demo") + self.UNRATED})
        result = plugin(pytester, f"check_pack({str(folder)!r}, strict=True)")
        result.assert_outcomes(failed=1)
        result.stdout.fnmatch_lines(["*questions[[]0[]]: warning: answers to this question*"])


class TestScaffold:
    def test_fresh_scaffold_is_reported_everywhere(
        self, tmp_path: Path, pytester: pytest.Pytester, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Every TODO text of a new pack is an error for validate and for its own test."""
        assert cli(["new-pack", "acme", "--directory", str(tmp_path)], capsys)[0] == 0
        folder = tmp_path / "acme" / "src" / "interviewprep_acme"
        text = (folder / "pack.toml").read_text("utf-8")
        problems = validate_pack(folder)
        todo_lines = {
            n
            for n, line in enumerate(text.splitlines(), start=1)
            if re.search(r'^\w+ = (\["|"|""")?\n?TODO', line) or line == "TODO"
        }
        assert problems
        assert all(p.severity == "error" for p in problems)
        assert all(re.match("placeholder text ['\"]TODO: ", p.message) for p in problems)
        assert all(p.message.endswith("replace it with the finished text") for p in problems)
        assert {p.path for p in problems} >= {"pack.description", "pack.authors[0]"}
        assert {p.path for p in problems} >= {"tips[0].title", "tips[0].body", "questions[0].text"}
        assert {p.line for p in problems} <= todo_lines | {
            line_of(text, "body ="),
            line_of(text, "guidance ="),
        }
        code, out, _ = cli(["validate", str(folder)], capsys)
        assert code == 1
        assert len(out.splitlines()) == len(problems)
        test = (tmp_path / "acme" / "tests" / "test_pack.py").read_text("utf-8")
        pytester.makepyfile(
            test_pack=test.replace(
                "Path(__file__).parent.parent", f"Path({str(tmp_path / 'acme')!r})"
            )
        )
        result = pytester.runpytest_inprocess()
        result.assert_outcomes(failed=1)
        result.stdout.fnmatch_lines(["*pack.toml:*: pack.description: placeholder text 'TODO*"])

    def test_replacing_the_placeholders_makes_it_valid(
        self, tmp_path: Path, pytester: pytest.Pytester, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Once each TODO is replaced with real words, the pack passes both."""
        cli(["new-pack", "acme", "--directory", str(tmp_path)], capsys)
        folder = tmp_path / "acme" / "src" / "interviewprep_acme"
        text = (folder / "pack.toml").read_text("utf-8")
        text = re.sub(r"TODO: [^:]*such as: ", "", text)
        text = text.replace("TODO: say what this pack offers", "Offers advice")
        text = text.replace("TODO: your name", "Acme Careers")
        (folder / "pack.toml").write_text(text, encoding="utf-8")
        assert validate_pack(folder) == []
        assert cli(["validate", str(folder)], capsys)[:2] == (0, "1 pack valid\n")
        test = (tmp_path / "acme" / "tests" / "test_pack.py").read_text("utf-8")
        pytester.makepyfile(
            test_pack=test.replace(
                "Path(__file__).parent.parent", f"Path({str(tmp_path / 'acme')!r})"
            )
        )
        pytester.runpytest_inprocess().assert_outcomes(passed=1)


class TestOnePass:
    def test_structure_ids_references_and_content_together(self, tmp_path: Path) -> None:
        """Broken items, a duplicate id, a dangling reference and a placeholder: one list."""
        content = (
            manifest("demo")
            + TIP.format(id="a").replace('"research"', '"reserch"')
            + TIP.format(id="b")
            + TIP.format(id="b").replace("Tip b", "Tip c")
            + TIP.format(id="d").replace("Do the thing", "TODO")
            + RUBRIC.format(id="r")
            + QUESTION.format(id="q", rubric="nope")
        )
        folder = write_files(tmp_path, {"pack.toml": content})
        assert [(p.line, p.path) for p in validate_pack(folder)] == [
            (line_of(content, '"reserch"'), "tips[0].topic"),
            (line_of(content, 'id = "b"', nth=2), "tips[2].id"),
            (line_of(content, "TODO"), "tips[3].body"),
            (line_of(content, 'rubric = "nope"'), "questions[0].rubric"),
        ]
        with pytest.raises(PackError):
            load_pack(folder)
        library = load_library(packs=[], paths=[folder])
        assert library.packs == ()
        assert len(library.problems) == 2  # what loading checks: the pack is left out whole

    def test_reference_to_a_broken_item_is_not_reported_twice(self, tmp_path: Path) -> None:
        """A question whose rubric has problems of its own gets no 'does not exist'."""
        content = (
            manifest("demo")
            + RUBRIC.format(id="r").replace('label = "Weak"', "label = 1")
            + QUESTION.format(id="q", rubric="r")
        )
        folder = write_files(tmp_path, {"pack.toml": content})
        assert [p.path for p in validate_pack(folder)] == ["rubrics[0].criteria[0].levels[0].label"]

    def test_included_files_keep_their_own_lines(self, tmp_path: Path) -> None:
        """Problems in included files name those files and their lines."""
        more = TIP.format(id="b").replace("topic", "topik") + TIP.format(id="c").replace(
            "Do the thing", "FIXME"
        )
        files = {"pack.toml": manifest("demo", include='["more.toml"]'), "more.toml": more}
        folder = write_files(tmp_path, files)
        assert located(validate_pack(folder)) == [
            ("more.toml", line_of(more, "[[tips]]"), "tips[0].topic", "error"),
            ("more.toml", line_of(more, "topik ="), "tips[0].topik", "error"),
            ("more.toml", line_of(more, "FIXME"), "tips[1].body", "error"),
        ]

    def test_bad_manifest_key_does_not_hide_the_items(self, tmp_path: Path) -> None:
        """A misspelt manifest key is reported with the items' problems and references."""
        content = manifest("demo", licence='"MIT"') + QUESTION.format(id="q", rubric="nope")
        folder = write_files(tmp_path, {"pack.toml": content})
        problems = validate_pack(folder)
        assert [(p.path, p.message) for p in problems] == [
            ("pack.licence", "unknown key 'licence': did you mean 'license'?"),
            ("questions[0].rubric", "refers to rubric 'demo/nope', which does not exist"),
        ]

    def test_placeholder_in_a_broken_item_is_reported(self, tmp_path: Path) -> None:
        """An item with a misspelt key still has its texts checked."""
        content = manifest("demo") + TIP.format(id="a").replace("title =", "titel =").replace(
            "Do the thing", "TODO"
        )
        folder = write_files(tmp_path, {"pack.toml": content})
        assert [(p.line, p.path) for p in validate_pack(folder)] == [
            (line_of(content, "[[tips]]"), "tips[0].title"),
            (line_of(content, "titel ="), "tips[0].titel"),
            (line_of(content, "TODO"), "tips[0].body"),
        ]

    def test_pack_level_rules_leave_out_one_item_each(self, tmp_path: Path) -> None:
        """Format 2 fields in a format 1 pack: each item named, the others still checked."""
        applies = 'applies = { regions = ["de"] }\n'
        content = (
            manifest("demo")
            + TIP.format(id="a")
            + applies
            + TIP.format(id="b")
            + applies
            + QUESTION.format(id="q", rubric="nope")
        )
        folder = write_files(tmp_path, {"pack.toml": content})
        problems = validate_pack(folder)
        assert [(p.line, p.path) for p in problems] == [
            (line_of(content, "applies", 1), "tips[0].applies"),
            (line_of(content, "applies", 2), "tips[1].applies"),
            (line_of(content, 'rubric = "nope"'), "questions[0].rubric"),
        ]
        assert problems[0].message.endswith("set format = 2 in [pack]")

    def test_cli_prints_every_problem_with_its_line(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """The command prints one line per problem, the key's own line for an unknown key."""
        content = manifest("demo") + TIP.format(id="a").replace("title =", "titel =")
        content += TIP.format(id="Bad")
        folder = write_files(tmp_path, {"pack.toml": content})
        code, out, _ = cli(["validate", "--format", "json", str(folder)], capsys)
        found = [(p["line"], p["path"], p["message"]) for p in json.loads(out)]
        assert code == 1
        assert found == [
            (line_of(content, "[[tips]]"), "tips[0].title", "is required but missing"),
            (
                line_of(content, "titel ="),
                "tips[0].titel",
                "unknown key 'titel': did you mean 'title'?",
            ),
            (line_of(content, '"Bad"'), "tips[1].id", found[2][2]),
        ]


class TestFileSizeLimit:
    def test_message_names_file_size_limit_and_remedies(self, tmp_path: Path) -> None:
        """A pack file over the limit: its size, the limit, how to raise it, how to split."""
        folder = write_files(tmp_path, {"pack.toml": simple_pack("demo")})
        size = (folder / "pack.toml").stat().st_size
        [problem] = validate_pack(folder, limits=Limits(max_file_bytes=100))
        assert problem.file == str(folder / "pack.toml")
        assert problem.message == (
            f"pack.toml is {size:,} bytes, over the limit of 100 bytes: split the pack into "
            "several files listed in 'include' in its [pack] table, or raise the limit with "
            "--max-file-bytes on the command line or Limits(max_file_bytes=...) in Python"
        )

    def test_megabytes_are_shown_as_such(self, tmp_path: Path) -> None:
        """A large file's size is given in MB too (a sparse file: nothing is written)."""
        path = tmp_path / "pack.toml"
        with path.open("wb") as handle:
            handle.truncate(7 * 1024 * 1024)
        [problem] = validate_pack(tmp_path, limits=Limits(max_file_bytes=5 * 1024 * 1024))
        assert problem.message.startswith(
            "pack.toml is 7.0 MB (7,340,032 bytes), over the limit of 5.0 MB (5,242,880 bytes)"
        )

    def test_other_files_are_not_told_to_split(self, tmp_path: Path) -> None:
        """An interview file over the limit is not told about include."""
        from interviewprep import StructureError, load_interview

        path = tmp_path / "interview.toml"
        with path.open("wb") as handle:
            handle.truncate(65 * 1024 * 1024)
        with pytest.raises(StructureError) as info:
            load_interview(path)
        [problem] = info.value.problems
        assert problem.message == (
            "interview.toml is 65.0 MB (68,157,440 bytes), over the limit of 64.0 MB "
            "(67,108,864 bytes): raise the limit with Limits(max_file_bytes=...)"
        )

    def test_cli_option_raises_and_lowers_the_limit(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """--max-file-bytes works before or after the command, with K/M/G suffixes."""
        folder = write_files(tmp_path, {"pack.toml": simple_pack("demo")})
        code, out, _ = cli(["validate", str(folder), "--max-file-bytes", "100"], capsys)
        assert code == 1
        assert "over the limit of 100 bytes" in out
        assert cli(["--max-file-bytes", "1M", "validate", str(folder)], capsys)[0] == 0
        code, _, err = cli(["--max-file-bytes", "100", "packs", "--pack-path", str(folder)], capsys)
        assert code == 1
        assert "over the limit of 100 bytes" in err
        code, _, err = cli(["build", str(folder), "--max-file-bytes", "100"], capsys)
        assert code == 1
        assert "over the limit of 100 bytes" in err

    @pytest.mark.parametrize("value", ["0", "-5", "lots", "12X"])
    def test_bad_size_is_a_usage_error(
        self, value: str, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A size that is not a positive number of bytes exits 2."""
        code, _, err = cli(["packs", "--max-file-bytes", value], capsys)
        assert code == 2
        assert "expected a size in bytes" in err


class TestBuildBesideASource:
    def test_refuses_pack_json_beside_pack_toml(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """build never writes pack.json where pack.toml is; nothing is written."""
        folder = write_files(tmp_path, {"pack.toml": simple_pack("demo")})
        code, _, err = cli(["build", str(folder), "-o", str(folder / "pack.json")], capsys)
        assert code == 2
        assert "its folder holds pack.toml" in err
        assert "a folder of its own" in err
        assert not (folder / "pack.json").exists()
        assert load_pack(folder).name == "demo"

    def test_refuses_a_folder_holding_another_pack_toml(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Any folder holding a pack.toml is refused, not only the source's."""
        source = write_files(tmp_path / "src", {"pack.toml": simple_pack("demo")})
        other = write_files(tmp_path / "other", {"pack.toml": simple_pack("other")})
        assert cli(["build", str(source), "-o", str(other / "pack.json")], capsys)[0] == 2

    def test_refuses_to_write_json_as_pack_toml(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """build writes JSON: an output named pack.toml is refused."""
        source = write_files(tmp_path / "src", {"pack.toml": simple_pack("demo")})
        code, _, err = cli(["build", str(source), "-o", str(tmp_path / "pack.toml")], capsys)
        assert code == 2
        assert "name it pack.json" in err

    def test_rebuilds_into_its_own_folder(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A pack.json alone in its folder (an earlier build) is replaced."""
        source = write_files(tmp_path / "src", {"pack.toml": simple_pack("demo")})
        target = tmp_path / "build" / "pack.json"
        target.parent.mkdir()
        target.write_text("{}", encoding="utf-8")
        assert cli(["build", str(source), "-o", str(target)], capsys)[0] == 0
        assert load_pack(target.parent) == load_pack(source)

    def test_loading_both_says_what_to_run(self, tmp_path: Path) -> None:
        """A folder with both files is refused with the command that fixes it."""
        folder = write_files(tmp_path, {"pack.toml": simple_pack("demo"), "pack.json": "{}"})
        [problem] = validate_pack(folder)
        assert "holds both pack.toml and pack.json" in problem.message
        assert f"interviewprep build {folder / 'pack.toml'} -o OTHER/pack.json" in problem.message


BASE = manifest("acme") + TIP.format(id="a-tip") + RUBRIC.format(id="r")
TRANSLATION = (
    manifest("acme-de", requires=("acme>=1.0",), language='"de"')
    + TIP.format(id="a-tip").replace("Tip a-tip", "Tipp").replace("Do the thing", "Tu es")
    + 'replaces = "acme/a-tip"\n'
    + QUESTION.format(id="frage", rubric="acme/r")
)


class TestFoldersAsOneSet:
    @pytest.fixture
    def folders(self, tmp_path: Path) -> tuple[Path, Path]:
        base = write_files(tmp_path / "acme", {"pack.toml": BASE})
        return base, write_files(tmp_path / "acme-de", {"pack.toml": TRANSLATION})

    def test_translation_alone_misses_its_base(self, folders: tuple[Path, Path]) -> None:
        """Without its base pack, a translation is reported as such."""
        [problem] = validate_pack(folders[1])
        assert (problem.path, problem.pack) == ("pack.requires", "acme-de")
        assert "pack 'acme' is not available" in problem.message

    def test_translation_with_its_base_folder(
        self, folders: tuple[Path, Path], pytester: pytest.Pytester
    ) -> None:
        """validate_pack(paths=...) and check_pack(paths=...) check it with its base."""
        base, translation = folders
        assert validate_pack(translation, paths=[base]) == []
        result = plugin(pytester, f"assert check_pack({str(translation)!r}, paths=[{str(base)!r}])")
        result.assert_outcomes(passed=1)

    def test_cli_checks_the_folders_as_one_set(
        self, folders: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Both folders on the command line, in any order, or the base as --pack-path."""
        base, translation = folders
        assert cli(["validate", str(translation), str(base)], capsys)[:2] == (0, "2 packs valid\n")
        assert cli(["validate", str(translation), "--pack-path", str(base)], capsys)[:2] == (
            0,
            "1 pack valid\n",
        )
        assert cli(["--pack-path", str(base), "validate", str(translation)], capsys)[0] == 0
        assert cli(["validate", str(translation)], capsys)[0] == 1

    def test_problems_of_the_base_folder_are_reported(
        self, folders: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A base folder that does not load is reported: it keeps the translation out."""
        base, translation = folders
        broken = BASE.replace('title = "A test pack"', 'title = "A test pack"\nrequires = 5')
        (base / "pack.toml").write_text(broken, encoding="utf-8")
        code, out, _ = cli(["validate", str(translation), "--pack-path", str(base)], capsys)
        assert code == 1
        assert out.splitlines() == [
            f"{translation / 'pack.toml'}:{line_of(TRANSLATION, 'requires')}: pack.requires: "
            "requires 'acme>=1.0', but pack 'acme' is not available",
            f"{base / 'pack.toml'}:{line_of(broken, 'requires')}: pack.requires: expected a "
            "list, got an integer 5",
        ]

    def test_problem_of_a_base_item_is_reported_once(
        self, folders: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A broken item of the base folder is reported; the translation replacing it is not."""
        base, translation = folders
        (base / "pack.toml").write_text(BASE.replace('topic = "research"', ""), encoding="utf-8")
        code, out, _ = cli(["validate", str(translation), "--pack-path", str(base)], capsys)
        assert code == 1
        assert out.splitlines() == [
            f"{base / 'pack.toml'}:{line_of(BASE, '[[tips]]')}: tips[0].topic: is required but "
            "missing"
        ]

    def test_reference_into_a_broken_base_item_is_not_doubled(
        self, folders: tuple[Path, Path]
    ) -> None:
        """The translation's reference to a broken item of its base is not called dangling."""
        base, translation = folders
        broken = BASE.replace('label = "Weak"', "label = 1")
        (base / "pack.toml").write_text(broken, encoding="utf-8")
        problems = validate_pack(translation, paths=[base])
        assert [(Path(p.file or "").parent.name, p.path) for p in problems] == [
            ("acme", "rubrics[0].criteria[0].levels[0].label")
        ]

    def test_a_folder_takes_the_place_of_an_installed_pack(self, tmp_path: Path) -> None:
        """A local folder named like an installed pack (core) is used instead of it."""
        local_core = write_files(
            tmp_path / "core",
            {"pack.toml": manifest("core", version="99.0.0") + RUBRIC.format(id="only-here")},
        )
        user = write_files(
            tmp_path / "user",
            {
                "pack.toml": manifest("user", requires=("core>=99",))
                + QUESTION.format(id="q", rubric="core/only-here")
            },
        )
        assert validate_pack(user, paths=[local_core]) == []
        [problem] = validate_pack(user)
        assert re.search(r"requires .core>=99., but core [\d.]+ is loaded", problem.message)


class TestCheckPackApi:
    def test_installed_pack_by_name(self) -> None:
        """check_installed applies the same checks to an installed pack."""
        from interviewprep._validation import check_installed

        report = check_installed("core")
        assert report.errors == ()
        assert isinstance(report.packs["core"], Pack)

    def test_unknown_installed_pack(self, pytester: pytest.Pytester) -> None:
        """A name nothing provides fails with the reason."""
        result = plugin(pytester, "check_pack('no-such-pack')")
        result.assert_outcomes(failed=1)
        result.stdout.fnmatch_lines(["*pack 'no-such-pack' is not available*"])
