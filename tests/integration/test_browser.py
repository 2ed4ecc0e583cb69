"""The explorer, GraphiQL and Neo4j Browser in Debian's Chromium, driven by Playwright.

The service runs as the README runs it (`graph-service serve`) on the demo set. Screenshots
go to test-artifacts/.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import neo4j
import pytest
from playwright.sync_api import Browser, Page, sync_playwright
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from graph_service.demo import DEMO_WORKS
from graph_service.served import served
from tests.conftest import Neo4jTarget
from tests.graphdump import wipe
from tests.integration.gql import load_files

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# Flags that keep Chromium from reaching for Google's hosts on a closed network.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="module")
def service(neo4j_target: Neo4jTarget, driver: neo4j.Driver) -> Iterator[str]:
    """`graph-service serve` on a free port, over the demo set."""
    wipe(driver)
    load_files(neo4j_target, [DEMO_WORKS])
    env = {
        **os.environ,
        "NEO4J_URI": neo4j_target.uri,
        "NEO4J_USER": neo4j_target.user,
        "NEO4J_PASSWORD": neo4j_target.password,
    }
    with served(env, ready_within=60) as running:
        yield running.base


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"no Chromium at {CHROMIUM}: apt-get install chromium")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1500, "height": 950})
    opened = context.new_page()
    yield opened
    context.close()


def shot(page: Page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"))


def wait_drawn(page: Page, more_than: int, name: str) -> None:
    """Wait until the graph has been drawn more than `more_than` times; say why if not."""
    try:
        page.wait_for_function(
            f"Number(document.querySelector('#graph').dataset.ready || 0) > {more_than}",
            timeout=30000,
        )
    except PlaywrightTimeout:
        shot(page, f"{name}-timeout")
        error = page.inner_text("#error") if page.is_visible("#error") else ""
        raise AssertionError(f"graph not drawn; page error: {error!r}") from None


def ready_count(page: Page) -> int:
    return int(page.get_attribute("#graph", "data-ready") or 0)


def test_explorer_search_profile_graph_expand(service: str, page: Page) -> None:
    hosts: set[str] = set()
    page.on("request", lambda request: hosts.add(urlparse(request.url).hostname or ""))
    page.goto(service + "/")
    page.fill("#search", "changhai zh")
    page.click(".hit >> text=Changhai Zhou")
    page.wait_for_selector("#profile-name")
    assert page.inner_text("#profile-name") == "Changhai Zhou"
    # The seed page: 9 works, 40 citations, h-index 6.
    assert page.inner_text("#profile-works") == "9"
    assert page.inner_text("#profile-citations") == "40"
    assert page.inner_text("#profile-h") == "6"
    assert page.locator("#works li").count() == 9
    wait_drawn(page, 0, "explorer-profile")
    drawn = int(page.get_attribute("#graph", "data-node-count") or 0)
    ids = page.evaluate("window.explorer.nodeIds()")
    assert drawn == len(ids) == len(set(ids)) > 10
    shot(page, "explorer-profile")

    # Double-click a topic at the edge of the slice to expand it: more nodes, no duplicates.
    coauthor = page.evaluate("window.explorer.nodeIds().find(id => id.startsWith('T'))")
    before = ready_count(page)
    position = page.evaluate(f"window.explorer.pagePosition('{coauthor}')")
    page.mouse.dblclick(position["x"], position["y"])
    wait_drawn(page, before, "explorer-expanded")
    after = page.evaluate("window.explorer.nodeIds()")
    edges = page.evaluate("window.explorer.edgeIds()")
    assert len(after) == len(set(after)) > len(ids)
    assert set(ids) <= set(after)
    assert len(edges) == len(set(edges))
    shot(page, "explorer-expanded")
    assert hosts == {"127.0.0.1"}


def test_explorer_says_when_a_slice_is_truncated(service: str, page: Page) -> None:
    page.goto(service + "/?id=A9000000042")
    wait_drawn(page, 0, "explorer-truncated")
    page.fill("#limit", "5")
    before = ready_count(page)
    page.click("#apply")
    wait_drawn(page, before, "explorer-truncated")
    assert page.is_visible("#truncated")
    assert "not shown" in page.inner_text("#truncated")
    assert page.get_attribute("#graph", "data-node-count") == "5"
    shot(page, "explorer-truncated")


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


def test_neo4j_browser_page_loads(neo4j_target: Neo4jTarget, page: Page) -> None:
    if neo4j_target.http_port is None:
        pytest.fail("the session's Neo4j has no HTTP port to open Neo4j Browser on")
    page.goto(f"http://127.0.0.1:{neo4j_target.http_port}/browser/")
    page.wait_for_selector("text=Connect", timeout=30000)
    assert "Neo4j Browser" in page.title()
    shot(page, "neo4j-browser")
