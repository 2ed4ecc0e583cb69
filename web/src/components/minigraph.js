// The graph around one node, small, on a page: its nearest neighbours; a node opens its page.
import { cytoscape } from "../graph/cytoscape.js";
import { layout } from "../graph/layout.js";
import { edgeElement, nodeElement, STYLE } from "../graph/style.js";
import { pathOf } from "../lib/ids.js";
import { navigate } from "../router.js";
import { loadInto } from "./states.js";

const SLICE = `query($id: ID!) { neighborhood(id: $id, depth: 1, limit: 40, perNodeLimit: 40) {
  nodes { id type label weight hop year citations worksCount }
  edges { id source target type weight } } }`;

// Draws into `element`; returns a function that stops it (the page left).
export function miniGraph(element, id) {
  const controller = new AbortController();
  let cy = null;
  async function draw() {
    const slice = await loadInto(element, {
      what: "Drawing the graph",
      query: SLICE,
      variables: { id },
      // A node alone is nothing to draw.
      pick: (data) => (data.neighborhood?.nodes.length > 1 ? data.neighborhood : null),
      signal: controller.signal,
      retry: draw,
      missing: "Nothing around it in the graph yet.",
    });
    if (!slice) return;
    element.innerHTML = "";
    cy = cytoscape({ container: element, style: STYLE, wheelSensitivity: 0.3, boxSelectionEnabled: false });
    cy.add(slice.nodes.map(nodeElement));
    cy.add(slice.edges.map(edgeElement));
    cy.getElementById(id).addClass("center");
    await layout(cy, true);
    element.dataset.nodeCount = String(cy.nodes().length);
    element.setAttribute("role", "img");
    element.setAttribute("aria-label", `Graph of ${cy.nodes().length - 1} nodes around this one`);
    cy.on("tap", "node", (event) => {
      const node = event.target.data();
      if (node.id !== id) navigate(pathOf(node.id, node.type));
    });
  }
  draw();
  return () => {
    controller.abort();
    if (cy) cy.destroy();
  };
}
