// Which node labels a graph shows. Labels keep one size on screen whatever the zoom; the most
// important nodes are named first (the centre, a path, the selection, then by distance and
// weight), each with its whole name, or a shortened one, only where it overlaps no label
// already shown and no other node. Zooming in makes room, so more are named. The rest show their name on hover.
import { LABEL_FONT } from "./graphstyle.js";

const SCREEN_PX = 11;
const LONGEST = 44;
const SHORT = 20;
const measure = document.createElement("canvas").getContext("2d");

function textWidth(text) {
  measure.font = `${SCREEN_PX}px ${LABEL_FONT}`;
  return measure.measureText(text).width;
}

function cut(text, length) {
  return text.length > length ? `${text.slice(0, length - 1).trimEnd()}…` : text;
}

function rank(a, b) {
  const score = (n) =>
    (n.hasClass("center") ? 4 : 0) + (n.hasClass("on-path") ? 2 : 0) + (n.selected() ? 1 : 0);
  return (
    score(b) - score(a) ||
    a.data("hop") - b.data("hop") ||
    (b.data("weight") || 0) - (a.data("weight") || 0) ||
    (a.id() < b.id() ? -1 : 1)
  );
}

function overlaps(a, b) {
  return a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
}

// The box a label takes on screen below its node; a little wider and taller than the one
// cytoscape draws, so boxes kept apart here are apart on the page.
function boxOf(node, text, zoom) {
  const p = node.renderedPosition();
  const top = p.y + (node.height() / 2 + 2) * zoom;
  const half = textWidth(text) / 2 + 3;
  return { x1: p.x - half, x2: p.x + half, y1: top - 1, y2: top + SCREEN_PX * 1.3 + 2 };
}

// The circle of a node on screen, as a box: a label drawn over another node hides it.
function nodeBox(node) {
  const p = node.renderedPosition();
  const half = node.renderedWidth() / 2;
  return { x1: p.x - half, x2: p.x + half, y1: p.y - half, y2: p.y + half, node: node.id() };
}

// Names the nodes whose labels fit; `name` is a node's whole label (data "name").
export function placeLabels(cy) {
  const zoom = cy.zoom();
  const nodes = cy.nodes().sort(rank);
  const circles = nodes.map(nodeBox);
  const kept = [];
  const shown = new Set();
  // The centre, a path and the selection are named even over other nodes.
  const first = (node) => node.hasClass("center") || node.hasClass("on-path") || node.selected();
  cy.batch(() => {
    nodes.style({ "font-size": SCREEN_PX / zoom, "text-margin-y": 2, "text-background-padding": 1 / zoom });
    nodes.forEach((node) => {
      const name = node.data("name") || node.data("label");
      // A shortened name that another shown label already reads as would make two look alike.
      const tries = [cut(name, LONGEST), cut(name, SHORT)].filter(
        (text, i, all) => all.indexOf(text) === i && !shown.has(text),
      );
      const fits = tries
        .map((text) => ({ text, box: boxOf(node, text, zoom) }))
        .find(
          ({ box }) =>
            !kept.some((other) => overlaps(box, other)) &&
            (first(node) || !circles.some((circle) => circle.node !== node.id() && overlaps(box, circle))),
        );
      if (fits) {
        kept.push(fits.box);
        shown.add(fits.text);
        node.data("short", fits.text);
        node.removeClass("unlabelled");
      } else {
        node.addClass("unlabelled");
      }
    });
  });
  return kept.length;
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
