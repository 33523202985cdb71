"""``interviewprep migrate``: format 1 packs written as format 2, and the TOML writer it uses."""

from __future__ import annotations

import shutil
import tomllib
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import interviewprep
from interviewprep import Pack, from_dict, load_pack, to_dict
from interviewprep import testing as strategies
from interviewprep._cli import main
from interviewprep._model import text_revision
from interviewprep._toml import dumps, string

ROOT = Path(__file__).parent.parent
# core-de as it was in format 1, before it was migrated with this command.
CORE_DE = ROOT / "tests" / "fixtures" / "core-de-format-1"


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


# -- the TOML writer ---------------------------------------------------------------------


class TestToml:
    @given(strategies.packs())
    def test_reads_back_as_the_data_of_any_pack(self, pack: Pack) -> None:
        data = to_dict(pack)
        assert tomllib.loads(dumps(data)) == data
        assert from_dict(Pack, tomllib.loads(dumps(data))) == pack

    @given(st.text(st.characters(exclude_categories=("Cs",))))
    def test_any_string(self, text: str) -> None:
        for multiline in (False, True):
            written = f"x = {string(text, multiline=multiline)}\n"
            assert tomllib.loads(written) == {"x": text}

    @pytest.mark.parametrize(
        "text",
        ['"', '""', '"""', 'a"""b', "ends with \\", "\r\n", "tab\there", "\x00\x7f", '\n"'],
    )
    def test_awkward_strings(self, text: str) -> None:
        data = {"table": {"value": text, "lines": f"{text}\nmore"}}
        assert tomllib.loads(dumps(data)) == data

    def test_the_pack_shape(self) -> None:
        data = {
            "pack": {
                "name": "x",
                "format": 2,
                "source": {"url": "https://example.org", "revision": "r1"},
                "sections": [{"id": "s", "title": "S", "order": 1}],
            },
            "rubrics": [
                {
                    "id": "r",
                    "scale": {"min": 1, "max": 5},
                    "criteria": [{"id": "c", "weight": 1.5, "levels": [{"score": 1}]}],
                }
            ],
            "phrases": {"plan.title": "Plan"},
        }
        text = dumps(data)
        assert tomllib.loads(text) == data
        assert 'source = { url = "https://example.org", revision = "r1" }' in text
        assert "scale = { min = 1, max = 5 }" in text
        assert "[[pack.sections]]" in text
        assert "[[rubrics.criteria.levels]]" in text
        assert '"plan.title" = "Plan"' in text

    def test_long_texts_are_multi_line(self) -> None:
        text = dumps({"tips": [{"body": "one\ntwo"}]})
        assert 'body = """\none\ntwo"""' in text

    def test_refuses_what_toml_cannot_hold(self) -> None:
        with pytest.raises(TypeError, match="None"):
            dumps({"x": None})
        with pytest.raises(ValueError, match="surrogate"):
            dumps({"x": "\ud800"})


# -- migrate -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def migrated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """core-de, migrated into a temporary folder (core-de itself is not touched)."""
    target = tmp_path_factory.mktemp("migrated") / "core-de"
    assert main(["migrate", str(CORE_DE), "--output", str(target)]) == 0
    return target


class TestCoreDe:
    """The German translation of core, written the format 1 way, migrated."""

    def test_writes_each_file_under_its_own_name(self, migrated: Path) -> None:
        assert sorted(p.name for p in migrated.iterdir()) == [
            "checklists.toml",
            "pack.toml",
            "tips.toml",
        ]

    def test_loads_and_validates_with_core(
        self, migrated: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        pack = load_pack(migrated)
        assert pack.info.format == 2
        assert len(pack) == 0  # every item was a translation
        assert len(pack.translations) == len(load_pack(CORE_DE))
        code, out, _ = run(["validate", str(migrated)], capsys)
        assert code == 0, out
        # The fixture predates core's offer checklist, which took 'review-an-offer' out
        # of 'after-interview', and core's merged duplicates: what is left to a
        # translator is reported as warnings, item by item.
        warnings = interviewprep.validate_pack(migrated)
        assert {w.severity for w in warnings} == {"warning"}
        messages = [w.message for w in warnings]
        assert any("'review-an-offer' is not in 'core/after-interview'" in m for m in messages)
        assert all(" is not in 'core/" in m for m in messages), messages

    def test_translations_carry_text_only_and_the_source_revision(self, migrated: Path) -> None:
        core = interviewprep.load_library(packs=["core"])
        pack = load_pack(migrated)
        for translation in pack.translations:
            source = getattr(core, translation.item_kind)[translation.translates]
            assert translation.revision == text_revision(source)
        data = tomllib.loads((migrated / "tips.toml").read_text("utf-8"))
        for tip in data["tips"]:
            assert set(tip) <= {"id", "translates", "revision", "title", "body", "license"}
        checklist = tomllib.loads((migrated / "checklists.toml").read_text("utf-8"))
        for entry in checklist["checklists"]:
            assert set(entry) <= {"id", "translates", "revision", "title", "items"}
            assert all(set(item) == {"id", "text"} for item in entry["items"])

    def test_the_original_is_untouched(self, migrated: Path) -> None:
        assert "format = 1" in (CORE_DE / "pack.toml").read_text("utf-8")
        assert "format = 2" in (migrated / "pack.toml").read_text("utf-8")


def write_pack(folder: Path, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "pack.toml").write_text(text, "utf-8")
    return folder


MANIFEST = """
[pack]
name = "acme-{language}"
version = "1.0"
title = "Acme"
language = "{language}"
requires = ["core>=1.0"]
"""

TRANSLATED = """
[[tips]]
id = "recherche"
replaces = "core/research-the-company"
title = "Recherchieren"
body = "Text."
topic = "research"
tags = ["company"]

[[checklists]]
id = "eigene-liste"
title = "Eigene Liste"
stage = "before"

[[checklists.items]]
id = "eins"
text = "Recherchieren Sie."
tips = ["recherche", "acme-de/recherche"]
"""


class TestRules:
    def test_an_override_in_the_same_language_stays_one(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        source = write_pack(tmp_path / "in", MANIFEST.format(language="en") + TRANSLATED)
        code, _, err = run(["migrate", str(source), "-o", str(tmp_path / "out")], capsys)
        assert code == 0, err
        data = tomllib.loads((tmp_path / "out" / "pack.toml").read_text("utf-8"))
        assert data["pack"]["format"] == 2
        assert data["tips"][0]["replaces"] == "core/research-the-company"
        assert "translates" not in data["tips"][0]

    def test_references_to_a_translated_item_point_at_the_item_it_translates(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        source = write_pack(tmp_path / "in", MANIFEST.format(language="de") + TRANSLATED)
        code, _, err = run(["migrate", str(source), "-o", str(tmp_path / "out")], capsys)
        assert code == 0, err
        data = tomllib.loads((tmp_path / "out" / "pack.toml").read_text("utf-8"))
        tip = data["tips"][0]
        assert tip["translates"] == "core/research-the-company"
        assert "topic" not in tip
        assert "tags" not in tip
        assert data["checklists"][0]["items"][0]["tips"] == [
            "core/research-the-company",
            "core/research-the-company",
        ]
        code, out, _ = run(["validate", str(tmp_path / "out")], capsys)
        assert code == 0, out

    def test_a_target_pack_not_available_is_said_not_guessed(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        text = MANIFEST.format(language="de").replace("core>=1.0", "elsewhere>=1.0")
        text += TRANSLATED.replace("core/research-the-company", "elsewhere/some-tip")
        source = write_pack(tmp_path / "in", text)
        code, _, err = run(["migrate", str(source), "-o", str(tmp_path / "out")], capsys)
        assert code == 1
        assert "pack 'elsewhere' is not available" in err
        assert "--pack-path" in err
        assert not (tmp_path / "out").exists()

    def test_a_pack_of_format_2_is_left_alone(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        core = Path(interviewprep.__file__).parent / "_packs" / "core"
        code, _, err = run(["migrate", str(core), "-o", str(tmp_path / "out")], capsys)
        assert code == 1
        assert "already" in err


class TestNeverOverwrites:
    def test_needs_an_output_or_in_place(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        code, _, err = run(["migrate", str(CORE_DE)], capsys)
        assert code == 2
        assert "--output" in err

    def test_refuses_the_packs_own_folder(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        copy = tmp_path / "copy"
        shutil.copytree(CORE_DE, copy)
        before = (copy / "pack.toml").read_text("utf-8")
        for output in (copy, copy / "inside"):
            code, _, err = run(["migrate", str(copy), "-o", str(output)], capsys)
            assert code == 2
            assert "--in-place" in err
        assert (copy / "pack.toml").read_text("utf-8") == before

    def test_refuses_a_folder_with_the_files(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        out = tmp_path / "out"
        out.mkdir()
        (out / "pack.json").write_text("{}")
        code, _, err = run(["migrate", str(CORE_DE), "-o", str(out)], capsys)
        assert code == 2
        assert "refusing to overwrite" in err
        assert (out / "pack.json").read_text() == "{}"

    def test_in_place_when_asked(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        copy = tmp_path / "copy"
        shutil.copytree(CORE_DE, copy)
        code, _, err = run(["migrate", str(copy), "--in-place"], capsys)
        assert code == 0, err
        assert load_pack(copy).info.format == 2
