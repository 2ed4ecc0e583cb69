// The graph explorer (/): the graph around a node, beside it what that node is (a researcher's
// profile, or any node's details) and the details of the node picked in the graph. Everything
// the view shows is in its address: ?id= the centre, the slice settings (depth, limit, per,
// types, from, to, view=co-authors), ?open= the nodes expanded in turn, ?path= a path's other
// end and ?sel= the node picked. Back, Forward, a reload and a shared link show the same view.
import { nodeLink, showDetails } from "./components/details.js";
import { picker } from "./components/picker.js";
import { failed, loadInto } from "./components/states.js";
import { cytoscape } from "./graph/cytoscape.js";
import { drawnLabelBoxes, followZoom, placeLabels } from "./graph/labels.js";
import { layout, warmLayout } from "./graph/layout.js";
import { COLOURS, edgeElement, NOUNS, nodeElement, STYLE } from "./graph/style.js";
import { gql } from "./lib/api.js";
import { plural } from "./lib/format.js";
import { escapeHtml } from "./lib/html.js";
import { encodePath, kindOf } from "./lib/ids.js";
import { navigate } from "./router.js";

const $ = (id) => document.getElementById(id);
const TYPES = ["AUTHOR", "PAPER", "TOPIC", "INSTITUTION"];
const DEFAULTS = { depth: 2, limit: 150, per: 15 };
const SLOW_MS = 2000;
const MAX_STEPS = 6;

// --- the address --------------------------------------------------------------------------

function stateOf(params) {
  const number = (key, low, high) => {
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
    depth: number("depth", 1, 3),
    limit: number("limit", 1, 500),
    per: number("per", 1, 100),
    types: types.length ? TYPES.filter((t) => types.includes(t)) : TYPES,
    from: year("from"),
    to: year("to"),
    co: params.get("view") === "co-authors",
    open: ids("open"),
    path: params.get("path") || null,
    sel: params.get("sel") || null,
  };
}

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

// What the controls say, as a state (the centre and the rest from `base`).
function stateOfControls(base) {
  const types = [...document.querySelectorAll("input[name=type]:checked")].map((i) => i.value);
  const year = (id) => ($(id).value && Number.isInteger(Number($(id).value)) ? Number($(id).value) : null);
  const clamp = (id, low, high) => Math.max(low, Math.min(high, Math.round(Number($(id).value)) || DEFAULTS[id]));
  return {
    ...base,
    depth: clamp("depth", 1, 3),
    limit: clamp("limit", 1, 500),
    per: clamp("per", 1, 100),
    types: types.length ? types : TYPES,
    from: year("year-from"),
    to: year("year-to"),
    co: $("collaboration").checked,
  };
}

function writeControls(s) {
  document.querySelectorAll("input[name=type]").forEach((box) => {
    box.checked = s.types.includes(box.value);
  });
  $("collaboration").checked = s.co;
  $("year-from").value = s.from ?? "";
  $("year-to").value = s.to ?? "";
  $("depth").value = String(s.depth);
  $("limit").value = String(s.limit);
  $("per").value = String(s.per);
}

// The slice's own settings: a change redraws the graph; open, path and sel add to it.
function sliceKey(s) {
  return JSON.stringify([s.id, s.depth, s.limit, s.per, s.types, s.from, s.to, s.co]);
}

let want = stateOf(new URLSearchParams()); // what the address asks for
let drawn = null; // what the graph shows of it
let epoch = 0; // a newer address stops an older one's drawing

function go(changes) {
  navigate(addressOf({ ...want, ...changes }));
}

// Picking a node changes only ?sel=, in place: Back goes to the view before, not the click before.
function choose(id) {
  want = { ...want, sel: id };
  window.history.replaceState(null, "", addressOf(want));
  select(id);
  if (drawn) drawn.sel = id;
}

// --- the graph's states ----------------------------------------------------------------------

const cy = cytoscape({ container: $("graph"), wheelSensitivity: 0.3, style: STYLE, boxSelectionEnabled: false });
let slowTimer = null;

function overlay(kind, html = "") {
  clearTimeout(slowTimer);
  const box = $("graph-state");
  box.hidden = !kind;
  box.className = `overlay${kind ? ` overlay-${kind}` : ""}`;
  box.innerHTML = html;
  $("graph").dataset.state = kind || "drawn";
}

function waiting(what) {
  overlay(
    "loading",
    `<div class="state loading" role="status"><span class="spinner"></span><span class="state-text">${escapeHtml(what)}…</span></div>`,
  );
  slowTimer = setTimeout(() => {
    const text = $("graph-state").querySelector(".state-text");
    if (text) text.textContent = `${what}… still working: a large slice or a cold start can take a few seconds.`;
  }, SLOW_MS);
}

function emptyGraph(kind, message, next) {
  cy.elements().remove();
  overlay(kind, `<div class="state empty" role="status"><p>${message}</p>${next ? `<p>${next}</p>` : ""}</div>`);
  $("legend").hidden = true;
  listNodes();
  if (kind !== "welcome") signal();
}

function graphFailed(error, retry) {
  overlay("error");
  failed($("graph-state"), error, retry);
  $("graph").dataset.state = "error";
  signal();
}

// Each finished draw, expansion, path or state bumps data-ready (tests and benchmarks wait on it).
function signal(what = null, started = null) {
  const graph = $("graph");
  graph.dataset.nodeCount = String(cy.nodes().length);
  graph.dataset.edgeCount = String(cy.edges().length);
  if (what) {
    const ms = Math.round(performance.now() - started);
    graph.dataset[`${what}Ms`] = String(ms);
    $("status").textContent = `${plural(cy.nodes().length, "node")}, ${plural(cy.edges().length, "link")} · ${what} in ${ms} ms`;
  }
  graph.dataset.ready = String(Number(graph.dataset.ready || 0) + 1);
}

// --- drawing ---------------------------------------------------------------------------------

const SLICE = `query($id: ID!, $depth: Int!, $limit: Int!, $per: Int!, $types: [NodeType!],
  $from: Int, $to: Int, $projection: Projection!) {
  neighborhood(id: $id, depth: $depth, limit: $limit, perNodeLimit: $per, nodeTypes: $types,
               yearFrom: $from, yearTo: $to, projection: $projection) {
    truncated totalNeighbors
    nodes { id type label weight hop year citations worksCount importance }
    edges { id source target type weight } } }`;

const PATH = `query($from: ID!, $to: ID!, $projection: Projection!, $steps: Int!) {
  target: node(id: $to) { __typename id ...named }
  path(from: $from, to: $to, maxLength: $steps, projection: $projection) {
    nodes { id type label weight hop year citations worksCount importance }
    edges { id source target type weight } } }
fragment named on Node { ... on Author { name } ... on Paper { title } ... on Topic { name } ... on Institution { name } }`;

// Who is who when two nodes have one name: a researcher's latest institution, a topic's
// parent, an institution's country, a paper's year.
const CONTEXT = `query($ids: [ID!]!) { nodes(ids: $ids) { __typename id
  ... on Author { worksCount institutions { institution { name } lastYear } }
  ... on Topic { parent { name } }
  ... on Institution { countryCode } } }`;

function sliceVariables(s, id = s.id, depth = s.depth) {
  return {
    id,
    depth,
    limit: s.limit,
    per: s.per,
    types: s.types.length === TYPES.length ? null : s.types,
    from: s.from,
    to: s.to,
    projection: s.co ? "COLLABORATION" : "FULL",
  };
}

let centre = null; // the centre as drawn: { id, type, label }

async function drawCentre(s, mine) {
  const started = performance.now();
  const type = kindOf(s.id);
  centre = { id: s.id, type, label: s.id };
  waiting(`Drawing the graph around ${s.id}`);
  showCentrePanel(s.id, type);
  $("details").innerHTML = `<p class="hint">Click a node, or pick one from the list below the graph, for its details; double-click a node to expand it.</p>`;
  $("path-info").hidden = true;
  $("truncated").hidden = true;
  const data = await gql(SLICE, sliceVariables(s));
  if (mine !== epoch) return false;
  $("graph").dataset.apiMs = String(Math.round(performance.now() - started));
  const slice = data.neighborhood;
  if (!slice) {
    document.title = "Not found · Research graph explorer";
    emptyGraph(
      "missing",
      `No researcher, paper, topic or institution with the id <b>${escapeHtml(s.id)}</b> is in the graph.`,
      "Search for it by name in the box above.",
    );
    return false;
  }
  centre = { id: s.id, type: slice.nodes[0].type, label: slice.nodes[0].label };
  document.title = `${centre.label} · Research graph explorer`;
  cy.elements().remove();
  cy.add(slice.nodes.map(element));
  cy.add(slice.edges.map(edgeElement));
  cy.getElementById(s.id).addClass("center");
  const laid = performance.now();
  await layout(cy, true);
  if (mine !== epoch) return false;
  $("graph").dataset.layoutMs = String(Math.round(performance.now() - laid));
  overlay(null);
  if (slice.nodes.length === 1) {
    const filtered = s.types.length < TYPES.length || s.from != null || s.to != null || s.co;
    overlay(
      "empty",
      `<div class="state empty" role="status"><p>Nothing around <b>${escapeHtml(centre.label)}</b> is shown with these settings.</p><p>${
        filtered
          ? "Tick more kinds of node, widen the years or turn off “co-authors only”, then Apply."
          : "It has no links in the graph yet: search for another starting point above."
      }</p></div>`,
    );
  }
  noteTruncation(slice, s);
  finishDraw();
  signal("draw", started);
  nameHomonyms(mine);
  return true;
}

function element(n) {
  const e = nodeElement(n);
  e.data.name = n.label;
  return e;
}

async function expand(s, id, mine) {
  const started = performance.now();
  $("status").textContent = `Expanding ${cy.getElementById(id).data("label") || id}…`;
  const data = await gql(SLICE, sliceVariables(s, id, 1));
  if (mine !== epoch) return;
  const slice = data.neighborhood;
  if (!slice) return;
  let parent = cy.getElementById(id);
  if (parent.empty()) parent = cy.add(element({ ...slice.nodes[0], hop: 1 }));
  const origin = parent.position();
  const fresh = slice.nodes.filter((n) => cy.getElementById(n.id).empty());
  const added = cy.collection();
  fresh.forEach((n, i) => {
    const angle = (2 * Math.PI * i) / Math.max(1, fresh.length);
    const e = element({ ...n, hop: parent.data("hop") + n.hop });
    e.position = { x: origin.x + 90 * Math.cos(angle), y: origin.y + 90 * Math.sin(angle) };
    added.merge(cy.add(e));
  });
  cy.add(slice.edges.filter((e) => cy.getElementById(e.id).empty()).map(edgeElement));
  // Only what the expansion added moves; the graph the reader knows stays where it was.
  if (added.length) await layout(cy, false, added.union(parent), [{ nodeId: id, position: { ...origin } }]);
  if (mine !== epoch) return;
  noteTruncation(slice, s, fresh.length);
  finishDraw();
  signal("expand", started);
  nameHomonyms(mine);
}

function noteTruncation(slice, s, added = null) {
  const note = $("truncated");
  note.hidden = !slice.truncated;
  note.textContent = slice.truncated
    ? `Some neighbours are not shown (limits: ${s.limit} nodes, ${s.per} per node; ` +
      `${plural(slice.totalNeighbors ?? 0, "direct neighbour")}). Double-click a node to expand it.`
    : "";
  if (added !== null) note.dataset.added = String(added);
}

// Labels, legend and the list, after anything changed what is drawn.
function finishDraw() {
  placeLabels(cy);
  drawLegend();
  listNodes();
}

async function nameHomonyms(mine) {
  const byLabel = new Map();
  cy.nodes().forEach((n) => byLabel.set(n.data("label"), [...(byLabel.get(n.data("label")) || []), n]));
  const twins = [...byLabel.values()].filter((group) => group.length > 1).flat();
  if (!twins.length) return;
  const ask = twins.filter((n) => n.data("type") !== "PAPER").map((n) => n.id());
  let context = new Map();
  if (ask.length) {
    let data;
    try {
      data = await gql(CONTEXT, { ids: ask });
    } catch {
      return; // the names stay as they are; the graph is still right
    }
    if (mine !== epoch) return;
    context = new Map(data.nodes.filter(Boolean).map((n) => [n.id, n]));
  }
  twins.forEach((n) => {
    const extra = contextOf(n, context.get(n.id()));
    if (extra) n.data("name", `${n.data("label")} (${extra})`);
  });
  // Twins with the same context too are told apart by their works.
  const seen = new Map();
  twins.forEach((n) => seen.set(n.data("name"), (seen.get(n.data("name")) || 0) + 1));
  twins.forEach((n) => {
    if (seen.get(n.data("name")) > 1 && n.data("worksCount") != null) {
      n.data("name", `${n.data("name")}, ${plural(n.data("worksCount"), "work")}`);
    }
  });
  placeLabels(cy);
  listNodes();
}

function contextOf(node, full) {
  const type = node.data("type");
  if (type === "PAPER") return node.data("year") ? String(node.data("year")) : "";
  if (!full) return "";
  if (type === "AUTHOR") {
    const latest = [...full.institutions].sort((a, b) => (b.lastYear ?? 0) - (a.lastYear ?? 0))[0];
    return latest ? latest.institution.name : `${plural(full.worksCount, "work")}`;
  }
  if (type === "TOPIC") return full.parent?.name || "";
  return full.countryCode || "";
}

// --- legend, list and tooltip ------------------------------------------------------------------

const SIZES = {
  AUTHOR: "citations",
  PAPER: "citations",
  TOPIC: "papers",
  INSTITUTION: "researchers",
};

function drawLegend() {
  const present = TYPES.filter((t) => cy.nodes(`[type = "${t}"]`).length);
  const box = $("legend");
  box.hidden = !present.length;
  box.innerHTML = `<ul class="plain">${present
    .map(
      (t) => `<li><span class="dot" style="background:${COLOURS[t]}"></span>${NOUNS[t]}s
        <small>size: ${SIZES[t]}</small></li>`,
    )
    .join("")}
    <li><span class="dot ring"></span>the centre</li>
    ${cy.$(".on-path").length ? '<li><span class="dot ring path"></span>the path</li>' : ""}
    <li><small>line width: shared works · zoom in for more names</small></li></ul>`;
}

function listNodes() {
  const nodes = cy.nodes().sort((a, b) => a.data("hop") - b.data("hop") || b.data("weight") - a.data("weight"));
  const list = $("node-list");
  list.querySelector("summary").textContent = nodes.length
    ? `The graph's ${plural(nodes.length, "node")} as a list`
    : "The graph's nodes as a list";
  list.querySelector("ul").innerHTML = nodes
    .map(
      (n) => `<li><button type="button" class="node-pick" data-id="${escapeHtml(n.id())}">
        <span class="kind kind-${n.data("type")}">${NOUNS[n.data("type")]}</span>${escapeHtml(n.data("name"))}</button>
        <small>${escapeHtml(factsOf(n))}</small></li>`,
    )
    .join("");
}

function factsOf(n) {
  const d = n.data();
  return [
    d.hop === 0 ? "the centre" : `${plural(d.hop, "step")} away`,
    d.year,
    d.citations != null && plural(d.citations, "citation"),
    d.type !== "PAPER" && d.worksCount != null && plural(d.worksCount, "work"),
  ]
    .filter(Boolean)
    .join(" · ");
}

function showTip(node) {
  const tip = $("tip");
  const p = node.renderedPosition();
  tip.innerHTML = `<b>${escapeHtml(node.data("name"))}</b><br><small>${NOUNS[node.data("type")]} · ${escapeHtml(factsOf(node))}</small>`;
  tip.hidden = false;
  const width = $("graph").clientWidth;
  tip.style.left = `${Math.max(4, Math.min(width - tip.offsetWidth - 4, p.x - tip.offsetWidth / 2))}px`;
  tip.style.top = `${Math.max(4, p.y - node.renderedHeight() / 2 - tip.offsetHeight - 8)}px`;
}

// --- the centre's panel and the selection ------------------------------------------------------

const PROFILE = `query($id: ID!, $after: String) { author(id: $id) {
  id name orcid worksCount citationCount hIndex
  institutions { institution { id name countryCode } firstYear lastYear papers }
  topics(first: 6) { topic { id name } works }
  collaborators(first: 8) { totalCount nodes { author { id name } sharedWorks lastYear } }
  works(first: 20, after: $after) { totalCount pageInfo { hasNextPage endCursor }
    nodes { id title year venue citedByCount } } } }`;

let panelController = null;

function showCentrePanel(id, type) {
  if (panelController) panelController.abort();
  panelController = new AbortController();
  const signalled = panelController.signal;
  const retry = () => showCentrePanel(id, type);
  if (type === "AUTHOR") showProfile(id, null, signalled, retry);
  else showDetails($("profile"), { id, type, signal: signalled, retry });
}

function workItem(w) {
  return `<li data-id="${escapeHtml(w.id)}"><span class="year">${w.year ?? ""}</span>
    <a class="title" href="/paper/${encodePath(w.id)}">${escapeHtml(w.title ?? w.id)}</a>
    <small>${w.venue ? `<i>${escapeHtml(w.venue)}</i> · ` : ""}${plural(w.citedByCount, "citation")} ·
    <a class="recentre" href="/?id=${encodePath(w.id)}" data-id="${escapeHtml(w.id)}"
      aria-label="Centre the graph on ${escapeHtml(w.title ?? w.id)}">centre the graph</a></small></li>`;
}

async function showProfile(id, after, signalled, retry) {
  if (after) {
    const more = $("more-works");
    more.disabled = true;
    more.textContent = "Loading more works…";
    try {
      const data = await gql(PROFILE, { id, after }, signalled);
      $("works").insertAdjacentHTML("beforeend", data.author.works.nodes.map(workItem).join(""));
      moreWorks(id, data.author.works.pageInfo, signalled, retry);
    } catch (error) {
      if (error.name === "AbortError") return;
      more.disabled = false;
      more.textContent = `Could not load more works (${error.message}). Try again`;
    }
    return;
  }
  const a = await loadInto($("profile"), {
    what: "Loading the researcher",
    query: PROFILE,
    variables: { id, after: null },
    pick: (data) => data.author,
    signal: signalled,
    retry,
    missing: `No researcher with the id ${id} is in the graph.`,
    next: "<p>Search for them by name in the box above.</p>",
  });
  if (!a) return;
  const places = [...a.institutions].sort((x, y) => (y.lastYear ?? 0) - (x.lastYear ?? 0));
  $("profile").innerHTML = `
    <h2 id="profile-name">${escapeHtml(a.name)}</h2>
    <p><a href="/author/${encodePath(a.id)}">Researcher page and papers</a></p>
    <p class="metrics"><b id="profile-works">${a.worksCount}</b> works ·
      <b id="profile-citations">${a.citationCount}</b> citations ·
      h-index <b id="profile-h">${a.hIndex}</b></p>
    ${a.orcid ? `<p><small>ORCID ${escapeHtml(a.orcid)}</small></p>` : ""}
    <h3>Affiliations</h3><ul>${
      places
        .map(
          (i) => `<li>${nodeLink(i.institution.id, i.institution.name)} ${escapeHtml(i.institution.countryCode ?? "")}
            <small>${i.firstYear ?? ""}–${i.lastYear ?? ""}, ${plural(i.papers, "paper")}</small></li>`,
        )
        .join("") || "<li><small>none given</small></li>"
    }</ul>
    <h3>Topics</h3><ul class="chips">${a.topics
      .map((t) => `<li>${nodeLink(t.topic.id, t.topic.name)} <small>${t.works}</small></li>`)
      .join("")}</ul>
    <h3>Close collaborators <small>(${a.collaborators.totalCount})</small></h3>
    <ul>${a.collaborators.nodes
      .map((c) => `<li>${nodeLink(c.author.id, c.author.name, `${c.sharedWorks} shared, last ${c.lastYear ?? ""}`)}</li>`)
      .join("")}</ul>
    <h3>Works <small>(${a.works.totalCount})</small></h3><ol id="works">${a.works.nodes.map(workItem).join("")}</ol>
    <button id="more-works" class="load-more" type="button" hidden>More works</button>`;
  moreWorks(id, a.works.pageInfo, signalled, retry);
}

function moreWorks(id, pageInfo, signalled, retry) {
  const more = $("more-works");
  more.hidden = !pageInfo.hasNextPage;
  more.disabled = false;
  more.textContent = "More works";
  more.onclick = () => showProfile(id, pageInfo.endCursor, signalled, retry);
}

let selectController = null;

function select(id) {
  cy.$(":selected").unselect();
  if (selectController) selectController.abort();
  if (!id) {
    $("details").innerHTML = `<p class="hint">Click a node, or pick one from the list below the graph, for its details; double-click a node to expand it.</p>`;
    return;
  }
  const node = cy.getElementById(id);
  if (node.nonempty()) node.select();
  const type = node.nonempty() ? node.data("type") : kindOf(id);
  selectController = new AbortController();
  showDetails($("details"), {
    id,
    type,
    signal: selectController.signal,
    retry: () => select(id),
    actions: () => `<p class="actions">
      ${id === want.id ? "" : `<button type="button" class="recentre" data-id="${escapeHtml(id)}">Centre the graph here</button>`}
      ${want.open.includes(id) ? "" : `<button type="button" class="expand" data-id="${escapeHtml(id)}">Expand</button>`}
      ${id === want.id ? "" : `<button type="button" class="path-here" data-id="${escapeHtml(id)}">Path from the centre to here</button>`}</p>`,
  });
  markTab("selected");
}

// --- paths ----------------------------------------------------------------------------------------

const WORDS = {
  AUTHORED: ["wrote", "was written by"],
  CITES: ["cites", "is cited by"],
  HAS_TOPIC: ["is about", "is the topic of"],
  SUBTOPIC_OF: ["is part of", "includes"],
  AFFILIATED_WITH: ["is affiliated with", "is the home of"],
  PART_OF: ["is part of", "includes"],
  COLLABORATES_WITH: ["co-authored with", "co-authored with"],
  SIMILAR_TO: ["is similar to", "is similar to"],
};

function pathInfo(html) {
  $("path-info").hidden = !html;
  $("path-info").innerHTML = html;
}

async function showPath(s, mine) {
  cy.elements().removeClass("on-path faded");
  $("path-clear").hidden = !s.path;
  if (!s.path) {
    pathInfo("");
    $("graph").dataset.pathLength = "";
    return;
  }
  const started = performance.now();
  pathInfo(`<span class="spinner"></span> Finding a path from ${escapeHtml(centre.label)}…`);
  const data = await gql(PATH, {
    from: s.id,
    to: s.path,
    projection: s.co ? "COLLABORATION" : "FULL",
    steps: MAX_STEPS,
  });
  if (mine !== epoch) return;
  const target = data.target;
  if (!target) {
    pathInfo(`<p class="path-missing">Nothing in the graph has the id <b>${escapeHtml(s.path)}</b>. Type a name in “Path to” and pick one from the list.</p>`);
    $("graph").dataset.pathLength = "missing";
    signal();
    return;
  }
  const name = target.name || target.title || target.id;
  if (s.path === s.id) {
    pathInfo(`<p>That is the centre itself. Pick another node to find a path to.</p>`);
    signal();
    return;
  }
  if (!data.path) {
    pathInfo(`<p class="path-none">No connection between <b>${escapeHtml(centre.label)}</b> and <b>${escapeHtml(name)}</b>
      within ${MAX_STEPS} steps${s.co ? " through co-authors alone. Turn off “co-authors only” for links through papers and institutions" : ""}.</p>`);
    $("graph").dataset.pathLength = "none";
    signal();
    return;
  }
  const nodes = [...data.path.nodes].sort((a, b) => a.hop - b.hop);
  placePathNodes(nodes);
  cy.add(data.path.edges.filter((e) => cy.getElementById(e.id).empty()).map(edgeElement));
  const on = cy.collection();
  nodes.forEach((n) => on.merge(cy.getElementById(n.id)));
  data.path.edges.forEach((e) => on.merge(cy.getElementById(e.id)));
  on.addClass("on-path");
  cy.elements().difference(on).addClass("faded");
  pathInfo(`<p class="path-head">${plural(data.path.edges.length, "step")} from the centre:</p>
    <ol class="path-steps">${steps(nodes, data.path.edges)}</ol>`);
  $("graph").dataset.pathLength = String(data.path.edges.length);
  finishDraw();
  signal("path", started);
}

// Nodes of a path not yet drawn go between their drawn neighbours on it: nothing else moves.
function placePathNodes(nodes) {
  const known = nodes.map((n) => cy.getElementById(n.id)).map((e) => (e.nonempty() ? { ...e.position() } : null));
  nodes.forEach((n, i) => {
    if (known[i]) return;
    const before = known.slice(0, i).reverse().findIndex(Boolean);
    const afterAt = known.slice(i + 1).findIndex(Boolean);
    const a = before >= 0 ? { p: known[i - 1 - before], at: i - 1 - before } : null;
    const b = afterAt >= 0 ? { p: known[i + 1 + afterAt], at: i + 1 + afterAt } : null;
    let position;
    if (a && b) {
      const t = (i - a.at) / (b.at - a.at);
      position = { x: a.p.x + t * (b.p.x - a.p.x) + 30, y: a.p.y + t * (b.p.y - a.p.y) + 30 };
    } else {
      const from = (a || b).p;
      position = { x: from.x + 110 * Math.abs(i - (a || b).at), y: from.y + 50 };
    }
    known[i] = position;
    cy.add({ ...element({ ...n, hop: n.hop }), position });
  });
}

function steps(nodes, edges) {
  const parts = [];
  nodes.forEach((n, i) => {
    parts.push(`<li class="step-node"><span class="kind kind-${n.type}">${NOUNS[n.type]}</span>${nodeLink(n.id, n.label)}</li>`);
    const next = nodes[i + 1];
    if (!next) return;
    const edge = edges.find((e) => (e.source === n.id && e.target === next.id) || (e.source === next.id && e.target === n.id));
    const [forward, back] = WORDS[edge?.type] || ["is linked to", "is linked to"];
    parts.push(`<li class="step-link">${edge && edge.source === n.id ? forward : back}</li>`);
  });
  return parts.join("");
}

// --- one address, drawn ---------------------------------------------------------------------------

function startsWith(list, prefix) {
  return prefix.length <= list.length && prefix.every((id, i) => list[i] === id);
}

async function show(next) {
  const mine = ++epoch;
  writeControls(next);
  $("path-to").value = next.path ? $("path-to").value || next.path : "";
  if (!next.id) {
    drawn = null;
    centre = null;
    document.title = "Research graph explorer";
    $("profile").innerHTML = `<p class="hint">Search for a researcher, paper, topic or institution to see it and the graph around it.</p>`;
    emptyGraph("welcome", "Search above for a researcher, paper, topic or institution.", "Its graph appears here: double-click a node to expand it, and find paths between nodes below the settings.");
    return;
  }
  try {
    if (!drawn || sliceKey(drawn) !== sliceKey(next) || !startsWith(next.open, drawn.open)) {
      drawn = null;
      if (!(await drawCentre(next, mine))) return;
      drawn = { ...next, open: [], path: null, sel: null };
    }
    for (const id of next.open.slice(drawn.open.length)) {
      await expand(next, id, mine);
      if (mine !== epoch) return;
      drawn.open = [...drawn.open, id];
    }
    if (next.path !== drawn.path) {
      await showPath(next, mine);
      if (mine !== epoch) return;
      drawn.path = next.path;
    }
    if (next.sel !== drawn.sel) {
      select(next.sel);
      drawn.sel = next.sel;
    }
  } catch (error) {
    if (mine !== epoch || error.name === "AbortError") return;
    drawn = null;
    graphFailed(error, () => show(want));
  }
}

// --- wiring -----------------------------------------------------------------------------------------

function markTab(tab) {
  const button = document.querySelector(`#explore-tabs [data-tab="${tab}"]`);
  if (button && $("explore").dataset.tab !== tab) button.classList.add("news");
}

document.querySelectorAll("#explore-tabs button").forEach((button) => {
  button.addEventListener("click", () => {
    $("explore").dataset.tab = button.dataset.tab;
    button.classList.remove("news");
    document.querySelectorAll("#explore-tabs button").forEach((b) => b.setAttribute("aria-pressed", String(b === button)));
    if (button.dataset.tab === "graph") cy.resize();
  });
});

cy.on("tap", "node", (event) => choose(event.target.id()));
cy.on("tap", (event) => {
  if (event.target === cy) choose(null);
});
cy.on("dbltap", "node", (event) => {
  const id = event.target.id();
  if (!want.open.includes(id)) go({ open: [...want.open, id] });
});
cy.on("mouseover", "node", (event) => {
  event.target.addClass("hover");
  showTip(event.target);
});
cy.on("mouseout", "node", (event) => {
  event.target.removeClass("hover");
  $("tip").hidden = true;
});
cy.on("pan zoom", () => {
  $("tip").hidden = true;
});
followZoom(cy);
// A narrower window or another panel layout keeps the whole graph in view.
new ResizeObserver(() => {
  cy.resize();
  if (cy.nodes().length && !$("explore").hidden) {
    cy.fit(undefined, 24);
    placeLabels(cy);
  }
}).observe($("graph"));
// Compiles the layout code while the reader types their first search.
(window.requestIdleCallback || setTimeout)(warmLayout);

$("explore").addEventListener("click", (event) => {
  const target = event.target.closest(".recentre, .expand, .path-here, .node-pick");
  if (!target || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
  event.preventDefault();
  const id = target.dataset.id;
  if (target.classList.contains("recentre")) {
    go({ id, open: [], path: null, sel: null });
  } else if (target.classList.contains("expand")) {
    go({ open: [...want.open, id] });
  } else if (target.classList.contains("path-here")) {
    $("path-to").value = cy.getElementById(id).data("name") || id;
    go({ path: id });
  } else {
    choose(id);
  }
});
// The list stands in for the graph at the keyboard: a focused item is marked in the graph.
$("node-list").addEventListener("focusin", (event) => {
  const item = event.target.closest(".node-pick");
  cy.nodes(".hover").removeClass("hover");
  if (item) cy.getElementById(item.dataset.id).addClass("hover");
});
$("node-list").addEventListener("focusout", () => cy.nodes(".hover").removeClass("hover"));

$("apply").addEventListener("click", () => {
  if (!want.id) return;
  navigate(addressOf({ ...stateOfControls(want), open: [], sel: null }));
});
$("controls").addEventListener("keydown", (event) => {
  if (event.key === "Enter" && event.target.matches("input")) $("apply").click();
});

let pathPick = null; // the hit picked in "Path to", while the box still shows its name
picker({
  input: $("path-to"),
  list: $("path-results"),
  onPick(hit) {
    pathPick = hit;
    if (want.id) go({ path: hit.id });
  },
});
const SEARCH_ONE = `query($q: String!) { search(query: $q, first: 1) { node { id } } }`;
$("path-go").addEventListener("click", async () => {
  const text = $("path-to").value.trim();
  if (!want.id) {
    pathInfo("<p>Pick a centre first: search for it in the box above.</p>");
    return;
  }
  if (!text) {
    pathInfo("<p>Type a name in “Path to” and pick a researcher, paper, topic or institution.</p>");
    return;
  }
  if (pathPick && pathPick.label === text) {
    go({ path: pathPick.id });
    return;
  }
  // A name typed without picking: its best match; an id: itself.
  if (/^([AWIXT]\d+|arXiv:.+|https?:\/\/.+)$/i.test(text)) {
    go({ path: text });
    return;
  }
  pathInfo(`<span class="spinner"></span> Looking for “${escapeHtml(text)}”…`);
  try {
    const data = await gql(SEARCH_ONE, { q: text });
    if (!data.search.length) {
      pathInfo(`<p class="path-missing">No researcher, paper, topic or institution matches “${escapeHtml(text)}”. Try other words.</p>`);
      $("graph").dataset.pathLength = "missing";
      signal();
      return;
    }
    go({ path: data.search[0].node.id });
  } catch (error) {
    pathInfo(`<p>Could not search for “${escapeHtml(text)}”: ${escapeHtml(error.message)}</p>`);
  }
});
$("path-clear").addEventListener("click", () => go({ path: null }));

// For tests and scripts: the graph as drawn.
window.explorer = {
  nodeIds: () => cy.nodes().map((n) => n.id()),
  edgeIds: () => cy.edges().map((e) => e.id()),
  // Page coordinates of a node, for a test's mouse.
  pagePosition: (id) => {
    const box = $("graph").getBoundingClientRect();
    const p = cy.getElementById(id).renderedPosition();
    return { x: box.left + p.x, y: box.top + p.y };
  },
  labelBoxes: () => drawnLabelBoxes(cy),
  positions: () => Object.fromEntries(cy.nodes().map((n) => [n.id(), n.position()])),
  names: () => cy.nodes().map((n) => ({ id: n.id(), name: n.data("name"), shown: n.hasClass("unlabelled") ? "" : n.data("short") })),
  onPath: () =>
    cy.$("node.on-path").map((n) => ({
      id: n.id(),
      type: n.data("type"),
      colour: n.style("background-color"),
      size: n.renderedWidth(),
      faded: n.hasClass("faded"),
    })),
  faded: () => cy.$(".faded").length,
  // Centres the graph on a node with the settings the controls show (as a search pick does).
  pick: (id) => navigate(addressOf({ ...stateOfControls(want), id, open: [], path: null, sel: null })),
  expand: (id) => go({ open: [...want.open, id] }),
};

// The view of `/`: the address is the state; a new address is drawn as a change to the last.
export const exploreView = {
  enter(_id, params) {
    document.title = "Research graph explorer";
    $("explore").hidden = false;
    $("page").hidden = true;
    cy.resize();
    want = stateOf(params);
    show(want);
  },
  update(_id, params) {
    want = stateOf(params);
    show(want);
    return true;
  },
  leave() {
    $("explore").hidden = true;
    $("page").hidden = false;
    $("tip").hidden = true;
  },
};

