// Step 5, for the next $limit authors by id after $after ('' for the first): an author's
// importance is the sum of their works' importance, each shared equally among the work's authors
// (fractional counting, so a paper of a thousand authors does not give each the whole of it).
// A plain range on the id seeks the constraint's index in order; an `$after IS NULL OR` made
// every batch scan and sort every author, so the whole step grew with the square of them.
MATCH (a:Author)
WHERE a.id > $after
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
