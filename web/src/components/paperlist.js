// Papers as the list pages show them: category, date, a Code flag, the title, "A, B, C et
// al.", the abstract's first lines (expandable) and citations; and a list that loads its
// next page as the reader reaches its end.
import { gql } from "../lib/api.js";
import { formatDate, plural } from "../lib/format.js";
import { escapeHtml } from "../lib/html.js";
import { encodePath } from "../lib/ids.js";
import { loadInto } from "./states.js";

// The fields each listed paper needs, for any query that lists papers.
export const PAPER_ITEM = `id title year publicationDate venue hasCode codeUrls citedByCount
  abstract isOpenAccess primaryCategory { id shortName name } authorCount
  authorships(first: 3) { author { id name hIndex worksCount citationCount } }`;

const LONG_ABSTRACT = 320;

function authorLink(author) {
  const tip = `h-index ${author.hIndex} · ${plural(author.worksCount, "work")} · ${plural(
    author.citationCount,
    "citation",
  )}`;
  return `<a href="/author/${encodePath(author.id)}" class="author" data-tip="${escapeHtml(tip)}"
    aria-label="${escapeHtml(`${author.name}, ${tip}`)}">${escapeHtml(author.name ?? author.id)}</a>`;
}

function byline(paper) {
  const names = paper.authorships.map((a) => authorLink(a.author)).join(", ");
  const more = paper.authorCount > paper.authorships.length ? " et al." : "";
  return names ? `${names}${more}` : '<span class="muted">authors unknown</span>';
}

export function categoryBadge(category) {
  if (!category) return "";
  return `<a class="badge" href="/topic/${encodePath(category.id)}"
    title="${escapeHtml(`${category.id}: ${category.name}`)}">${escapeHtml(category.shortName)}</a>`;
}

function paperItem(paper) {
  const date = formatDate(paper.publicationDate, paper.year);
  const code = paper.codeUrls[0];
  const abstract = paper.abstract || "";
  const id = `abstract-${paper.id.replace(/[^A-Za-z0-9]/g, "-")}`;
  return `<li class="paper" data-id="${escapeHtml(paper.id)}">
    <div class="meta">
      ${categoryBadge(paper.primaryCategory)}
      ${date ? `<time datetime="${escapeHtml(paper.publicationDate ?? paper.year)}">${escapeHtml(date)}</time>` : ""}
      ${code ? `<a class="code" href="${escapeHtml(code)}" target="_blank" rel="noopener" title="${escapeHtml(code)}">Code</a>` : ""}
      ${paper.isOpenAccess ? '<span class="oa" title="Free to read">Open access</span>' : ""}
      <span class="cites">${plural(paper.citedByCount, "citation")}</span>
    </div>
    <h3 class="title"><a href="/paper/${encodePath(paper.id)}">${escapeHtml(paper.title ?? paper.id)}</a></h3>
    <p class="byline">${byline(paper)}${paper.venue ? ` <span class="venue">· ${escapeHtml(paper.venue)}</span>` : ""}</p>
    ${
      abstract
        ? `<p class="abstract${abstract.length > LONG_ABSTRACT ? " clamped" : ""}" id="${id}">${escapeHtml(abstract)}</p>
           ${
             abstract.length > LONG_ABSTRACT
               ? `<button type="button" class="more" aria-expanded="false" aria-controls="${id}">Show more</button>`
               : ""
           }`
        : '<p class="abstract muted">No abstract in the graph.</p>'
    }
  </li>`;
}

// Open or close an abstract (one listener for every list on the page).
document.addEventListener("click", (event) => {
  const button = event.target.closest("button.more");
  if (!button) return;
  const abstract = document.getElementById(button.getAttribute("aria-controls"));
  const open = button.getAttribute("aria-expanded") !== "true";
  abstract.classList.toggle("clamped", !open);
  button.setAttribute("aria-expanded", String(open));
  button.textContent = open ? "Show less" : "Show more";
});

// A list of papers in `element`, a page at a time: `query` takes `$after` and `$counted`
// (for `totalCount @include(if: $counted)`) and answers a
// PaperConnection at `pick(data)`. The next page loads when the end comes into view (or on
// the button). `onFirst(connection)` sees the first page (its totalCount); `missing` and
// `next` say what an empty list means (as `loadInto` takes them). Returns a function that
// stops the list (the view left).
export function pagedList(element, { query, variables, pick, onFirst, missing, next = "" }) {
  let stopped = false;
  let observer = null;
  const controller = new AbortController();

  async function first() {
    // The list's size is asked for with its first page only: counting reads the whole list.
    const page = await loadInto(element, {
      what: "Loading papers",
      query,
      variables: { ...variables, after: null, counted: true },
      pick: (data) => {
        const connection = pick(data);
        if (connection && onFirst) onFirst(connection);
        return connection?.nodes.length ? connection : null;
      },
      signal: controller.signal,
      retry: first,
      missing,
      next,
    });
    if (!page) return;
    element.innerHTML = `<ol class="papers">${page.nodes.map(paperItem).join("")}</ol>
      <div class="list-end"></div>`;
    more(page);
  }

  function more(page) {
    const end = element.querySelector(".list-end");
    const shown = element.querySelectorAll("ol.papers > li").length;
    if (!page.pageInfo.hasNextPage) {
      end.innerHTML =
        page.totalCount > 0 && shown > 10 ? `<p class="muted">All ${plural(shown, "paper")} shown.</p>` : "";
      return;
    }
    const total = page.totalCount != null ? ` (${shown} of ${page.totalCount.toLocaleString("en-US")})` : "";
    end.innerHTML = `<button type="button" class="load-more">Show more papers${total}</button>`;
    const button = end.querySelector("button");
    const next = async () => {
      if (button.disabled) return;
      button.disabled = true;
      button.textContent = "Loading more papers…";
      let nextPage;
      try {
        const variablesAfter = { ...variables, after: page.pageInfo.endCursor, counted: false };
        nextPage = pick(await gql(query, variablesAfter, controller.signal));
      } catch (error) {
        if (error.name === "AbortError" || stopped) return;
        button.disabled = false;
        button.textContent = `Could not load more (${error.message}). Try again`;
        return;
      }
      if (stopped) return;
      element.querySelector("ol.papers").insertAdjacentHTML("beforeend", nextPage.nodes.map(paperItem).join(""));
      more({ ...nextPage, totalCount: page.totalCount });
    };
    button.addEventListener("click", next);
    if (observer) observer.disconnect();
    observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && next());
    observer.observe(button);
  }

  first();
  return () => {
    stopped = true;
    controller.abort();
    if (observer) observer.disconnect();
  };
}
