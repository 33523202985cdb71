"""The installed distribution's metadata: what pip and other tools see."""

from __future__ import annotations

from importlib.metadata import distribution, entry_points

from packaging.requirements import Requirement


class TestMetadata:
    def test_runtime_dependencies(self) -> None:
        """At runtime interviewprep needs attrs, cattrs, importlib-metadata and packaging only."""
        requires = [Requirement(r) for r in distribution("interviewprep-kit").requires or []]
        runtime = {r.name for r in requires if r.marker is None}
        assert runtime == {"attrs", "cattrs", "importlib-metadata", "packaging"}

    def test_python_version(self) -> None:
        """Python 3.11 or newer is required (tomllib, StrEnum)."""
        assert distribution("interviewprep-kit").metadata["Requires-Python"] == ">=3.11"

    def test_core_pack_entry_point(self) -> None:
        """The core pack is registered like any third-party pack."""
        [core] = [ep for ep in entry_points(group="interviewprep.packs") if ep.name == "core"]
        assert core.value == "interviewprep._packs.core"
        assert core.dist is not None
        assert core.dist.name == "interviewprep-kit"

    def test_scorer_entry_points(self) -> None:
        """Every built-in scorer is registered through the scorers group, and only they."""
        from interviewprep.scorers import BUILTIN

        ours = {
            ep.name
            for ep in entry_points(group="interviewprep.scorers")
            if ep.dist and ep.dist.name == "interviewprep-kit"
        }
        assert ours == set(BUILTIN)

    def test_pytest_plugin_and_console_script(self) -> None:
        """The pytest plugin and the console script are declared."""
        [plugin] = [ep for ep in entry_points(group="pytest11") if ep.name == "interviewprep"]
        assert plugin.value == "interviewprep.pytest_plugin"
        [script] = [
            ep for ep in entry_points(group="console_scripts") if ep.name == "interviewprep"
        ]
        assert script.value == "interviewprep._cli:main"

    def test_typed(self) -> None:
        """The package ships py.typed."""
        files = distribution("interviewprep-kit").files or []
        assert any(str(f).endswith("interviewprep/py.typed") for f in files) or _editable()


def _editable() -> bool:
    from pathlib import Path

    import interviewprep

    return (Path(interviewprep.__file__).parent / "py.typed").exists()
