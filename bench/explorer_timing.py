"""Explorer timings in Chromium: search pick -> drawn slice, double-click -> merged expansion.

Loads a generated graph into a throw-away Neo4j (bulk path), serves the app the README's way,
and drives the page with Playwright. Times are the page's own (performance.now() around the
GraphQL call, the layout and the draw), over several authors after one warm-up.

    .venv/bin/python bench/explorer_timing.py --papers 20000
"""

from __future__ import annotations

import argparse
import statistics
from pathlib import Path

from playwright.sync_api import sync_playwright

from bench.graph import throwaway_graph
from graph_service.served import served

ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--papers", type=int, default=20_000)
    parser.add_argument("--authors", type=int, default=6, help="centres timed after a warm-up")
    options = parser.parse_args()
    with throwaway_graph(options.papers, "explorer-bench-") as graph, served(graph.env) as service:
        # The most productive authors: the busiest slices.
        centres = graph.authors[: options.authors + 1]
        time_explorer(service.base, centres, options.papers, graph.work)


def time_explorer(base: str, centres: list[str], papers: int, work: Path) -> None:
    """Pick each centre in the explorer, then expand a paper of its slice; print the times."""
    draws, expands, sizes = [], [], []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        page = browser.new_page(viewport={"width": 1500, "height": 950})
        page.goto(base + "/")
        page.fill("#limit", "300")
        page.fill("#per", "25")
        page.select_option("#depth", "2")
        for index, centre in enumerate(centres):
            ready = int(page.get_attribute("#graph", "data-ready") or 0)
            page.evaluate(f"window.explorer.pick('{centre}', 'Author')")
            page.wait_for_function(
                f"Number(document.querySelector('#graph').dataset.ready || 0) > {ready}",
                timeout=60000,
            )
            nodes = int(page.get_attribute("#graph", "data-node-count") or 0)
            draw = int(page.get_attribute("#graph", "data-draw-ms") or 0)
            target = page.evaluate("window.explorer.nodeIds().find(id => id.startsWith('W'))")
            position = page.evaluate(f"window.explorer.pagePosition('{target}')")
            page.mouse.dblclick(position["x"], position["y"])
            page.wait_for_function(
                f"Number(document.querySelector('#graph').dataset.ready) > {ready + 1}",
                timeout=60000,
            )
            expand = int(page.get_attribute("#graph", "data-expand-ms") or 0)
            grown = int(page.get_attribute("#graph", "data-node-count") or 0)
            print(f"{centre}: {nodes} nodes in {draw} ms; +{grown - nodes} in {expand} ms")
            if index == 0:
                continue  # warm-up: query plans, JIT
            draws.append(draw)
            expands.append(expand)
            sizes.append(nodes)
        page.screenshot(path=str(work / "explorer-300.png"))
        browser.close()
    print(
        f"\n{papers:,} papers; slices of {min(sizes)}-{max(sizes)} nodes "
        f"(limit 300, depth 2, perNodeLimit 25)\n"
        f"search pick -> drawn slice: median {statistics.median(draws):.0f} ms, "
        f"max {max(draws)} ms\n"
        f"double-click -> merged expansion: median {statistics.median(expands):.0f} ms, "
        f"max {max(expands)} ms"
    )


if __name__ == "__main__":
    main()
