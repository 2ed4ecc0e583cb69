// The search box above every view: researchers, papers, topics and institutions as you type.
// In the explorer a hit re-centres the graph with the same settings; elsewhere it opens the
// hit's page. The last entry lists the papers with the words.
import { escapeHtml } from "../lib/html.js";
import { pathOf } from "../lib/ids.js";
import { navigate } from "../router.js";
import { picker } from "./picker.js";

export function startSearch() {
  picker({
    input: document.getElementById("search"),
    list: document.getElementById("results"),
    extra: (text) => `<li><a class="hit all-papers" href="/papers?q=${encodeURIComponent(text)}">
      Papers with “${escapeHtml(text)}” in the title or abstract →</a></li>`,
    onPick({ id, type }) {
      if (window.location.pathname !== "/") {
        navigate(pathOf(id, type));
        return;
      }
      const params = new URLSearchParams(window.location.search);
      params.set("id", id);
      ["open", "path", "sel"].forEach((key) => params.delete(key));
      navigate(`/?${params.toString().replace(/%2C/g, ",").replace(/%2F/g, "/")}`);
    },
  });
}
