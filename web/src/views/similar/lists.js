// The lists beside the Similar papers graph, each with its own address (?list=): the similar
// papers, the prior works they cite and the derivative works that cite them.
import { plural } from "../../lib/format.js";
import { escapeHtml } from "../../lib/html.js";
import { encodePath } from "../../lib/ids.js";
import { firstAuthor } from "./names.js";

const LISTS = {
  similar: {
    label: "Similar",
    role: "SIMILAR",
    about: "The papers most like it: cited together with it, sharing its references, or listed as related by OpenAlex.",
    empty: "No similar papers yet.",
  },
  prior: {
    label: "Prior works",
    role: "PRIOR",
    about: "The works it and its most similar papers cite most: often the field's foundations.",
    empty: "None of the works these papers cite is in the graph.",
  },
  derivative: {
    label: "Derivative works",
    role: "DERIVATIVE",
    about: "The works that cite most of it and its most similar papers: often reviews and later work.",
    empty: "No paper in the graph cites these papers yet.",
  },
};

// The list an address names (?list=), or the similar papers.
export function listOf(name) {
  return Object.hasOwn(LISTS, name) ? name : "similar";
}

function itemFacts(node, list) {
  const facts = [firstAuthor(node), node.year ?? "year unknown", plural(node.citations ?? 0, "citation")];
  if (list === "similar") {
    facts.push(`similarity ${node.strength.toFixed(2)}${node.hop > 1 ? " (through a similar paper)" : ""}`);
  } else if (list === "prior") {
    facts.push(`cited by ${plural(node.strength, "of them", "of them")}`);
  } else {
    facts.push(`cites ${plural(node.strength, "of them", "of them")}`);
  }
  return facts.filter(Boolean).map((f) => escapeHtml(f)).join(" · ");
}

// Shows list `list` of what the view shows (`shown`), with the tabs to the others.
export function drawList(shown, list) {
  const { element, nodes, colours } = shown;
  const rows = nodes[list];
  const tabs = Object.entries(LISTS)
    .map(([name, spec]) => {
      const params = name === "similar" ? "" : `?list=${name}`;
      return `<a role="tab" class="tab${name === list ? " on" : ""}" aria-selected="${name === list}"
        href="/similar/${encodePath(shown.id)}${params}">${spec.label} <small>${nodes[name].length}</small></a>`;
    })
    .join("");
  element.querySelector("#similar-tabs").innerHTML = tabs;
  element.querySelector("#similar-about").textContent = LISTS[list].about;
  const target = element.querySelector("#similar-list");
  target.innerHTML = rows.length
    ? rows
        .map(
          (n) => `<li data-id="${escapeHtml(n.id)}">
            <span class="swatch" style="background:${colours.get(n.id) ?? "transparent"}"
              title="${colours.has(n.id) ? "In the graph" : "Not in the graph"}"></span>
            <div><button type="button" class="pick" aria-pressed="false">${escapeHtml(n.label)}</button>
            <small class="muted">${itemFacts(n, list)}</small></div></li>`,
        )
        .join("")
    : `<li class="muted">${escapeHtml(LISTS[list].empty)}</li>`;
}
