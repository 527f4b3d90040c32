"""Cues (SPEC §5), the first stage of attribution: the verbs of saying, reporting and showing
(built in, and more as lexicon data), grouped for one fast scan, and what a cue found in a
sentence records."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..models import Link


# the parts of a verb of estimating a figure ("puts the crowd at", "raised its toll to"): the
# measure's determiner, its noun, and a figure after the preposition
_OWN = r"(?:the|its|their|his|her|our|a|an)"
_RAISE_VERBS = ("raised", "raises", "raising", "increased", "increases", "increasing", "lowered", "lowers",
                "revised", "revises", "updated", "updates")
_MEASURE = r"(?:death\s+|casualty\s+)?(?:toll|tally|count|number|figure|estimate|total)"
_FIGURE_NEXT = (r"\s+(?:(?:about|around|some|nearly|almost|roughly|approximately|more\s+than|over|under|"
                r"fewer\s+than|less\s+than|at\s+least|just|only|up\s+to|as\s+many\s+as|a\s+(?:solid|record|mere))\s+)?"
                r"(?:[$€£]?\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|"
                r"forty|fifty|sixty|seventy|eighty|ninety|hundreds|thousands|millions|dozens|half|"
                r"a\s+(?:dozen|hundred|thousand|million|billion))\b)")
SPEECH = (r"said|says|say|stated|states|state|reported|reports|report|announced|announces|told|tells|"
          r"claimed|claims|claim|confirmed|confirms|confirm|estimated|estimates|estimate|added|adds|"
          r"affirms|affirmed|declared|declares|wrote|writes|posted|posts|noted|notes|explained|"
          r"explains|insisted|insists|acknowledged|acknowledges|warned|warns|indicated|indicates|"
          r"revealed|reveals|tweeted|counted|recorded|disclosed|informed|stressed|emphasized|"
          r"underlined|underlines|asserted|asserts|maintained|maintains|alleged|alleges|"
          r"put\s+the\s+(?:death\s+|casualty\s+)?toll(?:\s+(?:from|of|in|after)\s+(?:[\w'’-]+\s+){1,5}?)?\s*at|put\s+the\s+number\s+of|raised\s+the\s+(?:death\s+)?toll|"
          r"raised\s+the\s+number|revised|updated|even\s+(?:speak|spoke|speaks)\s+of|speak\s+of|spoke\s+of|speaks\s+of|"
          r"puts?\s+the\s+figure\s+at|pointed\s+out|went\s+on|continued|concluded|observed|"
          r"testified|admitted|announce|commented|described|recalled|predicted|projected|found|finds|showed|"
          r"shows|show|reveal|reveals|revealed|reporting|argued|complained|complains|"
          r"argues|contends|contended|offered|declaring|telling|saying|noting|"
          r"focuses\s+on|suggests|suggested|calculated|tallied|documented|counts|tally|added\s+that|"
          r"expects|expected|expecting|expect|predicts|forecasts|forecast|believes|believed|thinks|contends|insists|"
          r"acknowledges|concedes|conceded|boasted|boasts|touted|touts|cited|cites|highlighted|highlights|"
          r"condemned|criticized|criticised|urged|proposed|proposes|pledged|promised|vowed|called\s+for|"
          r"finding|found\s+that|find|estimating|predicting|projecting|according|argue|contend|predict|warn|"
          r"acknowledge|concede|insist|believe|think|fear|"
          # "charged" is an accusation only before what it alleges: "critics charged that …"
          r"charged\s+that|charges\s+that|"
          # a figure set by a verb of estimating with its measure noun between: "X puts the number of
          # children displaced at 90,000", "Y raised its count of the dead to 12", "Z gave a higher
          # toll of 19"
          rf"put(?:s|ting)?\s+(?:{_OWN}|[\w.-]+['’]s)\s+(?:[\w'’-]+\s+){{0,16}}?at(?={_FIGURE_NEXT})|"
          + "|".join(rf"{verb}\s+{_OWN}\s+(?:[\w'’-]+\s+){{0,2}}?{_MEASURE}(?:\s+(?:of|from|in|for)\s+"
                     rf"(?:[\w'’-]+\s+){{0,6}}?)?\s*to(?={_FIGURE_NEXT})" for verb in _RAISE_VERBS) + "|"
          + "|".join(rf"{verb}\s+(?:a|an|the|its|their|his|her)\s+(?:[\w-]+\s+){{0,2}}?{_MEASURE}\s+of(?={_FIGURE_NEXT})"
                     for verb in ("gave", "gives", "give", "giving")))
# After a quotation, or before a colon, these introduce speech as well.
# ("read": a document's words quoted, "…,” the letter read)
QUOTE_SPEECH = SPEECH + r"|answers|answered|responded|responds|replied|replies|joked|quipped|shouted|asked|asks|read|reads|"\
    r"pressed|presses|countered|counters|implored|reminded|wondered|demanded"


def _by_first_letter(alternation: str) -> str:
    """The same alternatives grouped by their first letter, in their order within a group.

    Only words with the letter at hand can match there, so the result is the same; but the
    engine no longer tries two hundred words at each word of a sentence, only a few.
    """
    items, depth, start, i, in_class = [], 0, 0, 0, False
    while i < len(alternation):
        c = alternation[i]
        if c == "\\":
            i += 1
        elif in_class or c == "[":
            in_class = c != "]" if in_class else True
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            items.append(alternation[start:i])
            start = i + 1
        i += 1
    items.append(alternation[start:])
    groups: dict[str, list[str]] = {}
    for item in items:
        if not (item[:1].isalpha() and item[:1].islower()) or item[1:2] in ("?", "*", "+", "{"):
            raise ValueError(f"alternative must start with a lower-case letter: {item!r}")
        groups.setdefault(item[0], []).append(item[1:])
    return "|".join(f"{c}(?:{'|'.join(rest)})" for c, rest in groups.items())


_SPEECH = _by_first_letter(SPEECH)
_QUOTE_SPEECH = _by_first_letter(QUOTE_SPEECH)
_SPEECH_WORD = re.compile(rf"\b(?:{_SPEECH})\b", re.IGNORECASE)
_SPEECH_WORD_LOWER = re.compile(rf"\b(?=[a-z])(?:{_SPEECH})\b")


@dataclass(frozen=True, slots=True)
class Cue:
    """A source found in a sentence: its chain, the cue's position and whether it covers all."""

    chain: tuple[Link, ...]
    pos: int  # where the cue stands in the sentence
    strength: int  # 1 prepositional … 4 back-reference
    # a subject and its verb before what they report ("police said 3 …") cover what follows
    # them only; a postposed one ("3 …, police said") covers the figures before it too
    forward: bool = False


# verbs of saying that are as often nouns ("three member states", "the report"): read as verbs
# only before what they report, or after evidence or a comma
_NOUN_LIKE = {"according", "forecast", "cites", "highlights", "touts", "boasts", "find", "report", "reports", "claim", "claims", "state", "states", "estimate", "estimates", "notes",
              "posts", "found", "shows", "showed", "described", "continued", "went on", "counted",
              "recorded", "put", "observed", "concluded", "maintains", "maintained", "predicted",
              "projected", "revised", "updated", "informed", "admitted", "announce", "commented", "recalled",
              # plurals of nouns the lexicon's verbs share ("new rules", "party lists", "in its ranks")
              "rules", "lists", "ranks", "mentions", "promises", "pledges", "forecasts", "counts"}
