// Which node labels a graph shows. Labels keep one size on screen whatever the zoom; the most
// important nodes are named first (the centre, a path, the selection, then by distance and
// weight), each with its whole name, or a shortened one, only where it overlaps no label
// already shown and no other node. Zooming in makes room, so more are named. The rest show
// their name on hover. This is the rule alone, on plain nodes in screen coordinates and with
// the text measured by the caller (labels.js measures it in the page), so it runs anywhere.

// The labels' size on screen, in pixels.
export const SCREEN_PX = 11;
const LONGEST = 44;
const SHORT = 20;

function cut(text, length) {
  return text.length > length ? `${text.slice(0, length - 1).trimEnd()}…` : text;
}

// The centre, a path and the selection are named first, and even over other nodes.
function score(n) {
  return (n.centre ? 4 : 0) + (n.onPath ? 2 : 0) + (n.selected ? 1 : 0);
}

function rank(a, b) {
  return (
    score(b) - score(a) ||
    a.hop - b.hop ||
    (b.weight || 0) - (a.weight || 0) ||
    (a.id < b.id ? -1 : 1)
  );
}

function overlaps(a, b) {
  return a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
}

// The box a label takes on screen below its node; a little wider and taller than the one
// cytoscape draws, so boxes kept apart here are apart on the page. The label sits 2 model
// pixels below the node's disc.
function boxOf(node, width, zoom) {
  const top = node.y + node.size / 2 + 2 * zoom;
  const half = width / 2 + 3;
  return { x1: node.x - half, x2: node.x + half, y1: top - 1, y2: top + SCREEN_PX * 1.3 + 2 };
}

// The disc of a node on screen, as a box: a label drawn over another node hides it.
function discOf(node) {
  const half = node.size / 2;
  return { x1: node.x - half, x2: node.x + half, y1: node.y - half, y2: node.y + half, id: node.id };
}

// `nodes`: { id, name, x, y, size, hop, weight, centre, onPath, selected }, where x and y
// are the node's centre on screen and size its diameter there; `zoom` is the graph's zoom and
// `measure(text)` the width of a label on screen. Returns a Map from every node's id to the
// text of its label, or null for a node left unnamed.
export function placeLabels(nodes, { zoom, measure }) {
  const order = [...nodes].sort(rank);
  const discs = order.map(discOf);
  const kept = [];
  const shown = new Set();
  const labels = new Map();
  for (const node of order) {
    // A shortened name that another shown label already reads as would make two look alike.
    const tries = [cut(node.name, LONGEST), cut(node.name, SHORT)].filter(
      (text, i, all) => all.indexOf(text) === i && !shown.has(text),
    );
    const fits = tries
      .map((text) => ({ text, box: boxOf(node, measure(text), zoom) }))
      .find(
        ({ box }) =>
          !kept.some((other) => overlaps(box, other)) &&
          (score(node) > 0 || !discs.some((disc) => disc.id !== node.id && overlaps(box, disc))),
      );
    if (fits) {
      kept.push(fits.box);
      shown.add(fits.text);
    }
    labels.set(node.id, fits ? fits.text : null);
  }
  return labels;
}
