"""Table tests of whole texts: every text of a table through one real ``claimtrack extract
-f jsonl`` run, and each text's claims compared with the exact set it should give.

An expected claim is ``(metric, low, high, source)``: ``metric`` may be a tuple of accepted
metrics (``("hospitalized", "injured")``), ``high`` None is unbounded, ``source`` None is the
report itself, a name is accepted when its words run together inside the claim's source,
origin or a link of its chain (``police`` names ``Swiss police``), and a tuple of these accepts
any of them. Used by test_variants.py, test_variants2.py and test_realnews_rules.py.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimtrack.cli import app


def case_id(group: str, n: int) -> str:
    return f"{group}-{n}"


def cases_of(table: dict[str, list]) -> list[tuple[str, int, str, list]]:
    """(group, n, text, expected) for each row of a table of groups, numbered from 1."""
    return [(group, n, text, expected) for group, rows in table.items()
            for n, (text, expected) in enumerate(rows, 1)]


def extract_all(cases: list[tuple[str, int, str, list]], folder: Path,
                date: str | None = None) -> dict[str, list[dict]]:
    """Every case's text through ``claimtrack extract -f jsonl`` in one run: claims by case id."""
    path = folder / "cases.jsonl"
    with path.open("w", encoding="utf-8") as f:
        for group, n, text, _ in cases:
            row = {"id": case_id(group, n), "text": text}
            if date:
                row["date"] = date
            f.write(json.dumps(row) + "\n")
    result = CliRunner().invoke(app, ["extract", "-f", "jsonl", str(path)])
    assert result.exit_code == 0, result.stderr
    claims: dict[str, list[dict]] = {}
    for line in result.stdout.splitlines():
        row = json.loads(line)
        claims.setdefault(row["report"], []).append(row)
    return claims


def params(cases: list[tuple[str, int, str, list]], xfail: dict[str, str]):
    """One pytest parameter per case, strictly expected to fail where ``xfail`` says why."""
    for group, n, text, expected in cases:
        cid = case_id(group, n)
        marks = [pytest.mark.xfail(strict=True, reason=xfail[cid])] if cid in xfail else []
        yield pytest.param(cid, text, expected, id=cid, marks=marks)


def _words(name: str) -> tuple[str, ...]:
    return tuple(re.findall(r"\w+", name.casefold()))


def _names(row: dict) -> list[tuple[str, ...]]:
    names = [row.get("source"), row.get("origin")]
    names += [link.get("name") for link in row.get("chain") or []]
    return [_words(n) for n in names if n]


def _names_it(name: str, names: list[tuple[str, ...]]) -> bool:
    want = _words(name)
    return any(have[i:i + len(want)] == want
               for have in names for i in range(len(have) - len(want) + 1))


def matches(row: dict, want: tuple) -> bool:
    metric, low, high, source = want
    metrics = metric if isinstance(metric, tuple) else (metric,)
    if row["metric"] not in metrics or (row["low"], row["high"]) != (low, high):
        return False
    accepted = source if isinstance(source, tuple) else (source,)
    for name in accepted:
        if name is None and row["source_kind"] in ("outlet", "unattributed"):
            return True
        if name is not None and _names_it(name, _names(row)):
            return True
    return False


def unmatched(rows: list[dict], expected: list[tuple]) -> tuple[list, list]:
    """Expected claims not found and claims not expected (a one-to-one matching), among the
    stated claims of a metric (``other`` and derived tallies left out)."""
    left = [r for r in rows if r["metric"] != "other" and not r.get("derived")]
    missing = []
    for want in expected:
        hit = next((r for r in left if matches(r, want)), None)
        if hit is None:
            missing.append(want)
        else:
            left.remove(hit)
    extra = [(r["metric"], r["low"], r["high"], r["source"], r["figure"]) for r in left]
    return missing, extra


def source_readings(rows: list[dict], expected: list[tuple], text: str) -> None:
    """Assert that a text's stated claims read, in text order, as ``expected``: ``(low, high,
    source)`` with ``source`` the claim's exact source name (None: the report itself), and a
    fourth item, where given, the chain of names from the report outward."""
    rows = [r for r in rows if not r.get("derived")]
    got = [(r["low"], r["high"],
            None if r["source_kind"] in ("outlet", "unattributed") else r["source"]) for r in rows]
    assert got == [w[:3] for w in expected], text
    for row, w in zip(rows, expected):
        if len(w) > 3:
            assert [link["name"] for link in row["chain"]] == w[3], text
