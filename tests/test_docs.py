"""
Every Python code block in the README and the docs runs, and prints what the docs say.

Blocks of one file share a namespace and run in order. A ``text`` block right after a
``python`` block is the expected output of that block.
"""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path

import pytest

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
FENCE = re.compile(r"^```(\w+)[^\n]*\n(.*?)^```\s*$", re.MULTILINE | re.DOTALL)


def blocks(path: Path) -> list[tuple[str, str | None]]:
    """The Python blocks of *path*, each with the text block that follows it, if any."""
    fences = [(m.group(1), m.group(2)) for m in FENCE.finditer(path.read_text("utf-8"))]
    found = []
    for index, (language, code) in enumerate(fences):
        if language != "python":
            continue
        following = fences[index + 1] if index + 1 < len(fences) else None
        expected = following[1] if following and following[0] == "text" else None
        found.append((code, expected))
    return found


DOCUMENTS_WITH_CODE = [path for path in DOCUMENTS if blocks(path)]


class TestDocumentation:
    def test_documents_have_code(self) -> None:
        """The runner finds code blocks (so a broken pattern cannot pass silently)."""
        assert ROOT / "README.md" in DOCUMENTS_WITH_CODE

    @pytest.mark.parametrize(
        "path",
        DOCUMENTS_WITH_CODE,
        ids=[p.relative_to(ROOT).as_posix() for p in DOCUMENTS_WITH_CODE],
    )
    def test_code_blocks_run(
        self, path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Each Python block runs and prints exactly its documented output."""
        monkeypatch.chdir(tmp_path)
        namespace: dict[str, object] = {"__name__": "__docs__"}
        for number, (code, expected) in enumerate(blocks(path), start=1):
            output = io.StringIO()
            with contextlib.redirect_stdout(output):
                exec(compile(code, f"{path.name}[block {number}]", "exec"), namespace)
            if expected is not None:
                assert output.getvalue() == expected, f"block {number} of {path.name}"
