"""The explorer (/) in Debian's Chromium, driven by Playwright: its address, paths by name, its
states, readable labels at 300 nodes, details of every node type, the keyboard, axe-core and
three widths. Screenshots go to test-artifacts/.

The service runs as the README runs it, on the demo set and 300 generated papers; the test
that stops Neo4j comes last.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs, urlparse

import neo4j
import pytest
from playwright.sync_api import Browser, Page, Route

from tests.support.browser import (
    both_widths,
    next_frames,
    ready_count,
    serious_violations,
    shot,
    wait_drawn,
    wait_named,
)
from tests.support.cypher import cypher, path_length

CENTRE = "A9000000042"  # Changhai Zhou, of the demo set
# The explorer's node colours (graphstyle.js), as the canvas reports them.
COLOURS = {
    "AUTHOR": "rgb(42,98,201)",
    "PAPER": "rgb(179,84,18)",
    "TOPIC": "rgb(39,122,67)",
    "INSTITUTION": "rgb(142,68,173)",
}


# How a path's steps read (web/src/views/explorer/path.js).
WORDS = {
    "wrote",
    "was written by",
    "cites",
    "is cited by",
    "is about",
    "is the topic of",
    "is part of",
    "includes",
    "is affiliated with",
    "is the home of",
}


def query_of(page: Page) -> dict[str, list[str]]:
    return parse_qs(urlparse(page.url).query)


def node_ids(page: Page) -> list[str]:
    ids: list[str] = page.evaluate("window.explorer.nodeIds()")
    return sorted(ids)


def wait_ready(page: Page, at_least: int, name: str) -> None:
    wait_drawn(page, at_least - 1, name)


def overlapping(boxes: list[dict[str, Any]]) -> list[tuple[str, str]]:
    """Pairs of label boxes that overlap by more than half a pixel."""
    pairs = []
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            if (
                a["x1"] + 0.5 < b["x2"]
                and b["x1"] + 0.5 < a["x2"]
                and a["y1"] + 0.5 < b["y2"]
                and b["y1"] + 0.5 < a["y2"]
            ):
                pairs.append((a["text"], b["text"]))
    return pairs


def test_search_pick_profile_graph_and_expand(service: str, page: Page) -> None:
    page.goto(service + "/")
    assert page.get_attribute("#graph", "data-state") == "welcome"
    page.fill("#search", "changhai zh")
    page.click("#results .hit >> text=Changhai Zhou")
    page.wait_for_selector("#profile-name")
    assert page.inner_text("#profile-name") == "Changhai Zhou"
    # The seed page: 9 works, 40 citations, h-index 6.
    assert page.inner_text("#profile-works") == "9"
    assert page.inner_text("#profile-citations") == "40"
    assert page.inner_text("#profile-h") == "6"
    assert page.locator("#works li").count() == 9
    wait_drawn(page, 0, "explorer-profile")
    ids = node_ids(page)
    assert int(page.get_attribute("#graph", "data-node-count") or 0) == len(set(ids)) > 10
    assert page.title() == "Changhai Zhou · Research graph explorer"
    shot(page, "explorer-profile")

    # Double-click a topic at the edge of the slice to expand it: more nodes, no duplicates.
    topic = next(i for i in ids if i.startswith("T"))
    before = ready_count(page)
    position = page.evaluate(f"window.explorer.pagePosition('{topic}')")
    page.mouse.dblclick(position["x"], position["y"])
    wait_drawn(page, before, "explorer-expanded")
    after = page.evaluate("window.explorer.nodeIds()")
    edges = page.evaluate("window.explorer.edgeIds()")
    assert len(after) == len(set(after)) > len(ids)
    assert set(ids) <= set(after)
    assert len(edges) == len(set(edges))
    assert query_of(page)["open"] == [topic]
    shot(page, "explorer-expanded")


def test_a_truncated_slice_says_so(service: str, page: Page) -> None:
    page.goto(f"{service}/?id={CENTRE}")
    wait_drawn(page, 0, "explorer-truncated")
    page.fill("#limit", "5")
    before = ready_count(page)
    page.click("#apply")
    wait_drawn(page, before, "explorer-truncated")
    assert page.is_visible("#truncated")
    assert "not shown" in page.inner_text("#truncated")
    assert page.get_attribute("#graph", "data-node-count") == "5"
    assert query_of(page)["limit"] == ["5"]
    shot(page, "explorer-truncated")


def test_every_view_has_an_address_that_back_reload_and_a_new_browser_restore(
    service: str, page: Page, browser: Browser, driver: neo4j.Driver
) -> None:
    page.goto(service + "/")
    page.fill("#search", "changhai zh")
    page.click("#results .hit >> text=Changhai Zhou")
    wait_drawn(page, 0, "explorer-address")
    assert query_of(page) == {"id": [CENTRE]}
    first = node_ids(page)

    # Slice settings go into the address.
    page.uncheck("input[name=type][value=INSTITUTION]")
    page.select_option("#depth", "1")
    page.fill("#limit", "30")
    before = ready_count(page)
    page.click("#apply")
    wait_drawn(page, before, "explorer-address")
    assert query_of(page) == {
        "id": [CENTRE],
        "depth": ["1"],
        "limit": ["30"],
        "types": ["AUTHOR,PAPER,TOPIC"],
    }
    second = node_ids(page)
    assert len(second) < len(first)

    # So do expansions; picking a node replaces the address instead of adding to history.
    # The node with the most neighbours not drawn yet, so that expanding it adds some.
    grows = cypher(
        driver,
        """UNWIND $drawn AS id MATCH (n {id: id})-[r:AUTHORED|CITES|HAS_TOPIC]-(m)
           WHERE id <> $centre AND NOT m.id IN $drawn AND NOT coalesce(m.stub, false)
           RETURN n.id AS id, count(DISTINCT m) AS more ORDER BY more DESC, id LIMIT 1""",
        drawn=second,
        centre=CENTRE,
    )[0]["id"]
    before = ready_count(page)
    position = page.evaluate(f"window.explorer.pagePosition('{grows}')")
    page.mouse.dblclick(position["x"], position["y"])
    wait_drawn(page, before, "explorer-address")
    assert query_of(page)["open"] == [grows]
    expanded = node_ids(page)
    assert len(expanded) > len(second)
    picked = next(i for i in expanded if i.startswith("A") and i != CENTRE)
    length = page.evaluate("history.length")
    position = page.evaluate(f"window.explorer.pagePosition('{picked}')")
    page.mouse.click(position["x"], position["y"])
    page.wait_for_selector(f"#details .node-details[data-id='{picked}']")
    assert query_of(page)["sel"] == [picked]
    assert page.evaluate("history.length") == length
    address = page.url

    # A reload draws the same graph, settings, expansion and selection.
    page.reload()
    wait_ready(page, 2, "explorer-reload")
    assert node_ids(page) == expanded
    assert page.input_value("#limit") == "30"
    assert page.input_value("#depth") == "1"
    assert not page.is_checked("input[name=type][value=INSTITUTION]")
    page.wait_for_selector(f"#details .node-details[data-id='{picked}']")

    # Back and Forward walk the views.
    before = ready_count(page)
    page.go_back()
    wait_drawn(page, before, "explorer-back")
    assert "open" not in query_of(page)
    assert node_ids(page) == second
    before = ready_count(page)
    page.go_back()
    wait_drawn(page, before, "explorer-back")
    assert query_of(page) == {"id": [CENTRE]}
    assert node_ids(page) == first
    assert page.input_value("#limit") == "150"
    assert page.is_checked("input[name=type][value=INSTITUTION]")
    before = ready_count(page)
    page.go_forward()
    wait_drawn(page, before, "explorer-forward")
    assert node_ids(page) == second
    # Before the first pick: the explorer's start, not a blank page.
    page.go_back()
    page.go_back()
    page.wait_for_function("location.search === ''")
    assert page.get_attribute("#graph", "data-state") == "welcome"
    assert "Search above" in page.inner_text("#graph-state")

    # A copied link opens the same view in a new browser.
    other = browser.new_context(viewport={"width": 1440, "height": 900})
    try:
        fresh = other.new_page()
        fresh.goto(address)
        wait_ready(fresh, 2, "explorer-shared")
        assert node_ids(fresh) == expanded
        fresh.wait_for_selector(f"#details .node-details[data-id='{picked}']")
    finally:
        other.close()


def test_path_by_names_drawn_on_top_and_told_in_words(
    service: str, page: Page, driver: neo4j.Driver
) -> None:
    # The demo author furthest from the centre (within 6 steps), found in Neo4j itself.
    far = cypher(
        driver,
        """MATCH (a:Author {id: $centre}), (b:Author) WHERE b <> a AND b.id STARTS WITH 'A9'
           MATCH p = shortestPath(
             (a)-[:AUTHORED|CITES|HAS_TOPIC|SUBTOPIC_OF|AFFILIATED_WITH|PART_OF*..6]-(b))
           WHERE all(x IN nodes(p) WHERE NOT coalesce(x.stub, false))
           RETURN b.id AS id, b.name AS name, length(p) AS steps
           ORDER BY steps DESC, b.id LIMIT 1""",
        centre=CENTRE,
    )[0]
    assert far["steps"] == path_length(driver, CENTRE, far["id"])
    page.goto(f"{service}/?id={CENTRE}")
    wait_drawn(page, 0, "explorer-path")
    page.fill("#path-to", far["name"])
    page.wait_for_selector(f"#path-results .hit[data-id='{far['id']}']")
    before = ready_count(page)
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    wait_drawn(page, before, "explorer-path")
    assert query_of(page)["path"] == [far["id"]]
    assert page.get_attribute("#graph", "data-path-length") == str(far["steps"])
    steps = page.inner_text("#path-info")
    assert "Changhai Zhou" in steps
    assert far["name"] in steps
    assert page.locator("#path-info .step-link").count() == far["steps"]
    words = page.locator("#path-info .step-link").all_inner_texts()
    assert set(words) <= WORDS, words
    # The path keeps its nodes' colours and sizes; the rest is faded below it.
    on_path = page.evaluate("window.explorer.onPath()")
    assert len(on_path) == far["steps"] + 1
    for node in on_path:
        assert node["colour"].replace(" ", "") == COLOURS[node["type"]], node
        assert node["size"] >= node["drawnSize"] - 0.01, node
        assert not node["faded"], node
    assert page.evaluate("window.explorer.faded()") > 0
    shot(page, "explorer-path")

    # An unknown id and a name nothing matches are not "no connection".
    page.goto(f"{service}/?id={CENTRE}&path=A0000000001")
    page.wait_for_selector("#path-info .path-missing")
    assert "Nothing in the graph has the id A0000000001" in page.inner_text("#path-info")
    page.fill("#path-to", "qqzzqqzz")
    page.click("#path-go")
    page.wait_for_selector("#path-info .path-missing")
    assert "No researcher, paper, topic or institution matches" in page.inner_text("#path-info")
    # Co-authors only: no path reaches a topic.
    topic = cypher(
        driver,
        "MATCH (:Author {id: $c})-[:AUTHORED]->()-[:HAS_TOPIC]->(t) RETURN t.id AS id LIMIT 1",
        c=CENTRE,
    )[0]["id"]
    page.goto(f"{service}/?id={CENTRE}&view=co-authors&path={topic}")
    page.wait_for_selector("#path-info .path-none")
    text = page.inner_text("#path-info")
    assert "No connection between Changhai Zhou and" in text
    assert "co-authors only" in text
    shot(page, "explorer-path-none")


def test_states_loading_at_once_slow_empty_and_unknown(service: str, page: Page) -> None:
    page.goto(service + "/")
    held: list[Route] = []
    holding = [True]

    def hold(route: Route) -> None:
        if holding[0]:
            held.append(route)
        else:
            route.continue_()

    page.route("**/graphql", hold)
    page.evaluate(
        """() => {
          window.seenLoading = null;
          const started = performance.now();
          new MutationObserver(() => {
            if (window.seenLoading === null && document.querySelector('#graph-state .loading'))
              window.seenLoading = performance.now() - started;
          }).observe(document.querySelector('#graph-state'), { childList: true, subtree: true });
          window.explorer.pick('A9000000042');
        }"""
    )
    page.wait_for_selector("#graph-state .loading")
    assert page.evaluate("window.seenLoading") < 100
    assert page.is_visible("#profile .loading")
    # Past two seconds the wait says it is still working.
    page.wait_for_function(
        "document.querySelector('#graph-state').innerText.includes('still working')"
    )
    shot(page, "explorer-slow")
    holding[0] = False
    for route in held:
        route.continue_()
    wait_drawn(page, 0, "explorer-slow")
    assert page.get_attribute("#graph", "data-state") == "drawn"

    # Nothing to show with these settings: say so, and what to change.
    page.goto(f"{service}/?id={CENTRE}&types=INSTITUTION")
    wait_drawn(page, 0, "explorer-empty")
    assert page.get_attribute("#graph", "data-state") == "empty"
    assert "Nothing around Changhai Zhou is shown with these settings" in page.inner_text(
        "#graph-state"
    )
    assert "Tick more kinds of node" in page.inner_text("#graph-state")
    shot(page, "explorer-empty")

    # An id nothing has: not found, and where to look instead.
    page.goto(f"{service}/?id=A0000000001")
    wait_drawn(page, 0, "explorer-missing")
    assert page.get_attribute("#graph", "data-state") == "missing"
    assert "with the id A0000000001 is in the graph" in page.inner_text("#graph-state")
    page.wait_for_selector("#profile .state.empty")

    # A search with no hits says so.
    page.fill("#search", "qqzzqqzz")
    page.wait_for_selector("#results >> text=No researcher, paper, topic or institution matches")
    shot(page, "explorer-no-hits")


@pytest.mark.scale
def test_labels_never_overlap_at_300_nodes_and_zooming_names_more(
    service: str, page: Page, driver: neo4j.Driver
) -> None:
    busiest = cypher(
        driver,
        """MATCH (a:Author)-[:AUTHORED]->()
           RETURN a.id AS id, count(*) AS works ORDER BY works DESC, id LIMIT 1""",
    )[0]["id"]
    page.set_viewport_size({"width": 1440, "height": 900})
    page.goto(f"{service}/?id={busiest}&limit=300&per=25&depth=3")
    wait_drawn(page, 0, "explorer-300")
    nodes = int(page.get_attribute("#graph", "data-node-count") or 0)
    assert nodes >= 200
    wait_named(page)
    shot(page, f"explorer-{nodes}-nodes")
    boxes = page.evaluate("window.explorer.labelBoxes()")
    assert len(boxes) >= 8
    assert overlapping(boxes) == []
    texts = [b["text"] for b in boxes]
    assert len(texts) == len(set(texts)), "two shown labels read the same"

    # Zooming in names more nodes, still apart.
    box = page.locator("#graph").bounding_box()
    assert box is not None
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    start = page.evaluate("window.explorer.zoom()")
    for _ in range(4):
        page.mouse.wheel(0, -300)
        next_frames(page)
    # The labels are placed again for the zoom reached.
    page.wait_for_function(
        f"window.explorer.zoom() > {start} && Number(document.querySelector('#graph')"
        ".dataset.labelZoom) === window.explorer.zoom()"
    )
    zoomed = page.evaluate("window.explorer.labelBoxes()")
    assert overlapping(zoomed) == []
    names = page.evaluate("window.explorer.names()")
    assert len(zoomed) == len([n for n in names if n["shown"]])
    assert len(zoomed) > len(boxes)
    shot(page, "explorer-300-zoomed")

    # A node without its name on screen shows it on hover.
    hidden = next(n for n in names if not n["shown"])
    position = page.evaluate(f"window.explorer.pagePosition('{hidden['id']}')")
    page.mouse.move(position["x"], position["y"])
    page.wait_for_selector("#tip:not([hidden])")

    # One link draws one picture: reloading it puts every node where it was.
    before = page.evaluate("window.explorer.positions()")
    page.reload()
    wait_drawn(page, 0, "explorer-300-reloaded")
    after = page.evaluate("window.explorer.positions()")
    assert after.keys() == before.keys()
    moved = [
        i
        for i in before
        if abs(before[i]["x"] - after[i]["x"]) + abs(before[i]["y"] - after[i]["y"]) > 0.01
    ]
    assert moved == []


def test_homonyms_are_told_apart_by_their_institutions(service: str, page: Page) -> None:
    # Two researchers named Wei Zhang on one paper, of the shared graph's (see HOMONYMS there).
    page.goto(f"{service}/?id=W7700000001")
    wait_drawn(page, 0, "explorer-homonyms")
    page.wait_for_function(
        "window.explorer.names().filter(n => n.name.startsWith('Wei Zhang (')).length === 2"
    )
    names = {n["id"]: n["name"] for n in page.evaluate("window.explorer.names()")}
    assert names["A7700000001"] == "Wei Zhang (Tsinghua University)"
    assert names["A7700000002"] == "Wei Zhang (Zhejiang University)"
    # The centre's panel is the paper's, with both authors.
    page.wait_for_selector("#profile .node-details")
    assert page.locator("#profile .authors a").count() == 2
    shot(page, "explorer-homonyms")


def test_details_for_every_type_and_every_item_recentres(
    service: str, page: Page, driver: neo4j.Driver
) -> None:
    def pick_from_list(target: str) -> list[str]:
        if not page.is_visible(f".node-pick[data-id='{target}']"):
            page.click("#node-list summary")
        page.click(f".node-pick[data-id='{target}']")
        page.wait_for_selector(f"#details .node-details[data-id='{target}']")
        return [h.lower() for h in page.locator("#details h4").all_inner_texts()]

    page.goto(f"{service}/?id={CENTRE}")
    wait_drawn(page, 0, "explorer-details")
    expected = {
        "W": ["authors", "abstract", "topics"],
        "T": ["in", "top papers", "top authors"],
        "A": ["affiliations", "topics", "collaborators"],
    }
    for prefix, headings in expected.items():
        target = next(i for i in node_ids(page) if i.startswith(prefix) and i != CENTRE)
        shown = pick_from_list(target)
        assert all(any(s.startswith(h) for s in shown) for h in headings), shown
        assert page.locator("#details .page-links a").count() >= 1
    shot(page, "explorer-details-paper")
    # An institution, around a researcher who has one.
    member = cypher(
        driver,
        """MATCH (a:Author)-[:AFFILIATED_WITH]->(i:Institution)
           RETURN a.id AS author, i.id AS institution, i.countryCode AS country
           ORDER BY a.id LIMIT 1""",
    )[0]
    page.goto(f"{service}/?id={member['author']}&depth=1")
    wait_drawn(page, 0, "explorer-details")
    shown = pick_from_list(member["institution"])
    assert "top authors" in shown
    assert member["country"] in page.inner_text("#details")
    shot(page, "explorer-details-institution")

    # An item of a panel re-centres the graph on it.
    person = page.locator(
        f"#details .recentre[data-id^='A']:not([data-id='{member['author']}'])"
    ).first
    target = person.get_attribute("data-id") or ""
    before = ready_count(page)
    person.click()
    wait_drawn(page, before, "explorer-recentre")
    assert query_of(page)["id"] == [target]
    # And a work in the profile's list does too.
    work = page.locator("#works .recentre").first
    target = work.get_attribute("data-id") or ""
    before = ready_count(page)
    work.click()
    wait_drawn(page, before, "explorer-recentre")
    assert query_of(page)["id"] == [target]
    page.wait_for_selector("#profile .node-details h3 .kind-PAPER")
    assert page.locator("#profile-name").count() == 0  # the researcher's profile is gone


def test_keyboard_alone(service: str, page: Page) -> None:
    page.goto(service + "/")
    page.keyboard.press("Tab")  # the header's home link
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "search"
    page.keyboard.type("changhai zh")
    page.wait_for_selector("#results .hit[data-id]")
    page.keyboard.press("Escape")
    assert page.locator("#results li").count() == 0
    page.keyboard.type("o")
    page.wait_for_selector("#results .hit[data-id]")
    page.keyboard.press("ArrowDown")
    focused = page.evaluate("document.activeElement.dataset.id")
    assert focused == CENTRE
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"
    page.keyboard.press("Enter")
    wait_drawn(page, 0, "explorer-keyboard")
    assert query_of(page)["id"] == [CENTRE]
    # The graph's nodes, as a list the keyboard reaches.
    page.focus("#node-list summary")
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    item = page.evaluate("document.activeElement.dataset.id")
    assert item
    page.keyboard.press("Enter")
    page.wait_for_selector(f"#details .node-details[data-id='{item}']")
    # A click elsewhere closes the search list.
    page.fill("#search", "changhai")
    page.wait_for_selector("#results .hit[data-id]")
    page.mouse.click(5, 400)
    assert page.locator("#results li").count() == 0
    shot(page, "explorer-keyboard")


def test_accessibility_and_three_widths(service: str, page: Page, driver: neo4j.Driver) -> None:
    some = cypher(
        driver,
        """MATCH (t:Topic) WITH t ORDER BY t.id LIMIT 1
           MATCH (i:Institution) WITH t, i ORDER BY i.id LIMIT 1
           RETURN t.id AS topic, i.id AS institution""",
    )[0]
    views = {
        "explorer": f"/?id={CENTRE}",
        "papers": "/papers",
        "paper": "/paper/W4000000005",
        "researcher": f"/author/{CENTRE}",
        "similar": "/similar/W4000000005",
        "topic": f"/topic/{some['topic']}",
        "institution": f"/institution/{some['institution']}",
    }
    for name, address in views.items():
        page.goto(service + address)
        page.wait_for_load_state("networkidle")
        found = serious_violations(page)
        assert found == [], f"{name}: {found}"
    page.goto(f"{service}/?id={CENTRE}")
    wait_drawn(page, 0, "explorer-widths")
    both_widths(page, "explorer", (1440, 1024, 390))
    page.set_viewport_size({"width": 390, "height": 844})
    next_frames(page)
    assert page.is_visible("#explore-tabs")
    graph = page.locator("#graph").bounding_box()
    assert graph is not None
    assert graph["width"] >= 350
    page.click("#explore-tabs [data-tab=about]")
    assert page.is_visible("#profile-name")
    assert not page.is_visible("#graph")
    page.screenshot(path="test-artifacts/explorer-390-about.png", full_page=True)
