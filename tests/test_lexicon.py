"""The lexicon is data: a user's file extends the word lists and replaces vague intervals."""
from __future__ import annotations

import pytest

from claimtrack.errors import UsageError
from claimtrack.extract import extract_claims, load_lexicon

USER = """
[vague]
"dozens" = [12, 99]
[metrics.killed]
after = ["martyred"]
[subjects]
police = ["carabinieri"]
"""


@pytest.fixture
def user_lexicon(tmp_path):
    path = tmp_path / "lexicon.toml"
    path.write_text(USER, encoding="utf-8")
    return path


def facts(text, lexicon=None):
    return [(c.figure.surface, c.metric, c.figure.low, c.figure.high, c.subject_group)
            for c in extract_claims(text, lexicon=lexicon)]


def test_default_lexicon_knows_neither_word():
    assert facts("Dozens of carabinieri were martyred.") == [("Dozens", "other", 24, 99, "people")]


def test_user_words_extend_and_vague_pairs_replace(user_lexicon):
    lexicon = load_lexicon(user_lexicon)
    assert facts("Dozens of carabinieri were martyred.", lexicon) == [
        ("Dozens", "killed", 12, 99, "police")]
    # the default words are still there
    assert facts("Nine officers were killed.", lexicon) == [("Nine", "killed", 9, 9, "police")]


def test_environment_variable_names_the_file(user_lexicon, monkeypatch):
    monkeypatch.setenv("CLAIMTRACK_LEXICON", str(user_lexicon))
    assert facts("Dozens of carabinieri were martyred.", load_lexicon()) == [
        ("Dozens", "killed", 12, 99, "police")]


@pytest.mark.parametrize("content, message", [
    ("[vague\n", "not valid TOML"),
    ('[vague]\n"dozens" = [99, 12]\n', "low <= high"),
    ('[vague]\n"dozens" = "many"\n', "must be [low, high]"),
])
def test_bad_lexicon_is_a_usage_error(tmp_path, content, message):
    path = tmp_path / "bad.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(UsageError, match=message.replace("[", r"\[").replace("]", r"\]")):
        load_lexicon(path)


def test_missing_lexicon_is_a_usage_error(tmp_path):
    with pytest.raises(UsageError, match="cannot read lexicon"):
        load_lexicon(tmp_path / "nope.toml")
