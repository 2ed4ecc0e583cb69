// Step 1 of ranking every hub's neighbours (graph_service/hubs.py, cypher/rank_hubs): the
// nodes that keep lists or have more than $from relationships in all (element ids).
MATCH (n)
WHERE n:Hub OR COUNT { (n)--() } > $from
RETURN elementId(n) AS node
