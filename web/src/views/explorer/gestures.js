// What the reader's pointer and keyboard do in the graph and beside it: a tap picks a node, a
// double tap expands it, hovering names it; the panels' buttons and links re-centre, expand,
// find a path or pick; the list marks the node it has in focus.
import { followZoom, placeLabels } from "../../graph/labels.js";
import { warmLayout } from "../../graph/layout.js";
import { cy } from "./graph.js";
import { showTip } from "./list.js";
import { choose } from "./selection.js";
import { go, state } from "./state.js";

const $ = (id) => document.getElementById(id);

export function startGestures() {
  cy.on("tap", "node", (event) => choose(event.target.id()));
  cy.on("tap", (event) => {
    if (event.target === cy) choose(null);
  });
  cy.on("dbltap", "node", (event) => {
    const id = event.target.id();
    if (!state.want.open.includes(id)) go({ open: [...state.want.open, id] });
  });
  cy.on("mouseover", "node", (event) => {
    event.target.addClass("hover");
    showTip(event.target);
  });
  cy.on("mouseout", "node", (event) => {
    event.target.removeClass("hover");
    $("tip").hidden = true;
  });
  cy.on("pan zoom", () => {
    $("tip").hidden = true;
  });
  followZoom(cy);
  // A narrower window or another panel layout keeps the whole graph in view.
  new ResizeObserver(() => {
    cy.resize();
    if (cy.nodes().length && !$("explore").hidden) {
      cy.fit(undefined, 24);
      placeLabels(cy);
    }
  }).observe($("graph"));
  // Compiles the layout code while the reader types their first search.
  (window.requestIdleCallback || setTimeout)(warmLayout);

  $("explore").addEventListener("click", (event) => {
    const target = event.target.closest(".recentre, .expand, .path-here, .node-pick");
    if (!target || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
    event.preventDefault();
    const id = target.dataset.id;
    if (target.classList.contains("recentre")) {
      go({ id, open: [], path: null, sel: null });
    } else if (target.classList.contains("expand")) {
      go({ open: [...state.want.open, id] });
    } else if (target.classList.contains("path-here")) {
      $("path-to").value = cy.getElementById(id).data("name") || id;
      go({ path: id });
    } else {
      choose(id);
    }
  });
  // The list stands in for the graph at the keyboard: a focused item is marked in the graph.
  $("node-list").addEventListener("focusin", (event) => {
    const item = event.target.closest(".node-pick");
    cy.nodes(".hover").removeClass("hover");
    if (item) cy.getElementById(item.dataset.id).addClass("hover");
  });
  $("node-list").addEventListener("focusout", () => cy.nodes(".hover").removeClass("hover"));
}
