// A shortest chain of similar papers between two papers (SIMILAR_TO either way, stubs left
// out), at most 8 links; $maxLength (<= 8) cuts it shorter.
MATCH (source:Paper {id: $from}), (target:Paper {id: $to})
WHERE source <> target
MATCH path = shortestPath((source)-[:SIMILAR_TO*..8]-(target))
WHERE all(x IN nodes(path) WHERE NOT coalesce(x.stub, false))
WITH path WHERE length(path) <= $maxLength
WITH path, nodes(path) AS ms, relationships(path) AS rs
RETURN {
  nodes: [i IN range(0, size(ms) - 1) | head([m IN [ms[i]] | {
  id: m.id,
  type: 'Paper',
  label: coalesce(m.title, m.id),
  hop: i,
  year: m.year,
  citations: coalesce(m.citedByCount, 0),
  worksCount: null,
  weight: coalesce(m.citedByCount, 0),
  importance: m.importance
}])],
  edges: [r IN rs | {
  source: startNode(r).id,
  target: endNode(r).id,
  type: 'SIMILAR_TO',
  weight: r.score
}]
} AS slice
