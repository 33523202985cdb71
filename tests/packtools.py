"""Helpers that write pack folders and fake installed distributions for the tests."""

from __future__ import annotations

import itertools
import textwrap
from collections.abc import Callable, Mapping
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

#: The settings of every property test over whole packs: each example builds, writes or
#: renders a pack of several items, so fewer examples keep the suite within a minute.
#: This module is imported before conftest loads the suite's profile, so the profile's
#: "no deadline, slow is fine" is spelled out here: on a busy machine an example may
#: take longer than Hypothesis's default 200 ms, which is no failure of the code.
PACK_SETTINGS = settings(
    max_examples=50,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

MANIFEST = """\
[pack]
name = "{name}"
version = "{version}"
title = "A test pack"
{extra}
"""

TIP = """
[[tips]]
id = "{id}"
title = "Tip {id}"
body = "Do the thing called {id}, because it helps."
topic = "research"
"""

RUBRIC = """
[[rubrics]]
id = "{id}"
title = "Rubric {id}"
scale = {{ min = 1, max = 2 }}

[[rubrics.criteria]]
id = "only"
name = "Only criterion"

[[rubrics.criteria.levels]]
score = 1
label = "Weak"
anchor = "Vague."

[[rubrics.criteria.levels]]
score = 2
label = "Strong"
anchor = "Specific."
"""

QUESTION = """
[[questions]]
id = "{id}"
text = "Question {id}?"
asked_by = "interviewer"
kind = "behavioral"
intent = "can-do"
rubric = "{rubric}"
"""


def manifest(
    name: str, *, version: str = "1.0.0", requires: tuple[str, ...] = (), **extra: str
) -> str:
    lines = [f"{key} = {value}" for key, value in extra.items()]
    if requires:
        lines.append("requires = [" + ", ".join(f'"{r}"' for r in requires) + "]")
    return MANIFEST.format(name=name, version=version, extra="\n".join(lines))


def simple_pack(
    name: str, *, version: str = "1.0.0", requires: tuple[str, ...] = (), body: str = ""
) -> str:
    """A pack.toml with one tip, one rubric and one question using it."""
    return (
        manifest(name, version=version, requires=requires)
        + TIP.format(id="a-tip")
        + RUBRIC.format(id="a-rubric")
        + QUESTION.format(id="a-question", rubric="a-rubric")
        + textwrap.dedent(body)
    )


def write_files(folder: Path, files: Mapping[str, str | bytes]) -> Path:
    for relative, content in files.items():
        path = folder / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return folder


_counter = itertools.count()


class Site:
    """Makes fake installed distributions in fresh folders on sys.path."""

    def __init__(self, root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        self.root = root
        self.monkeypatch = monkeypatch

    def unique(self, stem: str) -> str:
        """A module name no other test uses, so sys.modules never leaks between tests."""
        return f"{stem}_{next(_counter)}_{self.root.name.replace('-', '_')}"[:60]

    def distribution(
        self,
        name: str,
        *,
        entry_points: Mapping[str, str],
        files: Mapping[str, str | bytes] = {},
        record: bool = True,
        version: str = "1.0.0",
        folder: Path | None = None,
        group: str = "interviewprep.packs",
    ) -> Path:
        """Write a distribution (dist-info + files) into a new folder put on sys.path."""
        site = folder or self.root / f"site{next(_counter)}"
        site.mkdir(parents=True, exist_ok=True)
        write_files(site, files)
        dist_info = site / f"{name.replace('-', '_')}-{version}.dist-info"
        dist_info.mkdir()
        (dist_info / "METADATA").write_text(
            f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n", encoding="utf-8"
        )
        lines = [f"[{group}]", *(f"{k} = {v}" for k, v in entry_points.items())]
        (dist_info / "entry_points.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
        if record:
            recorded = [*files, f"{dist_info.name}/METADATA", f"{dist_info.name}/entry_points.txt"]
            (dist_info / "RECORD").write_text("\n".join(f"{f},," for f in recorded) + "\n")
        if folder is None:
            self.monkeypatch.syspath_prepend(str(site))
        return site

    def data_pack(self, pack_name: str, content: str, **kwargs: object) -> str:
        """Install a data pack; returns its module name."""
        module = self.unique("datapack")
        files = {f"{module}/__init__.py": "", f"{module}/pack.toml": content}
        self.distribution(f"dist-{module}", entry_points={pack_name: module}, files=files, **kwargs)  # type: ignore[arg-type]
        return module


SiteFactory = Callable[[], Site]
