// An institution's page (/institution/<id>): where it is, what it belongs to, its most cited
// or newest papers, the authors with most papers there, and its graph.
import { miniGraph } from "../../components/minigraph.js";
import { loadNode, pageView } from "../../components/page.js";
import { PAPER_ITEM, pagedList } from "../../components/paperlist.js";
import { ORDERS, sortOf, sortTabs } from "../../components/tabs.js";
import { plural } from "../../lib/format.js";
import { escapeHtml } from "../../lib/html.js";
import { encodePath } from "../../lib/ids.js";

const HEAD = `query($id: ID!) { institution(id: $id) {
  id name countryCode type ror parents { id name }
  authors(first: 10) { totalCount nodes { author { id name hIndex worksCount } papers firstYear lastYear } } } }`;

const WORKS = `query($id: ID!, $order: PaperOrder, $after: String, $counted: Boolean = true) {
  papers(filter: { institutionIds: [$id] }, orderBy: $order, first: 20, after: $after) {
    totalCount @include(if: $counted) pageInfo { hasNextPage endCursor } nodes { ${PAPER_ITEM} } } }`;

export const institutionView = pageView(async (id, params, stop) => {
  const page = document.getElementById("page");
  const place = await loadNode({
    noun: "institution",
    query: HEAD,
    id,
    pick: (data) => data.institution,
    stop,
    retry: () => institutionView.enter(id, params),
  });
  if (!place) return;
  document.title = `${place.name} · Research graph`;
  const sort = sortOf(params);
  const facts = [place.type, place.countryCode].filter(Boolean).map(escapeHtml).join(" · ");
  page.innerHTML = `
    <article class="institution-page">
      <header class="entity-head">
        <p class="kind kind-INSTITUTION">Institution</p>
        <h2 id="institution-name">${escapeHtml(place.name)}</h2>
        <p class="muted">${facts}${
          place.ror ? ` · <a href="${escapeHtml(place.ror)}" target="_blank" rel="noopener">ROR</a>` : ""
        }</p>
        ${
          place.parents.length
            ? `<p>Part of ${place.parents
                .map((p) => `<a href="/institution/${encodePath(p.id)}">${escapeHtml(p.name)}</a>`)
                .join(", ")}</p>`
            : ""
        }
      </header>
      <div class="columns">
        <section class="main-column">
          <div class="list-head"><h3 id="institution-count">Papers</h3>${sortTabs(
            `/institution/${encodePath(place.id)}`,
            sort,
          )}</div>
          <div id="institution-papers"></div>
        </section>
        <aside class="side-column">
          <h3>Top authors <small class="muted">(${place.authors.totalCount})</small></h3>
          <ol class="plain">${
            place.authors.nodes
              .map(
                (m) => `<li><a href="/author/${encodePath(m.author.id)}">${escapeHtml(m.author.name)}</a>
                  <small class="muted">${plural(m.papers, "paper")} here, ${m.firstYear ?? "?"}–${m.lastYear ?? "?"}</small></li>`,
              )
              .join("") || '<li class="muted">No authors recorded.</li>'
          }</ol>
          <h3>Around it</h3>
          <div class="mini-graph" id="institution-graph"></div>
          <p><a href="/?id=${encodePath(place.id)}">Explore the graph from here</a></p>
        </aside>
      </div>
    </article>`;
  stop(
    pagedList(page.querySelector("#institution-papers"), {
      query: WORKS,
      variables: { id: place.id, order: ORDERS[sort].order },
      pick: (data) => data.papers,
      onFirst: (c) => {
        page.querySelector("#institution-count").textContent = plural(c.totalCount, "Paper");
      },
      missing: "No papers in the graph name this institution yet.",
    }),
    miniGraph(page.querySelector("#institution-graph"), place.id),
  );
});
