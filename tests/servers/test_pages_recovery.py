"""The explorer when Neo4j stops under it: the failure named, a retry that draws the graph once
Neo4j is back. Against a Neo4j and a service of the module's own (it is stopped)."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from playwright.sync_api import Page

from graph_service.devdata.demo import DEMO_WORKS
from graph_service.http.child import served
from graph_service.localneo4j.scratch import HEAP, PAGECACHE, scratch_server
from graph_service.localneo4j.server import LocalServer
from tests.support.browser import ready_count, shot, wait_drawn
from tests.support.graphs import load_files
from tests.support.neo4j import target_of
from tests.support.polling import poll

CENTRE = "A9000000042"  # Changhai Zhou, of the demo set


@pytest.fixture(scope="module")
def own(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[LocalServer, str]]:
    """A Neo4j holding the demo set, and the service over it."""
    with scratch_server(tmp_path_factory.mktemp("pages-recovery-home")) as server:
        target = target_of(server, "pages recovery")
        load_files(target, [DEMO_WORKS])
        with served({**os.environ, **target.env()}, ready_within=120) as running:
            yield server, running.base


def test_neo4j_down_names_what_failed_and_retries(own: tuple[LocalServer, str], page: Page) -> None:
    server, service = own
    status = server.status()
    assert status.bolt_port
    assert status.http_port
    page.goto(service + "/")
    server.stop()
    try:
        page.evaluate(f"window.explorer.pick('{CENTRE}')")
        # The service refuses at once while Neo4j is known to be down, so the loading state
        # may already have given way to the error.
        page.wait_for_selector("#graph-state .loading, #graph-state .error", timeout=1000)
        page.wait_for_selector("#graph-state .error", timeout=60000)
        text = page.inner_text("#graph-state")
        assert "Could not load this" in text
        assert "Neo4j is not reachable" in text
        assert "may be starting or stopped" in text
        assert text.count("not reachable") == 1, text  # said once, not by message and hint
        assert page.is_visible("#graph-state .retry")
        shot(page, "explorer-neo4j-down")
    finally:
        server.start(
            bolt_port=status.bolt_port,
            http_port=status.http_port,
            heap=HEAP,
            pagecache=PAGECACHE,
        )
    # Once the service sees Neo4j again, the retry draws the graph.
    poll(
        lambda: page.request.get(service + "/readyz").status == 200,
        within=60,
        what="/readyz answering 200",
        every=0.5,
    )
    # A Neo4j just started plans the slice afresh, which on a busy machine may pass the time
    # limit once: that says so too, with its own retry.
    for _ in range(3):
        before = ready_count(page)
        page.click("#graph-state .retry")
        wait_drawn(page, before, "explorer-retry")
        if page.get_attribute("#graph", "data-state") == "drawn":
            break
        assert "Try again" in page.inner_text("#graph-state")
    assert page.get_attribute("#graph", "data-state") == "drawn", page.inner_text("#graph-state")
    assert int(page.get_attribute("#graph", "data-node-count") or 0) > 10
