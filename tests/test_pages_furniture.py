"""Saved pages: lines the extractor keeps that are the page's, not the article's (copyright,
prompts to subscribe, share or follow, contact numbers), and saved pages end to end through
the command line. The pages in tests/fixtures/pages/ are made up for these tests."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimtrack.html import drop_furniture, extract_article

PAGES = Path(__file__).resolve().parent / "fixtures" / "pages"
ARTICLE = "Police said 12 people were killed in the clashes on Monday."


@pytest.mark.parametrize("line", [
    # copyright lines
    "© 2025 Harbor Media Group",
    "Copyright 2024 Marsh Broadcasting Inc. All rights reserved.",
    "All rights reserved. Republication without written permission is prohibited.",
    "(c) 2023 Marsh Post, all rights reserved",
    # prompts: what they hold does not matter, they are not the article
    "Subscribe now for unlimited access: $1 for 6 months",
    "Sign up for our morning newsletter",
    "Sign-up successful!",
    "Follow us on Facebook and Instagram",
    "Share this article",
    "Click here to get alerts on your phone",
    "Download our free news app",
    "Read more: Ferry sinks off the cape, 30 missing",
    "Also read: 5 things to know about the floods",
    "Related: Storm toll rises to 14",
    "Advertisement",
    "• Support independent journalism today",
    "Become a member and read without ads",
    # mentions with no figure left once phone numbers and years are out
    "Send us your news tips on WhatsApp: +1 305 555 0142",
    "Got a story? Call our newsroom on 0800 555 0100",
    "Get the Marsh Post newsletter delivered to your inbox every morning.",
])
def test_furniture_lines_are_dropped(line):
    assert drop_furniture(f"{ARTICLE}\n{line}") == ARTICLE
    assert drop_furniture(f"{line}\n{ARTICLE}") == ARTICLE


@pytest.mark.parametrize("line", [
    # figures of the article stay, whatever word they share with furniture
    "The ministry said 3 people were killed, in a statement shared on WhatsApp.",
    "The Red Cross said 40 people called its hotline, 0800 555 0100, overnight.",
    "The newsletter, delivered to 5,000 homes, said 3 people had died.",
    "Subscribers to the alert service rose to 45,000 during the storm, officials said.",
    "Share prices fell 3 percent on Monday.",
    "Following the storm, 8 people were missing, the coast guard said.",
    "Registered voters numbered 1,200 in the district.",
    "Copyrights on 3 of the photos were disputed.",
    "Read more than 300 pages, the inquiry found 12 errors in the report.",
    '"Subscribe to the alerts," the mayor urged, as 600 people left their homes.',
    "Join us, the 30 protesters chanted outside the ministry.",
    # no furniture word at all
    "The council met on Tuesday.",
    # a long line is article prose, even one that opens like a prompt
    "Follow us " + "and the river " * 20 + "said 4 people drowned.",
])
def test_article_lines_stay(line):
    assert drop_furniture(f"{ARTICLE}\n{line}") == f"{ARTICLE}\n{line}"


def test_a_text_of_furniture_alone_is_left_as_it_was():
    text = "Subscribe now\nFollow us on Instagram"
    assert drop_furniture(text) == text


@pytest.mark.parametrize("name, title, outlet, last_line", [
    ("tv-station.html", "Bridge collapse kills 6 in Port Ellis", "KVRN 4News",
     "Residents who saw the collapse can call the city's information line at 305 555 0188, "
     "officials said, adding that 2 shelters had opened for families."),
    ("run-together.html", "Ferry sinks off Gull Point with 30 aboard", "Daily Harbor Post",
     '"We have recovered 21 people alive," a coast guard spokeswoman told the Post, adding '
     "that the search would continue overnight."),
    ("tagline-address.html", "Wildfire forces 1,500 from homes in Ridge Valley",
     "Ridge Valley Times",
     "No deaths had been reported, but 2 firefighters were treated for heat exhaustion, "
     "according to the agency."),
    ("dashed-name.html", "Storm leaves 3 dead - officials", "Fort Ellis Star-Ledger",
     "The county's hotline, 555 0199, took 2,300 calls, the emergency office said."),
])
def test_fixture_pages_read_cleanly(name, title, outlet, last_line):
    article = extract_article((PAGES / name).read_bytes())
    assert (article.title, article.outlet, article.domain_outlet) == (title, outlet, None)
    assert article.text.splitlines()[-1] == last_line
    for furniture in ("WhatsApp", "Subscribe now", "Copyright", "rights reserved",
                      "newsletter", "Follow us", "Read more", "Share this"):
        assert furniture not in article.text, furniture


def test_a_page_without_a_site_name_gets_a_name_from_its_address():
    article = extract_article((PAGES / "no-site-name.html").read_bytes())
    assert (article.outlet, article.domain_outlet) == (None, "East Coast Herald")
    assert article.text.splitlines()[-1].endswith("12,000 homes were without electricity.")


def test_cli_stores_clean_outlets_titles_and_only_article_figures(invoke):
    result = invoke("ingest", str(PAGES), "--event", "pages")
    assert result.exit_code == 0, result.stderr
    reports = json.loads(invoke("reports", "-f", "json").stdout)
    assert sorted((r["outlet"], r["title"]) for r in reports) == [
        ("Daily Harbor Post", "Ferry sinks off Gull Point with 30 aboard"),
        ("East Coast Herald", "Three killed as storm hits the east coast"),
        ("Fort Ellis Star-Ledger", "Storm leaves 3 dead - officials"),
        ("KVRN 4News", "Bridge collapse kills 6 in Port Ellis"),
        ("Ridge Valley Times", "Wildfire forces 1,500 from homes in Ridge Valley"),
    ]
    claims = json.loads(invoke("claims", "-f", "json").stdout)
    sentences = {c["sentence"] for c in claims}
    assert not any("$1" in s or "+1 305" in s or "fined twice" in s for s in sentences)
    kvrn = sorted((c["figure"], c["metric"], c["source"]) for c in claims
                  if c["outlet"] == "KVRN 4News" and c["metric"] != "other")
    assert kvrn == [("4", "injured", "Dana Rourke"),
                    ("Six", "killed", "Port Ellis fire department")]


def test_cli_outlet_option_wins_over_a_name_made_from_the_address(invoke):
    page = str(PAGES / "no-site-name.html")
    assert invoke("ingest", page, "--outlet", "Wire Desk", "--no-group").exit_code == 0
    assert invoke("ingest", str(PAGES / "tv-station.html"), "--outlet", "Wire Desk",
                  "--no-group").exit_code == 0
    reports = json.loads(invoke("reports", "-f", "json").stdout)
    # the page's own site name beats --outlet; a name from the address does not
    assert sorted(r["outlet"] for r in reports) == ["KVRN 4News", "Wire Desk"]


@pytest.mark.parametrize("line", [
    # a sentence about rights, or with a number after a word like "call", is prose
    "Between the two stand licences that keep some rights reserved, unlike the classic notice "
    "that all rights reserved means no copying at all without asking first.",
    "The union will call a strike vote; members voted by 1998 ballots in the last round.",
])
def test_mentions_in_prose_stay(line):
    assert drop_furniture(f"{ARTICLE}\n{line}") == f"{ARTICLE}\n{line}"


def test_a_site_name_that_is_an_address_names_the_site_by_its_words(tmp_path):
    page = (PAGES / "no-site-name.html").read_text(encoding="utf-8").replace(
        "</title>", '</title>\n<meta property="og:site_name" content="east-coast-herald.example">'
    ).replace("www.eastcoastherald.example", "ech.example")  # the address: no words
    article = extract_article(page)
    assert (article.outlet, article.domain_outlet) == (None, "East Coast Herald")
