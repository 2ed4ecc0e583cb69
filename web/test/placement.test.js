// Which labels a graph shows (graph/placement.js), on plain nodes with a fake text measure:
// every character is 6 px wide, and a node is a 10 px disc unless given a size.
import assert from "node:assert/strict";
import { test } from "node:test";
import { placeLabels } from "../src/graph/placement.js";

const measure = (text) => text.length * 6;

function node(id, x, y, more = {}) {
  return { id, name: id, x, y, size: 10, hop: 1, weight: 1, centre: false, onPath: false, selected: false, ...more };
}

const place = (nodes, zoom = 1) => placeLabels(nodes, { zoom, measure });

// Two nodes side by side whose labels ("Alpha", "Bravo": 30 px wide) would overlap, and
// which of them is named.
function named(a, b) {
  const labels = place([node("Alpha", 0, 0, a), node("Bravo", 20, 0, b)]);
  assert.equal([...labels.values()].filter(Boolean).length, 1, "one of two overlapping labels");
  return labels.get("Alpha") ? "Alpha" : "Bravo";
}

test("nodes with room are all named, with their whole names", () => {
  const labels = place([node("Alpha", 0, 0), node("Bravo", 500, 0), node("Charlie", 0, 500)]);
  assert.deepEqual(Object.fromEntries(labels), { Alpha: "Alpha", Bravo: "Bravo", Charlie: "Charlie" });
});

test("every node gets an answer: its label, or null when it is left unnamed", () => {
  const labels = place([node("Alpha", 0, 0), node("Bravo", 10, 0), node("Charlie", 20, 0)]);
  assert.deepEqual(Object.fromEntries(labels), { Alpha: "Alpha", Bravo: null, Charlie: null });
});

test("of two labels that would overlap, only one is shown", () => {
  assert.equal(named({ weight: 10 }, { weight: 1 }), "Alpha");
  assert.equal(named({ weight: 1 }, { weight: 10 }), "Bravo");
});

test("nearer the centre comes before heavier, and the id settles a tie", () => {
  assert.equal(named({ hop: 2, weight: 100 }, { hop: 1, weight: 1 }), "Bravo");
  assert.equal(named({ hop: 1, weight: 5 }, { hop: 1, weight: 5 }), "Alpha");
});

test("the centre, a path and the selection are named before everything else", () => {
  assert.equal(named({ weight: 100, hop: 0 }, { centre: true, hop: 1 }), "Bravo");
  assert.equal(named({ weight: 100 }, { onPath: true, hop: 3 }), "Bravo");
  assert.equal(named({ weight: 100 }, { selected: true, hop: 2 }), "Bravo");
});

test("the centre comes before a path, and a path before the selection", () => {
  assert.equal(named({ onPath: true }, { centre: true }), "Bravo");
  assert.equal(named({ selected: true, weight: 100 }, { onPath: true }), "Bravo");
  assert.equal(named({ selected: true, onPath: true }, { onPath: true, weight: 100 }), "Alpha");
});

test("a label is not drawn over another node", () => {
  // Charlie's disc (y 10 to 20) lies where Alpha's label would go (from y 6).
  const labels = place([node("Alpha", 0, 0, { weight: 10 }), node("Charlie", 0, 15)]);
  assert.equal(labels.get("Alpha"), null);
  assert.equal(labels.get("Charlie"), "Charlie");
});

test("the centre, a path's nodes and the selection are named even over other nodes", () => {
  for (const mark of [{ centre: true }, { onPath: true }, { selected: true }]) {
    const labels = place([node("Alpha", 0, 0, mark), node("Charlie", 0, 15)]);
    assert.equal(labels.get("Alpha"), "Alpha", JSON.stringify(mark));
  }
});

test("a long name is cut to 44 characters where it has room", () => {
  const name = "A survey of graph neural networks for citation recommendation at scale";
  const labels = place([node("W1", 0, 0, { name })]);
  const text = labels.get("W1");
  assert.equal(text.length, 44);
  assert.ok(text.endsWith("…"));
  assert.ok(name.startsWith(text.slice(0, -1)));
});

test("a name too wide for its room is shortened to 20 characters", () => {
  // The 44-character label (264 px) would cover Alpha's; the 20-character one (120 px) does not.
  const name = "A survey of graph neural networks for citation recommendation at scale";
  const labels = place([node("Alpha", 0, 0, { weight: 10 }), node("W1", 100, 0, { name })]);
  assert.equal(labels.get("Alpha"), "Alpha");
  assert.equal(labels.get("W1"), "A survey of graph n…");
});

test("a shortened name does not end in a space", () => {
  const name = "Deep learning with graphs, and with a great deal more besides";
  const labels = place([node("Alpha", 0, 0, { weight: 10 }), node("W1", 100, 0, { name })]);
  assert.equal(labels.get("W1"), "Deep learning with…");
});

test("a name with no room even when shortened is left unnamed", () => {
  const name = "A survey of graph neural networks for citation recommendation at scale";
  const labels = place([node("Alpha", 0, 0, { weight: 10 }), node("W1", 30, 0, { name })]);
  assert.equal(labels.get("W1"), null);
});

test("no two labels read alike: a twin's name is shortened, or left out", () => {
  const name = "Attention is all you need, and some more words to make it long";
  const long = place([node("W1", 0, 0, { name, weight: 2 }), node("W2", 0, 500, { name })]);
  assert.equal(long.get("W1").length, 44);
  assert.equal(long.get("W2"), "Attention is all yo…");
  // A short name has no shorter form: the second of two is not named at all.
  const short = place([node("A1", 0, 0, { name: "Wei Zhang", weight: 2 }), node("A2", 0, 500, { name: "Wei Zhang" })]);
  assert.equal(short.get("A1"), "Wei Zhang");
  assert.equal(short.get("A2"), null);
});

test("zooming in makes room for more labels", () => {
  // Model positions 20 apart; on screen they are 20 × zoom apart and the discs 10 × zoom wide.
  const at = (zoom) =>
    place([node("Alpha", 0, 0, { weight: 2, size: 10 * zoom }), node("Bravo", 20 * zoom, 0, { size: 10 * zoom })], zoom);
  assert.deepEqual([...at(1).values()], ["Alpha", null]);
  assert.deepEqual([...at(3).values()], ["Alpha", "Bravo"]);
});

test("a label sits 2 model pixels below its node, so further on screen when zoomed in", () => {
  // Alpha's disc (30 px at zoom 3) ends at y 15; a small node at y 14 to 18 is clear of a label
  // that starts 6 px below it, not of one 2 px below.
  const labels = place([node("Alpha", 0, 0, { weight: 10, size: 30 }), node("Dot", 0, 16, { size: 4 })], 3);
  assert.equal(labels.get("Alpha"), "Alpha");
});

test("the order the nodes come in does not matter", () => {
  const nodes = [
    node("Alpha", 0, 0, { weight: 3 }),
    node("Bravo", 15, 0, { weight: 2 }),
    node("Charlie", 30, 0, { weight: 1 }),
    node("Delta", 0, 15),
    node("Echo", 300, 300, { selected: true }),
  ];
  const forward = Object.fromEntries(place(nodes));
  const backward = Object.fromEntries(place([...nodes].reverse()));
  assert.deepEqual(backward, forward);
});
