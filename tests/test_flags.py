"""Flags on a whole answer: they name the problem, lower the right criterion, cap the total."""

from __future__ import annotations

from collections.abc import Mapping

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import answers
from interviewprep import Library, Question, Signal, assess, find_signals, render_text
from interviewprep.scorers import (
    RED_FLAG_ADVICE,
    TOO_LONG,
    Flag,
    JudgeContext,
    Score,
    ScoringContext,
    answer_flags,
    speaking_time,
)

#: A good answer about a customer, given to a question about a colleague.
CUSTOMER_STORY = (
    "So about a year ago we had a customer, a restaurant chain, whose order arrived two days "
    "late, and the owner rang me furious. I let him talk, then I apologised and promised I'd "
    "find out what had gone wrong by the end of the day. I traced it to a warehouse mix-up, "
    "rang him back that afternoon with the reason and a plan, and I sent the missing stock by "
    "courier the next morning at our cost. I also set up a weekly call with him for the next "
    "month so he could raise anything early. He stayed with us and placed a bigger order the "
    "following quarter, and I now check new accounts' first deliveries myself."
)

#: A CV read aloud: dates, headcounts and volumes, and nothing that changed.
CV_ALOUD = (
    "I joined in 2016 as one of 12 analysts, moved to the 40-person finance team in 2018 and "
    "have led a team of 6 since 2021. We process around 3,000 invoices a month across 4 "
    "countries, with 2 ERP systems and 15 cost centres. I have 9 years of experience, 3 "
    "certificates and I report to 2 directors. Before that I spent 2 years at a bank with 200 "
    "staff, where I worked on 5 projects. I'm proud of my time there and of what I know about "
    "our processes, and I think that experience makes me a good fit for this role."
)


def question(library: Library, qid: str) -> Question:
    return library.questions[qid]


def flag_ids(flags: tuple[Flag, ...]) -> list[str]:
    return [f.id for f in flags]


class TestOffQuestion:
    def test_a_good_story_to_another_question_is_flagged(self, library: Library) -> None:
        """A well-told story about a customer does not answer a question about a colleague."""
        q = question(library, "core/disagreement-with-colleague")
        result = assess(CUSTOMER_STORY, question=q, library=library)
        assert "off-question" in flag_ids(result.flags)
        assert result.total is not None
        assert result.total <= 2
        relevance = next(c for c in result.criteria if c.criterion.id == "relevance")
        assert relevance.score is not None
        assert relevance.score <= 2
        # The advice names what the question is after, by its talking points.
        assert any("Answer what was asked: “" in s for s in result.suggestions)
        named = [p for p in result.missing_points if any(p in s for s in result.suggestions)]
        assert named

    def test_on_the_subject_but_without_its_points_is_named_as_such(self, library: Library) -> None:
        """An answer on the question's subject that gives none of what it is for is not
        told it answered another question: it is told what to build it around."""
        q = question(library, "core/why-leaving-current-employer")
        answer = (
            "Honestly I'm leaving my current employer because I've been there a while and "
            "it's time, and that's really all there is to say about it, to be fair, nothing "
            "more."
        )
        result = assess(answer, question=q, library=library)
        ids = flag_ids(result.flags)
        assert "misses-the-points" in ids
        assert "off-question" not in ids
        assert result.total is not None
        assert result.total <= 2
        assert any(s.startswith("Build the answer around “") for s in result.suggestions)

    def test_the_points_named_are_the_questions_own(self, library: Library) -> None:
        """
        With no point left wholly untouched, the advice says what a pay answer needs in
        words that fit every pay question: a coach called "a researched range" wrong for
        "apart from base salary".
        """
        q = question(library, "core/package-priorities")
        answer = (
            "Apart from the base, honestly the things that matter to me are quite "
            "practical, like the hours and the people, and whether the work is interesting, "
            "and I think that's about it really for what matters."
        )
        flags = [f for f in answer_flags(answer, q) if f.id == "misses-the-points"]
        assert flags
        assert "researched range" not in flags[0].advice
        assert flags[0].advice.startswith("Build the answer around “")

    def test_talking_points_are_named_once(self, library: Library) -> None:
        """The flag's advice and the talking-points criterion do not both list the same points."""
        q = question(library, "core/why-leaving-current-employer")
        result = assess(CUSTOMER_STORY, question=q, library=library)
        labels = [f"“{point.label}”" for point in q.talking_points]
        named = [[s for s in result.suggestions if label in s] for label in labels]
        assert any(named)
        assert all(len(suggestions) <= 1 for suggestions in named)

    def test_the_same_story_to_its_own_question_is_not(self, library: Library) -> None:
        """The strong achievement story covers its question's points: no flag, no cap."""
        q = question(library, "core/achievement-in-current-role")
        result = assess(answers.STRONG, question=q, library=library)
        assert result.total is not None
        assert result.total > 2

    #: A mistake told whole in words none of the question's cues use: seven steps of the
    #: candidate's own and an ending, on the subject (it says "mistake").
    WHOLE_MISTAKE = (
        "The mistake I think of is a VAT rate in my first year as a ledger clerk. I keyed the "
        "standard rate into a new customer's template when they were due the reduced one, and "
        "their finance team spotted it three months later. I pulled every invoice, issued "
        "credit notes, rang their controller to walk her through the corrections, and went "
        "through the other accounts. I found one more set up the same way before anyone "
        "noticed. The customer stayed with us, and I learned to check each new template "
        "against the rate table."
    )

    def test_a_story_told_whole_on_the_subject_is_not_said_to_miss_the_points(
        self, library: Library
    ) -> None:
        """Own steps to an ending say more than the cues: the words were the cues' gap."""
        q = question(library, "core/mistake-you-made")
        assert not any(m.found for m in find_signals(self.WHOLE_MISTAKE, q.talking_points))
        assert "misses-the-points" not in flag_ids(answer_flags(self.WHOLE_MISTAKE, q))

    def test_without_its_ending_the_same_story_still_is(self, library: Library) -> None:
        """The exception needs the whole account: steps that lead nowhere are not one."""
        q = question(library, "core/mistake-you-made")
        unended = self.WHOLE_MISTAKE.rsplit(" The customer", 1)[0]
        assert "misses-the-points" in flag_ids(answer_flags(unended, q))

    def test_a_neighbouring_question_answered_well_misses_the_points(
        self, library: Library
    ) -> None:
        """How I decide as a lead, for "your manager makes a wrong call": the question's
        key words and one point touched by chance are not an answer to it."""
        q = question(library, "core/manager-makes-wrong-call")
        answer = (
            "As a team lead I make a lot of decisions, and I think the key is to understand "
            "the context before I decide. I gather the data, I ask the people closest to the "
            "work, and I write the decision down with the reasons, so if it turns out wrong "
            "we can see why and correct it quickly. My team says they always know where they "
            "stand with me, and our delivery has been steady for two years."
        )
        assert sum(m.found for m in find_signals(answer, q.talking_points)) == 1
        flags = answer_flags(answer, q)
        assert "misses-the-points" in flag_ids(flags)
        result = assess(answer, question=q, library=library)
        assert result.total is not None
        assert result.total <= 2

    def test_a_plan_told_whole_is_still_checked(self, library: Library) -> None:
        """Only stories and practices: a hypothetical's points are its considerations."""
        q = question(library, "core/manager-makes-wrong-call")
        answer = (
            "I would think about the decision. I'd look at my notes, I'd write my view, I'd "
            "read the plan again, I'd plan my week and I'd get on with the work. In the end "
            "it worked out and I learned to wait."
        )
        assert {"misses-the-points", "off-question"} & set(flag_ids(answer_flags(answer, q)))

    def test_a_question_with_few_talking_points_is_never_flagged(self) -> None:
        """With fewer than three points there is too little to say an answer missed them."""
        q = Question(
            id="q",
            text="What did you do last summer?",
            asked_by="interviewer",
            kind="behavioral",
            intent="can-do",
            answer_type="story",
        )
        assert "off-question" not in flag_ids(answer_flags(CUSTOMER_STORY, q))


class TestPointsHeardInPlainWords:
    #: A story whose result and own part no cue of the question's points names.
    CULVERT = (
        "Last spring I was site engineer on a culvert under a county road. The contractor "
        "wanted to backfill before the concrete was strong enough. I asked the lab to "
        "crush extra cylinders at five days, I phoned the designer about a lighter first "
        "layer, and I held the line on the main backfill. In the end the road reopened a day "
        "late rather than the week everyone had feared."
    )

    def points(self, library: Library, qid: str, answer: str) -> dict[str, bool]:
        result = assess(answer, question=question(library, qid), library=library)
        return {m.signal.id: m.found for m in result.talking_points}

    def test_a_story_ending_is_its_result(self, library: Library) -> None:
        answer = "When you asked about a disagreement, I left out the best example. " + self.CULVERT
        q = question(library, "core/anything-to-add-from-round-one")
        assert not {m.signal.id: m.found for m in find_signals(answer, q.talking_points)}["result"]
        heard = self.points(library, "core/anything-to-add-from-round-one", answer)
        assert heard["names-answer"]  # by its cues
        assert heard["result"]

    def test_first_person_steps_are_the_own_part(self, library: Library) -> None:
        answer = self.CULVERT + " What I learned is to bring an option with a refusal."
        heard = self.points(library, "core/project-you-learned-most-from", answer)
        assert heard["lesson"]  # by its cues
        assert heard["my-part"]

    def test_a_story_none_of_whose_points_the_cues_hear_gets_no_more(
        self, library: Library
    ) -> None:
        """Told for another question, a story's ending and steps are not this one's points."""
        q = question(library, "core/project-you-learned-most-from")
        assert not any(m.found for m in find_signals(self.CULVERT, q.talking_points))
        heard = self.points(library, "core/project-you-learned-most-from", self.CULVERT)
        assert not any(heard.values())

    def test_a_story_with_no_ending_and_no_steps_has_neither(self, library: Library) -> None:
        answer = "It was a big project with a lot of people and a tight budget, all year."
        heard = self.points(library, "core/project-you-learned-most-from", answer)
        assert not heard["my-part"]
        assert not heard["result"]

    def test_only_stories_are_read_for_them(self, library: Library) -> None:
        """A closing statement's "impact" point is not a story's result."""
        q = question(library, "core/specific-value-you-bring")
        result = assess(self.CULVERT, question=q, library=library)
        cues = find_signals(self.CULVERT, q.talking_points)
        assert [m.found for m in result.talking_points] == [m.found for m in cues]


class TestLongAnswersOnTheSubject:
    #: A minute and more on why the candidate is leaving, in words none of the cues use:
    #: it touches the points (growth, what they have learned, looking forward) in other
    #: words.
    PARAPHRASE = (
        "It is mostly about where I can grow next. I have run the night shift at the depot "
        "for four years, and I learned a lot there: I rebuilt the rota, trained eleven new "
        "pickers and halved the late loads. But the site is small, and the next step up "
        "belongs to a manager who is staying for years, which is fair enough. I want to "
        "learn how a bigger network plans its stock, which is exactly the part of your "
        "operation I asked about last time. I am proud of what we built on nights, and I "
        "would leave it in good hands: my deputy has been running two shifts a week since "
        "the spring. Looking ahead, I would like to spend the next few years learning "
        "planning from people who do it at scale, and your team does."
    )

    def test_is_not_said_to_miss_the_points(self, library: Library) -> None:
        """Past a minute on the subject, with the words of two points, a cue miss is more
        likely a paraphrase than an answer off the point: no flag, no cap."""
        q = question(library, "core/why-leaving-current-employer")
        assert len(self.PARAPHRASE.split()) >= 140
        result = assess(self.PARAPHRASE, question=q, library=library)
        assert not {"misses-the-points", "off-question"} & set(flag_ids(result.flags))

    def test_a_short_answer_on_the_subject_still_is(self, library: Library) -> None:
        """The same subject in two sentences of nothing is still told what it leaves out."""
        q = question(library, "core/why-leaving-current-employer")
        answer = (
            "Honestly I'm leaving my current employer because I've been there a while and "
            "it's time, and that's really all there is to say about it, to be fair, nothing "
            "more."
        )
        assert "misses-the-points" in flag_ids(answer_flags(answer, q))


class TestNoExample:
    #: Self-descriptions for "what are your greatest strengths?": nothing happened.
    TRAITS = (
        "I would say my main strengths are that I'm very organised, I'm a natural "
        "communicator and I'm calm under pressure. I'm the kind of person who always gives "
        "their best, and people tell me I bring a positive attitude to any team I'm part of. "
        "I like to keep learning and I'm always looking for ways to improve myself, and I "
        "think I adapt quickly to new environments and new people. I'm also very reliable "
        "and I take pride in doing things properly, so I think I'd be a real asset."
    )

    def test_a_story_question_answered_with_traits_is_flagged(self, library: Library) -> None:
        q = question(library, "core/greatest-strengths")
        result = assess(self.TRAITS, question=q, library=library)
        assert "no-example" in flag_ids(result.flags)
        assert result.total is not None
        assert result.total <= 2
        assert any(s.startswith("Tell one real occasion") for s in result.suggestions)

    def test_a_story_told_in_the_past_is_not(self, library: Library) -> None:
        q = question(library, "core/greatest-strengths")
        assert "no-example" not in flag_ids(answer_flags(CUSTOMER_STORY, q))

    def test_a_non_native_story_in_the_present_with_a_time_is_not(self, library: Library) -> None:
        """Present forms for the past are common in non-native English: three past forms
        and a word that places it in time are enough."""
        answer = (
            "My strength is to stay calm when everything go wrong. Last winter the snow "
            "came and six drivers could not come in, so I look at the board, I see who is "
            "on spare and I make a new plan in twenty minutes. I call the control room so "
            "they tell passengers. All the school routes went out, only two buses was late, "
            "and my manager asked me to write the plan down for the other depots."
        )
        q = question(library, "core/greatest-strengths")
        assert "no-example" not in flag_ids(answer_flags(answer, q))

    def test_an_answer_in_another_language_is_given_the_benefit(self, library: Library) -> None:
        answer = (
            "Meine größte Stärke ist, dass ich ruhig bleibe, wenn es eng wird. Ich plane "
            "sorgfältig, ich spreche früh mit allen Beteiligten und ich halte Zusagen ein. "
            "Kollegen schätzen, dass man sich auf mich verlassen kann, und ich lerne gern "
            "Neues dazu, auch außerhalb meines eigenen Fachgebiets."
        )
        q = question(library, "core/greatest-strengths")
        assert "no-example" not in flag_ids(answer_flags(answer, q))

    def test_only_stories_need_an_occasion(self, library: Library) -> None:
        q = question(library, "core/why-choose-you")
        assert "no-example" not in flag_ids(answer_flags(self.TRAITS, q))


class TestLength:
    def test_a_two_line_story_is_too_short(self, library: Library) -> None:
        q = question(library, "core/mistake-you-made")
        text = "I once sent a report late. I apologised and it was fine. Now I plan better."
        flags = answer_flags(text, q)
        assert "too-short" in flag_ids(flags)
        short = next(f for f in flags if f.id == "too-short")
        assert "what happened, what you did and how it ended" in short.advice

    def test_a_short_pay_answer_is_not_too_short(self, library: Library) -> None:
        """A pay answer may be a sentence or two: the limit is lower (TOO_SHORT)."""
        q = question(library, "core/salary-expectations")
        text = (
            "From what I've seen for senior analyst roles in Berlin, I'm looking at 70,000 to "
            "78,000, depending on the whole package. What range have you set for the role?"
        )
        assert "too-short" not in flag_ids(answer_flags(text, q))

    def test_one_sentence_with_a_range_and_its_basis_is_enough_for_pay(
        self, library: Library
    ) -> None:
        """A coach called "too short" wrong on a ten-word range with its basis."""
        q = question(library, "core/salary-expectations")
        text = "45 to 50 thousand, from what similar roles in Leeds pay."
        assert "too-short" not in flag_ids(answer_flags(text, q))
        assert "too-short" in flag_ids(answer_flags("Fifty thousand.", q))

    def test_a_long_answer_rambles_and_keeps_its_cut_advice(self, library: Library) -> None:
        """Past two and a quarter minutes the point is lost; concision still says what to cut."""
        q = question(library, "core/achievement-in-current-role")
        seconds = len(answers.LONG.split()) / 150 * 60
        assert seconds > TOO_LONG.get("story", 135)
        result = assess(answers.LONG, question=q, library=library)
        assert "rambling" in flag_ids(result.flags)
        assert result.total is not None
        assert result.total <= 2
        concision = next(c for c in result.criteria if c.criterion.id == "concision")
        assert concision.suggestion.startswith("Cut about ")

    @pytest.mark.parametrize(
        ("qid", "words", "rambles"),
        [
            ("core/what-frustrates-you", 345, True),
            ("core/what-frustrates-you", 330, False),
            ("core/explain-to-non-specialist", 345, False),
            ("core/explain-to-non-specialist", 380, True),
        ],
    )
    def test_an_explanation_may_run_longer(
        self, library: Library, qid: str, words: int, rambles: bool
    ) -> None:
        """Past 2 min 15 s (337 words) an answer rambles; an explanation has until 2 min 30 s."""
        text = " ".join(["We keep the list short and we check it daily."] * 40)
        answer = " ".join(text.split()[:words])
        assert ("rambling" in flag_ids(answer_flags(answer, question(library, qid)))) is rambles

    def test_a_slow_speaker_pace_moves_the_limits(self, library: Library) -> None:
        """The limits are speaking time: at 60 words a minute, 50 words take 50 seconds."""
        q = question(library, "core/mistake-you-made")
        text = " ".join(["word"] * 50)
        assert "too-short" in flag_ids(answer_flags(text, q))
        assert "too-short" not in flag_ids(answer_flags(text, q, words_per_minute=60))


class TestNumbersWithoutResult:
    def test_figures_without_a_result_lower_the_evidence(self, library: Library) -> None:
        q = question(library, "core/why-choose-you")
        result = assess(CV_ALOUD, question=q, library=library)
        assert "numbers-without-result" in flag_ids(result.flags)
        assert result.total is not None
        assert result.total <= 2
        backed = next(c for c in result.criteria if c.criterion.scorer == "evidence")
        assert backed.score is not None
        assert backed.score <= 2

    def test_a_story_with_results_is_not_flagged(self, library: Library) -> None:
        """The strong story has figures, and two of them are results."""
        q = question(library, "core/achievement-in-current-role")
        assert "numbers-without-result" not in flag_ids(answer_flags(answers.STRONG, q))

    #: A migration recited: volumes, dates and headcounts, and two "results" that are
    #: part of the list (a move from one system to another, a team that grew).
    RECITED = (
        "At my last firm I was one of 5 analysts in a team of 12, covering 3 entities in "
        "2 currencies. Each month I posted about 400 journals and reconciled 70 accounts. "
        "In April 2022 we moved from Sage 50 to Xero, a project of 8 months with 6 "
        "workshops, and I onboarded two of the 4 new joiners in 2023. In 2024 the team "
        "grew to 15. I wanted you to have the full picture of the volume I handle."
    )

    def test_a_recital_of_many_figures_is_flagged_despite_a_result_or_two(
        self, library: Library
    ) -> None:
        """Fourteen figures or more, with no more than three tied to a change, are a list
        of figures, not an outcome of the candidate's work."""
        q = question(library, "core/anything-to-add-from-round-one")
        assert "numbers-without-result" in flag_ids(answer_flags(self.RECITED, q))

    #: A deadline told hour by hour: every figure a time or a date, the outcome in words.
    TIMELINE = (
        "On the 22nd at 4 p.m. customs held our container of 40 pallets, with a noon "
        "cut-off on the 23rd. At 5 p.m. I rang the broker, at 6 I found the wrong code on "
        "2 lines, I rewrote the declaration by 9, I called the supplier in Shanghai at 3 "
        "a.m. for a new certificate and I sent it at 7. The container was released at "
        "11:40 and the hospitals had their stock that evening. Since then I check the "
        "codes myself before anything ships."
    )

    def test_a_story_told_whole_may_tell_its_timeline(self, library: Library) -> None:
        """Own steps to an ending: the times are the story, and the outcome is in words."""
        q = question(library, "core/delivered-under-pressure")
        assert "numbers-without-result" not in flag_ids(answer_flags(self.TIMELINE, q))

    def test_the_same_figures_without_the_ending_are_flagged(self, library: Library) -> None:
        q = question(library, "core/delivered-under-pressure")
        unended = self.TIMELINE.split(" The container")[0]
        assert "numbers-without-result" in flag_ids(answer_flags(unended, q))

    def test_only_accounts_of_the_record_are_checked(self, library: Library) -> None:
        """An estimate is all figures by nature; it is never flagged for them."""
        q = question(library, "core/estimation-curveball")
        assert "numbers-without-result" not in flag_ids(answer_flags(CV_ALOUD, q))


class TestRedFlags:
    def test_universal_red_flags_need_no_question(self) -> None:
        flags = answer_flags("Honestly my last manager was a joke and the team were useless.")
        assert flag_ids(flags) == ["attacks-employer"]
        assert flags[0].lowers == ("red-flags",)

    @pytest.mark.parametrize(
        ("answer", "flag"),
        [
            # Boasting of bypassing a control or taking clients is conduct, not initiative.
            (
                "To hit the date I skipped the legal review and signed it off myself.",
                "breaks-trust",
            ),
            (
                "Nobody would notice, so I went around the approval step and shipped it.",
                "breaks-trust",
            ),
            (
                "When I leave I plan to take my clients with me and set up a rival firm.",
                "breaks-trust",
            ),
            (
                "Before I left I exported all the candidates into my personal Google Sheet.",
                "breaks-trust",
            ),
            # Running down an employer, or passing the blame, in other words.
            (
                "The partners there are greedy and couldn't care less about the staff.",
                "attacks-employer",
            ),
            ("My manager is a dinosaur, frankly.", "attacks-employer"),
            (
                "The invoices sat for weeks and I was the one left explaining it to the client.",
                "blames-others",
            ),
            (
                "Honestly I'd say yes right now, whatever you're offering is fine.",
                "commits-too-soon",
            ),
            ("The salary is not so important for me, I will accept directly.", "commits-too-soon"),
            ("My manager would say I hold myself to too high a standard.", "humble-brag"),
            # Using someone else's access, signing what was never checked, keeping data.
            (
                "He was off sick, so I logged in with his admin account and pushed the fix.",
                "breaks-trust",
            ),
            ("The totals looked fine, so honestly I'd just sign it and move on.", "breaks-trust"),
            ("I kept a copy of the client list when I moved to the new firm.", "breaks-trust"),
            (
                "There's no time for the review, so I'd hotfix it directly in production.",
                "breaks-trust",
            ),
        ],
    )
    def test_a_universal_red_flag_is_raised_by_its_words(self, answer: str, flag: str) -> None:
        assert flag_ids(answer_flags(answer)) == [flag]

    @pytest.mark.parametrize(
        "answer",
        [
            # Keeping to the rules.
            "I never skipped the legal review, even under pressure.",
            "I asked before I changed the approval step, and we agreed a faster route.",
            # Plain words of hard times, or of payroll.
            "My dad had a stroke and my mum couldn't manage on her own, so I moved home.",
            "I wrote checklists for backdated maternity pay and leavers mid-month.",
            # Helping with access, and refusing to sign unchecked.
            "On the helpdesk I reset her password and showed her how to set up the app.",
            "I told him I wouldn't just sign it until I had checked the figures myself.",
        ],
    )
    def test_ordinary_words_raise_nothing(self, answer: str) -> None:
        assert answer_flags(answer) == ()

    def test_a_universal_flag_joins_the_questions_own(self, library: Library) -> None:
        """A question with its own humble-brag flag raises it once, by its own label, on
        the universal cues too."""
        q = question(library, "core/manager-would-name-growth-area")
        own = next(f for f in q.red_flags if f.id == "humble-brag")
        assert "set the bar too high" not in own.cues
        flags = answer_flags("She'd say I set the bar too high for myself, honestly.", q)
        raised = [f for f in flags if f.id == "humble-brag"]
        assert len(raised) == 1
        assert raised[0].label == own.label

    def test_a_question_flag_for_the_same_fault_takes_the_universal_one(
        self, library: Library
    ) -> None:
        """A fake mistake is the humble-brag of a mistake question: one flag, not two."""
        q = question(library, "core/mistake-you-made")
        flags = answer_flags("My biggest mistake is that I set the bar too high.", q)
        assert [f for f in flag_ids(flags) if f in ("fake-mistake", "humble-brag")] == [
            "fake-mistake"
        ]

    @pytest.mark.parametrize(
        ("qid", "answer", "advice"),
        [
            (
                "core/why-leaving-current-employer",
                "Honestly, my manager is useless and the whole place is a joke.",
                RED_FLAG_ADVICE["attacks-employer"],
            ),
            (
                "core/disagreed-with-your-manager",
                "My manager was clueless about the data, so I just did it my way.",
                "Leave out the verdicts on the people you work with, and keep to what the "
                "question asks.",
            ),
        ],
    )
    def test_an_attack_is_named_once(
        self, library: Library, qid: str, answer: str, advice: str
    ) -> None:
        """The core questions' own flags for an attack on an employer or a manager are
        the universal one: the feedback names the fault once, in the question's words,
        and says what to do instead: turn to what you want next where the question is
        about moving on, keep to the question elsewhere."""
        q = question(library, qid)
        own = next(f for f in q.red_flags if f.id == "attacks-employer")
        attacks = [f for f in answer_flags(answer, q) if f.id == "attacks-employer"]
        assert [f.label for f in attacks] == [own.label]
        assert attacks[0].advice.endswith(advice)

    @pytest.mark.parametrize(
        ("qid", "advice"),
        [
            ("core/weakness-you-are-working-on", "Name a real fault of yours"),
            ("core/present-your-take-home", "Leave out the flaw that is really a strength"),
        ],
    )
    def test_a_strength_as_a_flaw_is_advised_on_by_what_was_asked(
        self, library: Library, qid: str, advice: str
    ) -> None:
        """Where a flaw is asked for, the advice is to name a real one; where it was
        not (a walk-through of a take-home task), to drop the disguised boast."""
        q = question(library, qid)
        answer = "If anything, my one problem was caring too much about getting it perfect."
        brag = [f for f in answer_flags(answer, q) if f.id in ("humble-brag", "fake-mistake")]
        assert len(brag) == 1
        assert advice in brag[0].advice

    @pytest.mark.parametrize(
        ("qid", "advice"),
        [
            ("core/mistake-you-made", "Tell your own part in what went wrong"),
            ("core/achievement-in-current-role", "Keep to your own part, what you did"),
            ("core/why-leaving-current-employer", "Keep to your own part, what you did"),
        ],
    )
    def test_blame_is_advised_on_by_what_was_asked(
        self, library: Library, qid: str, advice: str
    ) -> None:
        """Where a mistake is asked for, the advice is to tell one's own part in what
        went wrong; where it was not (a proudest achievement), to keep to what one did:
        a coach found "what went wrong" beside the point on an achievement."""
        q = question(library, qid)
        answer = "It wasn't my fault, nobody told me the date had moved."
        blame = [f for f in answer_flags(answer, q) if f.id == "blames-others"]
        assert len(blame) == 1
        assert advice in blame[0].advice
        assert "leave the others' faults out" in blame[0].advice

    @pytest.mark.parametrize(
        ("qid", "advice"),
        [
            ("core/salary-expectations", "Name the range your research supports"),
            ("core/why-leaving-current-employer", RED_FLAG_ADVICE["commits-too-soon"]),
        ],
    )
    def test_a_yes_on_the_spot_is_advised_on_by_the_answer_type(
        self, library: Library, qid: str, advice: str
    ) -> None:
        """Asked what salary they expect, a candidate is told to name a researched
        range: "decide once you have the whole offer" alone was called no answer."""
        q = question(library, qid)
        answer = "Whatever you think is fair, I would accept the offer on the spot."
        [soon] = [f for f in answer_flags(answer, q) if f.id == "commits-too-soon"]
        assert advice in soon.advice

    POLITE_BLAME = (
        "The order went out under my name, so technically I was in the frame. However, the "
        "specification from the product team had the sizes the wrong way round, the supplier "
        "should have queried a change that obvious, and goods-in signed for it without a "
        "check. I was put in a difficult position by colleagues who didn't do their jobs."
    )

    def test_blame_in_calm_words_is_a_red_flag(self, library: Library) -> None:
        """Two statements of others failing, and not one of the candidate's own part."""
        q = question(library, "core/mistake-you-made")
        blame = [f for f in answer_flags(self.POLITE_BLAME, q) if f.id == "blames-others"]
        assert len(blame) == 1
        assert "the supplier should have" in blame[0].evidence
        assert "colleagues who didn't" in blame[0].evidence
        result = assess(self.POLITE_BLAME, question=q, library=library)
        assert result.total is not None
        assert result.total <= 2

    @pytest.mark.parametrize(
        "answer",
        [
            POLITE_BLAME + " Looking back, I should have checked the sample myself.",
            "The supplier should have queried it, but the order was mine to check.",
        ],
    )
    def test_own_part_or_one_mention_is_not_blame(self, library: Library, answer: str) -> None:
        """Naming what others missed is fair when the candidate owns a part, or once."""
        q = question(library, "core/mistake-you-made")
        assert "blames-others" not in flag_ids(answer_flags(answer, q))

    @pytest.mark.parametrize(
        ("answer", "heard"),
        [
            (
                "My part I delivered on time. But the pricing team sent their figures three "
                "days late, and the legal department took a long time over the terms.",
                ["the pricing team sent their figures three days late", "took a long time"],
            ),
            (
                "The operations team never set up the monitoring, and the front-end team "
                "kept changing the contracts without telling us.",
                ["the front-end team kept changing"],
            ),
            (
                "The agency's segments were out of date, and the writer they gave us was "
                "quite junior, so the bid read badly.",
                ["The agency's segments were out of date", "was quite junior"],
            ),
        ],
    )
    def test_blame_is_heard_in_its_everyday_shapes(
        self, library: Library, answer: str, heard: list[str]
    ) -> None:
        """Others late, slow, too junior, out of date, changing things unannounced: two
        such statements and no word of the candidate's own part are blame ("my part"
        as the candidate's share of the work is not owning a fault)."""
        q = question(library, "core/delivered-under-pressure")
        blame = [f for f in answer_flags(answer, q) if f.id == "blames-others"]
        assert len(blame) == 1
        for words in heard:
            assert words in blame[0].evidence

    @pytest.mark.parametrize(
        ("answer", "flag", "heard"),
        [
            (
                "Our regional director was out of touch with the branches, and most of her "
                "deputies were yes-men who only cared about their bonuses.",
                "attacks-employer",
                ["out of touch", "yes-men", "only cared about their"],
            ),
            (
                "He's a pleasant man, but not someone you could trust with a deadline, and "
                "he never listens to the people on the floor.",
                "attacks-employer",
                ["not someone you could trust", "never listens"],
            ),
            (
                "She's not a good manager, honestly: she has her favourites, and the others "
                "on the team aren't acting in good faith either.",
                "attacks-employer",
                ["not a good manager", "has her favourites", "aren't acting in good faith"],
            ),
            (
                # A negation in the sentence before denies nothing in this one.
                "Twenty minutes a visit is not realistic. Communication was also quite poor, "
                "and the new directors had very little understanding of community work.",
                "attacks-employer",
                ["communication was also quite poor", "very little understanding of"],
            ),
            (
                "Honestly the process let us down: the missing case, that was on the product "
                "side. I gave them every chance to add it.",
                "blames-others",
                ["the process let us down", "on the product side", "gave them every chance"],
            ),
            (
                "The rollout was not a problem I created. The previous lead left no "
                "documentation, and the change never got the backing it needed.",
                "blames-others",
                ["not a problem i created", "left no documentation", "never got the backing"],
            ),
            (
                "The layout was not really my decision. I did my part correctly, and when it "
                "failed the others let the programme down.",
                "blames-others",
                [
                    "not really my decision",
                    "did my part correctly",
                    "others let the programme down",
                ],
            ),
            (
                "The late delivery had nothing to do with my team; the real cause was "
                "outside our control, and the board minutes show where responsibility lies.",
                "blames-others",
                ["nothing to do with my team", "outside our control", "where responsibility lies"],
            ),
            (
                "The backlog was never really on us. There's only so much one person can "
                "do, and the rating didn't reflect the quality of my work.",
                "blames-others",
                ["never really on us", "only so much one person can do", "didn't reflect"],
            ),
            (
                "The store manager is more of a caretaker than a leader, he treats any "
                "suggestions as criticism, and there is a culture of blame on the floor.",
                "attacks-employer",
                [
                    "more of a caretaker than a leader",
                    "suggestions as criticism",
                    "culture of blame",
                ],
            ),
            (
                # "I told you so", said calmly.
                "I flagged the risk by email. In the end the call was hers to make; as I "
                "had predicted, the kitchen ran out by nine, which could have been avoided "
                "if my recommendation had been followed.",
                "blames-others",
                [
                    "call was hers",
                    "as i had predicted",
                    "if my recommendation had been followed",
                ],
            ),
            (
                "My supervisor has little grasp of the rota rules, and half the seniors "
                "would struggle in a more demanding ward. I've learned a lot about what not "
                "to do.",
                "attacks-employer",
                ["little grasp of", "would struggle in a more", "what not to do"],
            ),
        ],
    )
    def test_verdicts_on_people_in_calm_words_are_a_red_flag(
        self, library: Library, answer: str, flag: str, heard: list[str]
    ) -> None:
        """Two verdicts on other people's character or motives ("out of touch",
        "yes-men", "never listens"), or disowning the outcome ("not really mine", "I did
        my part correctly"), raise the flag with no insult word among its cues."""
        q = question(library, "core/adapted-to-change")
        raised = [f for f in answer_flags(answer, q) if f.id == flag]
        assert len(raised) == 1
        for words in heard:
            assert words in raised[0].evidence.lower()

    @pytest.mark.parametrize(
        "answer",
        [
            # One verdict, then the candidate's own constructive steps.
            "He could be condescending in meetings, so I asked him for a coffee and we "
            "agreed how we would run the design reviews from then on.",
            # Verdicts on oneself.
            "Looking back I was arrogant, I didn't listen, and I was out of touch with what "
            "the night shift needed.",
            # Verdicts denied.
            "She was never lazy and never arrogant; she was simply overloaded.",
            # A limit owned, once, then the candidate's own steps.
            "The supplier's strike was outside my control, so I rang every customer myself "
            "and we rebooked the deliveries for the Monday.",
        ],
    )
    def test_one_verdict_or_one_on_oneself_is_not_a_red_flag(
        self, library: Library, answer: str
    ) -> None:
        q = question(library, "core/adapted-to-change")
        ids = flag_ids(answer_flags(answer, q))
        assert "attacks-employer" not in ids
        assert "blames-others" not in ids

    def test_teammates_who_vanished_or_did_not_pull_their_weight_are_blamed(
        self, library: Library
    ) -> None:
        q = question(library, "core/project-you-learned-most-from")
        answer = (
            "It taught me a lot about group work. One guy basically disappeared for three "
            "weeks, and we would have got a first if the others had pulled their weight."
        )
        blame = [f for f in answer_flags(answer, q) if f.id == "blames-others"]
        assert len(blame) == 1
        assert "One guy basically disappeared" in blame[0].evidence

    @pytest.mark.parametrize(
        "answer",
        [
            "Residents said they had never been asked, and in the end most people weren't "
            "against the reroute, so we kept the stop.",
            "The team leaned on me a little too much. The supplier didn't send the parts and "
            "the contractor never came.",
        ],
    )
    def test_what_others_suffered_or_thought_is_not_their_failing(
        self, library: Library, answer: str
    ) -> None:
        """ "They had never been asked" is done to them, "people weren't against it" is a
        finding; and "the team leaned on me" is no own part, so the second answer blames."""
        q = question(library, "core/project-you-learned-most-from")
        flagged = "blames-others" in flag_ids(answer_flags(answer, q))
        assert flagged is answer.startswith("The team leaned")

    def test_that_was_on_me_is_an_own_part(self, library: Library) -> None:
        q = question(library, "core/project-you-learned-most-from")
        answer = (
            "The supplier didn't send the parts and the contractor never came. But the plan was "
            "mine, and that was on me."
        )
        assert "blames-others" not in flag_ids(answer_flags(answer, q))

    @pytest.mark.parametrize(
        "answer",
        [
            "First I'd go through the commits and find out who broke it.",
            "QA signed it off, so it's not really on me.",
            "If it isn't our code, it's not our problem; we'd deal with it after.",
            "I'd make sure the delay is in writing, so we don't get blamed for it.",
            "It taught me that you can't rely on other people.",
        ],
    )
    def test_deflection_is_blame_even_in_a_plan(self, library: Library, answer: str) -> None:
        """Looking for whom to blame, or saying it is not one's problem, is blame in a
        hypothetical too (the rule for blame in calm words leaves those alone)."""
        q = question(library, "core/failure-before-release")
        assert "blames-others" in flag_ids(answer_flags(answer, q))

    def test_others_late_with_own_part_told_is_not_blame(self, library: Library) -> None:
        q = question(library, "core/delivered-under-pressure")
        answer = (
            "The pricing team sent their figures three days late and legal took a long "
            "time. That was partly on me: I should have asked for the figures a week earlier."
        )
        assert "blames-others" not in flag_ids(answer_flags(answer, q))

    def test_a_diagnosis_is_not_blame(self, library: Library) -> None:
        """ "The real problem was" names a cause: both labelled answers that say it are good."""
        q = question(library, "core/shaped-direction-beyond-your-team")
        answer = (
            "Guests complained about late check-in, but the real problem was between "
            "housekeeping and the reservation system, so I proposed a priority list."
        )
        assert "blames-others" not in flag_ids(answer_flags(answer, q))

    def test_a_hypothetical_may_describe_someone_failing(self, library: Library) -> None:
        """A teammate who doesn't deliver is what the question is about."""
        q = question(library, "core/teammate-not-delivering")
        answer = (
            "If he didn't deliver twice, I'd ask him why before anything else. Maybe they "
            "never agreed the scope. I'd offer help and agree a date with him."
        )
        assert "blames-others" not in flag_ids(answer_flags(answer, q))

    @pytest.mark.parametrize(
        ("qid", "answer", "flag"),
        [
            (
                "core/most-useful-feedback",
                "He told me I am too much perfectionist and my reports were already very good.",
                "humble-brag",
            ),
            (
                "core/manager-would-name-growth-area",
                "She would say I keep caring too much about the campaign, which beat its target.",
                "humble-brag",
            ),
            ("core/mistake-you-made", "My mistake was being a bit too committed.", "fake-mistake"),
            (
                "core/most-useful-feedback",
                "My director told me I take on too much because I care about the outcome.",
                "humble-brag",
            ),
            (
                "core/weakness-you-are-working-on",
                "Honestly I'm a perfectionist, and my own standards are maybe too high.",
                "humble-brag",
            ),
            (
                "core/package-priorities",
                "If you offered me this today I'd just say yes on the spot, I trust it.",
                "commits-too-soon",
            ),
            (
                "core/salary-expectations",
                "I expect 34,000 euros, and if you offer this I will accept immediately.",
                "commits-too-soon",
            ),
            (
                "core/budget-below-your-range",
                "That is fine, I wouldn't even negotiate, I want to start.",
                "commits-too-soon",
            ),
            (
                "core/package-priorities",
                "If the offer were at the low end I'd be glad to accept it right away.",
                "commits-too-soon",
            ),
            (
                "core/salary-expectations",
                "I'm not looking to negotiate; whatever you think is fair works for me.",
                "commits-too-soon",
            ),
            (
                "core/budget-below-your-range",
                "Please don't feel you need to stretch the budget, I'm ready to say yes.",
                "commits-too-soon",
            ),
            (
                "core/package-priorities",
                "Moving here was not easy. I'd accept on the spot if you offered it today.",
                "commits-too-soon",
            ),
            (
                "core/salary-expectations",
                "I thought 45,000, but if this is too much I can accept 40,000. I can sign today.",
                "commits-too-soon",
            ),
            (
                "core/tell-us-about-the-gap",
                "I know I was away three years, so I will accept what you think is fair.",
                "commits-too-soon",
            ),
            (
                "core/budget-below-your-range",
                "If you're happy to make me an offer, I'm happy to accept it.",
                "commits-too-soon",
            ),
            (
                "core/would-you-accept-offer",
                "We can make it work. You can take this as my commitment now.",
                "commits-too-soon",
            ),
            (
                "core/failure-before-release",
                "I'd keep it quiet, find the cause myself and patch it before anyone asks.",
                "breaks-trust",
            ),
        ],
    )
    def test_a_flag_in_the_shapes_people_say_it(
        self, library: Library, qid: str, answer: str, flag: str
    ) -> None:
        """A virtue offered as a flaw, a yes on the spot, a failure kept quiet, in any wording."""
        q = question(library, qid)
        assert flag in flag_ids(answer_flags(answer, q))

    @pytest.mark.parametrize(
        ("qid", "answer"),
        [
            (
                "core/weakness-you-are-working-on",
                "I can be too direct in meetings, so I now ask a question before I disagree.",
            ),
            ("core/weakness-you-are-working-on", "I am not too committed to my first plan."),
            (
                "core/package-priorities",
                "I would never accept on the spot: I'd want to see the whole offer in writing.",
            ),
            (
                "core/salary-expectations",
                "I'd rather not negotiate against myself, so could you share the band first?",
            ),
            (
                "core/would-you-accept-offer",
                "I'd be happy to accept an offer once I've seen the whole package in writing.",
            ),
            ("core/growth-path-here", "I'm happy to accept feedback from anyone on the team."),
            (
                "core/salary-expectations",
                "Before I name a figure, I'd like to hear what you think is fair for the role.",
            ),
            (
                "core/achievement-in-current-role",
                "I pitched the redesign and the client said I would sign it right now, so I did.",
            ),
            (
                "core/delivered-under-pressure",
                "The reviewer was too thorough for the deadline, so I split the report in two.",
            ),
        ],
    )
    def test_real_flaws_denials_and_stories_raise_neither(
        self, library: Library, qid: str, answer: str
    ) -> None:
        """A fault that is real in excess, a negation, a story's past yes, someone else's care."""
        q = question(library, qid)
        raised = set(flag_ids(answer_flags(answer, q)))
        assert raised.isdisjoint({"humble-brag", "fake-mistake", "commits-too-soon"})

    @pytest.mark.parametrize(
        "answer",
        [
            "The leadership there is, I would say, fairly out of their depth.",
            "Our manager is too weak to do anything, so the rest of us carry them.",
            "Two colleagues are just there for the salary and do the bare minimum.",
        ],
    )
    def test_a_put_down_in_calm_words_is_an_attack(self, library: Library, answer: str) -> None:
        """Contempt said politely is still an attack on an employer or colleagues."""
        q = question(library, "core/why-leaving-current-employer")
        assert "attacks-employer" in flag_ids(answer_flags(answer, q))

    def test_a_perfectionist_is_a_disguise_only_where_a_flaw_is_asked(
        self, library: Library
    ) -> None:
        """Asked for a weakness, "I'm a perfectionist" is a humble-brag; asked how one
        checks one's work, it is a claim, and "name a real fault" would be wrong advice."""
        answer = "I'm a perfectionist, so I check everything carefully before I send it."
        weakness = question(library, "core/weakness-you-are-working-on")
        quality = question(library, "core/how-you-ensure-quality")
        assert "humble-brag" in flag_ids(answer_flags(answer, weakness))
        assert "humble-brag" not in flag_ids(answer_flags(answer, quality))

    def test_high_standards_told_as_the_weakness_are_a_humble_brag(self, library: Library) -> None:
        """A candidate who revisits a weakness in round two tells a flaw, whatever the
        question: "I hold myself to a really high standard" is then a disguise."""
        answer = (
            "When you asked about my biggest weakness last time I said impatience, but "
            "honestly the truer answer is that I hold myself to a really high standard. "
            "I rebuilt a client deck overnight and we won the account."
        )
        round_one = question(library, "core/anything-to-add-from-round-one")
        assert "humble-brag" in flag_ids(answer_flags(answer, round_one))

    @pytest.mark.parametrize(
        ("qid", "answer", "heard"),
        [
            (
                "core/anything-to-add-from-round-one",
                "Last time I called my weakness impatience; really, I hold myself to a "
                "higher standard than the job needs, and the finance director singled the "
                "report out at the board.",
                "higher standard",
            ),
            (
                "core/technical-decision-to-revisit",
                "I'd go back to the warehouse scanner choice: I should have trusted my own "
                "judgement from the start instead of agreeing to the cheaper model.",
                "trusted my own judgement",
            ),
        ],
    )
    def test_being_right_all_along_told_as_the_flaw_is_a_humble_brag(
        self, library: Library, qid: str, answer: str, heard: str
    ) -> None:
        """A weakness revisited as high standards, or a decision to revisit that proved
        the candidate right ("should have trusted my own judgement"), is a success story
        dressed as a flaw."""
        flags = answer_flags(answer, question(library, qid))
        brag = [f for f in flags if f.id in ("humble-brag", "fake-mistake")]
        assert brag
        assert heard in brag[0].evidence.lower()

    @pytest.mark.parametrize(
        ("answer", "raised"),
        [
            (
                "A podcast about old cases, I forget what it's called, two comedians host "
                "it. It was funny.",
                True,
            ),
            (
                "Being Mortal, by Atul Gawande. The bit that stuck is that we ask old people "
                "about safety and never about what a good day looks like for them.",
                False,
            ),
        ],
    )
    def test_not_knowing_what_it_was_is_a_red_flag_of_the_book_question(
        self, library: Library, answer: str, raised: bool
    ) -> None:
        q = question(library, "core/book-that-stayed-with-you")
        assert ("cannot-name-it" in flag_ids(answer_flags(answer, q))) is raised

    def test_a_real_technical_regret_is_no_disguise(self, library: Library) -> None:
        answer = (
            "I picked a spreadsheet for the stock counts because it was quick. As we grew "
            "to three sites it broke weekly; today I'd choose a small database from day one, "
            "and I'd trust the numbers from the scanners, not my own judgement, on reorders."
        )
        q = question(library, "core/technical-decision-to-revisit")
        ids = flag_ids(answer_flags(answer, q))
        assert "humble-brag" not in ids
        assert "fake-mistake" not in ids
        # Trusting one's judgement is the fault here, not a disguise.
        owned = "I trusted my own judgement without checking the data, and that was the mistake."
        ids = flag_ids(answer_flags(owned, q))
        assert "humble-brag" not in ids
        assert "fake-mistake" not in ids

    def test_high_standards_as_a_strength_are_no_disguise(self, library: Library) -> None:
        answer = (
            "I hold myself to a high standard: I check every dispatch note against the "
            "order before a lorry leaves, and we had no wrong deliveries last quarter."
        )
        strengths = question(library, "core/greatest-strengths")
        assert "humble-brag" not in flag_ids(answer_flags(answer, strengths))

    @pytest.mark.parametrize(
        ("answer", "heard"),
        [
            (
                "I take too much on myself. I covered the closing shifts for three weeks, "
                "the store beat the Christmas target and I got the supervisor award.",
                "beat the Christmas target",
            ),
            (
                "I find it hard to let things go. I rewrote the copy over the weekend, we "
                "shipped four days late, and the CEO called it out at the all-hands.",
                "called it out",
            ),
            (
                "I review everything myself. The programme landed early and the sponsor "
                "called it the smoothest delivery they had seen.",
                "called it the smoothest",
            ),
        ],
    )
    def test_a_flaw_that_ends_in_praise_is_a_humble_brag(
        self, library: Library, answer: str, heard: str
    ) -> None:
        """Asked for a weakness, a story that ends in a prize or praise for the candidate
        makes a success of the flaw."""
        weakness = question(library, "core/weakness-you-are-working-on")
        brag = [f for f in answer_flags(answer, weakness) if f.id == "humble-brag"]
        assert [f.evidence for f in brag] == [heard]

    @pytest.mark.parametrize(
        ("qid", "answer"),
        [
            (
                "core/weakness-you-are-working-on",
                "I put off hard conversations. Since I started booking them within a day, "
                "my team's rework has gone down and nobody waits on me.",
            ),
            (
                "core/achievement-in-current-role",
                "I rebuilt the rota with the team, the store beat its target, and I got "
                "the area award for it.",
            ),
        ],
    )
    def test_praise_is_no_disguise_outside_a_flaw_or_without_praise(
        self, library: Library, qid: str, answer: str
    ) -> None:
        """A weakness worked on shows its own improvement; an achievement may end in a prize."""
        assert "humble-brag" not in flag_ids(answer_flags(answer, question(library, qid)))

    def test_without_a_question_only_red_flags_are_looked_for(self) -> None:
        """Length and coverage need to know what was asked."""
        assert answer_flags("Yes.") == ()

    def test_a_red_flag_caps_a_rubric_without_a_red_flags_criterion(self, library: Library) -> None:
        """The closing rubric has no red-flags criterion; an attack still holds the total."""
        q = question(library, "core/why-choose-you")
        attack = answers.STRONG + " Frankly, my current manager is clueless."
        result = assess(attack, question=q, library=library)
        assert "red-flags" not in {c.criterion.scorer for c in result.criteria}
        assert "attacks-employer" in flag_ids(result.flags)
        assert result.total is not None
        assert result.total <= 2


class TestWhoDecides:
    def test_a_judge_on_every_criterion_is_not_overruled(self, library: Library) -> None:
        """Flags are reported, but a judge that scored everything keeps its total."""

        def judge(answer: str, context: JudgeContext) -> Mapping[str, Score]:
            return {c.id: Score(value=1.0) for c in context.criteria}

        q = question(library, "core/disagreement-with-colleague")
        result = assess(CUSTOMER_STORY, question=q, library=library, judges={"*": judge})
        assert "off-question" in flag_ids(result.flags)
        assert result.total == 4

    def test_a_replaced_scorer_is_not_lowered(self, library: Library) -> None:
        """A scorer given in place of the built-in keeps its own score."""

        def generous(answer: str, context: ScoringContext) -> Score:
            return Score(value=1.0)

        q = question(library, "core/disagreement-with-colleague")
        result = assess(
            CUSTOMER_STORY, question=q, library=library, scorers={"relevance": generous}
        )
        relevance = next(c for c in result.criteria if c.criterion.id == "relevance")
        assert relevance.score == 4
        assert result.total is not None
        assert result.total <= 2


#: A well-told story of a conduct fault: the shape and figures are fine, the act is not.
ADMIN_SHORTCUT = (
    "Last spring our stock system kept double-counting returns, which wasn't my area at "
    "all. The IT lead was on holiday, so I used his password to get into the admin screen "
    "and changed the rule myself that evening. I didn't raise a ticket because it would "
    "have taken a week. Since then the returns count has been right every day."
)


class TestFocus:
    """The feedback a coach would give first: the red flag, not polish for the rest."""

    def test_a_conduct_red_flag_silences_the_polish(self, library: Library) -> None:
        q = question(library, "core/achievement-in-current-role")
        result = assess(ADMIN_SHORTCUT, question=q, library=library)
        assert "breaks-trust" in flag_ids(result.flags)
        by_scorer = {c.criterion.scorer: c for c in result.criteria}
        assert by_scorer["evidence"].score is not None
        assert by_scorer["evidence"].score < 4
        assert by_scorer["evidence"].suggestion == ""
        assert by_scorer["star-structure"].suggestion == ""
        assert any("bends the rules" in s for s in result.suggestions)

    def test_a_strength_dressed_as_a_flaw_is_not_asked_for_more_steps(
        self, library: Library
    ) -> None:
        """
        Its fault is the disguise: the flag asks for a real fault, and "say which steps
        were yours" would only polish the success story.
        """
        q = question(library, "core/mistake-you-made")
        brag = (
            "Honestly, my biggest mistake is that I care too much and work too hard. On my "
            "last project I stayed late every night to make sure everything was perfect."
        )
        result = assess(brag, question=q, library=library)
        assert "fake-mistake" in flag_ids(result.flags)  # the question's id for the fault
        by_scorer = {c.criterion.scorer: c for c in result.criteria}
        assert by_scorer["ownership"].score is not None
        assert by_scorer["ownership"].score < 4
        assert by_scorer["ownership"].suggestion == ""
        assert any("Name a real fault of yours" in s for s in result.suggestions)

    def test_points_are_asked_to_come_through_only_beside_a_flag(self, library: Library) -> None:
        """
        With no serious problem, points the cues did not hear were mostly said in other
        words (coaches called the advice wrong more often than right): the score stays
        below the top, without advice. A too-short answer is still told them.
        """
        q = question(library, "core/budget-below-your-range")
        clean = (
            "Yes, I would still be interested, because the work itself is what drew me "
            "here and the team sounded like people I could learn from. Before I decided "
            "anything, I would want to look at the whole package with you, how it is put "
            "together and what it includes, and see whether it works for both of us."
        )
        short = "Still interested, once we see the whole package."
        for answer, advised in ((clean, False), (short, True)):
            result = assess(answer, question=q, library=library)
            points = next(c for c in result.criteria if c.scorer == "talking-points")
            assert points.score == 3
            assert bool(result.flags) is advised
            assert points.suggestion.startswith("Make sure these come through") is advised

    @pytest.mark.parametrize(
        ("answer", "hollow", "quoted"),
        [
            ("We leveraged it, then leveraged it again, and leveraged it.", False, ""),
            ("We leveraged synergies across the region.", True, "synergies, leveraged"),
            ("I'm a team player and a fast learner.", True, "team player, fast learner"),
            (
                "I want to become the best version of myself and I always give 100 percent.",
                True,
                "100 percent, best version of myself",
            ),
        ],
    )
    def test_buzzwords_are_counted_once_each_and_quoted_as_said(
        self, library: Library, answer: str, hollow: bool, quoted: str
    ) -> None:
        """The forms of one word ("leverage", "leveraged") are one buzzword; two raise it."""
        q = question(library, "core/achievement-in-current-role")
        flags = [f for f in answer_flags(answer, q) if f.id == "buzzwords"]
        assert bool(flags) is hollow
        if hollow:
            assert flags[0].evidence == quoted

    def test_buzzwords_keep_the_advice_to_tell_a_real_occasion(self, library: Library) -> None:
        q = question(library, "core/achievement-in-current-role")
        hollow = (
            "I'm a results-driven team player and a self-starter, passionate about "
            "innovative, data-driven work."
        )
        result = assess(hollow, question=q, library=library)
        assert "buzzwords" in flag_ids(result.flags)
        said = [s for s in result.suggestions if "Replace the claims with one real occasion" in s]
        assert said == [
            "Red flag: claims without substance. Replace the claims with one real occasion: "
            "what you did, and what changed because of it."
        ]

    @pytest.mark.parametrize(
        ("qid", "advice"),
        [
            ("core/first-three-months", "what you would actually do, step by step, and why"),
            ("core/what-could-this-team-do-better", "what you actually think or do"),
            ("core/how-colleagues-describe-you", "one moment that shows it"),
            ("core/how-you-ensure-quality", "what you actually do, and one time it made"),
            ("core/career-goals-short-and-long-term", "one concrete goal or reason"),
            ("core/growth-path-here", "one thing you have already done that backs it up"),
        ],
    )
    def test_buzzwords_in_a_plan_a_view_or_a_practice_ask_for_its_substance(
        self, library: Library, qid: str, advice: str
    ) -> None:
        """
        A plan or a goal is not asked for a past occasion: coaches called that advice
        wrong.
        """
        hollow = (
            "I'm a results-driven team player and a self-starter, passionate about "
            "innovative, data-driven work and leveraging synergies."
        )
        flags = answer_flags(hollow, question(library, qid))
        [buzz] = [f for f in flags if f.id == "buzzwords"]
        assert advice in buzz.advice
        assert "real occasion" not in buzz.advice

    def test_say_more_gives_way_to_advice_on_what_to_add(self, library: Library) -> None:
        """A short answer with a content gap is told what to add, not only to say more."""
        q = question(library, "core/achievement-in-current-role")
        short = (
            "Last year our returns kept going missing between the dock and the shelves, and "
            "the night shift was getting the blame for it. I asked to look into it, I walked "
            "the route with two of the pickers, and I rebuilt the returns checklist so that "
            "every box is scanned at the dock. I tested it with the night shift for a few "
            "weeks, and the team still uses it today."
        )
        result = assess(short, question=q, library=library)
        concision = next(c for c in result.criteria if c.criterion.scorer == "speaking-time")
        assert concision.score is not None
        assert concision.score < 4
        assert result.suggestions
        assert concision.suggestion == ""

    def test_say_more_says_what_to_add(self, library: Library) -> None:
        rubric = library.rubrics["core/star-answer"]
        criterion = next(c for c in rubric.criteria if c.scorer == "speaking-time")
        q = question(library, "core/achievement-in-current-role")
        score = speaking_time(
            "I rebuilt the checklist and it worked.",
            ScoringContext(criterion=criterion, rubric=rubric, question=q),
        )
        assert score.suggestion.startswith(
            "Say more: give what happened, what you did and how it ended;"
        )


class TestFeedback:
    def test_text_names_the_flags(self, library: Library) -> None:
        q = question(library, "core/disagreement-with-colleague")
        text = render_text(assess(CUSTOMER_STORY, question=q, library=library))
        assert "Red flags" in text
        assert "misses what the question asks" in text


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=400), st.floats(min_value=40, max_value=300))
def test_flags_never_crash_and_always_explain(text: str, pace: float) -> None:
    """Any text at any pace: a tuple of flags, each with a label and advice, the same twice."""
    q = Question(
        id="q",
        text="Tell me about a time you disagreed with a colleague.",
        asked_by="interviewer",
        kind="behavioral",
        intent="can-do",
        answer_type="story",
        talking_points=[
            Signal(id="a", label="the disagreement", cues=("disagreed",)),
            Signal(id="b", label="their side", cues=("their side",)),
            Signal(id="c", label="the outcome", cues=("in the end",)),
        ],
    )
    flags = answer_flags(text, q, words_per_minute=pace)
    assert flags == answer_flags(text, q, words_per_minute=pace)
    for flag in flags:
        assert flag.label
        assert flag.advice
        assert flag.lowers


@pytest.mark.parametrize("qid", ["core/mistake-you-made", "core/why-leaving-current-employer"])
def test_an_empty_answer_has_no_flags_in_its_assessment(library: Library, qid: str) -> None:
    """An empty answer gets a message, not flags."""
    result = assess("  ", question=library.questions[qid], library=library)
    assert result.flags == ()
    assert result.total is None
