// The explorer's address. Everything the view shows is in it: ?id= the centre, the slice
// settings (depth, limit, per, types, from, to, view=co-authors), ?open= the nodes expanded in
// turn, ?path= a path's other end and ?sel= the node picked. This turns an address into the
// view's state and back, and the controls' values into settings; it needs no page.

export const TYPES = ["AUTHOR", "PAPER", "TOPIC", "INSTITUTION"];
const DEFAULTS = { depth: 2, limit: 150, per: 15 };
const RANGES = { depth: [1, 3], limit: [1, 500], per: [1, 100] };

// The state an address's parameters name: a setting missing or out of range is the default.
export function stateOf(params) {
  const number = (key) => {
    const [low, high] = RANGES[key];
    const value = Number(params.get(key));
    return params.has(key) && Number.isInteger(value) && value >= low && value <= high ? value : DEFAULTS[key];
  };
  const year = (key) => {
    const value = Number(params.get(key));
    return params.get(key) && Number.isInteger(value) ? value : null;
  };
  const ids = (key) => (params.get(key) || "").split(",").filter(Boolean);
  const types = ids("types").filter((t) => TYPES.includes(t));
  return {
    id: params.get("id") || null,
    depth: number("depth"),
    limit: number("limit"),
    per: number("per"),
    types: types.length ? TYPES.filter((t) => types.includes(t)) : TYPES,
    from: year("from"),
    to: year("to"),
    co: params.get("view") === "co-authors",
    open: ids("open"),
    path: params.get("path") || null,
    sel: params.get("sel") || null,
  };
}

// The address of a state: only what differs from the defaults, commas and slashes readable.
export function addressOf(s) {
  const p = new URLSearchParams();
  if (s.id) p.set("id", s.id);
  for (const key of ["depth", "limit", "per"]) if (s[key] !== DEFAULTS[key]) p.set(key, String(s[key]));
  if (s.types.length < TYPES.length) p.set("types", s.types.join(","));
  if (s.from != null) p.set("from", String(s.from));
  if (s.to != null) p.set("to", String(s.to));
  if (s.co) p.set("view", "co-authors");
  if (s.open.length) p.set("open", s.open.join(","));
  if (s.path) p.set("path", s.path);
  if (s.sel) p.set("sel", s.sel);
  const query = p.toString().replace(/%2C/g, ",").replace(/%2F/g, "/");
  return query ? `/?${query}` : "/";
}

// What the controls say, as a state: the centre and the rest from `base`. `values` holds the
// boxes' text (depth, limit, per, from, to), the kinds ticked (types) and co-authors only
// (co). A number is rounded into its range (nothing, or 0, is the default); a year that is
// not a whole number is none.
export function settingsOf(base, values) {
  const clamp = (key) => {
    const [low, high] = RANGES[key];
    return Math.max(low, Math.min(high, Math.round(Number(values[key])) || DEFAULTS[key]));
  };
  const year = (key) => (values[key] && Number.isInteger(Number(values[key])) ? Number(values[key]) : null);
  return {
    ...base,
    depth: clamp("depth"),
    limit: clamp("limit"),
    per: clamp("per"),
    types: values.types.length ? values.types : TYPES,
    from: year("from"),
    to: year("to"),
    co: values.co,
  };
}

// The slice's own settings: a change redraws the graph; open, path and sel add to it.
export function sliceKey(s) {
  return JSON.stringify([s.id, s.depth, s.limit, s.per, s.types, s.from, s.to, s.co]);
}

export function startsWith(list, prefix) {
  return prefix.length <= list.length && prefix.every((id, i) => list[i] === id);
}
