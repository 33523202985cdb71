from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import interviewprep
from interviewprep._cli import main
from packtools import TIP, manifest, simple_pack, write_files


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


class TestPacksCommand:
    def test_lists_core(self, capsys: pytest.CaptureFixture[str]) -> None:
        """packs lists the core pack with its counts and distribution."""
        code, out, _ = run(["--only", "core", "packs"], capsys)
        assert code == 0
        header, row = out.splitlines()[:2]
        assert header.split() == [
            "PACK",
            "VERSION",
            "LANG",
            "TIPS",
            "QUESTIONS",
            "CHECKLISTS",
            "RUBRICS",
            "FROM",
        ]
        assert row.split()[0] == "core"
        assert row.split()[-1] == "interviewprep"

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


class TestSchemaCommand:
    def test_schema_is_committed(self, capsys: pytest.CaptureFixture[str]) -> None:
        """The committed JSON Schema matches the one generated from the model."""
        code, out, _ = run(["schema"], capsys)
        committed = (
            Path(__file__).parent.parent / "docs" / "reference" / "pack-format-1.schema.json"
        )
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
