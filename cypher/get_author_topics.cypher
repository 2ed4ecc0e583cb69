// Each author's topics with the number of their papers on each, most papers first (OpenAlex's
// topics; arXiv categories are listed apart).
UNWIND $keys AS key
MATCH (a:Author {id: key.id})
CALL (a) {
  MATCH (a)-[:AUTHORED]->(p:Paper)-[h:HAS_TOPIC]->(t:Topic)
  WHERE NOT t:Category
  WITH t, count(DISTINCT p) AS works, max(h.score) AS bestScore
  ORDER BY works DESC, bestScore DESC, t.id
  LIMIT $first
  OPTIONAL MATCH (t)-[:SUBTOPIC_OF]->(parent:Topic)
  RETURN collect({topic: t {.id, .name, .level, parentId: parent.id}, works: works}) AS topics
}
RETURN key.index AS index, topics AS value
