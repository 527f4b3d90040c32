"""A long fuzz run over extraction, input decoding and output formats (issue 6).

Not a test (pytest does not collect it); run it by hand, or in a nightly job::

    python tests/perf/fuzz.py                    # 100,000 inputs, seed 0
    python tests/perf/fuzz.py --count 20000 --seed 7
    python tests/perf/fuzz.py --seed 7 --only 1234   # replay one input

Every input is generated from ``--seed`` and its index alone, so a failure prints the
command that replays it, and writes the input to ``--out`` for a test case. Checked:

- ``extract_claims`` never raises; every figure slices back (``text[start:end] == figure``),
  bounded intervals are ordered (low <= high), claims come in order, each inside its sentence;
- an input slower than ``--slow`` seconds per 10 KB counts as a failure (extraction must stay
  linear);
- the input's bytes, in a random encoding or mangled, read through ``read_inputs`` as reports
  or rejections, never an exception;
- the claim rows render and parse back unchanged in json, jsonl, csv and tsv; the table view
  lets no control character through.

Prints inputs per second, per generator, and every failure; exits 1 if there was one.
"""
from __future__ import annotations

import argparse
import csv
import io
import json
import random
import re
import sys
import time
import traceback
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))  # tests/, for the oracles

from claimtrack.extract import extract_claims  # noqa: E402
from claimtrack.inputs import Report, Rejection, read_inputs  # noqa: E402
from claimtrack.models import claim_to_dict  # noqa: E402
from claimtrack.output import EXTRACT_TABLE, Format, render  # noqa: E402
from oracles import as_cells  # noqa: E402  (tests/oracles.py)

TOKENS = [
    "12", "2,000", "1.5 million", "3 thousand", "40%", "$3 million", "10-20", "10–20", "2022",
    "2022-01-06", "10:30", "3 p.m.", "COVID-19", "G7", "35-year-old", "6 months", "twelve",
    "one hundred and forty", "a dozen", "two dozen", "a hundred", "a thousand", "at least",
    "more than", "over", "up to", "fewer than", "about", "nearly", "some", "between", "and",
    "to", "several", "a few", "dozens", "scores", "hundreds", "thousands", "tens of thousands",
    "hundreds of", "of", "people", "police", "civilians", "protesters", "soldiers", "were",
    "have been", "killed", "wounded", "injured", "arrested", "detained", "dead", "missing",
    "death toll", "according to", "the Interior Ministry", "Interfax", "Reuters", "said",
    "told", "which cites", "quoted by", "citing", "This was stated by", "reportedly",
    "other sources", "witnesses", "in Almaty", "January 6", "Mr.", "Dr.", "U.S.", "WALLACE:",
    "“", "”", '"', "«", "»", "‘", "’", "'", "(", ")", "[", "]", ",", ".", ";", ":", "!", "?",
    "\n", "\n\n", "—", "–", "-", "...", "…",
]
ODD = [
    "١٢", "１２", "১২", "²", "½", "Ⅻ", "1٫5", "1'000", "12.000", "12\u202f000", "12\u00a0000",
    "\u00ad", "\u200b", "\u200d", "\ufeff", "\u202e", "\u2066", "\u2028", "\x1b[31m", "\x00",
    "\x07", "\r", "\t", "\u0301", "👩‍👩‍👧", "🇰🇿", "مقتل", "עברית", "İ", "ß", "ﬁ", "\ud7ff",
    "<p>", "</p>", "&amp;", "'); DROP TABLE claims; --", "{", "}", "\\", "%s", "{0}",
]
SEPARATORS = [" ", " ", " ", "", "\n", "  ", "\u00a0", ", ", ". "]
# Units that, repeated in one sentence, stress every scan that looks back or ahead.
UNITS = ["1 ", "12, ", "(", "“", '"a ', "The Interior Ministry ", "according to ", "said ",
         "at least ", "one hundred and ", "a-", "1.", "POLICE SAID 12 KILLED ", ",", "\n"]
ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "cp1252",
             "latin-1", "cp1251", "shift_jis"]
UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
QUALIFIERS = {"exact", "at_least", "more_than", "at_most", "less_than", "approx", "range",
              "vague"}


class Failure(Exception):
    """A broken invariant, as opposed to an exception raised by the code under test."""


def seed_corpus() -> list[str]:
    """Real-looking text to mutate: the samples, and reports from the benchmark corpus."""
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "samples").glob("*.txt"))]
    texts += [p.read_text(encoding="utf-8") for p in sorted((ROOT / "samples").glob("*.md"))]
    try:
        import corpus
    except ImportError:
        return texts
    reports = corpus.reports(seed=0)
    texts += [next(reports)["text"] for _ in range(300)]
    return texts


def soup(rng: random.Random, odd: float = 0.0) -> str:
    parts = []
    for _ in range(rng.randint(0, 60)):
        roll = rng.random()
        if roll < odd:
            parts.append(rng.choice(ODD))
        elif roll < 0.8:
            parts.append(rng.choice(TOKENS))
        else:
            parts.append(f"{rng.randint(1, 10 ** rng.randint(1, 9)):,}" if rng.random() < 0.5
                         else str(rng.randint(0, 10 ** rng.randint(1, 12))))
        parts.append(rng.choice(SEPARATORS))
    return "".join(parts)


def unicode_noise(rng: random.Random) -> str:
    ranges = [(0x20, 0x7e), (0xa0, 0x24f), (0x370, 0x3ff), (0x400, 0x4ff), (0x590, 0x6ff),
              (0x2000, 0x206f), (0x3000, 0x30ff), (0x4e00, 0x4fff), (0x1f300, 0x1f6ff),
              (0x0, 0x1f), (0x80, 0x9f), (0xfe00, 0xffff)]
    out = []
    for _ in range(rng.randint(0, 200)):
        low, high = rng.choice(ranges)
        code = rng.randint(low, high)
        if 0xd800 <= code <= 0xdfff:
            continue
        out.append(chr(code))
    return "".join(out)


def mutate(rng: random.Random, text: str) -> str:
    if not text:
        return soup(rng)
    start = rng.randrange(len(text))
    text = text[start:start + rng.randint(50, 1500)]
    for _ in range(rng.randint(1, 8)):
        i = rng.randrange(len(text) + 1)
        op = rng.random()
        if op < 0.3:
            text = text[:i] + rng.choice(TOKENS + ODD) + text[i:]
        elif op < 0.5 and text:
            j = min(len(text), i + rng.randint(1, 20))
            text = text[:i] + text[j:]
        elif op < 0.7 and text:
            j = min(len(text), i + rng.randint(1, 40))
            text = text[:i] + text[i:j] * rng.randint(2, 5) + text[j:]
        elif op < 0.85:
            text = text[:i] + str(rng.randint(0, 10 ** rng.randint(1, 15))) + text[i:]
        else:
            text = text.swapcase() if rng.random() < 0.3 else text.upper()
    return text


def repeated(rng: random.Random) -> str:
    unit = rng.choice(UNITS)
    size = rng.randint(100, 3000)
    tail = rng.choice(["", " police said 12 people were killed.", " 12 killed", ""])
    return (unit * (size // len(unit) + 1))[:size] + tail


GENERATORS = {
    "soup": lambda rng, corpus: soup(rng),
    "soup+odd": lambda rng, corpus: soup(rng, odd=0.3),
    "unicode": lambda rng, corpus: unicode_noise(rng),
    "mutated": lambda rng, corpus: mutate(rng, rng.choice(corpus)),
    "repeated": lambda rng, corpus: repeated(rng),
}
WEIGHTS = [30, 20, 10, 30, 10]


def generate(seed: int, index: int, corpus: list[str]) -> tuple[str, str]:
    rng = random.Random(f"{seed}:{index}")
    name = rng.choices(list(GENERATORS), WEIGHTS)[0]
    return name, GENERATORS[name](rng, corpus)


def check_extraction(text: str) -> list[dict]:
    claims = extract_claims(text)
    rows = []
    last = -1
    for claim in claims:
        fig = claim.figure
        if text[fig.start:fig.end] != fig.surface or not fig.surface:
            raise Failure(f"span {fig.start}:{fig.end} is {text[fig.start:fig.end]!r}, "
                          f"surface {fig.surface!r}")
        if fig.qualifier not in QUALIFIERS:
            raise Failure(f"unknown qualifier {fig.qualifier!r}")
        if fig.low is not None and fig.high is not None and fig.low > fig.high:
            raise Failure(f"interval {fig.low}..{fig.high} of {fig.surface!r} is reversed")
        end = claim.sentence_start + len(claim.sentence)
        if text[claim.sentence_start:end] != claim.sentence:
            raise Failure("the sentence does not slice back")
        if not claim.sentence_start <= claim.start <= claim.end <= end:
            raise Failure(f"figure {fig.surface!r} lies outside its sentence")
        if claim.start < last:
            raise Failure("claims out of order")
        last = claim.start
        row = claim_to_dict(claim, report="fuzz")
        if text[row["start"]:row["end"]] != row["figure"]:
            raise Failure("row span does not slice back")
        rows.append(row)
    return rows


def check_inputs(rng: random.Random, text: str) -> None:
    encoding = rng.choice(ENCODINGS)
    data = text.encode(encoding, errors="replace")
    if rng.random() < 0.3 and data:
        raw = bytearray(data)
        for _ in range(rng.randint(1, 5)):
            raw[rng.randrange(len(raw))] = rng.randrange(256)
        data = bytes(raw)
    if rng.random() < 0.2:
        data = json.dumps({"text": text, "title": rng.choice(ODD),
                           "date": rng.choice([5, None, "2022-01-06", ["x"]])}).encode() + data
    for item in read_inputs(["-"], stdin=io.BytesIO(data), max_bytes=rng.choice([64, 10**6])):
        if not isinstance(item, (Report, Rejection)):
            raise Failure(f"read_inputs yielded {item!r}")
        if isinstance(item, Report) and not item.text.strip():
            raise Failure("an empty report was accepted")


def check_output(rows: list[dict]) -> None:
    for fmt in (Format.json, Format.jsonl, Format.csv, Format.tsv):
        out = io.StringIO(newline="")
        render(rows, fmt, file=out)
        text = out.getvalue()
        if fmt is Format.json:
            back = json.loads(text)
        elif fmt is Format.jsonl:
            back = [json.loads(line) for line in text.split("\n") if line]
        else:
            back = list(csv.DictReader(io.StringIO(text, newline=""),
                                       delimiter="," if fmt is Format.csv else "\t"))
            rows_as_text = [as_cells(row) for row in rows]
            if back != rows_as_text:
                raise Failure(f"{fmt.value} does not round-trip")
            continue
        if back != rows:
            raise Failure(f"{fmt.value} does not round-trip")
    out = io.StringIO()
    render(rows[:50], Format.table, EXTRACT_TABLE, file=out)  # rich lays out 30 columns slowly
    if UNSAFE.search(out.getvalue()):
        raise Failure("the table view passes a control character")



def run_one(seed: int, index: int, corpus: list[str], slow: float) -> tuple[str, str, float]:
    """Check one input; returns its generator, its text and the extraction seconds."""
    name, text = generate(seed, index, corpus)
    started = time.perf_counter()
    rows = check_extraction(text)
    seconds = time.perf_counter() - started
    if seconds > slow * max(1.0, len(text) / 10_000):
        raise Failure(f"extraction took {seconds:.2f} s on {len(text):,} characters")
    rng = random.Random(f"{seed}:{index}:io")
    check_inputs(rng, text)
    if rows and index % 5 == 0:
        check_output(rows)
    return name, text, seconds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=100_000, help="inputs to generate")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--only", type=int, help="replay the input of this index")
    parser.add_argument("--slow", type=float, default=1.0,
                        help="seconds per 10 KB beyond which an input counts as a failure")
    parser.add_argument("--out", type=Path, default=Path("fuzz-failures"),
                        help="folder for the inputs that failed")
    args = parser.parse_args(argv)
    corpus = seed_corpus()
    indices = [args.only] if args.only is not None else range(args.count)
    by_generator: Counter[str] = Counter()
    chars = 0
    failures = 0
    slowest = (0.0, -1)
    started = time.perf_counter()
    for index in indices:
        try:
            name, text, seconds = run_one(args.seed, index, corpus, args.slow)
        except Exception as e:  # noqa: BLE001 — every failure is reported, the run goes on
            failures += 1
            name, text = generate(args.seed, index, corpus)
            args.out.mkdir(parents=True, exist_ok=True)
            path = args.out / f"seed{args.seed}-{index}.txt"
            path.write_text(text, encoding="utf-8", errors="surrogatepass")
            kind = "FAIL" if isinstance(e, Failure) else f"ERROR {type(e).__name__}"
            print(f"{kind} [{name}] index {index}: {e}", flush=True)
            print(f"  input: {text[:300]!r}{'…' if len(text) > 300 else ''} ({len(text):,} chars, "
                  f"saved to {path})")
            print(f"  replay: python tests/perf/fuzz.py --seed {args.seed} --only {index}")
            if not isinstance(e, Failure):
                print(textwrap_indent(traceback.format_exc(limit=-3)))
            continue
        by_generator[name] += 1
        chars += len(text)
        slowest = max(slowest, (seconds, index))
        done = sum(by_generator.values()) + failures
        if done % 10_000 == 0:
            elapsed = time.perf_counter() - started
            print(f"… {done:,} inputs, {done / elapsed:,.0f}/s", file=sys.stderr, flush=True)
    elapsed = time.perf_counter() - started
    total = sum(by_generator.values()) + failures
    print(f"{total:,} inputs ({chars / 1e6:.1f} MB of text) in {elapsed:.1f} s: "
          f"{total / elapsed:,.0f} inputs/s; {failures} failure{'s' * (failures != 1)}")
    print("by generator: " + ", ".join(f"{k} {v:,}" for k, v in sorted(by_generator.items())))
    if slowest[1] >= 0:
        print(f"slowest extraction: {slowest[0] * 1000:.1f} ms (index {slowest[1]})")
    return 1 if failures else 0


def textwrap_indent(text: str) -> str:
    return "\n".join("    " + line for line in text.rstrip().splitlines())


if __name__ == "__main__":
    sys.exit(main())
