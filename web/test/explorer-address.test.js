// The explorer's address and its state (views/explorer/address.js).
import assert from "node:assert/strict";
import { test } from "node:test";
import { addressOf, settingsOf, sliceKey, startsWith, stateOf, TYPES } from "../src/views/explorer/address.js";

const params = (query) => new URLSearchParams(query);

const DEFAULT_STATE = {
  id: null,
  depth: 2,
  limit: 150,
  per: 15,
  types: ["AUTHOR", "PAPER", "TOPIC", "INSTITUTION"],
  from: null,
  to: null,
  co: false,
  open: [],
  path: null,
  sel: null,
};

test("an empty address is the default state, and the default state is /", () => {
  assert.deepEqual(stateOf(params("")), DEFAULT_STATE);
  assert.equal(addressOf(DEFAULT_STATE), "/");
});

test("every setting is read from the address", () => {
  const s = stateOf(
    params("id=A1&depth=3&limit=40&per=5&types=PAPER,AUTHOR&from=2010&to=2020&view=co-authors&open=W1,W2&path=I5&sel=W2"),
  );
  assert.deepEqual(s, {
    id: "A1",
    depth: 3,
    limit: 40,
    per: 5,
    // In the one order the controls have, whatever order the address gave.
    types: ["AUTHOR", "PAPER"],
    from: 2010,
    to: 2020,
    co: true,
    open: ["W1", "W2"],
    path: "I5",
    sel: "W2",
  });
});

test("a number out of its range, or not whole, is the default", () => {
  for (const [query, key, value] of [
    ["depth=0", "depth", 2],
    ["depth=4", "depth", 2],
    ["depth=1", "depth", 1],
    ["depth=2.5", "depth", 2],
    ["limit=501", "limit", 150],
    ["limit=500", "limit", 500],
    ["limit=", "limit", 150],
    ["per=abc", "per", 15],
    ["per=100", "per", 100],
    ["per=-1", "per", 15],
  ]) {
    assert.equal(stateOf(params(query))[key], value, query);
  }
});

test("unknown kinds of node, odd years and other views are left out", () => {
  const s = stateOf(params("types=BOGUS,paper&from=abc&to=2020.5&view=other&open=,,W1,"));
  assert.deepEqual(s.types, TYPES);
  assert.equal(s.from, null);
  assert.equal(s.to, null);
  assert.equal(s.co, false);
  assert.deepEqual(s.open, ["W1"]);
  // Known kinds among unknown ones are kept.
  assert.deepEqual(stateOf(params("types=TOPIC,BOGUS")).types, ["TOPIC"]);
});

test("an address names only what differs from the defaults", () => {
  assert.equal(addressOf({ ...DEFAULT_STATE, id: "A1" }), "/?id=A1");
  assert.equal(addressOf({ ...DEFAULT_STATE, id: "A1", depth: 2, limit: 150, per: 15 }), "/?id=A1");
  assert.equal(addressOf({ ...DEFAULT_STATE, id: "A1", depth: 1 }), "/?id=A1&depth=1");
  assert.equal(addressOf({ ...DEFAULT_STATE, id: "A1", types: ["PAPER"], co: true }), "/?id=A1&types=PAPER&view=co-authors");
});

test("commas and slashes stay readable in an address; the rest is escaped", () => {
  assert.equal(
    addressOf({ ...DEFAULT_STATE, id: "fields/17", open: ["W1", "cs.LG"], sel: "a b" }),
    "/?id=fields/17&open=W1,cs.LG&sel=a+b",
  );
  assert.equal(addressOf({ ...DEFAULT_STATE, id: "x&y=z" }), "/?id=x%26y%3Dz");
});

test("an address read and written again is the same address", () => {
  for (const query of [
    "id=A1",
    "id=A1&depth=3&limit=40&per=5&types=AUTHOR,PAPER&from=2010&to=2020&view=co-authors&open=W1,W2&path=I5&sel=W2",
    "id=fields/17&types=TOPIC&from=1999&open=T1",
    "id=arXiv%3A1706.03762&sel=A9",
  ]) {
    assert.equal(addressOf(stateOf(params(query))), `/?${query}`);
  }
});

test("a state written and read again is the same state", () => {
  const s = {
    id: "W2741809807",
    depth: 1,
    limit: 300,
    per: 40,
    types: ["AUTHOR", "INSTITUTION"],
    from: 2001,
    to: 2003,
    co: false,
    open: ["A1", "fields/17"],
    path: "I3",
    sel: "A1",
  };
  const address = addressOf(s);
  assert.deepEqual(stateOf(params(address.slice(2))), s);
});

// The controls' values as the page reads them: text in the boxes, the kinds ticked.
const controls = (values) => ({ depth: "2", limit: "150", per: "15", from: "", to: "", types: [], co: false, ...values });

test("settings out of range are clamped to it", () => {
  const base = { ...DEFAULT_STATE, id: "A1", open: ["W1"] };
  const s = settingsOf(base, controls({ depth: "7", limit: "1000", per: "-3" }));
  assert.equal(s.depth, 3);
  assert.equal(s.limit, 500);
  assert.equal(s.per, 1);
  assert.equal(settingsOf(base, controls({ per: "2.6" })).per, 3);
  assert.equal(settingsOf(base, controls({ limit: "0.4" })).limit, 150);
});

test("an empty or unreadable setting is the default", () => {
  const s = settingsOf(DEFAULT_STATE, controls({ depth: "", limit: "many", per: "0" }));
  assert.equal(s.depth, 2);
  assert.equal(s.limit, 150);
  assert.equal(s.per, 15);
});

test("settings keep the centre and the rest of the state they start from", () => {
  const base = { ...DEFAULT_STATE, id: "A1", open: ["W1"], path: "I2", sel: "W1" };
  const s = settingsOf(base, controls({ types: ["PAPER", "TOPIC"], from: "2019", to: "20.5", co: true }));
  assert.deepEqual(s, { ...base, types: ["PAPER", "TOPIC"], from: 2019, to: null, co: true });
  // No kind ticked is every kind.
  assert.deepEqual(settingsOf(base, controls({ types: [] })).types, TYPES);
});

test("only the slice's own settings make a new slice", () => {
  const s = stateOf(params("id=A1&depth=3"));
  assert.equal(sliceKey(s), sliceKey({ ...s, open: ["W1"], path: "I1", sel: "W1" }));
  assert.notEqual(sliceKey(s), sliceKey({ ...s, depth: 2 }));
  assert.notEqual(sliceKey(s), sliceKey({ ...s, types: ["PAPER"] }));
  assert.notEqual(sliceKey(s), sliceKey({ ...s, co: true }));
  assert.notEqual(sliceKey(s), sliceKey({ ...s, id: "A2" }));
});

test("expansions are added to only when the earlier ones are kept", () => {
  assert.ok(startsWith(["W1", "W2"], []));
  assert.ok(startsWith(["W1", "W2"], ["W1"]));
  assert.ok(startsWith(["W1", "W2"], ["W1", "W2"]));
  assert.ok(!startsWith(["W1"], ["W1", "W2"]));
  assert.ok(!startsWith(["W2", "W1"], ["W1"]));
});
