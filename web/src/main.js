// The page app: the header search, and a view for every address.
import { startSearch } from "./components/search.js";
import { route, start } from "./router.js";
import { exploreView } from "./views/explorer/view.js";
import { institutionView } from "./views/institution/view.js";
import { paperView } from "./views/paper/view.js";
import { papersView } from "./views/papers/view.js";
import { researcherView } from "./views/researcher/view.js";
import { similarView } from "./views/similar/view.js";
import { topicView } from "./views/topic/view.js";

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
