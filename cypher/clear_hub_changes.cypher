// Step 4 of ranking the hubs a load or a write changed (graph_service/hubs.py), after their
// lists are made (cypher/rank_hubs): up to $limit :Rerank nodes let go.
MATCH (s:Rerank)
WITH s LIMIT $limit
REMOVE s:Rerank
RETURN count(s) AS cleared
