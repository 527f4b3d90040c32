"""sqlite-utils, imported without pandas and numpy: every claimtrack import of it goes here.

``sqlite_utils.db`` tries ``import pandas`` and ``import numpy`` when it is first imported,
only to map their scalar types (``pd.Timestamp``, ``np.int64``…) to column types. claimtrack
never inserts those, but with pandas installed, as it is for most data journalists, every
command that opens a database paid for them (about 0.4 s and 85 MB). While sqlite-utils
is imported, a ``None`` in ``sys.modules`` makes both imports fail as if they were absent.

A process that imported pandas or numpy before claimtrack keeps sqlite-utils' full mapping:
only the names not yet imported are held back, and only for the length of the import.
"""
from __future__ import annotations

import sys

_HELD_BACK = ("pandas", "numpy")


def _import_without_dataframes() -> None:
    if "sqlite_utils.db" in sys.modules:
        return
    held = [name for name in _HELD_BACK if name not in sys.modules]
    for name in held:
        sys.modules[name] = None  # type: ignore[assignment]  # import raises ImportError
    try:
        import sqlite_utils.db  # noqa: F401
    finally:
        for name in held:
            if sys.modules.get(name, 0) is None:
                del sys.modules[name]


_import_without_dataframes()

from sqlite_utils import Database  # noqa: E402
from sqlite_utils.migrations import Migrations  # noqa: E402

__all__ = ["Database", "Migrations"]
