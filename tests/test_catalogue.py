"""The catalogue of the library's own words: English and German, pack phrases, chains."""

from __future__ import annotations

import datetime as dt
import enum
import re
import zoneinfo

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import interviewprep
from interviewprep import (
    AnswerType,
    Audience,
    Catalogue,
    Format,
    InterviewPrepError,
    Stage,
    catalogue,
    load_library,
    render_html,
    render_markdown,
    render_text,
)
from interviewprep import _vocabulary as vocabulary
from interviewprep._catalogue import (
    BUILT_IN,
    ENGLISH,
    GERMAN,
    LABEL_PREFIXES,
    check_phrases,
    placeholders,
)
from interviewprep._languages import LANGUAGE_PATTERN
from wording import CORE_DE, english_fragments, english_left

VOCABULARY = [getattr(vocabulary, name) for name in vocabulary.__all__]


class TestShippedCatalogues:
    def test_english_and_german_ship(self) -> None:
        assert BUILT_IN == {"en": ENGLISH, "de": GERMAN}

    @pytest.mark.parametrize("tag", sorted(BUILT_IN))
    def test_exactly_the_english_keys(self, tag: str) -> None:
        """Every shipped catalogue has every English key and no other."""
        assert sorted(BUILT_IN[tag]) == sorted(ENGLISH)

    @pytest.mark.parametrize("tag", sorted(BUILT_IN))
    def test_same_placeholders(self, tag: str) -> None:
        """Every template names the placeholders of its English template, and passes the check."""
        table = BUILT_IN[tag]
        wrong = [key for key in ENGLISH if placeholders(table[key]) != placeholders(ENGLISH[key])]
        assert wrong == []
        assert check_phrases(table) == []

    @pytest.mark.parametrize("enum_type", VOCABULARY, ids=lambda e: e.__name__)
    @pytest.mark.parametrize("tag", sorted(BUILT_IN))
    def test_every_vocabulary_value_has_a_label(
        self, tag: str, enum_type: type[enum.StrEnum]
    ) -> None:
        """Every member of every enum of the vocabulary has a label in every catalogue."""
        assert enum_type in LABEL_PREFIXES
        prefix = LABEL_PREFIXES[enum_type]
        words = catalogue(tag)
        for member in enum_type:
            key = f"{prefix}.{member.value}"
            assert key in BUILT_IN[tag], key
            assert words.label(member) == BUILT_IN[tag][key]

    def test_german_reads_german(self) -> None:
        """A few German phrases, as a German reader expects them."""
        words = catalogue("de")
        assert words.phrase("plan.title") == "Vorbereitungsplan"
        assert words.plural("unit.day", 1) == "1 Tag"
        assert words.plural("unit.day", 2) == "2 Tage"
        assert words.label(Audience.HIRING_MANAGER) == "einstellende Führungskraft"
        assert words.label(Format.VIDEO) == "Videogespräch"

    def test_german_translates_every_word(self) -> None:
        """The phrases German shares with English have no English word but "optional"."""
        same = {key: ENGLISH[key] for key in ENGLISH if ENGLISH[key] == GERMAN[key]}
        words = {
            word
            for template in same.values()
            for word in re.findall(r"[^\W\d_]+", re.sub(r"\{[^}]*\}", "", template))
        }
        assert words <= {"optional", "VERSION"}, same


class TestDates:
    def test_german_order(self) -> None:
        """German dates read "Mo., 23. Nov. 2026, 10:00", from the catalogue, not the locale."""
        moment = dt.datetime(2026, 11, 23, 10, 0)
        assert catalogue("de").moment(moment) == "Mo., 23. Nov. 2026, 10:00"
        assert catalogue("de").date(moment.date()) == "Mo., 23. Nov. 2026"
        assert catalogue().moment(moment) == "Mon 23 Nov 2026, 10:00"
        assert catalogue().date(moment.date()) == "Mon 23 Nov 2026"

    def test_zone(self) -> None:
        """An aware moment is shown with its zone's name."""
        moment = dt.datetime(2026, 5, 4, 9, 5, tzinfo=zoneinfo.ZoneInfo("Europe/Berlin"))
        assert catalogue("de").moment(moment) == "Mo., 4. Mai 2026, 09:05 CEST"

    @pytest.mark.parametrize("month", range(1, 13))
    def test_every_month_and_weekday(self, month: int) -> None:
        for tag in BUILT_IN:
            for day in range(1, 8):
                text = catalogue(tag).date(dt.date(2026, month, day))
                assert str(day) in text
                assert "2026" in text


class TestChains:
    def test_default_is_english(self) -> None:
        words = catalogue()
        assert words.languages == ("en",)
        assert words.language == "en"
        assert words.phrase("plan.title") == "Prep plan"

    def test_regional_tag_falls_back_to_its_language(self) -> None:
        """de-CH speaks German: the chain is de-CH, de, en."""
        words = catalogue("de-CH")
        assert words.languages == ("de-CH", "de", "en")
        assert words.language == "de"
        assert words.phrase("plan.title") == "Vorbereitungsplan"

    def test_unknown_language_is_english(self) -> None:
        words = catalogue("fr")
        assert words.language == "en"
        assert words.phrase("plan.title") == "Prep plan"

    def test_a_chain_of_languages(self) -> None:
        """A sequence of tags is tried in order: French has no table, so German speaks."""
        assert catalogue(["fr", "de"]).phrase("plan.tips") == "Tipps"

    def test_pack_phrase_wins_over_the_built_in_one(self) -> None:
        """For one language, a pack's phrase wins; a later pack's over an earlier one's."""
        words = catalogue(
            "de",
            extra=[("de", {"plan.tips": "Ratschläge"}), ("de", {"plan.tips": "Hinweise"})],
        )
        assert words.phrase("plan.tips") == "Hinweise"
        assert words.phrase("plan.rehearse") == "Fragen zum Üben (und wer sie vermutlich stellt)"

    def test_missing_key_falls_back_to_the_built_in_of_that_language_then_down_the_chain(
        self,
    ) -> None:
        """A key a pack leaves out comes from the built-in table of its language, then the next."""
        words = catalogue(
            "de-CH",
            extra=[
                ("de-CH", {"plan.title": "Vorbereitigsplan"}),
                ("fr", {"plan.tips": "Conseils"}),
            ],
        )
        assert words.phrase("plan.title") == "Vorbereitigsplan"
        assert words.phrase("plan.tips") == "Tipps"  # German built-in, never the French pack
        assert words.language == "de-CH"

    def test_the_chain_decides_across_languages(self) -> None:
        """A pack for a language further down the chain never beats a built-in ahead of it."""
        words = catalogue(["de", "fr"], extra=[("fr", {"plan.tips": "Conseils"})])
        assert words.phrase("plan.tips") == "Tipps"
        french = catalogue(["fr", "de"], extra=[("fr", {"plan.tips": "Conseils"})])
        assert french.phrase("plan.tips") == "Conseils"
        assert french.phrase("plan.rehearse") == "Fragen zum Üben (und wer sie vermutlich stellt)"
        assert french.language == "fr"

    def test_tags_match_ignoring_case(self) -> None:
        assert catalogue("DE").phrase("plan.tips") == "Tipps"
        assert (
            catalogue("fr-ca", extra=[("fr-CA", {"plan.tips": "Trucs"})]).phrase("plan.tips")
            == "Trucs"
        )

    def test_bad_pack_phrases_are_left_out(self) -> None:
        """A pack phrase with a problem never reaches a reader: the next one is used."""
        words = catalogue(
            "de",
            extra=[
                (
                    "de",
                    {
                        "plan.tips": "{oops}",
                        "plan.rehearse": "",
                        "plan.to_ask": 5,  # type: ignore[dict-item]
                        "plan.titel": "Plan",
                        "unit.day.other": "{count:>99999999} Tage",
                    },
                )
            ],
        )
        assert words.phrase("plan.tips") == "Tipps"
        assert words.phrase("plan.rehearse") == "Fragen zum Üben (und wer sie vermutlich stellt)"
        assert words.phrase("plan.to_ask") == "Ihre Fragen an die Gesprächspartner"
        assert words.plural("unit.day", 3) == "3 Tage"

    def test_a_template_that_cannot_take_its_values_gives_way(self) -> None:
        """A pack template that fails to format (here {count:s} for a number) gives way."""
        words = catalogue("de", extra=[("de", {"unit.day.other": "{count:s} Tage"})])
        assert words.plural("unit.day", 3) == "3 Tage"

    def test_invalid_tags_raise(self) -> None:
        with pytest.raises(InterviewPrepError):
            catalogue("not a tag")
        with pytest.raises(InterviewPrepError):
            catalogue("de", extra=[("!!", {})])
        with pytest.raises(InterviewPrepError):
            catalogue("de", extra=[(None, {})])  # type: ignore[list-item]

    def test_pack_phrases_that_are_not_a_table_are_left_out(self) -> None:
        words = catalogue("de", extra=[("de", ["plan.tips"])])  # type: ignore[list-item]
        assert words.phrase("plan.tips") == "Tipps"

    def test_unknown_key_raises_key_error(self) -> None:
        with pytest.raises(KeyError):
            catalogue().phrase("no.such.key")

    def test_equal_and_hashable(self) -> None:
        """Catalogues are values: equal when made alike, and hashable even with pack phrases."""
        assert catalogue("de") == catalogue("de") == Catalogue(("de",))
        assert catalogue("de") != catalogue("en")
        with_pack = catalogue("fr", extra=[("fr", {"plan.tips": "Conseils"})])
        assert with_pack != catalogue("fr")
        assert isinstance(hash(with_pack), int)

    def test_templates_are_read_only(self) -> None:
        templates = catalogue("de").templates
        assert templates["plan.title"] == "Vorbereitungsplan"
        assert set(templates) == set(ENGLISH)
        with pytest.raises(TypeError):
            templates["plan.title"] = "x"  # type: ignore[index]

    def test_public(self) -> None:
        assert interviewprep.catalogue is catalogue
        assert interviewprep.Catalogue is Catalogue


class TestLabels:
    def test_english_labels_read_as_words(self) -> None:
        words = catalogue()
        assert words.label(Audience.HIRING_MANAGER) == "hiring manager"
        assert words.label(Stage.BEFORE) == "before"
        assert words.label(AnswerType.STORY) == "story"

    def test_strings_and_namespaced_values_are_shown_as_written(self) -> None:
        """A pack's own value ("acme:remote") and any plain string are returned as written."""
        words = catalogue("de")
        assert words.label("acme:remote") == "acme:remote"
        assert words.label("video") == "video"

    def test_an_enum_of_no_vocabulary_is_its_value(self) -> None:
        class Colour(enum.StrEnum):
            RED = "red"

        assert catalogue("de").label(Colour.RED) == "red"


class TestCheckPhrases:
    def test_good_phrases(self) -> None:
        assert (
            check_phrases({"plan.title": "Plan de préparation", "unit.day.one": "{count} jour"})
            == []
        )

    def test_unknown_key_with_a_suggestion(self) -> None:
        [(key, message)] = check_phrases({"plan.titel": "Plan"})
        assert key == "plan.titel"
        assert "'plan.title'" in message

    def test_unknown_key_without_a_near_one(self) -> None:
        [(key, message)] = check_phrases({"zzzzzzzz": "Plan"})
        assert key == "zzzzzzzz"
        assert "not a phrase key" in message

    def test_placeholder_mismatch_names_both_sets(self) -> None:
        [(key, message)] = check_phrases({"unit.day.other": "{n} jours"})
        assert key == "unit.day.other"
        assert "{n}" in message
        assert "{count}" in message
        [(_, message)] = check_phrases({"plan.subject": "{role}"})
        assert "{role}" in message
        assert "{company}, {role}" in message

    @pytest.mark.parametrize(
        ("value", "words"),
        [
            ("", "non-empty"),
            ("   ", "non-empty"),
            (5, "non-empty"),
            (None, "non-empty"),
            ("{count", "not a valid template"),
            ("{count.real} jours", "plain name"),
            ("{count[0]} jours", "plain name"),
            ("{0} jours", "plain name"),
            ("{} jours", "plain name"),
            ("{count!r} jours", "conversion"),
            ("{count:>999999999} jours", "not allowed"),
            ("{count:{count}} jours", "not allowed"),
        ],
    )
    def test_bad_values(self, value: object, words: str) -> None:
        [(key, message)] = check_phrases({"unit.day.other": value})
        assert key == "unit.day.other"
        assert words in message

    def test_every_problem_is_reported(self) -> None:
        problems = check_phrases({"plan.titel": "x", "plan.title": "", "plan.tips": "ok"})
        assert [key for key, _ in problems] == ["plan.titel", "plan.title"]

    def test_not_a_table(self) -> None:
        [(key, message)] = check_phrases(["plan.title"])  # type: ignore[arg-type]
        assert key == ""
        assert "table" in message

    def test_keys_that_are_not_strings(self) -> None:
        [(_, message)] = check_phrases({1: "x"})  # type: ignore[dict-item]
        assert "string" in message

    @given(
        st.dictionaries(
            st.one_of(st.sampled_from(sorted(ENGLISH)), st.text(max_size=20), st.integers()),
            st.one_of(st.text(max_size=40), st.integers(), st.none(), st.lists(st.text())),
            max_size=8,
        )
    )
    def test_never_raises(self, phrases: dict[object, object]) -> None:
        """Whatever a pack holds, the check reports and never raises; a catalogue takes it."""
        problems = check_phrases(phrases)  # type: ignore[arg-type]
        assert all(isinstance(k, str) and isinstance(m, str) for k, m in problems)
        words = catalogue("fr", extra=[("fr", phrases)])  # type: ignore[list-item]
        for key in ENGLISH:
            words.phrase(key, **dict.fromkeys(placeholders(ENGLISH[key]), 7))


TAGS = st.from_regex(LANGUAGE_PATTERN, fullmatch=True).filter(lambda t: len(t) <= 35)


class TestAnyChain:
    @given(st.one_of(st.none(), TAGS, st.lists(TAGS, max_size=4)))
    @example(["AA", "EN"])
    @example("DE-ch")
    def test_every_phrase_of_any_chain(self, language: str | list[str] | None) -> None:
        """Any chain of valid tags gives a catalogue whose every phrase takes the English values."""
        words = catalogue(language)
        # Tags are kept as written (BCP 47 tags are case-insensitive), so "EN" may end a chain.
        assert words.languages[-1].casefold() == "en"
        assert words.language.casefold() == "en" or words.language.casefold().startswith("de")
        for key in ENGLISH:
            text = words.phrase(key, **dict.fromkeys(placeholders(ENGLISH[key]), 7))
            assert text.strip()
        for enum_type in VOCABULARY:
            for member in enum_type:
                assert words.label(member).strip()


class TestGermanRendering:
    """Rendered with the German catalogue, German content leaves no English word of the library."""

    def test_the_english_check_has_teeth(self) -> None:
        """The fragments searched for include headings, weekdays, months and offsets."""
        fragments = english_fragments()
        for expected in (
            "Prep plan",
            "What matters most",
            "Thu",
            "Dec",
            "after the start",
            "video",
        ):
            assert expected in fragments

    @pytest.mark.parametrize("fmt", ["text", "md", "html"])
    def test_checklists(self, fmt: str) -> None:
        """The German checklists: offsets ("2 Tage vorher") and headings are German."""
        library = load_library(paths=[CORE_DE], language="de", strict=True)
        checklists = list(library.checklists)
        assert checklists
        words = catalogue("de")
        output = {
            "text": lambda: render_text(checklists, width=80, catalogue=words),
            "md": lambda: render_markdown(checklists, catalogue=words),
            "html": lambda: render_html(checklists, catalogue=words),
        }[fmt]()
        pieces = sorted(
            {
                " ".join(t.split())
                for c in checklists
                for t in [c.title, *(i.text for i in c.items)]
            },
            key=len,
            reverse=True,
        )
        assert english_left(output, fmt, pieces) == []
        assert "vorher" in output
        english = {"text": render_text, "md": render_markdown, "html": render_html}[fmt](checklists)
        assert "before" in english_left(english, fmt, pieces)  # the check finds English words
