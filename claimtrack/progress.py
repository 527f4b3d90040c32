"""The progress bar `ingest` draws on stderr when stderr is a terminal."""
from __future__ import annotations

import os
from collections.abc import Iterable

from rich.console import Console
from rich.progress import (BarColumn, DownloadColumn, Progress, TextColumn, TimeElapsedColumn,
                           TimeRemainingColumn)

from .inputs import STDIN, Rejection, Report, _expand, shown_path


class IngestProgress:
    """Bytes of input done out of the total, files done, reports and claims stored.

    Use as a context manager; call the instance with each ingested item and the running
    summary (``ingest(on_progress=…)``). Within a file, the bytes done are estimated from
    the text read so far; they are exact each time a file is finished.
    """

    def __init__(self, paths: Iterable[str], console: Console):
        self.sizes: dict[str, int] = {}
        for arg in paths:
            if arg == STDIN:
                continue
            for path in _expand(arg):
                if isinstance(path, Rejection):
                    continue
                try:
                    self.sizes[shown_path(path)] = os.path.getsize(path)
                except OSError:
                    pass
        has_stdin = STDIN in paths
        total = None if has_stdin or not self.sizes else sum(self.sizes.values())
        self.progress = Progress(
            TextColumn("[bold]ingest[/bold]"), BarColumn(), DownloadColumn(),
            TextColumn("{task.fields[files]}"),
            TextColumn("{task.fields[reports]:,} reports · {task.fields[claims]:,} claims"),
            TimeElapsedColumn(), TimeRemainingColumn(),
            console=console, transient=True,
        )
        self.task = self.progress.add_task("ingest", total=total, files="", reports=0, claims=0)
        self.files_total = len(self.sizes)
        self.files_done = 0
        self.bytes_done = 0  # in the files finished
        self.current: str | None = None
        self.in_current = 0

    def __enter__(self) -> IngestProgress:
        self.progress.start()
        return self

    def __exit__(self, *exc) -> None:
        self.progress.stop()

    def __call__(self, item: Report | Rejection, summary) -> None:
        if isinstance(item, Report) and item.path is not None:
            if item.path != self.current:
                self._finish_current()
                self.current, self.in_current = item.path, 0
            self.in_current += len(item.text) + 1
        size = self.sizes.get(self.current or "", 0)
        files = (f"{self.files_done}/{self.files_total} files" if self.files_total > 1 else "")
        self.progress.update(
            self.task, completed=self.bytes_done + min(self.in_current, size), files=files,
            reports=summary.added, claims=summary.claims - summary.other)

    def _finish_current(self) -> None:
        if self.current in self.sizes:
            self.bytes_done += self.sizes[self.current]
            self.files_done += 1
