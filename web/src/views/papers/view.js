// The paper list page (/papers): every paper the filters keep, newest, most cited or most
// relevant first. The filters live in the address, so a list can be bookmarked and shared.
import taxonomy from "../../../../graph_service/data/arxiv-categories.tsv";
import { PAPER_ITEM, pagedList } from "../../components/paperlist.js";
import { ORDERS as LIST_ORDERS } from "../../components/tabs.js";
import { plural } from "../../lib/format.js";
import { escapeHtml } from "../../lib/html.js";
import { navigate } from "../../router.js";
import { describe, filterOf, queryOf } from "./filter.js";

const LIST = `query($filter: PaperFilter, $order: PaperOrder, $after: String, $counted: Boolean = true) {
  papers(filter: $filter, orderBy: $order, first: 20, after: $after) {
    totalCount @include(if: $counted) pageInfo { hasNextPage endCursor } nodes { ${PAPER_ITEM} } } }`;

const CATEGORIES = taxonomy
  .split("\n")
  .filter((line) => line && !line.startsWith("#"))
  .map((line) => line.split("\t"));

// Words add a relevance order to the orders every list has.
const ORDERS = { ...LIST_ORDERS, relevance: { order: "RELEVANCE", label: "Relevance" } };

let stop = null;

export const papersView = {
  enter(_id, params) {
    const page = document.getElementById("page");
    const filter = filterOf(params);
    const sort = Object.hasOwn(ORDERS, params.get("sort")) ? params.get("sort") : filter.query ? "relevance" : "newest";
    document.title = `Papers${filter.categories ? ` in ${filter.categories.join(", ")}` : ""} · Research graph`;
    const value = (name) => escapeHtml(params.get(name) || "");
    page.innerHTML = `
      <div class="page-head"><h2>Papers</h2><p id="list-count" class="muted" aria-live="polite"></p></div>
      <form id="paper-filters" class="filters" role="search" aria-label="Filter papers">
        <label class="grow">Words <input name="q" type="search" value="${value("q")}"
          placeholder="in titles and abstracts"></label>
        <label>Category <input name="category" list="category-list" value="${value("category")}"
          placeholder="cs.LG or cs" size="10"></label>
        <datalist id="category-list">${CATEGORIES.map(
          ([code, name]) => `<option value="${escapeHtml(code)}">${escapeHtml(name)}</option>`,
        ).join("")}</datalist>
        <label>From <input name="from" type="number" min="1000" max="2999" value="${value("from")}" placeholder="year"></label>
        <label>To <input name="to" type="number" min="1000" max="2999" value="${value("to")}" placeholder="year"></label>
        <label class="check"><input name="code" type="checkbox" value="1" ${filter.hasCode ? "checked" : ""}> Has code</label>
        <label class="check"><input name="oa" type="checkbox" value="1" ${filter.openAccess ? "checked" : ""}> Open access</label>
        <label>Sort <select name="sort">${Object.entries(ORDERS)
          .map(
            ([value, { label }]) => `<option value="${value}" ${sort === value ? "selected" : ""}
              ${value === "relevance" && !filter.query ? "disabled" : ""}>${label}</option>`,
          )
          .join("")}</select></label>
        <button type="submit">Apply</button>
      </form>
      <div id="paper-list"></div>`;
    const form = page.querySelector("#paper-filters");
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      navigate(`/papers?${queryOf(new FormData(form))}`);
    });
    // A choice in a box or a list applies at once; typed words wait for Enter or Apply.
    form.addEventListener("change", (event) => {
      if (event.target.type === "checkbox" || event.target.tagName === "SELECT") form.requestSubmit();
    });
    const described = describe(filter);
    stop = pagedList(page.querySelector("#paper-list"), {
      query: LIST,
      variables: { filter, order: ORDERS[sort].order },
      pick: (data) => data.papers,
      onFirst: (connection) => {
        page.querySelector("#list-count").textContent =
          `${plural(connection.totalCount, "paper")}${described ? `: ${described}` : ""}`;
      },
      missing: `No papers match ${described || "yet: the graph has no papers"}.`,
      next: described
        ? '<p>Remove a filter, widen the years, or <a href="/papers">see every paper</a>.</p>'
        : "<p>Load some with <code>graph-service load</code>.</p>",
    });
  },
  leave() {
    if (stop) stop();
  },
};
