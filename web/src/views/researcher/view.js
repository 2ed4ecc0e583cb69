// A researcher's page (/author/<id>): what a profile page shows at the top (main category,
// h-index, papers, citations), affiliations, topics and close collaborators, then their papers
// in the list format, newest or most cited first.
import { loadNode, pageView } from "../../components/page.js";
import { categoryBadge, PAPER_ITEM, pagedList } from "../../components/paperlist.js";
import { ORDERS, sortOf, sortTabs } from "../../components/tabs.js";
import { plural } from "../../lib/format.js";
import { escapeHtml } from "../../lib/html.js";
import { encodePath } from "../../lib/ids.js";

const HEAD = `query($id: ID!) { author(id: $id) {
  id name orcid worksCount citationCount hIndex
  categories(first: 3) { topic { id shortName name } works }
  institutions { institution { id name countryCode } firstYear lastYear papers }
  topics(first: 8) { topic { id name } works }
  collaborators(first: 8) { totalCount nodes { author { id name } sharedWorks lastYear } } } }`;

const WORKS = `query($id: ID!, $order: PaperOrder, $after: String, $counted: Boolean = true) {
  papers(filter: { authorIds: [$id] }, orderBy: $order, first: 20, after: $after) {
    totalCount @include(if: $counted) pageInfo { hasNextPage endCursor } nodes { ${PAPER_ITEM} } } }`;

function figure(id, value, label) {
  return `<div class="figure"><b id="${id}">${escapeHtml(value)}</b><span>${label}</span></div>`;
}

export const researcherView = pageView(async (id, params, stop) => {
  const page = document.getElementById("page");
  const sort = sortOf(params, "newest");
  const author = await loadNode({
    noun: "researcher",
    query: HEAD,
    id,
    pick: (data) => data.author,
    stop,
    retry: () => researcherView.enter(id, params),
  });
  if (!author) return;
  document.title = `${author.name} · Research graph`;
  const main = author.categories[0];
  page.innerHTML = `
    <article class="profile-page">
      <header class="entity-head">
        <p class="kind kind-AUTHOR">Researcher</p>
        <h2 id="researcher-name">${escapeHtml(author.name ?? author.id)}</h2>
        <div class="figures">
          ${
            main
              ? `<div class="figure main-category">${categoryBadge(main.topic)}<span>main category</span></div>`
              : ""
          }
          ${figure("researcher-h", author.hIndex, "h-index")}
          ${figure("researcher-papers", author.worksCount, author.worksCount === 1 ? "paper" : "papers")}
          ${figure("researcher-citations", author.citationCount, author.citationCount === 1 ? "citation" : "citations")}
        </div>
        <p class="links">
          <a href="/?id=${encodePath(author.id)}">Explore their graph</a>
          ${author.orcid ? ` · <a href="https://orcid.org/${escapeHtml(author.orcid)}" target="_blank" rel="noopener">ORCID ${escapeHtml(author.orcid)}</a>` : ""}
        </p>
      </header>
      <div class="columns">
        <section class="main-column">
          <div class="list-head">
            <h3 id="researcher-list-title">${plural(author.worksCount, "Paper")}</h3>
            ${sortTabs(`/author/${encodePath(author.id)}`, sort, "newest")}
          </div>
          <div id="researcher-papers-list"></div>
        </section>
        <aside class="side-column">
          <h3>Affiliations</h3>
          <ul class="plain">${
            author.institutions
              .map(
                (i) => `<li><a href="/institution/${encodePath(i.institution.id)}">${escapeHtml(i.institution.name)}</a>
                  ${i.institution.countryCode ? `<span class="muted">${escapeHtml(i.institution.countryCode)}</span>` : ""}
                  <br><small class="muted">${i.firstYear ?? ""}–${i.lastYear ?? ""} · ${plural(i.papers, "paper")}</small></li>`,
              )
              .join("") || '<li class="muted">None given on their papers.</li>'
          }</ul>
          <h3>arXiv categories</h3>
          <ul class="plain">${
            author.categories
              .map(
                (c) => `<li>${categoryBadge(c.topic)} ${escapeHtml(c.topic.name)}
                  <small class="muted">${plural(c.works, "paper")}</small></li>`,
              )
              .join("") || '<li class="muted">None of their papers is on arXiv.</li>'
          }</ul>
          <h3>Topics</h3>
          <ul class="chips">${
            author.topics
              .map(
                (t) => `<li><a href="/topic/${encodePath(t.topic.id)}">${escapeHtml(t.topic.name)}</a>
                  <small>${t.works}</small></li>`,
              )
              .join("") || '<li class="muted">None recorded.</li>'
          }</ul>
          <h3>Close collaborators <small class="muted">(${author.collaborators.totalCount})</small></h3>
          <ul class="plain">${
            author.collaborators.nodes
              .map(
                (c) => `<li><a href="/author/${encodePath(c.author.id)}">${escapeHtml(c.author.name)}</a>
                  <small class="muted">${plural(c.sharedWorks, "shared paper")}, last ${c.lastYear ?? "?"}</small></li>`,
              )
              .join("") || '<li class="muted">No co-authors in the graph.</li>'
          }</ul>
        </aside>
      </div>
    </article>`;
  stop(
    pagedList(page.querySelector("#researcher-papers-list"), {
      query: WORKS,
      variables: { id: author.id, order: ORDERS[sort].order },
      pick: (data) => data.papers,
      missing: "None of their papers is listed in the graph.",
    }),
  );
});
