// Dates and counts as the pages write them (lib/format.js).
import assert from "node:assert/strict";
import { test } from "node:test";
import { formatDate, plural } from "../src/lib/format.js";

test("a full date reads as month, day and year", () => {
  assert.equal(formatDate("2023-06-12"), "Jun 12, 2023");
  assert.equal(formatDate("2023-01-05", 2023), "Jan 5, 2023");
  assert.equal(formatDate("1999-12-31"), "Dec 31, 1999");
});

test("without a whole date the year stands alone, or nothing", () => {
  assert.equal(formatDate(null, 2020), "2020");
  assert.equal(formatDate("2020-06", 2020), "2020");
  assert.equal(formatDate(undefined, undefined), "");
  assert.equal(formatDate("", null), "");
});

test("a count takes the singular only for one", () => {
  assert.equal(plural(1, "paper"), "1 paper");
  assert.equal(plural(0, "paper"), "0 papers");
  assert.equal(plural(2, "step"), "2 steps");
  assert.equal(plural(3, "Paper"), "3 Papers");
});

test("a count is written with thousands separators", () => {
  assert.equal(plural(1204, "citation"), "1,204 citations");
  assert.equal(plural(2500000, "work"), "2,500,000 works");
});

test("a plural that is not the singular and an s is given", () => {
  assert.equal(plural(2, "of them", "of them"), "2 of them");
  assert.equal(plural(1, "child", "children"), "1 child");
  assert.equal(plural(4, "child", "children"), "4 children");
});
