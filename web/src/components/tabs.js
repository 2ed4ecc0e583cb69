// The orders of a paper list as links, so each order has its own address; the page's usual
// order needs no parameter.

// The address's name of each order, the API's, and the tab's label.
export const ORDERS = {
  newest: { order: "NEWEST", label: "Newest" },
  most_cited: { order: "MOST_CITED", label: "Most cited" },
  important: { order: "IMPORTANCE", label: "Most important" },
};

// The order the address names, or the page's usual one.
export function sortOf(params, usual = "most_cited") {
  const sort = params.get("sort");
  return Object.hasOwn(ORDERS, sort) ? sort : usual;
}

export function sortTabs(base, sort, usual = "most_cited") {
  const tab = (value) =>
    `<a role="tab" href="${base}${value === usual ? "" : `?sort=${value}`}"
      aria-selected="${sort === value}" class="tab${sort === value ? " on" : ""}"
      ${value === "important" ? 'title="By PageRank over citations: cited by papers that are themselves cited"' : ""}>${ORDERS[value].label}</a>`;
  return `<nav class="tabs" role="tablist" aria-label="Order">${Object.keys(ORDERS).map(tab).join("")}</nav>`;
}
