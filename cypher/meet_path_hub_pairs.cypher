// For pairs of hubs, one from each side of a path search, a node next to both (not a stub)
// and the two relationships (graph_service/api/paths.py). The first hub of a pair is the one
// with fewer relationships: its neighbours are read, the second is tested from each of them.
UNWIND $pairs AS pair
MATCH (small), (large)
WHERE elementId(small) = pair[0] AND elementId(large) = pair[1]
CALL (small, large) {
  MATCH (small)-[r1:AUTHORED|CITES|HAS_TOPIC|SUBTOPIC_OF|AFFILIATED_WITH|PART_OF]-(x)
  WHERE x <> large AND NOT coalesce(x.stub, false)
  CALL (x, large) {
    MATCH (x)-[r2:AUTHORED|CITES|HAS_TOPIC|SUBTOPIC_OF|AFFILIATED_WITH|PART_OF]-(large)
    RETURN r2
    LIMIT 1
  }
  RETURN x, r1, r2
  LIMIT 1
}
RETURN pair[0] AS small, elementId(r1) AS first, elementId(x) AS middle,
       elementId(r2) AS second, pair[1] AS large
