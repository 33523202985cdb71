"""
Pack format 2: translations side by side, language chains, open vocabularies, provenance
and sections, through the public API and the real translation packs under ``packs/``.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from interviewprep import (
    Library,
    Pack,
    PackInfo,
    Problem,
    Question,
    Section,
    Source,
    StructureError,
    Tip,
    Translation,
    ValidationError,
    Vocabulary,
    assess,
    from_dict,
    load_library,
    load_pack,
    text_revision,
    to_dict,
    validate_pack,
)
from interviewprep._languages import language_chain, matches, primary
from packtools import write_files

ROOT = Path(__file__).parent.parent
CORE_DE = ROOT / "packs" / "core-de" / "src" / "interviewprep_core_de"
CORE_FR = ROOT / "packs" / "core-fr" / "src" / "interviewprep_core_fr"


def base(*tips: Tip) -> Pack:
    info = PackInfo(name="base", version="1.0.0", title="Base", format=2)
    return Pack(info=info, tips=tips or (tip("a"), tip("b")))


def tip(id_: str, **fields: object) -> Tip:
    values: dict[str, object] = {"title": f"Title {id_}", "body": "Body.", "topic": "research"}
    return Tip(id=id_, **(values | fields))  # type: ignore[arg-type]


def translation_pack(name: str, language: str, *ids: str, **texts: str) -> Pack:
    info = PackInfo(
        name=name, version="1.0.0", title=name, language=language, format=2, requires=["base"]
    )
    translations = [
        Translation(kind="tip", translates=f"base/{id_}", title=texts.get(id_, f"{language}:{id_}"))
        for id_ in ids
    ]
    return Pack(info=info, translations=translations)


class TestTranslationModel:
    def test_only_text_fields(self) -> None:
        """A translation refuses a field of another kind, naming what it may carry."""
        with pytest.raises(ValidationError, match="carries only title, body; text is not"):
            Translation(kind="tip", translates="core/x", title="T", text="Q")

    def test_needs_some_text(self) -> None:
        with pytest.raises(ValidationError, match="at least one text field"):
            Translation(kind="tip", translates="core/x")

    def test_id_defaults_to_the_translated_items(self) -> None:
        assert Translation(kind="tip", translates="core/x", title="T").id == "x"

    def test_file_refuses_inherited_fields(self, tmp_path: Path) -> None:
        """In a pack file, setting what is inherited is refused at the line of the key."""
        folder = write_files(
            tmp_path,
            {
                "pack.toml": (
                    '[pack]\nname = "fr"\nversion = "1.0.0"\ntitle = "FR"\nlanguage = "fr"\n'
                    'format = 2\nrequires = ["core"]\n\n[[tips]]\ntranslates = '
                    '"core/research-the-company"\ntitle = "Titre"\ntopic = "research"\n'
                )
            },
        )
        [problem] = [p for p in validate_pack(folder) if p.severity == "error"]
        assert problem.path == "tips[0].topic"
        assert problem.line == 12
        assert "inherited from 'core/research-the-company'" in problem.message

    def test_round_trip_keeps_translations_among_their_kind(self) -> None:
        pack = translation_pack("de", "de", "a", "b")
        data = to_dict(pack)
        assert [entry["translates"] for entry in data["tips"]] == ["base/a", "base/b"]
        assert "translations" not in data
        assert from_dict(Pack, data) == pack

    def test_revision_follows_the_text_only(self) -> None:
        """The revision changes with a text a translation carries, and only then."""
        first = tip("a")
        assert text_revision(first) == text_revision(tip("a", tags=["x"], topic="salary"))
        assert text_revision(first) != text_revision(tip("a", body="Another body."))


class TestLanguageChains:
    def test_chain_of_a_regional_tag(self) -> None:
        assert language_chain("de-CH") == ("de-CH", "de", "en")
        assert language_chain(["fr", "de"]) == ("fr", "de", "en")
        assert language_chain(None) == ("en",)

    def test_items_in_the_first_language_that_has_them(self) -> None:
        """Each item comes in the first language of the chain with a text for it."""
        packs = [base(), translation_pack("de", "de", "a"), translation_pack("fr", "fr", "a", "b")]
        library = Library.from_packs(packs, language=["de", "fr"], strict=True)
        assert [t.title for t in library.tips] == ["de:a", "fr:b"]

    def test_no_language_is_the_base_language_unmixed(self) -> None:
        packs = [base(), translation_pack("de", "de", "a")]
        library = Library.from_packs(packs, strict=True)
        assert [t.title for t in library.tips] == ["Title a", "Title b"]

    def test_a_language_without_translations_falls_back(self) -> None:
        """--language es with no Spanish text is English, never an empty library."""
        library = Library.from_packs([base()], language="es", strict=True)
        assert [t.title for t in library.tips] == ["Title a", "Title b"]
        assert any("no pack in es" in w.message for w in library.warnings)

    def test_regional_tag_falls_back_to_its_language(self) -> None:
        packs = [base(), translation_pack("de", "de", "a"), translation_pack("ch", "de-CH", "b")]
        library = Library.from_packs(packs, language="de-CH", strict=True)
        assert [t.title for t in library.tips] == ["de:a", "de-CH:b"]

    def test_translation_inherits_everything_else(self) -> None:
        """Audiences, tags, stages and the like are the translated item's."""
        source = tip("a", tags=["x"], audiences=["peer"], stages=["before"])
        library = Library.from_packs(
            [base(source), translation_pack("de", "de", "a")], language="de", strict=True
        )
        [found] = library.tips.filter(audience="peer", tag="x")
        assert found.title == "de:a"
        assert found.full_id == "base/a"
        assert library.tips["de/a"] is found

    def test_two_translations_into_one_language(self) -> None:
        """Both are named; the first is kept, the second reported and left out."""
        packs = [base(), translation_pack("de1", "de", "a"), translation_pack("de2", "de", "a")]
        library = Library.from_packs(packs, language="de")
        [problem] = library.problems
        assert "'de2/a'" not in problem.message
        assert "'de1/a' already does" in problem.message
        assert problem.pack == "de2"
        assert library.tips["base/a"].title == "de:a"

    def test_a_gone_target_leaves_out_that_translation_only(self) -> None:
        packs = [base(), translation_pack("de", "de", "a", "gone")]
        library = Library.from_packs(packs, language="de")
        [problem] = library.problems
        assert "'base/gone', which does not exist" in problem.message
        assert [p.name for p in library.packs] == ["base", "de"]
        assert library.tips["base/a"].title == "de:a"

    def test_near_miss_target_gets_a_suggestion(self) -> None:
        packs = [base(tip("star-answer")), translation_pack("de", "de", "star-anwser")]
        [problem] = Library.from_packs(packs).problems
        assert "did you mean 'base/star-answer'?" in problem.message


@st.composite
def translation_setups(draw: st.DrawFn) -> tuple[list[Pack], str | None, dict[str, set[str]]]:
    """A base pack, translation packs in distinct languages, any order, a wanted language."""
    ids = draw(st.lists(st.sampled_from("abcde"), min_size=1, max_size=5, unique=True))
    languages = draw(
        st.lists(
            st.sampled_from(["de", "fr", "de-CH", "es", "fr-CA", "en-GB"]), unique=True, max_size=4
        )
    )
    packs = [base(*(tip(i) for i in ids))]
    translated: dict[str, set[str]] = {i: {"en"} for i in ids}
    for number, language in enumerate(languages):
        chosen = draw(st.lists(st.sampled_from(ids), unique=True))
        packs.append(translation_pack(f"t{number}", language, *chosen))
        for id_ in chosen:
            translated[id_].add(language)
    order = draw(st.permutations(packs))
    wanted = draw(st.none() | st.sampled_from(["de", "fr", "de-CH", "de-AT", "es", "pt", "en-GB"]))
    return list(order), wanted, translated


def preference(tag: str, chain: tuple[str, ...]) -> tuple[int, int]:
    """The documented order: the chain's own forms, then a sibling of a chain language."""
    for index, wanted in enumerate(chain):
        if tag == wanted:
            return (index, 0)
        if matches(tag, wanted):
            return (index, 1)
    same = [i for i, wanted in enumerate(chain) if primary(wanted) == primary(tag)]
    return (same[-1], 2) if same else (len(chain), 9)


class TestAnyCombination:
    @settings(max_examples=150)
    @given(translation_setups())
    def test_loads_and_follows_the_chain(
        self, setup: tuple[list[Pack], str | None, dict[str, set[str]]]
    ) -> None:
        """Any translations in any languages and order load cleanly, each item's text
        in its most preferred language."""
        packs, wanted, translated = setup
        library = Library.from_packs(packs, language=wanted)
        assert library.problems == ()
        chain = language_chain(wanted)
        for item in library.tips:
            best = min(translated[item.id], key=lambda tag: preference(tag, chain))
            expected = f"Title {item.id}" if best == "en" else f"{best}:{item.id}"
            assert item.title == expected, (chain, translated[item.id])


@pytest.fixture(scope="module")
def libraries() -> dict[str | None, Library]:
    """core, core-de and core-fr read in French, German and the base language."""
    paths = [CORE_DE, CORE_FR]
    return {lang: load_library(paths=paths, language=lang) for lang in ("fr", "de", None)}


class TestRealPacks:
    """core-de (format 1, translating through replaces) beside core-fr (format 2)."""

    def test_no_problems_side_by_side(self, libraries: dict[str | None, Library]) -> None:
        for library in libraries.values():
            assert library.problems == ()
            assert {"core", "core-de", "core-fr"} <= {p.name for p in library.packs}

    def test_each_language_reads_as_one(self, libraries: dict[str | None, Library]) -> None:
        english = libraries[None].tips["core/research-the-company"]
        french = libraries["fr"].tips["core/research-the-company"]
        german = libraries["de"].tips["core/research-the-company"]
        assert english.title.startswith("Learn what the company")
        assert french.title != english.title
        assert german.title.startswith("Finden Sie heraus")
        assert french.topic == german.topic == english.topic

    def test_english_readers_never_see_german(self, libraries: dict[str | None, Library]) -> None:
        """Format 1 translations no longer take the English item's place."""
        titles = {t.title for t in libraries[None].tips}
        assert not any("Sie " in title for title in titles)
        assert {t.pack for t in libraries[None].tips} == {"core"}

    def test_german_checklists_keep_where_they_apply(
        self, libraries: dict[str | None, Library]
    ) -> None:
        """A format 1 translation inherits applicability: no route in a video plan."""
        english = libraries[None].checklists["core/before-timeline"]
        german = libraries["de"].checklists["core/before-timeline"]
        assert [i.applies for i in german.items] == [i.applies for i in english.items]
        assert [i.due for i in german.items] == [i.due for i in english.items]

    @pytest.mark.parametrize(
        ("lang", "qid", "flag", "brag", "regret"),
        [
            (
                "de",
                "core/technical-decision-to-revisit",
                "fake-mistake",
                "Ich hätte meinem eigenen Urteil vertrauen sollen, das Projekt lief am Ende super.",
                "Ich habe nur meinem eigenen Urteil vertraut und kein Review eingeholt.",
            ),
            (
                "fr",
                "core/technical-decision-to-revisit",
                "fake-mistake",
                "J'aurais dû m'écouter dès le début, le projet a très bien marché.",
                "J'ai imposé mon idée sans consulter l'équipe, et ça m'a donné plus confiance "
                "en moi après coup.",
            ),
            (
                "de",
                "core/book-that-stayed-with-you",
                "cannot-name-it",
                "Der Titel fällt mir gerade nicht ein, aber es ging um Pflege.",
                "Wie heißt es noch so schön in dem Buch: Kultur frisst Strategie.",
            ),
            (
                "fr",
                "core/book-that-stayed-with-you",
                "cannot-name-it",
                "Je me souviens plus du titre, mais ça parlait de soins.",
                "Sapiens, de Harari. L'idée qui m'est restée est simple.",
            ),
        ],
    )
    def test_translated_red_flags_hear_the_fault_not_its_honest_twin(
        self,
        libraries: dict[str | None, Library],
        lang: str,
        qid: str,
        flag: str,
        brag: str,
        regret: str,
    ) -> None:
        """
        Native readers' corrections: "hätte vertrauen sollen" / "j'aurais dû m'écouter"
        is the disguised regret; "nur meinem Urteil vertraut" / "imposé mon idée" is the
        honest one, and "Wie heißt es noch so schön" introduces a quote.
        """
        library = libraries[lang]
        q = library.questions[qid]
        assert flag in {f.id for f in assess(brag, question=q, library=library).flags}
        assert flag not in {f.id for f in assess(regret, question=q, library=library).flags}

    def test_french_words_from_the_pack(self, libraries: dict[str | None, Library]) -> None:
        """core-fr ships the library's own words in French."""
        assert libraries["fr"].catalogue.phrase("plan.title") != "Prep plan"
        assert libraries["de"].catalogue.phrase("plan.title") != "Prep plan"
        assert libraries[None].catalogue.phrase("plan.title") == "Prep plan"

    def test_core_fr_revisions_are_current(self) -> None:
        assert not [p for p in validate_pack(CORE_FR) if "revision" in p.message]

    @pytest.mark.parametrize("folder", [CORE_DE, CORE_FR], ids=["de", "fr"])
    def test_every_core_item_is_translated_and_current(self, folder: Path) -> None:
        """core-de and core-fr translate every core item, each from its current text, and
        every checklist item, talking point and red flag of it."""
        core = load_pack(ROOT / "src" / "interviewprep" / "_packs" / "core")
        translations = {t.translates: t for t in load_pack(folder).translations}
        for kind in ("tips", "questions", "checklists", "rubrics"):
            for item in getattr(core, kind):
                translation = translations.get(f"core/{item.id}")
                assert translation is not None, (kind, item.id)
                assert translation.revision == text_revision(item), (kind, item.id)
                if kind == "checklists":
                    assert [e.id for e in translation.items] == [e.id for e in item.items]
                if kind == "questions" and item.talking_points:
                    ids = [s.id for s in translation.talking_points or ()]
                    assert ids == [s.id for s in item.talking_points], item.id
                    ids = [s.id for s in translation.red_flags or ()]
                    assert ids == [s.id for s in item.red_flags], item.id

    def test_a_stale_revision_is_reported(self, tmp_path: Path) -> None:
        """After the source text changes, validate names the new revision to record."""
        text = (CORE_FR / "tips.toml").read_text("utf-8")
        start = text.index('translates = "core/research-the-company"')
        old = text[start:].split("\n")[1].split('"')[1]
        stale = text.replace(f'revision = "{old}"', 'revision = "000000000000"', 1)
        for path in CORE_FR.iterdir():
            if path.suffix == ".toml":
                content = stale if path.name == "tips.toml" else path.read_text("utf-8")
                (tmp_path / path.name).write_text(content, "utf-8")
        [warning] = [p for p in validate_pack(tmp_path) if "revision" in p.message]
        assert warning.severity == "warning"
        assert f"now {old!r}" in warning.message
        assert warning.path.endswith(".revision")
        assert warning.line is not None


class TestOpenVocabularies:
    def info(self, **fields: object) -> PackInfo:
        values: dict[str, object] = {"name": "acme", "version": "1.0.0", "title": "A", "format": 2}
        return PackInfo(**(values | fields))  # type: ignore[arg-type]

    def test_declared_value(self) -> None:
        vocabulary = Vocabulary(themes=["acme:on-call"])
        question = Question(id="q", text="Q?", asked_by="candidate", theme="acme:on-call")
        pack = Pack(info=self.info(vocabulary=vocabulary), questions=[question])
        assert pack.questions[0].theme == "acme:on-call"

    def test_undeclared_value_names_the_nearest(self) -> None:
        vocabulary = Vocabulary(themes=["acme:on-call"])
        question = Question(id="q", text="Q?", asked_by="candidate", theme="acme:oncall")
        with pytest.raises(ValidationError, match="did you mean 'acme:on-call'"):
            Pack(info=self.info(vocabulary=vocabulary), questions=[question])

    def test_core_value_typo(self) -> None:
        with pytest.raises(ValidationError, match="did you mean 'remote-work'"):
            Question(id="q", text="Q?", asked_by="candidate", theme="remote-wrok")

    def test_another_packs_value_needs_it_required_and_declared(self) -> None:
        owner = Pack(info=self.info(vocabulary=Vocabulary(topics=["acme:perks"])))
        user_info = PackInfo(name="user", version="1.0.0", title="U", format=2)
        user = Pack(info=user_info, tips=[tip("t", topic="acme:perks")])
        [problem] = Library.from_packs([owner, user]).problems
        assert "does not require" in problem.message
        required = PackInfo(name="user", version="1.0.0", title="U", format=2, requires=["acme"])
        assert Library.from_packs([owner, Pack(info=required, tips=user.tips)]).problems == ()
        typo = Pack(info=required, tips=[tip("t", topic="acme:perk")])
        [problem] = Library.from_packs([owner, typo]).problems
        assert "did you mean 'acme:perks'" in problem.message

    def test_namespace_must_be_the_pack(self) -> None:
        with pytest.raises(ValidationError, match="must start with this pack's name"):
            self.info(vocabulary=Vocabulary(themes=["other:x"]))

    def test_questions_to_ask_need_no_kind_and_the_offer_stage(self) -> None:
        question = Question(id="q", text="Q?", asked_by="candidate", stages=["offer"])
        assert question.kind is None
        assert question.intent is None

    def test_format_1_refuses_format_2_values(self) -> None:
        info = PackInfo(name="old", version="1.0.0", title="Old")
        with pytest.raises(ValidationError, match="set format = 2"):
            Pack(info=info, tips=[tip("t", stages=["offer"])])
        with pytest.raises(ValidationError, match="set format = 2"):
            Pack(info=info, tips=[tip("t", license="CC0-1.0")])


class TestProvenanceAndSections:
    def test_fields(self) -> None:
        source = Source(url="https://example.org/list", revision="2026-01")
        info = PackInfo(
            name="p",
            version="1.0.0",
            title="P",
            format=2,
            license="CC-BY-SA-4.0",
            source=source,
            attribution="After the list by J. Doe",
            sections=[Section(id="culture", title="Culture", order=2)],
        )
        pack = Pack(info=info, tips=[tip("t", section="culture", featured=True, rank=1)])
        assert from_dict(Pack, to_dict(pack)) == pack

    def test_unknown_section_names_the_nearest(self) -> None:
        info = PackInfo(
            name="p",
            version="1.0.0",
            title="P",
            format=2,
            sections=[Section(id="culture", title="C")],
        )
        with pytest.raises(ValidationError, match="did you mean 'culture'"):
            Pack(info=info, tips=[tip("t", section="cultur")])

    def test_licence_must_be_spdx(self) -> None:
        with pytest.raises(StructureError, match="SPDX"):
            from_dict(
                Tip, {"id": "t", "title": "T", "body": "B", "topic": "fit", "license": "free!"}
            )


def test_problem_type_is_public() -> None:
    assert Problem(message="x").severity == "error"


def test_core_fr_ships_every_phrase() -> None:
    """core-fr's catalogue has every key of the library's, and no problem in any."""
    from interviewprep._catalogue import ENGLISH, check_phrases

    phrases = load_pack(CORE_FR).phrases
    assert set(phrases) == set(ENGLISH)
    assert check_phrases(phrases) == []


def test_no_break_spaces_hold_words_together(libraries: dict[str | None, Library]) -> None:
    """A French question mark never starts a line: the text renderer keeps no-break spaces."""
    from interviewprep import render_text

    library = libraries["fr"]
    text = render_text(library.questions.filter(asked_by="candidate"), width=60)
    assert not [line for line in text.splitlines() if line.lstrip().startswith(("?", "»", ":"))]


def test_packs_command_reports_warnings(capsys: pytest.CaptureFixture[str]) -> None:
    """`packs` lists warnings on stderr (here: no content in Spanish), exit 0."""
    from interviewprep._cli import main

    assert main(["--language", "es", "packs"]) == 0
    captured = capsys.readouterr()
    assert "1 warning:" in captured.err
    assert "no pack in es is installed" in captured.err
    assert main(["--language", "es", "packs", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [w["severity"] for w in data["warnings"]] == ["warning"]


def test_translated_items_credit_their_translation(libraries: dict[str | None, Library]) -> None:
    """Where an item is shown in a translation, the translation's pack is credited too."""
    french = libraries["fr"]
    tip = french.tips["core/research-the-company"]
    translation = french.translation_of(tip)
    assert translation is not None
    assert translation.pack == "core-fr"
    assert [info.name for info in french.credits([tip])] == ["core", "core-fr"]
    english = libraries[None]
    assert english.translation_of(english.tips["core/research-the-company"]) is None
    assert [info.name for info in english.credits(english.tips)] == ["core"]


def test_show_credits_the_translation(capsys: pytest.CaptureFixture[str]) -> None:
    from interviewprep._cli import main

    argv = ["--pack-path", str(CORE_FR), "--language", "fr", "show", "--kind", "tip"]
    assert main([*argv, "--topic", "salary"]) == 0
    out = capsys.readouterr().out
    assert "Traduit de l" in out


class TestShowOpenValues:
    """`show` takes the values packs declare, and names the nearest for a typo."""

    def test_a_declared_value(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        from interviewprep._cli import main

        folder = write_files(
            tmp_path,
            {
                "pack.toml": (
                    '[pack]\nname = "acme"\nversion = "1.0.0"\ntitle = "Acme"\nformat = 2\n'
                    '[pack.vocabulary]\ntopics = ["acme:on-call"]\n\n[[tips]]\nid = "rota"\n'
                    'title = "Ask how the on-call rota works"\nbody = "Ask who carries the '
                    'pager, how often, and what happens after a bad night."\n'
                    'topic = "acme:on-call"\n'
                )
            },
        )
        assert main(["--pack-path", str(folder), "show", "--topic", "acme:on-call"]) == 0
        assert "acme/rota" in capsys.readouterr().out

    def test_a_typo(self, capsys: pytest.CaptureFixture[str]) -> None:
        from interviewprep._cli import main

        assert main(["show", "--topic", "resarch"]) == 2
        assert "did you mean 'research'?" in capsys.readouterr().err

    def test_a_near_miss_id(self, capsys: pytest.CaptureFixture[str]) -> None:
        from interviewprep._cli import main

        assert main(["show", "core/star-anwser"]) == 2
        assert "did you mean 'core/star-answer'?" in capsys.readouterr().err
