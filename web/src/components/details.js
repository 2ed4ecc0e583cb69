// What the explorer's panels say about one node of any type: a paper's authors, venue, year,
// abstract and links; a topic's place in its hierarchy, top papers and authors; an
// institution's country, type, parents and top authors; a researcher's figures. Every node
// they name is a link that re-centres the graph on it (class "recentre"), and its page is a
// link away.
import { NOUNS } from "../graph/style.js";
import { formatDate, plural } from "../lib/format.js";
import { escapeHtml } from "../lib/html.js";
import { encodePath, pathOf } from "../lib/ids.js";
import { loadInto } from "./states.js";

const QUERIES = {
  PAPER: `query($id: ID!) { node: paper(id: $id) { id title year publicationDate venue type
    citedByCount importancePercentile abstract doiUrl arxivUrl landingPageUrl pdfUrl codeUrls
    authorCount authorships(first: 12) { author { id name } }
    primaryCategory { id name } topics { topic { id name } } } }`,
  TOPIC: `query($id: ID!) { node: topic(id: $id) { id name level scheme
    parent { id name parent { id name parent { id name } } }
    children { id name } works(first: 5) { totalCount nodes { id title year citedByCount } }
    topAuthors(first: 5) { author { id name } works } } }`,
  INSTITUTION: `query($id: ID!) { node: institution(id: $id) { id name countryCode type ror
    parents { id name } authors(first: 6) { totalCount nodes { author { id name } papers } }
    works(first: 5) { totalCount nodes { id title year citedByCount } } } }`,
  AUTHOR: `query($id: ID!) { node: author(id: $id) { id name orcid worksCount citationCount hIndex
    institutions { institution { id name countryCode } firstYear lastYear papers }
    topics(first: 4) { topic { id name } works }
    collaborators(first: 6) { totalCount nodes { author { id name } sharedWorks } } } }`,
};

// A link that re-centres the explorer on a node; its address works on its own too.
export function nodeLink(id, label, extra = "") {
  return `<a class="recentre" href="/?id=${encodePath(id)}" data-id="${escapeHtml(id)}">${escapeHtml(
    label ?? id,
  )}</a>${extra ? ` <small>${escapeHtml(extra)}</small>` : ""}`;
}

function list(items, empty = "none") {
  return items.length
    ? `<ul class="plain">${items.map((item) => `<li>${item}</li>`).join("")}</ul>`
    : `<p class="muted">${escapeHtml(empty)}</p>`;
}

function papers(connection) {
  return list(
    connection.nodes.map((p) =>
      nodeLink(p.id, p.title, `${p.year ?? "year unknown"} · ${plural(p.citedByCount, "citation")}`),
    ),
    "No papers in the graph.",
  );
}

function head(node, type, facts) {
  return `<h3><span class="kind kind-${type}">${NOUNS[type]}</span> ${escapeHtml(node.name ?? node.title ?? node.id)}</h3>
    <p class="muted"><small>${facts.filter(Boolean).map(escapeHtml).join(" · ")}</small></p>
    <p class="page-links"><a href="${pathOf(node.id, type)}">Open its page</a>${
      type === "PAPER" ? ` · <a href="/similar/${encodePath(node.id)}">Similar papers</a>` : ""
    }</p>`;
}

const RENDER = {
  PAPER(p) {
    const authors = p.authorships.map((a) => nodeLink(a.author.id, a.author.name));
    const more = p.authorCount > authors.length ? ` and ${p.authorCount - authors.length} more` : "";
    const links = [
      p.doiUrl && `<a href="${escapeHtml(p.doiUrl)}" rel="noopener">DOI</a>`,
      p.arxivUrl && `<a href="${escapeHtml(p.arxivUrl)}" rel="noopener">arXiv</a>`,
      p.pdfUrl && `<a href="${escapeHtml(p.pdfUrl)}" rel="noopener">PDF</a>`,
      !p.doiUrl && p.landingPageUrl && `<a href="${escapeHtml(p.landingPageUrl)}" rel="noopener">Publisher</a>`,
      ...p.codeUrls.map((url) => `<a class="code" href="${escapeHtml(url)}" rel="noopener">code</a>`),
    ].filter(Boolean);
    const topics = [p.primaryCategory, ...p.topics.map((t) => t.topic)]
      .filter((t, i, all) => t && all.findIndex((o) => o && o.id === t.id) === i)
      .slice(0, 5);
    return `${head(p, "PAPER", [
      formatDate(p.publicationDate, p.year) || "year unknown",
      p.venue,
      plural(p.citedByCount, "citation"),
      p.importancePercentile != null && `importance: percentile ${Math.round(p.importancePercentile)} in its field and year`,
    ])}
      <h4>Authors</h4><p class="authors">${authors.join(", ") || '<span class="muted">none listed</span>'}${more}</p>
      ${links.length ? `<h4>Links</h4><p class="links">${links.join(" · ")}</p>` : ""}
      <h4>Abstract</h4>${p.abstract ? `<p class="abstract clamped">${escapeHtml(p.abstract)}</p>` : '<p class="muted">No abstract in the graph.</p>'}
      <h4>Topics</h4>${list(topics.map((t) => nodeLink(t.id, t.name)))}`;
  },
  TOPIC(t) {
    const chain = [];
    for (let up = t.parent; up; up = up.parent) chain.unshift(up);
    return `${head(t, "TOPIC", [t.scheme === "ARXIV" ? "arXiv category" : "OpenAlex topic", plural(t.works.totalCount, "paper")])}
      <h4>In</h4>${chain.length ? `<p class="crumbs">${chain.map((c) => nodeLink(c.id, c.name)).join(" › ")}</p>` : '<p class="muted">the top of its hierarchy</p>'}
      ${t.children.length ? `<h4>Narrower</h4>${list(t.children.slice(0, 6).map((c) => nodeLink(c.id, c.name)))}` : ""}
      <h4>Top papers</h4>${papers(t.works)}
      <h4>Top authors</h4>${list(t.topAuthors.map((a) => nodeLink(a.author.id, a.author.name, plural(a.works, "paper"))))}`;
  },
  INSTITUTION(i) {
    return `${head(i, "INSTITUTION", [i.countryCode, i.type, i.ror && `ROR ${i.ror.replace(/^https?:\/\/ror\.org\//, "")}`, plural(i.authors.totalCount, "researcher")])}
      ${i.parents.length ? `<h4>Part of</h4>${list(i.parents.map((p) => nodeLink(p.id, p.name)))}` : ""}
      <h4>Top authors</h4>${list(i.authors.nodes.map((m) => nodeLink(m.author.id, m.author.name, plural(m.papers, "paper"))))}
      <h4>Top papers</h4>${papers(i.works)}`;
  },
  AUTHOR(a) {
    const places = [...a.institutions].sort((x, y) => (y.lastYear ?? 0) - (x.lastYear ?? 0));
    return `${head(a, "AUTHOR", [plural(a.worksCount, "work"), plural(a.citationCount, "citation"), `h-index ${a.hIndex}`])}
      <h4>Affiliations</h4>${list(
        places.map((p) => nodeLink(p.institution.id, p.institution.name, [p.institution.countryCode, `${p.firstYear ?? ""}–${p.lastYear ?? ""}`].filter(Boolean).join(" · "))),
        "none given",
      )}
      <h4>Topics</h4>${list(a.topics.map((t) => nodeLink(t.topic.id, t.topic.name, plural(t.works, "work"))))}
      <h4>Collaborators <small>(${a.collaborators.totalCount})</small></h4>${list(
        a.collaborators.nodes.map((c) => nodeLink(c.author.id, c.author.name, `${plural(c.sharedWorks, "shared work")}`)),
      )}`;
  },
};

// Loads and shows a node's details in `element`; `actions(node)` adds buttons below them.
export async function showDetails(element, { id, type, signal, actions = () => "", retry }) {
  const node = await loadInto(element, {
    what: `Loading the ${NOUNS[type]}`,
    query: QUERIES[type],
    variables: { id },
    pick: (data) => data.node,
    signal,
    retry,
    missing: `No ${NOUNS[type]} with the id ${id} is in the graph.`,
  });
  if (!node) return null;
  element.innerHTML = `<div class="node-details" data-id="${escapeHtml(id)}">${RENDER[type](node)}${actions(node)}</div>`;
  return node;
}
