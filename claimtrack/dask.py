"""claimtrack on Dask (SPEC §12): ``pip install 'claimtrack[dask]'``.

    from claimtrack.dask import extract_bag, extract_parquet
    rows = extract_bag(["archive/"]).compute(chunksize=1)     # processes scheduler
    extract_parquet(["archive/"], "claims/")                  # or on a distributed.Client

One task per partition: a file, or a run of lines of a large JSON-lines file, each mapped
by :func:`claimtrack.extract_partition`; the rows equal what ``claimtrack extract -f jsonl``
prints for the same paths (plus ``key`` and ``rejection``). The paths must be readable by
every worker (a shared file system). A lexicon is best passed as a path: each worker
process loads and compiles it once.
"""
from __future__ import annotations

import io
import os
from pathlib import Path

import dask
import dask.bag as db

from .inputs import (DEFAULT_MAX_BYTES, JSONL_SUFFIXES, Meta, Rejection, _BOMS, _expand,
                     _is_binary, read_inputs)
from .partition import claim_row_arrow_schema, extract_partition, rejection_row

PARTITION_BYTES = 8_000_000  # a JSON-lines file larger than this is split at line ends
_SCAN = 1 << 20


def extract_bag(paths: list[str], *, lexicon: str | os.PathLike | None = None,
                outlet: str | None = None, partition_bytes: int = PARTITION_BYTES,
                max_bytes: int = DEFAULT_MAX_BYTES) -> db.Bag:
    """A bag of the claim rows of every report in ``paths`` (files, folders, globs).

    Partitions are planned here (folders listed, large JSON-lines files split at line ends)
    and extracted where the bag is computed: with the processes scheduler pass
    ``chunksize=1`` to ``compute`` (else each worker is handed 6 partitions at a time), or
    compute it on a ``distributed.Client``.
    """
    parts = list(_plan(paths, partition_bytes))
    lex = os.fspath(lexicon) if lexicon is not None else None
    return db.from_sequence(parts, npartitions=max(1, len(parts))).map_partitions(
        _extract_parts, lexicon=lex, outlet=outlet, max_bytes=max_bytes)


def extract_parquet(paths: list[str], directory: str | os.PathLike, *, client=None,
                    **options) -> list[str]:
    """Extract ``paths`` (as :func:`extract_bag`, same options) into Parquet files
    ``directory/part-00000.parquet``…, one per partition, of ``claim_row_arrow_schema()``.

    Runs on ``client`` (a ``distributed.Client``) when given, else on the one in use, else
    on the processes scheduler. Returns the files written, in partition order.
    """
    bag = extract_bag(paths, **options)
    return write_parquet(bag, directory, client=client)


def write_parquet(bag: db.Bag, directory: str | os.PathLike, *, client=None) -> list[str]:
    """Write a bag of claim rows as one Parquet file per partition (no pandas needed)."""
    out = Path(directory)
    out.mkdir(parents=True, exist_ok=True)
    files = [str(out / f"part-{i:05d}.parquet") for i in range(bag.npartitions)]
    tasks = [dask.delayed(_write_part)(part, name)
             for part, name in zip(bag.to_delayed(), files)]
    if client is not None:
        client.compute(tasks, sync=True)
    else:
        dask.compute(*tasks, chunksize=1)  # chunksize: ignored by other schedulers
    return files


def _write_part(rows: list[dict], name: str) -> str:
    import pyarrow as pa
    import pyarrow.parquet as pq

    pq.write_table(pa.Table.from_pylist(rows, schema=claim_row_arrow_schema()), name)
    return name


def _plan(paths: list[str], partition_bytes: int):
    """The partitions: ("file", path), ("lines", path, start, end, first line) or
    ("rejected", name, reason), in the order ``read_inputs`` reads them."""
    for arg in paths:
        files = _expand(arg) if arg != "-" else Rejection(arg, "stdin cannot be distributed")
        if isinstance(files, Rejection):
            yield ("rejected", files.name, files.reason)
            continue
        for path in files:
            if isinstance(path, Rejection):  # a folder that cannot be listed, a pipe…
                yield ("rejected", path.name, path.reason)
            else:
                yield from _split(path, partition_bytes)


def _split(path: Path, partition_bytes: int):
    try:
        size = path.stat().st_size
        if path.suffix.lower() not in JSONL_SUFFIXES or size <= partition_bytes:
            yield ("file", str(path))
            return
        with path.open("rb") as f:
            head = f.read(8192)
            if _is_binary(head) or head.startswith(tuple(b for b, e in _BOMS if e != "utf-8-sig")):
                yield ("file", str(path))  # read whole as ingest does: rejected or wide newlines
                return
            f.seek(0)
            start, line, offset, lines = 0, 1, 0, 0
            while block := f.read(_SCAN):
                at = 0
                while True:
                    nl = block.find(b"\n", at)
                    if nl < 0:
                        break
                    lines += 1
                    at = nl + 1
                    end = offset + at
                    if end - start >= partition_bytes:
                        yield ("lines", str(path), start, end, line)
                        start, line = end, line + lines
                        lines = 0
                offset += len(block)
            if offset > start:
                yield ("lines", str(path), start, offset, line)
    except OSError:
        yield ("file", str(path))  # read_inputs names what is wrong with it


def _extract_parts(parts, *, lexicon, outlet, max_bytes) -> list[dict]:
    rows: list[dict] = []
    defaults = Meta(outlet=outlet)
    for part in parts:
        kind, name = part[0], part[1]
        if kind == "rejected":
            rows.append(rejection_row(name, part[2]))
        elif kind == "file":
            rows += extract_partition(read_inputs([name], defaults=defaults, max_bytes=max_bytes),
                                      lexicon)
        else:
            start, end, first = part[2:]
            try:
                with open(name, "rb") as f:
                    f.seek(start)
                    data = f.read(end - start)
            except OSError as e:
                rows.append(rejection_row(name, f"cannot read: {e.strerror or e}"))
                continue
            rows += extract_partition(io.BytesIO(data), lexicon, name=name, first_line=first,
                                      path=name, defaults=defaults, max_bytes=max_bytes)
    return rows
