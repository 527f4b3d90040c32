"""Saved pages: the outlet's name in a site name, a readable name from an address, and a
title without the site's suffix. Every site, address and headline here is made up."""
from __future__ import annotations

import pytest

from claimtrack.html import PageWords, clean_outlet, clean_title, name_from_domain

ISRAEL_PAGE = PageWords("The Times of Israel reported that Israel's cabinet met on Sunday.")


@pytest.mark.parametrize("site, host, expected", [
    # The part that spells the address wins over taglines and places around it.
    ("KVRN 4News | Harbor City News, Weather, Sports | Port Ellis", "www.kvrn.example",
     "KVRN 4News"),
    ("Harbor City News, Weather, Sports | KVRN 4News", "kvrn.example", "KVRN 4News"),
    ("Breaking News, Latest Headlines - The Gull Point Gazette", "gullpointgazette.example",
     "The Gull Point Gazette"),
    ("Vessa Radio: Live News and Sport", "vessaradio.example", "Vessa Radio"),
    ("Noticias del Valle - La Voz Gráfica | Informamos con rigor", "lavozgrafica.example",
     "La Voz Gráfica"),  # accents do not stop the match with the address
    ("Lakeside TV · Everything local", "lakesidetv.co.uk", "Lakeside TV"),
    # No part spells the address: the first part that is not a tagline.
    ("Marsh Chronicle | Local news and opinion", "example.org", "Marsh Chronicle"),
    ("Latest News and Videos | Marsh Chronicle", None, "Marsh Chronicle"),
    ("Marsh Chronicle — Your source for news", None, "Marsh Chronicle"),
    # A name that is one part stays whole, generic words or not.
    ("The Independent Voice", "voice.example", "The Independent Voice"),
    ("Sky Bulletin News", None, "Sky Bulletin News"),
    ("Top Weather Online", "topweather.example", "Top Weather Online"),
    # A tagline that names the site by its address: the name from the address.
    ("Valley News and Opinion on www.ridgevalleytimes.example", "ridgevalleytimes.example",
     "Ridge Valley Times"),
    ("Opinion and analysis at eastcoastherald.example", None, "East Coast Herald"),
    ("\"A headline the site took for its name\" - http://www.marshpost.example",
     "marshpost.example", "Marsh Post"),
    # One run-together word that is the address label: split into words.
    ("Timesofisrael", "www.timesofisrael.com", "Times of Israel"),
    ("dailyharborpost", "dailyharborpost.example", "Daily Harbor Post"),
    # Traps: separators without spaces belong to the name; a leading @ is a handle's.
    ("Fort Ellis Star-Ledger", "starledger.example", "Fort Ellis Star-Ledger"),
    ("Stadt|Land Kurier", "stadtland.example", "Stadt|Land Kurier"),
    ("AC/DC Fan News", None, "AC/DC Fan News"),
    ("Post-Gazette: Local News, Sports and Weather", "post-gazette.example", "Post-Gazette"),
    ("@harborpost", None, "harborpost"),
    ("The Pipeline | Energy News", "thepipeline.example", "The Pipeline"),
    # A brand written as one word with its own capitals is not split.
    ("NewsHarbor", "newsharbor.example", "NewsHarbor"),
    ("Harborpost", "otherdomain.example", "Harborpost"),  # not the address: as written
    # Nothing that names a site: no name (the address gives one instead).
    ("Breaking News | Latest Headlines", "marshpost.example", None),
    ("", "marshpost.example", None),
    (None, None, None),
])
def test_clean_outlet(site, host, expected):
    words = PageWords("The Marsh Post and the Ridge Valley fire crews, harbor pilots, Gull "
                      "Point, the East Coast storm, Times of Israel")
    assert clean_outlet(site, host, words) == expected


@pytest.mark.parametrize("host, page, expected", [
    ("www.timesofisrael.com", ISRAEL_PAGE, "Times of Israel"),
    ("eastcoastherald.example", PageWords("east coast storm"), "East Coast Herald"),
    ("www.bbc.co.uk", PageWords("The BBC said"), "BBC"),  # the page's own capitals
    ("news.kvrn.example", PageWords("KVRN reported"), "KVRN"),
    ("marsh-post.example", None, "Marsh Post"),  # hyphens part words
    ("harborpost.com.au", PageWords("harbor post"), "Harbor Post"),  # second-level label
    ("nationpost.example", None, "Nation Post"),  # common words of news sites' names
    ("valleyvoice.blogspot.com", PageWords("the valley voice"), "Valley Voice"),  # its own
    ("m.zqxv.example", None, "Zqxv"),  # no split: one capitalised word
    ("", None, None),
    (None, None, None),
])
def test_name_from_domain(host, page, expected):
    assert name_from_domain(host, page) == expected


@pytest.mark.parametrize("title, outlet, site, host, expected", [
    # The suffix or prefix that names the site goes, with the taglines beside it.
    ("Bridge collapse kills 6 - KVRN 4News | Harbor City News, Weather, Sports | Port Ellis",
     "KVRN 4News", "KVRN 4News | Harbor City News, Weather, Sports | Port Ellis",
     "kvrn.example", "Bridge collapse kills 6"),
    ("Ferry sinks with 30 aboard | The Marsh Post", "The Marsh Post", None, None,
     "Ferry sinks with 30 aboard"),
    ("Ferry sinks with 30 aboard | Marsh Post", "The Marsh Post", None, None,
     "Ferry sinks with 30 aboard"),  # "The" or not
    ("Ferry sinks with 30 aboard - marshpost.example", None, None, "marshpost.example",
     "Ferry sinks with 30 aboard"),
    ("Ferry sinks with 30 aboard — MARSHPOST", None, None, "www.marshpost.example",
     "Ferry sinks with 30 aboard"),
    ("Marsh Post | Ferry sinks with 30 aboard", "Marsh Post", None, None,
     "Ferry sinks with 30 aboard"),
    ("Toll rises to 12 - World - Marsh Post", "Marsh Post", None, None, "Toll rises to 12"),
    ("Toll rises to 12 :: Marsh Post", "Marsh Post", None, None, "Toll rises to 12"),
    ("Toll rises to 12 | MP | 14.03.2025", "MP", None, "mp.example", "Toll rises to 12"),
    ("Toll rises to 12 | 14.03.2025", "MP", None, "mp.example",
     "Toll rises to 12 | 14.03.2025"),  # a date beside no site name is the headline's
    ("Floods in the valley • Lakeside TV", "Lakeside TV", None, "lakesidetv.co.uk",
     "Floods in the valley"),
    # The headline's own dashes and pipes stay.
    ("Storm leaves 3 dead - officials - Fort Ellis Star-Ledger", "Fort Ellis Star-Ledger",
     None, None, "Storm leaves 3 dead - officials"),
    ("Toll rises to 40 - Red Cross", "Marsh Post", None, "marshpost.example",
     "Toll rises to 40 - Red Cross"),
    ("Rain - and more rain | Marsh Post", "Marsh Post", None, None, "Rain - and more rain"),
    ("Oskeld flood: death toll rises", "Marsh Post", None, None,
     "Oskeld flood: death toll rises"),  # a colon is the headline's
    ("Post-war housing - a survey", "Marsh Post", None, None, "Post-war housing - a survey"),
    ("Marsh Post - news", "Marsh Post", None, None, "Marsh Post - news"),  # nothing else left
    ("Marsh Post", "Marsh Post", None, None, "Marsh Post"),
    ("Ferry sinks", None, None, None, "Ferry sinks"),
    (None, "Marsh Post", None, None, None),
])
def test_clean_title(title, outlet, site, host, expected):
    assert clean_title(title, outlet=outlet, site=site, host=host) == expected
