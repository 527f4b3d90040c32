"""claimtrack.dask on a local cluster: the rows equal `claimtrack extract -f jsonl`."""
from __future__ import annotations

import json
import random
import shutil
from pathlib import Path

import pytest

pytest.importorskip("dask.bag", reason="dask is not installed: pip install 'claimtrack[dask]'")
distributed = pytest.importorskip("distributed",
                                  reason="distributed is not installed: "
                                         "pip install 'claimtrack[dask]'")

from claimtrack.dask import extract_bag, extract_parquet  # noqa: E402

SAMPLES = Path(__file__).resolve().parent.parent / "samples"

WHO = ["Police", "The health ministry", "Rescue workers", "A hospital spokeswoman",
       "Local officials", "The regional governor"]
WHAT = ["people were killed", "people were injured", "homes were destroyed",
        "people were arrested", "families were evacuated"]
QUAL = ["", "at least ", "more than ", "about ", "nearly "]


def make_corpus(folder: Path, reports: int = 240) -> Path:
    """A JSON-lines archive of generated reports, with blank and broken lines among them."""
    rng = random.Random(19)
    lines = []
    for n in range(reports):
        sentences = [f"{rng.choice(WHO)} said {rng.choice(QUAL)}{rng.randint(2, 9000)} "
                     f"{rng.choice(WHAT)} in Tarvik on {rng.choice(['Monday', 'Friday'])}."
                     for _ in range(rng.randint(1, 4))]
        obj = {"text": " ".join(sentences), "outlet": f"Outlet {n % 7}"}
        if n % 3 == 0:
            obj["id"] = f"gen-{n}"
        lines.append(json.dumps(obj))
        if n % 50 == 7:
            lines.append("")
        if n % 80 == 11:
            lines.append('{"text": 5}')
    lines.append("{truncated")
    path = folder / "archive.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> list[str]:
    folder = tmp_path_factory.mktemp("corpus")
    shutil.copytree(SAMPLES, folder / "samples")
    return [str(folder / "samples"), str(make_corpus(folder)), str(folder / "missing.jsonl")]


@pytest.fixture(scope="module")
def expected(corpus) -> list[dict]:
    from typer.testing import CliRunner

    from claimtrack.cli import app

    result = CliRunner().invoke(app, ["extract", "-f", "jsonl", *corpus])
    assert result.exit_code == 1, result.output  # the broken lines and the missing file
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(rows) > 300
    return rows


def claims_only(rows: list[dict]) -> list[dict]:
    return [{k: v for k, v in r.items() if k not in ("key", "rejection")}
            for r in rows if r["rejection"] is None]


def rejected(rows: list[dict]) -> list[str]:
    return [r["report"] for r in rows if r["rejection"] is not None]


def test_bag_plans_one_task_per_partition(corpus):
    bag = extract_bag(corpus, partition_bytes=8_000)
    # 5 sample files (wire.jsonl whole), the archive in runs of lines, the missing path
    assert bag.npartitions > 8
    assert len(bag.__dask_graph__().layers[bag.name]) == bag.npartitions


def test_local_cluster_rows_equal_extract(corpus, expected, tmp_path):
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:
        rows = extract_bag(corpus, partition_bytes=8_000).compute()
        files = extract_parquet(corpus, tmp_path / "parquet", client=client,
                                partition_bytes=8_000)
    assert claims_only(rows) == expected
    assert all(isinstance(r["value"], float) for r in rows if r["rejection"] is None)
    archive = corpus[1]
    assert rejected(rows) == [f"{archive}:{n}" for n in _broken_lines(archive)] + [corpus[2]]
    import pyarrow.parquet as pq

    from claimtrack import claim_row_arrow_schema

    stored = [row for f in files for row in pq.read_table(f).to_pylist()]
    assert pq.read_schema(files[0]) == claim_row_arrow_schema()
    assert stored == rows


def test_processes_scheduler_rows_equal_extract(corpus, expected):
    rows = extract_bag(corpus, partition_bytes=50_000).compute(
        scheduler="processes", num_workers=2, chunksize=1)
    assert claims_only(rows) == expected


def _broken_lines(path: str) -> list[int]:
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    return [n for n, line in enumerate(lines, 1)
            if line.strip() and not isinstance(_loads(line), dict) or line == '{"text": 5}']


def _loads(line: str):
    try:
        return json.loads(line)
    except ValueError:
        return None


def test_readme_recipe_as_written(invoke, tmp_path):
    """README's "Beyond one machine": its Python block run as a script, then the merge."""
    import re

    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Beyond one machine"):]
    block = re.search(r"```python\n(.*?)```", section, re.S).group(1)
    Path("archive").mkdir()
    shutil.copy(SAMPLES / "wire.jsonl", "archive/wire.jsonl")
    make_corpus(Path("archive"), reports=40)
    Path("recipe.py").write_text(block, encoding="utf-8")
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "recipe.py"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in Path("claims").iterdir()) == \
        ["part-00000.parquet", "part-00001.parquet"]
    merged = invoke("--db", "merged.db", "ingest", "archive/", "--claims", "claims/")
    plain = invoke("--db", "plain.db", "ingest", "--jobs", "1", "archive/")
    assert merged.exit_code == plain.exit_code == 1  # the generated corpus's broken lines
    assert invoke("--db", "merged.db", "export", "-f", "json").stdout == \
        invoke("--db", "plain.db", "export", "-f", "json").stdout
