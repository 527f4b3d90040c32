"""The store's former single module, kept so that ``from claimtrack.db import …`` goes on
working: everything now lives in :mod:`claimtrack.store`, split by concern.

Only names are re-exported: a test that replaces one (``monkeypatch``) must do so in the
``claimtrack.store`` module that uses it.
"""
from __future__ import annotations

from .store import *  # noqa: F403
from .store import __all__  # noqa: F401
from .store.write import _claim_values  # noqa: F401  (tests compare the two packings)
