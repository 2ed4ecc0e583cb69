// The graph explorer (/ and /?id=<id>): a researcher's profile and the graph around a node,
// expanded by double-click, with paths between nodes.
import { encodePath, escapeHtml, gql as request, kindOf, pathOf } from "./api.js";
import { navigate } from "./router.js";
import { cytoscape, edgeElement, layout as runLayout, nodeElement, STYLE } from "./graphstyle.js";

const $ = (id) => document.getElementById(id);

// The explorer reports failures in the banner above it.
async function gql(query, variables) {
  try {
    const data = await request(query, variables);
    showError("");
    return data;
  } catch (error) {
    showError(error.message);
    throw error;
  }
}

function showError(message) {
  $("error").textContent = message;
  $("error").hidden = !message;
}

async function pick(id, type) {
  const started = performance.now();
  const work = [drawSlice(id, started)];
  if (type === "Author") work.push(showProfile(id));
  await Promise.all(work);
}

// --- profile ---------------------------------------------------------------------------

const PROFILE = `query($id: ID!, $after: String) { author(id: $id) {
  id name orcid worksCount citationCount hIndex
  institutions { institution { id name countryCode } firstYear lastYear papers }
  topics(first: 6) { topic { id name } works }
  collaborators(first: 8) { totalCount nodes { author { id name } sharedWorks lastYear } }
  works(first: 20, after: $after) { totalCount pageInfo { hasNextPage endCursor }
    nodes { id title year venue citedByCount } } } }`;

let profileId = null;

async function showProfile(id, after = null) {
  const data = await gql(PROFILE, { id, after });
  const a = data.author;
  if (!a) return;
  profileId = id;
  const works = a.works.nodes
    .map(
      (w) => `<li data-id="${escapeHtml(w.id)}"><span class="year">${w.year ?? ""}</span>
        <span class="venue">${escapeHtml(w.venue ?? "")}</span>
        <a class="title" href="/paper/${encodePath(w.id)}">${escapeHtml(w.title ?? w.id)}</a>
        <small>${w.citedByCount} cit.</small></li>`,
    )
    .join("");
  if (after) {
    $("works").insertAdjacentHTML("beforeend", works);
  } else {
    $("profile").innerHTML = `
      <h2 id="profile-name">${escapeHtml(a.name)}</h2>
      <p><a href="/author/${encodePath(a.id)}">Researcher page and papers</a></p>
      <p class="metrics"><b id="profile-works">${a.worksCount}</b> works ·
        <b id="profile-citations">${a.citationCount}</b> citations ·
        h-index <b id="profile-h">${a.hIndex}</b></p>
      ${a.orcid ? `<p><small>ORCID ${escapeHtml(a.orcid)}</small></p>` : ""}
      <h3>Affiliations</h3><ul>${
        a.institutions
          .map(
            (i) => `<li>${escapeHtml(i.institution.name)} ${escapeHtml(i.institution.countryCode ?? "")}
              <small>${i.firstYear ?? ""}–${i.lastYear ?? ""}, ${i.papers} papers</small></li>`,
          )
          .join("") || "<li><small>none given</small></li>"
      }</ul>
      <h3>Topics</h3><ul class="chips">${a.topics
        .map((t) => `<li>${escapeHtml(t.topic.name)} <small>${t.works}</small></li>`)
        .join("")}</ul>
      <h3>Close collaborators <small>(${a.collaborators.totalCount})</small></h3>
      <ul>${a.collaborators.nodes
        .map(
          (c) => `<li><a href="#" class="person" data-id="${escapeHtml(c.author.id)}">${escapeHtml(
            c.author.name,
          )}</a> <small>${c.sharedWorks} shared, last ${c.lastYear ?? ""}</small></li>`,
        )
        .join("")}</ul>
      <h3>Works <small>(${a.works.totalCount})</small></h3><ol id="works">${works}</ol>
      <button id="more-works" hidden>More works</button>`;
  }
  const more = $("more-works");
  more.hidden = !a.works.pageInfo.hasNextPage;
  more.onclick = () => showProfile(id, a.works.pageInfo.endCursor);
}

// --- graph -----------------------------------------------------------------------------

const SLICE = `query($id: ID!, $depth: Int!, $limit: Int!, $per: Int!, $types: [NodeType!],
  $from: Int, $to: Int, $projection: Projection!) {
  neighborhood(id: $id, depth: $depth, limit: $limit, perNodeLimit: $per, nodeTypes: $types,
               yearFrom: $from, yearTo: $to, projection: $projection) {
    truncated totalNeighbors
    nodes { id type label weight hop year citations worksCount }
    edges { id source target type weight } } }`;

const PATH = `query($from: ID!, $to: ID!, $projection: Projection!) {
  path(from: $from, to: $to, projection: $projection) {
    nodes { id type label weight hop year citations worksCount }
    edges { id source target type weight } } }`;

const cy = cytoscape({ container: $("graph"), wheelSensitivity: 0.3, style: STYLE });

function controls() {
  const types = [...document.querySelectorAll("input[name=type]:checked")].map((i) => i.value);
  const year = (id) => ($(id).value ? Number($(id).value) : null);
  return {
    depth: Number($("depth").value),
    limit: Number($("limit").value),
    per: Number($("per").value),
    types: types.length === 4 ? null : types,
    from: year("year-from"),
    to: year("year-to"),
    projection: $("collaboration").checked ? "COLLABORATION" : "FULL",
  };
}



let centerId = null;

async function drawSlice(id, started = performance.now()) {
  const data = await gql(SLICE, { id, ...controls() });
  const slice = data.neighborhood;
  if (!slice) return;
  centerId = id;
  cy.elements().remove();
  cy.add(slice.nodes.map(nodeElement));
  cy.add(slice.edges.map(edgeElement));
  cy.getElementById(id).addClass("center");
  await runLayout(cy, true);
  noteTruncation(slice);
  done("draw", started);
}

async function expand(id) {
  const started = performance.now();
  const data = await gql(SLICE, { id, ...controls(), depth: 1 });
  const slice = data.neighborhood;
  if (!slice) return;
  const parent = cy.getElementById(id);
  const origin = parent.position();
  const fresh = slice.nodes.filter((n) => cy.getElementById(n.id).empty());
  const old = cy.nodes();
  old.lock();
  fresh.forEach((n, i) => {
    const angle = (2 * Math.PI * i) / Math.max(1, fresh.length);
    const element = nodeElement(n);
    element.position = { x: origin.x + 80 * Math.cos(angle), y: origin.y + 80 * Math.sin(angle) };
    cy.add(element);
  });
  cy.add(slice.edges.filter((e) => cy.getElementById(e.id).empty()).map(edgeElement));
  await runLayout(cy, false);
  old.unlock();
  noteTruncation(slice, fresh.length);
  done("expand", started);
}


function noteTruncation(slice, added = null) {
  const note = $("truncated");
  note.hidden = !slice.truncated;
  note.textContent = slice.truncated
    ? `Some neighbours are not shown (limits: ${$("limit").value} nodes, ` +
      `${$("per").value} per node; ${slice.totalNeighbors} direct neighbours). ` +
      "Double-click a node to expand it."
    : "";
  if (added !== null) note.dataset.added = String(added);
}

function done(what, started) {
  const ms = Math.round(performance.now() - started);
  const graph = $("graph");
  graph.dataset.nodeCount = String(cy.nodes().length);
  graph.dataset.edgeCount = String(cy.edges().length);
  graph.dataset[`${what}Ms`] = String(ms);
  graph.dataset.ready = String(Number(graph.dataset.ready || 0) + 1);
  $("status").textContent = `${cy.nodes().length} nodes, ${cy.edges().length} edges · ${what} in ${ms} ms`;
}

function showDetails(node) {
  const d = node.data();
  $("details").innerHTML = `<h3><span class="kind kind-${d.type}">${d.type.toLowerCase()}</span>
      ${escapeHtml(d.label)}</h3>
    <p><small>${escapeHtml(d.id)}${d.year ? ` · ${d.year}` : ""}${
      d.citations != null ? ` · ${d.citations} citations` : ""
    }${d.worksCount != null ? ` · ${d.worksCount} works` : ""}</small></p>
    <p><a href="${pathOf(d.id, d.type)}">Open its page</a>${
      d.type === "PAPER" ? ` · <a href="/similar/${encodePath(d.id)}">Similar papers</a>` : ""
    }</p>
    ${d.type === "AUTHOR" ? `<button class="person" data-id="${escapeHtml(d.id)}">Open profile</button>` : ""}
    <button id="path-from-here">Path from the centre to here</button>`;
  $("path-from-here").onclick = () => drawPath(centerId, d.id);
}

async function drawPath(from, to) {
  if (!from || !to || from === to) return;
  const data = await gql(PATH, { from, to, projection: controls().projection });
  cy.elements().removeClass("on-path");
  if (!data.path) {
    showError(`No connection between ${from} and ${to} within 6 steps.`);
    return;
  }
  const fresh = data.path.nodes.filter((n) => cy.getElementById(n.id).empty());
  cy.add(fresh.map(nodeElement));
  cy.add(data.path.edges.filter((e) => cy.getElementById(e.id).empty()).map(edgeElement));
  if (fresh.length) {
    const old = cy.nodes().difference(cy.collection(fresh.map((n) => cy.getElementById(n.id))));
    old.lock();
    await runLayout(cy, false);
    old.unlock();
  }
  data.path.nodes.forEach((n) => cy.getElementById(n.id).addClass("on-path"));
  data.path.edges.forEach((e) => cy.getElementById(e.id).addClass("on-path"));
  $("graph").dataset.pathLength = String(data.path.edges.length);
}

// --- wiring ----------------------------------------------------------------------------

cy.on("tap", "node", (event) => showDetails(event.target));
cy.on("dbltap", "node", (event) => expand(event.target.id()));
document.addEventListener("click", (event) => {
  const person = event.target.closest(".person");
  if (!person) return;
  event.preventDefault();
  navigate(`/?id=${encodePath(person.dataset.id)}`);
});
$("apply").addEventListener("click", () => centerId && drawSlice(centerId));
$("path-go").addEventListener("click", () => drawPath(centerId, $("path-to").value.trim()));

// For tests and scripts: the graph as drawn.
window.explorer = {
  nodeIds: () => cy.nodes().map((n) => n.id()),
  // Page coordinates of a node, for a test's mouse.
  pagePosition: (id) => {
    const box = $("graph").getBoundingClientRect();
    const p = cy.getElementById(id).renderedPosition();
    return { x: box.left + p.x, y: box.top + p.y };
  },
  edgeIds: () => cy.edges().map((e) => e.id()),
  expand,
  pick,
};

// The view of `/`: shown, and centred on `?id=` when the address names a node.
export const exploreView = {
  enter(_id, params) {
    document.title = "Research graph explorer";
    $("explore").hidden = false;
    $("page").hidden = true;
    cy.resize();
    const id = params.get("id");
    if (id && id !== centerId) pick(id, kindOf(id) === "AUTHOR" ? "Author" : "");
  },
  leave() {
    $("explore").hidden = true;
    $("page").hidden = false;
    showError("");
  },
};
