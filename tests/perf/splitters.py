"""claimtrack's sentence splitter against well-kept ones (pysbd, syntok), on the kinds of text
news really comes as: wire copy in capitals, lines hard-wrapped inside sentences, full stops
run into the next word, headlines and datelines without a stop, abbreviations, initials,
decimals, quotes. Prints each splitter's boundary precision, recall and F1 per kind, and its
speed on a corpus (MB/s, with claimtrack's own as the baseline of the same run).

    pip install pysbd syntok          # only for this comparison: claimtrack needs neither
    python tests/perf/splitters.py [--corpus FILE.jsonl]

The cases are our own sentences; ``‖`` marks where a sentence ends (it is removed from the
text). A splitter that is not installed is left out.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from claimtrack.extract.sentences import sentence_spans  # noqa: E402

MARK = "‖"

CASES: dict[str, list[str]] = {
    "wire capitals": [
        "TROOPS OPENED FIRE ON THE MARCHERS, KILLING 9.‖ THE GOVERNOR SAID 40 WERE HURT.‖",
        "SAN PEDRO, 4 MAY (AFP) -- GUERRILLAS BLEW UP TWO PYLONS.‖ NO ONE WAS HURT, THE ARMY "
        "SAID.‖ POWER WAS CUT TO 3 PROVINCES.‖",
        "THE U.S. EMBASSY SAID 2 AMERICANS WERE HELD.‖ GEN. ORTEGA DENIED IT.‖",
        "POLICE DETAINED 14 STUDENTS.‖ 6 OF THEM WERE RELEASED ON FRIDAY.‖",
    ],
    "wrapped lines": [
        "Rescue teams pulled 11 people from the\nrubble of the market overnight, the fire "
        "service\nsaid.‖ Two of them later died in\nhospital.‖",
        "The flood left about 3,000 families\nwithout shelter, aid workers said on\nTuesday.‖\n"
        "More rain is expected.‖",
        "A spokesman for the\nregional police told reporters that 8\nsuspects had been "
        "detained.‖",
        "Officials put the number of missing\nfishermen at 23.‖ The search was called off\n"
        "at dusk.‖",
    ],
    "missing space": [
        "Four guards were wounded in the attack, police said.‖The second attack came at "
        "dawn.‖",
        "The ministry confirmed 17 deaths.‖Officials fear the toll will rise.‖",
        "At least 5 miners are trapped, the company said.‖Rescuers reached them by noon.‖",
        "The mayor said 200 homes were lost.‖It was the worst fire in decades.‖",
    ],
    "headlines and datelines": [
        "Bus plunges into gorge in the hills‖\n\nAt least 19 passengers were killed when a "
        "bus left the road.‖",
        "Storm kills 6 along the coast‖\nThe storm made landfall on Sunday night.‖",
        "UPDATE: 3 arrested after brawl at stadium‖\nPolice said the fight began at half "
        "time.‖",
        "LAGOS, June 2 (Reuters) - Gunmen abducted 12 pupils from a school, police said.‖",
        "Fire at warehouse leaves 2 dead‖\n\nBy Jane Ode, Staff Writer‖\n\nTwo night "
        "watchmen died in the blaze.‖",
    ],
    "abbreviations and initials": [
        "Lt. Col. Ana Reyes said 7 soldiers were hurt near the St. Mary's checkpoint.‖",
        "The U.N. refugee agency said 1.2 million people had fled since Jan. 3.‖ Most went "
        "west.‖",
        "J. R. Okafor, a spokesman, said no one was killed.‖ Dr. Bello agreed.‖",
        "About 4.5 per cent of the town's people were displaced, i.e. some 900 residents.‖",
        "The firm, Acme Corp., said 30 workers were evacuated.‖",
        "The blast came at 9 a.m.‖ Rescuers arrived an hour later.‖",
        "Mr. Haddad, 61, and Mrs. Haddad were among 5 people hurt on Elm St. near No. 4.‖",
        "The company, based in the U.K., said 12 staff were hurt.‖",
    ],
    "quotes and brackets": [
        "\"We found 14 bodies,\" the commander said.‖ \"There may be more.\"‖",
        "She said: “Nine of my neighbours are missing.”‖ Police did not comment.‖",
        "The army (which gave no figure for its own losses.) said 30 rebels died.‖",
        "Witnesses said they heard \"dozens of shots.\"‖ Two men were arrested.‖",
        "Is the toll 40 or 400?‖ Nobody knows yet, officials said.‖",
    ],
}


def cases() -> list[tuple[str, str, set[int]]]:
    """(kind, text, the offsets where its sentences end) for every case."""
    out = []
    for kind, texts in CASES.items():
        for marked in texts:
            text, ends, at = [], set(), 0
            for piece in marked.split(MARK):
                text.append(piece)
                at += len(piece)
                ends.add(len("".join(text).rstrip()))
            whole = "".join(text)
            ends.discard(0)
            out.append((kind, whole, {e for e in ends if e > 0}))
    return out


def _ends(spans, text: str) -> set[int]:
    return {len(text[:b].rstrip()) for a, b in spans if text[a:b].strip()}


def ours(text: str) -> set[int]:
    return _ends(sentence_spans(text), text)


def splitters() -> dict:
    found = {"claimtrack": ours}
    try:
        import pysbd

        seg = pysbd.Segmenter(language="en", clean=False, char_span=True)
        found["pysbd"] = lambda text: _ends([(s.start, s.end) for s in seg.segment(text)], text)
    except ImportError:
        pass
    try:
        import syntok.segmenter as syntok

        def syntok_ends(text: str) -> set[int]:
            spans = []
            for paragraph in syntok.analyze(text):
                for sentence in paragraph:
                    last = sentence[-1]
                    spans.append((sentence[0].offset, last.offset + len(last.value)))
            return _ends(spans, text)
        found["syntok"] = syntok_ends
    except ImportError:
        pass
    return found


def accuracy(split) -> dict[str, tuple[float, float, float]]:
    tally = defaultdict(lambda: [0, 0, 0])  # kind → [right, found, gold]
    for kind, text, gold in cases():
        got = split(text)
        for key in (kind, "all"):
            tally[key][0] += len(got & gold)
            tally[key][1] += len(got)
            tally[key][2] += len(gold)
    out = {}
    for kind, (right, found, gold) in tally.items():
        p, r = right / found if found else 0.0, right / gold if gold else 0.0
        out[kind] = (p, r, 2 * p * r / (p + r) if p + r else 0.0)
    return out


def speed(split, texts: list[str]) -> float:
    start = time.process_time()
    for text in texts:
        split(text)
    return time.process_time() - start


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, help="JSON lines with a `text` field: speed")
    args = parser.parse_args(argv)
    found = splitters()
    kinds = [*CASES, "all"]
    print(f"{'kind':28} " + " ".join(f"{name:>22}" for name in found))
    scores = {name: accuracy(split) for name, split in found.items()}
    for kind in kinds:
        cells = [f"P {scores[n][kind][0]:.2f} R {scores[n][kind][1]:.2f} F1 {scores[n][kind][2]:.2f}"
                 for n in found]
        print(f"{kind:28} " + " ".join(f"{c:>22}" for c in cells))
    if args.corpus:
        texts = [json.loads(line)["text"] for line in args.corpus.open(encoding="utf-8")]
        size = sum(len(t.encode()) for t in texts) / 1e6
        base = speed(ours, texts)
        for name, split in found.items():
            seconds = base if name == "claimtrack" else speed(split, texts)
            print(f"speed on {args.corpus.name} ({size:.1f} MB): {name} {size / seconds:.2f} MB/s "
                  f"({seconds / base:.1f}× claimtrack's time)")


if __name__ == "__main__":
    main()
