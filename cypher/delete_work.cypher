// Remove a paper. Its authors, the works it cited and the papers that list it as similar become
// :Stale (their derived values and similarity lists are refreshed next); so does the paper when
// it stays. A paper
// other works still cite stays as a stub so their references are kept; otherwise it goes.
MATCH (p:Paper {id: $id})
WHERE NOT coalesce(p.stub, false)
CALL (p) {
  MATCH (a:Author)-[r:AUTHORED]->(p)
  SET a:Stale
  DELETE r
}
CALL (p) {
  MATCH (p)-[r:CITES]->(cited)
  SET cited:Stale
  DELETE r
}
CALL (p) {
  MATCH (other:Paper)-[:SIMILAR_TO]->(p)
  SET other:Stale
}
CALL (p) {
  MATCH (p)-[r:HAS_TOPIC|SIMILAR_TO]->()
  DELETE r
}
WITH p, EXISTS { (:Paper)-[:CITES]->(p) } AS cited
CALL (p, cited) {
  WITH p WHERE cited
  SET p = {id: p.id, stub: true}, p:Stale
}
CALL (p, cited) {
  WITH p WHERE NOT cited
  DETACH DELETE p
}
RETURN count(*) AS deleted
