"""Spread your stories over a four-person interview loop, never telling one story twice.

Run: python examples/story_bank.py
"""

from __future__ import annotations

from pathlib import Path

from interviewprep import Story, StoryBank, load_interview, load_library

BANK = StoryBank(
    stories=[
        Story(
            id="churn-dashboard",
            title="Rebuilt the churn report so product could act on it",
            situation="The monthly churn report arrived too late to act on.",
            task="Get it to product managers in the first week of the month.",
            action="I rebuilt the pipeline in SQL and Python and trained the product managers.",
            result="Daily refresh; 20 hours a month saved; churn down 8% in one segment.",
            skills=["sql", "python", "stakeholder management"],
            tags=["achievement", "impact"],
        ),
        Story(
            id="pricing-disagreement",
            title="Disagreed with finance about a pricing test",
            situation="Finance wanted to end a pricing experiment early.",
            action="I showed the power calculation and proposed a two-week extension.",
            result="The extended test found a 3% uplift the early stop would have missed.",
            skills=["communication", "influence"],
            tags=["conflict", "disagreement", "achievement"],
        ),
        Story(
            id="broken-forecast",
            title="A forecast I got wrong, and what I changed",
            situation="My quarterly forecast missed by 12%.",
            action="I owned the miss, traced it to a seasonality bug and added backtests.",
            result="Backtests caught two issues since; the miss has stayed under 3%.",
            skills=["mistake", "learning"],
            tags=["failure", "mistake", "achievement"],
        ),
        Story(
            id="mentoring-juniors",
            title="Coached two junior analysts to run their own analyses",
            action="I paired with them weekly and reviewed their SQL.",
            result="Both now present to leadership; review time fell by half.",
            skills=["mentoring", "leadership"],
            tags=["leadership", "achievement"],
        ),
    ]
)


def main() -> None:
    library = load_library(packs=["core"])
    interview = load_interview(Path(__file__).parent / "interview.toml")
    questions = [
        library.questions["core/achievement-in-current-role"],
        library.questions["core/disagreement-with-colleague"],
    ]
    assignment = BANK.assign(interview.interviewers, questions)
    print(assignment.explain())
    told = [c.story for c in assignment.choices if c.story]
    print(
        f"\n{len(set(told))} different stories for {len(told)} answers; reused: "
        f"{sum(c.reused for c in assignment.choices)}"
    )


if __name__ == "__main__":
    main()
