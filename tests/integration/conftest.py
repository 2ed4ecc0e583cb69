"""Fixtures of the browser tests: the service as the README runs it, and Chromium."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import neo4j
import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from graph_service.devdata import generator
from graph_service.devdata.demo import DEMO_ARXIV, DEMO_WORKS
from graph_service.http.child import served
from tests.conftest import Neo4jTarget
from tests.graphdump import wipe
from tests.integration.browsing import CHROMIUM, CHROMIUM_ARGS
from tests.integration.gql import load_files


@pytest.fixture(scope="module")
def service(
    neo4j_target: Neo4jTarget, driver: neo4j.Driver, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    """`graph-service serve` on a free port, over the demo set and 300 generated papers (the
    demo set names no institutions; the generated papers do)."""
    wipe(driver)
    works = tmp_path_factory.mktemp("browser") / "works.jsonl"
    generator.write(works, 300, seed=11)
    load_files(neo4j_target, [DEMO_WORKS, works])
    load_files(neo4j_target, [DEMO_ARXIV], arxiv=True)
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
