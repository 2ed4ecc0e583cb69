// Addresses for every view: links inside the app change the address with the History API,
// Back and Forward redraw the view the address names, and a reload or a shared link opens it.
// A view with `update(id, params)` may take a new address of its own without being drawn
// again (it returns true when it did). Only this module writes the browser's history.

const routes = [];
let current = null;

// `pattern` is a path with one optional `*` (the rest of the path: ids may hold a slash).
export function route(pattern, view) {
  const [head] = pattern.split("*");
  routes.push({ pattern, head, rest: pattern.endsWith("*"), view });
}

function match(pathname) {
  for (const r of routes) {
    if (r.rest && pathname.startsWith(r.head) && pathname.length > r.head.length) {
      const id = pathname.slice(r.head.length).split("/").map(decodeURIComponent).join("/");
      return { view: r.view, id };
    }
    if (!r.rest && pathname === r.pattern) return { view: r.view, id: null };
  }
  return null;
}

export function navigate(url) {
  const next = new URL(url, window.location.href);
  if (next.href === window.location.href) return;
  window.history.pushState(null, "", next);
  if (!render()) window.scrollTo(0, 0);
}

// Changes the address in place: no step for Back, and nothing is drawn again (a view keeps
// what the reader picked in its address this way).
export function replace(url) {
  const next = new URL(url, window.location.href);
  if (next.href !== window.location.href) window.history.replaceState(null, "", next);
}

// Draws the view the address names; true when the view shown took the address as an update.
function render() {
  const { pathname, searchParams } = new URL(window.location.href);
  const found = match(pathname) || match("/");
  if (current === found.view && current.update && current.update(found.id, searchParams)) return true;
  if (current && current.leave) current.leave();
  current = found.view;
  current.enter(found.id, searchParams);
  return false;
}

export function start() {
  window.addEventListener("popstate", render);
  // A plain click on a link inside the app is handled here; a new tab, a download or an
  // outside link is left to the browser.
  document.addEventListener("click", (event) => {
    const link = event.target.closest("a[href]");
    if (!link || event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    if (link.target || link.hasAttribute("download")) return;
    const url = new URL(link.href, window.location.href);
    if (url.origin !== window.location.origin || !match(url.pathname)) return;
    event.preventDefault();
    navigate(url.href);
  });
  render();
}
