"""Synthetic packs of any size, as plain data, JSON text and TOML text."""

from __future__ import annotations

import functools
import json
import random
from typing import Any

STAGES = ["before", "during", "after"]
TOPICS = [
    "research",
    "self-review",
    "stories",
    "fit",
    "technical",
    "motivation",
    "questions-to-ask",
    "salary",
    "logistics",
    "follow-up",
]
AUDIENCES = [
    "recruiter",
    "hiring-manager",
    "panel",
    "peer",
    "senior-technical",
    "executive",
    "line-manager",
]
KINDS = [
    "behavioral",
    "motivational",
    "situational",
    "technical-depth",
    "culture-fit",
    "reflection",
    "salary",
    "career-goals",
]
INTENTS = ["can-do", "will-do", "fit"]
TAGS = [f"tag-{n}" for n in range(200)]
WORDS = [
    "answer",
    "interview",
    "story",
    "result",
    "team",
    "role",
    "company",
    "manager",
    "project",
    "customer",
    "data",
    "plan",
    "goal",
    "growth",
    "skill",
    "example",
    "value",
    "culture",
    "question",
    "salary",
    "offer",
    "feedback",
]


def _sentence(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."


@functools.cache
def pack_data(questions: int, *, seed: int = 0, name: str = "bench") -> dict[str, Any]:
    """
    A valid pack with *questions* questions and tips, checklists, rubrics in proportion.

    Cached: callers must not change the result (json.loads a copy to mutate one).
    """
    rng = random.Random(seed)
    rubrics = max(1, questions // 1000)
    data: dict[str, Any] = {
        "pack": {
            "name": name,
            "version": "1.0.0",
            "title": "Synthetic benchmark pack",
            "format": 1,
        },
        "rubrics": [
            {
                "id": f"rubric-{r}",
                "title": f"Rubric {r}",
                "scale": {"min": 1, "max": 4},
                "criteria": [
                    {
                        "id": f"criterion-{c}",
                        "name": f"Criterion {c}",
                        "weight": 1.0,
                        "levels": [
                            {"score": s, "label": f"Level {s}", "anchor": _sentence(rng, 8)}
                            for s in range(1, 5)
                        ],
                    }
                    for c in range(4)
                ],
            }
            for r in range(rubrics)
        ],
        "tips": [
            {
                "id": f"tip-{t}",
                "title": _sentence(rng, 5),
                "body": _sentence(rng, 40),
                "topic": rng.choice(TOPICS),
                "stages": rng.sample(STAGES, rng.randint(0, 2)),
                "audiences": rng.sample(AUDIENCES, rng.randint(0, 2)),
                "tags": rng.sample(TAGS, 2),
            }
            for t in range(max(1, questions // 10))
        ],
        "questions": [
            {
                "id": f"question-{q}",
                "text": _sentence(rng, 12),
                "asked_by": rng.choice(["interviewer", "candidate"]),
                "kind": rng.choice(KINDS),
                "intent": rng.choice(INTENTS),
                "guidance": _sentence(rng, 30),
                "pitfalls": [_sentence(rng, 6)],
                "follow_ups": [_sentence(rng, 8)],
                "rubric": f"rubric-{rng.randrange(rubrics)}",
                "audiences": rng.sample(AUDIENCES, rng.randint(1, 3)),
                "stages": ["during"],
                "tags": rng.sample(TAGS, 2),
            }
            for q in range(questions)
        ],
        "checklists": [
            {
                "id": f"checklist-{c}",
                "title": _sentence(rng, 4),
                "stage": rng.choice(STAGES),
                "items": [
                    {
                        "id": f"item-{i}",
                        "text": _sentence(rng, 10),
                        "due": f"-P{rng.randint(0, 7)}D",
                        "tips": [f"tip-{rng.randrange(max(1, questions // 10))}"],
                    }
                    for i in range(5)
                ],
            }
            for c in range(max(1, questions // 100))
        ],
    }
    return data


def to_json_text(data: dict[str, Any]) -> str:
    return json.dumps(data)


def _toml_value(value: Any) -> str:
    if isinstance(value, str):
        return json.dumps(value)  # a JSON string is a valid TOML basic string here
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{k} = {_toml_value(v)}" for k, v in value.items()) + " }"
    raise TypeError(type(value))


def to_toml_text(data: dict[str, Any]) -> str:
    """TOML for the shapes pack_data makes (array-of-tables one level down, nested inline)."""
    lines = ["[pack]"]
    lines += [f"{k} = {_toml_value(v)}" for k, v in data["pack"].items()]
    for kind in ("tips", "questions", "checklists", "rubrics"):
        for item in data.get(kind, []):
            lines.append(f"\n[[{kind}]]")
            lines += [f"{k} = {_toml_value(v)}" for k, v in item.items()]
    return "\n".join(lines) + "\n"
