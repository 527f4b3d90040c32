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
    individual: bool = False  # one person named without a numeral (SPEC §2)
    derived: str | None = None  # "tally": a report total derived from the claims in ``parts``
    as_of: str | None = None  # the date the sentence gives the figure (ISO), when it gives one
    parts: tuple[int, ...] = ()  # for a tally: the indices, in the report's claims, it sums
    part: bool = False  # the figure counts a subset of a group the report counts (extract.parts)
    period: str | None = None  # a running count over this span ("since June"), not the incident

    @property
    def start(self) -> int:
        return self.figure.start

    @property
    def end(self) -> int:
        return self.figure.end


def chain_of(claim: Claim, outlet: str | None = None) -> list[tuple]:
    """The claim's chain as ``(name, kind, cue, key, text, descriptor, role)`` per link.

    A claim with no attribution belongs to the report itself: its outlet (kind ``outlet``)
    when known, else nobody (no link).
    """
    if claim.attribution.chain:
        return [(s.name, s.kind, link.cue, s.key, s.text, s.descriptor, s.role)
                for link in claim.attribution.chain for s in (link.source,)]
    if outlet:
        return [(outlet, "outlet", None, outlet.casefold(), outlet, None, None)]
    return []


def claim_to_dict(claim: Claim, *, report: str | None = None, outlet: str | None = None) -> dict:
    """Flatten a claim into the row `extract` prints and `ingest` stores (SPEC §2, §7)."""
    fig, attr = claim.figure, claim.attribution
    chain = [
        {"name": name, "kind": kind, "cue": cue, "key": key, "text": text,
         "descriptor": descriptor, "role": role}
        for name, kind, cue, key, text, descriptor, role in chain_of(claim, outlet)
    ]
    first = chain[0] if chain else None
    last = chain[-1] if chain else None
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
        "source": first["name"] if first else None,
        "source_kind": first["kind"] if first else "unattributed",
        "origin": last["name"] if last else None,
        "origin_kind": last["kind"] if last else "unattributed",
        "cue": attr.cue,
        "hedge": attr.hedge,
        "quoted": attr.quoted,
        "chain": chain,
        "sentence": claim.sentence,
        "start": None if claim.derived else fig.start,
        "end": None if claim.derived else fig.end,
        "individual": claim.individual,
        "derived": claim.derived,
        "as_of": claim.as_of,
        "parts": list(claim.parts) if claim.derived else None,
        "part": claim.part,
        "period": claim.period,
    }
