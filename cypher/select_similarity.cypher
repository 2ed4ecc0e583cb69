// The similarity graph around one paper, as Connected Papers draws it: the seed, its $limit
// most similar papers (either paper listing the other, by the better score), filled up from
// their own most similar (by the product of the two scores) when the seed has fewer, and the
// SIMILAR_TO edges among them all, one per pair. Stubs are left out. truncated: some similar
// paper was left out by $limit.
MATCH (seed:Paper {id: $center})
CALL (seed) {
  MATCH (seed)-[s:SIMILAR_TO]-(q:Paper)
  WHERE q <> seed AND NOT coalesce(q.stub, false)
  WITH q, max(s.score) AS score
  ORDER BY score DESC, q.id
  RETURN collect({node: q, score: score}) AS similar
}
WITH seed, similar, size(similar) AS totalNeighbors, similar[..$limit] AS first
CALL (seed, first) {
  UNWIND first AS f
  WITH seed, first, f.node AS near, f.score AS nearScore
  MATCH (near)-[s:SIMILAR_TO]-(q:Paper)
  WHERE q <> seed AND NOT coalesce(q.stub, false) AND NOT q IN [x IN first | x.node]
  WITH q, max(nearScore * s.score) AS score
  ORDER BY score DESC, q.id
  RETURN collect({node: q, score: score}) AS further
}
WITH seed, totalNeighbors, first, further[..($limit - size(first))] AS second,
     totalNeighbors > $limit OR size(further) > $limit - size(first) AS truncated
WITH seed, totalNeighbors, truncated,
     [{node: seed, score: 1.0, hop: 0}] + [x IN first | x {.*, hop: 1}]
       + [x IN second | x {.*, hop: 2}] AS picked
WITH seed, totalNeighbors, truncated, picked, [x IN picked | x.node] AS members
CALL (members) {
  UNWIND members AS a
  MATCH (a)-[s:SIMILAR_TO]->(b:Paper)
  WHERE b IN members
  WITH CASE WHEN a.id < b.id THEN a.id ELSE b.id END AS low,
       CASE WHEN a.id < b.id THEN b.id ELSE a.id END AS high,
       max(s.score) AS score
  RETURN collect({source: low, target: high, type: 'SIMILAR_TO', weight: score}) AS edges
}
RETURN {center: seed.id, totalNeighbors: totalNeighbors, truncated: truncated,
        nodes: [x IN picked | {
          id: x.node.id, type: 'Paper', label: coalesce(x.node.title, x.node.id), hop: x.hop,
          year: x.node.year, citations: coalesce(x.node.citedByCount, 0),
          worksCount: null, weight: coalesce(x.node.citedByCount, 0),
          importance: x.node.importance, strength: x.score, role: CASE x.hop
            WHEN 0 THEN 'CENTER' ELSE 'SIMILAR' END}],
        edges: edges} AS slice
