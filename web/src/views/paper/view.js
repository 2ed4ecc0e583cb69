// A paper's page (/paper/<id>): title, authors with their affiliations, venue, date, abstract,
// the links to read it and its code, its topics and categories, how important it is among its
// peers, the papers most like it, what it cites and what cites it (a page at a time), and the
// graph around it.
import { miniGraph } from "../../components/minigraph.js";
import { loadNode, pageView } from "../../components/page.js";
import { categoryBadge, PAPER_ITEM, pagedList } from "../../components/paperlist.js";
import { formatDate, plural } from "../../lib/format.js";
import { escapeHtml } from "../../lib/html.js";
import { encodePath } from "../../lib/ids.js";
import { relatedBrief } from "./related.js";

const HEAD = `query($id: ID!) { paper(id: $id) {
  id title year publicationDate type venue doi doiUrl arxivId arxivUrl landingPageUrl pdfUrl
  isOpenAccess oaStatus language codeUrls citedByCount abstract stub journalRef comments
  importancePercentile importanceCohort
  primaryCategory { id shortName name } categories { id shortName name }
  topics { topic { id name } score }
  authorships { position author { id name hIndex worksCount citationCount }
    institutions { id name countryCode } } } }`;

const REFERENCES = `query($id: ID!, $after: String, $counted: Boolean = true) { paper(id: $id) {
  references(first: 10, after: $after) { totalCount @include(if: $counted)
    pageInfo { hasNextPage endCursor } nodes { ${PAPER_ITEM} } } } }`;

const CITED_BY = `query($id: ID!, $after: String, $counted: Boolean = true) { paper(id: $id) {
  citedBy(first: 10, after: $after) { totalCount @include(if: $counted)
    pageInfo { hasNextPage endCursor } nodes { ${PAPER_ITEM} } } } }`;

function external(url, label) {
  return url ? `<li><a href="${escapeHtml(url)}" target="_blank" rel="noopener">${escapeHtml(label)}</a></li>` : "";
}

function authorsList(authorships) {
  return authorships
    .map((a) => {
      const places = a.institutions
        .map((i) => `<a href="/institution/${encodePath(i.id)}">${escapeHtml(i.name)}</a>`)
        .join("; ");
      return `<li><a href="/author/${encodePath(a.author.id)}" class="author"
        data-tip="${escapeHtml(`h-index ${a.author.hIndex} · ${plural(a.author.worksCount, "work")}`)}">${escapeHtml(a.author.name)}</a>${
          places ? ` <small class="muted">${places}</small>` : ""
        }</li>`;
    })
    .join("");
}

// Where the paper stands among its cohort (its main topic and year); nothing when it is
// unranked or has too few peers for a percentile to mean anything.
function standing(paper) {
  if (paper.importancePercentile == null || paper.importanceCohort < 5) return "";
  const few = paper.importanceCohort < 20 ? " (few to compare with)" : "";
  return ` · <span id="paper-importance" title="PageRank over citations, compared with the papers of its main topic and year">
    importance: ${Math.round(paper.importancePercentile)}th percentile of
    ${plural(paper.importanceCohort, "paper")} from ${paper.year} on its main topic${few}</span>`;
}

export const paperView = pageView(async (id, _params, stop) => {
  const page = document.getElementById("page");
  const paper = await loadNode({
    noun: "paper",
    query: HEAD,
    id,
    pick: (data) => data.paper,
    stop,
    retry: () => paperView.enter(id),
  });
  if (!paper) return;
  document.title = `${paper.title ?? paper.id} · Research graph`;
  const date = formatDate(paper.publicationDate, paper.year);
  const others = paper.categories.filter((c) => c.id !== paper.primaryCategory?.id);
  const links = [
    external(paper.pdfUrl, "PDF"),
    external(paper.arxivUrl, `arXiv ${paper.arxivId ?? ""}`),
    external(paper.doiUrl, `DOI ${paper.doi ?? ""}`),
    external(
      [paper.doiUrl, paper.arxivUrl].includes(paper.landingPageUrl) ? null : paper.landingPageUrl,
      "Publisher's page",
    ),
    ...paper.codeUrls.map((url) => external(url, `Code: ${url.replace(/^https?:\/\//, "")}`)),
  ].join("");
  page.innerHTML = `
    <article class="paper-page side-first">
      <header class="entity-head">
        <p class="meta">
          ${categoryBadge(paper.primaryCategory)}
          ${others.map((c) => categoryBadge(c)).join(" ")}
          ${date ? `<time datetime="${escapeHtml(paper.publicationDate ?? paper.year)}">${escapeHtml(date)}</time>` : ""}
          ${paper.venue ? `<span class="venue">${escapeHtml(paper.venue)}</span>` : ""}
          ${paper.isOpenAccess ? `<span class="oa">Open access${paper.oaStatus ? ` (${escapeHtml(paper.oaStatus)})` : ""}</span>` : ""}
        </p>
        <h2 id="paper-title">${escapeHtml(paper.title ?? paper.id)}</h2>
        <p class="figures-inline"><b id="paper-citations">${plural(paper.citedByCount, "citation")}</b>
          <span id="paper-reference-count"></span>
          ${standing(paper)}
          ${paper.journalRef ? ` · ${escapeHtml(paper.journalRef)}` : ""}</p>
        ${paper.stub ? '<p class="notice">Only known because other papers cite it: the graph has no more about it.</p>' : ""}
      </header>
      <div class="columns">
        <section class="main-column">
          <h3>Abstract</h3>
          <p id="paper-abstract" class="abstract full">${
            paper.abstract ? escapeHtml(paper.abstract) : '<span class="muted">No abstract in the graph.</span>'
          }</p>
          ${paper.comments ? `<p class="muted"><small>Comments: ${escapeHtml(paper.comments)}</small></p>` : ""}
          <h3>Cited by <small class="muted" id="paper-cited-by-count"></small></h3>
          <div id="paper-cited-by"></div>
          <h3>References <small class="muted" id="paper-references-count"></small></h3>
          <div id="paper-references"></div>
        </section>
        <aside class="side-column">
          <h3>Read it</h3>
          <ul class="plain links" id="paper-links">${links || '<li class="muted">No links in the graph.</li>'}</ul>
          <h3>Authors <small class="muted">(${paper.authorships.length})</small></h3>
          <ol class="plain authors" id="paper-authors">${authorsList(paper.authorships) || '<li class="muted">None recorded.</li>'}</ol>
          <h3>Topics</h3>
          <ul class="chips">${
            paper.topics
              .map((t) => `<li><a href="/topic/${encodePath(t.topic.id)}">${escapeHtml(t.topic.name)}</a></li>`)
              .join("") || '<li class="muted">None recorded.</li>'
          }</ul>
          <h3>Similar papers</h3>
          <div id="paper-similar"></div>
          <h3>Around it</h3>
          <div class="mini-graph" id="paper-graph"></div>
          <p><a href="/?id=${encodePath(paper.id)}">Explore the graph from here</a></p>
        </aside>
      </div>
    </article>`;
  relatedBrief(page.querySelector("#paper-similar"), paper.id, stop);
  stop(
    pagedList(page.querySelector("#paper-cited-by"), {
      query: CITED_BY,
      variables: { id: paper.id },
      pick: (data) => data.paper?.citedBy,
      // The counts come with each list's first page, not with the paper.
      onFirst: (c) => {
        page.querySelector("#paper-cited-by-count").textContent = `(${c.totalCount})`;
      },
      missing: "No paper in the graph cites it yet.",
    }),
    pagedList(page.querySelector("#paper-references"), {
      query: REFERENCES,
      variables: { id: paper.id },
      pick: (data) => data.paper?.references,
      onFirst: (c) => {
        page.querySelector("#paper-references-count").textContent = `(${c.totalCount})`;
        page.querySelector("#paper-reference-count").textContent =
          ` · ${plural(c.totalCount, "reference")} in the graph`;
      },
      missing: "None of its references is in the graph.",
    }),
    miniGraph(page.querySelector("#paper-graph"), paper.id),
  );
});
