// Cytoscape with the fcose layout registered, for every graph the pages draw.
import cytoscape from "cytoscape";
import fcose from "cytoscape-fcose";

cytoscape.use(fcose);

export { cytoscape };
