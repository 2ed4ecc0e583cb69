// The graph's nodes as a list below it (the graph at the keyboard and for screen readers),
// and the tip a node shows on hover: both say the same facts.
import { NOUNS } from "../../graph/style.js";
import { plural } from "../../lib/format.js";
import { escapeHtml } from "../../lib/html.js";
import { cy } from "./graph.js";

const $ = (id) => document.getElementById(id);

export function listNodes() {
  const nodes = cy.nodes().sort((a, b) => a.data("hop") - b.data("hop") || b.data("weight") - a.data("weight"));
  const list = $("node-list");
  list.querySelector("summary").textContent = nodes.length
    ? `The graph's ${plural(nodes.length, "node")} as a list`
    : "The graph's nodes as a list";
  list.querySelector("ul").innerHTML = nodes
    .map(
      (n) => `<li><button type="button" class="node-pick" data-id="${escapeHtml(n.id())}">
        <span class="kind kind-${n.data("type")}">${NOUNS[n.data("type")]}</span>${escapeHtml(n.data("name"))}</button>
        <small>${escapeHtml(factsOf(n))}</small></li>`,
    )
    .join("");
}

function factsOf(n) {
  const d = n.data();
  return [
    d.hop === 0 ? "the centre" : `${plural(d.hop, "step")} away`,
    d.year,
    d.citations != null && plural(d.citations, "citation"),
    d.type !== "PAPER" && d.worksCount != null && plural(d.worksCount, "work"),
  ]
    .filter(Boolean)
    .join(" · ");
}

export function showTip(node) {
  const tip = $("tip");
  const p = node.renderedPosition();
  tip.innerHTML = `<b>${escapeHtml(node.data("name"))}</b><br><small>${NOUNS[node.data("type")]} · ${escapeHtml(factsOf(node))}</small>`;
  tip.hidden = false;
  const width = $("graph").clientWidth;
  tip.style.left = `${Math.max(4, Math.min(width - tip.offsetWidth - 4, p.x - tip.offsetWidth / 2))}px`;
  tip.style.top = `${Math.max(4, p.y - node.renderedHeight() / 2 - tip.offsetHeight - 8)}px`;
}
