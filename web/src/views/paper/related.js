// The few papers most like a paper, on its page, and the way to the graph of all of them.
import { loadInto } from "../../components/states.js";
import { plural } from "../../lib/format.js";
import { escapeHtml } from "../../lib/html.js";
import { encodePath } from "../../lib/ids.js";

const SIMILAR = `query($id: ID!) { paper(id: $id) { related(first: 5) { totalCount
  nodes { score coCitation coupling openalex paper { id title year citedByCount } } } } }`;

// Why a paper is like another, in words.
function likeness(related) {
  const why = [];
  if (related.coCitation > 0) why.push("cited together");
  if (related.coupling > 0) why.push("shares references");
  if (related.openalex > 0) why.push("related in OpenAlex");
  return why.join(" · ");
}

// The few papers most like it, and the way to the graph of all of them.
export function relatedBrief(element, id, stop) {
  const controller = new AbortController();
  stop(() => controller.abort());
  const draw = async () => {
    const related = await loadInto(element, {
      what: "Finding similar papers",
      query: SIMILAR,
      variables: { id },
      pick: (data) => (data.paper?.related.totalCount ? data.paper.related : null),
      signal: controller.signal,
      retry: draw,
      missing: "No similar papers yet: no paper in the graph is cited with it or shares its references.",
    });
    if (!related) return;
    element.innerHTML = `<ol class="plain similar-brief">${related.nodes
      .map(
        (r) => `<li><a href="/paper/${encodePath(r.paper.id)}">${escapeHtml(r.paper.title ?? r.paper.id)}</a><br>
          <small class="muted">${r.paper.year ?? "year unknown"} · ${plural(r.paper.citedByCount, "citation")} ·
          ${escapeHtml(likeness(r))}</small></li>`,
      )
      .join("")}</ol>
      <p><a href="/similar/${encodePath(id)}" id="paper-similar-link">${
        related.totalCount > related.nodes.length ? `Graph of all ${related.totalCount}` : "Graph of them"
      }, with prior and derivative works</a></p>`;
  };
  draw();
}
