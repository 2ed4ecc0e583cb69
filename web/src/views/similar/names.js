// How the Similar papers view names a paper: its first author ("et al." when there are more),
// and the short label the graph draws.

export function firstAuthor(node) {
  const paper = node.node;
  const name = paper?.authorships[0]?.author.name;
  if (!name) return null;
  return paper.authorCount > 1 ? `${name} et al.` : name;
}

// A node's short label: "Surname Year", as Connected Papers labels its graph.
export function shortLabel(node) {
  const name = node.node?.authorships[0]?.author.name;
  // The last word of the name that is not a number or an initial.
  const words = (name ?? "").trim().split(/\s+/).filter((w) => !/^(\d+|\w\.?)$/.test(w));
  const surname = words.length ? words.at(-1) : node.label.slice(0, 18);
  return `${surname}${node.year ? ` ${node.year}` : ""}`;
}
