// The paper list's filters: from the address to the API's PaperFilter, in words, and from
// the filter form back to an address. Plain values in and out: it needs no page.

// The filter the address names, as the API takes it.
export function filterOf(params) {
  const list = (name) =>
    (params.get(name) || "")
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
  const year = (name) => (/^\d{4}$/.test(params.get(name) || "") ? Number(params.get(name)) : null);
  const filter = {};
  if (params.get("q")) filter.query = params.get("q");
  if (list("category").length) filter.categories = list("category");
  if (year("from")) filter.yearFrom = year("from");
  if (year("to")) filter.yearTo = year("to");
  if (params.get("code") === "1") filter.hasCode = true;
  if (params.get("oa") === "1") filter.openAccess = true;
  return filter;
}

// The filter in words, for the count above the list and an empty list's message.
export function describe(filter) {
  const parts = [];
  if (filter.query) parts.push(`words “${filter.query}”`);
  if (filter.categories) parts.push(`category ${filter.categories.join(" or ")}`);
  if (filter.yearFrom || filter.yearTo) parts.push(`years ${filter.yearFrom ?? "…"}–${filter.yearTo ?? "…"}`);
  if (filter.hasCode) parts.push("with code");
  if (filter.openAccess) parts.push("open access");
  return parts.join(", ");
}

// The address's query of a filter form (FormData, or anything with entries() and get()): only
// the fields given, and no sort that is the list's usual one (nor relevance without words), so
// links stay short.
export function queryOf(form) {
  const params = new URLSearchParams();
  for (const [name, value] of form.entries()) {
    const text = String(value).trim();
    if (!text) continue;
    if (name === "sort" && text === (form.get("q") ? "relevance" : "newest")) continue;
    if (name === "sort" && text === "relevance" && !form.get("q")) continue;
    params.set(name, text);
  }
  return params.toString();
}
