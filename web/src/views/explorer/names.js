// Nodes that share a name are told apart: a researcher by their latest institution, a topic
// by its parent, an institution by its country, a paper by its year; twins even then by
// their works.
import { placeLabels } from "../../graph/labels.js";
import { gql } from "../../lib/api.js";
import { plural } from "../../lib/format.js";
import { cy } from "./graph.js";
import { listNodes } from "./list.js";
import { CONTEXT } from "./queries.js";
import { state } from "./state.js";

// Tells apart the homonyms of the graph drawn for `mine`; the graph's data-named then equals
// its data-ready (tests wait for it).
export async function nameHomonyms(mine) {
  const graph = document.getElementById("graph");
  await tellApart(mine);
  if (mine === state.epoch) graph.dataset.named = graph.dataset.ready;
}

async function tellApart(mine) {
  const byLabel = new Map();
  cy.nodes().forEach((n) => byLabel.set(n.data("label"), [...(byLabel.get(n.data("label")) || []), n]));
  const twins = [...byLabel.values()].filter((group) => group.length > 1).flat();
  if (!twins.length) return;
  const ask = twins.filter((n) => n.data("type") !== "PAPER").map((n) => n.id());
  let context = new Map();
  if (ask.length) {
    let data;
    try {
      data = await gql(CONTEXT, { ids: ask });
    } catch {
      return; // the names stay as they are; the graph is still right
    }
    if (mine !== state.epoch) return;
    context = new Map(data.nodes.filter(Boolean).map((n) => [n.id, n]));
  }
  twins.forEach((n) => {
    const extra = contextOf(n, context.get(n.id()));
    if (extra) n.data("name", `${n.data("label")} (${extra})`);
  });
  // Twins with the same context too are told apart by their works.
  const seen = new Map();
  twins.forEach((n) => seen.set(n.data("name"), (seen.get(n.data("name")) || 0) + 1));
  twins.forEach((n) => {
    if (seen.get(n.data("name")) > 1 && n.data("worksCount") != null) {
      n.data("name", `${n.data("name")}, ${plural(n.data("worksCount"), "work")}`);
    }
  });
  placeLabels(cy);
  listNodes();
}

function contextOf(node, full) {
  const type = node.data("type");
  if (type === "PAPER") return node.data("year") ? String(node.data("year")) : "";
  if (!full) return "";
  if (type === "AUTHOR") {
    const latest = [...full.institutions].sort((a, b) => (b.lastYear ?? 0) - (a.lastYear ?? 0))[0];
    return latest ? latest.institution.name : `${plural(full.worksCount, "work")}`;
  }
  if (type === "TOPIC") return full.parent?.name || "";
  return full.countryCode || "";
}
