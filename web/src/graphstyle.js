// How every graph on the pages draws its nodes and relationships.
import cytoscape from "cytoscape";
import fcose from "cytoscape-fcose";

cytoscape.use(fcose);

export { cytoscape };

export const COLOURS = { AUTHOR: "#2f6fde", PAPER: "#e8833a", TOPIC: "#3aa55d", INSTITUTION: "#9b59b6" };

export const STYLE = [
  {
    selector: "node",
    style: {
      "background-color": (n) => COLOURS[n.data("type")] || "#888",
      width: "data(size)",
      height: "data(size)",
      label: "data(short)",
      "font-size": 9,
      color: "#222",
      "text-valign": "bottom",
      "text-margin-y": 2,
      "min-zoomed-font-size": 7,
    },
  },
  { selector: "node.center", style: { "border-width": 3, "border-color": "#111" } },
  { selector: "node:selected", style: { "border-width": 3, "border-color": "#f5c400" } },
  {
    selector: "edge",
    style: {
      width: "data(width)",
      "line-color": "#c4c9d2",
      "curve-style": "haystack",
      opacity: 0.8,
    },
  },
  {
    selector: ".on-path",
    style: { "line-color": "#d62828", "border-color": "#d62828", "border-width": 3, width: 4 },
  },
];

export function nodeElement(n) {
  const size = 14 + Math.min(40, 5 * Math.log2(1 + (n.weight || 0)));
  const short = n.label.length > 32 ? `${n.label.slice(0, 30)}…` : n.label;
  return { group: "nodes", data: { ...n, size, short } };
}

export function edgeElement(e) {
  return { group: "edges", data: { ...e, width: 1 + Math.min(5, Math.log2(1 + e.weight)) } };
}

export function layout(cy, randomize) {
  return new Promise((resolve) => {
    const running = cy.layout({
      name: "fcose",
      randomize,
      animate: false,
      quality: "default",
      nodeRepulsion: 6000,
      idealEdgeLength: 60,
      fit: randomize,
    });
    running.one("layoutstop", resolve);
    running.run();
  });
}
