"""Explorer timings in Chromium: search pick -> drawn slice, double-click -> merged expansion,
and a path, with the first pick after the service starts.

Loads a generated graph into a throw-away Neo4j (bulk path), serves the app the README's way,
and drives the page with Playwright. Times are the page's own (performance.now() around the
GraphQL call, the layout and the draw), over several authors after one warm-up. With
`--baseline DIR` (another version's built `web/dist`) the same picks run in that version's
page too, turn about with this one's, on the same service and graph.

    .venv/bin/python bench/explorer_timing.py --papers 20000 [--baseline OLD/web/dist]
"""

from __future__ import annotations

import argparse
import statistics
from collections.abc import Callable
from pathlib import Path
from typing import Any

from playwright.sync_api import Browser, Page, Route, sync_playwright

from bench.chromium import CHROMIUM, CHROMIUM_ARGS
from bench.graph import throwaway_graph
from graph_service.http.child import served

CURRENT = "this version"
BASELINE = "baseline"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--papers", type=int, default=20_000)
    parser.add_argument("--authors", type=int, default=6, help="centres timed after a warm-up")
    parser.add_argument("--rounds", type=int, default=2, help="turns of each version")
    parser.add_argument("--baseline", type=Path, help="another version's built web/dist")
    options = parser.parse_args()
    with throwaway_graph(options.papers, "explorer-bench-") as graph, served(graph.env) as service:
        # The most productive authors: the busiest slices.
        centres = graph.authors[: options.authors + 1]
        versions = [CURRENT] + ([BASELINE] if options.baseline else [])
        times: dict[str, dict[str, list[int]]] = {v: {} for v in versions}
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for turn in range(options.rounds):
                for version in versions:
                    dist = options.baseline if version == BASELINE else None
                    found = time_explorer(browser, service.base, centres, dist, graph.work)
                    if turn == 0 and version == CURRENT:
                        print(f"first pick after start-up: {found.pop('first')[0]} ms")
                    found.pop("first", None)
                    for step, values in found.items():
                        times[version].setdefault(step, []).extend(values)
            browser.close()
    report(options.papers, times)


def served_from(dist: Path) -> Callable[[Route], None]:
    """A route handler that answers the explorer's page and files from `dist`."""

    def answer(route: Route) -> None:
        path = route.request.url.split("?")[0].rstrip("/").rsplit("/", 1)[-1]
        name = path if path.endswith((".js", ".css")) else "index.html"
        kinds = {"js": "text/javascript", "css": "text/css"}
        kind = kinds.get(name.rsplit(".", 1)[-1], "text/html")
        route.fulfill(body=(dist / name).read_bytes(), content_type=kind)

    return answer


def wait_ready(page: Page, more_than: int) -> None:
    page.wait_for_function(
        f"Number(document.querySelector('#graph').dataset.ready || 0) > {more_than}",
        timeout=60000,
    )


def number(page: Page, name: str) -> int:
    return int(page.get_attribute("#graph", name) or 0)


def time_explorer(
    browser: Browser, base: str, centres: list[str], dist: Path | None, work: Path
) -> dict[str, list[int]]:
    """Pick each centre, expand a paper of its slice and (this version) find a path to the
    next centre; the page's own times, the first pick apart."""
    context = browser.new_context(viewport={"width": 1500, "height": 950})
    page = context.new_page()
    if dist is not None:
        handler = served_from(dist)
        page.route(lambda url: url.startswith(base) and "/graphql" not in url, handler)
    page.goto(base + "/")
    page.fill("#limit", "300")
    page.fill("#per", "25")
    page.select_option("#depth", "2")
    found: dict[str, list[Any]] = {"first": [], "draw": [], "expand": [], "path": [], "nodes": []}
    for index, centre in enumerate(centres):
        ready = number(page, "data-ready")
        page.evaluate(f"window.explorer.pick('{centre}', 'Author')")
        wait_ready(page, ready)
        nodes = number(page, "data-node-count")
        draw = number(page, "data-draw-ms")
        target = page.evaluate("window.explorer.nodeIds().find(id => id.startsWith('W'))")
        position = page.evaluate(f"window.explorer.pagePosition('{target}')")
        ready = number(page, "data-ready")
        page.mouse.dblclick(position["x"], position["y"])
        wait_ready(page, ready)
        expand = number(page, "data-expand-ms")
        path = None
        if dist is None:
            ready = number(page, "data-ready")
            other = centres[(index + 1) % len(centres)]
            page.evaluate(f"window.history.pushState(null, '', location.href + '&path={other}')")
            page.evaluate("window.dispatchEvent(new PopStateEvent('popstate'))")
            wait_ready(page, ready)
            path = number(page, "data-path-ms")
        if index == 0:
            found["first"].append(draw)
            continue  # warm-up: query plans, JIT
        found["draw"].append(draw)
        found["expand"].append(expand)
        found["nodes"].append(nodes)
        if path is not None:
            found["path"].append(path)
    if dist is None:
        page.screenshot(path=str(work / "explorer-300.png"))
    context.close()
    return found


def report(papers: int, times: dict[str, dict[str, list[int]]]) -> None:
    steps = {
        "draw": "search pick -> drawn slice",
        "expand": "double-click -> merged expansion",
        "path": "path to another centre, drawn",
    }
    sizes = [n for version in times.values() for n in version.get("nodes", [])]
    print(
        f"\n{papers:,} papers; slices of {min(sizes)}-{max(sizes)} nodes "
        "(limit 300, depth 2, perNodeLimit 25); ms median / max"
    )
    current = times[CURRENT]
    baseline = times.get(BASELINE, {})
    for step, label in steps.items():
        mine = current.get(step) or []
        if not mine:
            continue
        line = f"  {label:36} {statistics.median(mine):6.0f} / {max(mine):5d}"
        theirs = baseline.get(step) or []
        if theirs:
            ratio = statistics.median(mine) / statistics.median(theirs)
            line += f"   baseline {statistics.median(theirs):6.0f} / {max(theirs):5d}"
            line += f"   ratio {ratio:.2f}"
        print(line)


if __name__ == "__main__":
    main()
