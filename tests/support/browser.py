"""What the browser tests share: where Chromium is, screenshots, and waiting for the graph."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import Page
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from tests.support.project import ROOT

ARTIFACTS = ROOT / "test-artifacts"
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
        # The page's graphs follow the new width when their resize observers fire.
        try:
            page.wait_for_function(f"document.documentElement.scrollWidth <= {width}", timeout=5000)
        except PlaywrightTimeout:
            overflow = page.evaluate("document.documentElement.scrollWidth")
            raise AssertionError(f"{name} is {overflow} px wide at {width} px") from None
        next_frames(page)
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


def next_frames(page: Page) -> None:
    """Wait until the page has drawn two more frames: what a resize or a wheel queued for
    the next frame has run."""
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")


def wait_named(page: Page) -> None:
    """Wait until the homonyms of the graph drawn last are told apart (names.js)."""
    page.wait_for_function(
        "(() => { const g = document.querySelector('#graph');"
        " return g.dataset.named === g.dataset.ready; })()",
        timeout=30000,
    )
