"""A deterministic synthetic news corpus for the benchmarks and the robustness tests.

Reports are assembled from templates written for this purpose: figures in many wordings
(digits, words, ranges, "at least", vague quantities), sources (ministries, agencies, named
officials, unnamed witnesses), chains ("X, citing Y", "quoted by"), quotes, and decoys
(dates, times, durations, ages, money, names with digits) among plain filler sentences. The
same seed and size always give the same bytes.

Run as a script to write a JSON lines file::

    python tests/perf/corpus.py --size 10 --out /tmp/corpus-10mb.jsonl
"""
from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Iterator
from pathlib import Path

PLACES = [
    "Velmora", "Karsk", "Tirnhaven", "Lusova", "Port Annick", "Breskau", "Oldmere", "Sarvik",
    "Quenton", "Davrosk", "Illenford", "Marrowick", "Tessaly", "Halvard", "Ebonreach",
    "Corvenna", "Pellisk", "Ravenhold", "Stravna", "Ulmberg", "Wenlow", "Yarrowby", "Zelkovo",
    "Ambry", "Brisca", "Drummeld", "Fenwater", "Gorlitz Bay", "Hollin", "Jaskow",
]
DISASTERS = ["flood", "earthquake", "storm", "clashes", "protests", "fire", "landslide",
             "ferry-sinking", "riots", "blast"]
OUTLETS = ["The Velmora Courier", "Northline Wire", "Daily Sentinel", "Harbor Post",
           "Riverside Gazette", "Meridian News", "The Evening Ledger", "Capital Dispatch",
           "Coastal Times", "Highland Herald", "Continental Press Service", "Metro Bulletin"]
AUTHORITIES = [
    "the Interior Ministry", "the Health Ministry", "the regional governor's office",
    "the civil defence agency", "the national police", "the fire brigade",
    "the emergencies ministry", "the Red Crescent", "the United Nations refugee agency",
    "the city hall", "the coast guard", "the army command", "the prosecutor's office",
    "the state broadcaster", "the hospital authority",
]
AGENCIES = ["the Velnet news agency", "Reuters", "the state news agency", "local television",
            "the independent broadcaster Kanal-7", "Radio Ostra"]
PEOPLE = [
    ("Mira Holtz", "a police spokeswoman"), ("Anton Revel", "the deputy interior minister"),
    ("Dana Kirsh", "a doctor at the central hospital"), ("Yusuf Ardan", "the regional governor"),
    ("Lena Voss", "a Red Crescent official"), ("Piotr Salk", "the mayor"),
    ("Ines Marov", "a civil defence spokesperson"), ("Karel Dunn", "an army spokesman"),
]
UNNAMED = ["witnesses", "residents", "opposition activists", "local officials who asked "
           "not to be named", "rescuers at the scene", "medical sources"]
SUBJECTS = {
    "killed": [("people", "were killed"), ("civilians", "died"), ("police officers",
               "were killed"), ("residents", "lost their lives"), ("soldiers", "were killed"),
               ("protesters", "died")],
    "injured": [("people", "were injured"), ("police officers", "were wounded"),
                ("civilians", "were hurt"), ("firefighters", "were injured")],
    "arrested": [("people", "were arrested"), ("protesters", "were detained"),
                 ("suspects", "were taken into custody")],
    "missing": [("people", "are missing"), ("fishermen", "remain unaccounted for"),
                ("passengers", "are still missing")],
    "displaced": [("residents", "were evacuated"), ("families", "were displaced"),
                  ("people", "have fled their homes")],
}
WORDS = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
         "twelve", "fifteen", "twenty"]
VAGUE = ["dozens of", "hundreds of", "scores of", "several", "thousands of", "a dozen"]
FILLER = [
    "Roads into the town remained closed on {weekday}, and power was cut in several districts.",
    "Schools in the area will stay shut until further notice, the education board said.",
    "Aid convoys were waiting at the edge of the district for the water to recede.",
    "The government called an emergency meeting for {weekday} morning.",
    "Television pictures showed collapsed walls and cars swept against the bridge.",
    "It was the worst disaster to hit the region since {year}, when a similar event struck.",
    "Opposition leaders accused the authorities of reacting too slowly.",
    "Shops in the old market did not open, and queues formed outside the bakeries.",
    "The airport reopened after a {hours}-hour closure, with flights delayed into the evening.",
    "Officials said the bridge built in {year} had held, but the road beside it had not.",
    "Rescue teams worked through the night with floodlights and sniffer dogs.",
    "A curfew from {time} was declared in the centre of {place}.",
    "The president is expected to visit {place} on {weekday}.",
    "Residents described hearing a loud noise shortly after {time} on {weekday}.",
    "Prices of bread and fuel rose by {pct} percent in the week before the unrest.",
    "The regional budget sets aside ${money} million for reconstruction over {years} years.",
    "Route {route} between {place} and {place2} was blocked by debris for {hours} hours.",
    "A {age}-year-old shopkeeper said the water reached the second floor of his building.",
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]


class _Writer:
    """One report's sentences, drawn from a seeded random generator."""

    def __init__(self, rng: random.Random, place: str):
        self.rng, self.place = rng, place

    def pick(self, seq):
        return self.rng.choice(seq)

    def number(self) -> str:
        r = self.rng.random()
        n = self.rng.choice([3, 7, 12, 19, 26, 41, 58, 120, 353, 1200, 2400])
        if r < 0.35:
            return f"{n:,}"
        if r < 0.5:
            return self.pick(WORDS)
        if r < 0.6:
            return f"at least {n:,}"
        if r < 0.68:
            return f"more than {n:,}"
        if r < 0.74:
            return f"between {n} and {n + self.rng.randint(5, 40)}"
        if r < 0.8:
            return f"about {n:,}"
        return self.pick(VAGUE)

    def fact(self) -> tuple[str, str]:
        metric = self.pick(list(SUBJECTS))
        subject, verb = self.pick(SUBJECTS[metric])
        return f"{self.number()} {subject} {verb}", metric

    def filler(self) -> str:
        rng = self.rng
        return self.pick(FILLER).format(
            weekday=self.pick(WEEKDAYS), year=rng.randint(1950, 2019), hours=rng.randint(2, 48),
            time=f"{rng.randint(1, 11)}{self.pick([':30', ':00', ' p.m.', ' a.m.'])}",
            place=self.place, place2=self.pick(PLACES), pct=rng.randint(3, 40),
            money=rng.randint(5, 900), years=rng.randint(2, 10), route=rng.randint(1, 99),
            age=rng.randint(19, 88))

    def claim_sentence(self) -> str:
        fact, _ = self.fact()
        fact = fact[0].upper() + fact[1:]
        where = f" in {self.place}" if self.rng.random() < 0.4 else ""
        kind = self.rng.random()
        if kind < 0.3:
            return f"{fact}{where}, {self.pick(AUTHORITIES)} said on {self.pick(WEEKDAYS)}."
        if kind < 0.45:
            return (f"{fact}{where}, according to {self.pick(AGENCIES)}, which cited "
                    f"{self.pick(AUTHORITIES)}.")
        if kind < 0.6:
            name, role = self.pick(PEOPLE)
            return f"“{fact}{where},” {name}, {role}, told reporters."
        if kind < 0.7:
            return (f"{fact}{where}, {self.pick(AUTHORITIES)} said, quoted by "
                    f"{self.pick(AGENCIES)}.")
        if kind < 0.8:
            return f"{self.pick(UNNAMED).capitalize()} said {fact[0].lower()}{fact[1:]}{where}."
        if kind < 0.87:
            return f"Reportedly, {fact[0].lower()}{fact[1:]}{where}."
        if kind < 0.93:
            other = self.pick(AUTHORITIES)
            return (f"{other[0].upper()}{other[1:]} raised the number of dead to "
                    f"{self.rng.randint(10, 300)} on {self.pick(WEEKDAYS)}.")
        return f"{fact}{where}."

    def report(self, length: int) -> str:
        paragraphs, sentences = [], []
        for _ in range(length):
            sentences.append(self.claim_sentence() if self.rng.random() < 0.2
                             else self.filler())
            if len(sentences) >= self.rng.randint(2, 4):
                paragraphs.append(" ".join(sentences))
                sentences = []
        if sentences:
            paragraphs.append(" ".join(sentences))
        return "\n\n".join(paragraphs)


def reports(seed: int = 0) -> Iterator[dict]:
    """An endless, deterministic stream of JSON-ready report objects."""
    rng = random.Random(seed)
    n = 0
    while True:
        n += 1
        place = rng.choice(PLACES)
        year = rng.randint(2015, 2024)
        disaster = rng.choice(DISASTERS)
        event = f"{place.lower().replace(' ', '-')}-{disaster}-{year}"
        writer = _Writer(rng, place)
        day = rng.randint(1, 28)
        month = rng.randint(1, 12)
        text = writer.report(rng.randint(8, 40))
        # a serial line makes every report's text unique, so none is skipped as a duplicate
        text += f"\n\nFiled from {place}, dispatch {n} of the {MONTHS[month - 1]} series."
        yield {
            "id": f"synthetic-{seed}-{n}",
            "title": f"{disaster.replace('-', ' ').capitalize()} in {place}: latest figures",
            "date": f"{year}-{month:02d}-{day:02d}",
            "outlet": rng.choice(OUTLETS),
            "event": event,
            "text": text,
        }


def write_jsonl(path: str | Path, megabytes: float, *, seed: int = 0) -> int:
    """Write reports to ``path`` until it holds ``megabytes`` MB; return how many."""
    limit = int(megabytes * 1_000_000)
    size = count = 0
    with open(path, "w", encoding="utf-8") as f:
        for obj in reports(seed):
            line = json.dumps(obj, ensure_ascii=False) + "\n"
            f.write(line)
            size += len(line.encode("utf-8"))
            count += 1
            if size >= limit:
                break
    return count


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=float, default=10, help="megabytes (default 10)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--out", required=True, help="JSON lines file to write")
    args = parser.parse_args(argv)
    count = write_jsonl(args.out, args.size, seed=args.seed)
    print(f"{count} reports → {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
