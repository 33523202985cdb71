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


# -- a large pack for plans -------------------------------------------------------------------
# Questions and tips written the way packs write them (format 2): answer types, kinds,
# audiences, stages, some content only for some interviews (`applies`), talking points,
# themes for the questions to ask, a few opt-in brainteasers, and words drawn from a
# broad vocabulary of work, some of which the sample job posting
# (examples/interview.toml: a senior data analyst at Northwind Traders) also uses.

#: Words of the sample posting (examples/interview.toml) that content may share.
POSTING_WORDS = [
    "churn",
    "dashboards",
    "pricing",
    "stakeholders",
    "customer",
    "data",
    "product",
    "finance",
    "experiments",
    "leadership",
    "python",
    "reporting",
    "analyst",
    "mentor",
    "junior",
    "findings",
    "present",
    "build",
    "senior",
    "managers",
]
#: Words of work that the posting does not use (nouns and verbs of many trades).
OTHER_WORDS = (  # noqa: SIM905 - a list of words reads best as text
    "account agenda approach audit backlog balance briefing budget campaign career "
    "change client coaching colleague conflict contract cost course crisis curriculum "
    "deadline decision delivery design detail direction effort engineer error estimate "
    "event failure forecast framework fund habit handover hiring incident inventory "
    "invoice journey kitchen lesson licence logistics machine meeting message method "
    "mission network office order outcome owner parent partner patient pattern people "
    "performance pipeline policy portfolio priority process progress promotion "
    "proposal quality quarter ratio recipe record recruit release report request "
    "research resource review risk roadmap safety sales schedule school server service "
    "shift shipment software sprint staff standard strategy student supplier support "
    "survey system target teacher tender testing ticket tooling trade training "
    "transfer travel trust vendor version volunteer warehouse website workshop "
    "workload"
).split()
VERBS = (  # noqa: SIM905 - a list of words reads best as text
    "handled changed improved learned managed organised planned rebuilt resolved "
    "simplified started stopped supported tested turned negotiated delivered explained "
    "defended questioned prioritised"
).split()
OPENERS = [
    "Tell me about a time you {verb} a {word} {word2}.",
    "How would you approach a {word} {word2} that keeps slipping?",
    "Walk us through the {word} {word2} you are proudest of.",
    "What would you do first if the {word} {word2} failed on a Friday?",
    "Why does {word} {word2} matter to you?",
    "Describe how you {verb} the {word} and the {word2}.",
    "What is the hardest {word} {word2} you have {verb}?",
    "How do you decide between {word} and {word2}?",
]
TO_ASK = [
    "How does the team handle {word} and {word2} today?",
    "What would success with {word} {word2} look like after six months?",
    "Who decides on {word} {word2} here?",
    "What is changing about {word} {word2} this year?",
]
TIP_TITLES = [
    "Prepare an example of {word} {word2}",
    "Check the {word} {word2} before the interview",
    "Say what you {verb} on the {word} {word2}",
    "Ask about {word} {word2}",
]
ANSWER_TYPES = [
    ("story", 35),
    ("hypothetical", 15),
    ("motivation", 15),
    ("knowledge", 15),
    ("opinion", 8),
    ("closing", 5),
    ("estimation", 4),
    ("salary", 3),
]
THEMES = ["team", "culture", "growth", "role", "business", "process", "remote-work", "management"]
APPLIES = [
    {"formats": ["video"]},
    {"formats": ["phone"]},
    {"formats": ["in-person", "panel"]},
    {"regions": ["de"]},
    {"regions": ["us"]},
    {"regions": ["eu"]},
    {"regions": ["gb", "ie"]},
    {"seniority": ["senior", "lead"]},
    {"seniority": ["entry", "mid"]},
    {"situations": ["graduate"]},
    {"situations": ["career-changer"]},
    {"situations": ["returner"]},
    {"situations": ["internal"]},
    {"formats": ["video"], "regions": ["eu"]},
    {"seniority": ["senior"], "situations": ["career-changer"]},
]


def _words(rng: random.Random, shared: int) -> list[str]:
    """Two words for a template: *shared* of them (0-2) from the posting."""
    picked = [rng.choice(POSTING_WORDS) for _ in range(shared)]
    return picked + [rng.choice(OTHER_WORDS) for _ in range(2 - shared)]


def _shared(rng: random.Random, share: float) -> int:
    """How many posting words an item uses: none for most, one for some, more for few."""
    if rng.random() >= share:
        return 0
    return 1 if rng.random() < 0.75 else 2


def _text(rng: random.Random, templates: list[str], shared: int) -> str:
    first, second = _words(rng, min(shared, 2))
    if rng.random() < 0.5:
        first, second = second, first
    return rng.choice(templates).format(word=first, word2=second, verb=rng.choice(VERBS))


def _audiences(rng: random.Random) -> list[str]:
    return [] if rng.random() < 0.2 else rng.sample(AUDIENCES, rng.randint(1, 3))


def _applies(rng: random.Random, share: float) -> dict[str, Any]:
    return dict(rng.choice(APPLIES)) if rng.random() < share else {}


@functools.cache
def plan_pack_data(
    questions: int,
    *,
    seed: int = 0,
    name: str = "bench-plan",
    posting_share: float = 0.15,
    applies_share: float = 0.15,
) -> dict[str, Any]:
    """
    A format 2 pack of *questions* questions (four in five asked by the interviewer)
    and one tip per ten questions, written like real packs for building plans.

    About *posting_share* of the questions and tips share a word with the sample job
    posting (one word mostly, two or more for a quarter of those; tags and talking
    points add a few more), and about *applies_share* apply only to some interviews
    (a format, region, seniority or situation). No checklists: every checklist step
    that applies becomes a task, so they change the plan itself rather than the cost
    of choosing from a large library.

    Cached: callers must not change the result.
    """
    rng = random.Random(seed)
    weights = [weight for _, weight in ANSWER_TYPES]
    types = [answer_type for answer_type, _ in ANSWER_TYPES]
    items: list[dict[str, Any]] = []
    for q in range(questions):
        shared = _shared(rng, posting_share)
        tags = rng.sample(TAGS, 2)
        if rng.random() < 0.01:
            tags.append("brainteaser")
        if shared and rng.random() < 0.3:
            tags.append(rng.choice(POSTING_WORDS))
        item: dict[str, Any] = {"id": f"question-{q}"}
        if rng.random() < 0.8:
            answer_type = rng.choices(types, weights)[0]
            item.update(
                text=_text(rng, OPENERS, shared),
                asked_by="interviewer",
                kind=rng.choice(KINDS),
                intent=rng.choice(INTENTS),
                answer_type=answer_type,
                guidance=_sentence(rng, 30),
                pitfalls=[_sentence(rng, 6)],
                follow_ups=[_sentence(rng, 8)],
            )
            if rng.random() < 0.3:
                item["talking_points"] = [
                    {
                        "id": f"point-{p}",
                        "label": f"the {rng.choice(OTHER_WORDS)} and its result",
                        "cues": [rng.choice(VERBS), rng.choice(OTHER_WORDS)],
                    }
                    for p in range(2)
                ]
        else:
            item.update(
                text=_text(rng, TO_ASK, shared),
                asked_by="candidate",
                guidance=_sentence(rng, 20),
                rubric="core/questions-you-ask",
            )
            if rng.random() < 0.6:
                item["theme"] = rng.choice(THEMES)
        roll = rng.random()
        stages = ["during"] if roll < 0.75 else [] if roll < 0.9 else ["before", "during"]
        item.update(
            audiences=_audiences(rng),
            stages=stages,
            applies=_applies(rng, applies_share),
            tags=tags,
        )
        if not item["applies"]:
            del item["applies"]
        items.append(item)
    tips = []
    for t in range(max(1, questions // 10)):
        tip: dict[str, Any] = {
            "id": f"tip-{t}",
            "title": _text(rng, TIP_TITLES, _shared(rng, posting_share)),
            "body": _sentence(rng, 40),
            "topic": rng.choice(TOPICS),
            "stages": rng.sample(STAGES, rng.randint(0, 2)),
            "audiences": _audiences(rng),
            "tags": rng.sample(TAGS, 2),
        }
        applies = _applies(rng, applies_share)
        if applies:
            tip["applies"] = applies
        tips.append(tip)
    return {
        "pack": {
            "name": name,
            "version": "1.0.0",
            "title": "Synthetic pack for plans",
            "format": 2,
            "requires": ["core"],
        },
        "tips": tips,
        "questions": items,
    }
