"""Fixtures every tier shares: the session's Neo4j (never the user's), the read-only graph most
tests read with one warmed client over it, a fresh graph for the tests that write, and the
tiers' markers and order. The session's Neo4j is prepared while the unit tests run."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from pathlib import Path

import neo4j
import pytest

from tests.support.api import Api, api_for
from tests.support.graphs import wipe
from tests.support.neo4j import Neo4jTarget
from tests.support.session import Preparation
from tests.support.shared import SharedGraph

# Chromium and a page for the tests that drive the pages (tests/browser, tests/servers).
pytest_plugins = ("tests.support.pages",)

TESTS = Path(__file__).resolve().parent
SHARED_DATA = TESTS.parent.parent / "shared" / "data"
# The marker of each tier, by the folder its tests are in.
TIERS = {
    "unit": "unit",
    "integration": "neo4j",
    "browser": "browser",
    "servers": "servers",
    "reliability": "reliability",
}
PREPARED = pytest.StashKey[Preparation]()
ORDER = ("unit", "shared", "neo4j", "browser", "servers", "reliability")
# The fixtures through which a test reads the shared graph (`service` serves it to a browser).
READERS = {"shared", "api", "service"}


def tier_of(item: pytest.Item) -> str:
    return TIERS[item.path.relative_to(TESTS).parts[0]]


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark each test with its tier, before `-m` selects by them (`make test-unit` runs
    `-m unit`: no Java, no browser)."""
    for item in items:
        item.add_marker(getattr(pytest.mark, tier_of(item)))
        if "shared_data" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.shared_data)


@pytest.hookimpl(trylast=True)
def pytest_collection_finish(session: pytest.Session) -> None:
    """The readers of the shared graph run first, browser tests among them, so the graph is
    loaded once before any test wipes it; a module's tests stay together. What the selected
    tests need of Neo4j starts being prepared now, while the unit tests run."""
    readers = {
        item.path
        for item in session.items
        if tier_of(item) in ("neo4j", "browser")
        and READERS & set(getattr(item, "fixturenames", ()))
    }

    def order(item: pytest.Item) -> int:
        return ORDER.index("shared" if item.path in readers else tier_of(item))

    session.items.sort(key=order)
    if not session.config.option.collectonly and any(
        tier_of(item) != "unit" for item in session.items
    ):
        session.config.stash[PREPARED] = Preparation(
            Path(tempfile.mkdtemp(prefix="graph-service-tests-")),
            shared=bool(readers),
            serve=any("service" in getattr(item, "fixturenames", ()) for item in session.items),
        )


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Stop what was prepared; its folder (the server's home and logs) stays after a failure."""
    preparation = session.config.stash.get(PREPARED, None)
    if preparation is not None:
        preparation.close(keep=exitstatus != 0)


@pytest.fixture(scope="session")
def preparation(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Preparation:
    """The session's Neo4j as prepared from the start (or now, if nothing asked for it then)."""
    stash = request.config.stash
    if PREPARED not in stash:
        stash[PREPARED] = Preparation(tmp_path_factory.mktemp("session"), shared=False, serve=False)
    return stash[PREPARED]


@pytest.fixture(scope="session")
def neo4j_target(preparation: Preparation) -> Neo4jTarget:
    return preparation.target()


@pytest.fixture(scope="session")
def driver(neo4j_target: Neo4jTarget) -> Iterator[neo4j.Driver]:
    with neo4j.GraphDatabase.driver(
        neo4j_target.uri, auth=(neo4j_target.user, neo4j_target.password)
    ) as session_driver:
        yield session_driver


@pytest.fixture(scope="session")
def shared_graph(preparation: Preparation) -> SharedGraph:
    return preparation.shared()


@pytest.fixture(scope="module")
def shared(shared_graph: SharedGraph, driver: neo4j.Driver) -> neo4j.Driver:
    """The session's driver on the shared graph (see tests/support/shared.py): read it only."""
    shared_graph.ready()
    return driver


@pytest.fixture(scope="session")
def api(neo4j_target: Neo4jTarget, shared_graph: SharedGraph) -> Iterator[Api]:
    """The service in process over the shared graph, its statements planned at start-up as
    they are when it serves; for reads only."""
    shared_graph.ready()
    with api_for(neo4j_target) as client:
        yield client


@pytest.fixture
def graph(driver: neo4j.Driver, shared_graph: SharedGraph) -> neo4j.Driver:
    """The session's driver on an empty graph (the schema, which tests share, is kept)."""
    wipe(driver)
    shared_graph.spoiled()
    return driver


@pytest.fixture(scope="module")
def module_graph(driver: neo4j.Driver, shared_graph: SharedGraph) -> neo4j.Driver:
    """An empty graph for a module that loads data of its own and only reads it."""
    wipe(driver)
    shared_graph.spoiled()
    return driver


@pytest.fixture(scope="session")
def shared_data() -> Path:
    if not SHARED_DATA.is_dir():
        pytest.skip(f"real OpenAlex data not present at {SHARED_DATA}")
    return SHARED_DATA
