// The relationships joining nodes of one side of a path search to the hubs the other side
// reached but did not expand (graph_service/api/paths.py): how the search meets behind a hub
// without reading its thousands of neighbours. Each pair is tested from the node's side, and
// only where the two labels have a relationship type in common (a paper is never next to an
// institution), so the cost is some of the nodes' relationships, not the hubs'. Stubs are
// passed by. Lists in one row: the driver reads them many times faster than records.
UNWIND $hubs AS hub
MATCH (h)
WHERE elementId(h) = hub
UNWIND $nodes AS node
MATCH (n)
WHERE elementId(n) = node
  AND CASE
        WHEN h:Institution THEN n:Author OR n:Institution
        WHEN h:Topic THEN n:Paper OR n:Topic
        WHEN h:Author THEN n:Paper OR n:Institution
        ELSE n:Paper OR n:Author OR n:Topic
      END
  AND NOT coalesce(n.stub, false)
MATCH (n)-[r:AUTHORED|CITES|HAS_TOPIC|SUBTOPIC_OF|AFFILIATED_WITH|PART_OF]-(h)
RETURN collect(node) AS nodes, collect(hub) AS hubs, collect(elementId(r)) AS via
