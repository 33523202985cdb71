"""Embed interviewprep in an app: filter questions for a panel interview, render JSON.

A front end (a career-coaching app, a job board) would fetch this JSON from an API.
Run: python examples/embed_in_app.py
"""

from __future__ import annotations

import json

from interviewprep import AskedBy, load_library, to_dict


def panel_questions() -> list[dict[str, object]]:
    """Questions a panel is likely to ask, as plain data for a front end."""
    # Data-only mode: no third-party code runs in the web worker, only pack files are read.
    library = load_library(data_only=True)
    questions = library.questions.filter(asked_by=AskedBy.INTERVIEWER, audience="panel")
    return [
        {
            "id": question.full_id,
            "text": question.text,
            "kind": str(question.kind),
            "guidance": question.guidance.strip(),
            "follow_ups": list(question.follow_ups),
            "rubric": question.rubric,
        }
        for question in questions
    ]


def main() -> None:
    payload = panel_questions()
    print(
        json.dumps({"count": len(payload), "questions": payload[:3]}, indent=2, ensure_ascii=False)
    )
    # Every model also serialises losslessly with to_dict / to_json:
    library = load_library(packs=["core"], data_only=True)
    first = next(iter(library.rubrics))
    assert to_dict(first)["scale"] == {"min": first.scale.min, "max": first.scale.max}


if __name__ == "__main__":
    main()
