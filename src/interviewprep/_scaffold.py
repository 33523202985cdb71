"""
``interviewprep new-pack``: a ready-to-publish pack distribution.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from ._filesystem import write_atomic
from ._model import PACK_NAME_PATTERN

__all__ = ["module_name", "scaffold"]

_PYPROJECT = """\
[build-system]
requires = ["hatchling>=1.26"]
build-backend = "hatchling.build"

[project]
name = "interviewprep-{name}"
version = "0.1.0"
description = "{title} (an interviewprep content pack)"
readme = "README.md"
requires-python = ">=3.11"
license = "CC-BY-4.0"
dependencies = ["interviewprep-kit>=0.2"]

[project.optional-dependencies]
tests = ["pytest>=8.0"]

# The entry point's name is the pack's name; its value is the module whose folder
# holds pack.toml. Nothing in the module is imported to read the pack.
[project.entry-points."interviewprep.packs"]
{name} = "{module}"

[tool.hatch.build.targets.wheel]
packages = ["src/{module}"]

[tool.pytest.ini_options]
testpaths = ["tests"]
"""

_PACK = """\
# Every text starting with TODO is a placeholder: `interviewprep validate` and the
# pack's test (tests/test_pack.py) fail until each is replaced with your own words.
# The two items below show the shape of a tip and a question: rewrite them, or
# delete them and write your own.

[pack]
name = "{name}"
version = "0.1.0"
title = "{title}"
description = "TODO: say what this pack offers and whom it is for."
language = "en"
license = "CC-BY-4.0"
authors = ["TODO: your name"]
format = 2
requires = ["core>=1.0"]

# Add more files with: include = ["questions/*.toml"]

# For a role or sector pack, say whom it is for: its items then reach plans and
# practice only for interviews whose role or job posting mentions these words.
# [[pack.scope]]
# id = "sales"
# title = "Sales"
# words = ["account executive", "sales", "quota"]

[[tips]]
id = "research-the-team"
title = "TODO: a tip's title, such as: Find out what the team shipped recently"
body = \"\"\"
TODO: what to do and why, such as: Before the second round, look for what the team
you would join has recently launched, changed or written about. Mention one of those
things when you are asked why you want the role: it shows you researched the team,
not just the company, and gives the interviewer something concrete to talk about.\"\"\"
topic = "research"
stages = ["before"]
# Where it applies (leave out for everywhere): formats, regions, seniority,
# situations (graduate, career-changer, internal, returner, adjustments), roles.
applies = {{ formats = ["video", "in-person"] }}

[[questions]]
id = "why-this-team"
text = "TODO: the question, such as: Why do you want to join this team in particular?"
asked_by = "interviewer"
kind = "motivational"
intent = "will-do"
guidance = \"\"\"
TODO: how to answer it, such as: Name one thing the team does that you admire and one
way your experience helps it. Keep it to under two minutes and end on what you would
contribute.\"\"\"
pitfalls = ["TODO: a mistake to avoid, such as: Talking only about the company"]
follow_ups = ["TODO: a likely follow-up, such as: What would you work on first?"]
rubric = "core/motivation-fit"
answer_type = "motivation"
stages = ["during"]

# What a strong answer covers, and what sinks one: each with the words that show it.
[[questions.talking_points]]
id = "names-team-work"
label = "TODO: what a strong answer covers, such as: names something the team did"
cues = ["your team", "you launched", "you shipped", "I saw that"]

[[questions.talking_points]]
id = "own-contribution"
label = "TODO: such as: says what they would contribute"
cues = ["I could", "I would bring", "my experience"]

[[questions.red_flags]]
id = "only-perks"
label = "TODO: what sinks an answer, such as: talks only about pay or perks"
cues = ["the salary", "the perks", "the benefits"]
"""

_README = """\
# {title}

An [interviewprep](https://interviewprep.readthedocs.io/) content pack.

## Layout

- `pyproject.toml` declares the `interviewprep.packs` entry point `{name} = "{module}"`.
- `src/{module}/pack.toml` holds the manifest (`[pack]`) and the content.
- `tests/test_pack.py` checks the pack with interviewprep's pytest plugin.

## Use

```console
pip install .                           # after installing interviewprep itself
interviewprep packs                     # lists {name}
interviewprep validate src/{module}     # checks the content
pip install ".[tests]" && python -m pytest
```

`pack.toml` starts with placeholder texts (each starts with `TODO`): `interviewprep
validate` and the test list each one with its file and line until it is replaced.
"""

_TEST = """\
\"\"\"The pack's own test: interviewprep's pytest plugin checks it in one line.\"\"\"

from pathlib import Path


def test_pack(check_pack):
    \"\"\"The pack is valid: it reads cleanly, resolves against what it requires, holds
    no placeholder or duplicated text, and round-trips.\"\"\"
    check_pack(Path(__file__).parent.parent / "src" / "{module}")
"""


def module_name(name: str) -> str:
    """
    The name of the module that holds the pack *name* in a scaffolded distribution.
    """
    return "interviewprep_" + name.replace("-", "_")


def scaffold(name: str, directory: str | os.PathLike[str] = ".") -> Path:
    """
    Create a pack distribution named *name* in *directory*.

    Args:
        name: The pack's name (``[a-z0-9][a-z0-9-]*``).
        directory: Where to create the folder ``name``.

    Returns:
        The new folder.

    Raises:
        ValueError: If the name is not a valid pack name or the folder exists.
    """
    if not PACK_NAME_PATTERN.fullmatch(name):
        msg = f"{name!r} is not a valid pack name (lowercase letters, digits and '-')"
        raise ValueError(msg)
    folder = Path(directory) / name
    if folder.exists():
        msg = f"{folder} already exists"
        raise ValueError(msg)
    module = module_name(name)
    title = name.replace("-", " ").capitalize()
    values = {"name": name, "module": module, "title": title}
    files = {
        "pyproject.toml": _PYPROJECT,
        "README.md": _README,
        f"src/{module}/__init__.py": '"""The {name} content pack (data only)."""\n',
        f"src/{module}/pack.toml": _PACK,
        "tests/test_pack.py": _TEST,
    }
    # Written into a temporary folder beside the target, then renamed into place:
    # an interrupted scaffold leaves nothing half-made behind.
    Path(directory).mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{name}.", dir=directory))
    try:
        for relative, template in files.items():
            path = staging / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(path, template.format(**values))
        os.rename(staging, folder)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return folder
