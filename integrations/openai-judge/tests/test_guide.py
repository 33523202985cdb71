"""
The guide docs/how-to/use-a-judge.md runs as written, against the fake endpoint.

Its code blocks are marked ``py`` (the main documentation tests run only ``python``
blocks, and these need a model server). Here they run in order in one namespace, with
the guide's Ollama URL pointing at the fake server and its environment variables set; a
``text`` block after a block is that block's expected output.
"""

from __future__ import annotations

import contextlib
import io
import json
import re
from pathlib import Path
from typing import Any

import pytest

from conftest import FakeServer, completion

GUIDE = Path(__file__).parents[3] / "docs" / "how-to" / "use-a-judge.md"
OLLAMA = "http://127.0.0.1:11434/v1"
FENCE = re.compile(r"^```(\w+)[^\n]*\n(.*?)^```\s*$", re.MULTILINE | re.DOTALL)
EXPORT = re.compile(r"^\$ export (\w+)=(\S+)$", re.MULTILINE)


def steps(text: str) -> list[tuple[str, str | None]]:
    """The ``py`` blocks of *text*, each with the ``text`` block right after it, if any."""
    fences = FENCE.findall(text)
    found: list[tuple[str, str | None]] = []
    for index, (language, code) in enumerate(fences):
        if language == "py":
            following = fences[index + 1] if index + 1 < len(fences) else None
            found.append((code, following[1] if following and following[0] == "text" else None))
    return found


def score_everything(body: dict[str, Any]) -> tuple[int, object]:
    ids = re.findall(r'^Criterion "([a-z0-9-]+)"', body["messages"][-1]["content"], re.MULTILINE)
    reply = {i: {"score": 3, "evidence": ["told my manager"], "confidence": 0.6} for i in ids}
    return completion(json.dumps(reply), model="llama3.1:8b")


@pytest.mark.skipif(not GUIDE.exists(), reason="the guide is not here (not a repository clone)")
class TestGuide:
    def test_the_guide_runs(self, server: FakeServer, monkeypatch: pytest.MonkeyPatch) -> None:
        """Every py block runs, prints what the guide says, and reaches the server."""
        text = GUIDE.read_text("utf-8")
        exports = dict(EXPORT.findall(text))
        assert set(exports) == {"INTERVIEWPREP_JUDGE_URL", "INTERVIEWPREP_JUDGE_MODEL"}
        for name, value in exports.items():
            monkeypatch.setenv(name, value.replace(OLLAMA, server.url))
        monkeypatch.delenv("INTERVIEWPREP_JUDGE_API_KEY", raising=False)
        server.reply = score_everything
        namespace: dict[str, object] = {"__name__": "__guide__"}
        found = steps(text)
        assert len(found) >= 4
        for number, (code, expected) in enumerate(found, 1):
            output = io.StringIO()
            with contextlib.redirect_stdout(output):
                exec(
                    compile(code.replace(OLLAMA, server.url), f"guide[{number}]", "exec"), namespace
                )
            if expected is not None:
                assert output.getvalue() == expected.replace(OLLAMA, server.url), number
        assert len(server.requests) == 2
        assert re.findall(r'^Criterion "(.+?)"', server.prompt(), re.MULTILINE) == ["candour"]
