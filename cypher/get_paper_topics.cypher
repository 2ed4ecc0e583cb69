// Each paper's topics with their scores, best first (OpenAlex's; its arXiv categories apart).
UNWIND $keys AS key
MATCH (p:Paper {id: key.id})
CALL (p) {
  MATCH (p)-[h:HAS_TOPIC]->(t:Topic)
  WHERE NOT t:Category
  OPTIONAL MATCH (t)-[:SUBTOPIC_OF]->(parent:Topic)
  WITH h, t, parent
  ORDER BY h.score DESC, t.id
  RETURN collect({topic: t {.id, .name, .level, parentId: parent.id}, score: h.score}) AS topics
}
RETURN key.index AS index, topics AS value
