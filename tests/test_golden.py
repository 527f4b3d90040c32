"""Golden files: the real `claimtrack extract` on every sample report, compared whole.

A change of rules shows up here as a reviewable diff: run `pytest --regen-golden`, then read
`git diff tests/golden/` before committing. Adding a regression case means adding a sample.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).resolve().parent / "golden"
SAMPLES = sorted(p for p in (ROOT / "samples").rglob("*")
                 if p.suffix in {".txt", ".md", ".json", ".jsonl", ".html", ".htm"})


def test_there_are_samples():
    assert len(SAMPLES) >= 4


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: str(p.relative_to(ROOT / "samples")))
def test_extract_matches_golden(sample, invoke, monkeypatch, regen_golden):
    monkeypatch.chdir(ROOT)  # `report` is the path as given: keep it relative and stable
    relative = sample.relative_to(ROOT).as_posix()
    result = invoke("extract", relative, "-f", "json")
    assert result.exit_code == 0, result.stderr
    claims = json.loads(result.stdout)
    golden = GOLDEN / (sample.relative_to(ROOT / "samples").as_posix().replace("/", "__") + ".json")
    if regen_golden:
        golden.write_text(json.dumps(claims, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    assert golden.exists(), f"no golden file for {relative}: run pytest --regen-golden"
    assert claims == json.loads(golden.read_text(encoding="utf-8"))
