// Similar papers (/similar/<id>): a paper's neighbourhood as Connected Papers reads it. The
// paper and its most similar papers are drawn left to right by date, sized by citations,
// coloured by year and joined by their similarity; beside the graph, the same papers as a list
// and the prior and derivative works (?list=prior|derivative). The paper picked in the graph
// or a list is kept in the address (?selected=<id>), so a reload or a shared link shows it.
import { loadNode, pageView } from "../../components/page.js";
import { loadInto } from "../../components/states.js";
import { escapeHtml } from "../../lib/html.js";
import { encodePath } from "../../lib/ids.js";
import { drawGraph } from "./graph.js";
import { colourOf, legend } from "./legend.js";
import { drawList, listOf } from "./lists.js";
import { HEAD, SLICES } from "./queries.js";
import { pick } from "./selection.js";

// What this view shows: the paper's id, its slices and lists, the graph (null before there
// is any).
let shown = null;

function show(list, params) {
  drawList(shown, list);
  const picked = params.get("selected");
  pick(shown, picked && shown.byId.has(picked) ? picked : null);
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
      drawing: null,
      picked: null,
      colours: new Map(drawnNodes.length > 1 ? drawnNodes.map((n) => [n.id, colourOf(n.year, low, high)]) : []),
      byId: new Map([...slices.citation.nodes, ...drawnNodes].map((n) => [n.id, n])),
      nodes: { similar: byRole("SIMILAR"), prior: byRole("PRIOR"), derivative: byRole("DERIVATIVE") },
    };
    if (drawnNodes.length > 1) {
      page.querySelector("#similar-legend").innerHTML = legend(low, high);
      await drawGraph(shown, slices.similar);
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
  pick(shown, shown.picked === id ? null : id);
});
document.addEventListener("keydown", (event) => {
  if (event.key === "Escape" && shown?.picked && !event.target.closest("input, select, textarea")) pick(shown, null);
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

// For tests and scripts: the graph as drawn (nothing while there is none).
window.similar = {
  // Where each paper is drawn, by id (model coordinates; the axis's years are left out).
  positions: () =>
    shown?.cy ? Object.fromEntries(shown.cy.nodes("[colour]").map((n) => [n.id(), n.position()])) : {},
  // The number of the drawing shown: the same until the graph is drawn again.
  drawing: () => (shown?.cy ? shown.drawing : null),
};
