// Similarity lists made outside Neo4j (graph_service.similarity), stored as
// refresh_similarity.cypher stores them: a kind's value only when above zero.
UNWIND $lists AS list
MATCH (p:Paper {id: list.id})
UNWIND list.similar AS s
MATCH (q:Paper {id: s.id})
CREATE (p)-[:SIMILAR_TO {
  coCitation: s.coCitation,
  coupling: s.coupling,
  openalex: s.openalex,
  score: s.score
}]->(q)
RETURN count(*) AS written
