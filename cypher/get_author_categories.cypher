// Each author's arXiv categories: the primary category of their works, most works first.
UNWIND $keys AS key
MATCH (a:Author {id: key.id})
CALL (a) {
  MATCH (a)-[:AUTHORED]->(p:Paper)-[:HAS_TOPIC {primary: true}]->(c:Category)
  WITH c, count(DISTINCT p) AS works
  ORDER BY works DESC, c.id
  LIMIT $first
  OPTIONAL MATCH (c)-[:SUBTOPIC_OF]->(parent:Topic)
  RETURN collect({topic: c {.id, .name, .level, parentId: parent.id}, works: works}) AS topics
}
RETURN key.index AS index, topics AS value
