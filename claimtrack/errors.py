"""Errors the library raises; the CLI maps each to one line on stderr and an exit code."""


class ClaimtrackError(Exception):
    """Base class: ``str(error)`` is a message that tells the user what to do next."""

    exit_code = 1


class InputError(ClaimtrackError):
    """One input (file, line, stdin) could not be read as a report; the rest go on."""

    exit_code = 1


class UsageError(ClaimtrackError):
    """The command was called wrongly (bad option value, unreadable lexicon…)."""

    exit_code = 2


class DatabaseError(ClaimtrackError):
    """The database is locked, corrupt, not a claimtrack database, or of a newer schema."""

    exit_code = 3


class CrashError(ClaimtrackError):
    """claimtrack itself failed, not an input or the database: an extraction worker died
    (killed, out of memory), or a bug. Exit 3 like a database error, so that a script can
    tell it from rejected inputs (exit 1)."""

    exit_code = 3
