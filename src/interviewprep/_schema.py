"""
The JSON Schema of pack formats 1 and 2, generated from the content model.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
import typing
from collections.abc import Mapping
from typing import Any

import attrs

from ._durations import DURATION_PATTERN
from ._model import (
    FORMATS,
    FULL_ID_PATTERN,
    ID_PATTERN,
    INTERVIEW_DETAILS,
    NAMESPACED_PATTERN,
    PACK_NAME_PATTERN,
    REFERENCE_PATTERN,
    REGION_PATTERN,
    TEXT_FIELDS,
    TRANSLATION_FIELDS,
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
)

__all__ = ["pack_schema"]


def _anchored(pattern: re.Pattern[str]) -> str:
    """A model pattern as a JSON Schema pattern: anchored, verbose spacing and names gone."""
    text = pattern.pattern
    if pattern.flags & re.VERBOSE:
        text = re.sub(r"\s+", "", text)
    return f"^{re.sub(r'[?]P<[a-z_]+>', '', text)}$"


# Taken from the model, so the schema and the loader can never disagree.
_ID = _anchored(ID_PATTERN)
_REFERENCE = _anchored(REFERENCE_PATTERN)
_DURATION = _anchored(DURATION_PATTERN)
_PATTERNS = {
    "id": _ID,
    "PackInfo.name": _anchored(PACK_NAME_PATTERN),
    "rubric": _REFERENCE,
    "scorer": _ID,
    "replaces": _anchored(FULL_ID_PATTERN),
    "regions": _anchored(REGION_PATTERN),
    "roles": _ID,
    "translates": _anchored(FULL_ID_PATTERN),
    "section": _ID,
}
_NAMESPACED = _anchored(NAMESPACED_PATTERN)
_FIELD_DOCS = {
    "due": "Offset from the interview's start as a signed ISO 8601 duration, e.g. -P2D.",
    "tips": "References to tips: an id of this pack or pack/id.",
    "requires": "Other packs with version specifiers, e.g. core>=1.0.",
    "include": "Glob patterns, relative to the pack folder, of files holding more items.",
}


def _type_schema(tp: Any, field: str, owner: str = "") -> dict[str, Any]:
    origin = typing.get_origin(tp)
    if origin in (typing.Union, getattr(__import__("types"), "UnionType", None)):
        options = [a for a in typing.get_args(tp) if a is not type(None)]
        if len(options) == 2 and str in options:
            # An open vocabulary: a core value, or a value a pack declares.
            vocabulary = _type_schema(options[0], field, owner)
            return {"anyOf": [vocabulary, {"type": "string", "pattern": _NAMESPACED}]}
        return _type_schema(options[0], field, owner)
    if origin is Mapping:
        return {"type": "object", "additionalProperties": {"type": "string"}}
    if origin in (tuple, frozenset) and owner == "Vocabulary":
        return {"type": "array", "items": {"type": "string", "pattern": _NAMESPACED}}
    if origin in (tuple, frozenset):
        element = typing.get_args(tp)[0]
        schema: dict[str, Any] = {"type": "array", "items": _type_schema(element, field)}
        if origin is frozenset:
            schema["uniqueItems"] = True
        if field in ("tips",):
            schema["items"] = {"type": "string", "pattern": _REFERENCE}
        if field == "asks_for":
            schema["items"] = {"enum": sorted(INTERVIEW_DETAILS)}
        return schema
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return {"enum": [member.value for member in tp]}
    if tp is str:
        pattern = _PATTERNS.get(field) or _PATTERNS.get(f"{owner}.{field}")
        return {"type": "string", "pattern": pattern} if pattern else {"type": "string"}
    if tp is bool:
        return {"type": "boolean"}
    if tp is int:
        return {"type": "integer"}
    if tp is float:
        return {"type": "number", "exclusiveMinimum": 0}
    if tp is dt.timedelta:
        return {"type": "string", "pattern": _DURATION}
    if attrs.has(tp):
        return {"$ref": f"#/$defs/{tp.__name__}"}
    msg = f"no schema for {tp!r}"
    raise TypeError(msg)


def _class_schema(cls: type, *, skip: frozenset[str] = frozenset()) -> dict[str, Any]:
    hints = typing.get_type_hints(cls)
    properties: dict[str, Any] = {}
    required: list[str] = []
    for attribute in attrs.fields(cls):
        if attribute.name in skip:
            continue
        schema = _type_schema(hints[attribute.name], attribute.name, cls.__name__)
        if attribute.name in _FIELD_DOCS:
            schema = {"description": _FIELD_DOCS[attribute.name], **schema}
        properties[attribute.name] = schema
        if attribute.default is attrs.NOTHING:
            required.append(attribute.name)
    doc = (cls.__doc__ or "").strip().splitlines()[0]
    result: dict[str, Any] = {"type": "object", "description": doc, "properties": properties}
    if required:
        result["required"] = required
    result["additionalProperties"] = False
    return result


def pack_schema() -> dict[str, Any]:
    """
    The JSON Schema (draft 2020-12) of a pack file of format 1 or 2.

    The same schema describes ``pack.toml`` (read as data) and ``pack.json``. An
    included file holds only the item arrays; the schema allows every top-level
    key to be absent except ``pack`` in the main file.

    Returns:
        The schema as plain data.
    """
    item_skip = frozenset({"pack"})
    defs: dict[str, Any] = {
        "PackInfo": _class_schema(PackInfo),
        "Tip": _class_schema(Tip, skip=item_skip),
        "Question": _class_schema(Question, skip=item_skip),
        "ChecklistItem": _class_schema(ChecklistItem),
        "Checklist": _class_schema(Checklist, skip=item_skip),
        "Level": _class_schema(Level),
        "Scale": _class_schema(Scale),
        "Criterion": _class_schema(Criterion),
        "Rubric": _class_schema(Rubric, skip=item_skip),
        "Applicability": _class_schema(Applicability),
        "Signal": _class_schema(Signal),
        "Scope": _class_schema(Scope),
        "Source": _class_schema(Source),
        "Section": _class_schema(Section),
        "Vocabulary": _class_schema(Vocabulary),
        "ItemText": _class_schema(ItemText),
        "CriterionText": _class_schema(CriterionText),
    }
    for kind, cls in (
        ("tips", Tip),
        ("questions", Question),
        ("checklists", Checklist),
        ("rubrics", Rubric),
    ):
        defs[f"{cls.__name__}Translation"] = _translation_schema(kind)
    defs["PackInfo"]["properties"]["include"] = {
        "description": _FIELD_DOCS["include"],
        "type": "array",
        "items": {"type": "string"},
    }
    defs["PackInfo"]["properties"]["format"] = {"enum": list(FORMATS)}
    pack_doc = (Pack.__doc__ or "").strip().splitlines()[0]
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://interviewprep.readthedocs.io/en/latest/_static/pack-format.schema.json",
        "title": "interviewprep pack, formats 1 and 2",
        "description": pack_doc,
        "type": "object",
        "properties": {
            "pack": {"$ref": "#/$defs/PackInfo"},
            "tips": _items("Tip"),
            "questions": _items("Question"),
            "checklists": _items("Checklist"),
            "rubrics": _items("Rubric"),
            "phrases": {
                "description": "The library's own words in the pack's language, by phrase key.",
                "type": "object",
                "additionalProperties": {"type": "string"},
            },
        },
        "additionalProperties": False,
        "$defs": defs,
    }


def _items(name: str) -> dict[str, Any]:
    """An item array: items of the kind, or translations of items of the kind."""
    return {
        "type": "array",
        "items": {"anyOf": [{"$ref": f"#/$defs/{name}"}, {"$ref": f"#/$defs/{name}Translation"}]},
    }


def _translation_schema(kind: str) -> dict[str, Any]:
    """A translation among the items of *kind*: its text fields and nothing else."""
    full = _class_schema(Translation)
    keep = (*TRANSLATION_FIELDS, *TEXT_FIELDS[kind])
    return {
        "type": "object",
        "description": full["description"],
        "properties": {name: full["properties"][name] for name in keep},
        "required": ["translates"],
        "additionalProperties": False,
    }
