// A path that a search found, from its nodes' and relationships' element ids in order, as a
// slice in the shape of select_neighborhood's; no row when one of them is gone since.
UNWIND range(0, size($nodes) - 1) AS i
MATCH (m)
WHERE elementId(m) = $nodes[i]
WITH i, m
ORDER BY i
WITH collect({
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
}) AS nodes
CALL () {
  UNWIND range(0, size($relationships) - 1) AS i
  MATCH ()-[r]->()
  WHERE elementId(r) = $relationships[i]
  WITH i, r
  ORDER BY i
  RETURN collect({
    source: startNode(r).id,
    target: endNode(r).id,
    type: type(r),
    weight: CASE type(r)
      WHEN 'HAS_TOPIC' THEN r.score
      WHEN 'AFFILIATED_WITH' THEN r.papers
      WHEN 'COLLABORATES_WITH' THEN r.sharedWorks
      ELSE 1
    END
  }) AS edges
}
WITH nodes, edges
WHERE size(nodes) = size($nodes) AND size(edges) = size($relationships)
RETURN {nodes: nodes, edges: edges} AS slice
