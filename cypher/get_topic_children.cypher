// Each topic's direct children in the hierarchy, by name.
UNWIND $keys AS key
MATCH (t:Topic {id: key.id})
CALL (t) {
  MATCH (child:Topic)-[:SUBTOPIC_OF]->(t)
  WITH child
  ORDER BY child.name, child.id
  RETURN collect(child {.id, .name, .level, parentId: t.id}) AS children
}
RETURN key.index AS index, children AS value
