from __future__ import annotations

import os
from pathlib import Path

import importlib_metadata  # noqa: F401 - see below
import pytest
from hypothesis import HealthCheck, settings

from interviewprep import Library, load_library
from packtools import Site

settings.register_profile(
    "default", max_examples=100, suppress_health_check=[HealthCheck.too_slow], deadline=None
)
settings.register_profile(
    "ci",
    max_examples=150,
    suppress_health_check=[HealthCheck.too_slow],
    deadline=None,
    derandomize=True,
    print_blob=True,
)
settings.load_profile("ci" if os.environ.get("CI") else "default")

# importlib_metadata adds a finder to sys.meta_path when first imported. Imported here,
# before any in-process pytester session, so that a session (which forgets the modules
# imported during it) does not leave a finder of a forgotten module behind: that broke
# every later session's metadata lookups when a test file was run on its own.
pytest_plugins = ["pytester"]


def pytest_configure(config: object) -> None:
    """Keep the parsed-pack cache out of the user's home during the tests."""
    import tempfile

    os.environ.setdefault(
        "INTERVIEWPREP_CACHE_DIR", tempfile.mkdtemp(prefix="interviewprep-cache-")
    )


@pytest.fixture(scope="session")
def library() -> Library:
    """The built-in core pack alone, loaded strictly (shared: a library is immutable)."""
    return load_library(packs=["core"], strict=True)


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Site:
    """Fake installed distributions in fresh folders put on sys.path for one test."""
    return Site(tmp_path, monkeypatch)
