// select_similarity.cypher on the second model: the kinds are separate relationship types, so
// a pair's score, 1 - (1 - coCitation)(1 - coupling)(1 - openalex), is put together on read.
MATCH (seed:Paper {id: $center})
CALL (seed) {
  MATCH (seed)-[s:CO_CITED|COUPLED|RELATED]-(q:Paper)
  WHERE q <> seed AND NOT coalesce(q.stub, false)
  WITH q, type(s) AS kind, max(s.weight) AS weight
  WITH q, 1.0 - reduce(rest = 1.0, w IN collect(weight) | rest * (1.0 - w)) AS score
  ORDER BY score DESC, q.id
  RETURN collect({node: q, score: score}) AS similar
}
WITH seed, similar, size(similar) AS totalNeighbors, similar[..$limit] AS first
CALL (seed, first) {
  UNWIND first AS f
  WITH seed, first, f.node AS near, f.score AS nearScore
  MATCH (near)-[s:CO_CITED|COUPLED|RELATED]-(q:Paper)
  WHERE q <> seed AND NOT coalesce(q.stub, false) AND NOT q IN [x IN first | x.node]
  WITH near, nearScore, q, type(s) AS kind, max(s.weight) AS weight
  WITH near, nearScore, q, 1.0 - reduce(rest = 1.0, w IN collect(weight) | rest * (1.0 - w)) AS pair
  WITH q, max(nearScore * pair) AS score
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
  MATCH (a)-[s:CO_CITED|COUPLED|RELATED]->(b:Paper)
  WHERE b IN members
  WITH CASE WHEN a.id < b.id THEN a.id ELSE b.id END AS low,
       CASE WHEN a.id < b.id THEN b.id ELSE a.id END AS high,
       a, b, type(s) AS kind, max(s.weight) AS weight
  WITH low, high, a, b, 1.0 - reduce(rest = 1.0, w IN collect(weight) | rest * (1.0 - w)) AS score
  WITH low, high, max(score) AS score
  RETURN collect({source: low, target: high, type: 'SIMILAR_TO', weight: score}) AS edges
}
RETURN {center: seed.id, totalNeighbors: totalNeighbors, truncated: truncated,
        nodes: [x IN picked | {id: x.node.id, hop: x.hop, strength: x.score}],
        edges: edges} AS slice
