"""The pages (paper lists, papers, researchers, topics, institutions), GraphiQL and Neo4j
Browser in Debian's Chromium, driven by Playwright (the explorer is test_explorer.py).

The service runs as the README runs it (`graph-service serve`) on the demo set (OpenAlex and
arXiv). Screenshots go to test-artifacts/, each page at 1440 and 390 px wide.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlparse

import neo4j
import pytest
from playwright.sync_api import Page

from tests.support.browser import ARTIFACTS, both_widths, shot
from tests.support.neo4j import Neo4jTarget


def listed(page: Page, where: str = "") -> list[dict[str, Any]]:
    """The papers a list shows, as the reader sees them."""
    page.wait_for_selector(f"{where} ol.papers > li")
    items: list[dict[str, Any]] = page.eval_on_selector_all(
        f"{where} ol.papers > li",
        """items => items.map(li => ({
            id: li.dataset.id,
            badge: li.querySelector('.badge')?.innerText ?? '',
            date: li.querySelector('time')?.innerText ?? '',
            code: li.querySelector('a.code')?.href ?? '',
            title: li.querySelector('.title a').innerText,
            href: li.querySelector('.title a').getAttribute('href'),
            byline: li.querySelector('.byline').innerText,
            cites: Number(li.querySelector('.cites').innerText.replace(/[^0-9]/g, '')),
            abstract: li.querySelector('.abstract').innerText,
        }))""",
    )
    return items


def test_researcher_page_shows_what_the_seed_page_shows(
    service: str, page: Page, driver: neo4j.Driver
) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.goto(service + "/author/A9000000042")
    page.wait_for_selector("#researcher-name")
    assert page.inner_text("#researcher-name") == "Changhai Zhou"
    # Seed page 004: LG, h-index 6, 9 papers, 40 citations.
    assert page.inner_text(".main-category .badge") == "LG"
    assert page.inner_text("#researcher-h") == "6"
    assert page.inner_text("#researcher-papers") == "9"
    assert page.inner_text("#researcher-citations") == "40"
    assert page.title() == "Changhai Zhou · Research graph"
    papers = listed(page)
    assert len(papers) == 9
    expected = cypher_rows(
        driver,
        "MATCH (:Author {id: 'A9000000042'})-[:AUTHORED]->(p:Paper) "
        "RETURN p.id AS id, coalesce(p.citedByCount, 0) AS cites "
        "ORDER BY coalesce(p.publicationDate, toString(p.year)) DESC, cites DESC, p.id",
    )
    assert [p["id"] for p in papers] == [row["id"] for row in expected]  # newest first
    core = next(p for p in papers if p["title"].startswith("CoRE"))
    assert core["badge"] == "SE"
    assert core["date"] == "Apr 28, 2026"
    assert core["code"] == "https://github.com/ZJUSig/CoRE"
    assert core["byline"].startswith("Jun Gao, Yun Peng, Qian Qiao et al.")
    assert core["abstract"].startswith("Despite strong performance on code generation")
    assert all(p["href"] == f"/paper/{p['id']}" for p in papers)
    # An author's h-index and works show on hover.
    tip = page.get_attribute("ol.papers > li:first-child .author", "data-tip") or ""
    assert re.fullmatch(r"h-index \d+ · \d+ works? · \d+ citations?", tip), tip
    # A long abstract opens and closes.
    more = page.locator("ol.papers button.more").first
    more.click()
    assert more.get_attribute("aria-expanded") == "true"
    assert more.inner_text() == "Show less"
    both_widths(page, "page-researcher")

    # Most cited: its own address; Back returns to newest first.
    page.click(".tabs >> text=Most cited")
    page.wait_for_url("**/author/A9000000042?sort=most_cited")
    page.wait_for_function(
        "document.querySelector('.tabs .on')?.innerText === 'Most cited' &&"
        " document.querySelectorAll('ol.papers > li').length === 9"
    )
    cites = [p["cites"] for p in listed(page)]
    assert cites == sorted(cites, reverse=True)
    assert cites[0] == 8
    page.go_back()
    page.wait_for_url("**/author/A9000000042")
    page.wait_for_function("document.querySelector('.tabs .on')?.innerText === 'Newest'")
    assert [p["id"] for p in listed(page)] == [row["id"] for row in expected]


def cypher_rows(driver: neo4j.Driver, query: str, **parameters: object) -> list[dict[str, object]]:
    records, _, _ = driver.execute_query(query, parameters)
    return [record.data() for record in records]


def test_paper_list_filters_sorts_and_pages_with_its_address(
    service: str, page: Page, driver: neo4j.Driver
) -> None:
    every = cypher_rows(
        driver,
        "MATCH (p:Paper) WHERE NOT coalesce(p.stub, false) "
        "RETURN p.id AS id, size(coalesce(p.codeUrls, [])) > 0 AS code",
    )
    page.goto(service + "/papers")
    page.wait_for_selector("#list-count:not(:empty)")
    assert page.inner_text("#list-count") == f"{len(every):,} papers"
    assert len(listed(page)) == 20
    # The next page loads as the reader reaches the end of the list.
    page.locator(".list-end").scroll_into_view_if_needed()
    page.wait_for_function("document.querySelectorAll('ol.papers > li').length > 20")
    both_widths(page, "page-papers")

    # A filter is applied at once and kept in the address; a reload keeps it.
    page.check("input[name=code]")
    page.wait_for_url("**/papers?code=1")
    with_code = [row["id"] for row in every if row["code"]]
    page.wait_for_function(
        f"document.querySelector('#list-count').innerText.startsWith('{len(with_code):,} papers')"
    )
    shown = listed(page)
    assert {p["id"] for p in shown} <= set(with_code)
    assert all(p["code"] for p in shown)
    page.select_option("select[name=sort]", "most_cited")
    page.wait_for_url("**/papers?code=1&sort=most_cited")
    page.wait_for_function("document.querySelector('select[name=sort]').value === 'most_cited'")
    page.reload()
    page.wait_for_selector("ol.papers > li")
    assert page.is_checked("input[name=code]")
    cites = [p["cites"] for p in listed(page)]
    assert cites == sorted(cites, reverse=True)

    # A category and a year range, typed; then Back to the list before.
    page.fill("input[name=category]", "cs.LG")
    page.fill("input[name=from]", "2024")
    page.click("#paper-filters button[type=submit]")
    page.wait_for_url("**/papers?category=cs.LG&from=2024&code=1&sort=most_cited")
    page.wait_for_function("document.querySelector('#list-count').innerText.includes('cs.LG')")
    page.go_back()
    page.wait_for_url("**/papers?code=1&sort=most_cited")
    page.wait_for_function("!document.querySelector('#list-count').innerText.includes('cs.LG')")
    assert page.input_value("input[name=category]") == ""

    # Nothing found, and a bad filter: each says what happened and what to do.
    page.goto(service + "/papers?q=zzqxjv")
    page.wait_for_selector(".state.empty")
    assert "No papers match words “zzqxjv”" in page.inner_text(".state.empty")
    assert page.is_visible(".state.empty a[href='/papers']")
    page.goto(service + "/papers?category=not-a-category!")
    page.wait_for_selector(".state.error")
    assert "not an arXiv category" in page.inner_text(".state.error")
    assert page.is_visible(".state.error button.retry")
    shot(page, "page-papers-error")


def test_paper_page_links_authors_lists_and_graph(service: str, page: Page) -> None:
    page.goto(service + "/paper/arXiv:2604.90023")
    page.wait_for_selector("#paper-title")
    assert page.inner_text("#paper-title").startswith("CoRE: A Fine-Grained Code Reasoning")
    assert page.title().startswith("CoRE: A Fine-Grained")
    assert page.inner_text(".entity-head .badge") == "SE"
    assert page.inner_text("#paper-abstract").startswith("Despite strong performance")
    links = page.eval_on_selector_all("#paper-links a", "as => as.map(a => a.href)")
    assert "https://github.com/ZJUSig/CoRE" in links
    assert "https://arxiv.org/pdf/2604.90023" in links
    authors = page.eval_on_selector_all("#paper-authors a.author", "as => as.map(a => a.innerText)")
    assert authors == ["Jun Gao", "Yun Peng", "Qian Qiao", "Changhai Zhou"]
    page.wait_for_function("Number(document.querySelector('#paper-graph').dataset.nodeCount) > 4")
    page.wait_for_function(
        "document.querySelector('#paper-cited-by').innerText"
        " === 'No paper in the graph cites it yet.'"
    )
    both_widths(page, "page-paper")

    # An author opens their page; Back returns to the paper.
    page.click("#paper-authors >> text=Changhai Zhou")
    page.wait_for_url("**/author/A9000000042")
    page.wait_for_selector("#researcher-name")
    page.go_back()
    page.wait_for_selector("#paper-title")
    assert page.url.endswith("/paper/arXiv:2604.90023")

    page.goto(service + "/paper/W1")
    page.wait_for_selector(".state.empty")
    assert "No paper with the id W1" in page.inner_text(".state.empty")


def test_category_and_institution_pages(service: str, page: Page, driver: neo4j.Driver) -> None:
    in_lg = cypher_rows(
        driver,
        "MATCH (p:Paper)-[:HAS_TOPIC]->(:Category {id: 'cs.LG'}) "
        "WHERE NOT coalesce(p.stub, false) RETURN count(DISTINCT p) AS n",
    )[0]["n"]
    page.goto(service + "/topic/cs.LG")
    page.wait_for_selector("#topic-name")
    assert page.inner_text("#topic-name") == "Machine Learning"
    assert page.inner_text(".crumbs") == "Computer Science"
    page.wait_for_function(
        f"document.querySelector('#topic-count').innerText === '{in_lg:,} Papers'"
    )
    cites = [p["cites"] for p in listed(page, "#topic-papers")]
    assert cites == sorted(cites, reverse=True)  # most cited first
    assert page.locator(".side-column ol.plain li").count() > 0  # top authors
    page.wait_for_function("Number(document.querySelector('#topic-graph').dataset.nodeCount) > 2")
    both_widths(page, "page-category")

    place = cypher_rows(
        driver,
        "MATCH (i:Institution)<-[:AFFILIATED_WITH]-(:Author) WITH i, count(*) AS n "
        "ORDER BY n DESC, i.id LIMIT 1 "
        "OPTIONAL MATCH (:Author)-[r:AUTHORED]->(p:Paper) WHERE i.id IN r.institutionIds "
        "RETURN i.id AS id, i.name AS name, count(DISTINCT p) AS papers",
    )[0]
    page.goto(service + f"/institution/{place['id']}")
    page.wait_for_selector("#institution-name")
    assert page.inner_text("#institution-name") == place["name"]
    page.wait_for_function(
        "document.querySelector('#institution-count').innerText"
        f".startsWith('{place['papers']:,} Paper')"
    )
    page.click(".tabs >> text=Newest")
    page.wait_for_url(f"**/institution/{place['id']}?sort=newest")
    both_widths(page, "page-institution")


def test_important_order_on_the_lists(service: str, page: Page, driver: neo4j.Driver) -> None:
    page.goto(service + "/topic/cs.LG")
    page.click(".tabs >> text=Most important")
    page.wait_for_url("**/topic/cs.LG?sort=important")
    page.wait_for_function("document.querySelector('.tabs .on')?.innerText === 'Most important'")
    ids = [p["id"] for p in listed(page, "#topic-papers")]
    rank = {
        str(row["id"]): float(str(row["importance"]))
        for row in cypher_rows(
            driver,
            "MATCH (p:Paper) WHERE p.id IN $ids RETURN p.id AS id, p.importance AS importance",
            ids=ids,
        )
    }
    shown = [rank[i] for i in ids]
    assert shown == sorted(shown, reverse=True)
    best = cypher_rows(
        driver,
        "MATCH (p:Paper)-[:HAS_TOPIC]->(:Category {id: 'cs.LG'}) WHERE NOT coalesce(p.stub, false) "
        "RETURN max(p.importance) AS top",
    )[0]["top"]
    assert shown[0] == best

    # The paper list's sort menu has it too, and keeps it in the address.
    page.goto(service + "/papers")
    page.select_option("select[name=sort]", "important")
    page.wait_for_url("**/papers?sort=important")
    page.wait_for_function("document.querySelector('select[name=sort]').value === 'important'")
    top = cypher_rows(
        driver,
        "MATCH (p:Paper) WHERE NOT coalesce(p.stub, false) RETURN max(p.importance) AS top",
    )[0]["top"]
    first = listed(page)[0]["id"]
    assert rank_of(driver, first) == top


def rank_of(driver: neo4j.Driver, paper: str) -> object:
    rows = cypher_rows(driver, "MATCH (p:Paper {id: $id}) RETURN p.importance AS i", id=paper)
    return rows[0]["i"]


def cy_positions(page: Page) -> dict[str, float]:
    """The x of every paper the similarity graph draws (the view's window.similar)."""
    positions: dict[str, float] = page.evaluate(
        """() => Object.fromEntries(Object.entries(window.similar.positions())
            .map(([id, p]) => [id, p.x]))"""
    )
    return positions


def test_similar_papers_graph_lists_and_address(
    service: str, page: Page, driver: neo4j.Driver
) -> None:
    seed = cypher_rows(
        driver,
        "MATCH (p:Paper)-[:SIMILAR_TO]->(q:Paper) WITH p, count(q) AS n "
        "ORDER BY n DESC, p.id LIMIT 1 "
        "MATCH (p)-[r:SIMILAR_TO]->(q:Paper) WITH p, n, q ORDER BY r.score DESC, q.id "
        "RETURN p.id AS id, p.title AS title, n, collect(q.title)[0] AS closest",
    )[0]
    # From the paper page's similar papers to the graph of them.
    page.goto(service + f"/paper/{seed['id']}")
    page.wait_for_selector("#paper-similar .similar-brief li")
    assert (
        page.locator("#paper-similar .similar-brief li")
        .first.inner_text()
        .startswith(str(seed["closest"]))
    )
    page.click("#paper-similar-link")
    page.wait_for_url(f"**/similar/{seed['id']}")
    page.wait_for_function(
        "Number(document.querySelector('#similar-graph')?.dataset.nodeCount) > 1"
    )
    assert page.inner_text("#similar-title") == seed["title"]
    assert page.title() == f"Similar to {seed['title']} · Research graph"
    drawn = cy_positions(page)
    listed_ids = page.eval_on_selector_all(
        "#similar-list li[data-id]", "l => l.map(i => i.dataset.id)"
    )
    # The list names every paper drawn but the seed, most similar first.
    assert set(listed_ids) == set(drawn) - {seed["id"]}
    assert len(listed_ids) >= min(int(str(seed["n"])), 40)
    assert page.locator("#similar-list .pick").first.inner_text() == seed["closest"]
    # Left to right is oldest to newest.
    years = {
        str(row["id"]): row["year"]
        for row in cypher_rows(
            driver,
            "MATCH (p:Paper) WHERE p.id IN $ids RETURN p.id AS id, p.year AS year",
            ids=list(drawn),
        )
    }
    by_x = [years[i] for i in sorted(drawn, key=lambda i: drawn[i]) if years[i] is not None]
    assert by_x == sorted(by_x)  # type: ignore[type-var]
    both_widths(page, "page-similar")

    # Picking a paper shows it and keeps it in the address, through a reload.
    first = listed_ids[0]
    page.locator("#similar-list .pick").first.click()
    page.wait_for_url(f"**/similar/{seed['id']}?selected={first}")
    assert page.inner_text("#similar-details h3") == seed["closest"]
    page.reload()
    page.wait_for_selector("#similar-details h3")
    assert page.inner_text("#similar-details h3") == seed["closest"]
    assert page.get_attribute("#similar-list li.on", "data-id") == first
    # The keyboard: Escape lets go, Enter on a list item picks it.
    page.keyboard.press("Escape")
    page.wait_for_function("!location.search.includes('selected')")
    page.locator("#similar-list .pick").nth(1).focus()
    page.keyboard.press("Enter")
    page.wait_for_url(f"**selected={listed_ids[1]}")

    # The prior works list has its own address; Back returns without drawing the graph again.
    page.evaluate("window.drawnBefore = window.similar.drawing()")
    page.click("#similar-tabs >> text=Prior works")
    page.wait_for_url(f"**/similar/{seed['id']}?list=prior")
    page.wait_for_function(
        "document.querySelector('#similar-tabs .on').innerText.startsWith('Prior')"
    )
    prior = page.eval_on_selector_all("#similar-list li[data-id]", "l => l.map(i => i.innerText)")
    assert prior
    assert all(re.search(r"cited by \d+ of them", text) for text in prior)
    page.go_back()
    page.wait_for_function(
        "document.querySelector('#similar-tabs .on').innerText.startsWith('Similar')"
    )
    assert page.evaluate("window.drawnBefore === window.similar.drawing()")
    shot(page, "page-similar-picked")

    # A paper with no similar papers, and an unknown id, say so.
    lonely = cypher_rows(
        driver,
        "MATCH (p:Paper) WHERE NOT coalesce(p.stub, false) AND NOT (p)-[:SIMILAR_TO]-() "
        "RETURN p.id AS id ORDER BY p.id LIMIT 1",
    )[0]["id"]
    page.goto(service + f"/similar/{lonely}")
    page.wait_for_selector("#similar-graph .state.empty")
    assert "No similar papers yet" in page.inner_text("#similar-graph")
    page.goto(service + "/similar/W1")
    page.wait_for_selector(".state.empty")
    assert "No paper with the id W1" in page.inner_text(".state.empty")


def test_graphiql_runs_offline(service: str, page: Page) -> None:
    hosts: set[str] = set()
    page.on("request", lambda request: hosts.add(urlparse(request.url).hostname or ""))
    page.goto(service + "/graphql")
    page.wait_for_selector(".graphiql-container", timeout=20000)
    page.click(".graphiql-execute-button")
    page.wait_for_function(
        "document.querySelector('.result-window') &&"
        " document.querySelector('.result-window').innerText.includes('Changhai Zhou')",
        timeout=20000,
    )
    shot(page, "graphiql")
    assert hosts == {"127.0.0.1"}


def test_neo4j_browser_page_loads_and_stays_on_the_machine(
    neo4j_target: Neo4jTarget, page: Page
) -> None:
    """Browser on a Community server always wants its fonts, analytics and feedback scripts
    from outside; the policy the project writes makes Chromium refuse them unsent."""
    if neo4j_target.http_port is None:
        pytest.fail("the session's Neo4j has no HTTP port to open Neo4j Browser on")
    outside: set[str] = set()
    refused: set[str] = set()
    answered: set[str] = set()
    local = {"127.0.0.1", "localhost"}

    def asked(request: Any) -> None:
        if urlparse(request.url).hostname not in local:
            outside.add(request.url)

    def failed(request: Any) -> None:
        if request.failure == "csp":
            refused.add(request.url)

    def answer(response: Any) -> None:
        if urlparse(response.url).hostname not in local:
            answered.add(response.url)

    page.on("request", asked)
    page.on("requestfailed", failed)
    page.on("response", answer)
    page.goto(f"http://127.0.0.1:{neo4j_target.http_port}/browser/")
    page.wait_for_selector("text=Connect", timeout=30000)
    assert "Neo4j Browser" in page.title()
    page.fill("input[data-testid=username]", neo4j_target.user)
    page.fill("input[data-testid=password]", neo4j_target.password)
    page.click("button[data-testid=connect]")
    page.wait_for_selector("text=You are connected as user", timeout=30000)
    # What Browser asks for once connected has been asked (and answered or refused).
    page.wait_for_load_state("networkidle")
    shot(page, "neo4j-browser")
    assert not page.is_visible("text=usage data")
    assert answered == set()
    assert outside <= refused, sorted(outside - refused)
