// The explorer's labels in a cytoscape graph: placement.js decides which nodes are named and
// how, measuring the text with a canvas in the labels' font; this applies its answer.
import { placeLabels as place, SCREEN_PX } from "./placement.js";
import { LABEL_FONT } from "./style.js";

let canvas = null;

// The width on screen of a label's text (the canvas is made on first use).
function textWidth(text) {
  canvas ??= document.createElement("canvas").getContext("2d");
  canvas.font = `${SCREEN_PX}px ${LABEL_FONT}`;
  return canvas.measureText(text).width;
}

// Names the nodes whose labels fit; `name` is a node's whole label (data "name"). Returns
// how many are named.
export function placeLabels(cy, measure = textWidth) {
  const zoom = cy.zoom();
  const nodes = cy.nodes();
  const labels = place(
    nodes.map((node) => ({
      id: node.id(),
      name: node.data("name") || node.data("label"),
      ...node.renderedPosition(),
      size: node.renderedWidth(),
      hop: node.data("hop"),
      weight: node.data("weight"),
      centre: node.hasClass("center"),
      onPath: node.hasClass("on-path"),
      selected: node.selected(),
    })),
    { zoom, measure },
  );
  let named = 0;
  cy.batch(() => {
    nodes.style({ "font-size": SCREEN_PX / zoom, "text-margin-y": 2, "text-background-padding": 1 / zoom });
    nodes.forEach((node) => {
      const text = labels.get(node.id());
      if (text) {
        named += 1;
        node.data("short", text);
        node.removeClass("unlabelled");
      } else {
        node.addClass("unlabelled");
      }
    });
  });
  // The zoom the labels were last placed for: a test waits for it after zooming.
  const container = cy.container();
  if (container) container.dataset.labelZoom = String(zoom);
  return named;
}

// Re-places the labels after the reader zooms or pans (once per frame at most).
export function followZoom(cy, after = () => {}) {
  let queued = false;
  cy.on("zoom", () => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => {
      queued = false;
      placeLabels(cy);
      after();
    });
  });
}

// The boxes of the labels as cytoscape draws them (model coordinates), for tests.
export function drawnLabelBoxes(cy) {
  return cy
    .nodes()
    .filter((n) => !n.hasClass("unlabelled") && n.data("short"))
    .map((n) => {
      const b = n.boundingBox({ includeNodes: false, includeEdges: false, includeLabels: true, includeOverlays: false });
      return { id: n.id(), text: n.data("short"), x1: b.x1, x2: b.x2, y1: b.y1, y2: b.y2 };
    });
}
