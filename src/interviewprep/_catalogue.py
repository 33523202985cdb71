"""
The library's own words in every language it speaks: one catalogue of phrases.

Every heading, label and phrase the renderers and the command line print is a phrase
here, found by a stable key (``"plan.rehearse"``), and every value of the vocabulary
has a label (``"audience.hiring-manager"``). Values are :meth:`str.format` templates
with named placeholders (``"{count} days"``).

English and German ship (:data:`ENGLISH`, :data:`GERMAN`). A pack can ship the phrases
of its own language; :func:`catalogue` puts them in front of the built-in table of that
language, and the language chain (``"de-CH"``, ``"de"``, ``"en"``) decides across
languages, phrase by phrase, the way content is chosen item by item.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import re
import string
from collections.abc import Iterable, Mapping
from types import MappingProxyType

import attrs

from ._languages import BASE_LANGUAGE, language_chain
from ._suggest import close_matches
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
from .exceptions import excerpt

__all__ = [
    "BUILT_IN",
    "ENGLISH",
    "GERMAN",
    "LABEL_PREFIXES",
    "Catalogue",
    "catalogue",
    "check_phrases",
    "placeholders",
]

#: The key prefix of each vocabulary enum's labels: ``Audience.PEER`` is labelled by
#: ``"audience.peer"``. The prefixes are the names of the fields that hold the values.
LABEL_PREFIXES: Mapping[type[enum.StrEnum], str] = MappingProxyType(
    {
        Stage: "stage",
        Topic: "topic",
        Audience: "audience",
        Format: "format",
        AskedBy: "asked_by",
        QuestionKind: "kind",
        Intent: "intent",
        AnswerType: "answer_type",
        Seniority: "seniority",
        Theme: "theme",
        Situation: "situation",
    }
)

#: The English catalogue, the reference for every other: its keys are all the keys
#: there are, and its placeholders are the ones each template may use.
ENGLISH: Mapping[str, str] = MappingProxyType(
    {
        # A label before a text, in a heading ("Prep plan: ...") or a line ("evidence: ...").
        "labelled": "{label}: {text}",
        "document.several": "{first} and {count} more",
        "document.empty": "Nothing to show",
        # Tips.
        "tip.topic": "topic: {topic}",
        "tip.stages": "stages: {stages}",
        "tip.audiences": "audiences: {audiences}",
        # Questions.
        "question.kind_side": "{kind}, {side}",
        "question.checks": "{text}; checks: {intent}",
        "question.asked_of_you": "asked of you",
        "question.for_you_to_ask": "for you to ask",
        "question.pitfalls": "Pitfalls:",
        "question.follow_ups": "Likely follow-ups:",
        # Checklist items and their offsets from the interview's start.
        "item.optional": "(optional)",
        "item.due": "{text} — {when}",
        "offset.at_start": "at the start",
        "offset.after": "{amount} after the start",
        "offset.before": "{amount} before",
        "offset.moments": "moments",
        "unit.day.one": "{count} day",
        "unit.day.other": "{count} days",
        "unit.hour.one": "{count} hour",
        "unit.hour.other": "{count} hours",
        "unit.minute.one": "{count} minute",
        "unit.minute.other": "{count} minutes",
        # Rubrics.
        "rubric.weight": "{name} (weight {weight})",
        "rubric.score": "Score",
        "rubric.level": "Level",
        "rubric.anchor": "What it sounds like",
        # Packs.
        "pack.meta": "{name} {version} · {language}",
        "pack.tips": "Tips",
        "pack.questions_asked": "Questions you may be asked",
        "pack.questions_to_ask": "Questions to ask",
        "pack.checklists": "Checklists",
        "pack.rubrics": "Rubrics",
        "pack.unsectioned": "More",
        # Featured items and credits (where content comes from, under which licence).
        "item.featured": "★ featured",
        "credits.title": "Credits",
        "credits.pack": "Pack",
        "credits.authors": "Authors",
        "credits.license": "Licence",
        "credits.no_license": "not stated",
        "credits.source": "Source",
        "credits.revision": "(revision {revision})",
        "credits.homepage": "Homepage",
        "credits.attribution": "Attribution",
        # Prep plans.
        "plan.title": "Prep plan",
        "plan.subject": "{role} at {company}",
        "plan.meta": "{when} · {format} · plan made {today}",
        "plan.person": "{name} ({audience})",
        "plan.person_titled": "{name}, {title} ({audience})",
        "plan.before": "Before the interview",
        "plan.during": "During the interview",
        "plan.after": "After the interview",
        "plan.offer": "When the offer comes",
        "plan.task": "{when} — {text}",
        "plan.overdue": "overdue",
        "plan.rehearse": "Questions to rehearse (and who will likely ask)",
        "plan.to_ask": "Questions to ask",
        "plan.tips": "Tips",
        "plan.kind": "({kind})",
        "plan.topic": "({topic})",
        "plan.priorities": "What matters most",
        "plan.free_time": "Planned in your free time: {availability}",
        "plan.effort": "{minutes}\u00a0min",
        "plan.if_time": "if time allows",
        "plan.likely_from": "{name}",
        "days.weekdays": "weekdays",
        "days.weekends": "weekends",
        "days.daily": "every day",
        "days.any_time": "any time, 09:00\u201318:00",
        "priority.rework": "Rework your answer to “{question}”",
        "priority.introduce": "Prepare a two-minute introduction for {names}",
        "priority.consistent": "Stay consistent on “{question}”",
        "priority.prepare": "Prepare a specific example for “{question}”",
        "reason.promise": "Promised in round one: do it first.",
        "reason.went_badly": "Went badly in round one.",
        "reason.new_interviewers": "They have not met you yet.",
        "reason.consistent": "Interviewers compare notes.",
        "reason.posting": "The job posting asks for {terms}.",
        "reason.asker": "Likely from {name} ({audience}).",
        "reason.tip_audience": "For your {audiences} interviewers.",
        "reason.common": "A common second-round question.",
        "reason.ask": "Suits {name} ({audience}).",
        "reason.ask_known": "Suits {name} ({audience}); follows up on {terms}.",
        "reason.tip_specific": "Written for interviews like this one.",
        "reason.tip_role": "Written for this kind of role.",
        "reason.tip_general": "Holds for any second interview.",
        "reason.tip_round_one": "Helps with an answer that went badly in round one.",
        "reason.tip_region": "Holds where the job is.",
        "reason.checklist": "From “{title}”.",
        "reason.backed_by_tip": "Essential here: the plan chose a tip that explains it.",
        "reason.groundwork": "Comes first: it prepares an answer that went badly in round one.",
        "reason.consistent_said": "In round one you said: “{answer}”",
        "reason.time_off": "The interview falls in your working hours.",
        "reason.already_known": "Optional: your interview file already gives this.",
        "task.time_off": "Book time off work for {day}, {start}\u2013{end}, or arrange cover",
        "task.time_off_travel": (
            "Book time off work for {day}, {start}\u2013{end} and your journey, or arrange cover"
        ),
        "task.time_off_at_least": (
            "Book time off work for {day}, {start}\u2013{end} at least, or arrange cover; "
            "extend it once the schedule is confirmed"
        ),
        "task.time_off_travel_at_least": (
            "Book time off work for {day}, {start}\u2013{end} at least and your journey, or "
            "arrange cover; extend it once the schedule is confirmed"
        ),
        "task.promise": "{promise}, after checking it holds nothing confidential",
        "task.walk_through_promised": "Be ready to walk through what you sent after round one.",
        "reason.promise_sent": "Promised in round one: they may ask you about it.",
        "task.practise_skills": (
            "Practise the skills the posting names ({skills}) in the session's format, "
            "reasoning aloud."
        ),
        "plan.optional_left_out": "Plus {count} optional steps, left out of this short plan.",
        "reason.squeezed": (
            "Did not fit into your free time before the interview: do it if you can."
        ),
        # Assessments.
        "assessment.title": "Assessment",
        "assessment.question": "Question: {text}",
        "assessment.total": "Total: {total}",
        "assessment.scale": "on a scale of {min}-{max}",
        "assessment.needs_human": "needs a human rating",
        "assessment.criterion": "Criterion",
        "assessment.score": "Score",
        "assessment.evidence": "Evidence",
        "assessment.change": "What to change",
        "assessment.evidence_label": "evidence",
        "assessment.change_label": "to improve",
        "assessment.covered": "Covered",
        "assessment.missing": "Not covered yet",
        "assessment.red_flags": "Red flags",
        "assessment.coverage": "{share} of the rubric's weight scored automatically",
        "assessment.no_total": (
            "No total: only {share} of the rubric's weight could be scored automatically."
        ),
        "assessment.empty": "The answer is empty: there is nothing to assess.",
        "assessment.problems": "Problems",
        # Calibration: the scorers measured against answers graded by hand.
        "calibration.title": "Calibration",
        "calibration.graded": "graded by hand: {count}",
        "calibration.scored": "with an automatic total: {count}",
        "calibration.unscored": "without one (too little could be scored): {ids}",
        "calibration.answers": "Answers",
        "calibration.all": "all",
        "calibration.n": "n",
        "calibration.spearman": "Spearman",
        "calibration.kappa": "Kappa",
        "calibration.pairwise": "Pairwise",
        "calibration.pairs": "Pairs",
        "calibration.error": "MAE",
        "calibration.by_criterion": "By criterion",
        "calibration.worst": "Largest disagreements",
        "calibration.answer": "Answer",
        "calibration.question": "Question",
        "calibration.own_text": "asked in its own words",
        "calibration.human": "By hand",
        "calibration.human_label": "by hand",
        "calibration.machine": "Automatic",
        "calibration.machine_label": "automatic",
        "calibration.reason": "Why, by hand",
        "calibration.reason_label": "why",
        "calibration.suggestions": "Suggestions",
        "calibration.suggestions_label": "suggestions",
        "calibration.traps": "Traps graded above 2",
        "calibration.trap": "Trap",
        "calibration.trap_label": "trap",
        # Dates and times: names of days and months come from here, never from the
        # process's locale.
        "date": "{weekday} {day:02d} {month} {year}",
        "datetime": "{weekday} {day:02d} {month} {year}, {hour:02d}:{minute:02d}",
        "datetime.zoned": "{when} {zone}",
        "datetime.short": "{weekday} {day:02d} {month} {hour:02d}:{minute:02d}",
        "weekday.0": "Mon",
        "weekday.1": "Tue",
        "weekday.2": "Wed",
        "weekday.3": "Thu",
        "weekday.4": "Fri",
        "weekday.5": "Sat",
        "weekday.6": "Sun",
        "month.1": "Jan",
        "month.2": "Feb",
        "month.3": "Mar",
        "month.4": "Apr",
        "month.5": "May",
        "month.6": "Jun",
        "month.7": "Jul",
        "month.8": "Aug",
        "month.9": "Sep",
        "month.10": "Oct",
        "month.11": "Nov",
        "month.12": "Dec",
        # iCalendar.
        "ics.summary": "Second interview: {role} at {company}",
        "ics.with": "With {people}",
        "ics.for": "For {name}",
        "ics.from": "From {source}",
        "ics.reminder": "Your second interview at {company} starts in one hour",
        # The command line: the packs listing.
        "cli.column.pack": "PACK",
        "cli.column.version": "VERSION",
        "cli.column.language": "LANG",
        "cli.column.tips": "TIPS",
        "cli.column.questions": "QUESTIONS",
        "cli.column.checklists": "CHECKLISTS",
        "cli.column.rubrics": "RUBRICS",
        "cli.column.translations": "TRANSL",
        "label.prefix": "{label}: ",
        "meta.separator": "; ",
        "cli.column.from": "FROM",
        "cli.column.license": "LICENCE",
        "cli.packs.source": "source: {source}",
        "cli.packs.license": "licence: {license}",
        "cli.packs.attribution": "attribution: {attribution}",
        "cli.packs.from": "from {origin}",
        "cli.packs.pack": "{name} {version} ({language})",
        "cli.packs.tips.one": "{count} tip",
        "cli.packs.tips.other": "{count} tips",
        "cli.packs.questions.one": "{count} question",
        "cli.packs.questions.other": "{count} questions",
        "cli.packs.checklists.one": "{count} checklist",
        "cli.packs.checklists.other": "{count} checklists",
        "cli.packs.rubrics.one": "{count} rubric",
        "cli.packs.rubrics.other": "{count} rubrics",
        "cli.packs.translations.one": "{count} translation",
        "cli.packs.translations.other": "{count} translations",
        "cli.packs.none": "(no packs loaded)",
        "cli.problems.one": "{count} problem:",
        "cli.problems.other": "{count} problems:",
        "cli.warnings.one": "{count} warning:",
        "cli.warnings.other": "{count} warnings:",
        # The command line: the other commands.
        "cli.valid.one": "{count} pack valid",
        "cli.valid.other": "{count} packs valid",
        "cli.nothing": "(nothing matches)",
        "cli.built.one": "{name} {version}: {count} item written to {output}",
        "cli.built.other": "{name} {version}: {count} items written to {output}",
        "cli.migrated.one": (
            "{name}: format 2 written to {output} ({files} files, {count} translation)"
        ),
        "cli.migrated.other": (
            "{name}: format 2 written to {output} ({files} files, {count} translations)"
        ),
        "cli.created": "Created {folder}",
        "cli.next": (
            "Next: replace each text starting with TODO in {pack} ('interviewprep validate "
            "{folder}' lists them), then: pip install {target} && interviewprep packs"
        ),
        "cli.interrupted": "interrupted",
        "cli.plan.optional_left_out": (
            "Plus {count} optional steps, left out here: add --all to print them."
        ),
        # The command line: practice.
        "practice.seed": "seed {seed} (repeat with --seed {seed})",
        "practice.intro.one": "Mock interview for {role} at {company}: {count} question.",
        "practice.intro.other": "Mock interview for {role} at {company}: {count} questions.",
        "practice.how": (
            "Type your answer over as many lines as you like; an empty line finishes it. "
            "Press Enter on an empty first line to skip a question. Ctrl-D ends the session "
            "and Ctrl-C stops it; either way you get the summary of your answers so far."
        ),
        "practice.asks": "{name} asks",
        "practice.question": "Question",
        "practice.skipped": "(skipped)",
        "practice.ended": "(session ended after question {number} of {total})",
        "practice.not_assessed": "(not assessed: {reason})",
        "practice.summary": "SUMMARY",
        "practice.answered": "answered {answered} of {total}; average {average}",
        "practice.no_average": "n/a",
        "practice.strengths": "strengths: {strengths}",
        "practice.rehearse": "rehearse: {item}",
        # Labels of the vocabulary's values.
        "stage.before": "before",
        "stage.during": "during",
        "stage.after": "after",
        "stage.offer": "offer",
        "topic.research": "research",
        "topic.self-review": "self-review",
        "topic.stories": "stories",
        "topic.fit": "fit",
        "topic.technical": "technical",
        "topic.motivation": "motivation",
        "topic.questions-to-ask": "questions to ask",
        "topic.salary": "salary",
        "topic.logistics": "logistics",
        "topic.follow-up": "follow-up",
        "audience.recruiter": "recruiter",
        "audience.hiring-manager": "hiring manager",
        "audience.panel": "panel",
        "audience.peer": "peer",
        "audience.senior-technical": "senior technical",
        "audience.executive": "executive",
        "audience.line-manager": "line manager",
        "format.in-person": "in person",
        "format.video": "video",
        "format.phone": "phone",
        "format.panel": "panel",
        "asked_by.interviewer": "interviewer",
        "asked_by.candidate": "candidate",
        "kind.behavioral": "behavioural",
        "kind.motivational": "motivational",
        "kind.situational": "situational",
        "kind.technical-depth": "technical depth",
        "kind.culture-fit": "culture fit",
        "kind.reflection": "reflection",
        "kind.salary": "salary",
        "kind.career-goals": "career goals",
        "intent.can-do": "can do",
        "intent.will-do": "will do",
        "intent.fit": "fit",
        "answer_type.story": "story",
        "answer_type.hypothetical": "hypothetical",
        "answer_type.motivation": "motivation",
        "answer_type.opinion": "opinion",
        "answer_type.estimation": "estimation",
        "answer_type.salary": "salary",
        "answer_type.closing": "closing",
        "answer_type.knowledge": "knowledge",
        "seniority.entry": "entry level",
        "seniority.mid": "mid level",
        "seniority.senior": "senior",
        "seniority.lead": "lead",
        "seniority.executive": "executive",
        "theme.role": "the role",
        "theme.team": "the team",
        "theme.team-matching": "team matching",
        "theme.management": "management",
        "theme.culture": "culture",
        "theme.growth": "growth and learning",
        "theme.performance": "performance and feedback",
        "theme.business": "the business",
        "theme.strategy": "strategy",
        "theme.remote-work": "remote work",
        "theme.office": "the office",
        "theme.pay": "pay",
        "theme.benefits": "benefits",
        "theme.process": "the hiring process",
        "theme.offer": "the offer",
        "theme.wellbeing": "wellbeing",
        "theme.inclusion": "inclusion",
        "situation.graduate": "graduate",
        "situation.career-changer": "career changer",
        "situation.internal": "internal candidate",
        "situation.returner": "returner",
        "situation.adjustments": "adjustments",
    }
)

#: The German catalogue: formal address ("Sie"), gender-neutral where German allows,
#: dates in German order ("Do., 3. Dez. 2026, 10:00").
GERMAN: Mapping[str, str] = MappingProxyType(
    {
        "labelled": "{label}: {text}",
        "document.several": "{first} und {count} weitere",
        "document.empty": "Nichts anzuzeigen",
        "tip.topic": "Thema: {topic}",
        "tip.stages": "Phasen: {stages}",
        "tip.audiences": "Gesprächspartner: {audiences}",
        "question.kind_side": "{kind}, {side}",
        "question.checks": "{text}; prüft: {intent}",
        "question.asked_of_you": "wird Ihnen gestellt",
        "question.for_you_to_ask": "stellen Sie",
        "question.pitfalls": "Stolperfallen:",
        "question.follow_ups": "Wahrscheinliche Nachfragen:",
        "item.optional": "(optional)",
        "item.due": "{text} \u2013 {when}",
        "offset.at_start": "zu Beginn",
        "offset.after": "{amount} nach Beginn",
        "offset.before": "{amount} vorher",
        "offset.moments": "wenige Augenblicke",
        "unit.day.one": "{count} Tag",
        "unit.day.other": "{count} Tage",
        "unit.hour.one": "{count} Stunde",
        "unit.hour.other": "{count} Stunden",
        "unit.minute.one": "{count} Minute",
        "unit.minute.other": "{count} Minuten",
        "rubric.weight": "{name} (Gewichtung {weight})",
        "rubric.score": "Punkte",
        "rubric.level": "Stufe",
        "rubric.anchor": "So klingt eine solche Antwort",
        "pack.meta": "{name} {version} · {language}",
        "pack.tips": "Tipps",
        "pack.questions_asked": "Fragen, die man Ihnen stellen könnte",
        "pack.questions_to_ask": "Fragen, die Sie stellen können",
        "pack.checklists": "Checklisten",
        "pack.rubrics": "Bewertungsraster",
        "pack.unsectioned": "Weiteres",
        # Hervorgehobene Einträge und Nachweise.
        "item.featured": "★ empfohlen",
        "credits.title": "Nachweise",
        "credits.pack": "Paket",
        "credits.authors": "Autorinnen und Autoren",
        "credits.license": "Lizenz",
        "credits.no_license": "nicht angegeben",
        "credits.source": "Quelle",
        "credits.revision": "(Stand {revision})",
        "credits.homepage": "Website",
        "credits.attribution": "Namensnennung",
        "plan.title": "Vorbereitungsplan",
        "plan.subject": "{role} bei {company}",
        "plan.meta": "{when} · {format} · Plan erstellt am {today}",
        "plan.person": "{name} ({audience})",
        "plan.person_titled": "{name}, {title} ({audience})",
        "plan.before": "Vor dem Gespräch",
        "plan.during": "Während des Gesprächs",
        "plan.after": "Nach dem Gespräch",
        "plan.offer": "Wenn das Angebot kommt",
        "plan.task": "{when} \u2013 {text}",
        "plan.overdue": "überfällig",
        "plan.rehearse": "Fragen zum Üben (und wer sie vermutlich stellt)",
        "plan.to_ask": "Ihre Fragen an die Gesprächspartner",
        "plan.tips": "Tipps",
        "plan.kind": "({kind})",
        "plan.topic": "({topic})",
        "plan.priorities": "Das Wichtigste",
        "plan.free_time": "Geplant in Ihrer freien Zeit: {availability}",
        "plan.effort": "{minutes}\u00a0Min.",
        "plan.if_time": "wenn die Zeit reicht",
        "plan.likely_from": "{name}",
        "days.weekdays": "werktags",
        "days.weekends": "am Wochenende",
        "days.daily": "täglich",
        "days.any_time": "jederzeit, 09:00\u201318:00",
        "priority.rework": "Überarbeiten Sie Ihre Antwort auf „{question}“",
        "priority.introduce": "Bereiten Sie eine zweiminütige Vorstellung für {names} vor",
        "priority.consistent": (
            "Bleiben Sie bei „{question}“ bei Ihrer Antwort aus der ersten Runde"
        ),
        "priority.prepare": "Bereiten Sie ein konkretes Beispiel für „{question}“ vor",
        "reason.promise": "In der ersten Runde zugesagt: zuerst erledigen.",
        "reason.went_badly": "Lief in der ersten Runde nicht gut.",
        "reason.new_interviewers": "Diese Personen kennen Sie noch nicht.",
        "reason.consistent": "Die Gesprächspartner vergleichen ihre Notizen.",
        "reason.posting": "Die Stellenanzeige verlangt {terms}.",
        "reason.asker": "Vermutlich von {name} ({audience}).",
        "reason.tip_audience": "Für Ihre Gesprächspartner: {audiences}.",
        "reason.common": "Eine häufige Frage in zweiten Gesprächen.",
        "reason.ask": "Passt zu {name} ({audience}).",
        "reason.ask_known": "Passt zu {name} ({audience}); knüpft an {terms} an.",
        "reason.tip_specific": "Für Gespräche wie dieses geschrieben.",
        "reason.tip_role": "Für diese Art von Stelle geschrieben.",
        "reason.tip_general": "Gilt für jedes zweite Gespräch.",
        "reason.tip_round_one": "Hilft bei einer Antwort, die in der ersten Runde nicht gut lief.",
        "reason.tip_region": "Gilt dort, wo die Stelle ist.",
        "reason.checklist": "Aus „{title}“.",
        "reason.backed_by_tip": "Hier wichtig: Der Plan hat einen Tipp dazu ausgewählt.",
        "reason.groundwork": (
            "Kommt zuerst: Es bereitet eine Antwort vor, die in der ersten Runde nicht gut lief."
        ),
        "reason.consistent_said": "Damals sagten Sie: „{answer}“",
        "reason.time_off": "Das Gespräch fällt in Ihre Arbeitszeit.",
        "reason.already_known": "Optional: Ihre Gesprächsdatei enthält das schon.",
        "task.time_off": (
            "Nehmen Sie sich am {day} von {start} bis {end} Uhr frei oder organisieren Sie "
            "eine Vertretung"
        ),
        "task.time_off_travel": (
            "Nehmen Sie sich am {day} von {start} bis {end} Uhr und für die Anreise frei oder "
            "organisieren Sie eine Vertretung"
        ),
        "task.time_off_at_least": (
            "Nehmen Sie sich am {day} mindestens von {start} bis {end} Uhr frei oder "
            "organisieren Sie eine Vertretung; verlängern Sie, sobald der Ablauf bestätigt ist"
        ),
        "task.time_off_travel_at_least": (
            "Nehmen Sie sich am {day} mindestens von {start} bis {end} Uhr und für die Anreise "
            "frei oder organisieren Sie eine Vertretung; verlängern Sie, sobald der Ablauf "
            "bestätigt ist"
        ),
        "task.promise": "{promise} \u2013 prüfen Sie vorher, dass nichts Vertrauliches darin steht",
        "task.walk_through_promised": (
            "Seien Sie bereit, das nach der ersten Runde Verschickte kurz zu erläutern."
        ),
        "reason.promise_sent": "In der ersten Runde zugesagt: Man fragt Sie vielleicht danach.",
        "task.practise_skills": (
            "Üben Sie die in der Stellenanzeige genannten Fähigkeiten ({skills}) im Format des "
            "Gesprächs und denken Sie dabei laut."
        ),
        "plan.optional_left_out": (
            "Dazu {count} optionale Schritte, in diesem kurzen Plan ausgelassen."
        ),
        "reason.squeezed": (
            "Passte nicht mehr in Ihre freie Zeit vor dem Gespräch: Erledigen Sie es, "
            "wenn Sie können."
        ),
        "assessment.title": "Einschätzung",
        "assessment.question": "Frage: {text}",
        "assessment.total": "Gesamt: {total}",
        "assessment.scale": "auf einer Skala von {min} bis {max}",
        "assessment.needs_human": "braucht die Einschätzung eines Menschen",
        "assessment.criterion": "Kriterium",
        "assessment.score": "Punkte",
        "assessment.evidence": "Belege",
        "assessment.change": "Was Sie ändern können",
        "assessment.evidence_label": "Belege",
        "assessment.change_label": "besser machen",
        "assessment.covered": "Angesprochen",
        "assessment.missing": "Noch nicht angesprochen",
        "assessment.red_flags": "Warnsignale",
        "assessment.coverage": "{share} des Gewichts automatisch bewertet",
        "assessment.no_total": (
            "Kein Gesamtwert: nur {share} des Gewichts ließen sich automatisch bewerten."
        ),
        "assessment.empty": "Die Antwort ist leer: Es gibt nichts zu bewerten.",
        "assessment.problems": "Probleme",
        "calibration.title": "Kalibrierung",
        "calibration.graded": "von Hand bewertet: {count}",
        "calibration.scored": "mit automatischer Gesamtwertung: {count}",
        "calibration.unscored": "ohne (zu wenig bewertbar): {ids}",
        "calibration.answers": "Antworten",
        "calibration.all": "alle",
        "calibration.n": "Anzahl",
        "calibration.spearman": "Rangkorr.",
        "calibration.kappa": "gew. Kappa",
        "calibration.pairwise": "paarweise",
        "calibration.pairs": "Paare",
        "calibration.error": "mittl. Fehler",
        "calibration.by_criterion": "Nach Kriterium",
        "calibration.worst": "Größte Abweichungen",
        "calibration.answer": "Antwort",
        "calibration.question": "Frage",
        "calibration.own_text": "mit eigenem Wortlaut gestellt",
        "calibration.human": "Von Hand",
        "calibration.human_label": "von Hand",
        "calibration.machine": "Automatisch",
        "calibration.machine_label": "automatisch",
        "calibration.reason": "Begründung",
        "calibration.reason_label": "Begründung",
        "calibration.suggestions": "Vorschläge",
        "calibration.suggestions_label": "Vorschläge",
        "calibration.traps": "Fallen, automatisch über 2 bewertet",
        "calibration.trap": "Falle",
        "calibration.trap_label": "Falle",
        "date": "{weekday}, {day}. {month} {year}",
        "datetime": "{weekday}, {day}. {month} {year}, {hour:02d}:{minute:02d}",
        "datetime.zoned": "{when} {zone}",
        "datetime.short": "{weekday}, {day}. {month}, {hour:02d}:{minute:02d}",
        "weekday.0": "Mo.",
        "weekday.1": "Di.",
        "weekday.2": "Mi.",
        "weekday.3": "Do.",
        "weekday.4": "Fr.",
        "weekday.5": "Sa.",
        "weekday.6": "So.",
        "month.1": "Jan.",
        "month.2": "Feb.",
        "month.3": "März",
        "month.4": "Apr.",
        "month.5": "Mai",
        "month.6": "Juni",
        "month.7": "Juli",
        "month.8": "Aug.",
        "month.9": "Sept.",
        "month.10": "Okt.",
        "month.11": "Nov.",
        "month.12": "Dez.",
        "ics.summary": "Zweites Vorstellungsgespräch: {role} bei {company}",
        "ics.with": "Mit {people}",
        "ics.for": "Für {name}",
        "ics.from": "Quelle: {source}",
        "ics.reminder": "Ihr zweites Vorstellungsgespräch bei {company} beginnt in einer Stunde",
        "cli.column.pack": "PAKET",
        "cli.column.version": "VERSION",
        "cli.column.language": "SPRACHE",
        "cli.column.tips": "TIPPS",
        "cli.column.questions": "FRAGEN",
        "cli.column.checklists": "CHECKLISTEN",
        "cli.column.rubrics": "RASTER",
        "cli.column.translations": "ÜBERS.",
        "label.prefix": "{label}: ",
        "meta.separator": "; ",
        "cli.column.from": "QUELLE",
        "cli.column.license": "LIZENZ",
        "cli.packs.source": "Inhalte aus: {source}",
        "cli.packs.license": "Lizenz: {license}",
        "cli.packs.attribution": "Namensnennung: {attribution}",
        "cli.packs.from": "aus {origin}",
        "cli.packs.pack": "{name} {version} ({language})",
        "cli.packs.tips.one": "{count} Tipp",
        "cli.packs.tips.other": "{count} Tipps",
        "cli.packs.questions.one": "{count} Frage",
        "cli.packs.questions.other": "{count} Fragen",
        "cli.packs.checklists.one": "{count} Checkliste",
        "cli.packs.checklists.other": "{count} Checklisten",
        "cli.packs.rubrics.one": "{count} Bewertungsraster",
        "cli.packs.rubrics.other": "{count} Bewertungsraster",
        "cli.packs.translations.one": "{count} Übersetzung",
        "cli.packs.translations.other": "{count} Übersetzungen",
        "cli.packs.none": "(keine Pakete geladen)",
        "cli.problems.one": "{count} Problem:",
        "cli.problems.other": "{count} Probleme:",
        "cli.warnings.one": "{count} Hinweis:",
        "cli.warnings.other": "{count} Hinweise:",
        "cli.valid.one": "{count} Paket gültig",
        "cli.valid.other": "{count} Pakete gültig",
        "cli.nothing": "(keine Treffer)",
        "cli.built.one": "{name} {version}: {count} Eintrag nach {output} geschrieben",
        "cli.built.other": "{name} {version}: {count} Einträge nach {output} geschrieben",
        "cli.migrated.one": (
            "{name}: Format 2 nach {output} geschrieben ({files} Dateien, {count} Übersetzung)"
        ),
        "cli.migrated.other": (
            "{name}: Format 2 nach {output} geschrieben ({files} Dateien, {count} Übersetzungen)"
        ),
        "cli.created": "{folder} angelegt",
        "cli.next": (
            "Als Nächstes: ersetzen Sie jeden Text, der mit TODO beginnt, in {pack} "
            "('interviewprep validate {folder}' listet sie auf), dann: pip install {target} && "
            "interviewprep packs"
        ),
        "cli.interrupted": "abgebrochen",
        "cli.plan.optional_left_out": (
            "Dazu {count} optionale Schritte, hier ausgelassen: --all zeigt sie."
        ),
        "practice.seed": "Startwert {seed} (wiederholen mit --seed {seed})",
        "practice.intro.one": "Probeinterview für {role} bei {company}: {count} Frage.",
        "practice.intro.other": "Probeinterview für {role} bei {company}: {count} Fragen.",
        "practice.how": (
            "Schreiben Sie Ihre Antwort über so viele Zeilen, wie Sie möchten; eine leere "
            "Zeile schließt sie ab. Drücken Sie in der ersten Zeile gleich die Eingabetaste, "
            "um eine Frage zu überspringen. Strg-D beendet die Sitzung und Strg-C bricht sie "
            "ab; in beiden Fällen erhalten Sie eine Zusammenfassung Ihrer bisherigen Antworten."
        ),
        "practice.asks": "{name} fragt",
        "practice.question": "Frage",
        "practice.skipped": "(übersprungen)",
        "practice.ended": "(Sitzung nach Frage {number} von {total} beendet)",
        "practice.not_assessed": "(nicht bewertet: {reason})",
        "practice.summary": "ZUSAMMENFASSUNG",
        "practice.answered": "{answered} von {total} beantwortet; Durchschnitt {average}",
        "practice.no_average": "k. A.",
        "practice.strengths": "Stärken: {strengths}",
        "practice.rehearse": "Noch üben: {item}",
        "stage.before": "vor dem Gespräch",
        "stage.during": "im Gespräch",
        "stage.after": "nach dem Gespräch",
        "stage.offer": "beim Angebot",
        "topic.research": "Recherche",
        "topic.self-review": "Selbstreflexion",
        "topic.stories": "Praxisbeispiele",
        "topic.fit": "Passung",
        "topic.technical": "Fachliches",
        "topic.motivation": "Motivation",
        "topic.questions-to-ask": "eigene Fragen",
        "topic.salary": "Gehalt",
        "topic.logistics": "Organisatorisches",
        "topic.follow-up": "Nachfassen",
        "audience.recruiter": "Personalabteilung",
        "audience.hiring-manager": "einstellende Führungskraft",
        "audience.panel": "Gremium",
        "audience.peer": "künftiges Teammitglied",
        "audience.senior-technical": "erfahrene Fachkraft",
        "audience.executive": "Geschäftsleitung",
        "audience.line-manager": "direkte Führungskraft",
        "format.in-person": "vor Ort",
        "format.video": "Videogespräch",
        "format.phone": "Telefongespräch",
        "format.panel": "Gespräch mit einem Gremium",
        "asked_by.interviewer": "Ihr Gegenüber",
        "asked_by.candidate": "Sie",
        "kind.behavioral": "verhaltensbezogen",
        "kind.motivational": "Motivation",
        "kind.situational": "situativ",
        "kind.technical-depth": "fachliche Tiefe",
        "kind.culture-fit": "Unternehmenskultur",
        "kind.reflection": "Selbstreflexion",
        "kind.salary": "Gehalt",
        "kind.career-goals": "berufliche Ziele",
        "intent.can-do": "Können",
        "intent.will-do": "Wollen",
        "intent.fit": "Passung",
        "answer_type.story": "Beispiel aus der Praxis",
        "answer_type.hypothetical": "hypothetische Situation",
        "answer_type.motivation": "Motivation",
        "answer_type.opinion": "Meinung",
        "answer_type.estimation": "Schätzung",
        "answer_type.salary": "Gehalt",
        "answer_type.closing": "Abschluss",
        "answer_type.knowledge": "Fachwissen",
        "seniority.entry": "Berufseinstieg",
        "seniority.mid": "mit Berufserfahrung",
        "seniority.senior": "erfahrene Fachkraft",
        "seniority.lead": "Teamleitung",
        "seniority.executive": "Geschäftsleitung",
        "theme.role": "die Stelle",
        "theme.team": "das Team",
        "theme.team-matching": "Teamzuordnung",
        "theme.management": "Führung",
        "theme.culture": "Unternehmenskultur",
        "theme.growth": "Entwicklung und Lernen",
        "theme.performance": "Leistung und Feedback",
        "theme.business": "das Geschäft",
        "theme.strategy": "Strategie",
        "theme.remote-work": "mobiles Arbeiten",
        "theme.office": "das Büro",
        "theme.pay": "Vergütung",
        "theme.benefits": "Zusatzleistungen",
        "theme.process": "das Auswahlverfahren",
        "theme.offer": "das Angebot",
        "theme.wellbeing": "Wohlbefinden",
        "theme.inclusion": "Vielfalt und Inklusion",
        "situation.graduate": "Einstieg nach dem Studium",
        "situation.career-changer": "Quereinstieg",
        "situation.internal": "interne Bewerbung",
        "situation.returner": "Wiedereinstieg",
        "situation.adjustments": "angemessene Vorkehrungen",
    }
)

#: The catalogues that ship with the library, by language tag.
BUILT_IN: Mapping[str, Mapping[str, str]] = MappingProxyType({BASE_LANGUAGE: ENGLISH, "de": GERMAN})

# A format spec a phrase may give a placeholder: the standard mini-language with
# widths and precisions of at most two digits, so that no phrase can ask for a
# string of a billion spaces.
_SPEC = re.compile(
    r"(?:.?[<>=^])?[-+ ]?z?#?0?\d{0,2}[,_]?(?:\.\d{1,2})?[bcdeEfFgGnosxX%]?", re.DOTALL
)
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*", re.ASCII)


def placeholders(template: str) -> frozenset[str]:
    """
    The names of the placeholders of *template* (``"{count} days"`` gives ``{"count"}``).

    Args:
        template: A :meth:`str.format` template.

    Returns:
        The field names as written (``"0"`` for ``{0}``, ``""`` for ``{}``).

    Raises:
        ValueError: If *template* is not a valid template (a lone ``{``).
    """
    return frozenset(
        name for _, name, _, _ in string.Formatter().parse(template) if name is not None
    )


def _template_problem(key: str, template: str) -> str | None:
    """What is wrong with *template* as the phrase *key*, or ``None``."""
    try:
        fields = list(string.Formatter().parse(template))
    except ValueError as exc:
        return f"not a valid template ({exc}); write a literal brace as {{{{ or }}}}"
    names: set[str] = set()
    for _, name, spec, conversion in fields:
        if name is None:
            continue
        if not _NAME.fullmatch(name):
            return f"the placeholder {{{name}}} is not a plain name such as {{count}}"
        if conversion is not None:
            return f"the placeholder {{{name}!{conversion}}} has a conversion; write {{{name}}}"
        if spec and ("{" in spec or not _SPEC.fullmatch(spec)):
            return (
                f"the format {spec!r} of {{{name}}} is not allowed: use a simple one such as "
                "'02d' (widths of at most two digits)"
            )
        names.add(name)
    wanted = placeholders(ENGLISH[key])
    if names != wanted:
        return f"the placeholders are {_names(names)}, but the English phrase has {_names(wanted)}"
    return None


def _names(names: Iterable[str]) -> str:
    found = sorted(names)
    return ", ".join(f"{{{name}}}" for name in found) if found else "none"


def check_phrases(phrases: Mapping[str, object]) -> list[tuple[str, str]]:
    """
    Every problem of a table of phrases a pack ships, for its author to act on.

    A phrase is a problem when its key is not a key of the English catalogue (the
    message suggests the nearest key), when its value is not a non-empty string, or
    when its template is not valid or names other placeholders than the English
    template (the message names both sets). :func:`catalogue` leaves such phrases
    out, so a bad phrase never breaks rendering.

    Args:
        phrases: Keys and templates, as read from a pack's ``[phrases]`` table.

    Returns:
        ``(key, message)`` for every problem, in the table's order; empty when the
        table is good. Never raises.
    """
    if not isinstance(phrases, Mapping):
        return [("", f"phrases must be a table of key = 'text' pairs, not {excerpt(phrases)}")]
    problems: list[tuple[str, str]] = []
    for key, value in phrases.items():
        if not isinstance(key, str):
            problems.append((excerpt(key), "a phrase key must be a string"))
            continue
        if key not in ENGLISH:
            close = close_matches(key, list(ENGLISH))
            hint = f"did you mean {close[0]!r}?" if close else "see the English catalogue"
            problems.append((key, f"{key!r} is not a phrase key ({hint})"))
            continue
        if not isinstance(value, str) or not value.strip():
            problems.append((key, f"a phrase must be non-empty text, not {excerpt(value)}"))
            continue
        message = _template_problem(key, value)
        if message is not None:
            problems.append((key, message))
    return problems


def _usable(phrases: Mapping[str, object]) -> dict[str, str]:
    """The phrases of *phrases* that :func:`check_phrases` finds nothing wrong with."""
    if not isinstance(phrases, Mapping):
        return {}
    bad = {key for key, _ in check_phrases(phrases)}
    return {
        key: value
        for key, value in phrases.items()
        if isinstance(key, str) and isinstance(value, str) and key not in bad and key in ENGLISH
    }


def _extra(
    pairs: Iterable[tuple[str, Mapping[str, object]]],
) -> tuple[tuple[str, Mapping[str, str]], ...]:
    checked: list[tuple[str, Mapping[str, str]]] = []
    for tag, phrases in pairs:
        language_chain([tag])  # raises for anything that is not a language tag
        checked.append((tag, MappingProxyType(_usable(phrases))))
    return tuple(checked)


def _merge(self: Catalogue) -> Mapping[str, tuple[str, ...]]:
    """Every key's templates, best first: each language of the chain, packs before built-in."""
    merged: dict[str, list[str]] = {key: [] for key in ENGLISH}
    for link in self.languages:
        tables = [phrases for tag, phrases in reversed(self.extra) if _same(tag, link)]
        tables += [phrases for tag, phrases in BUILT_IN.items() if _same(tag, link)]
        for table in tables:
            for key, template in table.items():
                if template not in merged[key]:
                    merged[key].append(template)
    for key, template in ENGLISH.items():  # English is the last resort of every chain
        if template not in merged[key]:
            merged[key].append(template)
    return MappingProxyType({key: tuple(templates) for key, templates in merged.items()})


def _same(tag: str, link: str) -> bool:
    """Whether a table tagged *tag* is the table for the chain's language *link*."""
    return tag.casefold() == link.casefold()


def _speaks(self: Catalogue) -> str:
    """The first language of the chain that has a table; the base language otherwise."""
    tags = [*(tag for tag, phrases in self.extra if phrases), *BUILT_IN]
    for link in self.languages:
        if any(_same(tag, link) for tag in tags):
            return link
    return BASE_LANGUAGE


@attrs.frozen
class Catalogue:
    """
    The library's own words in a chain of languages: headings, labels, dates.

    Make one with :func:`catalogue` and pass it to a renderer
    (``render_text(plan, catalogue=catalogue("de"))``). A phrase comes from the first
    language of the chain that has it, a pack's table before the built-in one of the
    same language, and English last, so a catalogue always has every phrase.

    Attributes:
        languages: The chain it was made for, most wanted first, ending with
            ``"en"`` (``("de-CH", "de", "en")``).
        extra: The phrases packs ship, as ``(language tag, phrases)`` pairs in pack
            order; a later pair wins over an earlier one of the same language.
            Phrases :func:`check_phrases` finds a problem with are left out.
        language: The language the catalogue speaks: the first of the chain that
            has a table (``"de"`` for ``"de-CH"``), for a page's ``lang``.
    """

    languages: tuple[str, ...] = attrs.field(default=(BASE_LANGUAGE,), converter=language_chain)
    extra: tuple[tuple[str, Mapping[str, str]], ...] = attrs.field(
        default=(), converter=_extra, repr=False, hash=False
    )
    language: str = attrs.field(init=False, default=attrs.Factory(_speaks, takes_self=True))
    _templates: Mapping[str, tuple[str, ...]] = attrs.field(
        init=False,
        default=attrs.Factory(_merge, takes_self=True),
        repr=False,
        eq=False,
    )

    @property
    def templates(self) -> Mapping[str, str]:
        """
        Every key and the template this catalogue uses for it (read-only).
        """
        return MappingProxyType({key: found[0] for key, found in self._templates.items()})

    def phrase(self, key: str, /, **values: object) -> str:
        """
        The phrase *key* in this catalogue's language, with *values* filled in.

        A template that cannot take the values (a pack's phrase with a mistake
        :func:`check_phrases` could not see) gives way to the next language's.

        Args:
            key: The phrase's key, such as ``"plan.rehearse"``.
            **values: The values its template names.

        Returns:
            The phrase.

        Raises:
            KeyError: For an unknown key, or a value the English template names but
                was not given.
        """
        *preferred, last = self._templates[key]
        for template in preferred:
            try:
                return template.format(**values)
            except (KeyError, IndexError, ValueError, TypeError, AttributeError):
                continue
        return last.format(**values)

    def plural(self, key: str, count: int, /, **values: object) -> str:
        """
        The phrase *key* for *count* things: ``key.one`` for one, else ``key.other``.

        Args:
            key: The key without its ``.one`` or ``.other`` suffix (``"unit.day"``).
            count: How many; filled in as ``{count}``.
            **values: Any other values the template names.

        Returns:
            The phrase.
        """
        form = "one" if count == 1 else "other"
        return self.phrase(f"{key}.{form}", count=count, **values)

    def label(self, value: enum.StrEnum | str) -> str:
        """
        The label of a vocabulary value, as a reader should see it.

        ``Audience.HIRING_MANAGER`` gives ``"hiring manager"`` in English and
        ``"einstellende Führungskraft"`` in German. A value of no known enum, and any
        plain string (such as a pack's own ``"acme:remote"``), is returned as written.

        Args:
            value: An enum member of the vocabulary, or a string.

        Returns:
            The label.
        """
        if isinstance(value, enum.Enum):
            prefix = LABEL_PREFIXES.get(type(value))
            key = f"{prefix}.{value.value}"
            if prefix is not None and key in self._templates:
                return self.phrase(key)
            return str(value.value)
        return value

    def date(self, day: dt.date) -> str:
        """
        A date in words: ``"Thu 03 Dec 2026"``, ``"Do., 3. Dez. 2026"``.

        Args:
            day: The date.

        Returns:
            The words, from the ``date`` template and the names of days and months
            (never from the process's locale).
        """
        return self.phrase("date", **self._parts(day))

    def moment(self, when: dt.datetime) -> str:
        """
        A date and time in words: ``"Thu 03 Dec 2026, 10:00 CET"``.

        Args:
            when: The moment; an aware one is shown with its zone's name.

        Returns:
            The words, from the ``datetime`` and ``datetime.zoned`` templates.
        """
        text = self.phrase("datetime", **self._parts(when), hour=when.hour, minute=when.minute)
        zone = when.tzname() if when.tzinfo is not None else None
        return self.phrase("datetime.zoned", when=text, zone=zone) if zone else text

    def short_moment(self, when: dt.datetime) -> str:
        """
        A date and time in few words, without the year or the zone: ``"Thu 03 Dec 10:00"``.

        For a list whose heading already gives the year and the zone.
        """
        return self.phrase(
            "datetime.short", **self._parts(when), hour=when.hour, minute=when.minute
        )

    def _parts(self, day: dt.date) -> dict[str, object]:
        return {
            "weekday": self.phrase(f"weekday.{day.weekday()}"),
            "day": day.day,
            "month": self.phrase(f"month.{day.month}"),
            "year": day.year,
        }


@functools.lru_cache(maxsize=64)
def _built_in(languages: tuple[str, ...]) -> Catalogue:
    return Catalogue(languages)


def catalogue(
    language: str | Iterable[str] | None = None,
    *,
    extra: Iterable[tuple[str, Mapping[str, str]]] = (),
) -> Catalogue:
    """
    The catalogue of the library's own words for a language or a chain of languages.

    ``catalogue("de")`` speaks German; ``catalogue("de-CH")`` looks for Swiss German,
    then German, then English; ``catalogue(["fr", "de"])`` prefers French, then German;
    ``catalogue()`` speaks English. English and German ship; a phrase missing in
    every language of the chain is the English one.

    Args:
        language: A language tag, a sequence of tags (most wanted first), or ``None``
            for English, as :func:`load_library` takes them.
        extra: Phrases packs ship, as ``(language tag, phrases)`` pairs in pack order.
            For a key and a language, a pack's phrase wins over the built-in one (a
            later pack's over an earlier one's); the chain decides across languages.
            Phrases with a problem (see :func:`check_phrases`) are left out.

    Returns:
        The catalogue.

    Raises:
        InterviewPrepError: If a tag is not a BCP 47 language tag.
    """
    chain = language_chain(language)
    pairs = tuple(extra)
    if not pairs:
        return _built_in(chain)
    return Catalogue(chain, pairs)
