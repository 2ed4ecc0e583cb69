// Similar papers (/similar/<id>): a paper's neighbourhood as Connected Papers reads it. The
// paper and its most similar papers are drawn left to right by date, sized by citations,
// coloured by year and joined by their similarity; beside the graph, the same papers as a list
// and the prior and derivative works (?list=prior|derivative). The paper picked in the graph
// or a list is kept in the address (?selected=<id>), so a reload or a shared link shows it.
import { loadNode, pageView } from "./components/page.js";
import { loadInto } from "./components/states.js";
import { cytoscape } from "./graph/cytoscape.js";
import { formatDate, plural } from "./lib/format.js";
import { escapeHtml } from "./lib/html.js";
import { encodePath } from "./lib/ids.js";

const HEAD = `query($id: ID!) { paper(id: $id) { id title year citedByCount } }`;

// Both slices in one request: the CITATION slice's prior and derivative works are those of
// the paper and its 40 most similar, the papers the SIMILARITY slice draws.
const SLICES = `query($id: ID!) {
  similar: neighborhood(id: $id, projection: SIMILARITY, limit: 40) {
    nodes { ...drawn } edges { source target weight } }
  citation: neighborhood(id: $id, projection: CITATION, limit: 40) { nodes { ...drawn } } }
fragment drawn on SliceNode { id label year citations strength role hop
  node { ... on Paper { publicationDate authorCount authorships(first: 1) { author { name } } } } }`;

const LISTS = {
  similar: {
    label: "Similar",
    role: "SIMILAR",
    about: "The papers most like it: cited together with it, sharing its references, or listed as related by OpenAlex.",
    empty: "No similar papers yet.",
  },
  prior: {
    label: "Prior works",
    role: "PRIOR",
    about: "The works it and its most similar papers cite most: often the field's foundations.",
    empty: "None of the works these papers cite is in the graph.",
  },
  derivative: {
    label: "Derivative works",
    role: "DERIVATIVE",
    about: "The works that cite most of it and its most similar papers: often reviews and later work.",
    empty: "No paper in the graph cites these papers yet.",
  },
};

// Oldest to newest: light to dark blue.
const OLD = [198, 219, 239];
const NEW = [8, 48, 107];
const NO_YEAR = "#b9bec7";

export function colourOf(year, low, high) {
  if (year == null) return NO_YEAR;
  const t = high > low ? (year - low) / (high - low) : 1;
  const [r, g, b] = OLD.map((c, i) => Math.round(c + t * (NEW[i] - c)));
  return `rgb(${r}, ${g}, ${b})`;
}

function firstAuthor(node) {
  const paper = node.node;
  const name = paper?.authorships[0]?.author.name;
  if (!name) return null;
  return paper.authorCount > 1 ? `${name} et al.` : name;
}

// A node's short label: "Surname Year", as Connected Papers labels its graph.
function shortLabel(node) {
  const name = node.node?.authorships[0]?.author.name;
  // The last word of the name that is not a number or an initial.
  const words = (name ?? "").trim().split(/\s+/).filter((w) => !/^(\d+|\w\.?)$/.test(w));
  const surname = words.length ? words.at(-1) : node.label.slice(0, 18);
  return `${surname}${node.year ? ` ${node.year}` : ""}`;
}

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
// same picture; the whole spans about `width` pixels. Returns the positions and the axis.
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

// The axis under the papers: a label at each year that has one, and "…" where years are left out.
function axisElements(middle, breaks, bottom) {
  const ticks = [];
  let last = -Infinity;
  for (const [year, x] of middle) {
    if (x - last < 40) continue;
    last = x;
    ticks.push({ group: "nodes", data: { id: `year-${year}`, tick: String(year) }, position: { x, y: bottom } });
  }
  breaks.forEach((x, i) =>
    ticks.push({ group: "nodes", data: { id: `gap-${i}`, tick: "…" }, position: { x, y: bottom } }),
  );
  return ticks.map((t) => ({ ...t, classes: "tick", selectable: false, grabbable: false }));
}

const GRAPH_STYLE = [
  {
    selector: "node[colour]",
    style: {
      "background-color": "data(colour)",
      width: "data(size)",
      height: "data(size)",
      label: "data(short)",
      "font-size": 10,
      color: "#333",
      "text-valign": "bottom",
      "text-margin-y": 2,
      "min-zoomed-font-size": 6,
      "border-width": 1,
      "border-color": "#fff",
    },
  },
  { selector: "node.hop2", style: { "border-style": "dashed", "border-color": "#6b7280", "border-width": 1 } },
  { selector: "node.center", style: { "border-width": 4, "border-color": "#e8833a" } },
  {
    selector: "node.tick",
    style: { "background-opacity": 0, "border-width": 0, label: "data(tick)", "text-valign": "center", width: 1, height: 1, color: "#666", events: "no" },
  },
  { selector: "node.hover", style: { "border-width": 3, "border-color": "#f5a400" } },
  { selector: "node.picked", style: { "border-width": 4, "border-color": "#d62828", "z-index": 10 } },
  { selector: "node.faded", style: { opacity: 0.3 } },
  {
    selector: "edge",
    style: {
      width: "data(width)",
      "line-color": "#8795a8",
      opacity: "data(opacity)",
      "curve-style": "haystack",
    },
  },
  { selector: "edge.weak", style: { display: "none" } },
  { selector: "edge.faded", style: { opacity: 0.04 } },
  { selector: "edge.near", style: { display: "element", "line-color": "#d62828", opacity: 0.75 } },
];

// What this view shows: the paper's id, its slices and lists, the graph.
let shown = null;

function listOf(name) {
  return Object.hasOwn(LISTS, name) ? name : "similar";
}

function itemFacts(node, list) {
  const facts = [firstAuthor(node), node.year ?? "year unknown", plural(node.citations ?? 0, "citation")];
  if (list === "similar") {
    facts.push(`similarity ${node.strength.toFixed(2)}${node.hop > 1 ? " (through a similar paper)" : ""}`);
  } else if (list === "prior") {
    facts.push(`cited by ${plural(node.strength, "of them", "of them")}`);
  } else {
    facts.push(`cites ${plural(node.strength, "of them", "of them")}`);
  }
  return facts.filter(Boolean).map((f) => escapeHtml(f)).join(" · ");
}

function drawList(list) {
  const { element, nodes, colours } = shown;
  const rows = nodes[list];
  const tabs = Object.entries(LISTS)
    .map(([name, spec]) => {
      const params = name === "similar" ? "" : `?list=${name}`;
      return `<a role="tab" class="tab${name === list ? " on" : ""}" aria-selected="${name === list}"
        href="/similar/${encodePath(shown.id)}${params}">${spec.label} <small>${nodes[name].length}</small></a>`;
    })
    .join("");
  element.querySelector("#similar-tabs").innerHTML = tabs;
  element.querySelector("#similar-about").textContent = LISTS[list].about;
  const target = element.querySelector("#similar-list");
  target.innerHTML = rows.length
    ? rows
        .map(
          (n) => `<li data-id="${escapeHtml(n.id)}">
            <span class="swatch" style="background:${colours.get(n.id) ?? "transparent"}"
              title="${colours.has(n.id) ? "In the graph" : "Not in the graph"}"></span>
            <div><button type="button" class="pick" aria-pressed="false">${escapeHtml(n.label)}</button>
            <small class="muted">${itemFacts(n, list)}</small></div></li>`,
        )
        .join("")
    : `<li class="muted">${escapeHtml(LISTS[list].empty)}</li>`;
}

function detailsOf(node) {
  const paper = node.node;
  const date = formatDate(paper?.publicationDate, node.year);
  const inGraph = shown.colours.has(node.id);
  const role = {
    CENTER: "The paper this graph is of.",
    SIMILAR: `Similarity ${node.strength?.toFixed(2)}${node.hop > 1 ? ", through a similar paper" : ""}.`,
    PRIOR: `A prior work: cited by ${plural(node.strength, "of them", "of them")}.`,
    DERIVATIVE: `A derivative work: cites ${plural(node.strength, "of them", "of them")}.`,
  }[node.role];
  return `<h3><a href="/paper/${encodePath(node.id)}">${escapeHtml(node.label)}</a></h3>
    <p>${[firstAuthor(node), date, plural(node.citations ?? 0, "citation")].filter(Boolean).map(escapeHtml).join(" · ")}</p>
    <p class="muted">${escapeHtml(role)}${inGraph || node.role === "CENTER" ? "" : " Not drawn: the graph shows similar papers only."}</p>
    <p><a href="/paper/${encodePath(node.id)}">Open its page</a>${
      node.role === "CENTER" ? "" : ` · <a href="/similar/${encodePath(node.id)}">Papers similar to it</a>`
    }</p>`;
}

// Show `id` as picked (or nothing), in the graph, the list and the details, and keep it in the
// address without adding a step to Back.
function pick(id) {
  const { element, byId, cy } = shown;
  const node = id ? byId.get(id) : null;
  shown.picked = node ? id : null;
  for (const item of element.querySelectorAll("#similar-list li[data-id]")) {
    const on = item.dataset.id === shown.picked;
    item.classList.toggle("on", on);
    item.querySelector(".pick").setAttribute("aria-pressed", String(on));
  }
  const details = element.querySelector("#similar-details");
  details.innerHTML = node
    ? detailsOf(node)
    : `<p class="muted">Pick a paper in the graph or the list to see it here.</p>`;
  if (cy) {
    cy.elements().removeClass("picked faded near");
    const drawn = node && cy.getElementById(node.id);
    if (drawn && drawn.length) {
      const around = drawn.closedNeighborhood();
      cy.nodes().not(around).not(".tick").addClass("faded");
      cy.edges().not(around).addClass("faded");
      drawn.connectedEdges().addClass("near");
      drawn.addClass("picked");
    }
  }
  const url = new URL(window.location.href);
  if (shown.picked) url.searchParams.set("selected", shown.picked);
  else url.searchParams.delete("selected");
  if (url.href !== window.location.href) window.history.replaceState(null, "", url);
}

// The edges each paper holds among its `k` closest (by index): every paper keeps its strongest
// ties drawn, and a dense slice stays readable. A picked paper shows all of its own.
function strongest(nodes, edges, k) {
  const ties = new Map(nodes.map((n) => [n.id, []]));
  edges.forEach((e, i) => {
    ties.get(e.source)?.push(i);
    ties.get(e.target)?.push(i);
  });
  const kept = new Set();
  for (const list of ties.values()) {
    list.sort((a, b) => edges[b].weight - edges[a].weight || a - b);
    list.slice(0, k).forEach((i) => kept.add(i));
  }
  return kept;
}

async function drawGraph(slice) {
  const { element, colours } = shown;
  const target = element.querySelector("#similar-graph");
  const drawn = slice.nodes.map((n) => ({
    ...n,
    size: 14 + Math.min(36, 4 * Math.log2(1 + (n.citations ?? 0))),
  }));
  const { place, middle, breaks } = yearLayout(drawn, slice.edges, target.clientWidth - 80);
  const strong = strongest(drawn, slice.edges, 3);
  const bottom = Math.max(...place.map((p) => p.y + p.r)) + 36;
  target.innerHTML = "";
  const cy = cytoscape({
    container: target,
    style: GRAPH_STYLE,
    boxSelectionEnabled: false,
    autoungrabify: true,
    layout: { name: "preset" },
    elements: [
      ...drawn.map((n, i) => ({
        group: "nodes",
        data: { id: n.id, size: n.size, colour: colours.get(n.id), short: shortLabel(n) },
        classes: [n.role === "CENTER" ? "center" : "", n.hop > 1 ? "hop2" : ""].join(" "),
        position: { x: place[i].x, y: place[i].y },
      })),
      ...slice.edges.map((e, i) => ({
        group: "edges",
        data: {
          id: `s${i}`,
          source: e.source,
          target: e.target,
          width: 0.6 + 3 * e.weight,
          opacity: Math.min(0.7, 0.15 + 0.6 * e.weight),
        },
        classes: strong.has(i) ? "" : "weak",
      })),
      ...axisElements(middle, breaks, bottom),
    ],
  });
  cy.fit(undefined, 24);
  // A small graph is not blown up past a little over its drawn size.
  if (cy.zoom() > 1.3) {
    cy.zoom(1.3);
    cy.center();
  }
  shown.cy = cy;
  const years = [...middle.keys()];
  target.dataset.nodeCount = String(drawn.length);
  target.setAttribute("role", "img");
  target.setAttribute(
    "aria-label",
    `Graph of ${plural(drawn.length - 1, "similar paper")}${years.length ? `, ${years[0]} to ${years.at(-1)}` : ""}; the list beside it names them`,
  );
  cy.on("tap", "node", (event) => pick(event.target.id()));
  cy.on("tap", (event) => {
    if (event.target === cy) pick(null);
  });
  cy.on("mouseover", "node", (event) => {
    target.style.cursor = "pointer";
    event.target.addClass("hover");
  });
  cy.on("mouseout", "node", (event) => {
    target.style.cursor = "";
    event.target.removeClass("hover");
  });
}

function legend(low, high) {
  if (low == null) return "";
  return `<span class="scale"><span>${low}</span><span class="ramp" style="background:linear-gradient(to right, ${colourOf(
    low,
    low,
    high,
  )}, ${colourOf(high, low, high)})"></span><span>${high}</span></span>
    <span>Left to right: year published</span>
    <span>Size: citations</span>
    <span>Lines: each paper's closest ties, darker is closer</span>
    <span><span class="ring"></span> this paper</span>`;
}

function show(list, params) {
  drawList(list);
  const picked = params.get("selected");
  pick(picked && shown.byId.has(picked) ? picked : null);
}

export const similarView = pageView(async (id, params, stop) => {
  const page = document.getElementById("page");
  shown = null;
  const paper = await loadNode({
    noun: "paper",
    query: HEAD,
    id,
    pick: (data) => data.paper,
    stop,
    retry: () => similarView.enter(id, params),
  });
  if (!paper) return;
  const title = paper.title ?? paper.id;
  document.title = `Similar to ${title} · Research graph`;
  page.innerHTML = `
    <article class="similar-page">
      <header class="entity-head">
        <p class="kind kind-PAPER">Similar papers</p>
        <h2 id="similar-title"><a href="/paper/${encodePath(paper.id)}">${escapeHtml(title)}</a></h2>
        <p class="legend" id="similar-legend"></p>
      </header>
      <div class="similar-columns">
        <section class="graph-column">
          <div id="similar-graph" class="similar-graph" data-node-count="0"></div>
          <div id="similar-details" class="details" aria-live="polite"></div>
        </section>
        <aside class="side-column">
          <nav class="tabs" id="similar-tabs" role="tablist" aria-label="Lists"></nav>
          <p class="muted" id="similar-about"></p>
          <ol class="plain similar-list" id="similar-list"></ol>
        </aside>
      </div>
    </article>`;
  const graph = page.querySelector("#similar-graph");
  const controller = new AbortController();
  stop(() => controller.abort());
  const load = async () => {
    const slices = await loadInto(graph, {
      what: "Finding similar papers",
      query: SLICES,
      variables: { id: paper.id },
      pick: (data) => data,
      signal: controller.signal,
      retry: load,
    });
    if (!slices) return;
    const drawnNodes = slices.similar.nodes;
    const years = drawnNodes.map((n) => n.year).filter((y) => y != null);
    const [low, high] = years.length ? [Math.min(...years), Math.max(...years)] : [null, null];
    const byRole = (role) =>
      slices.citation.nodes
        .concat(drawnNodes)
        .filter((n) => n.role === role)
        .sort((a, b) => b.strength - a.strength || (b.citations ?? 0) - (a.citations ?? 0));
    shown = {
      id: paper.id,
      element: page,
      cy: null,
      picked: null,
      colours: new Map(drawnNodes.length > 1 ? drawnNodes.map((n) => [n.id, colourOf(n.year, low, high)]) : []),
      byId: new Map([...slices.citation.nodes, ...drawnNodes].map((n) => [n.id, n])),
      nodes: { similar: byRole("SIMILAR"), prior: byRole("PRIOR"), derivative: byRole("DERIVATIVE") },
    };
    if (drawnNodes.length > 1) {
      page.querySelector("#similar-legend").innerHTML = legend(low, high);
      await drawGraph(slices.similar);
      stop(() => shown?.cy?.destroy());
    } else {
      graph.classList.add("no-graph");
      // With nothing in any list either, the empty lists and the details say nothing more.
      const none = Object.values(shown.nodes).every((rows) => !rows.length);
      page.querySelector(".similar-page .side-column").hidden = none;
      page.querySelector("#similar-details").hidden = none;
      graph.innerHTML = `<div class="state empty" role="status">
        <p>No similar papers yet: no paper in the graph is cited together with it or shares its
        references, and OpenAlex lists no related work that is loaded.</p>
        <p>Its <a href="/paper/${encodePath(paper.id)}">page</a> lists what it cites and what cites it;
        <a href="/?id=${encodePath(paper.id)}">explore the graph</a> around it instead.</p></div>`;
    }
    show(listOf(params.get("list")), params);
  };
  await load();
});

// A change of list or of picked paper keeps the graph as it is.
similarView.update = (id, params) => {
  if (!shown || shown.id !== id) return false;
  show(listOf(params.get("list")), params);
  return true;
};

// Pick from the list; Escape lets go; hovering an item marks its paper in the graph.
document.addEventListener("click", (event) => {
  const button = event.target.closest("#similar-list .pick");
  if (!button || !shown) return;
  const id = button.closest("li").dataset.id;
  pick(shown.picked === id ? null : id);
});
document.addEventListener("keydown", (event) => {
  if (event.key === "Escape" && shown?.picked && !event.target.closest("input, select, textarea")) pick(null);
});
for (const [type, on] of [
  ["mouseover", true],
  ["mouseout", false],
]) {
  document.addEventListener(type, (event) => {
    const item = event.target.closest?.("#similar-list li[data-id]");
    if (!item || !shown?.cy) return;
    shown.cy.getElementById(item.dataset.id).toggleClass("hover", on);
  });
}
