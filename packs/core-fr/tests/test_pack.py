"""The pack's own tests: the interviewprep pytest plugin checks it in one line."""

from pathlib import Path

FOLDER = Path(__file__).parent.parent / "src" / "interviewprep_core_fr"


def test_installed_pack_is_valid(check_pack):
    """The installed pack loads, resolves against what it requires, and round-trips."""
    check_pack("core-fr")


def test_source_folder_is_valid(check_pack):
    """The pack folder in this repository passes the same checks before it is installed."""
    check_pack(FOLDER)
