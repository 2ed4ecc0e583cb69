// Full-text search over titles and names (the `search` index). $query is Lucene syntax made
// from the caller's words; stubs and unwanted types are dropped, best score first, then id.
CALL db.index.fulltext.queryNodes('search', $query, {limit: $candidates}) YIELD node, score
WITH node, score,
     head([l IN labels(node) WHERE l IN ['Author', 'Paper', 'Topic', 'Institution']]) AS type
WHERE type IN $types AND NOT coalesce(node.stub, false)
WITH node, score, type
ORDER BY score DESC, node.id
LIMIT $first
OPTIONAL MATCH (node:Topic)-[:SUBTOPIC_OF]->(parent:Topic)
RETURN score, type, node {.*, parentId: parent.id, stub: coalesce(node.stub, false)} AS value
