"""The pack's own tests: the interviewprep pytest plugin checks it in one line."""

from pathlib import Path

from interviewprep import load_library, load_pack

FOLDER = Path(__file__).parent.parent / "src" / "interviewprep_core_de"


def test_installed_pack_is_valid(check_pack):
    """The installed pack loads, resolves against what it requires, and round-trips."""
    check_pack("core-de")


def test_source_folder_is_valid(check_pack):
    """The pack folder in this repository passes the same checks before it is installed."""
    check_pack(FOLDER)


def test_german_only_items_hold_in_germany():
    """The pack's own items (not translations) are advice for interviews in Germany."""
    pack = load_pack(FOLDER)
    own = [*pack.tips, *pack.questions, *pack.checklists, *pack.rubrics]
    assert own, "the pack has items of its own (deutschland.toml)"
    for item in own:
        if hasattr(item, "applies"):
            assert "de" in item.applies.regions, item.id


def test_german_only_items_are_shown_in_german_only():
    """A reader in German sees the pack's own items; a reader in English does not."""
    german = load_library(packs=["core-de"], paths=[FOLDER], language="de")
    english = load_library(packs=["core-de"], paths=[FOLDER], language="en")
    assert not german.problems
    own = [f"core-de/{tip.id}" for tip in load_pack(FOLDER).tips]
    for full_id in own:
        assert full_id in german.tips
        assert full_id not in english.tips
    assert "core-de/vor-dem-gespraech-in-deutschland" in german.checklists
