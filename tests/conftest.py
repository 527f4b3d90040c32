"""Shared fixtures: a pinned terminal for exact output, a temporary working folder, and
claims built from the model directly so that storage tests do not depend on extraction."""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, settings
from typer.testing import CliRunner

from claimtrack.cli import app
from claimtrack.models import Attribution, Claim, Figure, Link, Source, claim_to_dict

# Shared CI machines run cold and slow: no per-example deadline, no "too slow" health check.
settings.register_profile("claimtrack", deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("claimtrack")


@pytest.fixture(autouse=True)
def pinned_terminal(monkeypatch, tmp_path):
    """Rich renders 100 columns without colour; nothing leaks in from the caller's shell."""
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("TERM", "dumb")
    for name in ("CLAIMTRACK_DB", "CLAIMTRACK_LEXICON", "FORCE_COLOR", "PY_COLORS",
                 "GITHUB_ACTIONS"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)


@pytest.fixture
def invoke():
    """Run the CLI in-process; stdout and stderr stay apart (result.stdout, result.stderr)."""
    runner = CliRunner()

    def run(*args: str, input: str | bytes | None = None, env: dict | None = None):
        return runner.invoke(app, list(args), input=input, env=env, catch_exceptions=True)

    return run


def make_claim(text: str, figure: str, *, metric: str = "killed", value: int | None = None,
               low: int | None = None, high: int | None = None, qualifier: str = "exact",
               subject_group: str = "people", location: str | None = None,
               chain: tuple[tuple[str, str, str], ...] = (), hedge: str | None = None,
               report: str = "test", outlet: str | None = None) -> dict:
    """A claim_to_dict row for ``figure`` found in ``text``; chain links as (name, kind, cue)."""
    start = text.index(figure)
    value = value if value is not None else int(figure.replace(",", ""))
    low = value if low is None else low
    high = value if high is None and qualifier == "exact" else high
    fig = Figure(figure, qualifier, value, low, high, start, start + len(figure))
    links = tuple(Link(Source(name, kind, name.casefold(), name), cue) for name, kind, cue in chain)
    claim = Claim(fig, metric, None, subject_group, location, Attribution(links, hedge), text, 0)
    return claim_to_dict(claim, report=report, outlet=outlet)


def pytest_addoption(parser):
    parser.addoption("--regen-golden", action="store_true",
                     help="rewrite tests/golden/*.json from the current extraction engine")


@pytest.fixture
def regen_golden(request) -> bool:
    return request.config.getoption("--regen-golden")
