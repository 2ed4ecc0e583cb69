// A shortest connection between two nodes through papers, authors, topics and institutions
// (stubs excluded), at most 8 relationships; $maxLength (<= 8) cuts it shorter.
// Written out by the service once per pair of labels the ids name (graph_service/statements.py).
MATCH (source:SOURCE_LABEL {id: $from}), (target:TARGET_LABEL {id: $to})
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
