from __future__ import annotations

import inspect

import pytest

import interviewprep
from interviewprep import exceptions


class TestPublicSurface:
    def test_all_is_sorted(self) -> None:
        """__all__ is sorted (constants, classes, functions), so additions are easy to review."""

        def key(name: str) -> tuple[int, str]:
            return (0 if name.isupper() else 1 if name[0].isupper() else 2, name)

        assert interviewprep.__all__ == sorted(interviewprep.__all__, key=key)

    @pytest.mark.parametrize("name", interviewprep.__all__)
    def test_every_name_exists_and_is_documented(self, name: str) -> None:
        """Every public name resolves and has a docstring."""
        obj = getattr(interviewprep, name)
        if name == "__version__":
            assert isinstance(obj, str)
            return
        assert inspect.getdoc(obj), f"{name} has no docstring"

    def test_unknown_attribute(self) -> None:
        """Asking for a name that does not exist raises AttributeError."""
        with pytest.raises(AttributeError, match="no attribute 'nope'"):
            _ = interviewprep.nope  # type: ignore[attr-defined]

    def test_dir_lists_lazy_names(self) -> None:
        """dir() shows lazily imported names too."""
        assert "to_dict" in dir(interviewprep)

    @pytest.mark.parametrize("name", sorted(set(exceptions.__all__) - {"Problem"}))
    def test_exceptions_share_one_base(self, name: str) -> None:
        """Every exception derives from InterviewPrepError and documents itself."""
        cls = getattr(exceptions, name)
        assert issubclass(cls, interviewprep.InterviewPrepError)
        assert inspect.getdoc(cls)

    def test_version_matches_metadata(self) -> None:
        """__version__ is the installed distribution's version."""
        from importlib.metadata import version

        assert interviewprep.__version__ == version("interviewprep-kit")
