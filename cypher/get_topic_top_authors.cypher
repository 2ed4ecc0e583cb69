// The authors with the most papers on each topic (counting the topics below it).
UNWIND $keys AS key
MATCH (t:Topic {id: key.id})
CALL (t) {
  MATCH (t)<-[:SUBTOPIC_OF*0..3]-(:Topic)<-[:HAS_TOPIC]-(p:Paper)
  WITH DISTINCT p
  MATCH (a:Author)-[:AUTHORED]->(p)
  WITH a, count(p) AS works
  ORDER BY works DESC, a.citationCount DESC, a.id
  LIMIT $first
  RETURN collect({author: a {.id, .name, .orcid, .worksCount, .citationCount, .hIndex, .importance},
                  works: works}) AS authors
}
RETURN key.index AS index, authors AS value
