// The Neo4j GraphQL Library's form of an author's top topics (benchmark peer, `@cypher`
// field on Author, `this` is the author): topics by the author's works in them.
MATCH (this)-[:AUTHORED]->(:Paper)-[:HAS_TOPIC]->(t:Topic)
WITH t, count(*) AS works
ORDER BY works DESC, t.id
LIMIT $first
RETURN {topic: t {.id, .name}, works: works} AS share
