// The benchmark's peer (bench/peer): a shortest connection between two nodes through papers,
// authors, topics and institutions (stubs excluded), at most 8 relationships; $maxLength
// (<= 8) cuts it shorter. Neo4j's shortestPath, as graph_service ran it before its own search
// from both ends (graph_service/api/paths.py); the peer has no native path. Its ids may name
// any label, so each end is looked up under each.
CALL () {
  MATCH (n:Author {id: $from}) RETURN n AS source
  UNION MATCH (n:Paper {id: $from}) RETURN n AS source
  UNION MATCH (n:Topic {id: $from}) RETURN n AS source
  UNION MATCH (n:Institution {id: $from}) RETURN n AS source
}
CALL () {
  MATCH (n:Author {id: $to}) RETURN n AS target
  UNION MATCH (n:Paper {id: $to}) RETURN n AS target
  UNION MATCH (n:Topic {id: $to}) RETURN n AS target
  UNION MATCH (n:Institution {id: $to}) RETURN n AS target
}
WITH source, target
WHERE source <> target
MATCH path = shortestPath(
  (source)-[:AUTHORED|CITES|HAS_TOPIC|SUBTOPIC_OF|AFFILIATED_WITH|PART_OF*..8]-(target))
WHERE all(x IN nodes(path) WHERE NOT coalesce(x.stub, false))
WITH path WHERE length(path) <= $maxLength
WITH path, nodes(path) AS ms, relationships(path) AS rs
RETURN {
  nodes: [i IN range(0, size(ms) - 1) | head([m IN [ms[i]] | {
  id: m.id,
  type: head([l IN labels(m) WHERE l IN ['Author', 'Paper', 'Topic', 'Institution']]),
  label: coalesce(m.title, m.name, m.id),
  hop: i,
  year: m.year,
  citations: coalesce(m.citedByCount, m.citationCount),
  worksCount: m.worksCount,
  weight: CASE
    WHEN m:Paper THEN coalesce(m.citedByCount, 0)
    WHEN m:Author THEN coalesce(m.citationCount, 0)
    WHEN m:Topic THEN COUNT { (m)<-[:HAS_TOPIC|SUBTOPIC_OF]-() }
    ELSE COUNT { (m)<-[:AFFILIATED_WITH|PART_OF]-() }
  END
}])],
  edges: [r IN rs | {
  source: startNode(r).id,
  target: endNode(r).id,
  type: type(r),
  weight: CASE type(r)
    WHEN 'HAS_TOPIC' THEN r.score
    WHEN 'AFFILIATED_WITH' THEN r.papers
    WHEN 'COLLABORATES_WITH' THEN r.sharedWorks
    ELSE 1
  END
}]
} AS slice
