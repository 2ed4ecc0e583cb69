// What every page about one node shares: how it is drawn and left, and how its node is
// loaded (or found missing).
import { loadInto } from "./states.js";

// The pages that name one node show this when it is not in the graph.
const SEARCH_INSTEAD =
  '<p>Search for it by name in the box above, or <a href="/papers">browse papers</a>.</p>';

// A page view: `draw(id, params, stop)` draws it and hands `stop` whatever must end when the
// reader leaves (requests, lists, graphs).
export function pageView(draw) {
  let stops = [];
  return {
    enter: (id, params) => draw(id, params, (...more) => stops.push(...more)),
    leave() {
      stops.forEach((end) => end());
      stops = [];
    },
  };
}

// The node a page is about, loaded into the page; `noun` names it while it loads and when
// it is not in the graph; `retry` draws the page again.
export function loadNode({ noun, query, id, pick, stop, retry, missing }) {
  const controller = new AbortController();
  stop(() => controller.abort());
  return loadInto(document.getElementById("page"), {
    what: `Loading the ${noun}`,
    query,
    variables: { id },
    pick,
    signal: controller.signal,
    retry,
    missing: missing ?? `No ${noun} with the id ${id} is in the graph.`,
    next: SEARCH_INSTEAD,
    title: `${noun[0].toUpperCase()}${noun.slice(1)} not found · Research graph`,
  });
}
