// The two orders of a paper list as links, so each order has its own address; the page's
// usual order needs no parameter.
export function sortTabs(base, sort, usual = "most_cited") {
  const tab = (value, label) =>
    `<a role="tab" href="${base}${value === usual ? "" : `?sort=${value}`}"
      aria-selected="${sort === value}" class="tab${sort === value ? " on" : ""}">${label}</a>`;
  return `<nav class="tabs" role="tablist" aria-label="Order">${tab("newest", "Newest")}${tab(
    "most_cited",
    "Most cited",
  )}</nav>`;
}
