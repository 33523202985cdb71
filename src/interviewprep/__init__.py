"""
Second-interview guidance as structured, reusable content.

interviewprep models tips, questions, checklists and answer rubrics, loads them from
content packs, and builds tools on top. Everything public is importable from here.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from ._model import (
    Checklist,
    ChecklistItem,
    Criterion,
    Level,
    Pack,
    PackInfo,
    Question,
    Rubric,
    Scale,
    Tip,
)
from ._problems import Problem
from ._vocabulary import AskedBy, Audience, Format, Intent, QuestionKind, Stage, Topic
from .exceptions import InterviewPrepError, PackError, StructureError, ValidationError

if TYPE_CHECKING:
    from ._convert import from_dict, from_json, make_converter, to_dict, to_json

__all__ = [
    "AskedBy",
    "Audience",
    "Checklist",
    "ChecklistItem",
    "Criterion",
    "Format",
    "Intent",
    "InterviewPrepError",
    "Level",
    "Pack",
    "PackError",
    "PackInfo",
    "Problem",
    "Question",
    "QuestionKind",
    "Rubric",
    "Scale",
    "Stage",
    "StructureError",
    "Tip",
    "Topic",
    "ValidationError",
    "__version__",
    "from_dict",
    "from_json",
    "make_converter",
    "to_dict",
    "to_json",
]

# Names whose modules import heavier libraries (cattrs), loaded on first use so that
# ``import interviewprep`` stays cheap.
_LAZY = {
    "from_dict": "._convert",
    "from_json": "._convert",
    "make_converter": "._convert",
    "to_dict": "._convert",
    "to_json": "._convert",
}


def __getattr__(name: str) -> Any:
    if name == "__version__":
        from importlib.metadata import version

        return version("interviewprep")
    module = _LAZY.get(name)
    if module is None:
        msg = f"module 'interviewprep' has no attribute {name!r}"
        raise AttributeError(msg)
    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
