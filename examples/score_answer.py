"""Assess two answers to the same question and print the comparison.

Run: python examples/score_answer.py
"""

from __future__ import annotations

from pathlib import Path

from interviewprep import assess, load_interview, load_library

QUESTION_ID = "core/achievement-in-current-role"

VAGUE = (
    "At my current job I basically helped with the churn reporting. It was kind of slow "
    "before, and I guess we made it better. People were happy with it in the end."
)

SPECIFIC = (
    "Last spring our churn report took the analytics team three days each month, and "
    "product managers saw it too late to act. My goal was to get it to them in the first "
    "week. I rebuilt the pipeline in SQL and Python, I set up a dashboard with the five "
    "figures the product managers asked for, and I ran two short sessions to show them "
    "how to read it. As a result the report now refreshes daily, the team saves about 20 "
    "hours a month, and a pricing experiment based on it cut churn in one segment by 8%."
)


def main() -> None:
    library = load_library(packs=["core"])
    interview = load_interview(Path(__file__).parent / "interview.toml")
    question = library.questions[QUESTION_ID]
    rubric = library.rubrics[question.rubric or "core/star-answer"]
    print(f"Question: {question.text}\n")
    results = {
        name: assess(text, rubric, question=question, interview=interview)
        for name, text in (("vague", VAGUE), ("specific", SPECIFIC))
    }
    width = max(len(c.name) for c in rubric.criteria)
    print(f"{'criterion':<{width}}  vague  specific")
    for index, criterion in enumerate(rubric.criteria):
        row = [results[name].criteria[index].score for name in ("vague", "specific")]
        cells = ["  -  " if s is None else f"{s:^5}" for s in row]
        print(f"{criterion.name:<{width}}  {cells[0]}  {cells[1]}")
    print(f"{'total':<{width}}  {results['vague'].total:^5}  {results['specific'].total:^5}\n")
    print("What to change in the vague answer:")
    for suggestion in results["vague"].suggestions:
        print(f"- {suggestion}")


if __name__ == "__main__":
    main()
