// The node picked in the graph or its list, and its details in the "Selected" panel.
import { showDetails } from "../../components/details.js";
import { escapeHtml } from "../../lib/html.js";
import { kindOf } from "../../lib/ids.js";
import { replace } from "../../router.js";
import { addressOf } from "./address.js";
import { markTab } from "./controls.js";
import { cy } from "./graph.js";
import { state } from "./state.js";

const $ = (id) => document.getElementById(id);

// What the details panel says while nothing is picked.
export const DETAILS_HINT = `<p class="hint">Click a node, or pick one from the list below the graph, for its details; double-click a node to expand it.</p>`;

let selectController = null;

// Picking a node changes only ?sel=, in place: Back goes to the view before, not the click before.
export function choose(id) {
  state.want = { ...state.want, sel: id };
  replace(addressOf(state.want));
  select(id);
  if (state.drawn) state.drawn.sel = id;
}

export function select(id) {
  cy.$(":selected").unselect();
  if (selectController) selectController.abort();
  if (!id) {
    $("details").innerHTML = DETAILS_HINT;
    return;
  }
  const node = cy.getElementById(id);
  if (node.nonempty()) node.select();
  const type = node.nonempty() ? node.data("type") : kindOf(id);
  selectController = new AbortController();
  showDetails($("details"), {
    id,
    type,
    signal: selectController.signal,
    retry: () => select(id),
    actions: () => `<p class="actions">
      ${id === state.want.id ? "" : `<button type="button" class="recentre" data-id="${escapeHtml(id)}">Centre the graph here</button>`}
      ${state.want.open.includes(id) ? "" : `<button type="button" class="expand" data-id="${escapeHtml(id)}">Expand</button>`}
      ${id === state.want.id ? "" : `<button type="button" class="path-here" data-id="${escapeHtml(id)}">Path from the centre to here</button>`}</p>`,
  });
  markTab("selected");
}
