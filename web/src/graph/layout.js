// Where the explorer's and the pages' graphs put their nodes.
import { cytoscape } from "./cytoscape.js";

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
