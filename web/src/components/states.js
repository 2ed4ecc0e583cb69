// What a view shows while it waits, when it has nothing, and when something failed. Every
// request's view shows one of these at once, so no wait is a blank screen.
import { gql } from "../lib/api.js";
import { escapeHtml } from "../lib/html.js";

const SLOW_MS = 2000;

function loading(element, what = "Loading") {
  element.setAttribute("aria-busy", "true");
  element.innerHTML = `<div class="state loading" role="status"><span class="spinner"></span>
    <span class="state-text">${escapeHtml(what)}…</span></div>`;
  const text = element.querySelector(".state-text");
  // A wait that goes on says that it is still working.
  const timer = setTimeout(() => {
    if (text.isConnected) text.textContent = `${what}… still working, large lists take longer.`;
  }, SLOW_MS);
  return () => {
    clearTimeout(timer);
    element.removeAttribute("aria-busy");
  };
}

function empty(element, message, next = "") {
  element.innerHTML = `<div class="state empty" role="status"><p>${escapeHtml(message)}</p>${next}</div>`;
}

// The error, what it means for the reader, and a retry that runs `retry`.
export function failed(element, error, retry) {
  const hint = {
    // The message already says that Neo4j is not reachable; this says why and what to do.
    DATABASE_UNAVAILABLE: "The graph database may be starting or stopped. Try again in a moment; if it stays down, start it (make run starts everything).",
    UNREACHABLE: "Check that graph-service is running.",
    BAD_USER_INPUT: "Change what you asked for and try again.",
    QUERY_TOO_LARGE: "Narrow the list with a filter.",
    QUERY_TIMEOUT: "Narrow the request or try again.",
    OVERLOADED: "The service is busy; try again in a moment.",
  }[error.code];
  element.removeAttribute("aria-busy");
  element.innerHTML = `<div class="state error" role="alert">
    <p><b>Could not load this.</b> ${escapeHtml(error.message)}</p>
    ${hint ? `<p>${escapeHtml(hint)}</p>` : ""}
    ${retry ? '<button type="button" class="retry">Try again</button>' : ""}</div>`;
  if (retry) element.querySelector(".retry").addEventListener("click", retry);
}

// What a view shows comes from one query: a loading state at once, then `pick(data)`. On a
// failure the error shows with a retry, and when nothing is found `missing` says so (with
// `next`, what to do instead) and `title` names the tab. Null unless there is something.
export async function loadInto(element, { what, query, variables, pick, signal, retry, missing, next = "", title }) {
  const done = loading(element, what);
  let value;
  try {
    value = pick(await gql(query, variables, signal));
  } catch (error) {
    done();
    if (error.name !== "AbortError") failed(element, error, retry);
    return null;
  }
  done();
  if (!value) {
    if (title) document.title = title;
    empty(element, missing, next);
  }
  return value || null;
}
