// A path from the centre to another node (?path=): drawn in the graph, the rest faded, and
// told step by step beside it; and the "Path to" box that asks for one.
import { nodeLink } from "../../components/details.js";
import { picker } from "../../components/picker.js";
import { edgeElement, NOUNS } from "../../graph/style.js";
import { gql } from "../../lib/api.js";
import { plural } from "../../lib/format.js";
import { escapeHtml } from "../../lib/html.js";
import { element, finishDraw } from "./draw.js";
import { cy, signal } from "./graph.js";
import { PATH, SEARCH_ONE } from "./queries.js";
import { go, state } from "./state.js";

const $ = (id) => document.getElementById(id);
const MAX_STEPS = 6;

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

export async function showPath(s, mine) {
  cy.elements().removeClass("on-path faded");
  $("path-clear").hidden = !s.path;
  if (!s.path) {
    pathInfo("");
    $("graph").dataset.pathLength = "";
    return;
  }
  const started = performance.now();
  pathInfo(`<span class="spinner"></span> Finding a path from ${escapeHtml(state.centre.label)}…`);
  const data = await gql(PATH, {
    from: s.id,
    to: s.path,
    projection: s.co ? "COLLABORATION" : "FULL",
    steps: MAX_STEPS,
  });
  if (mine !== state.epoch) return;
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
    pathInfo(`<p class="path-none">No connection between <b>${escapeHtml(state.centre.label)}</b> and <b>${escapeHtml(name)}</b>
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

// The "Path to" box: a hit picked from its list, a name typed (its best match) or an id.
export function startPathControls() {
  let pathPick = null; // the hit picked in "Path to", while the box still shows its name
  picker({
    input: $("path-to"),
    list: $("path-results"),
    onPick(hit) {
      pathPick = hit;
      if (state.want.id) go({ path: hit.id });
    },
  });
  $("path-go").addEventListener("click", async () => {
    const text = $("path-to").value.trim();
    if (!state.want.id) {
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
}
