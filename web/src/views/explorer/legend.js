// The legend under the graph: the kinds of node drawn, what their size says, the centre and
// a path.
import { COLOURS, NOUNS } from "../../graph/style.js";
import { TYPES } from "./address.js";
import { cy } from "./graph.js";

const SIZES = {
  AUTHOR: "citations",
  PAPER: "citations",
  TOPIC: "papers",
  INSTITUTION: "researchers",
};

export function drawLegend() {
  const present = TYPES.filter((t) => cy.nodes(`[type = "${t}"]`).length);
  const box = document.getElementById("legend");
  box.hidden = !present.length;
  box.innerHTML = `<ul class="plain">${present
    .map(
      (t) => `<li><span class="dot" style="background:${COLOURS[t]}"></span>${NOUNS[t]}s
        <small>size: ${SIZES[t]}</small></li>`,
    )
    .join("")}
    <li><span class="dot ring"></span>the centre</li>
    ${cy.$(".on-path").length ? '<li><span class="dot ring path"></span>the path</li>' : ""}
    <li><small>line width: shared works · zoom in for more names</small></li></ul>`;
}
