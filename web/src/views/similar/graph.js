// The Similar papers graph: the papers where layout.js puts them, coloured by year, joined by
// their closest ties, over an axis of years; a paper tapped is picked.
import { cytoscape } from "../../graph/cytoscape.js";
import { plural } from "../../lib/format.js";
import { yearLayout } from "./layout.js";
import { shortLabel } from "./names.js";
import { pick } from "./selection.js";

// The axis under the papers: a label at each year that has one, and "…" where years are left out.
function axisElements(middle, breaks, bottom) {
  const ticks = [];
  let last = -Infinity;
  for (const [year, x] of middle) {
    if (x - last < 40) continue;
    last = x;
    ticks.push({ group: "nodes", data: { id: `year-${year}`, tick: String(year) }, position: { x, y: bottom } });
  }
  breaks.forEach((x, i) =>
    ticks.push({ group: "nodes", data: { id: `gap-${i}`, tick: "…" }, position: { x, y: bottom } }),
  );
  return ticks.map((t) => ({ ...t, classes: "tick", selectable: false, grabbable: false }));
}

const GRAPH_STYLE = [
  {
    selector: "node[colour]",
    style: {
      "background-color": "data(colour)",
      width: "data(size)",
      height: "data(size)",
      label: "data(short)",
      "font-size": 10,
      color: "#333",
      "text-valign": "bottom",
      "text-margin-y": 2,
      "min-zoomed-font-size": 6,
      "border-width": 1,
      "border-color": "#fff",
    },
  },
  { selector: "node.hop2", style: { "border-style": "dashed", "border-color": "#6b7280", "border-width": 1 } },
  { selector: "node.center", style: { "border-width": 4, "border-color": "#e8833a" } },
  {
    selector: "node.tick",
    style: { "background-opacity": 0, "border-width": 0, label: "data(tick)", "text-valign": "center", width: 1, height: 1, color: "#666", events: "no" },
  },
  { selector: "node.hover", style: { "border-width": 3, "border-color": "#f5a400" } },
  { selector: "node.picked", style: { "border-width": 4, "border-color": "#d62828", "z-index": 10 } },
  { selector: "node.faded", style: { opacity: 0.3 } },
  {
    selector: "edge",
    style: {
      width: "data(width)",
      "line-color": "#8795a8",
      opacity: "data(opacity)",
      "curve-style": "haystack",
    },
  },
  { selector: "edge.weak", style: { display: "none" } },
  { selector: "edge.faded", style: { opacity: 0.04 } },
  { selector: "edge.near", style: { display: "element", "line-color": "#d62828", opacity: 0.75 } },
];

// The edges each paper holds among its `k` closest (by index): every paper keeps its strongest
// ties drawn, and a dense slice stays readable. A picked paper shows all of its own.
function strongest(nodes, edges, k) {
  const ties = new Map(nodes.map((n) => [n.id, []]));
  edges.forEach((e, i) => {
    ties.get(e.source)?.push(i);
    ties.get(e.target)?.push(i);
  });
  const kept = new Set();
  for (const list of ties.values()) {
    list.sort((a, b) => edges[b].weight - edges[a].weight || a - b);
    list.slice(0, k).forEach((i) => kept.add(i));
  }
  return kept;
}

// How many graphs this view has drawn: each drawing has its number (window.similar.drawing).
let drawings = 0;

// Draws the graph of `slice` (the SIMILARITY slice) into what the view shows (`shown`).
export async function drawGraph(shown, slice) {
  const { element, colours } = shown;
  const target = element.querySelector("#similar-graph");
  const drawn = slice.nodes.map((n) => ({
    ...n,
    size: 14 + Math.min(36, 4 * Math.log2(1 + (n.citations ?? 0))),
  }));
  const { place, middle, breaks } = yearLayout(drawn, slice.edges, target.clientWidth - 80);
  const strong = strongest(drawn, slice.edges, 3);
  const bottom = Math.max(...place.map((p) => p.y + p.r)) + 36;
  target.innerHTML = "";
  const cy = cytoscape({
    container: target,
    style: GRAPH_STYLE,
    boxSelectionEnabled: false,
    autoungrabify: true,
    layout: { name: "preset" },
    elements: [
      ...drawn.map((n, i) => ({
        group: "nodes",
        data: { id: n.id, size: n.size, colour: colours.get(n.id), short: shortLabel(n) },
        classes: [n.role === "CENTER" ? "center" : "", n.hop > 1 ? "hop2" : ""].join(" "),
        position: { x: place[i].x, y: place[i].y },
      })),
      ...slice.edges.map((e, i) => ({
        group: "edges",
        data: {
          id: `s${i}`,
          source: e.source,
          target: e.target,
          width: 0.6 + 3 * e.weight,
          opacity: Math.min(0.7, 0.15 + 0.6 * e.weight),
        },
        classes: strong.has(i) ? "" : "weak",
      })),
      ...axisElements(middle, breaks, bottom),
    ],
  });
  cy.fit(undefined, 24);
  // A small graph is not blown up past a little over its drawn size.
  if (cy.zoom() > 1.3) {
    cy.zoom(1.3);
    cy.center();
  }
  shown.cy = cy;
  shown.drawing = ++drawings;
  const years = [...middle.keys()];
  target.dataset.nodeCount = String(drawn.length);
  target.setAttribute("role", "img");
  target.setAttribute(
    "aria-label",
    `Graph of ${plural(drawn.length - 1, "similar paper")}${years.length ? `, ${years[0]} to ${years.at(-1)}` : ""}; the list beside it names them`,
  );
  cy.on("tap", "node", (event) => pick(shown, event.target.id()));
  cy.on("tap", (event) => {
    if (event.target === cy) pick(shown, null);
  });
  cy.on("mouseover", "node", (event) => {
    target.style.cursor = "pointer";
    event.target.addClass("hover");
  });
  cy.on("mouseout", "node", (event) => {
    target.style.cursor = "";
    event.target.removeClass("hover");
  });
}
