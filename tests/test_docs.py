"""
Every Python code block in the README and the docs runs, and prints what the docs say.

Blocks of one file share a namespace and run in order, in a fresh working directory. A
``text`` block right after a ``python`` block is the expected output of that block.

A file the reader is told to save is a ``code-block`` directive whose caption is the
file's relative path (``{code-block} toml`` with ``:caption: interview.toml``): it is
written where it appears, so the blocks after it find it. In a tutorial, the
``$ interviewprep ...`` lines of ``console`` blocks run too (in-process) and must exit 0.
"""

from __future__ import annotations

import contextlib
import io
import re
import shlex
from pathlib import Path, PurePosixPath

import pytest

from interviewprep._cli import main as interviewprep_cli

ROOT = Path(__file__).parent.parent
DOCUMENTS = sorted(
    [
        ROOT / "README.md",
        *(ROOT / "docs").rglob("*.md"),
        *(ROOT / "examples").rglob("*.md"),
        *(ROOT / "packs").glob("*/README.md"),
    ],
    key=lambda path: path.as_posix(),
)
FENCE = re.compile(
    r"^```(\{code-block\}[ \t]+)?(\w+)[^\n]*\n(.*?)^```\s*$", re.MULTILINE | re.DOTALL
)
CAPTION = re.compile(r":caption:[ \t]*(\S+)[ \t]*\n")


def fences(path: Path) -> list[tuple[str, str, str | None]]:
    """
    The fenced blocks of *path* in order: (language, content, file name).

    The file name is the caption of a ``{code-block}`` directive, which is not part of
    its content; plain fences have none.
    """
    found: list[tuple[str, str, str | None]] = []
    for match in FENCE.finditer(path.read_text("utf-8")):
        directive, language, content = match.groups()
        name = None
        if directive:
            options, _, content = content.partition("\n\n")
            caption = CAPTION.search(options + "\n")
            name = caption.group(1) if caption else None
        found.append((language, content, name))
    return found


def blocks(path: Path) -> list[tuple[str, str | None]]:
    """The Python blocks of *path*, each with the text block that follows it, if any."""
    return [(step[1], step[2]) for step in steps(path) if step[0] == "python"]


def steps(path: Path) -> list[tuple[str, str, str | None]]:
    """
    What the reader does, in order: ("file", name, content), ("python", code, expected
    output or None) and, in tutorials, ("command", line, None).
    """
    tutorial = path.parent.name == "tutorial"
    all_fences = fences(path)
    found: list[tuple[str, str, str | None]] = []
    for index, (language, content, name) in enumerate(all_fences):
        if name is not None:
            relative = PurePosixPath(name)
            assert not relative.is_absolute(), name
            assert ".." not in relative.parts, name
            found.append(("file", name, content))
        elif language == "python":
            following = all_fences[index + 1] if index + 1 < len(all_fences) else None
            expected = following[1] if following and following[0] == "text" else None
            found.append(("python", content, expected))
        elif language == "console" and tutorial:
            found.extend(
                ("command", line.removeprefix("$ "), None)
                for line in content.splitlines()
                if line.startswith("$ interviewprep ")
            )
    return found


DOCUMENTS_WITH_CODE = [path for path in DOCUMENTS if blocks(path)]


class TestDocumentation:
    def test_documents_have_code(self) -> None:
        """The runner finds code blocks (so a broken pattern cannot pass silently)."""
        assert ROOT / "README.md" in DOCUMENTS_WITH_CODE

    def test_files_and_commands_are_found(self) -> None:
        """The runner finds the files a reader saves and a tutorial's commands."""
        found = steps(ROOT / "docs" / "tutorial" / "first-plan.md")
        kinds = [kind for kind, _, _ in found]
        assert kinds.index("file") < kinds.index("command") < kinds.index("python")
        assert ("file", "interview.toml") in [(kind, text) for kind, text, _ in found]
        assert all(kind == "python" for kind, _, _ in steps(ROOT / "README.md"))

    @pytest.mark.parametrize(
        "path",
        DOCUMENTS_WITH_CODE,
        ids=[p.relative_to(ROOT).as_posix() for p in DOCUMENTS_WITH_CODE],
    )
    def test_code_blocks_run(
        self, path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Each step runs: files are saved, commands exit 0, Python prints what it says."""
        monkeypatch.chdir(tmp_path)
        namespace: dict[str, object] = {"__name__": "__docs__"}
        number = 0
        for kind, text, extra in steps(path):
            if kind == "file":
                (tmp_path / text).parent.mkdir(parents=True, exist_ok=True)
                (tmp_path / text).write_text(extra or "", encoding="utf-8")
                continue
            output = io.StringIO()
            if kind == "command":
                argv = shlex.split(text, comments=True)[1:]
                with contextlib.redirect_stdout(output):
                    code = interviewprep_cli(argv)
                assert code == 0, f"{text!r} in {path.name} exited {code}"
                continue
            number += 1
            with contextlib.redirect_stdout(output):
                exec(compile(text, f"{path.name}[block {number}]", "exec"), namespace)
            if extra is not None:
                assert output.getvalue() == extra, f"block {number} of {path.name}"
