"""What the browser tests share: where Chromium is, screenshots, and waiting for the graph."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from playwright.sync_api import Page
from playwright.sync_api import TimeoutError as PlaywrightTimeout

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
AXE = ROOT / "web" / "node_modules" / "axe-core" / "axe.min.js"


def shot(page: Page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"))


def wait_drawn(page: Page, more_than: int, name: str) -> None:
    """Wait until the graph has been drawn (or has shown a state) more than `more_than` times;
    say why if not."""
    try:
        page.wait_for_function(
            f"Number(document.querySelector('#graph').dataset.ready || 0) > {more_than}",
            timeout=30000,
        )
    except PlaywrightTimeout:
        shot(page, f"{name}-timeout")
        state = page.inner_text("#graph-state") if page.is_visible("#graph-state") else ""
        raise AssertionError(f"graph not drawn; it shows: {state!r}") from None


def ready_count(page: Page) -> int:
    return int(page.get_attribute("#graph", "data-ready") or 0)


def both_widths(page: Page, name: str, widths: tuple[int, ...] = (1440, 390)) -> None:
    """Screenshots at each width; at none is anything wider than the screen."""
    for width in widths:
        page.set_viewport_size({"width": width, "height": 900})
        page.wait_for_timeout(250)
        overflow = page.evaluate("document.documentElement.scrollWidth")
        assert overflow <= width, f"{name} is {overflow} px wide at {width} px"
        page.screenshot(path=str(ARTIFACTS / f"{name}-{width}.png"), full_page=True)
    page.set_viewport_size({"width": 1500, "height": 950})


def serious_violations(page: Page) -> list[dict[str, Any]]:
    """axe-core's serious and critical accessibility violations on the page as it is."""
    if not AXE.exists():
        raise AssertionError(f"no axe-core at {AXE}: make web installs it from npm")
    page.add_script_tag(path=str(AXE))
    found: list[dict[str, Any]] = page.evaluate(
        """async () => (await axe.run(document, { resultTypes: ['violations'] })).violations
            .filter(v => v.impact === 'serious' || v.impact === 'critical')
            .map(v => ({ id: v.id, impact: v.impact, help: v.help,
                         nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ')) }))"""
    )
    return found
