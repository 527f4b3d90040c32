"""The records extraction yields: frozen, each carrying character offsets into the text.

The invariant ``text[start:end] == surface`` holds for every :class:`Figure`.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Figure:
    """A number as written, with the interval its wording allows (SPEC §3)."""

    surface: str
    qualifier: str  # exact, at_least, more_than, at_most, less_than, approx, range, vague
    value: int
    low: int | None
    high: int | None  # None: unbounded
    start: int
    end: int
    unit: str | None = None  # "percent", "USD", … for figures that are not head counts


@dataclass(frozen=True, slots=True)
class Source:
    """Who makes a claim, normalised for grouping (SPEC §5)."""

    name: str  # "Khabar-24"
    kind: str  # media, government, police, military, international, ngo, medical, person, unnamed
    key: str  # case-folded grouping key: "khabar 24"
    text: str = ""  # as written: "the local television Khabar-24"
    descriptor: str | None = None  # "local television"
    role: str | None = None  # "police spokesman"


@dataclass(frozen=True, slots=True)
class Link:
    """One link of an attribution chain and the words that attach it."""

    source: Source
    cue: str  # "according to", "cites", "quoted by", "said", …


@dataclass(frozen=True, slots=True)
class Attribution:
    """The chain from the report outward; empty when the report itself makes the claim."""

    chain: tuple[Link, ...] = ()
    hedge: str | None = None
    quoted: bool = False

    @property
    def source(self) -> Source | None:
        return self.chain[0].source if self.chain else None

    @property
    def origin(self) -> Source | None:
        return self.chain[-1].source if self.chain else None

    @property
    def cue(self) -> str | None:
        return self.chain[0].cue if self.chain else None


@dataclass(frozen=True, slots=True)
class Claim:
    """A figure with what it counts and who the report says states it (SPEC §2)."""

    figure: Figure
    metric: str  # from the lexicon, or "other"
    subject: str | None  # the counted group as written
    subject_group: str  # normalised by the lexicon; "people" when generic
    location: str | None
    attribution: Attribution = field(default_factory=Attribution)
    sentence: str = ""
    sentence_start: int = 0

    @property
    def start(self) -> int:
        return self.figure.start

    @property
    def end(self) -> int:
        return self.figure.end


def _link_dict(source: Source, cue: str | None) -> dict:
    return {"name": source.name, "kind": source.kind, "cue": cue, "key": source.key, "text": source.text,
            "descriptor": source.descriptor, "role": source.role}


def claim_to_dict(claim: Claim, *, report: str | None = None, outlet: str | None = None) -> dict:
    """Flatten a claim into the row `extract` prints and `ingest` stores (SPEC §2, §7).

    A claim with no attribution belongs to the report itself: its outlet (kind ``outlet``)
    when known, else ``unattributed`` with no source name.
    """
    fig, attr = claim.figure, claim.attribution
    links = attr.chain
    if links:
        first, last = links[0].source, links[-1].source
        source, source_kind, origin, origin_kind = first.name, first.kind, last.name, last.kind
        chain = [_link_dict(link.source, link.cue) for link in links]
    elif outlet:
        source = origin = outlet
        source_kind = origin_kind = "outlet"
        chain = [{"name": outlet, "kind": "outlet", "cue": None, "key": outlet.casefold(), "text": outlet,
                  "descriptor": None, "role": None}]
    else:
        source = origin = None
        source_kind = origin_kind = "unattributed"
        chain = []
    return {
        "report": report,
        "metric": claim.metric,
        "subject": claim.subject,
        "subject_group": claim.subject_group,
        "figure": fig.surface,
        "qualifier": fig.qualifier,
        "value": fig.value,
        "low": fig.low,
        "high": fig.high,
        "unit": fig.unit,
        "location": claim.location,
        "source": source,
        "source_kind": source_kind,
        "origin": origin,
        "origin_kind": origin_kind,
        "cue": links[0].cue if links else None,
        "hedge": attr.hedge,
        "quoted": attr.quoted,
        "chain": chain,
        "sentence": claim.sentence,
        "start": fig.start,
        "end": fig.end,
    }
