// The paper picked in the Similar papers graph or a list: marked in both, its neighbours in
// the graph brought forward, its details shown, and kept in the address (?selected=) without
// adding a step to Back.
import { formatDate, plural } from "../../lib/format.js";
import { escapeHtml } from "../../lib/html.js";
import { encodePath } from "../../lib/ids.js";
import { replace } from "../../router.js";
import { firstAuthor } from "./names.js";

function detailsOf(shown, node) {
  const paper = node.node;
  const date = formatDate(paper?.publicationDate, node.year);
  const inGraph = shown.colours.has(node.id);
  const role = {
    CENTER: "The paper this graph is of.",
    SIMILAR: `Similarity ${node.strength?.toFixed(2)}${node.hop > 1 ? ", through a similar paper" : ""}.`,
    PRIOR: `A prior work: cited by ${plural(node.strength, "of them", "of them")}.`,
    DERIVATIVE: `A derivative work: cites ${plural(node.strength, "of them", "of them")}.`,
  }[node.role];
  return `<h3><a href="/paper/${encodePath(node.id)}">${escapeHtml(node.label)}</a></h3>
    <p>${[firstAuthor(node), date, plural(node.citations ?? 0, "citation")].filter(Boolean).map(escapeHtml).join(" · ")}</p>
    <p class="muted">${escapeHtml(role)}${inGraph || node.role === "CENTER" ? "" : " Not drawn: the graph shows similar papers only."}</p>
    <p><a href="/paper/${encodePath(node.id)}">Open its page</a>${
      node.role === "CENTER" ? "" : ` · <a href="/similar/${encodePath(node.id)}">Papers similar to it</a>`
    }</p>`;
}

// Shows `id` as picked (or nothing) in what the view shows (`shown`).
export function pick(shown, id) {
  const { element, byId, cy } = shown;
  const node = id ? byId.get(id) : null;
  shown.picked = node ? id : null;
  for (const item of element.querySelectorAll("#similar-list li[data-id]")) {
    const on = item.dataset.id === shown.picked;
    item.classList.toggle("on", on);
    item.querySelector(".pick").setAttribute("aria-pressed", String(on));
  }
  const details = element.querySelector("#similar-details");
  details.innerHTML = node
    ? detailsOf(shown, node)
    : `<p class="muted">Pick a paper in the graph or the list to see it here.</p>`;
  if (cy) {
    cy.elements().removeClass("picked faded near");
    const drawn = node && cy.getElementById(node.id);
    if (drawn && drawn.length) {
      const around = drawn.closedNeighborhood();
      cy.nodes().not(around).not(".tick").addClass("faded");
      cy.edges().not(around).addClass("faded");
      drawn.connectedEdges().addClass("near");
      drawn.addClass("picked");
    }
  }
  const url = new URL(window.location.href);
  if (shown.picked) url.searchParams.set("selected", shown.picked);
  else url.searchParams.delete("selected");
  replace(url.href);
}
