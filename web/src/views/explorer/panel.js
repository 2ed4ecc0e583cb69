// The panel about the centre: a researcher's profile with their works a page at a time, or
// any other node's details.
import { nodeLink, showDetails } from "../../components/details.js";
import { loadInto } from "../../components/states.js";
import { gql } from "../../lib/api.js";
import { plural } from "../../lib/format.js";
import { escapeHtml } from "../../lib/html.js";
import { encodePath } from "../../lib/ids.js";
import { PROFILE } from "./queries.js";

const $ = (id) => document.getElementById(id);

let panelController = null;

export function showCentrePanel(id, type) {
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
