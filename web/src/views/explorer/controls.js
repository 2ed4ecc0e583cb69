// The settings beside the graph (kinds of node, years, co-authors only, depth and limits),
// applied as a new address, and the tabs that switch the panels on a narrow screen.
import { navigate } from "../../router.js";
import { addressOf, settingsOf } from "./address.js";
import { cy } from "./graph.js";
import { state } from "./state.js";

const $ = (id) => document.getElementById(id);

// What the controls say, as a state (the centre and the rest from `base`).
export function stateOfControls(base) {
  return settingsOf(base, {
    types: [...document.querySelectorAll("input[name=type]:checked")].map((i) => i.value),
    depth: $("depth").value,
    limit: $("limit").value,
    per: $("per").value,
    from: $("year-from").value,
    to: $("year-to").value,
    co: $("collaboration").checked,
  });
}

export function writeControls(s) {
  document.querySelectorAll("input[name=type]").forEach((box) => {
    box.checked = s.types.includes(box.value);
  });
  $("collaboration").checked = s.co;
  $("year-from").value = s.from ?? "";
  $("year-to").value = s.to ?? "";
  $("depth").value = String(s.depth);
  $("limit").value = String(s.limit);
  $("per").value = String(s.per);
}

// A panel not in view that has something new says so on its tab.
export function markTab(tab) {
  const button = document.querySelector(`#explore-tabs [data-tab="${tab}"]`);
  if (button && $("explore").dataset.tab !== tab) button.classList.add("news");
}

export function startControls() {
  document.querySelectorAll("#explore-tabs button").forEach((button) => {
    button.addEventListener("click", () => {
      $("explore").dataset.tab = button.dataset.tab;
      button.classList.remove("news");
      document.querySelectorAll("#explore-tabs button").forEach((b) => b.setAttribute("aria-pressed", String(b === button)));
      if (button.dataset.tab === "graph") cy.resize();
    });
  });
  $("apply").addEventListener("click", () => {
    if (!state.want.id) return;
    navigate(addressOf({ ...stateOfControls(state.want), open: [], sel: null }));
  });
  $("controls").addEventListener("keydown", (event) => {
    if (event.key === "Enter" && event.target.matches("input")) $("apply").click();
  });
}
