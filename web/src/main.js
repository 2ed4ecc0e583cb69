// The page app: the header search, and a view for every address.
import { startSearch } from "./components/search.js";
import { institutionView } from "./institution.js";
import { paperView } from "./paper.js";
import { papersView } from "./papers.js";
import { researcherView } from "./researcher.js";
import { route, start } from "./router.js";
import { topicView } from "./topic.js";
import { exploreView } from "./views/explorer/view.js";
import { similarView } from "./views/similar/view.js";

// A page view hides the explorer while it is shown.
function onPage(view) {
  return {
    enter(id, params) {
      document.getElementById("explore").hidden = true;
      document.getElementById("page").hidden = false;
      view.enter(id, params);
    },
    leave: () => view.leave(),
    update: view.update && ((id, params) => view.update(id, params)),
  };
}

route("/papers", onPage(papersView));
route("/paper/*", onPage(paperView));
route("/similar/*", onPage(similarView));
route("/author/*", onPage(researcherView));
route("/topic/*", onPage(topicView));
route("/institution/*", onPage(institutionView));
route("/", exploreView);
startSearch();
start();
