// The search box above every view: researchers, papers, topics and institutions as you type.
// In the explorer a hit re-centres the graph; elsewhere it opens the hit's page. The last entry
// lists the papers with the words.
import { encodePath, escapeHtml, gql, pathOf } from "./api.js";
import { navigate } from "./router.js";

const SEARCH = `query($q: String!) { search(query: $q, first: 8) { score node {
  __typename id
  ... on Author { name worksCount citationCount }
  ... on Paper { title year }
  ... on Topic { name }
  ... on Institution { name countryCode } } } }`;

const $ = (id) => document.getElementById(id);
let timer = null;
let serial = 0;

function close() {
  $("results").innerHTML = "";
  $("search").setAttribute("aria-expanded", "false");
}

function show(html) {
  $("results").innerHTML = html;
  $("search").setAttribute("aria-expanded", String(Boolean(html)));
}

function onInput() {
  clearTimeout(timer);
  const text = $("search").value.trim();
  if (!text) {
    close();
    return;
  }
  const mine = ++serial;
  const papers = `<li><a class="hit all-papers" href="/papers?q=${encodeURIComponent(text)}">
    Papers with “${escapeHtml(text)}” in the title or abstract →</a></li>`;
  show(`<li class="muted searching" role="status">Searching…</li>${papers}`);
  timer = setTimeout(async () => {
    let data;
    try {
      data = await gql(SEARCH, { q: text });
    } catch (error) {
      if (mine === serial) show(`<li class="muted" role="alert">Search failed: ${escapeHtml(error.message)}</li>`);
      return;
    }
    if (mine !== serial) return; // a newer keystroke won
    const hits = data.search
      .map(({ node }) => {
        const title = node.name || node.title || node.id;
        const extra =
          node.__typename === "Author"
            ? `${node.worksCount} works · ${node.citationCount} citations`
            : node.__typename === "Paper"
              ? `${node.year ?? ""}`
              : node.countryCode || "";
        return `<li><button type="button" class="hit" data-id="${escapeHtml(node.id)}" data-type="${node.__typename}"
          data-label="${escapeHtml(title)}">
          <span class="kind kind-${node.__typename.toUpperCase()}">${node.__typename}</span>
          ${escapeHtml(title)} <small>${escapeHtml(extra)}</small></button></li>`;
      })
      .join("");
    show((hits || `<li class="muted" role="status">No researcher, paper, topic or institution matches “${escapeHtml(text)}”.</li>`) + papers);
  }, 180);
}

function onClick(event) {
  const hit = event.target.closest(".hit");
  if (!hit) return;
  if (hit.classList.contains("all-papers")) {
    close();
    return; // the link itself navigates
  }
  close();
  $("search").value = hit.dataset.label;
  const inExplorer = window.location.pathname === "/";
  navigate(inExplorer ? `/?id=${encodePath(hit.dataset.id)}` : pathOf(hit.dataset.id, hit.dataset.type));
}

// Arrow keys move through the hits, Escape closes them.
function onKey(event) {
  const hits = [...$("results").querySelectorAll(".hit")];
  const at = hits.indexOf(document.activeElement);
  if (event.key === "Escape") {
    close();
    $("search").focus();
  } else if (event.key === "ArrowDown" && hits.length) {
    event.preventDefault();
    hits[Math.min(at + 1, hits.length - 1)].focus();
  } else if (event.key === "ArrowUp" && hits.length) {
    event.preventDefault();
    if (at <= 0) $("search").focus();
    else hits[at - 1].focus();
  } else if (event.key === "Enter" && event.target === $("search") && hits.length) {
    event.preventDefault();
    hits[0].click();
  }
}

export function startSearch() {
  $("search").addEventListener("input", onInput);
  $("results").addEventListener("click", onClick);
  $("search").parentElement.addEventListener("keydown", onKey);
  document.addEventListener("click", (event) => {
    if (!event.target.closest(".search")) close();
  });
}
