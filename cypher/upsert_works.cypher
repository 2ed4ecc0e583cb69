// One batch of works. A record replaces the paper's properties, authorships, topics and
// references unless the stored copy is newer (OpenAlex `updated_date`). Authors whose derived
// values may change are labelled :Stale and recomputed by refresh_authors.
UNWIND $works AS w
MERGE (p:Paper {id: w.id})
WITH p, w
WHERE p.updatedDate IS NULL OR w.props.updatedDate IS NULL OR w.props.updatedDate >= p.updatedDate
SET p += w.props, p.stub = false
WITH p, w
CALL (p) {
  MATCH (old:Author)-[r:AUTHORED]->(p)
  SET old:Stale
  DELETE r
}
CALL (p) {
  MATCH (p)-[r:HAS_TOPIC|CITES]->()
  DELETE r
}
CALL (p, w) {
  UNWIND w.authorships AS s
  MERGE (a:Author {id: s.id})
  SET a.name = s.name, a.orcid = coalesce(s.orcid, a.orcid), a:Stale
  // No institutions is stored as no property (as the bulk importer writes it).
  CREATE (a)-[:AUTHORED {
    position: s.position, isCorresponding: s.isCorresponding,
    institutionIds: CASE WHEN size(s.institutionIds) > 0 THEN s.institutionIds END
  }]->(p)
}
CALL (p, w) {
  UNWIND w.topics AS t
  MATCH (x:Topic {id: t.id})
  CREATE (p)-[:HAS_TOPIC {score: t.score}]->(x)
}
CALL (p, w) {
  UNWIND w.references AS ref
  MERGE (q:Paper {id: ref})
  ON CREATE SET q.stub = true
  CREATE (p)-[:CITES]->(q)
}
RETURN count(p) AS applied
