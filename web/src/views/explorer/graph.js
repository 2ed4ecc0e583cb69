// The explorer's graph: the cytoscape instance, the overlay over it while it waits, when it
// has nothing to show or failed, and the signal each finished change gives.
import { failed } from "../../components/states.js";
import { cytoscape } from "../../graph/cytoscape.js";
import { STYLE } from "../../graph/style.js";
import { plural } from "../../lib/format.js";
import { escapeHtml } from "../../lib/html.js";

const $ = (id) => document.getElementById(id);
const SLOW_MS = 2000;

export const cy = cytoscape({ container: $("graph"), wheelSensitivity: 0.3, style: STYLE, boxSelectionEnabled: false });
let slowTimer = null;

export function overlay(kind, html = "") {
  clearTimeout(slowTimer);
  const box = $("graph-state");
  box.hidden = !kind;
  box.className = `overlay${kind ? ` overlay-${kind}` : ""}`;
  box.innerHTML = html;
  $("graph").dataset.state = kind || "drawn";
}

export function waiting(what) {
  overlay(
    "loading",
    `<div class="state loading" role="status"><span class="spinner"></span><span class="state-text">${escapeHtml(what)}…</span></div>`,
  );
  slowTimer = setTimeout(() => {
    const text = $("graph-state").querySelector(".state-text");
    if (text) text.textContent = `${what}… still working: a large slice or a cold start can take a few seconds.`;
  }, SLOW_MS);
}

export function graphFailed(error, retry) {
  overlay("error");
  failed($("graph-state"), error, retry);
  $("graph").dataset.state = "error";
  signal();
}

// Each finished draw, expansion, path or state bumps data-ready (tests and benchmarks wait on it).
export function signal(what = null, started = null) {
  const graph = $("graph");
  graph.dataset.nodeCount = String(cy.nodes().length);
  graph.dataset.edgeCount = String(cy.edges().length);
  if (what) {
    const ms = Math.round(performance.now() - started);
    graph.dataset[`${what}Ms`] = String(ms);
    $("status").textContent = `${plural(cy.nodes().length, "node")}, ${plural(cy.edges().length, "link")} · ${what} in ${ms} ms`;
  }
  graph.dataset.ready = String(Number(graph.dataset.ready || 0) + 1);
}
