// A search-as-you-type picker: researchers, papers, topics and institutions by name. The
// header search and the explorer's "Path to" box are both one. Arrow keys move through the
// hits, Enter picks, Escape or a click elsewhere closes the list.
import { gql } from "../lib/api.js";
import { escapeHtml } from "../lib/html.js";

const SEARCH = `query($q: String!) { search(query: $q, first: 8) { score node {
  __typename id
  ... on Author { name worksCount citationCount
    institutions { institution { name } lastYear } }
  ... on Paper { title year }
  ... on Topic { name parent { name } }
  ... on Institution { name countryCode } } } }`;

const WAIT_MS = 180;

// What tells a hit from another with the same name: a researcher's latest institution, a
// paper's year, a topic's parent, an institution's country.
function contextOf(node) {
  if (node.__typename === "Author") {
    const latest = [...(node.institutions || [])].sort(
      (a, b) => (b.lastYear ?? 0) - (a.lastYear ?? 0),
    )[0];
    const place = latest ? ` · ${latest.institution.name}` : "";
    return `${node.worksCount} works · ${node.citationCount} citations${place}`;
  }
  if (node.__typename === "Paper") return `${node.year ?? ""}`;
  if (node.__typename === "Topic") return node.parent?.name ? `in ${node.parent.name}` : "";
  return node.countryCode || "";
}

// `input` and `list` are the box and its list; `onPick({id, type, label})` takes a hit;
// `extra(text)` may add list items after the hits (HTML); `name` words what is searched.
export function picker({ input, list, onPick, extra = () => "", name = "researcher, paper, topic or institution" }) {
  let timer = null;
  let serial = 0;

  function close() {
    list.innerHTML = "";
    input.setAttribute("aria-expanded", "false");
  }

  function show(html) {
    list.innerHTML = html;
    input.setAttribute("aria-expanded", String(Boolean(html)));
  }

  function onInput() {
    clearTimeout(timer);
    const text = input.value.trim();
    if (!text) {
      close();
      return;
    }
    const mine = ++serial;
    show(`<li class="muted searching" role="status">Searching…</li>${extra(text)}`);
    timer = setTimeout(async () => {
      let data;
      try {
        data = await gql(SEARCH, { q: text });
      } catch (error) {
        if (mine === serial) {
          show(`<li class="muted" role="alert">Search failed: ${escapeHtml(error.message)}</li>${extra(text)}`);
        }
        return;
      }
      if (mine !== serial) return; // a newer keystroke won
      const hits = data.search
        .map(({ node }) => {
          const title = node.name || node.title || node.id;
          return `<li><button type="button" class="hit" data-id="${escapeHtml(node.id)}"
            data-type="${node.__typename}" data-label="${escapeHtml(title)}">
            <span class="kind kind-${node.__typename.toUpperCase()}">${node.__typename}</span>
            ${escapeHtml(title)} <small>${escapeHtml(contextOf(node))}</small></button></li>`;
        })
        .join("");
      const none = `<li class="muted" role="status">No ${name} matches “${escapeHtml(text)}”.
        Try fewer or other words.</li>`;
      show((hits || none) + extra(text));
    }, WAIT_MS);
  }

  function onClick(event) {
    const hit = event.target.closest(".hit");
    if (!hit) return;
    close();
    if (!hit.dataset.id) return; // a link among the hits navigates by itself
    input.value = hit.dataset.label;
    onPick({ id: hit.dataset.id, type: hit.dataset.type, label: hit.dataset.label });
  }

  function onKey(event) {
    const hits = [...list.querySelectorAll(".hit")];
    const at = hits.indexOf(document.activeElement);
    if (event.key === "Escape") {
      if (!list.innerHTML) return;
      event.preventDefault();
      close();
      input.focus();
    } else if (event.key === "ArrowDown" && hits.length) {
      event.preventDefault();
      hits[Math.min(at + 1, hits.length - 1)].focus();
    } else if (event.key === "ArrowUp" && hits.length) {
      event.preventDefault();
      if (at <= 0) input.focus();
      else hits[at - 1].focus();
    } else if (event.key === "Enter" && event.target === input && hits.length) {
      event.preventDefault();
      hits[0].click();
    }
  }

  input.addEventListener("input", onInput);
  list.addEventListener("click", onClick);
  input.parentElement.addEventListener("keydown", onKey);
  document.addEventListener("click", (event) => {
    if (!input.parentElement.contains(event.target)) close();
  });
  // Leaving the box and its list by Tab closes the list too.
  input.parentElement.addEventListener("focusout", (event) => {
    if (event.relatedTarget && !input.parentElement.contains(event.relatedTarget)) close();
  });
  return { close };
}
