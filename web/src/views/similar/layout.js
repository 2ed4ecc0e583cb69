// Where the Similar papers graph puts its papers: left to right by date, up and down by
// similarity. Plain numbers in and out: it needs no page.

// A stretch of more empty years than this is drawn this wide, marked on the axis.
const MAX_GAP = 2;

function dayOfYear(date) {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date || "");
  if (!match) return 0.5;
  const [, y, m, d] = match.map(Number);
  return (Date.UTC(y, m - 1, d) - Date.UTC(y, 0, 1)) / (366 * 86400000);
}

// Positions for the papers: x by date, y found by springs along similarity edges and a push
// between papers that would cover each other. Time runs left to right, but a year with many
// papers is given more room (the square root of their number, in year widths) and a stretch
// of empty years is drawn at most MAX_GAP wide, so that a crowded year does not become a tall
// column. Papers of unknown year stand to the left of all. The same slice always gives the
// same picture; the whole spans about `width` pixels.
//
// `nodes`: { id, year, publicationDate, size } (size: the disc's diameter), `edges`: { source,
// target, weight }. Returns `place`, { x, y, r } for each node in its order; `middle`, the x of
// each year's middle (for the axis); and `breaks`, the x of each shortened stretch of years.
export function yearLayout(nodes, edges, width) {
  const count = new Map();
  for (const n of nodes) if (n.year != null) count.set(n.year, (count.get(n.year) ?? 0) + 1);
  const years = [...count.keys()].sort((a, b) => a - b);
  const room = (year) => Math.max(1, Math.sqrt(count.get(year)));
  const empty = (i) => Math.min(years[i] - years[i - 1] - 1, MAX_GAP);
  let units = nodes.some((n) => n.year == null) ? 1.5 : 0;
  years.forEach((year, i) => {
    units += room(year) + (i ? empty(i) : 0);
  });
  const yearWidth = Math.max(26, Math.min(160, width / units));
  const start = new Map();
  const breaks = [];
  let x = 0;
  years.forEach((year, i) => {
    if (i) {
      x += room(years[i - 1]) * yearWidth;
      if (years[i] - years[i - 1] - 1 > MAX_GAP) breaks.push(x + (empty(i) * yearWidth) / 2);
      x += empty(i) * yearWidth;
    }
    start.set(year, x);
  });
  // Within its year's room, a paper stands by its date's rank among the year's papers.
  const rank = new Map();
  for (const year of years) {
    nodes
      .filter((n) => n.year === year)
      .sort((a, b) => dayOfYear(a.publicationDate) - dayOfYear(b.publicationDate) || (a.id < b.id ? -1 : 1))
      .forEach((n, i) => rank.set(n.id, (i + 0.5) / count.get(year)));
  }
  const place = nodes.map((n, i) => ({
    x: n.year == null ? -1.5 * yearWidth : start.get(n.year) + room(n.year) * yearWidth * rank.get(n.id),
    // Start most similar nearest the middle, alternately above and below.
    y: (i % 2 ? 1 : -1) * Math.ceil(i / 2) * 8,
    r: n.size / 2,
  }));
  const index = new Map(nodes.map((n, i) => [n.id, i]));
  const springs = edges
    .map((e) => [index.get(e.source), index.get(e.target), e.weight])
    .filter(([a, b]) => a != null && b != null);
  const push = (force) => {
    for (let i = 0; i < place.length; i += 1) {
      for (let j = i + 1; j < place.length; j += 1) {
        const a = place[i];
        const b = place[j];
        // Room for both discs and their labels below them.
        if (Math.abs(a.x - b.x) >= a.r + b.r + 34) continue;
        const dy = a.y - b.y;
        const need = a.r + b.r + 16;
        if (Math.abs(dy) >= need) continue;
        const shift = (need - Math.abs(dy)) / 2;
        const sign = dy > 0 || (dy === 0 && i % 2) ? 1 : -1;
        force[i] += sign * shift;
        force[j] -= sign * shift;
      }
    }
  };
  for (let step = 0; step < 500; step += 1) {
    const force = new Float64Array(place.length);
    if (step < 350) {
      for (const [a, b, w] of springs) {
        const pull = (place[b].y - place[a].y) * 0.02 * w;
        force[a] += pull;
        force[b] -= pull;
      }
      place.forEach((p, i) => {
        force[i] -= p.y * 0.003;
      });
    }
    push(force);
    place.forEach((p, i) => {
      p.y += Math.max(-20, Math.min(20, force[i]));
    });
  }
  const middle = new Map(years.map((year) => [year, start.get(year) + (room(year) * yearWidth) / 2]));
  return { place, middle, breaks };
}
