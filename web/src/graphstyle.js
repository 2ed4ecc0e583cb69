// How every graph on the pages draws its nodes and relationships.
import cytoscape from "cytoscape";
import fcose from "cytoscape-fcose";

cytoscape.use(fcose);

export { cytoscape };

// Dark enough for white text on them and for 3:1 against the white canvas (WCAG AA).
export const COLOURS = { AUTHOR: "#2a62c9", PAPER: "#b35412", TOPIC: "#277a43", INSTITUTION: "#8e44ad" };

export const NOUNS = { AUTHOR: "researcher", PAPER: "paper", TOPIC: "topic", INSTITUTION: "institution" };

// Labels are drawn in this font; the explorer measures them with it to keep them apart.
export const LABEL_FONT = "Arial, Helvetica, sans-serif";

export const STYLE = [
  {
    selector: "node",
    style: {
      "background-color": (n) => COLOURS[n.data("type")] || "#888",
      width: "data(size)",
      height: "data(size)",
      label: "data(short)",
      "font-family": LABEL_FONT,
      "font-size": 9,
      color: "#1d2330",
      "text-valign": "bottom",
      "text-margin-y": 2,
      "text-background-color": "#ffffff",
      "text-background-opacity": 0.75,
      "text-background-padding": 1,
      "min-zoomed-font-size": 7,
    },
  },
  // The explorer names only the nodes whose labels fit (see labels.js).
  { selector: "node.unlabelled", style: { label: "" } },
  { selector: "node.center", style: { "border-width": 3, "border-color": "#111" } },
  { selector: "node:selected", style: { "border-width": 4, "border-color": "#f5a400" } },
  {
    selector: "edge",
    style: {
      width: "data(width)",
      "line-color": "#b4bac5",
      "curve-style": "haystack",
      opacity: 0.8,
    },
  },
  // A path keeps its nodes' colours: a dark ring and dark edges on top, the rest faded.
  { selector: ".faded", style: { opacity: 0.22 } },
  {
    selector: "node.on-path",
    style: { "border-width": 4, "border-color": "#111", "z-index": 20, "min-zoomed-font-size": 0 },
  },
  {
    selector: "edge.on-path",
    style: { "line-color": "#111", width: 4, opacity: 1, "z-index": 19, "curve-style": "straight" },
  },
  { selector: "node.hover", style: { "border-width": 3, "border-color": "#f5a400", "z-index": 30 } },
];

// A node's size grows with its weight (citations, papers or people): 14 to 54 px.
export function sizeOf(weight) {
  return 14 + Math.min(40, 5 * Math.log2(1 + (weight || 0)));
}

export function nodeElement(n) {
  const short = n.label.length > 32 ? `${n.label.slice(0, 30)}…` : n.label;
  return { group: "nodes", data: { ...n, size: sizeOf(n.weight), short } };
}

export function edgeElement(e) {
  return { group: "edges", data: { ...e, width: 1 + Math.min(5, Math.log2(1 + e.weight)) } };
}

// fcose's spectral placement, then a short force-directed polish. A large graph is pushed
// apart harder and polished for fewer rounds: about 0.4 s for 300 nodes, where the full polish
// took seconds and packed them on top of each other. `eles` lays out only those elements (an
// expansion moves only what it added); `fixed` pins nodes where they are.
export function layout(cy, randomize, eles = null, fixed = []) {
  return new Promise((resolve) => {
    const size = (eles || cy.elements()).nodes().length;
    const large = size > 120;
    const options = {
      name: "fcose",
      randomize,
      animate: false,
      quality: "default",
      numIter: large ? 400 : 1500,
      nodeRepulsion: large ? 100000 : 9000,
      idealEdgeLength: large ? 120 : 70,
      gravity: large ? 0.15 : 0.25,
      fit: randomize,
      padding: 24,
      fixedNodeConstraint: fixed.length ? fixed : undefined,
    };
    const running = eles ? eles.layout(options) : cy.layout(options);
    running.one("layoutstop", resolve);
    seeded((eles || cy.elements()).nodes().map((n) => n.id()), () => running.run());
  });
}

// mulberry32: a small, good-enough generator for a layout's random start.
function generator(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Runs `run` (a layout, which is synchronous without animation) with Math.random seeded by
// the nodes it lays out, so one link draws one picture: reloading or sharing a view shows
// the nodes where they were, not a fresh random arrangement.
function seeded(ids, run) {
  let hash = 2166136261;
  for (const id of [...ids].sort()) {
    for (let i = 0; i < id.length; i += 1) hash = Math.imul(hash ^ id.charCodeAt(i), 16777619);
    hash = Math.imul(hash ^ 10, 16777619);
  }
  const random = Math.random;
  Math.random = generator(hash);
  try {
    run();
  } finally {
    Math.random = random;
  }
}

// A layout run once on a small made-up graph while the page is idle, so that the first real
// one does not pay for compiling the layout code (it took four times as long).
export function warmLayout() {
  const cy = cytoscape({ headless: true, styleEnabled: true });
  const nodes = Array.from({ length: 80 }, (_, i) => ({ group: "nodes", data: { id: `n${i}` } }));
  const edges = nodes.slice(1).map((_, i) => ({
    group: "edges",
    data: { id: `e${i}`, source: `n${i + 1}`, target: `n${Math.floor(i / 3)}` },
  }));
  cy.add([...nodes, ...edges]);
  cy.nodes().style({ width: 20, height: 20 });
  cy.layout({ name: "fcose", animate: false, randomize: true, numIter: 400 }).run();
  cy.destroy();
}
