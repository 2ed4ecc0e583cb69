// Step 2 of ranking the hubs a load or a write changed (graph_service/hubs.py): the :Rerank
// nodes and their neighbours that keep lists or have more than $from relationships in all
// (element ids). A relationship the refresh deleted needs no hub found for it: a list passes
// over what is gone.
MATCH (s:Rerank)
CALL (s) {
  RETURN s AS n
  UNION
  MATCH (s)--(n)
  RETURN n
}
WITH DISTINCT n
WHERE n:Hub OR COUNT { (n)--() } > $from
RETURN elementId(n) AS node
