// What an id names and where its page is (lib/ids.js).
import assert from "node:assert/strict";
import { test } from "node:test";
import { encodePath, kindOf, pathOf } from "../src/lib/ids.js";

test("an id's form says what it names", () => {
  assert.equal(kindOf("A5023888391"), "AUTHOR");
  assert.equal(kindOf("X12"), "AUTHOR");
  assert.equal(kindOf("W2741809807"), "PAPER");
  assert.equal(kindOf("arXiv:1706.03762"), "PAPER");
  assert.equal(kindOf("ARXIV:1706.03762"), "PAPER");
  assert.equal(kindOf("I136199984"), "INSTITUTION");
});

test("anything else is a topic, letters alone included", () => {
  assert.equal(kindOf("cs.LG"), "TOPIC");
  assert.equal(kindOf("fields/17"), "TOPIC");
  assert.equal(kindOf("T10320"), "TOPIC");
  assert.equal(kindOf("Alpha"), "TOPIC");
  assert.equal(kindOf("Wx1"), "TOPIC");
});

test("a node's page comes from its id's form", () => {
  assert.equal(pathOf("A1"), "/author/A1");
  assert.equal(pathOf("W1"), "/paper/W1");
  assert.equal(pathOf("I1"), "/institution/I1");
  assert.equal(pathOf("cs.LG"), "/topic/cs.LG");
});

test("a type given wins over the id's form, in any case", () => {
  assert.equal(pathOf("T1", "Institution"), "/institution/T1");
  assert.equal(pathOf("A1", "PAPER"), "/paper/A1");
  assert.equal(pathOf("x", "Author"), "/author/x");
});

test("an unknown type falls back to a paper's page", () => {
  assert.equal(pathOf("Q1", "Venue"), "/paper/Q1");
});

test("a path keeps an id's slashes and escapes the rest", () => {
  assert.equal(pathOf("fields/17"), "/topic/fields/17");
  assert.equal(encodePath("a b/c?d#e"), "a%20b/c%3Fd%23e");
  assert.equal(encodePath("arXiv:1706.03762"), "arXiv%3A1706.03762");
  assert.equal(encodePath(17), "17");
});
