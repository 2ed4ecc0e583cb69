// meet_path_hubs read from the other end: each hub's relationships, kept where they lead to one
// of $nodes (not a stub). graph_service/api/paths.py takes it when the hubs have fewer
// relationships between them than the nodes would cost to test one by one.
UNWIND $hubs AS hub
MATCH (h)
WHERE elementId(h) = hub
MATCH (h)-[r:AUTHORED|CITES|HAS_TOPIC|SUBTOPIC_OF|AFFILIATED_WITH|PART_OF]-(n)
WHERE elementId(n) IN $nodes AND NOT coalesce(n.stub, false)
RETURN collect(elementId(n)) AS nodes, collect(hub) AS hubs, collect(elementId(r)) AS via
