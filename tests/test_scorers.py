"""The scorers that read a question's talking points and red flags, open questions and estimates."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from interviewprep import Criterion, Level, Question, Rubric, Scale, Signal
from interviewprep.scorers import (
    BUILTIN,
    RED_FLAG_ADVICE,
    UNIVERSAL_RED_FLAGS,
    ScoringContext,
    evidence,
    open_question,
    ownership,
    reasoning_steps,
    red_flags,
    relevance,
    speaking_time,
    star_structure,
    talking_points,
)

CRITERION = Criterion(id="c", name="C", levels=[Level(score=1, label="L", anchor="A")])
RUBRIC = Rubric(id="r", title="R", scale=Scale(min=1, max=4), criteria=[CRITERION])
WHY_LEAVING = Question(
    id="why-leaving",
    text="Why are you leaving your current employer?",
    asked_by="interviewer",
    kind="motivational",
    intent="will-do",
    answer_type="motivation",
    talking_points=[
        Signal(id="forward", label="a forward-looking reason", cues=["looking for", "next step"]),
        Signal(id="fit", label="why this role fits", cues=["this role", "your team"]),
        Signal(id="learned", label="what you take with you", cues=["learned", "proud of"]),
        Signal(id="respect", label="respect for the current employer", cues=["grateful"]),
    ],
    red_flags=[
        Signal(id="blame", label="blaming your manager", cues=["my manager is", "incompetent"]),
        Signal(id="money", label="money as the only reason", cues=["only about the money"]),
    ],
)


def context(question: Question | None = WHY_LEAVING) -> ScoringContext:
    return ScoringContext(criterion=CRITERION, rubric=RUBRIC, question=question)


class TestTalkingPoints:
    def test_all_points_earn_the_top(self) -> None:
        answer = (
            "I'm grateful for five good years and proud of the reporting I built. I'm looking "
            "for a next step where I own analysis end to end, and this role does exactly that."
        )
        score = talking_points(answer, context())
        assert score.value == 1
        assert score.suggestion == ""
        assert any("a forward-looking reason" in e for e in score.evidence)

    def test_missing_points_are_named(self) -> None:
        """With one of four points heard, the points not heard are named."""
        score = talking_points("I am looking for a next step.", context())
        assert score.value == pytest.approx(1 / 3)
        assert score.suggestion == (
            "Make sure these come through clearly: “why this role fits” and “what you take "
            "with you”."
        )

    def test_with_no_point_heard_two_are_named(self) -> None:
        score = talking_points("The weather was nice.", context())
        assert score.value == 0
        assert score.suggestion == (
            "Make sure these come through clearly: “a forward-looking reason” and “why this "
            "role fits”."
        )

    def test_three_in_five_points_heard_is_the_top(self) -> None:
        """Cues cannot hear every paraphrase: three of four points heard earn the top band,
        two of four the next."""
        three = talking_points("I want a next step, this role fits, I'm grateful.", context())
        assert three.value == 1
        assert three.suggestion == ""
        two = talking_points("I want a next step, and this role fits.", context())
        assert two.value == pytest.approx(2 / 3)

    def test_a_point_told_in_other_words_is_not_called_missing(self) -> None:
        """A point whose words the answer uses (here "take", of "what you take with you")
        may be there in other words its cues miss: only untouched points are named."""
        answer = "I'm looking for a next step, and I'd take my reporting skills along."
        score = talking_points(answer, context())
        assert score.value == pytest.approx(1 / 3)
        assert "“what you take with you”" not in score.suggestion
        assert "“why this role fits”" in score.suggestion

    def test_a_long_answer_that_makes_some_points_is_not_told_it_misses_others(self) -> None:
        """A minute or more that makes three in ten of the points by their cues makes the
        rest in other words more often than not: no point is called missing."""
        opening = "I'm looking for a next step, and this role is the one I want. "
        detail = (
            "Over five years in the warehouse I ran the night shift, sorted out the rota and "
            "trained the new pickers, and I would like to do that work on a larger site. "
        )
        long_answer = opening + detail * 4
        assert len(long_answer.split()) >= 140
        long = talking_points(long_answer, context())
        assert long.value == pytest.approx(2 / 3)
        assert long.suggestion == ""
        short = talking_points(opening + detail, context())
        assert short.value == pytest.approx(2 / 3)
        assert "“respect for the current employer”" in short.suggestion

    def test_a_negated_cue_does_not_count(self) -> None:
        score = talking_points("I have not learned much and I am not grateful.", context())
        assert score.value == 0

    def test_no_talking_points_needs_a_human(self) -> None:
        bare = Question(
            id="q", text="Why?", asked_by="interviewer", kind="reflection", intent="fit"
        )
        assert talking_points("Anything.", context(bare)).value is None
        assert talking_points("Anything.", context(None)).value is None


class TestRedFlags:
    def test_a_clean_answer_earns_the_top(self) -> None:
        score = red_flags("I'm looking for a next step in a bigger team.", context())
        assert score.value == 1
        assert score.suggestion == ""

    def test_a_red_flag_is_named(self) -> None:
        score = red_flags("Honestly my manager is always on my back.", context())
        assert score.value == pytest.approx(1 / 3)
        assert score.suggestion == "Red flag: blaming your manager."
        assert score.evidence == ("blaming your manager: “my manager is”",)

    def test_a_universal_red_flag_says_what_to_do_instead(self) -> None:
        """A coach names the fault and the way out; the bare name was called unhelpful."""
        score = red_flags("It wasn't my fault, nobody told me the date had moved.", context())
        assert score.suggestion.startswith("Red flag: puts the blame on other people. ")
        assert "your own part" in score.suggestion

    def test_every_universal_red_flag_and_the_buzzwords_have_advice(self) -> None:
        ids = {flag.id for flag in UNIVERSAL_RED_FLAGS} | {"buzzwords"}
        assert ids <= RED_FLAG_ADVICE.keys()
        assert all(text.endswith(".") for text in RED_FLAG_ADVICE.values())

    def test_two_red_flags_earn_the_bottom(self) -> None:
        answer = "My manager is incompetent, and for me it is only about the money."
        assert red_flags(answer, context()).value == 0

    def test_any_answer_is_checked_for_the_universal_flags(self) -> None:
        """With no question, blaming, attacking and hollow claims are still looked for."""
        assert red_flags("I fixed the report and told my manager.", context(None)).value == 1
        blame = red_flags("Honestly it wasn't my fault, the data team was useless.", context(None))
        assert blame.value == 0
        assert "puts the blame on other people" in blame.suggestion
        hollow = (
            "I am a results-driven team player who leveraged synergies to drive growth "
            "with a data-driven, customer-centric mindset."
        )
        assert "claims without substance" in red_flags(hollow, context(None)).suggestion

    @pytest.mark.parametrize(
        ("answer", "recited"),
        [
            (
                "Situation: a late audit.\n\n\n  Task: close it.\nAction: I ran it. Result: done.",
                True,
            ),
            ("situation : x.\r\n\r\nTASK: y! \t action: z", True),
            ("The situation: late. My task: close it, the action: run it.", False),
            ("Situation:\n" + "\n" * 5_000 + "Task:\n" + "\n" * 5_000 + "Result:", True),
        ],
    )
    def test_star_labels_recited(self, answer: str, recited: bool) -> None:
        """Three STAR labels at the start of the answer, a line or a sentence are hollow."""
        score = red_flags(answer, context(None))
        assert ("claims without substance: “recites the STAR labels”" in score.evidence) is recited


class TestOpenQuestion:
    def test_open_questions_earn_the_top(self) -> None:
        answer = (
            "How will you measure success in the first six months? "
            "What does a good week look like for the team? "
            "Could you walk me through how priorities are set?"
        )
        score = open_question(answer, context(None))
        assert score.value == 1
        assert score.evidence == ("3 of 3 questions are open",)

    def test_closed_questions_are_quoted(self) -> None:
        answer = "Is there a bonus? Do you offer training? How is the team organised?"
        score = open_question(answer, context(None))
        assert score.value == pytest.approx(1 / 3)
        assert "“Is there a bonus?”" in score.suggestion

    def test_german_and_french_question_words_count(self) -> None:
        answer = "Wie sieht die Einarbeitung aus? Comment l'équipe est-elle organisée ?"
        assert open_question(answer, context(None)).value == 1

    def test_no_question_needs_a_human(self) -> None:
        assert open_question("I have no questions.", context(None)).value is None

    @pytest.mark.parametrize(
        "asked",
        [
            "So, what's the culture like in the depot?",
            "And finally, how do teachers get support in their first year?",
            "First, how does a typical week look for a graduate analyst in this team?",
            "Second, for you as head of procurement: what did the best new buyers do differently?",
            "I'd love to hear what you think has actually driven that?",
            "Und wie sieht die Einarbeitung aus?",
        ],
    )
    def test_a_lead_in_or_a_request_keeps_a_question_open(self, asked: str) -> None:
        """A coach read called "Open up..." wrong on each of these: they are open."""
        score = open_question(asked, context(None))
        assert score.value == 1
        assert score.suggestion == ""

    def test_a_lead_in_does_not_open_a_closed_question(self) -> None:
        score = open_question("So, is there a bonus?", context(None))
        assert score.value == 0
        assert "Open up" in score.suggestion


class TestReasoningSteps:
    def test_a_worked_estimate_earns_the_top(self) -> None:
        answer = (
            "Let's assume 400 people work in the building. About half drink coffee, two cups "
            "a day, times five days: that gives 2,000 cups a week. The assumption I trust "
            "least is the share who drink coffee; I would check it with the café's sales."
        )
        score = reasoning_steps(answer, context(None))
        assert score.value == 1
        assert score.suggestion == ""

    def test_a_bare_number_gets_the_first_missing_step(self) -> None:
        score = reasoning_steps("About 2,000 cups.", context(None))
        assert score.value == 0
        assert score.suggestion == "State your assumptions out loud (“let's assume…”)."

    def test_an_empty_answer_needs_a_human(self) -> None:
        assert reasoning_steps("  ", context(None)).value is None

    def test_an_assumption_named_as_such_is_stated(self) -> None:
        """A coach read called "State your assumptions out loud" wrong for an answer that
        says "the main assumption I'd flag is..."."""
        answer = (
            "I'd split sales into customers times spend per customer and cut it by region. "
            "The main assumption I'd flag is that the data is clean."
        )
        score = reasoning_steps(answer, context(None))
        assert "assumptions" not in score.suggestion

    def test_a_diagnosis_may_end_on_the_most_likely_cause(self) -> None:
        """A case asking why sales fell ends on a cause, not on a figure."""
        answer = (
            "First I'd check the figure is real. Then I'd split it by region, let's assume "
            "the drop is in one. I'd compare it with the market. The most likely cause is "
            "the price rise in March."
        )
        score = reasoning_steps(answer, context(None))
        assert score.value == 1
        assert score.suggestion == ""

    COFFEE = Question(
        id="coffee",
        text="Roughly how many cups of coffee are drunk here a week?",
        asked_by="interviewer",
        kind="situational",
        intent="can-do",
        answer_type="estimation",
    )
    SALES = Question(
        id="sales",
        text="Sales fell 10% last quarter. How would you find out why?",
        asked_by="interviewer",
        kind="situational",
        intent="can-do",
        answer_type="estimation",
    )

    def test_one_guessed_figure_is_no_working(self) -> None:
        """'Maybe 2,000 cups a week' names a unit of time, not a step of working."""
        answer = "I'd guess maybe 2,000 cups a week, but I'd want the facilities data first."
        score = reasoning_steps(answer, context(self.COFFEE))
        assert not any(line.startswith("steps:") for line in score.evidence)
        assert score.suggestion == "Break the problem into steps and work through them."

    def test_an_estimate_is_asked_to_end_on_one_figure(self) -> None:
        answer = "Let's assume 300 people, two cups each a day, times five days."
        score = reasoning_steps(answer, context(self.COFFEE))
        assert score.suggestion.startswith("Finish with your estimate as one round figure")

    @pytest.mark.parametrize(
        "ending",
        [
            "Call it nine hundred a day, so four thousand cups a week.",
            "So I'd say, yeah, about four thousand cups a week.",
            "Rounding down for Fridays, four thousand cups a week.",
        ],
    )
    def test_an_estimate_ended_in_everyday_words_has_its_figure(self, ending: str) -> None:
        """A spoken conclusion ("call it...", "so I'd say...") is the round figure."""
        answer = f"Let's assume 300 people, two cups each a day, times five days. {ending}"
        score = reasoning_steps(answer, context(self.COFFEE))
        assert any(line.startswith("conclusion:") for line in score.evidence)
        assert not score.suggestion.startswith("Finish with your estimate")

    def test_a_case_is_asked_to_end_on_a_cause_and_a_next_step(self) -> None:
        answer = "I think it depends on the region. First I'd split the sales by region."
        score = reasoning_steps(answer, context(self.SALES))
        assert score.suggestion == (
            "Finish with your conclusion: the cause you think most likely and the next "
            "step you would recommend."
        )


class TestRelevance:
    def test_the_question_alone_is_enough(self) -> None:
        """An ad-hoc question with no posting is compared with the question's words."""
        answer = "I am leaving because my current employer is merging teams; I want a next step."
        score = relevance(answer, context())
        assert score.value is not None
        assert score.value > 0


@given(st.text(max_size=300))
def test_no_new_scorer_crashes_on_any_text(text: str) -> None:
    """Each new scorer returns a score (or None) for any text at all."""
    for scorer in (talking_points, red_flags, open_question, reasoning_steps, relevance):
        value = scorer(text, context()).value
        assert value is None or 0 <= value <= 1


def test_the_new_scorers_are_built_in() -> None:
    assert {"talking-points", "red-flags", "open-question", "reasoning-steps"} <= set(BUILTIN)


HYPOTHETICAL = Question(
    id="two-requests",
    text="Two stakeholders each need something urgent by Friday. What do you do?",
    asked_by="interviewer",
    kind="situational",
    intent="can-do",
    answer_type="hypothetical",
)


class TestEvidence:
    def test_background_figures_are_not_results(self) -> None:
        """Years, tenure and headcounts are background, however many there are."""
        answer = (
            "I have been at Harcourt for three years, in a team of 12. In 2022 I joined the "
            "ERP project, which had 14 workstreams and ran for 18 months."
        )
        assert evidence(answer, context(None)).value == 0

    @pytest.mark.parametrize(
        "answer",
        [
            "I have handled more than 200 suppliers and managed teams of up to 25 people.",
            "I managed teams from 6 up to 25 people in four countries.",
            "The project took 14 months, from March 2021 until May 2022.",
            "We had fewer than ten staff.",
        ],
    )
    def test_sizes_and_spans_are_not_results(self, answer: str) -> None:
        """ "More than 200", "up to 25", "from 6 up to 25", "from March until May" size
        things or span time: background, not a change."""
        assert evidence(answer, context(None)).value == 0

    @pytest.mark.parametrize(
        "answer",
        [
            "Orders were 20% more than the year before.",
            "I cut the backlog from 90 to 40 tickets.",
        ],
    )
    def test_a_comparison_or_a_before_and_after_is_a_result(self, answer: str) -> None:
        score = evidence(answer, context(None))
        assert score.value is not None
        assert score.value > 0

    def test_spelled_out_results_count(self) -> None:
        """A result in words ("by about a fifth", "two days earlier") counts like digits."""
        answer = (
            "I rebuilt the check, which cut the errors by about a fifth. We closed the month "
            "two days earlier than before."
        )
        score = evidence(answer, context(None))
        assert score.value == 1
        assert score.suggestion == ""

    @pytest.mark.parametrize(("distance", "counts"), [(1, True), (6, True), (7, False)])
    def test_a_figure_counts_within_six_words_of_a_change(
        self, distance: int, counts: bool
    ) -> None:
        """A figure is a result up to six words from a word of change, before or after it."""
        between = " ".join(["then"] * (distance - 1))
        for answer in (f"It fell {between} 40", f"It took 40 {between} fewer"):
            assert (evidence(answer, context(None)).value == 2 / 3) is counts, answer

    def test_figures_far_from_changes_in_one_long_sentence(self) -> None:
        """No figure within six words of a change: nothing counts, however long the sentence."""
        answer = "we had 40 people on 12 sites " * 2_000 + "and then " * 5 + "it rose " * 2_000
        assert evidence(answer, context(None)).value == 0

    def test_hollow_figures_are_capped(self) -> None:
        """Figures recited among buzzwords earn little."""
        answer = (
            "Result: I spearheaded a cross-functional synergy initiative, leveraging "
            "best-in-class analytics, and achieved a 300% uplift and a 40% reduction in churn."
        )
        assert evidence(answer, context(None)).value <= 1 / 3

    def test_a_hypothetical_is_not_asked_for_a_number(self) -> None:
        score = evidence("I would talk to both of them first.", context(HYPOTHETICAL))
        assert "figure" not in score.suggestion
        assert score.suggestion.startswith("Say what you would expect to change")

    def test_before_and_after_in_one_sentence_earns_the_top(self) -> None:
        """ "From 61 to 74 percent" is a before and an after: as good as two results."""
        answer = "We improved first-contact resolution from 61 to 74 percent in a year."
        assert evidence(answer, context(None)).value == 1

    @pytest.mark.parametrize(
        "answer",
        [
            "Readmissions went down from around one in five to about one in eight.",
            "Complaints fell from roughly forty a week to fewer than ten.",
        ],
    )
    def test_a_before_and_after_told_loosely_earns_the_top(self, answer: str) -> None:
        """ "From around one in five to about one in eight" is a before and an after."""
        assert evidence(answer, context(None)).value == 1

    def test_one_alone_is_not_a_figure(self) -> None:
        """ "One" is too common to be a figure unless it is a rate ("one in five")."""
        answer = "I improved one report, and in the end it went down well."
        assert evidence(answer, context(None)).value == pytest.approx(1 / 3)

    @pytest.mark.parametrize(
        "answer",
        [
            "I asked to see their line instead of quoting, and they ended up signing a "
            "bigger contract with us.",
            "I tested two small changes, QA approved them and we released the batches on time.",
        ],
    )
    def test_an_outcome_in_everyday_words_is_heard(self, answer: str) -> None:
        """ "They ended up signing", "released on time": an outcome, told without a figure."""
        score = evidence(answer, context(None))
        assert score.value == pytest.approx(1 / 3)
        assert score.suggestion == ""

    def test_a_question_that_wants_no_figures_is_not_asked_for_one(self) -> None:
        """A fit question: an outcome told in words is left to a human, never docked."""
        told = "We agreed on a trial, and in the end the team kept my version."
        score = evidence(told, context(WHY_LEAVING))
        assert score.value is None
        assert "needs a human" in score.evidence[-1]
        untold = evidence("I talked to him about it.", context(WHY_LEAVING))
        assert untold.value == 0
        assert "figure" not in untold.suggestion
        assert untold.suggestion.startswith("Say how it turned out")

    def test_a_question_whose_points_name_a_result_wants_figures(self) -> None:
        wants = Question(
            id="achievement",
            text="Tell me about an achievement.",
            asked_by="interviewer",
            kind="behavioral",
            intent="can-do",
            answer_type="story",
            talking_points=[Signal(id="result", label="a result", cues=("result",))],
        )
        score = evidence("In the end the team kept my version.", context(wants))
        assert score.value == pytest.approx(1 / 3)
        assert score.suggestion == ""  # the outcome is told: whether a figure fits is for a human
        assert "figure" in evidence("I talked to the team.", context(wants)).suggestion

    def test_nine_a_month_down_to_one_is_a_before_and_after(self) -> None:
        """ "Down to", "fell to" carry a figure to its new value; "up to" is "as many as"."""
        moved = "I rebuilt the check, and errors went from 9 a month down to 1 or 2."
        assert evidence(moved, context(None)).value == 1
        moved = "We had nine errors a month, which dropped to two after I rebuilt the check."
        assert evidence(moved, context(None)).value == 1
        most = "I improved the rota for teams of up to 30 people."
        assert evidence(most, context(None)).value < 1

    @pytest.mark.parametrize(
        ("answer", "value"),
        [
            ("Then I cut the queue by 40 minutes.", 2 / 3),
            ("It went well in the end and the team kept it.", 1 / 3),
        ],
    )
    def test_a_told_outcome_is_not_asked_for_a_figure(self, answer: str, value: float) -> None:
        """An answer that tells its outcome, with one figure or none, keeps its score but
        is not told to add a figure: whether one fits takes a human."""
        score = evidence(answer, context(None))
        assert score.value == pytest.approx(value)
        assert score.suggestion == ""

    def test_an_answer_with_no_outcome_is_asked_what_changed(self) -> None:
        score = evidence("I talked to the team about it.", context(None))
        assert score.value == 0
        assert score.suggestion.startswith("Say what changed because of what you did")

    def test_a_closing_statement_is_asked_to_back_a_reason(self) -> None:
        closing = Question(
            id="anything-else",
            text="Is there anything else you would like us to know?",
            asked_by="interviewer",
            kind="motivational",
            intent="fit",
            answer_type="closing",
        )
        score = evidence("I really want this job and I think I'd fit in.", context(closing))
        assert score.suggestion == (
            "Back your strongest reason with proof: one thing you did and what it changed."
        )


class TestOwnership:
    def test_first_person_actions_count_not_the_word_i(self) -> None:
        """ "I think", "I was", "I feel" are not actions; "I told", "I'd ask" are."""
        talk = "I think I was happy. I feel I am a good fit. I guess I know the work."
        assert ownership(talk, context()).value == 0
        acts = (
            "I found the gap, I told my manager within the hour, I sent the corrected "
            "numbers, I sat down with the buyer, I added a weekly check and I now ask a "
            "colleague to review each join."
        )
        assert ownership(acts, context()).value == 1

    def test_what_one_can_should_or_would_say_is_not_a_step(self) -> None:
        """
        "I can", "I need", "I should", "I'd say", "I've been", "I have" tell an ability,
        a need, a framing or a state, not something the candidate did; the verb after
        "kind of", "usually", "had to" or a spoken "uh" is read as the step.
        """
        claims = (
            "I'd say my strength is people. I can adapt. I need structure. I should delegate "
            "more. I've been told I'm calm. I have a lot of experience. I never panic. I "
            "care about quality. I would say I thrive under pressure."
        )
        score = ownership(claims, context())
        assert score.evidence[0].startswith("0 first-person actions")
        steps = (
            "I, uh, put together a plan. I kind of rebuilt the rota. I usually ask for the "
            "data first. I had to call the client. I'd say to the client that we were late."
        )
        assert ownership(steps, context()).evidence[0] == (
            "5 first-person actions: I, uh, put; I kind of rebuilt; I usually ask; I had to call"
        )

    def test_crediting_the_team_costs_nothing(self) -> None:
        acts = (
            "We agreed the plan together. I drafted the proposal, I ran the pilot, I "
            "trained our two new starters, I reported the results, I wrote the guide and I "
            "handed it over."
        )
        assert ownership(acts, context()).value == 1

    @pytest.mark.parametrize(
        "answer",
        [
            "Ich habe den Fehler gefunden, ich habe ihn gemeldet und ich habe ihn behoben.",
            "J'ai trouvé l'erreur, j'ai prévenu ma responsable et j'ai corrigé le tableau.",
        ],
    )
    def test_german_and_french_actions_count(self, answer: str) -> None:
        assert (ownership(answer, context()).value or 0) >= 1 / 3

    def test_a_hypothetical_needs_fewer_steps_and_is_told_in_its_own_words(self) -> None:
        """Three things the candidate would do are a full plan; the advice speaks of "would"."""
        plan = "I'd ask both what drives Friday. I'd tell them early. Then I'd go to my manager."
        assert ownership(plan, context(HYPOTHETICAL)).value == 1
        short = ownership("I'd ask them both, and that's it.", context(HYPOTHETICAL))
        assert short.value == 0
        assert short.suggestion.startswith("Say what you would do, step by step")
        assert "whom you told" not in short.suggestion
        # The first person is asked for only where the answer does not speak in it.
        assert "in the first person" not in short.suggestion
        ours = ownership("We would ask them both, and that's it.", context(HYPOTHETICAL))
        assert ours.suggestion.startswith("Say what you would do yourself")
        assert "in the first person" in ours.suggestion

    def test_steps_joined_to_an_own_step_count(self) -> None:
        """ "I interviewed six people, wrote a guide and tested it" is three steps, not one."""
        answer = (
            "I interviewed six of the clerks, wrote a short guide and tested it with two "
            "of them. We argued about the wording. We changed it twice. We shipped it."
        )
        score = ownership(answer, context())
        assert score.value == pytest.approx(2 / 3)
        assert score.evidence[0].startswith("3 first-person actions")

    def test_feelings_joined_to_an_own_step_are_not_steps(self) -> None:
        answer = "I asked for the data, tired and worried, and annoyed that it was late."
        assert ownership(answer, context()).evidence[0].startswith("1 first-person action")

    def test_three_own_steps_with_little_we_earn_the_top(self) -> None:
        """A short story told in "I" is not asked to say which steps were the candidate's."""
        answer = "I asked him for his numbers. I changed my plan. I ran it for a month."
        assert ownership(answer, context()).value == 1
        shared = answer + " We agreed the rota. We trained the team. We met weekly."
        score = ownership(shared, context())
        assert score.value == pytest.approx(2 / 3)
        assert score.suggestion.startswith("Say which steps were yours")

    #: A concept explained plainly, with no "we" to hide behind.
    PLAIN = (
        "Inflation is when prices go up across the board, so the same money buys "
        "less. Think of a basket of shopping that cost fifty pounds last year and "
        "fifty-five this year. I'll explain why that matters for your budget."
    )
    #: A concept explained with the "we" of anyone who does it.
    WITH_WE = (
        "Say you book a photographer in March and the invoice comes in May. At the end "
        "of March we put in an accrual, a note that we owe the money. In May we reverse "
        "it and we book the real bill, so each month carries its own costs."
    )
    #: A practice told as the team's.
    TEAM = (
        "We always check the figures twice. We run the tests, we send it to review and "
        "the team signs it off. I sign the release note."
    )

    @pytest.mark.parametrize("answer", [PLAIN, WITH_WE])
    def test_a_concept_explained_is_not_asked_for_own_practice(self, answer: str) -> None:
        """
        "Explain a complex idea" asks for the idea. Told plainly, it hides nothing behind
        "we"; told with "we" (an accrual booked, a test run on a thousand people), the
        "we" is anyone's. It keeps its low score, but coaches called "say what you do
        yourself" wrong each of the nine times it was given on such explanations.
        """
        score = ownership(answer, context(KNOWLEDGE))
        assert score.value is not None
        assert score.value < 1
        assert score.suggestion == ""

    @pytest.mark.parametrize("answer", [TEAM, WITH_WE])
    def test_practice_told_as_the_teams_is_asked_for_own_practice(self, answer: str) -> None:
        """Asked how the candidate works, an answer told with "we" is asked for "I"."""
        score = ownership(answer, context(PRACTICE))
        assert score.suggestion.startswith("Show your own practice")


KNOWLEDGE = Question(
    id="explain",
    text="Explain a complex idea from your field as if I were a new colleague.",
    asked_by="interviewer",
    kind="technical-depth",
    intent="can-do",
    answer_type="knowledge",
)

PRACTICE = Question(
    id="quality",
    text="How do you make sure your work is correct before anyone relies on it?",
    asked_by="interviewer",
    kind="technical-depth",
    intent="can-do",
    answer_type="knowledge",
)

STORY = Question(
    id="mistake",
    text="Tell me about a mistake you made.",
    asked_by="interviewer",
    kind="behavioral",
    intent="can-do",
    answer_type="story",
)


class TestStarStructure:
    def test_the_opening_sentence_is_the_set_up(self) -> None:
        """A coach hears the first sentence of a story as its set-up, cue words or not."""
        answer = (
            "In my second year as a maths teacher I sent parents the wrong marks. "
            "I told the deputy head at once and I wrote to every parent that day. "
            "I learned to check a sorted sheet against the original."
        )
        score = star_structure(answer, context(STORY))
        assert score.value == 1
        assert score.suggestion == ""
        assert any(e.startswith("situation:") for e in score.evidence)

    def test_an_ending_that_says_what_came_of_it_is_the_result(self) -> None:
        answer = (
            "My weakness is speaking up in big meetings. I joined a speaking club and I "
            "asked my lead to give me a slot in every review. Last month I challenged a "
            "design in front of twenty people. I still feel nervous, but it does not stop "
            "me any more."
        )
        assert any(e.startswith("result:") for e in star_structure(answer, context()).evidence)

    def test_a_story_without_an_ending_is_told_to_add_one(self) -> None:
        answer = (
            "Last year our release slipped. I rewrote the build scripts. I moved the tests "
            "into parallel jobs."
        )
        score = star_structure(answer, context(STORY))
        assert score.value is not None
        assert score.value < 1
        assert "end with the result" in score.suggestion

    def test_an_ending_placed_in_time_is_still_the_result(self) -> None:
        """ "Now it takes three hours, and last year the auditors found nothing" ends the
        story, though "last year" also sets scenes."""
        answer = (
            "Every month end I reconciled four banks by hand. I built queries that match "
            "the lines to the ledger. I also wrote a short guide for my colleague. Now it "
            "takes three hours instead of two days, and last year the auditors found zero "
            "differences."
        )
        score = star_structure(answer, context(STORY))
        assert any(e.startswith("result: “Now it takes") for e in score.evidence)
        assert "end with the result" not in score.suggestion

    @pytest.mark.parametrize(
        "ending",
        [
            "After that the printer jams stopped, apart from one in the whole spring.",
            "After the release, complaints about the form went down to a handful a week.",
            "After this the night shift used my checklist for every handover.",
        ],
    )
    def test_an_ending_opened_with_after_that_is_the_result(self, ending: str) -> None:
        """Coaches marked "end with the result" wrong on stories that ended "After that
        they had one false alarm in six months": what follows the steps is how it ended."""
        answer = (
            "Our ward printed labels on an old printer that jammed twice a shift. "
            "I logged every jam for a fortnight and found they all came from one label size. "
            "I ordered the right stock and changed the default in the system. " + ending
        )
        score = star_structure(answer, context(STORY))
        assert any(e.startswith("result: “After") for e in score.evidence)
        assert "end with the result" not in score.suggestion

    def test_after_that_followed_by_a_step_is_no_ending(self) -> None:
        answer = (
            "Last year our release slipped. I rewrote the build scripts. I moved the tests "
            "into parallel jobs. After that, I asked the team to review the plan."
        )
        assert "end with the result" in star_structure(answer, context(STORY)).suggestion

    #: A long set-up the cues class as context, and the candidate's steps in one short
    #: sentence: a fifth of the words or less.
    SET_UP = (
        "Our warehouse had been running two shifts with a team of forty pickers and the "
        "busiest month of the year was starting, with the company facing a backlog of "
        "orders from three new retail customers and a target that had been raised twice. "
        "There was a new scanner system as well, which the team had been using for a week. "
    )
    ENDING = "In the end the backlog was cleared in four days."

    def test_five_own_steps_are_action_enough(self) -> None:
        """However few words the action sentences take, five steps of the candidate's own
        are no reason to ask for more of what they did."""
        steps = "I called the lead, wrote a rota, tested it, moved two pickers and checked it. "
        answer = self.SET_UP + steps + self.ENDING
        score = star_structure(answer, context(STORY))
        assert "spend more of the answer on what you did" not in score.suggestion

    def test_a_thin_action_is_told_to_grow(self) -> None:
        answer = self.SET_UP + "I called the lead. " + self.ENDING
        score = star_structure(answer, context(STORY))
        assert "spend more of the answer on what you did" in score.suggestion


class TestSpeakingTime:
    def test_short_is_right_for_pay(self) -> None:
        """Thirty words on pay are the top band; thirty words for a story are not."""
        salary = Question(
            id="pay",
            text="What salary are you expecting?",
            asked_by="interviewer",
            kind="salary",
            intent="fit",
            answer_type="salary",
        )
        text = " ".join(["word"] * 30)
        assert speaking_time(text, context(salary)).value == 1
        assert speaking_time(text, context(None)).value < 1
