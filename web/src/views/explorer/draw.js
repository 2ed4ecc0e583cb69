// Drawing the slice an address asks for: the graph around the centre, each expansion added
// to it in place, and what tells the reader about it (truncation, the legend, the list).
import { layout } from "../../graph/layout.js";
import { placeLabels } from "../../graph/labels.js";
import { edgeElement, nodeElement } from "../../graph/style.js";
import { gql } from "../../lib/api.js";
import { plural } from "../../lib/format.js";
import { escapeHtml } from "../../lib/html.js";
import { kindOf } from "../../lib/ids.js";
import { TYPES } from "./address.js";
import { cy, overlay, signal, waiting } from "./graph.js";
import { drawLegend } from "./legend.js";
import { listNodes } from "./list.js";
import { nameHomonyms } from "./names.js";
import { showCentrePanel } from "./panel.js";
import { SLICE, sliceVariables } from "./queries.js";
import { DETAILS_HINT } from "./selection.js";
import { state } from "./state.js";

const $ = (id) => document.getElementById(id);

// A node as the explorer draws it: `name` is its whole label (homonyms get more).
export function element(n) {
  const e = nodeElement(n);
  e.data.name = n.label;
  return e;
}

// The graph around the centre of `s`; false when it is not drawn (missing, or a newer
// address came first).
export async function drawCentre(s, mine) {
  const started = performance.now();
  const type = kindOf(s.id);
  state.centre = { id: s.id, type, label: s.id };
  waiting(`Drawing the graph around ${s.id}`);
  showCentrePanel(s.id, type);
  $("details").innerHTML = DETAILS_HINT;
  $("path-info").hidden = true;
  $("truncated").hidden = true;
  const data = await gql(SLICE, sliceVariables(s));
  if (mine !== state.epoch) return false;
  $("graph").dataset.apiMs = String(Math.round(performance.now() - started));
  const slice = data.neighborhood;
  if (!slice) {
    document.title = "Not found · Research graph explorer";
    emptyGraph(
      "missing",
      `No researcher, paper, topic or institution with the id <b>${escapeHtml(s.id)}</b> is in the graph.`,
      "Search for it by name in the box above.",
    );
    return false;
  }
  const centre = { id: s.id, type: slice.nodes[0].type, label: slice.nodes[0].label };
  state.centre = centre;
  document.title = `${centre.label} · Research graph explorer`;
  cy.elements().remove();
  cy.add(slice.nodes.map(element));
  cy.add(slice.edges.map(edgeElement));
  cy.getElementById(s.id).addClass("center");
  const laid = performance.now();
  await layout(cy, true);
  if (mine !== state.epoch) return false;
  $("graph").dataset.layoutMs = String(Math.round(performance.now() - laid));
  overlay(null);
  if (slice.nodes.length === 1) {
    const filtered = s.types.length < TYPES.length || s.from != null || s.to != null || s.co;
    overlay(
      "empty",
      `<div class="state empty" role="status"><p>Nothing around <b>${escapeHtml(centre.label)}</b> is shown with these settings.</p><p>${
        filtered
          ? "Tick more kinds of node, widen the years or turn off “co-authors only”, then Apply."
          : "It has no links in the graph yet: search for another starting point above."
      }</p></div>`,
    );
  }
  noteTruncation(slice, s);
  finishDraw();
  signal("draw", started);
  nameHomonyms(mine);
  return true;
}

// One step around `id`, added to the graph.
export async function expand(s, id, mine) {
  const started = performance.now();
  $("status").textContent = `Expanding ${cy.getElementById(id).data("label") || id}…`;
  const data = await gql(SLICE, sliceVariables(s, id, 1));
  if (mine !== state.epoch) return;
  const slice = data.neighborhood;
  if (!slice) return;
  let parent = cy.getElementById(id);
  if (parent.empty()) parent = cy.add(element({ ...slice.nodes[0], hop: 1 }));
  const origin = parent.position();
  const fresh = slice.nodes.filter((n) => cy.getElementById(n.id).empty());
  const added = cy.collection();
  fresh.forEach((n, i) => {
    const angle = (2 * Math.PI * i) / Math.max(1, fresh.length);
    const e = element({ ...n, hop: parent.data("hop") + n.hop });
    e.position = { x: origin.x + 90 * Math.cos(angle), y: origin.y + 90 * Math.sin(angle) };
    added.merge(cy.add(e));
  });
  cy.add(slice.edges.filter((e) => cy.getElementById(e.id).empty()).map(edgeElement));
  // Only what the expansion added moves; the graph the reader knows stays where it was.
  if (added.length) await layout(cy, false, added.union(parent), [{ nodeId: id, position: { ...origin } }]);
  if (mine !== state.epoch) return;
  noteTruncation(slice, s, fresh.length);
  finishDraw();
  signal("expand", started);
  nameHomonyms(mine);
}

function noteTruncation(slice, s, added = null) {
  const note = $("truncated");
  note.hidden = !slice.truncated;
  note.textContent = slice.truncated
    ? `Some neighbours are not shown (limits: ${s.limit} nodes, ${s.per} per node; ` +
      `${plural(slice.totalNeighbors ?? 0, "direct neighbour")}). Double-click a node to expand it.`
    : "";
  if (added !== null) note.dataset.added = String(added);
}

// Labels, legend and the list, after anything changed what is drawn.
export function finishDraw() {
  placeLabels(cy);
  drawLegend();
  listNodes();
}

// No graph: the welcome, a centre not in the graph; `message` and `next` are HTML.
export function emptyGraph(kind, message, next) {
  cy.elements().remove();
  overlay(kind, `<div class="state empty" role="status"><p>${message}</p>${next ? `<p>${next}</p>` : ""}</div>`);
  $("legend").hidden = true;
  listNodes();
  if (kind !== "welcome") signal();
}
