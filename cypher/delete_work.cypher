// Remove a paper. Its authors become :Stale (their derived values are refreshed next). A paper
// other works still cite stays as a stub so their references are kept; otherwise it goes.
MATCH (p:Paper {id: $id})
WHERE NOT coalesce(p.stub, false)
CALL (p) {
  MATCH (a:Author)-[r:AUTHORED]->(p)
  SET a:Stale
  DELETE r
}
CALL (p) {
  MATCH (p)-[r:HAS_TOPIC|CITES]->()
  DELETE r
}
WITH p, EXISTS { (:Paper)-[:CITES]->(p) } AS cited
CALL (p, cited) {
  WITH p WHERE cited
  SET p = {id: p.id, stub: true}
}
CALL (p, cited) {
  WITH p WHERE NOT cited
  DELETE p
}
RETURN count(*) AS deleted
