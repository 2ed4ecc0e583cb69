// The graph explorer (/): the graph around a node, beside it what that node is (a researcher's
// profile, or any node's details) and the details of the node picked in the graph. The
// address is the state (address.js): Back, Forward, a reload and a shared link show the same
// view, and a new address is drawn as a change to the last.
import { drawnLabelBoxes } from "../../graph/labels.js";
import { navigate } from "../../router.js";
import { addressOf, sliceKey, startsWith, stateOf } from "./address.js";
import { startControls, stateOfControls, writeControls } from "./controls.js";
import { drawCentre, emptyGraph, expand } from "./draw.js";
import { startGestures } from "./gestures.js";
import { cy, graphFailed } from "./graph.js";
import { showPath, startPathControls } from "./path.js";
import { select } from "./selection.js";
import { go, state } from "./state.js";

const $ = (id) => document.getElementById(id);

async function show(next) {
  const mine = ++state.epoch;
  writeControls(next);
  $("path-to").value = next.path ? $("path-to").value || next.path : "";
  if (!next.id) {
    state.drawn = null;
    state.centre = null;
    document.title = "Research graph explorer";
    $("profile").innerHTML = `<p class="hint">Search for a researcher, paper, topic or institution to see it and the graph around it.</p>`;
    emptyGraph("welcome", "Search above for a researcher, paper, topic or institution.", "Its graph appears here: double-click a node to expand it, and find paths between nodes below the settings.");
    return;
  }
  try {
    if (!state.drawn || sliceKey(state.drawn) !== sliceKey(next) || !startsWith(next.open, state.drawn.open)) {
      state.drawn = null;
      if (!(await drawCentre(next, mine))) return;
      state.drawn = { ...next, open: [], path: null, sel: null };
    }
    for (const id of next.open.slice(state.drawn.open.length)) {
      await expand(next, id, mine);
      if (mine !== state.epoch) return;
      state.drawn.open = [...state.drawn.open, id];
    }
    if (next.path !== state.drawn.path) {
      await showPath(next, mine);
      if (mine !== state.epoch) return;
      state.drawn.path = next.path;
    }
    if (next.sel !== state.drawn.sel) {
      select(next.sel);
      state.drawn.sel = next.sel;
    }
  } catch (error) {
    if (mine !== state.epoch || error.name === "AbortError") return;
    state.drawn = null;
    graphFailed(error, () => show(state.want));
  }
}

// The controls, the graph's gestures and the path box answer from the start.
startControls();
startGestures();
startPathControls();

// For tests and scripts: the graph as drawn.
window.explorer = {
  nodeIds: () => cy.nodes().map((n) => n.id()),
  edgeIds: () => cy.edges().map((e) => e.id()),
  // Page coordinates of a node, for a test's mouse.
  pagePosition: (id) => {
    const box = $("graph").getBoundingClientRect();
    const p = cy.getElementById(id).renderedPosition();
    return { x: box.left + p.x, y: box.top + p.y };
  },
  labelBoxes: () => drawnLabelBoxes(cy),
  zoom: () => cy.zoom(),
  positions: () => Object.fromEntries(cy.nodes().map((n) => [n.id(), n.position()])),
  names: () => cy.nodes().map((n) => ({ id: n.id(), name: n.data("name"), shown: n.hasClass("unlabelled") ? "" : n.data("short") })),
  onPath: () =>
    cy.$("node.on-path").map((n) => ({
      id: n.id(),
      type: n.data("type"),
      colour: n.style("background-color"),
      size: n.renderedWidth(),
      // What its weight makes it, at the zoom shown: a path must not shrink its nodes.
      drawnSize: n.data("size") * cy.zoom(),
      faded: n.hasClass("faded"),
    })),
  faded: () => cy.$(".faded").length,
  // Centres the graph on a node with the settings the controls show (as a search pick does).
  pick: (id) => navigate(addressOf({ ...stateOfControls(state.want), id, open: [], path: null, sel: null })),
  expand: (id) => go({ open: [...state.want.open, id] }),
};

export const exploreView = {
  enter(_id, params) {
    document.title = "Research graph explorer";
    $("explore").hidden = false;
    $("page").hidden = true;
    cy.resize();
    state.want = stateOf(params);
    show(state.want);
  },
  update(_id, params) {
    state.want = stateOf(params);
    show(state.want);
    return true;
  },
  leave() {
    $("explore").hidden = true;
    $("page").hidden = false;
    $("tip").hidden = true;
  },
};
