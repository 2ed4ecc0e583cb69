// Where the Similar papers graph puts its papers (views/similar/layout.js).
import assert from "node:assert/strict";
import { test } from "node:test";
import { yearLayout } from "../src/views/similar/layout.js";

let serial = 0;
function paper(year, more = {}) {
  serial += 1;
  return { id: `W${String(serial).padStart(3, "0")}`, year, publicationDate: null, size: 20, ...more };
}

// The x of each paper, by id.
function xs(nodes, layout) {
  return Object.fromEntries(nodes.map((n, i) => [n.id, layout.place[i].x]));
}

test("one paper a year: years side by side, each one year wide", () => {
  const nodes = [paper(2000), paper(2001), paper(2002)];
  // 300 px for three years: 100 px a year.
  const { place, middle, breaks } = yearLayout(nodes, [], 300);
  assert.deepEqual(
    place.map((p) => p.x),
    [50, 150, 250],
  );
  assert.deepEqual([...middle], [
    [2000, 50],
    [2001, 150],
    [2002, 250],
  ]);
  assert.deepEqual(breaks, []);
});

test("a crowded year gets more room: the square root of its papers, in years", () => {
  const crowd = Array.from({ length: 9 }, () => paper(2001));
  const nodes = [paper(2000), ...crowd, paper(2002)];
  // 1 + 3 + 1 = 5 year widths in 500 px: 100 px a year, 300 px for 2001.
  const layout = yearLayout(nodes, [], 500);
  const x = xs(nodes, layout);
  assert.equal(x[nodes[0].id], 50);
  assert.equal(x[nodes.at(-1).id], 450);
  assert.equal(layout.middle.get(2001), 250);
  const crowded = crowd.map((n) => x[n.id]).sort((a, b) => a - b);
  assert.ok(crowded[0] > 100 && crowded.at(-1) < 400, "2001's papers stay within its room");
  // Spread evenly over its three year widths, not stacked in one column.
  const gaps = crowded.slice(1).map((v, i) => v - crowded[i]);
  for (const gap of gaps) assert.ok(Math.abs(gap - 300 / 9) < 1e-9, `gap ${gap}`);
});

test("a long empty stretch is drawn two years wide and marked", () => {
  const nodes = [paper(1990), paper(2010), paper(2011)];
  // 1 + (2 + 1) + 1 = 5 year widths in 500 px: the 19 empty years take 200 px.
  const { place, middle, breaks } = yearLayout(nodes, [], 500);
  assert.deepEqual(
    place.map((p) => p.x),
    [50, 350, 450],
  );
  assert.equal(middle.get(2010) - middle.get(1990), 300);
  // The mark is in the middle of the stretch.
  assert.deepEqual(breaks, [200]);
});

test("a short empty stretch is drawn to scale and not marked", () => {
  const nodes = [paper(2000), paper(2002), paper(2005)];
  // 2000, one empty year, 2002, two empty years, 2005: 6 year widths in 600 px.
  const { place, breaks } = yearLayout(nodes, [], 600);
  assert.deepEqual(
    place.map((p) => p.x),
    [50, 250, 550],
  );
  assert.deepEqual(breaks, []);
});

test("every long stretch is marked once", () => {
  const nodes = [paper(1950), paper(1980), paper(1981), paper(2020)];
  const { breaks, middle } = yearLayout(nodes, [], 900);
  assert.equal(breaks.length, 2);
  assert.ok(middle.get(1950) < breaks[0] && breaks[0] < middle.get(1980));
  assert.ok(middle.get(1981) < breaks[1] && breaks[1] < middle.get(2020));
});

test("a year is never narrower than 26 px nor wider than 160 px", () => {
  const few = yearLayout([paper(2000), paper(2001)], [], 10000);
  assert.equal(few.middle.get(2001) - few.middle.get(2000), 160);
  const many = yearLayout([paper(2000), paper(2001)], [], 10);
  assert.equal(many.middle.get(2001) - many.middle.get(2000), 26);
});

test("within its year a paper stands by its date", () => {
  const nodes = [
    paper(2001, { publicationDate: "2001-12-01" }),
    paper(2001, { publicationDate: "2001-01-15" }),
    paper(2001, { publicationDate: "2001-06-30" }),
  ];
  const x = xs(nodes, yearLayout(nodes, [], 600));
  assert.ok(x[nodes[1].id] < x[nodes[2].id] && x[nodes[2].id] < x[nodes[0].id]);
});

test("papers of unknown year stand left of all the others", () => {
  const nodes = [paper(2000), paper(null), paper(2003), paper(null)];
  const { place, middle } = yearLayout(nodes, [], 600);
  assert.ok(place[1].x < 0 && place[3].x < 0);
  assert.ok(place[0].x >= 0 && place[2].x >= 0);
  // They have no year on the axis.
  assert.deepEqual([...middle.keys()], [2000, 2003]);
});

test("papers that would cover each other are pushed apart up and down", () => {
  const nodes = Array.from({ length: 6 }, () => paper(2010, { size: 30 }));
  const { place } = yearLayout(nodes, [], 300);
  for (let i = 0; i < place.length; i += 1) {
    for (let j = i + 1; j < place.length; j += 1) {
      const [a, b] = [place[i], place[j]];
      if (Math.abs(a.x - b.x) >= a.r + b.r + 34) continue;
      assert.ok(Math.abs(a.y - b.y) >= a.r + b.r + 16 - 1, `papers ${i} and ${j} overlap`);
    }
  }
  assert.deepEqual(
    place.map((p) => p.r),
    Array(6).fill(15),
  );
});

test("similar papers are drawn nearer each other than dissimilar ones", () => {
  const nodes = Array.from({ length: 8 }, (_, i) => paper(2000 + i, { size: 14 }));
  const edges = [{ source: nodes[0].id, target: nodes[7].id, weight: 1 }];
  const { place } = yearLayout(nodes, edges, 800);
  const apart = (i, j) => Math.abs(place[i].y - place[j].y);
  const unlinked = yearLayout(nodes, [], 800).place;
  assert.ok(apart(0, 7) < Math.abs(unlinked[0].y - unlinked[7].y));
});

test("the same slice always gives the same picture", () => {
  const nodes = [paper(1999), paper(2001), paper(2001), paper(null), paper(2010)];
  const edges = [
    { source: nodes[0].id, target: nodes[1].id, weight: 0.8 },
    { source: nodes[2].id, target: nodes[4].id, weight: 0.3 },
    { source: nodes[1].id, target: "W-not-drawn", weight: 0.9 },
  ];
  assert.deepEqual(yearLayout(nodes, edges, 700), yearLayout(nodes, edges, 700));
});
