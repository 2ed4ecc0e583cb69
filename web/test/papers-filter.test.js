// The paper list's filters (views/papers/filter.js).
import assert from "node:assert/strict";
import { test } from "node:test";
import { describe, filterOf, queryOf } from "../src/views/papers/filter.js";

const params = (query) => new URLSearchParams(query);

test("the address's filters become the API's PaperFilter", () => {
  assert.deepEqual(filterOf(params("q=graph neural&category=cs.LG, stat.ML&from=2019&to=2021&code=1&oa=1")), {
    query: "graph neural",
    categories: ["cs.LG", "stat.ML"],
    yearFrom: 2019,
    yearTo: 2021,
    hasCode: true,
    openAccess: true,
  });
});

test("no filter, or filters the API could not take, is no filter", () => {
  assert.deepEqual(filterOf(params("")), {});
  assert.deepEqual(filterOf(params("q=&category=,&from=19&to=next&code=yes&oa=0&sort=newest")), {});
});

test("a filter reads in words", () => {
  assert.equal(
    describe({ query: "transformers", categories: ["cs.LG", "cs.CL"], yearFrom: 2018, hasCode: true, openAccess: true }),
    "words “transformers”, category cs.LG or cs.CL, years 2018–…, with code, open access",
  );
  assert.equal(describe({ yearTo: 2000 }), "years …–2000");
  assert.equal(describe({}), "");
});

test("a form's address keeps only the fields filled in", () => {
  const form = params("q= attention &category=&from=2017&to=&code=1&sort=most_cited");
  assert.equal(queryOf(form), "q=attention&from=2017&code=1&sort=most_cited");
});

test("a form's address leaves out the list's usual order", () => {
  assert.equal(queryOf(params("sort=newest")), "");
  assert.equal(queryOf(params("q=gnn&sort=relevance")), "q=gnn");
  assert.equal(queryOf(params("q=gnn&sort=newest")), "q=gnn&sort=newest");
  // Relevance needs words; without them the list has its usual order.
  assert.equal(queryOf(params("sort=relevance")), "");
});
