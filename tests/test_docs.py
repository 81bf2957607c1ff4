"""Drift tests: the README, CI and help text say what the tool really does."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tracker.cli import app

ROOT = Path(__file__).parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
runner = CliRunner()


def _commands() -> list[list[str]]:
    """Return every command path of the CLI, e.g. ['schema', 'export']."""
    import typer.main

    root = typer.main.get_command(app)
    found: list[list[str]] = []

    def walk(group: object, prefix: list[str]) -> None:
        for name, command in getattr(group, "commands", {}).items():
            if getattr(command, "commands", None):
                walk(command, [*prefix, name])
            else:
                found.append([*prefix, name])

    walk(root, [])
    return found


def test_the_readme_starts_with_the_two_fresh_machine_commands() -> None:
    commands = [line for line in README.splitlines()[:8] if line.startswith(("python3", "("))]
    assert len(commands) == 2
    assert "tracker ingest seeds/" in commands[0]
    assert "tracker report" in commands[0]
    assert "pytest" in commands[1]


def test_ci_runs_exactly_the_readme_test_command() -> None:
    test_command = next(line for line in README.splitlines()[:8] if "pytest" in line)
    ci_lines = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert test_command in ci_lines


@pytest.mark.parametrize("command", _commands(), ids=" ".join)
def test_every_command_has_help_and_is_in_the_readme(command: list[str]) -> None:
    result = runner.invoke(app, [*command, "--help"])
    assert result.exit_code == 0
    assert "Example" in result.stdout or "example" in result.stdout
    assert re.search(rf"`tracker {' '.join(command)}`", README), f"README lacks tracker {command}"
