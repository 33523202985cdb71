from __future__ import annotations

import itertools
import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import interviewprep
from interviewprep import Library, load_library
from interviewprep._cli import main
from packtools import TIP, Site, manifest, simple_pack, write_files
from wording import CORE_DE, TODAY, content, english_left, german_plan


class TestMain:
    def test_version(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--version prints the installed version and exits 0."""
        assert main(["--version"]) == 0
        assert capsys.readouterr().out.strip() == f"interviewprep {interviewprep.__version__}"

    def test_no_command_is_a_usage_error(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Without a command, help goes to stderr and the exit code is 2."""
        assert main([]) == 2
        assert "usage: interviewprep" in capsys.readouterr().err

    def test_unknown_option_is_a_usage_error(self, capsys: pytest.CaptureFixture[str]) -> None:
        """An unknown option exits 2 with argparse's message."""
        assert main(["--frobnicate"]) == 2
        assert "unrecognized arguments" in capsys.readouterr().err

    def test_python_dash_m(self) -> None:
        """python -m interviewprep runs the same command."""
        result = subprocess.run(
            [sys.executable, "-m", "interviewprep", "--help"],
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 0
        assert "Exit codes" in result.stdout


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def loads(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    """The keyword arguments of every load_library call the command makes."""
    from interviewprep import _library

    calls: list[dict[str, Any]] = []
    real = _library.load_library

    def recording(**kwargs: Any) -> Library:
        calls.append(kwargs)
        return real(**kwargs)

    monkeypatch.setattr(_library, "load_library", recording)
    return calls


def demo_pack(folder: Path, name: str = "demo") -> str:
    """A valid pack folder named *name*; its path as a string."""
    return str(write_files(folder, {"pack.toml": simple_pack(name)}))


class TestGlobalOptions:
    def test_after_the_command(
        self, loads: list[dict[str, Any]], capsys: pytest.CaptureFixture[str]
    ) -> None:
        """plan x.toml --only core works like --only core plan x.toml."""
        argv = ["plan", str(INTERVIEW), "--today", "2026-11-26"]
        before = run(["--only", "core", *argv], capsys)
        after = run([*argv, "--only", "core"], capsys)
        assert before == after
        assert after[0] == 0
        assert [call["packs"] for call in loads] == [["core"], ["core"]]

    def test_pack_path_after_the_command(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """packs --pack-path DIR loads the pack in DIR."""
        folder = demo_pack(tmp_path)
        argv = ["packs", "--format", "json", "--pack-path", folder, "--only", "demo"]
        code, out, _ = run(argv, capsys)
        assert code == 0
        assert [pack["name"] for pack in json.loads(out)["packs"]] == ["demo"]

    def test_lists_combine(
        self, tmp_path: Path, loads: list[dict[str, Any]], capsys: pytest.CaptureFixture[str]
    ) -> None:
        """--only and --pack-path given before and after the command add up, in order."""
        first, second = demo_pack(tmp_path / "a", "first"), demo_pack(tmp_path / "b", "second")
        argv = ["--pack-path", first, "--only", "core", "packs", "--format", "json"]
        code, out, _ = run(
            [*argv, "--pack-path", second, "--only", "first", "--only", "second"], capsys
        )
        assert code == 0
        assert loads[0]["paths"] == [first, second]
        assert loads[0]["packs"] == ["core", "first", "second"]
        assert {pack["name"] for pack in json.loads(out)["packs"]} == {"core", "first", "second"}

    @pytest.mark.parametrize(
        ("argv", "expected"),
        [
            (["packs"], False),
            (["--data-only", "packs"], True),
            (["packs", "--data-only"], True),
            (["--data-only", "packs", "--data-only"], True),
        ],
    )
    def test_data_only_either_place(
        self,
        argv: list[str],
        expected: bool,
        loads: list[dict[str, Any]],
        capsys: pytest.CaptureFixture[str],
    ) -> None:
        """--data-only is on when given before the command, after it, or both."""
        assert run(["--only", "core", *argv], capsys)[0] == 0
        assert loads[0]["data_only"] is expected

    @pytest.mark.parametrize(
        ("argv", "expected"),
        [
            (["packs"], None),
            (["--language", "en", "packs"], ["en"]),
            (["packs", "--language", "en"], ["en"]),
            (["--language", "de", "packs", "--language", "en"], ["en"]),
            (["packs", "--language", "fr,de"], ["fr", "de"]),
        ],
    )
    def test_later_language_wins(
        self,
        argv: list[str],
        expected: list[str] | None,
        loads: list[dict[str, Any]],
        capsys: pytest.CaptureFixture[str],
    ) -> None:
        """--language after the command overrides one before it."""
        assert run(["--only", "core", *argv], capsys)[0] == 0
        assert loads[0]["language"] == expected

    def test_command_help_lists_them(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A command's --help shows the global options, since they work there too."""
        code, out, _ = run(["plan", "--help"], capsys)
        assert code == 0
        assert "global options (before or after the command)" in out
        assert "--pack-path DIR" in out


class TestCommandSuggestions:
    def test_close_command_is_suggested(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A mistyped command exits 2 with one line naming the closest command."""
        code, out, err = run(["plann", "x.toml"], capsys)
        assert code == 2
        assert out == ""
        assert err == "interviewprep: error: unknown command 'plann' (did you mean 'plan'?)\n"

    def test_after_global_options(self, capsys: pytest.CaptureFixture[str]) -> None:
        """The suggestion works with global options before the command."""
        code, _, err = run(["--only", "core", "shwo", "--kind", "tip"], capsys)
        assert code == 2
        assert "(did you mean 'show'?)" in err

    def test_nothing_close_lists_the_commands(self, capsys: pytest.CaptureFixture[str]) -> None:
        """With no close command, the one line lists them all."""
        code, _, err = run(["frobnicate"], capsys)
        assert code == 2
        [line] = err.splitlines()
        assert line.startswith("interviewprep: error: unknown command 'frobnicate' (commands: ")
        assert "practice" in line

    def test_unknown_option_stays_argparse(self, capsys: pytest.CaptureFixture[str]) -> None:
        """An unknown option after a command keeps argparse's message and exit 2."""
        code, _, err = run(["plan", str(INTERVIEW), "--frobnicate"], capsys)
        assert code == 2
        assert "unrecognized arguments: --frobnicate" in err


class TestPacksCommand:
    def test_lists_core(self, capsys: pytest.CaptureFixture[str]) -> None:
        """packs lists the core pack with its counts and distribution."""
        code, out, _ = run(["--only", "core", "packs"], capsys)
        assert code == 0
        header, row, origin = out.splitlines()[:3]
        assert header.split() == [
            "PACK",
            "VERSION",
            "LANG",
            "LICENCE",
            "TIPS",
            "QUESTIONS",
            "CHECKLISTS",
            "RUBRICS",
            "TRANSL",
        ]
        assert row.split()[:4] == ["core", "1.1.0", "en", "CC-BY-4.0"]
        # In 80 columns the licence leaves no room for FROM: it goes under its row.
        assert origin == "  from interviewprep-kit"

    def test_json(self, capsys: pytest.CaptureFixture[str]) -> None:
        """packs --format json is machine-readable."""
        code, out, _ = run(["--only", "core", "packs", "--format", "json"], capsys)
        data = json.loads(out)
        assert code == 0
        assert data["problems"] == []
        assert data["packs"][0]["name"] == "core"
        assert data["packs"][0]["tips"] >= 40

    def test_problems_exit_1(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """A broken local pack makes packs exit 1 and print the problem to stderr."""
        (tmp_path / "pack.toml").write_text("[pack]\nname = 'x'\n")
        code, _, err = run(["--pack-path", str(tmp_path), "--only", "core", "packs"], capsys)
        assert code == 1
        assert "pack.toml" in err


TITLE_40 = "Enterprise sales, second-round interview"
LONG_DISTRIBUTION = "interviewprep-acme-enterprise-sales-engineering-guidance"


def install_long_pack(site: Site) -> None:
    """Install pack 'acme', titled in 40 characters, from a distribution with a long name."""
    assert len(TITLE_40) == 40
    module = site.unique("acme")
    content = simple_pack("acme").replace('title = "A test pack"', f'title = "{TITLE_40}"')
    files = {f"{module}/__init__.py": "", f"{module}/pack.toml": content}
    site.distribution(LONG_DISTRIBUTION, entry_points={"acme": module}, files=files)


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch) -> Callable[[int], None]:
    """Make standard output a terminal of the given width."""
    import os
    import shutil

    def columns(width: int) -> None:
        monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
        monkeypatch.setattr(shutil, "get_terminal_size", lambda *_: os.terminal_size((width, 24)))

    return columns


class TestPacksTable:
    def test_fits_80_columns(self, site: Site, capsys: pytest.CaptureFixture[str]) -> None:
        """With a long distribution name, FROM moves under its row and every line fits."""
        install_long_pack(site)
        code, out, _ = run(["--only", "core", "--only", "acme", "packs"], capsys)
        lines = out.splitlines()
        assert code == 0
        assert max(map(len, lines)) <= 80
        assert lines[0].split() == [
            "PACK",
            "VERSION",
            "LANG",
            "LICENCE",
            "TIPS",
            "QUESTIONS",
            "CHECKLISTS",
            "RUBRICS",
            "TRANSL",
        ]
        assert lines[1].split()[0] == "acme"
        assert lines[2] == f"  from {LONG_DISTRIBUTION}"
        assert lines[3].split()[0] == "core"
        assert lines[4] == "  from interviewprep-kit"

    def test_narrow_terminal_gets_one_block_per_pack(
        self,
        site: Site,
        terminal: Callable[[int], None],
        capsys: pytest.CaptureFixture[str],
    ) -> None:
        """When even the table without FROM is too wide, each pack is a short block."""
        install_long_pack(site)
        terminal(40)
        code, out, _ = run(["--only", "core", "--only", "acme", "packs"], capsys)
        lines = out.splitlines()
        assert code == 0
        assert all(len(line) <= 40 for line in lines if LONG_DISTRIBUTION not in line)
        assert f"  {LONG_DISTRIBUTION}" in lines  # too long for a line, but never cut
        assert lines[:3] == [
            "acme 1.0.0 (en)",
            "  1 tip, 1 question, 0 checklists,",
            "  1 rubric, 0 translations",
        ]
        assert "  from interviewprep-kit" in lines

    def test_core_alone_keeps_the_from_column(
        self, terminal: Callable[[int], None], capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A table that fits keeps its FROM column, as before."""
        terminal(100)
        code, out, _ = run(["--only", "core", "packs"], capsys)
        assert code == 0
        assert out.splitlines()[0].split()[-1] == "FROM"
        assert max(map(len, out.splitlines())) <= 100


class TestWrapping:
    def test_not_a_terminal_is_80_columns(
        self, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Output that is not a terminal wraps at 80 columns, whatever COLUMNS says."""
        monkeypatch.setenv("COLUMNS", "200")
        code, out, _ = run(["--only", "core", "show", "--kind", "question"], capsys)
        lines = out.splitlines()
        assert code == 0
        assert max(map(len, lines)) == 80

    @pytest.mark.parametrize(("columns", "width"), [(50, 50), (72, 72), (300, 100)])
    def test_terminal_width(
        self,
        columns: int,
        width: int,
        terminal: Callable[[int], None],
        capsys: pytest.CaptureFixture[str],
    ) -> None:
        """On a terminal, lines wrap to its width (at most 100)."""
        terminal(columns)
        argv = ["--only", "core", "plan", str(INTERVIEW), "--today", "2026-11-26"]
        code, out, _ = run(argv, capsys)
        lines = out.splitlines()
        assert code == 0
        assert width - 10 < max(map(len, lines)) <= width

    def test_a_file_is_80_columns(
        self, tmp_path: Path, terminal: Callable[[int], None], capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Text written with -o FILE wraps at 80 columns even from a wide terminal."""
        terminal(120)
        target = tmp_path / "plan.txt"
        argv = ["--only", "core", "plan", str(INTERVIEW), "--today", "2026-11-26"]
        code, out, _ = run([*argv, "-o", str(target)], capsys)
        lines = target.read_text("utf-8").splitlines()
        assert code == 0
        assert out == ""
        assert 70 < max(map(len, lines)) <= 80

    def test_bullets_hang(
        self, terminal: Callable[[int], None], capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A bullet's continuation lines hang under its text, not under the bullet."""
        terminal(40)
        code, out, _ = run(["--only", "core", "show", "core/why-leaving-current-employer"], capsys)
        lines = out.splitlines()
        assert code == 0
        continued = [
            after
            for line, after in itertools.pairwise(lines)
            if line.startswith("  - ") and after.strip() and not after.startswith("  - ")
        ]
        assert continued
        assert all(line.startswith("    ") and line[4] != " " for line in continued)

    def test_new_pack_lines_wrap(
        self, tmp_path: Path, terminal: Callable[[int], None], capsys: pytest.CaptureFixture[str]
    ) -> None:
        """new-pack's lines wrap between words; a path longer than a line stays whole."""
        terminal(30)
        code, out, _ = run(["new-pack", "acme-sales", "--directory", str(tmp_path)], capsys)
        assert code == 0
        assert f"{tmp_path / 'acme-sales'}" in out.splitlines()[1]
        assert all(len(line) <= 30 for line in out.splitlines() if " " in line.strip())


class TestValidateCommand:
    def test_valid_pack(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """A valid pack exits 0."""
        write_files(tmp_path, {"pack.toml": simple_pack("demo")})
        assert run(["validate", str(tmp_path)], capsys) == (0, "1 pack valid\n", "")

    def test_problems_one_per_line(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Problems print as file:line: path: message and exit 1."""
        write_files(tmp_path, {"pack.toml": manifest("demo") + TIP.format(id="Bad")})
        code, out, _ = run(["validate", str(tmp_path)], capsys)
        assert code == 1
        [line] = out.splitlines()
        assert line.startswith(f"{tmp_path / 'pack.toml'}:8: tips[0].id: 'Bad' is not a valid id")

    def test_json_format(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """--format json prints the problems as a list of objects."""
        write_files(tmp_path, {"pack.toml": manifest("demo") + TIP.format(id="Bad")})
        code, out, _ = run(["validate", "--format", "json", str(tmp_path)], capsys)
        [problem] = json.loads(out)
        assert code == 1
        assert problem["path"] == "tips[0].id"
        assert problem["line"] == 8

    def test_dangling_reference_is_found(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """validate resolves references against the installed packs."""
        content = simple_pack("demo", requires=("core",)).replace(
            'rubric = "a-rubric"', 'rubric = "core/nope"'
        )
        write_files(tmp_path, {"pack.toml": content})
        code, out, _ = run(["validate", str(tmp_path)], capsys)
        assert code == 1
        assert "questions[0].rubric: refers to rubric 'core/nope', which does not exist" in out

    def test_no_path_is_usage_error(self, capsys: pytest.CaptureFixture[str]) -> None:
        """validate without a path exits 2."""
        assert run(["validate"], capsys)[0] == 2


class TestShowCommand:
    def test_one_item(self, capsys: pytest.CaptureFixture[str]) -> None:
        """show ID prints the item as text."""
        code, out, _ = run(["--only", "core", "show", "core/why-leaving-current-employer"], capsys)
        assert code == 0
        assert "Pitfalls:" in out

    def test_unknown_item(self, capsys: pytest.CaptureFixture[str]) -> None:
        """An unknown id is a usage error with a hint."""
        code, _, err = run(["--only", "core", "show", "thank-each-interviewer"], capsys)
        assert code == 2
        assert "use a full id such as core/some-id" in err

    def test_filters_json(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Filters select items; --as json prints them as pack-file data."""
        code, out, _ = run(
            ["--only", "core", "show", "--kind", "checklist", "--stage", "after", "--as", "json"],
            capsys,
        )
        data = json.loads(out)
        assert code == 0
        assert data
        assert {c["stage"] for c in data} == {"after"}


class TestShowIds:
    @pytest.mark.parametrize("kind", ["tip", "question", "checklist", "rubric"])
    def test_text_lists_start_each_item_with_its_id(
        self, kind: str, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """In a text list, each item's full id is a line of its own, just before its heading."""
        code, out, _ = run(["--only", "core", "show", "--kind", kind], capsys)
        library = interviewprep.load_library(packs=["core"])
        ids = [item.full_id for item in getattr(library, f"{kind}s")]
        lines = out.splitlines()
        assert code == 0
        assert [line for line in lines if line in ids] == ids
        assert lines[0] == ids[0]
        for full_id in ids[1:]:
            assert lines[lines.index(full_id) - 1] == ""

    @pytest.mark.parametrize("kind", ["tip", "question", "checklist", "rubric"])
    def test_markdown_lists_put_the_id_under_each_heading(
        self, kind: str, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """In a Markdown list, each item's full id is a code span right under its heading."""
        code, out, _ = run(["--only", "core", "show", "--kind", kind, "--format", "md"], capsys)
        library = interviewprep.load_library(packs=["core"])
        ids = [item.full_id for item in getattr(library, f"{kind}s")]
        lines = out.splitlines()
        headings = [
            n for n, line in enumerate(lines) if line.startswith("## ") and "Credits" not in line
        ]
        assert code == 0
        assert [lines[n + 2] for n in headings] == [f"`{full_id}`" for full_id in ids]
        assert all(lines[n + 1] == "" == lines[n + 3] for n in headings)

    def test_one_item_has_no_id_line(self, capsys: pytest.CaptureFixture[str]) -> None:
        """show ID prints the item as before: its id is what was typed."""
        code, out, _ = run(["--only", "core", "show", "core/star-answer"], capsys)
        assert code == 0
        assert "core/star-answer" not in out

    def test_the_library_renders_no_ids(self, library: Library) -> None:
        """render_text and render_markdown are unchanged for library users."""
        from interviewprep import render_markdown, render_text

        tips = list(library.tips)[:2]
        assert tips[0].full_id not in render_text(tips, width=80)
        assert tips[0].full_id not in render_markdown(tips)


class TestSchemaCommand:
    def test_schema_is_committed(self, capsys: pytest.CaptureFixture[str]) -> None:
        """The committed JSON Schema matches the one generated from the model."""
        code, out, _ = run(["schema"], capsys)
        committed = Path(__file__).parent.parent / "docs" / "reference" / "pack-format.schema.json"
        assert code == 0
        assert json.loads(out) == json.loads(committed.read_text("utf-8"))

    def test_core_pack_files_match_the_schema(self) -> None:
        """Every core pack file validates against the schema (an independent check)."""
        import tomllib

        jsonschema = pytest.importorskip("jsonschema")
        from interviewprep._schema import pack_schema

        schema = pack_schema()
        folder = Path(interviewprep.__file__).parent / "_packs" / "core"
        for path in sorted(folder.glob("*.toml")):
            jsonschema.validate(tomllib.loads(path.read_text("utf-8")), schema)

    def test_schema_rejects_unknown_keys(self) -> None:
        """The schema rejects what the loader rejects: an unknown key."""
        jsonschema = pytest.importorskip("jsonschema")
        from interviewprep._schema import pack_schema

        bad = {"tips": [{"id": "a", "title": "t", "body": "b", "topic": "research", "tittle": "x"}]}
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(bad, pack_schema())


INTERVIEW = Path(__file__).parent.parent / "examples" / "interview.toml"


class TestPlanCommand:
    @pytest.mark.parametrize("fmt", ["text", "md", "json", "ics", "html"])
    def test_formats(self, fmt: str, capsys: pytest.CaptureFixture[str]) -> None:
        """plan prints the plan in each format."""
        code, out, _ = run(
            ["--only", "core", "plan", str(INTERVIEW), "--today", "2026-11-26", "--format", fmt],
            capsys,
        )
        assert code == 0
        assert {
            "text": "PREP PLAN",
            "md": "# Prep plan",
            "json": '"tasks"',
            "ics": "BEGIN:VCALENDAR",
            "html": "<!DOCTYPE html>",
        }[fmt] in out

    def test_opt_in(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--opt-in takes the opt-in tags only, and names them when given another."""
        argv = ["--only", "core", "plan", str(INTERVIEW), "--today", "2026-11-26"]
        assert run([*argv, "--opt-in", "brainteaser", "--format", "json"], capsys)[0] == 0
        code, _, err = run([*argv, "--opt-in", "riddles"], capsys)
        assert code == 2
        assert "brainteaser" in err

    def test_output_file(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """-o writes the plan to a file."""
        target = tmp_path / "plan.ics"
        code, out, _ = run(
            ["--only", "core", "plan", str(INTERVIEW), "--format", "ics", "-o", str(target)], capsys
        )
        assert code == 0
        assert out == ""
        assert target.read_bytes().startswith(b"BEGIN:VCALENDAR\r\n")

    def test_bad_interview_file(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """A broken interview file exits 1 naming file, line and field."""
        bad = tmp_path / "interview.toml"
        bad.write_text('company = "A"\nrole = "B"\nwhen = 2026-12-03T10:00:00\nformat = "zoom"\n')
        code, _, err = run(["plan", str(bad)], capsys)
        assert code == 1
        assert f"{bad}:4: format: " in err

    def test_bad_date(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A malformed --today is a usage error."""
        assert run(["plan", str(INTERVIEW), "--today", "tomorrow"], capsys)[0] == 2


class TestAssessCommand:
    def test_from_stdin(
        self, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """assess reads the answer from standard input."""
        import io

        import answers

        monkeypatch.setattr(sys, "stdin", io.StringIO(answers.WE_ONLY))
        code, out, _ = run(
            ["--only", "core", "assess", "--rubric", "core/star-answer", "-"], capsys
        )
        assert code == 0
        assert out.startswith("ASSESSMENT: ")
        assert "to improve: Say which steps were yours" in out

    def test_json(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """assess --format json prints the assessment as data."""
        import answers

        answer = tmp_path / "answer.txt"
        answer.write_text(answers.STRONG, encoding="utf-8")
        argv = [
            "--only",
            "core",
            "assess",
            "--rubric",
            "core/star-answer",
            "--question",
            "core/achievement-in-current-role",
            "--interview",
            str(INTERVIEW),
            "--format",
            "json",
            str(answer),
        ]
        code, out, _ = run(argv, capsys)
        data = json.loads(out)
        assert code == 0
        assert data["total"] >= 3
        star = load_library(packs=["core"]).rubrics["core/star-answer"]
        assert len(data["criteria"]) == len(star.criteria)

    def test_unknown_rubric(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """An unknown rubric is a usage error listing the known ones."""
        answer = tmp_path / "a.txt"
        answer.write_text("hello")
        code, _, err = run(["--only", "core", "assess", "--rubric", "nope", str(answer)], capsys)
        assert code == 2
        assert "core/star-answer" in err


class TestPracticeCommand:
    def test_with_answers_file(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """practice --answers runs a whole session without a terminal."""
        import answers

        given = tmp_path / "answers.txt"
        given.write_text(f"{answers.STRONG}\n---\n{answers.VAGUE}\n---\n", encoding="utf-8")
        code, out, _ = run(
            [
                "--only",
                "core",
                "practice",
                str(INTERVIEW),
                "--questions",
                "3",
                "--answers",
                str(given),
            ],
            capsys,
        )
        assert code == 0
        assert out.count("ASSESSMENT:") == 2
        assert "(skipped)" in out
        assert "answered 2 of 3" in out

    def test_interactive(
        self, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Interactively, each answer is read until an empty line."""
        import io

        monkeypatch.setattr(
            sys, "stdin", io.StringIO("I led the project.\nIt saved 20 hours.\n\n\n")
        )
        code, out, _ = run(
            ["--only", "core", "practice", str(INTERVIEW), "--questions", "2"], capsys
        )
        assert code == 0
        assert "[1/2]" in out
        assert "answered 1 of 2" in out


def replies(monkeypatch: pytest.MonkeyPatch, *script: str | type[BaseException]) -> list[str]:
    """
    Make input() return the lines of *script* in turn, raising any exception in it.

    Returns the prompts input() was called with. After the script, input() meets
    the end of input (EOFError), as a closed standard input would.
    """
    import builtins

    prompts: list[str] = []
    remaining = list(script)

    def scripted(prompt: str = "") -> str:
        prompts.append(prompt)
        if not remaining:
            raise EOFError
        reply = remaining.pop(0)
        if isinstance(reply, str):
            return reply
        raise reply

    monkeypatch.setattr(builtins, "input", scripted)
    return prompts


PRACTICE = ["--only", "core", "practice", str(INTERVIEW), "--seed", "7", "--questions", "3"]


class TestPracticeSession:
    def test_ctrl_d_on_an_empty_prompt_ends_with_the_summary(
        self, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Ctrl-D at a question's first prompt ends the session with a summary of the answers."""
        import answers

        replies(monkeypatch, answers.STRONG, "", EOFError)
        code, out, err = run(PRACTICE, capsys)
        assert code == 0
        assert err == ""
        assert out.count("ASSESSMENT:") == 1
        assert "[2/3]" in out
        assert "[3/3]" not in out
        assert "(skipped)" not in out
        assert "(session ended after question 2 of 3)" in out
        assert "answered 1 of 3" in out.split("SUMMARY")[1]

    def test_ctrl_d_after_some_lines_keeps_them_as_the_answer(
        self, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Ctrl-D after typing part of an answer assesses what was typed, then ends."""
        import answers

        replies(monkeypatch, answers.STRONG, EOFError)
        code, out, _ = run(PRACTICE, capsys)
        assert code == 0
        assert out.count("ASSESSMENT:") == 1
        assert "[2/3]" not in out
        assert "answered 1 of 3" in out

    def test_ctrl_c_prints_the_summary_and_exits_130(
        self, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Ctrl-C prints the summary of the answers so far and exits 130."""
        import answers

        replies(monkeypatch, answers.STRONG, "", "I started to say", KeyboardInterrupt)
        code, out, err = run(PRACTICE, capsys)
        assert code == 130
        assert out.count("ASSESSMENT:") == 1
        assert "answered 1 of 3" in out.split("SUMMARY")[1]
        assert err == "interrupted\n"

    def test_empty_first_line_skips_the_question(
        self, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """An empty first line skips a question and the session goes on."""
        import answers

        replies(monkeypatch, "", answers.STRONG, "", "")
        code, out, _ = run(PRACTICE, capsys)
        assert code == 0
        assert out.count("(skipped)") == 2
        assert out.count("ASSESSMENT:") == 1
        assert "answered 1 of 3" in out

    def test_each_answer_reads_until_an_empty_line(
        self, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """An answer's lines are read until an empty one, with a continuation prompt."""
        prompts = replies(monkeypatch, "I led the project.", "It saved 20 hours.", "", "", "")
        code, _, _ = run(PRACTICE, capsys)
        assert code == 0
        assert prompts == ["> ", "  ", "  ", "> ", "> "]

    def test_the_prompt_explains_the_keys(
        self, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Before the first question, the session says how to finish, skip and stop."""
        replies(monkeypatch, EOFError)
        code, out, _ = run(PRACTICE, capsys)
        intro = " ".join(out.split("[1/3]")[0].split())
        assert code == 0
        assert "an empty line finishes it" in intro
        assert "empty first line to skip a question" in intro
        assert "Ctrl-D ends the session" in intro
        assert "Ctrl-C stops it" in intro

    def test_answers_file_needs_no_keys(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """With --answers, nothing is typed, so the keys are not explained."""
        given = tmp_path / "answers.txt"
        given.write_text("I led it.\n", encoding="utf-8")
        code, out, _ = run([*PRACTICE, "--answers", str(given)], capsys)
        assert code == 0
        assert "Ctrl-D" not in out


class TestPracticeSeed:
    def test_default_seed_is_random_and_printed_first(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Without --seed, a random seed below a million is drawn and printed as the first line."""
        import secrets

        drawn: list[int] = []

        def randbelow(limit: int) -> int:
            drawn.append(limit)
            return 123456

        monkeypatch.setattr(secrets, "randbelow", randbelow)
        given = tmp_path / "answers.txt"
        given.write_text("I led it.\n", encoding="utf-8")
        argv = ["--only", "core", "practice", str(INTERVIEW), "--answers", str(given)]
        code, out, _ = run(argv, capsys)
        assert code == 0
        assert drawn == [10**6]
        assert out.splitlines()[0] == "seed 123456 (repeat with --seed 123456)"
        assert run([*argv, "--seed", "123456"], capsys)[1] == out

    def test_seed_repeats_a_session_exactly(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """--seed N gives the same questions and output every time, and says so first."""
        import answers

        given = tmp_path / "answers.txt"
        given.write_text(f"{answers.STRONG}\n---\n{answers.VAGUE}\n", encoding="utf-8")
        argv = ["--only", "core", "practice", str(INTERVIEW), "--answers", str(given)]
        first = run([*argv, "--seed", "42"], capsys)
        assert first == run([*argv, "--seed", "42"], capsys)
        assert first[1].splitlines()[0] == "seed 42 (repeat with --seed 42)"
        assert run([*argv, "--seed", "43"], capsys)[1] != first[1]


class TestPracticeWrapping:
    @pytest.mark.parametrize("width", [40, 80])
    def test_every_line_fits(
        self,
        width: int,
        tmp_path: Path,
        terminal: Callable[[int], None],
        capsys: pytest.CaptureFixture[str],
    ) -> None:
        """The intro, questions, assessments, follow-ups and summary all wrap to the width."""
        import answers

        terminal(width)
        given = tmp_path / "answers.txt"
        given.write_text(f"{answers.STRONG}\n---\n{answers.VAGUE}\n", encoding="utf-8")
        argv = [
            "--only",
            "core",
            "practice",
            str(INTERVIEW),
            "--seed",
            "3",
            "--answers",
            str(given),
        ]
        code, out, _ = run([*argv, "--questions", "3"], capsys)
        lines = out.splitlines()
        assert code == 0
        assert "Likely follow-ups:" in lines
        assert "SUMMARY" in lines
        assert all(len(line) <= width for line in lines)
        assert max(map(len, lines)) > width - 10

    def test_question_continues_under_its_text(
        self, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A long question's next lines hang under its text, after the [n/N] number."""
        replies(monkeypatch, EOFError)
        code, out, _ = run([*PRACTICE[:-2], "--questions", "1"], capsys)
        lines = out.splitlines()
        first = next(n for n, line in enumerate(lines) if line.startswith("[1/1] "))
        assert code == 0
        assert lines[first + 1].startswith(" " * 6)
        assert lines[first + 1][6] != " "


class TestExportCommand:
    @pytest.mark.parametrize("fmt", ["md", "json", "html"])
    def test_export(self, fmt: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """export writes the chosen packs in each format."""
        target = tmp_path / f"core.{fmt}"
        code, _, _ = run(
            ["--only", "core", "export", "--packs", "core", "--format", fmt, "-o", str(target)],
            capsys,
        )
        text = target.read_text("utf-8")
        assert code == 0
        assert "Second-interview essentials" in text

    def test_unknown_pack(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """Exporting a pack that is not loaded is a usage error."""
        code, _, err = run(
            ["export", "--packs", "nope", "--format", "md", "-o", str(tmp_path / "x")], capsys
        )
        assert code == 2
        assert "not loaded: nope" in err


class TestNewPackCommand:
    def test_scaffold_says_what_to_do_next(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """new-pack creates the distribution and says to replace its TODO texts first."""
        code, out, _ = run(["new-pack", "acme-sales", "--directory", str(tmp_path)], capsys)
        folder = tmp_path / "acme-sales"
        pack = folder / "src" / "interviewprep_acme_sales"
        assert code == 0
        text = " ".join(out.split())  # long paths wrap
        assert text.startswith(f"Created {folder}")
        assert f"replace each text starting with TODO in {pack / 'pack.toml'}" in text
        assert f"'interviewprep validate {pack}' lists them" in text
        assert (folder / "pyproject.toml").read_text().count(
            'acme-sales = "interviewprep_acme_sales"'
        ) == 1
        assert (folder / "tests" / "test_pack.py").exists()
        # The pack fails validate and its own test until the TODOs are replaced: see
        # test_validation.TestScaffold.

    def test_bad_name(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """A bad pack name is a usage error."""
        assert run(["new-pack", "Bad_Name", "--directory", str(tmp_path)], capsys)[0] == 2

    def test_existing_folder(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """An existing folder is never overwritten."""
        (tmp_path / "demo").mkdir()
        code, _, err = run(["new-pack", "demo", "--directory", str(tmp_path)], capsys)
        assert code == 2
        assert "already exists" in err


class TestLanguage:
    def test_language_keeps_matching_packs_and_requirements(self, tmp_path: Path) -> None:
        """--language shows items of packs in that language, and English where it has none."""
        from interviewprep import load_library

        folder = write_files(
            tmp_path,
            {
                "pack.toml": simple_pack("xx-fr", requires=("core",)).replace(
                    'title = "A test pack"', 'title = "A"\nlanguage = "fr"'
                )
            },
        )
        library = load_library(paths=[folder], language="fr")
        assert [p.name for p in library.packs] == ["core", "xx-fr"]
        assert {item.pack for item in library.tips} == {"core", "xx-fr"}
        english = load_library(paths=[folder], language="en")
        assert "xx-fr" not in {item.pack for item in english.tips}
        assert "xx-fr" not in {item.pack for item in load_library(paths=[folder]).tips}


class TestBuildCommand:
    def test_compiles_to_one_json(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """build writes a pack with its included files as one pack.json that loads the same."""
        from interviewprep import load_pack

        source = write_files(
            tmp_path / "src",
            {
                "pack.toml": manifest("demo", include='["more.toml"]') + TIP.format(id="a"),
                "more.toml": TIP.format(id="b"),
            },
        )
        target = tmp_path / "out" / "pack.json"
        target.parent.mkdir()
        code, _, err = run(["build", str(source), "-o", str(target)], capsys)
        assert code == 0
        assert "demo 1.0.0: 2 items written" in err
        assert load_pack(target.parent) == load_pack(source)

    def test_broken_pack(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """build refuses a broken pack with its problems, exit 1."""
        write_files(tmp_path, {"pack.toml": manifest("demo") + TIP.format(id="Bad")})
        code, _, err = run(["build", str(tmp_path)], capsys)
        assert code == 1
        assert "tips[0].id" in err


HOSTILE_TIP = """
[[tips]]
id = "hostile"
title = "Clear \\u001b[2J screen"
body = "Bell \\u0007, OSC 52 \\u001b]52;c;ZXZpbA==\\u0007, bidi \\u202e reversed, C:\\\\temp"
topic = "research"
"""


class TestShowEveryKindAndFormat:
    @pytest.mark.parametrize("kind", ["tip", "question", "checklist", "rubric"])
    @pytest.mark.parametrize("fmt", ["text", "md", "json", "html"])
    def test_every_kind_in_every_format(
        self, kind: str, fmt: str, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """show --kind K --format F lists every item of that kind (the remote checklist too)."""
        code, out, err = run(["--only", "core", "show", "--kind", kind, "--format", fmt], capsys)
        assert code == 0, err
        library = interviewprep.load_library(packs=["core"])
        items = list(getattr(library, f"{kind}s"))
        assert items
        if fmt == "json":
            assert [item["id"] for item in json.loads(out)] == [item.id for item in items]
        if kind == "checklist" and fmt != "json":
            assert "video or phone interview" in out.lower()

    @pytest.mark.parametrize("option", ["--format", "--as", "--output-format"])
    def test_old_names_of_the_format_option(
        self, option: str, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """--as and --output-format still work as aliases of --format."""
        code, out, _ = run(["--only", "core", "show", "--tag", "salary", option, "json"], capsys)
        assert code == 0
        assert json.loads(out)

    def test_interview_format_filter(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--interview-format filters checklists by format without touching the output format."""
        code, out, _ = run(
            ["--only", "core", "show", "--kind", "checklist", "--interview-format", "video"],
            capsys,
        )
        assert code == 0
        assert "(nothing matches)" not in out

    @pytest.mark.parametrize("fmt", ["text", "md", "json", "html"])
    def test_stdout_is_safe_for_a_terminal(
        self, fmt: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """No escape sequence, bell or bidi control reaches standard output, in any format."""
        folder = write_files(tmp_path / "p", {"pack.toml": manifest("hostile") + HOSTILE_TIP})
        code, out, _ = run(
            ["--pack-path", str(folder), "show", "hostile/hostile", "--format", fmt], capsys
        )
        assert code == 0
        assert not any(ch in out for ch in "\x1b\x07\u202e")
        assert "C:\\" in out or "C:\\\\" in out
        if fmt == "json":
            assert json.loads(out)[0]["body"].startswith("Bell \x07")


class TestOutputFiles:
    def test_never_overwrites_the_interview(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """plan iv.toml -o iv.toml is refused and the interview stays as it was."""
        interview = tmp_path / "iv.toml"
        interview.write_bytes(INTERVIEW.read_bytes())
        code, _, err = run(["plan", str(interview), "-o", str(interview)], capsys)
        assert code == 2
        assert "refusing to write" in err
        assert interview.read_bytes() == INTERVIEW.read_bytes()

    def test_failed_export_leaves_the_old_file(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """An export that fails half-way leaves the existing file untouched, never 0 bytes."""
        from interviewprep import _cli

        target = tmp_path / "existing.html"
        target.write_text("old", encoding="utf-8")

        def boom(obj: object) -> str:
            raise KeyboardInterrupt

        monkeypatch.setitem(_cli.FORMATS, "html", boom)
        code, _, _ = run(
            ["--only", "core", "export", "--format", "html", "-o", str(target)], capsys
        )
        assert code == 130
        assert target.read_text("utf-8") == "old"
        assert [p.name for p in tmp_path.iterdir()] == ["existing.html"]


def reading(command: str, path: str, tmp_path: Path) -> list[str]:
    """The arguments that make *command* read *path* as one of its files."""
    answer = tmp_path / "answer.txt"
    answer.write_text("I led it.", encoding="utf-8")
    rubric = ["--rubric", "core/star-answer"]
    return {
        "plan": ["plan", path],
        "practice": ["practice", path],
        "practice --answers": ["practice", str(INTERVIEW), "--answers", path],
        "assess": ["assess", path, *rubric],
        "assess --interview": ["assess", str(answer), *rubric, "--interview", path],
        "build": ["build", path],
        "--pack-path": ["packs", "--pack-path", path],
    }[command]


READERS = [
    "plan",
    "practice",
    "practice --answers",
    "assess",
    "assess --interview",
    "build",
    "--pack-path",
]


class TestUnreadableFiles:
    @pytest.mark.parametrize("command", READERS)
    def test_missing_file_is_one_line_exit_2(
        self, command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A file that does not exist exits 2 with one line naming it, whatever reads it."""
        missing = str(tmp_path / "missing.toml")
        code, _, err = run(["--only", "core", *reading(command, missing, tmp_path)], capsys)
        assert code == 2
        assert err == f"interviewprep: error: cannot read {missing}: it does not exist\n"

    @pytest.mark.parametrize("command", READERS)
    def test_unreadable_file_is_one_line_exit_2(
        self,
        command: str,
        tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str],
    ) -> None:
        """A file without read permission exits 2 with one line saying so."""
        import os

        locked = tmp_path / "locked.toml"
        locked.write_bytes(INTERVIEW.read_bytes())
        locked.chmod(0)
        if os.access(locked, os.R_OK):  # root reads anything: deny it as the kernel would
            real = os.access
            monkeypatch.setattr(
                os, "access", lambda path, mode: path != str(locked) and real(path, mode)
            )
        code, _, err = run(["--only", "core", *reading(command, str(locked), tmp_path)], capsys)
        assert code == 2
        assert err == f"interviewprep: error: cannot read {locked}: permission denied\n"

    @pytest.mark.skipif(not hasattr(__import__("os"), "mkfifo"), reason="no named pipes")
    def test_pipe_is_refused(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """A named pipe given as the interview is refused at once, never waited on."""
        import os

        pipe = tmp_path / "pipe.toml"
        os.mkfifo(pipe)
        code, _, err = run(["plan", str(pipe)], capsys)
        assert code == 2
        assert err == f"interviewprep: error: cannot read {pipe}: it is not a regular file\n"

    def test_folder_given_as_a_file(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A folder where a file is expected exits 2 saying it is a folder."""
        code, _, err = run(["plan", str(tmp_path)], capsys)
        assert code == 2
        assert err == f"interviewprep: error: cannot read {tmp_path}: it is a folder\n"

    def test_validate_reports_a_missing_pack_as_a_problem(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """validate checks what it is given: a missing pack is a content problem, exit 1."""
        missing = tmp_path / "missing"
        code, out, _ = run(["validate", str(missing)], capsys)
        assert code == 1
        assert out.startswith(f"{missing}: no pack at {missing}")


class TestMisuse:
    @pytest.mark.parametrize(
        "argv",
        [
            ["plan", "/nonexistent/interview.toml"],
            ["assess", "/nonexistent/answer.txt", "--rubric", "core/star-answer"],
            ["practice", "/nonexistent/interview.toml"],
            ["practice", str(INTERVIEW), "--questions", "-3"],
            ["practice", str(INTERVIEW), "--questions", "many"],
        ],
    )
    def test_one_clear_line_and_exit_2(
        self, argv: list[str], capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Usage mistakes end with one line on stderr and exit code 2, never a traceback."""
        code, _, err = run(["--only", "core", *argv], capsys)
        assert code == 2
        assert "Traceback" not in err
        last = err.strip().splitlines()[-1]
        assert last.startswith("interviewprep")
        assert ": error: " in last

    def test_new_pack_directory_is_a_file(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """new-pack --directory naming a file is a usage error."""
        afile = tmp_path / "afile"
        afile.write_text("x")
        code, _, err = run(["new-pack", "demo", "--directory", str(afile)], capsys)
        assert code == 2
        assert "is a file" in err

    @pytest.mark.parametrize(
        ("name", "content"),
        [
            ("deep.json", "[" * 100_000 + "]" * 100_000),
            (
                "far.toml",
                'company = "A"\nrole = "B"\nwhen = 9999-12-31T10:00:00\nformat = "video"\n',
            ),
            (
                "early.toml",
                'company = "A"\nrole = "B"\nwhen = 0001-01-01T10:00:00\nformat = "video"\n',
            ),
            ("latin1.toml", b'company = "\xe9"\n'),
        ],
    )
    def test_bad_interview_files_are_content_problems(
        self, name: str, content: str | bytes, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Deep, out-of-range or undecodable interview files exit 1 with a located problem."""
        path = write_files(tmp_path, {name: content}) / name
        code, _, err = run(["--only", "core", "plan", str(path)], capsys)
        assert code == 1
        assert "Traceback" not in err
        assert str(path) in err

    def test_invalid_utf8_answer(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """An answer file that is not UTF-8 is a content problem naming the file."""
        answer = tmp_path / "answer.txt"
        answer.write_bytes(b"I \xff led it")
        code, _, err = run(
            ["--only", "core", "assess", str(answer), "--rubric", "core/star-answer"], capsys
        )
        assert code == 1
        assert f"{answer}:1: not valid UTF-8" in err

    def test_interrupt_code_is_documented(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--help names every exit code, 130 for an interruption included."""
        assert main(["--help"]) == 0
        out = capsys.readouterr().out
        assert "130" in out


GERMAN = ["--language", "de", "--pack-path", str(CORE_DE)]


class TestGermanWords:
    """--language de prints the command's own words in German too."""

    @pytest.mark.parametrize("fmt", ["text", "md", "html"])
    def test_plan(self, fmt: str, capsys: pytest.CaptureFixture[str]) -> None:
        """plan --language de: no English word of the library in text, Markdown or HTML."""
        argv = ["plan", str(INTERVIEW), "--today", TODAY, "--format", fmt, *GERMAN]
        code, out, err = run(argv, capsys)
        assert (code, err) == (0, "")
        assert english_left(out, fmt, content(german_plan())) == []
        assert "Do., 3. Dez. 2026, 10:00" in out
        assert "Videogespräch" in out

    def test_plan_in_english_is_english(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Without --language de the same plan's words are English (the check has teeth)."""
        argv = ["--pack-path", str(CORE_DE), "plan", str(INTERVIEW), "--today", TODAY]
        code, out, _ = run(argv, capsys)
        assert code == 0
        assert "Prep plan" in english_left(out, "text", content(german_plan()))

    def test_ics(self, capsys: pytest.CaptureFixture[str]) -> None:
        argv = ["plan", str(INTERVIEW), "--today", TODAY, "--format", "ics", *GERMAN]
        code, out, _ = run(argv, capsys)
        assert code == 0
        assert "SUMMARY:Zweites Vorstellungsgespräch" in out.replace("\r\n ", "")

    def test_packs(self, capsys: pytest.CaptureFixture[str]) -> None:
        """The packs table's headings come from the catalogue."""
        code, out, _ = run(["packs", *GERMAN], capsys)
        assert code == 0
        assert out.split()[:5] == ["PAKET", "VERSION", "SPRACHE", "LIZENZ", "TIPPS"]
        assert "core-de" in out

    def test_packs_blocks(
        self, terminal: Callable[[int], None], capsys: pytest.CaptureFixture[str]
    ) -> None:
        """In a narrow terminal each pack is a block, its counts in German."""
        terminal(30)
        code, out, _ = run(["packs", *GERMAN], capsys)
        assert code == 0
        tips = len(load_library(packs=["core"]).tips)
        assert f"{tips} Tipps" in " ".join(out.split())
        assert "tips" not in out

    def test_no_packs(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A German reader is told in German that nothing loaded; the problem stays as it is."""
        code, out, err = run(["--only", "no-such-pack", "--language", "de", "packs"], capsys)
        assert code == 1
        assert "(keine Pakete geladen)" in out
        assert "1 Problem:" in err

    def test_show_nothing(self, capsys: pytest.CaptureFixture[str]) -> None:
        code, out, _ = run(["show", "--tag", "no-such-tag", *GERMAN], capsys)
        assert code == 0
        assert out == "(keine Treffer)\n"

    def test_show_labels(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Vocabulary values shown by show are labels in the reader's language."""
        code, out, _ = run(["show", "--kind", "tip", "--topic", "salary", *GERMAN], capsys)
        assert code == 0
        assert "Thema: Gehalt" in out
        assert "topic:" not in out

    def test_validate(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        folder = demo_pack(tmp_path)
        assert run(["validate", folder, "--language", "de"], capsys) == (
            0,
            "1 Paket gültig\n",
            "",
        )

    def test_practice(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """A mock interview in German: seed, introduction, skipped answers and summary."""
        import answers

        given = tmp_path / "answers.txt"
        given.write_text(f"{answers.STRONG}\n---\n\n---\n", encoding="utf-8")
        argv = ["practice", str(INTERVIEW), "--seed", "7", "--questions", "2"]
        code, out, _ = run([*argv, "--answers", str(given), *GERMAN], capsys)
        assert code == 0
        assert out.startswith("Startwert 7 (wiederholen mit --seed 7)\n")
        assert "Probeinterview für Senior data analyst bei Northwind Traders: 2 Fragen." in out
        assert "EINSCHÄTZUNG:" in out
        assert "(übersprungen)" in out
        assert "ZUSAMMENFASSUNG" in out
        assert "1 von 2 beantwortet" in out
        assert "seed 7 (repeat" not in out
        for english in ("Mock interview", "(skipped)", "SUMMARY", "answered", "average"):
            assert english not in out

    def test_new_pack(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        code, out, _ = run(
            ["new-pack", "acme-de", "--directory", str(tmp_path), "--language", "de"], capsys
        )
        assert code == 0
        assert "angelegt" in out
        assert "Als Nächstes:" in " ".join(out.split())

    def test_bad_language_is_a_usage_error(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A --language that is not a language tag is a usage error, in one line."""
        code, out, err = run(["--language", "not a tag", "packs"], capsys)
        assert code == 2
        assert out == ""
        assert err.startswith("interviewprep: error: --language: ")
        assert len(err.splitlines()) == 1

    def test_one_run_does_not_change_the_next(self, capsys: pytest.CaptureFixture[str]) -> None:
        """The catalogue belongs to one run: the next run without --language is English."""
        assert run(["show", "--tag", "no-such-tag", *GERMAN], capsys)[1] == "(keine Treffer)\n"
        assert run(["show", "--tag", "no-such-tag"], capsys)[1] == "(nothing matches)\n"

    def test_one_place_makes_the_catalogue(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """_catalogue_for is where the CLI's catalogue is made (and will merge pack phrases)."""
        from interviewprep import _cli, catalogue

        made: list[object] = []

        def recording(args: Any, library: Any) -> Any:
            made.append(library)
            return catalogue("de", extra=[("de", {"cli.nothing": "(gar nichts)"})])

        monkeypatch.setattr(_cli, "_catalogue_for", recording)
        assert main(["show", "--tag", "no-such-tag"]) == 0
        assert made[0] is None  # before loading
        assert isinstance(made[-1], Library)  # after loading


PROVENANCE_PACK = """
[pack]
name = "acme"
version = "1.0"
title = "Acme handbook"
format = 2
license = "CC-BY-SA-4.0"
authors = ["Jane Doe"]
attribution = "Based on the handbook by Jane Doe"
source = { url = "https://example.org/handbook", revision = "2024-05" }
sections = [{ id = "first", title = "First things", order = 1 }]

[[tips]]
id = "plain"
title = "A plain tip"
body = "Body."
topic = "research"

[[tips]]
id = "star"
title = "A featured tip"
body = "Body."
topic = "research"
section = "first"
featured = true
license = "CC0-1.0"
"""


class TestProvenanceInTheCommands:
    @pytest.fixture
    def acme(self, tmp_path: Path) -> str:
        folder = tmp_path / "acme"
        folder.mkdir()
        (folder / "pack.toml").write_text(PROVENANCE_PACK, "utf-8")
        return str(folder)

    def test_packs_verbose_names_source_and_attribution(
        self, acme: str, capsys: pytest.CaptureFixture[str]
    ) -> None:
        code, out, _ = run(["--pack-path", acme, "--only", "acme", "packs", "-v"], capsys)
        assert code == 0
        assert "CC-BY-SA-4.0" in out
        assert "source: https://example.org/handbook (revision 2024-05)" in out
        assert "attribution: Based on the handbook by Jane Doe" in out
        code, out, _ = run(["--pack-path", acme, "--only", "acme", "packs"], capsys)
        assert "CC-BY-SA-4.0" in out
        assert "attribution" not in out

    def test_packs_json_has_provenance(self, acme: str, capsys: pytest.CaptureFixture[str]) -> None:
        argv = ["--pack-path", acme, "--only", "acme", "packs", "--format", "json"]
        code, out, _ = run(argv, capsys)
        assert code == 0
        row = json.loads(out)["packs"][0]
        assert row["license"] == "CC-BY-SA-4.0"
        assert row["content_source"] == {
            "url": "https://example.org/handbook",
            "revision": "2024-05",
        }
        assert row["attribution"] == "Based on the handbook by Jane Doe"

    def test_show_credits_once_and_puts_sections_first(
        self, acme: str, capsys: pytest.CaptureFixture[str]
    ) -> None:
        code, out, _ = run(
            ["--pack-path", acme, "--only", "acme", "show", "--format", "md"], capsys
        )
        assert code == 0
        assert out.index("A featured tip") < out.index("A plain tip")
        assert out.count("## Credits") == 1
        assert "Licence: CC0-1.0" in out  # the featured tip's own licence, under it
        assert "★ featured" in out

    def test_show_featured(self, acme: str, capsys: pytest.CaptureFixture[str]) -> None:
        argv = ["--pack-path", acme, "--only", "acme", "show", "--featured", "--format", "json"]
        code, out, _ = run(argv, capsys)
        assert code == 0
        assert [item["id"] for item in json.loads(out)] == ["star"]

    def test_show_one_item_is_credited(self, acme: str, capsys: pytest.CaptureFixture[str]) -> None:
        argv = ["--pack-path", acme, "--only", "acme", "show", "acme/plain", "--format", "text"]
        code, out, _ = run(argv, capsys)
        assert code == 0
        assert "CREDITS" in out
        assert "Based on the handbook by Jane Doe" in out

    @pytest.mark.parametrize("fmt", ["md", "html", "text"])
    def test_export_ends_with_credits(
        self, acme: str, fmt: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        target = tmp_path / f"out.{fmt}"
        argv = ["--pack-path", acme, "--only", "acme", "export", "--format", fmt, "-o", str(target)]
        code, _, _ = run(argv, capsys)
        assert code == 0
        text = target.read_text("utf-8")
        assert "https://example.org/handbook" in text
        assert "Based on the handbook by Jane Doe" in text
        assert "first things" in text.lower()
