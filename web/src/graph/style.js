// How every graph on the pages draws its nodes and relationships.

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
  // The explorer names only the nodes whose labels fit (see placement.js).
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
function sizeOf(weight) {
  return 14 + Math.min(40, 5 * Math.log2(1 + (weight || 0)));
}

export function nodeElement(n) {
  const short = n.label.length > 32 ? `${n.label.slice(0, 30)}…` : n.label;
  return { group: "nodes", data: { ...n, size: sizeOf(n.weight), short } };
}

export function edgeElement(e) {
  return { group: "edges", data: { ...e, width: 1 + Math.min(5, Math.log2(1 + e.weight)) } };
}
