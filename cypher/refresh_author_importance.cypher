// Step 5, for the next $limit authors by id after $after: an author's importance is the sum of
// their works' importance, each shared equally among the work's authors (fractional counting,
// so a paper of a thousand authors does not give each the whole of it).
MATCH (a:Author)
WHERE $after IS NULL OR a.id > $after
WITH a
ORDER BY a.id
LIMIT $limit
// An author left without works (their last one deleted) sums nothing: 0.0.
CALL (a) {
  MATCH (a)-[:AUTHORED]->(p:Paper)
  RETURN toFloat(sum(coalesce(p.importance, 0.0) / COUNT { (p)<-[:AUTHORED]-() })) AS importance
}
SET a.importance = importance
RETURN count(a) AS done, max(a.id) AS last
