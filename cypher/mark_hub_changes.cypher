// Step 1 of ranking the hubs a load or a write changed (graph_service/hubs.py): up to $limit
// :Stale nodes are also labelled :Rerank, before the refresh lets them go. Their hubs are
// found after it (cypher/select_changed_hubs), when the relationships it makes are there.
MATCH (s:Stale)
WHERE NOT s:Rerank
WITH s LIMIT $limit
SET s:Rerank
RETURN count(s) AS marked
