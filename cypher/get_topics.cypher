// Topics by id, batched, with the id of their parent in the hierarchy.
UNWIND $keys AS key
MATCH (t:Topic {id: key.id})
OPTIONAL MATCH (t)-[:SUBTOPIC_OF]->(parent:Topic)
RETURN key.index AS index, t {.id, .name, .level, parentId: parent.id} AS value
