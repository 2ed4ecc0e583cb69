// A topic's or arXiv category's page (/topic/<id>): where it sits, its most cited or newest
// papers (everything below it included), the authors with most papers in it, and its graph.
import { miniGraph } from "../../components/minigraph.js";
import { loadNode, pageView } from "../../components/page.js";
import { PAPER_ITEM, pagedList } from "../../components/paperlist.js";
import { ORDERS, sortOf, sortTabs } from "../../components/tabs.js";
import { plural } from "../../lib/format.js";
import { escapeHtml } from "../../lib/html.js";
import { encodePath } from "../../lib/ids.js";

const HEAD = `query($id: ID!) { topic(id: $id) {
  id name level scheme shortName
  parent { id name parent { id name parent { id name } } }
  children { id name shortName }
  topAuthors(first: 10) { author { id name hIndex worksCount } works } } }`;

const WORKS = `query($filter: PaperFilter!, $order: PaperOrder, $after: String, $counted: Boolean = true) {
  papers(filter: $filter, orderBy: $order, first: 20, after: $after) {
    totalCount @include(if: $counted) pageInfo { hasNextPage endCursor } nodes { ${PAPER_ITEM} } } }`;

function ancestors(topic) {
  const chain = [];
  for (let t = topic.parent; t; t = t.parent) chain.unshift(t);
  return chain;
}

export const topicView = pageView(async (id, params, stop) => {
  const page = document.getElementById("page");
  const topic = await loadNode({
    noun: "topic",
    query: HEAD,
    id,
    pick: (data) => data.topic,
    stop,
    retry: () => topicView.enter(id, params),
    missing: `No topic or category with the id ${id} is in the graph.`,
  });
  if (!topic) return;
  const arxiv = topic.scheme === "ARXIV";
  document.title = `${topic.name} · Research graph`;
  const sort = sortOf(params);
  const filter = arxiv ? { categories: [topic.id] } : { topics: [topic.id] };
  const listLink = arxiv ? `/papers?category=${encodeURIComponent(topic.id)}` : null;
  page.innerHTML = `
    <article class="topic-page">
      <header class="entity-head">
        <nav class="crumbs" aria-label="Above it">${ancestors(topic)
          .map((t) => `<a href="/topic/${encodePath(t.id)}">${escapeHtml(t.name)}</a>`)
          .join(" › ")}</nav>
        <p class="kind kind-TOPIC">${arxiv ? (topic.level === 0 ? "arXiv archive" : `arXiv category ${escapeHtml(topic.id)}`) : "Topic"}</p>
        <h2 id="topic-name">${escapeHtml(topic.name)}</h2>
        ${
          topic.children.length
            ? `<p>Below it: </p><ul class="chips">${topic.children
                .map((c) => `<li><a href="/topic/${encodePath(c.id)}">${escapeHtml(c.name)}</a></li>`)
                .join("")}</ul>`
            : ""
        }
      </header>
      <div class="columns">
        <section class="main-column">
          <div class="list-head"><h3 id="topic-count">Papers</h3>${sortTabs(`/topic/${encodePath(topic.id)}`, sort)}</div>
          ${listLink ? `<p><a href="${listLink}">Filter this list by year, code or words</a></p>` : ""}
          <div id="topic-papers"></div>
        </section>
        <aside class="side-column">
          <h3>Top authors</h3>
          <ol class="plain">${
            topic.topAuthors
              .map(
                (a) => `<li><a href="/author/${encodePath(a.author.id)}">${escapeHtml(a.author.name)}</a>
                  <small class="muted">${plural(a.works, "paper")} here · h-index ${a.author.hIndex}</small></li>`,
              )
              .join("") || '<li class="muted">No authors recorded.</li>'
          }</ol>
          <h3>Around it</h3>
          <div class="mini-graph" id="topic-graph"></div>
          <p><a href="/?id=${encodePath(topic.id)}">Explore the graph from here</a></p>
        </aside>
      </div>
    </article>`;
  stop(
    pagedList(page.querySelector("#topic-papers"), {
      query: WORKS,
      variables: { filter, order: ORDERS[sort].order },
      pick: (data) => data.papers,
      onFirst: (c) => {
        page.querySelector("#topic-count").textContent = plural(c.totalCount, "Paper");
      },
      missing: "No papers in the graph are on this topic yet.",
    }),
    miniGraph(page.querySelector("#topic-graph"), topic.id),
  );
});
