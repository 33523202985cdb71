"""
Second-interview guidance as structured, reusable content.

interviewprep models tips, questions, checklists and answer rubrics, loads them from
content packs, and builds tools on top. Everything public is importable from here.

The package is layered; a module imports only from its own layer or the layers
below it (``tests/test_architecture.py`` keeps it so), and data flows upwards:

1. foundation: ``exceptions`` (errors and :class:`Problem`), ``_vocabulary``,
   ``_durations``, ``_words`` (text helpers), ``_regex`` (phrase patterns compiled
   for speed), ``_distribution`` (name and version),
   ``_languages`` (language tags and fallback chains), ``_catalogue`` (the library's own
   words in every language), ``_suggest`` (near-miss suggestions), ``_schedule``
   (availability windows, working days, placing tasks in free time), ``_selection``
   (the best few of many items in order, without scoring them all);
2. model: ``_model`` (the content classes), ``_convert`` (the one converter),
   ``_schema`` (the JSON Schema of pack files);
3. files: ``_filesystem`` (bounded reads, atomic writes), ``_locate`` (line numbers),
   ``_cache`` (the on-disk cache), ``_files`` (the one reader), ``_interview``,
   ``_toml`` (the TOML writer);
4. packs: ``_entrypoints`` (the one entry-point loader), ``_loading`` (one pack
   folder), ``_partial`` (a pack with problems read part by part), ``_discovery`` (where
   each pack comes from);
5. library: ``_resolve`` (a set of packs made one), ``_library`` (queries),
   ``_validation``;
6. tools: ``_matching`` (content to interviews and answers), ``_planning``,
   ``_stories``, ``_assessment``, ``scorers``, ``_practice``, ``_provenance`` (whom to
   credit for an item), ``_calibration`` (scorers measured against human grades);
7. rendering: ``_rendering`` (Markdown, text, HTML, iCalendar);
8. interfaces: ``_cli``, ``_scaffold``, ``_migrate`` (format 1 to 2), ``pytest_plugin``,
   ``testing``.
"""

from __future__ import annotations

import importlib

# Not ``from typing import TYPE_CHECKING``: importing typing would double the cost of
# ``import interviewprep``. Type checkers treat this name as true.
TYPE_CHECKING = False

if TYPE_CHECKING:
    from ._assessment import Assessment, CriterionAssessment, assess, load_judge, load_scorers
    from ._calibration import (
        Agreement,
        Calibration,
        Disagreement,
        Label,
        calibrate,
        load_labels,
    )
    from ._catalogue import Catalogue, catalogue
    from ._convert import from_dict, make_converter, to_dict
    from ._discovery import PackSource
    from ._entrypoints import JUDGES_GROUP, PACKS_GROUP, SCORERS_GROUP
    from ._files import Limits, from_json, to_json
    from ._interview import EarlierAnswer, FirstRound, Interview, Interviewer, load_interview
    from ._library import Items, Library, load_library
    from ._loading import load_pack
    from ._matching import OPT_IN_TAGS, Fit, SignalMatch, applies, find_signals
    from ._model import (
        Applicability,
        Checklist,
        ChecklistItem,
        Criterion,
        CriterionText,
        ItemText,
        Level,
        Pack,
        PackInfo,
        Question,
        Rubric,
        Scale,
        Scope,
        Section,
        Signal,
        Source,
        Tip,
        Translation,
        Vocabulary,
        text_revision,
    )
    from ._planning import DEFAULT_EFFORT, PrepPlan, Priority, Task, build_plan
    from ._practice import PracticeSession, PracticeSummary, Prompt
    from ._provenance import Provenance, provenance
    from ._rendering import plan_to_ics, render_html, render_markdown, render_text
    from ._schedule import Availability
    from ._stories import Story, StoryAssignment, StoryBank, StoryChoice
    from ._validation import validate_pack
    from ._vocabulary import (
        AnswerType,
        AskedBy,
        Audience,
        Format,
        Intent,
        QuestionKind,
        Seniority,
        Situation,
        Stage,
        Theme,
        Topic,
    )
    from .exceptions import (
        InterviewPrepError,
        JudgeLoadError,
        LabelError,
        PackError,
        Problem,
        StructureError,
        ValidationError,
    )

__all__ = [
    "DEFAULT_EFFORT",
    "JUDGES_GROUP",
    "OPT_IN_TAGS",
    "PACKS_GROUP",
    "SCORERS_GROUP",
    "Agreement",
    "AnswerType",
    "Applicability",
    "AskedBy",
    "Assessment",
    "Audience",
    "Availability",
    "Calibration",
    "Catalogue",
    "Checklist",
    "ChecklistItem",
    "Criterion",
    "CriterionAssessment",
    "CriterionText",
    "Disagreement",
    "EarlierAnswer",
    "FirstRound",
    "Fit",
    "Format",
    "Intent",
    "Interview",
    "InterviewPrepError",
    "Interviewer",
    "ItemText",
    "Items",
    "JudgeLoadError",
    "Label",
    "LabelError",
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
    "Priority",
    "Problem",
    "Prompt",
    "Provenance",
    "Question",
    "QuestionKind",
    "Rubric",
    "Scale",
    "Scope",
    "Section",
    "Seniority",
    "Signal",
    "SignalMatch",
    "Situation",
    "Source",
    "Stage",
    "Story",
    "StoryAssignment",
    "StoryBank",
    "StoryChoice",
    "StructureError",
    "Task",
    "Theme",
    "Tip",
    "Topic",
    "Translation",
    "ValidationError",
    "Vocabulary",
    "__version__",
    "applies",
    "assess",
    "build_plan",
    "calibrate",
    "catalogue",
    "find_signals",
    "from_dict",
    "from_json",
    "load_interview",
    "load_judge",
    "load_labels",
    "load_library",
    "load_pack",
    "load_scorers",
    "make_converter",
    "plan_to_ics",
    "provenance",
    "render_html",
    "render_markdown",
    "render_text",
    "text_revision",
    "to_dict",
    "to_json",
    "validate_pack",
]

#: Every public name and the module it is defined in. ``import interviewprep`` costs
#: almost nothing: a name's module is imported on its first use.
_PUBLIC: dict[str, str] = {
    "Assessment": "._assessment",
    "CriterionAssessment": "._assessment",
    "assess": "._assessment",
    "load_judge": "._assessment",
    "load_scorers": "._assessment",
    "Agreement": "._calibration",
    "Calibration": "._calibration",
    "Disagreement": "._calibration",
    "Label": "._calibration",
    "calibrate": "._calibration",
    "load_labels": "._calibration",
    "Catalogue": "._catalogue",
    "catalogue": "._catalogue",
    "from_dict": "._convert",
    "make_converter": "._convert",
    "to_dict": "._convert",
    "PackSource": "._discovery",
    "JUDGES_GROUP": "._entrypoints",
    "PACKS_GROUP": "._entrypoints",
    "SCORERS_GROUP": "._entrypoints",
    "Limits": "._files",
    "from_json": "._files",
    "to_json": "._files",
    "EarlierAnswer": "._interview",
    "FirstRound": "._interview",
    "Interview": "._interview",
    "Interviewer": "._interview",
    "load_interview": "._interview",
    "Items": "._library",
    "Library": "._library",
    "load_library": "._library",
    "load_pack": "._loading",
    "Fit": "._matching",
    "OPT_IN_TAGS": "._matching",
    "SignalMatch": "._matching",
    "applies": "._matching",
    "find_signals": "._matching",
    "Applicability": "._model",
    "Checklist": "._model",
    "ChecklistItem": "._model",
    "Criterion": "._model",
    "Level": "._model",
    "Pack": "._model",
    "PackInfo": "._model",
    "Question": "._model",
    "Rubric": "._model",
    "Scale": "._model",
    "Scope": "._model",
    "Section": "._model",
    "Signal": "._model",
    "Source": "._model",
    "Translation": "._model",
    "Vocabulary": "._model",
    "CriterionText": "._model",
    "ItemText": "._model",
    "text_revision": "._model",
    "Theme": "._vocabulary",
    "Tip": "._model",
    "PrepPlan": "._planning",
    "Task": "._planning",
    "DEFAULT_EFFORT": "._planning",
    "Priority": "._planning",
    "Availability": "._schedule",
    "build_plan": "._planning",
    "plan_to_ics": "._rendering",
    "PracticeSession": "._practice",
    "PracticeSummary": "._practice",
    "Prompt": "._practice",
    "Provenance": "._provenance",
    "provenance": "._provenance",
    "render_html": "._rendering",
    "render_markdown": "._rendering",
    "render_text": "._rendering",
    "Story": "._stories",
    "StoryAssignment": "._stories",
    "StoryBank": "._stories",
    "StoryChoice": "._stories",
    "validate_pack": "._validation",
    "AnswerType": "._vocabulary",
    "AskedBy": "._vocabulary",
    "Seniority": "._vocabulary",
    "Situation": "._vocabulary",
    "Audience": "._vocabulary",
    "Format": "._vocabulary",
    "Intent": "._vocabulary",
    "QuestionKind": "._vocabulary",
    "Stage": "._vocabulary",
    "Topic": "._vocabulary",
    "InterviewPrepError": ".exceptions",
    "JudgeLoadError": ".exceptions",
    "LabelError": ".exceptions",
    "PackError": ".exceptions",
    "Problem": ".exceptions",
    "StructureError": ".exceptions",
    "ValidationError": ".exceptions",
}


if not TYPE_CHECKING:
    # Defined for the interpreter only, so type checkers still flag unknown names.

    def __getattr__(name: str) -> object:
        if name == "__version__":
            from ._distribution import installed_version

            return installed_version()
        module = _PUBLIC.get(name)
        if module is None:
            msg = f"module 'interviewprep' has no attribute {name!r}"
            raise AttributeError(msg)
        value = getattr(importlib.import_module(module, __name__), name)
        globals()[name] = value
        return value

    def __dir__() -> list[str]:
        return sorted(set(globals()) | set(__all__))
