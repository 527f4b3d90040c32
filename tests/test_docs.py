"""docs/cli.md is every command's --help, regenerated here and compared, so it cannot go stale."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import typer
import typer.rich_utils

from claimtrack import docs
from claimtrack.cli import app

ROOT = Path(__file__).resolve().parent.parent
REGENERATE = "python -m claimtrack.docs > docs/cli.md"
COMMANDS = docs.command_names()


def test_docs_cli_md_is_up_to_date():
    current = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    assert current == docs.render(), f"docs/cli.md is out of date: run `{REGENERATE}`"


def test_every_command_is_documented_at_the_fixed_width():
    text = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    headings = re.findall(r"^## `claimtrack ?([a-z-]*)`$", text, flags=re.MULTILINE)
    assert headings == ["", *COMMANDS]
    assert {"ingest", "extract", "claims", "search", "export"} <= set(COMMANDS)
    assert max(len(line) for line in text.splitlines()) <= docs.WIDTH


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_has_help_ending_with_an_example(name):
    group = typer.main.get_command(app)
    command = group.get_command(typer.Context(group), name)
    assert command.help and command.get_short_help_str(), f"{name} has no help"
    last = command.help.strip().splitlines()[-1].strip()
    assert last.startswith("Example: ") and f"claimtrack {name}" in last, (
        f"the help of `claimtrack {name}` should end with an example line, not {last!r}")
    assert last in docs.help_text(name)


def test_help_is_rendered_the_same_whatever_the_terminal(monkeypatch):
    monkeypatch.setenv("COLUMNS", "40")
    monkeypatch.setenv("GITHUB_ACTIONS", "true")  # typer would force colour here
    monkeypatch.setenv("CLAIMTRACK_DB", "/somewhere/else.db")
    monkeypatch.setattr(typer.rich_utils, "FORCE_TERMINAL", True)
    monkeypatch.setattr(typer.rich_utils, "MAX_WIDTH", 40)
    text = docs.help_text("search")
    assert "\x1b[" not in text
    assert max(len(line) for line in text.splitlines()) == docs.WIDTH
    assert "/somewhere/else.db" not in docs.help_text()
    assert (typer.rich_utils.FORCE_TERMINAL, typer.rich_utils.MAX_WIDTH) == (True, 40)  # restored


def test_check_mode_and_readme_say_how_to_regenerate(tmp_path, monkeypatch, capsys):
    stale = tmp_path / "cli.md"
    stale.write_text("# old\n")
    monkeypatch.setattr(docs, "DOCS_PATH", stale)
    assert docs.main(["--check"]) == 1
    assert REGENERATE in capsys.readouterr().err
    stale.write_text(docs.render())
    assert docs.main(["--check"]) == 0
    assert REGENERATE in (ROOT / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", ["", *COMMANDS])
def test_help_paragraphs_flow_at_80_columns(name):
    """A docstring's source line breaks are not kept: at 80 columns each paragraph wraps at
    the terminal's width, with no stub line left over from the source's wrapping."""
    group = typer.main.get_command(app)
    command = group.get_command(typer.Context(group), name) if name else group
    paragraphs = command.help.split("\n\n")
    assert all("\n" not in p for p in paragraphs), paragraphs
    from typer.testing import CliRunner

    result = CliRunner().invoke(app, [*([name] if name else []), "--help"], terminal_width=80,
                                env={"COLUMNS": "80", "NO_COLOR": "1", "TERMINAL_WIDTH": "80"})
    assert result.exit_code == 0
    prose = result.output.split("╭")[0].splitlines()[3:]  # after the usage line
    words = [line.strip() for line in prose]
    # a line that is a lone word or two, followed by more prose, is a stub of a re-wrap
    stubs = [w for w, nxt in zip(words, words[1:]) if w and nxt and len(w) < 20]
    assert not stubs, stubs
