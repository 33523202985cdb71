"""
Second-interview guidance as structured, reusable content.

interviewprep models tips, questions, checklists and answer rubrics, loads them from
content packs, and builds tools on top. Everything public is importable from here.
"""

from __future__ import annotations

import importlib

# Not ``from typing import TYPE_CHECKING``: importing typing would double the cost of
# ``import interviewprep``. Type checkers treat this name as true.
TYPE_CHECKING = False

if TYPE_CHECKING:
    from ._assessment import Assessment, CriterionAssessment, assess, load_scorers
    from ._convert import from_dict, from_json, make_converter, to_dict, to_json
    from ._discovery import PACKS_GROUP, SCORERS_GROUP, PackSource
    from ._interview import EarlierAnswer, FirstRound, Interview, Interviewer, load_interview
    from ._library import Items, Library, load_library
    from ._loading import Limits, load_pack, validate_pack
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
    from ._planning import PrepPlan, Task, build_plan
    from ._practice import PracticeSession, PracticeSummary, Prompt
    from ._problems import Problem
    from ._rendering import plan_to_ics, render_html, render_markdown, render_text
    from ._stories import Story, StoryAssignment, StoryBank, StoryChoice
    from ._vocabulary import AskedBy, Audience, Format, Intent, QuestionKind, Stage, Topic
    from .exceptions import InterviewPrepError, PackError, StructureError, ValidationError

__all__ = [
    "PACKS_GROUP",
    "SCORERS_GROUP",
    "AskedBy",
    "Assessment",
    "Audience",
    "Checklist",
    "ChecklistItem",
    "Criterion",
    "CriterionAssessment",
    "EarlierAnswer",
    "FirstRound",
    "Format",
    "Intent",
    "Interview",
    "InterviewPrepError",
    "Interviewer",
    "Items",
    "Level",
    "Library",
    "Limits",
    "Pack",
    "PackError",
    "PackInfo",
    "PackSource",
    "PracticeSession",
    "PracticeSummary",
    "PrepPlan",
    "Problem",
    "Prompt",
    "Question",
    "QuestionKind",
    "Rubric",
    "Scale",
    "Stage",
    "Story",
    "StoryAssignment",
    "StoryBank",
    "StoryChoice",
    "StructureError",
    "Task",
    "Tip",
    "Topic",
    "ValidationError",
    "__version__",
    "assess",
    "build_plan",
    "from_dict",
    "from_json",
    "load_interview",
    "load_library",
    "load_pack",
    "load_scorers",
    "make_converter",
    "plan_to_ics",
    "render_html",
    "render_markdown",
    "render_text",
    "to_dict",
    "to_json",
    "validate_pack",
]

# Every public name is loaded from its module on first use, so that ``import
# interviewprep`` costs almost nothing until the library is used.
_LAZY = {
    **dict.fromkeys(
        ["Checklist", "ChecklistItem", "Criterion", "Level", "Pack", "PackInfo", "Question"],
        "._model",
    ),
    **dict.fromkeys(["Rubric", "Scale", "Tip"], "._model"),
    "Problem": "._problems",
    **dict.fromkeys(
        ["AskedBy", "Audience", "Format", "Intent", "QuestionKind", "Stage", "Topic"],
        "._vocabulary",
    ),
    **dict.fromkeys(
        ["InterviewPrepError", "PackError", "StructureError", "ValidationError"], ".exceptions"
    ),
    "from_dict": "._convert",
    "from_json": "._convert",
    "make_converter": "._convert",
    "to_dict": "._convert",
    "to_json": "._convert",
    "Items": "._library",
    "Library": "._library",
    "load_library": "._library",
    "Limits": "._loading",
    "load_pack": "._loading",
    "validate_pack": "._loading",
    "PACKS_GROUP": "._discovery",
    "SCORERS_GROUP": "._discovery",
    "PackSource": "._discovery",
    "render_html": "._rendering",
    "render_markdown": "._rendering",
    "render_text": "._rendering",
    "EarlierAnswer": "._interview",
    "FirstRound": "._interview",
    "Interview": "._interview",
    "Interviewer": "._interview",
    "load_interview": "._interview",
    "PrepPlan": "._planning",
    "Task": "._planning",
    "build_plan": "._planning",
    "plan_to_ics": "._rendering",
    "Story": "._stories",
    "StoryAssignment": "._stories",
    "StoryBank": "._stories",
    "StoryChoice": "._stories",
    "Assessment": "._assessment",
    "CriterionAssessment": "._assessment",
    "assess": "._assessment",
    "load_scorers": "._assessment",
    "PracticeSession": "._practice",
    "PracticeSummary": "._practice",
    "Prompt": "._practice",
}


if not TYPE_CHECKING:
    # Defined for the interpreter only, so type checkers still flag unknown names.

    def __getattr__(name: str) -> object:
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
