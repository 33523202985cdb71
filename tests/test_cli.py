from __future__ import annotations

import subprocess
import sys

import pytest

import interviewprep
from interviewprep._cli import main


class TestMain:
    def test_version(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--version prints the installed version and exits 0."""
        assert main(["--version"]) == 0
        assert capsys.readouterr().out.strip() == f"interviewprep {interviewprep.__version__}"

    def test_no_command_is_a_usage_error(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Without a command, help goes to stderr and the exit code is 2."""
        assert main([]) == 2
        assert "usage: interviewprep" in capsys.readouterr().err

    def test_unknown_option_is_a_usage_error(self, capsys: pytest.CaptureFixture[str]) -> None:
        """An unknown option exits 2 with argparse's message."""
        assert main(["--frobnicate"]) == 2
        assert "unrecognized arguments" in capsys.readouterr().err

    def test_python_dash_m(self) -> None:
        """python -m interviewprep runs the same command."""
        result = subprocess.run(
            [sys.executable, "-m", "interviewprep", "--help"],
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 0
        assert "Exit codes" in result.stdout
